/**
 * Turns the items of one input (file or API fetch) into raw records for the visitor, and sums them up as Lots.
 * Shared by the JSON, CSV and API readers: checks every item is a record, settles the input's genre,
 * unwraps search hits, emits a service's nested structure as a structure of its own, notes unknown keys.
 */
import { decrireValeur } from "../validation/messages";
import {
  clesConnues,
  ErreurEntree,
  estObjet,
  genreIndique,
  NOM_GENRE,
  type EnregistrementBrut,
  type FormatLot,
  type Genre,
  type Lot,
} from "./enregistrement";
import { COLONNES_DUMP } from "./format-dump";

/** Where the input's genre came from, to explain a record that does not fit. */
export type SourceGenre = "nom" | "route" | "premier";

export interface OptionsRecueil {
  origine: string;
  /** Known before reading (file name, API route); else taken from the first record. */
  genre?: Genre;
  sourceGenre?: SourceGenre;
  /** Ids of the structures already emitted by this read, so that a nested structure comes once. */
  structuresVues: Set<string>;
  visiter: (e: EnregistrementBrut) => void;
  /** Emit a service's nested `structure` as a structure record too (default true). */
  structuresImbriquees?: boolean;
}

export class Recueil {
  genre: Genre | undefined;
  nombre = 0;
  /** Items that were `/search/services` hits `{service, distance}`. */
  resultatsRecherche = 0;
  /** Every record so far has every column of the dump (as the dump's JSON writes them, nulls included). */
  colonnesDuDump = true;
  private sourceGenre: SourceGenre;
  private readonly cles = new Set<string>();
  private imbriquees = 0;
  private readonly clesImbriquees = new Set<string>();

  constructor(private readonly options: OptionsRecueil) {
    this.genre = options.genre;
    this.sourceGenre = options.sourceGenre ?? "premier";
  }

  /** One item of the input; `origine` overrides the input's (an API page's URL). */
  element(valeur: unknown, rang: number, origine = this.options.origine): void {
    if (!estObjet(valeur)) {
      throw new ErreurEntree(
        `${origine}: l'élément ${rang} n'est pas un objet (reçu : ${decrireValeur(valeur)}) : le fichier doit contenir des structures ou des services data·inclusion`,
      );
    }
    let champs = valeur;
    // A `/search/services` hit wraps the service: `{service, distance}`; its other keys stay with it.
    if (!("id" in valeur) && !("nom" in valeur) && estObjet(valeur.service)) {
      const { service, ...autres } = valeur;
      champs = { ...service, ...autres };
      this.resultatsRecherche++;
    }
    if (!("id" in champs) && !("nom" in champs)) {
      const cles = Object.keys(champs);
      const apercu = cles.length === 0 ? "objet vide" : `champs : ${cles.slice(0, 5).join(", ")}${cles.length > 5 ? "…" : ""}`;
      throw new ErreurEntree(
        `${origine}: l'élément ${rang} n'a ni « id » ni « nom » (${apercu}) : ce ne sont pas des structures ou des services data·inclusion`,
      );
    }

    const indique = genreIndique(champs);
    if (this.genre === undefined) {
      this.genre = indique?.genre ?? "structure";
      this.sourceGenre = "premier";
    } else if (indique !== undefined && indique.genre !== this.genre) {
      throw new ErreurEntree(
        `${origine}: l'élément ${rang} est ${NOM_GENRE[indique.genre].un} (champ « ${indique.cle} »), alors que ${this.raisonGenre()} : un fichier ne contient qu'un seul genre`,
      );
    }

    if (this.genre === "service" && this.options.structuresImbriquees !== false && estObjet(champs.structure)) {
      this.structureImbriquee(champs.structure, rang, origine);
    }
    for (const cle of Object.keys(champs)) this.cles.add(cle);
    if (this.colonnesDuDump) this.colonnesDuDump = COLONNES_DUMP[this.genre].every((c) => c in champs);
    if (this.genre === "structure" && typeof champs.id === "string") this.options.structuresVues.add(champs.id);
    this.nombre++;
    this.options.visiter({ genre: this.genre, champs, origine, rang });
  }

  /** The input's Lot, then the Lot of the nested structures when there were some. */
  lots(format: FormatLot, complet: boolean, remarques: string[]): Lot[] {
    const genre = this.genre ?? "structure";
    const { origine } = this.options;
    if (this.resultatsRecherche > 0) {
      remarques.push(`${this.resultatsRecherche} résultats de recherche { service, distance } : services dépliés, « distance » gardée avec eux`);
    }
    const lots: Lot[] = [
      { origine, genre, format, complet, nombre: this.nombre, clesInconnues: inconnues(this.cles, genre), remarques },
    ];
    if (this.imbriquees > 0) {
      lots.push({
        origine,
        genre: "structure",
        format,
        complet: false,
        nombre: this.imbriquees,
        clesInconnues: inconnues(this.clesImbriquees, "structure"),
        remarques: [`structures lues dans le champ « structure » des services (une fois par identifiant)`],
      });
    }
    return lots;
  }

  private structureImbriquee(structure: Record<string, unknown>, rang: number, origine: string): void {
    const id = structure.id;
    if (typeof id !== "string" || this.options.structuresVues.has(id)) return;
    this.options.structuresVues.add(id);
    for (const cle of Object.keys(structure)) this.clesImbriquees.add(cle);
    this.imbriquees++;
    this.options.visiter({ genre: "structure", champs: structure, origine, rang });
  }

  private raisonGenre(): string {
    const genre = this.genre ?? "structure";
    switch (this.sourceGenre) {
      case "nom":
        return `le nom du fichier annonce ${NOM_GENRE[genre].des}`;
      case "route":
        return `cette route de l'API renvoie ${NOM_GENRE[genre].des}`;
      case "premier":
        return `le premier élément est ${NOM_GENRE[genre].un}`;
    }
  }
}

function inconnues(cles: ReadonlySet<string>, genre: Genre): string[] {
  const connues = clesConnues(genre);
  return [...cles].filter((c) => !connues.has(c)).sort();
}
