/**
 * Streams a JSON file's items, one assembled object at a time: the dump's flat array (several hundred MB)
 * never exists as one string or one array in memory. Two shapes: a top-level array of items, or an API page
 * `{items, total, page, size, pages}` (its scalar keys come back as `meta`).
 */
import { createReadStream } from "node:fs";
import Assembler from "stream-json/assembler.js";
import { jsonParser, type Token } from "stream-json/parser.js";
import verifyFile from "stream-json/file/verifier.js";
import { decrireValeur } from "../validation/messages";
import { ErreurEntree } from "./enregistrement";

export interface ContenuJson {
  forme: "tableau" | "page";
  /** A page's scalar keys (`total`, `page`, `size`, `pages`…). */
  meta: Record<string, unknown>;
  /** Items seen. */
  elements: number;
  /** The visitor asked to stop before the end. */
  arrete: boolean;
}

/** Return `false` to stop reading (the rest of the file is not read). */
export type SurElement = (valeur: unknown, rang: number) => boolean | void;

// The bare tokenizer is driven by hand rather than through `parser.asStream()`: a Node stream event per token
// costs ~40 % more time on the national dump, and a plain loop lets an ErreurEntree or an early stop end the
// read at once. `none`/`many` are stream-chain's markers, registry symbols shared across libraries by design.
const AUCUN = Symbol.for("object-stream.none");
type Decoupeur = (texte: string | symbol) => { values: Token[] } | symbol;

export async function parcourirJson(chemin: string, surElement: SurElement): Promise<ContenuJson> {
  if ((await premierCaractere(chemin)) === "[") {
    const rapide = await parcourirTableau(chemin, surElement);
    if (rapide) return rapide;
  }
  return parcourirParJetons(chemin, surElement);
}

/** The first character that is not white space (nor a BOM). */
async function premierCaractere(chemin: string): Promise<string | undefined> {
  const flux = createReadStream(chemin, { encoding: "utf8", start: 0, end: 4095 });
  try {
    for await (const morceau of flux as AsyncIterable<string>) {
      const m = /[^\s\uFEFF]/.exec(morceau);
      if (m) return m[0];
    }
  } finally {
    flux.destroy();
  }
  return undefined;
}

/**
 * A top-level array of objects (the dump), read by cutting out each item's text and handing it to the
 * engine's own JSON.parse: its strings are whole, not slices of the reader's chunks, which spares the import
 * memory and collection time (measured in docs/benchmarks.md). undefined when the text is not such an array:
 * the token reader then reads it, and says where it is wrong.
 */
export async function parcourirTableau(chemin: string, surElement: SurElement): Promise<ContenuJson | undefined> {
  const flux = createReadStream(chemin, { encoding: "utf8", highWaterMark: 1 << 20 });
  let profondeur = 0;
  let dansTexte = false;
  let echappe = false;
  /** The current item's text from previous chunks. */
  let enCours = "";
  let rang = 0;
  let fini = false;
  try {
    for await (const morceau of flux as AsyncIterable<string>) {
      if (fini) {
        if (morceau.trim() !== "") return undefined;
        continue;
      }
      let debut = profondeur >= 1 ? 0 : -1;
      for (let i = rang === 0 && profondeur === 0 ? morceau.search(/[^\s\uFEFF]/) : 0; i >= 0 && i < morceau.length; i++) {
        const c = morceau.charCodeAt(i);
        if (dansTexte) {
          if (echappe) echappe = false;
          else if (c === 92) echappe = true;
          else if (c === 34) dansTexte = false;
          else {
            // Jump to the next quote or backslash.
            const q = morceau.indexOf('"', i);
            const b = morceau.indexOf("\\", i);
            const suivant = q === -1 ? b : b === -1 ? q : Math.min(q, b);
            if (suivant === -1) i = morceau.length - 1;
            else i = suivant - 1;
          }
          continue;
        }
        if (c === 34) dansTexte = true;
        else if (c === 123 || c === 91) {
          profondeur++;
          if (profondeur === 1 && c !== 91) return undefined; // not an array
          if (profondeur === 2) {
            if (c !== 123) return undefined; // items must be objects
            debut = i;
            enCours = "";
          }
        } else if (c === 125 || c === 93) {
          profondeur--;
          if (profondeur === 1) {
            let valeur: unknown;
            try {
              valeur = JSON.parse(enCours + morceau.slice(debut, i + 1));
            } catch {
              return undefined;
            }
            enCours = "";
            debut = -1;
            rang++;
            if (surElement(valeur, rang) === false) return { forme: "tableau", meta: {}, elements: rang, arrete: true };
          } else if (profondeur === 0) {
            fini = true;
            if (morceau.slice(i + 1).trim() !== "") return undefined;
            break;
          } else if (profondeur < 0) return undefined;
        } else if (profondeur === 1 && c !== 44 && c !== 32 && c !== 10 && c !== 13 && c !== 9) {
          return undefined; // something else than an object between items
        } else if (profondeur === 0 && c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== 0xfeff) {
          return undefined;
        }
      }
      if (profondeur >= 2 && debut >= 0) enCours += morceau.slice(debut);
    }
  } finally {
    flux.destroy();
  }
  return fini ? { forme: "tableau", meta: {}, elements: rang, arrete: false } : undefined;
}

