/**
 * The catalogue's file format for Decap CMS (registered as the custom format "carto-md"):
 * `---`, YAML front matter, `---`, Markdown body.
 *
 * Decap's own front-matter writer re-serializes the whole YAML (long lines refolded, comments and
 * quotes lost). Here, saving edits the file as it was read: `depuisFichier` hands Decap the values and
 * the file's text (hidden field `_texte_original`); `versFichier` compares the form's values with the
 * file's, and rewrites only the lines of the fields that changed — the yaml package's Document API
 * gives each field's place in the text, and a field's new text is the yaml package's output.
 * Everything else (order, comments, quoting, folding, blank lines, the body) stays byte for byte.
 *
 * Values as Decap gives them: '' / null / [] for a field emptied in the form (the field is removed),
 * numbers or numeric strings for number inputs, days as "YYYY-MM-DD" strings, lists of strings; codes
 * that look like numbers are written as quoted strings. A zone code the form does not offer (another
 * département's commune…) is invisible in the select, so a save would drop it: it is put back.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, type Node, type Pair } from "yaml";
import { aujourdhuiAParis, estJourValide } from "../dates";
import { slugifier } from "../text";
import { CLES_AVIS } from "../schema/service";
import { NOMS_CHAMPS_DE_LISTE } from "./liste";
import { CHAMPS_TECHNIQUES, NOMS_CHAMPS, natureDuChamp, zoneProposee, type Collection, type NatureChamp, type NomChamp } from "./champs";

/** Hidden field carrying the file as read, so that saving can edit it rather than rewrite it. */
export const CHAMP_TEXTE_ORIGINAL = "_texte_original";
/** Hidden field filled on save with `slugifier(nom)`: the collection's slug template uses it. */
export const CHAMP_IDENTIFIANT = "_identifiant";
/** The Markdown body, as Decap names it. */
export const CHAMP_CORPS = "body";
/**
 * The form's folded block of technical fields (champs.ts CHAMPS_TECHNIQUES): in the form, their values
 * sit in this object; in the file, they stay top-level keys. Reading nests them, writing flattens them.
 */
export const CHAMP_TECHNIQUE = "_technique";

/** Form values that are not front-matter fields. */
export const CHAMPS_INTERNES: ReadonlySet<string> = new Set([CHAMP_CORPS, CHAMP_TEXTE_ORIGINAL, CHAMP_IDENTIFIANT, CHAMP_TECHNIQUE, ...NOMS_CHAMPS_DE_LISTE]);

/** The technical fields' values moved into the form's folded block (when the file has any). */
function imbriquer(donnees: Record<string, unknown>): Record<string, unknown> {
  const technique: Record<string, unknown> = {};
  const resultat: Record<string, unknown> = {};
  for (const [cle, v] of Object.entries(donnees)) {
    if (CHAMPS_TECHNIQUES.has(cle as NomChamp)) technique[cle] = v;
    else resultat[cle] = v;
  }
  if (Object.keys(technique).length > 0) resultat[CHAMP_TECHNIQUE] = technique;
  return resultat;
}

/**
 * The form's values with the folded block's fields back at the top level, as the file has them (the
 * preview and the writer read this). A value in the block wins over a stray top-level one.
 */
export function aplatirFormulaire(donnees: Record<string, unknown>): Record<string, unknown> {
  const { [CHAMP_TECHNIQUE]: technique, ...resultat } = donnees;
  if (technique && typeof technique === "object" && !Array.isArray(technique)) Object.assign(resultat, technique);
  return resultat;
}

const DELIMITEUR = "---";

/** A file cut into its exact parts: `avant` + `yaml` + `fermeture` + `apres` === the file. */
interface Decoupage {
  /** BOM, blank lines, the opening `---` line with its line break. */
  avant: string;
  /** The front matter's text (each line with its line break). */
  yaml: string;
  /** The closing `---` line, with its line break if any. */
  fermeture: string;
  /** Everything after: blank lines, then the body. */
  apres: string;
}

