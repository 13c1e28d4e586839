/**
 * What the readers of data·inclusion inputs hand over: raw records (the input's keys, untouched apart from
 * the CSV's cell decoding) and, per input, a Lot saying what it was. Mapping records to our files is not
 * done here.
 */
import { COLONNES_DUMP, type Genre } from "./format-dump";

export type { Genre };

export interface EnregistrementBrut {
  genre: Genre;
  /** The record's keys as in the input; CSV cells decoded (lists, numbers, empty → null). */
  champs: Record<string, unknown>;
  /** The file path as given (or the API URL of the page). */
  origine: string;
  /** 1-based position of the record in its file / page (a structure nested in a service has the service's). */
  rang: number;
}

export type FormatLot = "json-tableau" | "api-page" | "dump-json" | "dump-csv" | "api";

/** What one input (file or API fetch) was. */
export interface Lot {
  origine: string;
  genre: Genre;
  format: FormatLot;
  /** True when it covers its sources whole (a dump file, a complete API fetch); false for one API page, a hand-made array. */
  complet: boolean;
  /** Records read. */
  nombre: number;
  /** Keys or columns that are neither v1 fields nor known API extras; sorted. */
  clesInconnues: string[];
  /** Notes for the report, in French. */
  remarques: string[];
}

/** The input cannot be used: the message, in French, names the file (or URL) and what is wrong. */
export class ErreurEntree extends Error {
  override name = "ErreurEntree";
}

/** Keys the API adds to the schema's fields (data-inclusion-formats.md §1(a)): kept in `champs`, never "unknown". */
export const CLES_EXTRAS_API: ReadonlySet<string> = new Set([
  "score_qualite", "adresse_certifiee", "doublons", "structure", "services", "extra", "distance", "score_recherche",
]);

/** Columns without which a CSV cannot be read as the dump (the schema's required fields). */
export const COLONNES_OBLIGATOIRES: Readonly<Record<Genre, readonly string[]>> = {
  structure: ["id", "source", "nom", "date_maj"],
  service: ["id", "source", "structure_id", "nom", "description", "date_maj"],
};

/** Keys only structures have, in v1 and in v0 (a v0 structure also has `thematiques`, so these are looked at first). */
const CLES_DE_STRUCTURE = [
  "siret", "reseaux_porteurs", "site_web", "accessibilite_lieu", "typologie", "rna", "antenne", "presentation_resume", "labels_nationaux",
];

/** The genre a record's keys point to, and the key that says so; undefined when they do not tell. */
export function genreIndique(champs: Readonly<Record<string, unknown>>): { genre: Genre; cle: string } | undefined {
  if ("structure_id" in champs) return { genre: "service", cle: "structure_id" };
  const deStructure = CLES_DE_STRUCTURE.find((c) => c in champs);
  if (deStructure !== undefined) return { genre: "structure", cle: deStructure };
  const deService = ["thematiques", "modes_accueil"].find((c) => c in champs);
  if (deService !== undefined) return { genre: "service", cle: deService };
  return undefined;
}

/** Known keys of a genre: the v1 fields (the dump's columns) and the API's extras. */
export function clesConnues(genre: Genre): ReadonlySet<string> {
  return genre === "structure" ? CONNUES_STRUCTURE : CONNUES_SERVICE;
}
const CONNUES_STRUCTURE: ReadonlySet<string> = new Set([...COLONNES_DUMP.structure, ...CLES_EXTRAS_API]);
const CONNUES_SERVICE: ReadonlySet<string> = new Set([...COLONNES_DUMP.service, ...CLES_EXTRAS_API]);

export const NOM_GENRE: Readonly<Record<Genre, { un: string; des: string; le: string }>> = {
  structure: { un: "une structure", des: "des structures", le: "la structure" },
  service: { un: "un service", des: "des services", le: "le service" },
};

export function estObjet(valeur: unknown): valeur is Record<string, unknown> {
  return typeof valeur === "object" && valeur !== null && !Array.isArray(valeur);
}