/** The token reader alone (every JSON shape; the benchmark compares it with the array reader). */
export async function parcourirParJetons(chemin: string, surElement: SurElement): Promise<ContenuJson> {
  const decouper = jsonParser({ streamValues: false }) as unknown as Decoupeur;
  const lecteur = new LecteurJetons(chemin, surElement);
  const flux = createReadStream(chemin, { encoding: "utf8", highWaterMark: 1 << 16 });
  let premier = true;
  try {
    for await (const morceau of flux as AsyncIterable<string>) {
      // A BOM is not JSON; the bare tokenizer does not drop it.
      const texte = premier ? morceau.replace(/^\uFEFF/, "") : morceau;
      premier = false;
      if (!lecteur.jetons(await decouperOuExpliquer(chemin, () => decouper(texte), false))) break;
    }
    if (!lecteur.arrete) lecteur.jetons(await decouperOuExpliquer(chemin, () => decouper(AUCUN), true));
  } finally {
    flux.destroy();
  }
  return lecteur.contenu();
}

async function decouperOuExpliquer(chemin: string, decouper: () => ReturnType<Decoupeur>, fin: boolean): Promise<Token[]> {
  let resultat;
  try {
    resultat = decouper();
  } catch {
    throw await erreurDeSyntaxe(chemin, fin);
  }
  return typeof resultat === "symbol" ? [] : resultat.values;
}

/** The tokenizer says neither where nor (in French) what; the verifier, run again on the file, says where. */
async function erreurDeSyntaxe(chemin: string, fin: boolean): Promise<ErreurEntree> {
  let ligne: number | undefined;
  let colonne: number | undefined;
  let detail = "syntaxe invalide";
  try {
    await verifyFile(chemin);
  } catch (erreur) {
    const e = erreur as { line?: number; pos?: number; message?: string };
    ligne = e.line;
    colonne = e.pos;
    detail = traduire(e.message ?? "");
  }
  const ou = ligne === undefined ? "" : ` ligne ${ligne}, colonne ${colonne ?? "?"}`;
  // An error found only when the text ran out: the file stops in the middle of a value.
  return new ErreurEntree(
    fin
      ? `${chemin}: JSON tronqué : le texte s'arrête${ou} au milieu d'une valeur (téléchargement interrompu ?)`
      : `${chemin}: JSON invalide${ou} : ${detail}`,
  );
}

const TRADUCTIONS: readonly [RegExp, string][] = [
  [/expected a value/, "une valeur était attendue"],
  [/expected ','/, "« , » était attendue"],
  [/expected ':'/, "« : » était attendu"],
  [/expected '\]'/, "« ] » était attendu"],
  [/expected '\}'/, "« } » était attendu"],
  [/expected an object key/, "un nom de champ entre guillemets était attendu"],
  [/unexpected token '(.)'/, "« $1 » inattendu"],
  [/escaped characters/, "échappement invalide dans un texte"],
  [/digit|number|fraction|exponent/, "nombre mal écrit"],
];

function traduire(message: string): string {
  for (const [motif, francais] of TRADUCTIONS) {
    const m = motif.exec(message);
    if (m) return francais.replace("$1", m[1] ?? "");
  }
  return "caractères inattendus";
}

const CLES_PAGE = "{ items, total, page, size, pages }";

/** The state machine over tokens: the top-level value, then items one by one. */
class LecteurJetons {
  arrete = false;
  private etat: "debut" | "tableau" | "objet" | "items" | "fin" = "debut";
  private forme: ContenuJson["forme"] = "tableau";
  private element: Assembler | null = null;
  private rang = 0;
  private cle: string | null = null;
  /** Depth inside a page-level value that is skipped (a container under an unexpected key). */
  private sauter = 0;
  private readonly meta: Record<string, unknown> = {};
  private readonly clesPage: string[] = [];
  private aDesItems = false;