/** Cuts a file as the validator reads it (src/domain/validation/frontmatter.ts); undefined without front matter. */
function decouper(texte: string): Decoupage | undefined {
  let position = texte.startsWith("\uFEFF") ? 1 : 0;
  const ligneSuivante = (depuis: number) => {
    const fin = texte.indexOf("\n", depuis);
    return fin === -1 ? { ligne: texte.slice(depuis), suite: texte.length } : { ligne: texte.slice(depuis, fin), suite: fin + 1 };
  };
  // Blank lines, then the opening line.
  for (;;) {
    if (position >= texte.length) return undefined;
    const { ligne, suite } = ligneSuivante(position);
    if (ligne.trim() === "") {
      position = suite;
      continue;
    }
    if (ligne.trimEnd() !== DELIMITEUR) return undefined;
    position = suite;
    break;
  }
  const debutYaml = position;
  while (position < texte.length) {
    const { ligne, suite } = ligneSuivante(position);
    if (ligne.trimEnd() === DELIMITEUR) {
      return { avant: texte.slice(0, debutYaml), yaml: texte.slice(debutYaml, position), fermeture: texte.slice(position, suite), apres: texte.slice(suite) };
    }
    position = suite;
  }
  return undefined;
}

/** The blank lines between the closing `---` and the body, and the body. */
function separerCorps(apres: string): { separateur: string; corps: string } {
  const separateur = /^(?:[ \t]*\r?\n)*/.exec(apres)?.[0] ?? "";
  return { separateur, corps: apres.slice(separateur.length) };
}

/** The body as compared: blank lines before and whitespace after do not count. */
function corpsCompare(corps: unknown): string {
  if (typeof corps !== "string") return "";
  return corps.replace(/\r\n/g, "\n").replace(/^(?:[ \t]*\n)+/, "").trimEnd();
}

// ---------------------------------------------------------------------------------------------
// Values.

const estVide = (v: unknown) =>
  v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);

/** A code as text: YAML reads an unquoted 86194 as a number. */
function codeEnTexte(v: unknown): unknown {
  if (typeof v === "number" && Number.isInteger(v) && v >= 0) return String(v);
  if (typeof v === "string") return v.trim();
  return v;
}

const MOTIF_NOMBRE = /^[-+]?\d+(?:[.,]\d+)?$/;

/**
 * A field's value as written in the file: undefined for an empty field (removed from the file).
 * Applied to both the form's values and the file's, so that a value the form did not change compares equal
 * (the import compares its values with the file's the same way).
 */
export function valeurCanonique(cle: string, v: unknown): unknown {
  return normaliser(natureDuChamp(cle), v);
}

function normaliser(nature: NatureChamp | undefined, v: unknown): unknown {
  if (estVide(v)) return undefined;
  switch (nature) {
    case "code":
      return codeEnTexte(v);
    case "decimal":
    case "entier":
      if (typeof v === "string") {
        const t = v.trim();
        return MOTIF_NOMBRE.test(t) ? Number(t.replace(",", ".")) : t;
      }
      return v;
    case "jour":
      return jourDuFormulaire(v);
    case "avis": {
      // Each notice's keys in a fixed order (du, au, message), empty ones dropped, days as YYYY-MM-DD.
      const liste = (Array.isArray(v) ? v : [v]).flatMap((a) => {
        if (!a || typeof a !== "object") return [a];
        const o = a as Record<string, unknown>;
        const propre: Record<string, unknown> = {};
        for (const cle of CLES_AVIS) {
          const x = cle === "message" ? (typeof o[cle] === "string" ? (o[cle] as string).trim() : o[cle]) : jourDuFormulaire(o[cle]);
          if (!estVide(x)) propre[cle] = x;
        }
        for (const [cle, x] of Object.entries(o)) if (!(cle in propre) && !(CLES_AVIS as readonly string[]).includes(cle) && !estVide(x)) propre[cle] = x;
        return Object.keys(propre).length > 0 ? [propre] : [];
      });
      return liste.length > 0 ? liste : undefined;
    }
    case "choix-multiple":
    case "zone": {
      const liste = Array.isArray(v) ? v : [v];
      const propre = liste.filter((x) => !estVide(x)).map(codeEnTexte);
      return propre.length > 0 ? propre : undefined;
    }
    case "lignes": {
      const liste = Array.isArray(v) ? v : [v];
      const propre = liste.filter((x) => !estVide(x)).map((x) => (typeof x === "string" ? x.trim() : x));
      return propre.length > 0 ? propre : undefined;
    }
    case "ligne":
    case "paragraphe":
    case "choix":
    case "structure":
      return typeof v === "string" ? v.trim() : v;
    case "origine":
      return Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x.trim() : x)) : typeof v === "string" ? v.trim() : v;
    default:
      return v;
  }
}

