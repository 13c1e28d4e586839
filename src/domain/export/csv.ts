/**
 * The catalogue as CSV, in the layout of data·inclusion's weekly open-data dump (format-dump.ts): its
 * column order, UTF-8 without BOM, `\n`, lists as Python list text, null as an empty cell. A reuser's
 * script written for the national file reads ours unchanged.
 *
 * Numbers are written as JavaScript prints them (`3`, `2.5`, `46.5802`), not as pandas would (`3.0` for
 * `nombre_semaines`, an integer column that pandas turns into floats because it has empty cells). That
 * `.0` is an accident of pandas, not part of the format: the schema says `nombre_semaines` is an integer,
 * a strict reader (a JSON Schema or Frictionless check of the cell) rejects `3.0`, and pandas itself
 * reads `3` back into the same float column. data·inclusion's own importer accepts both.
 */
import { COLONNES_DUMP, csvDump } from "../data-inclusion/format-dump";
import type { EnregistrementService, EnregistrementStructure } from "./enregistrements";

/** Services' CSV. Its `score_qualite` column (data·inclusion's own score) stays empty: we have none. */
export function csvServices(enregistrements: readonly EnregistrementService[]): string {
  return csvDump(COLONNES_DUMP.service, enregistrements);
}

export function csvStructures(enregistrements: readonly EnregistrementStructure[]): string {
  return csvDump(COLONNES_DUMP.structure, enregistrements);
}