  constructor(
    private readonly chemin: string,
    private readonly surElement: SurElement,
  ) {}

  /** Feeds tokens; false once the visitor asked to stop. */
  jetons(jetons: readonly Token[]): boolean {
    for (const jeton of jetons) {
      this.jeton(jeton);
      if (this.arrete) return false;
    }
    return true;
  }

  contenu(): ContenuJson {
    if (this.forme === "page" && !this.aDesItems) this.sansItems();
    return { forme: this.forme, meta: this.meta, elements: this.rang, arrete: this.arrete };
  }

  private jeton(jeton: Token): void {
    if (this.element === null && (this.etat === "tableau" || this.etat === "items") && jeton.name !== "endArray") {
      this.element = new Assembler();
    }
    if (this.element !== null) {
      this.element.consume(jeton);
      if (this.element.done) {
        const valeur = this.element.current;
        this.element = null;
        this.rang++;
        if (this.surElement(valeur, this.rang) === false) this.arrete = true;
      }
      return;
    }
    if (this.sauter > 0) {
      if (jeton.name === "startObject" || jeton.name === "startArray") this.sauter++;
      else if (jeton.name === "endObject" || jeton.name === "endArray") this.sauter--;
      return;
    }
    switch (this.etat) {
      case "debut":
        if (jeton.name === "startArray") this.etat = "tableau";
        else if (jeton.name === "startObject") {
          this.etat = "objet";
          this.forme = "page";
        }
        else this.pasUnTableau(valeurSimple(jeton));
        return;
      case "tableau":
        this.etat = "fin"; // its endArray
        return;
      case "items":
        this.etat = "objet"; // its endArray
        return;
      case "objet":
        this.jetonDePage(jeton);
        return;
      case "fin":
        return;
    }
  }

  private jetonDePage(jeton: Token): void {
    if (jeton.name === "endObject") {
      this.etat = "fin";
      return;
    }
    if (jeton.name === "keyValue") {
      this.cle = jeton.value;
      this.clesPage.push(jeton.value);
      // Fail early on what is clearly not a page, rather than after reading a large file through.
      if (jeton.value === "id" || jeton.value === "nom") {
        throw new ErreurEntree(
          `${this.chemin}: le JSON est un seul enregistrement (objet avec « ${jeton.value} ») : mettez-le dans un tableau [ … ], ou donnez une page de l'API ${CLES_PAGE}`,
        );
      }
      if (jeton.value === "features") {
        throw new ErreurEntree(`${this.chemin}: ce JSON est un GeoJSON (champ « features ») : prenez l'export .json ou .csv de data·inclusion`);
      }
      return;
    }
    const cle = this.cle ?? "";
    if (cle === "items") {
      if (jeton.name !== "startArray") {
        const recu = jeton.name === "startObject" ? "un objet" : decrireValeur(valeurSimple(jeton));
        throw new ErreurEntree(`${this.chemin}: « items » n'est pas un tableau (reçu : ${recu})`);
      }
      this.aDesItems = true;
      this.etat = "items";
    } else if (jeton.name === "startObject" || jeton.name === "startArray") {
      this.sauter = 1;
    } else {
      this.meta[cle] = valeurSimple(jeton);
    }
  }

  private sansItems(): never {
    const cles = this.clesPage.slice(0, 6).map((c) => `« ${c} »`).join(", ");
    throw new ErreurEntree(
      `${this.chemin}: objet JSON sans « items » (champs : ${cles || "aucun"}) : ni un tableau de structures ou de services, ni une page de l'API ${CLES_PAGE}`,
    );
  }

  private pasUnTableau(valeur: unknown): never {
    throw new ErreurEntree(
      `${this.chemin}: le JSON n'est ni un tableau ni une page de l'API ${CLES_PAGE} (reçu : ${decrireValeur(valeur)})`,
    );
  }
}

function valeurSimple(jeton: Token): unknown {
  switch (jeton.name) {
    case "stringValue":
      return jeton.value;
    case "numberValue":
      return Number(jeton.value);
    case "nullValue":
      return null;
    case "trueValue":
      return true;
    case "falseValue":
      return false;
    default:
      return undefined;
  }
}