/** Decap's dates: "YYYY-MM-DD" as is; a date-time (ISO string or Date) becomes its day in Paris. */
function jourDuFormulaire(v: unknown): unknown {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? v : aujourdhuiAParis(v);
  if (typeof v !== "string") return v;
  const t = v.trim();
  if (estJourValide(t)) return t;
  if (/^\d{4}-\d{2}-\d{2}T/.test(t)) {
    const d = new Date(t);
    if (!Number.isNaN(d.getTime())) return aujourdhuiAParis(d);
  }
  return t;
}

function egales(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => egales(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const ca = Object.keys(a);
    const cb = Object.keys(b);
    return ca.length === cb.length && ca.every((c) => egales((a as Record<string, unknown>)[c], (b as Record<string, unknown>)[c]));
  }
  return false;
}

/** The zone as saved, with the codes of the file that the form's list does not offer put back in place. */
function zoneAvecCodesConserves(nouvelle: unknown, ancienne: unknown): unknown {
  if (!Array.isArray(ancienne)) return nouvelle;
  const resultat: unknown[] = Array.isArray(nouvelle) ? [...nouvelle] : [];
  ancienne.forEach((code, i) => {
    if (typeof code === "string" && !zoneProposee(code) && !resultat.includes(code)) {
      resultat.splice(Math.min(i, resultat.length), 0, code);
    }
  });
  return resultat.length > 0 ? resultat : undefined;
}

/** Values for the form: codes as text (the selects compare strings), a lone code as a list. */
function pourFormulaire(cle: string, v: unknown): unknown {
  const nature = natureDuChamp(cle);
  if (v === null || v === undefined) return v;
  if (nature === "code") return codeEnTexte(v);
  if (nature === "choix-multiple" || nature === "zone") return (Array.isArray(v) ? v : [v]).map(codeEnTexte);
  if (nature === "lignes") return Array.isArray(v) ? v : [v];
  return v;
}

// ---------------------------------------------------------------------------------------------
// Reading.

/** Decap's `fromFile`: the front matter's values, the body, and the file itself (hidden field). */
export function depuisFichier(texte: string): Record<string, unknown> {
  const donnees: Record<string, unknown> = {};
  const d = decouper(texte);
  if (!d) {
    donnees[CHAMP_CORPS] = texte;
  } else {
    const doc = parseDocument(d.yaml, { uniqueKeys: false, prettyErrors: false });
    if (doc.errors.length === 0 && isMap(doc.contents)) {
      try {
        const valeurs = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
        const lues: Record<string, unknown> = {};
        for (const [cle, v] of Object.entries(valeurs)) if (!CHAMPS_INTERNES.has(cle)) lues[cle] = pourFormulaire(cle, v);
        Object.assign(donnees, imbriquer(lues));
      } catch {
        // An unreadable value: the form opens empty, and saving refuses to overwrite the file (see versFichier).
      }
    }
    donnees[CHAMP_CORPS] = separerCorps(d.apres).corps;
  }
  donnees[CHAMP_TEXTE_ORIGINAL] = texte;
  return donnees;
}

// ---------------------------------------------------------------------------------------------
// Writing.

const SEULEMENT_SERVICE = new Set(NOMS_CHAMPS.services.filter((c) => !NOMS_CHAMPS.structures.includes(c)));

function collectionProbable(cles: Iterable<string>): Collection {
  for (const c of cles) if (SEULEMENT_SERVICE.has(c as never)) return "services";
  return "structures";
}

/** Field order in files: the schema's, whatever the form's (champs.ts ORDRE_FORMULAIRE). */
function ordreDesChamps(donnees: Record<string, unknown>, clesOriginales: readonly string[]): readonly string[] {
  return NOMS_CHAMPS[collectionProbable([...Object.keys(donnees).filter((c) => !estVide(donnees[c])), ...clesOriginales])];
}

const STYLES_CONSERVES = new Set<string>([Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE, Scalar.BLOCK_FOLDED, Scalar.BLOCK_LITERAL]);
const RESSEMBLE_A_UN_NOMBRE = /^[-+]?[\d.]/;

interface Modele {
  /** The value's node in the file, to keep its style (quotes, folding, flow list, comment). */
  noeud?: Node | null;
  /** Block lists indented under their key (`  - a`) rather than flush (`- a`). */
  indenterListes: boolean;
}

/** `cle: valeur\n` as the yaml package writes it, in the style of the value it replaces. */
function textePaire(cle: string, valeur: unknown, modele: Modele): string {
  const nature = natureDuChamp(cle);
  const doc = new Document({ [cle]: valeur });
  const noeud = doc.get(cle, true) as Node | undefined;
  const ancien = modele.noeud;
  let largeur = 0;
  if (isScalar(noeud)) {
    if (nature === "code" && typeof noeud.value === "string") {
      noeud.type = Scalar.QUOTE_DOUBLE;
    } else if (typeof noeud.value === "string" && isScalar(ancien) && ancien.type && STYLES_CONSERVES.has(ancien.type)) {
      noeud.type = ancien.type;
      if (ancien.type === Scalar.BLOCK_FOLDED) largeur = 80;
    }
    if (isScalar(ancien) && ancien.comment) noeud.comment = ancien.comment;
  } else if (isSeq(noeud)) {
    if (isSeq(ancien) && ancien.flow) noeud.flow = true;
    for (const element of noeud.items) {
      if (isScalar(element) && typeof element.value === "string" && (nature === "zone" || nature === "code") && RESSEMBLE_A_UN_NOMBRE.test(element.value)) {
        element.type = Scalar.QUOTE_DOUBLE;
      }
    }
  }
  return doc.toString({ lineWidth: largeur, minContentWidth: 0, indentSeq: modele.indenterListes, flowCollectionPadding: false });
}

interface Emplacement {
  /** The pair's first character (the start of its key's line) and the end of its value's last line. */
  debut: number;
  fin: number;
  paire: Pair;
}

/** Where each top-level pair lies in the YAML text (the last one wins for a repeated key, as in the data). */
function emplacements(source: string, paires: readonly Pair[]): Map<string, Emplacement[]> {
  const debutLigne = (position: number) => source.lastIndexOf("\n", position - 1) + 1;
  const resultat = new Map<string, Emplacement[]>();
  for (const paire of paires) {
    const cle = paire.key as Node | null;
    if (!isScalar(cle) || !cle.range) continue;
    const valeur = paire.value as Node | null;
    let dernier = (valeur && valeur.range ? valeur.range[1] : cle.range[1]) - 1;
    while (dernier > cle.range[0] && (source[dernier] === "\n" || source[dernier] === "\r")) dernier--;
    const finLigne = source.indexOf("\n", dernier);
    const emplacement = { debut: debutLigne(cle.range[0]), fin: finLigne === -1 ? source.length : finLigne + 1, paire };
    const nom = String(cle.value);
    resultat.set(nom, [...(resultat.get(nom) ?? []), emplacement]);
  }
  return resultat;
}

/** Whether the file's block lists are indented under their key (`  - a`), as the yaml package writes them. */
function listesIndentees(source: string, paires: readonly Pair[]): boolean {
  for (const paire of paires) {
    const cle = paire.key as Node | null;
    const valeur = paire.value as Node | null;
    if (isSeq(valeur) && !valeur.flow && valeur.range && isScalar(cle) && cle.range) {
      const colonne = (position: number) => position - (source.lastIndexOf("\n", position - 1) + 1);
      return colonne(valeur.range[0]) > colonne(cle.range[0]);
    }
  }
  return true;
}

interface Modification {
  debut: number;
  fin: number;
  texte: string;
}

function appliquer(source: string, modifications: Modification[]): string {
  // From the end, so that positions stay valid; at one position, the longer edit first, insertions then go before it.
  const triees = modifications
    .map((m, i) => ({ ...m, i }))
    .sort((a, b) => b.debut - a.debut || b.fin - a.fin || b.i - a.i);
  let texte = source;
  for (const m of triees) texte = texte.slice(0, m.debut) + m.texte + texte.slice(m.fin);
  return texte;
}

/** Decap's `toFile`: the file to write, from the form's values (the folded block's included). */
export function versFichier(formulaire: Record<string, unknown>): string {
  const donnees = aplatirFormulaire(formulaire);
  const original = donnees[CHAMP_TEXTE_ORIGINAL];
  const d = typeof original === "string" ? decouper(original) : undefined;
  if (!d) return nouveauFichier(donnees);

  const doc = parseDocument(d.yaml, { uniqueKeys: false, prettyErrors: false });
  let valeursOriginales: Record<string, unknown> = {};
  const contenuVide = doc.contents === null || (isScalar(doc.contents) && (doc.contents.value === null || doc.contents.value === ""));
  let ok = doc.errors.length === 0 && (isMap(doc.contents) || contenuVide);
  if (ok && isMap(doc.contents)) {
    try {
      valeursOriginales = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
    } catch {
      ok = false;
    }
  }
  if (!ok) {
    throw new Error(
      "L'en-tête de ce fichier est illisible (YAML invalide) : l'enregistrer depuis le formulaire effacerait ses champs. " +
        "Corrigez le fichier dans le dépôt (npm run validate indique la ligne), puis rouvrez la fiche.",
    );
  }

  const eol = (d.avant + d.yaml).includes("\r\n") ? "\r\n" : "\n";
  const enLignes = (t: string) => (eol === "\n" ? t : t.replace(/\n/g, eol));
  const paires = isMap(doc.contents) ? (doc.contents.items as Pair[]) : [];
  const places = emplacements(d.yaml, paires);
  const indenter = listesIndentees(d.yaml, paires);
  const ordreChamps = ordreDesChamps(donnees, [...places.keys()]);
  const modifications: Modification[] = [];
  const ajouts: { cle: string; valeur: unknown }[] = [];

  for (const [cle, brute] of Object.entries(donnees)) {
    if (CHAMPS_INTERNES.has(cle)) continue;
    const nature = natureDuChamp(cle);
    const ancienne = Object.prototype.hasOwnProperty.call(valeursOriginales, cle) ? normaliser(nature, valeursOriginales[cle]) : undefined;
    let nouvelle = normaliser(nature, brute);
    if (nature === "zone") nouvelle = zoneAvecCodesConserves(nouvelle, ancienne);
    if (egales(nouvelle, ancienne)) continue;
    const existantes = places.get(cle) ?? [];
    const derniere = existantes[existantes.length - 1];
    for (const e of existantes) if (e !== derniere || nouvelle === undefined) modifications.push({ debut: e.debut, fin: e.fin, texte: "" });
    if (nouvelle === undefined) continue;
    if (derniere) {
      modifications.push({
        debut: derniere.debut,
        fin: derniere.fin,
        texte: enLignes(textePaire(cle, nouvelle, { noeud: derniere.paire.value as Node | null, indenterListes: indenter })),
      });
    } else {
      ajouts.push({ cle, valeur: nouvelle });
    }
  }

  // New fields: after the closest field before them in the order, else before the closest after them
  // (above its comment lines), else at the end.
  const rang = (cle: string) => {
    const i = ordreChamps.indexOf(cle);
    return i === -1 ? ordreChamps.length : i;
  };
  ajouts.sort((a, b) => rang(a.cle) - rang(b.cle));
  for (const { cle, valeur } of ajouts) {
    const i = rang(cle);
    const avant = ordreChamps.slice(0, i).reverse().find((c) => places.has(c));
    const apres = ordreChamps.slice(i + 1).find((c) => places.has(c));
    let position = d.yaml.length;
    if (avant) {
      position = places.get(avant)!.at(-1)!.fin;
    } else if (apres) {
      position = places.get(apres)![0]!.debut;
      // Above the comment lines that introduce that field.
      for (;;) {
        const debutPrecedente = d.yaml.lastIndexOf("\n", position - 2) + 1;
        if (position === 0 || !d.yaml.slice(debutPrecedente, position).trimStart().startsWith("#")) break;
        position = debutPrecedente;
      }
    }
    modifications.push({ debut: position, fin: position, texte: enLignes(textePaire(cle, valeur, { indenterListes: indenter })) });
  }

  const yaml = modifications.length > 0 ? appliquer(d.yaml, modifications) : d.yaml;

  let apres = d.apres;
  let fermeture = d.fermeture;
  if (Object.prototype.hasOwnProperty.call(donnees, CHAMP_CORPS)) {
    const { separateur } = separerCorps(d.apres);
    const nouveau = corpsCompare(donnees[CHAMP_CORPS]);
    if (nouveau !== corpsCompare(d.apres)) {
      // A body where there was none gets the blank line of new files.
      const avantCorps = corpsCompare(d.apres) === "" ? eol : separateur;
      apres = nouveau === "" ? "" : avantCorps + enLignes(nouveau) + eol;
      if (apres !== "" && !fermeture.endsWith("\n")) fermeture += eol;
    }
  }
  return d.avant + yaml + fermeture + apres;
}

/** A file written from the form alone: fields in the schema's order, then the body after a blank line. */
function nouveauFichier(donnees: Record<string, unknown>): string {
  const ordreChamps = ordreDesChamps(donnees, []);
  const cles = [...ordreChamps, ...Object.keys(donnees).filter((c) => !ordreChamps.includes(c) && !CHAMPS_INTERNES.has(c))];
  let yaml = "";
  for (const cle of cles) {
    if (!Object.prototype.hasOwnProperty.call(donnees, cle)) continue;
    const valeur = normaliser(natureDuChamp(cle), donnees[cle]);
    if (valeur !== undefined) yaml += textePaire(cle, valeur, { indenterListes: true });
  }
  const corps = corpsCompare(donnees[CHAMP_CORPS]);
  return `${DELIMITEUR}\n${yaml}${DELIMITEUR}\n${corps === "" ? "" : `\n${corps}\n`}`;
}

// ---------------------------------------------------------------------------------------------
// Saving.

/**
 * What the CMS's `preSave` hook adds to the form's values: the day of the edit in Paris (`date_maj`),
 * and `_identifiant`, the slug of the name by the project's rule, which the collections' slug template
 * uses (Decap's own slugging differs: it drops apostrophes, « L'Île » would give "lile", and keeps "_").
 * Merge it into the entry's data: `entry.get("data").merge(champsAvantEnregistrement(entry.get("data").toJS()))`.
 */
export function champsAvantEnregistrement(donnees: Record<string, unknown>, maintenant: Date = new Date()): Record<string, string> {
  const champs: Record<string, string> = { date_maj: aujourdhuiAParis(maintenant) };
  const nom = donnees.nom;
  if (typeof nom === "string" && slugifier(nom) !== "") champs[CHAMP_IDENTIFIANT] = slugifier(nom);
  return champs;
}
