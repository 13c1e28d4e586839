/**
 * The open-data files read back as a reuser would, for the unit and build tests: the CSV with a CSV parser
 * (lists through decoderListePython, numbers as numbers, an empty cell as null), records compared column
 * by column with absent fields as null (what a CSV can say).
 */
import { parse } from "csv-parse/sync";
import { COLONNES_LISTES, COLONNES_NOMBRES, decoderListePython } from "../../src/domain/data-inclusion/format-dump";

export interface CsvRelu {
  colonnes: string[];
  lignes: Record<string, unknown>[];
}

export function relireCsv(texte: string): CsvRelu {
  const [colonnes = [], ...rangs] = parse(texte) as string[][];
  const lignes = rangs.map((rang) => {
    if (rang.length !== colonnes.length) throw new Error(`${rang.length} cellules pour ${colonnes.length} colonnes : ${rang.join(",")}`);
    return Object.fromEntries(colonnes.map((c, i) => [c, valeurDeCellule(c, rang[i]!)]));
  });
  return { colonnes, lignes };
}

function valeurDeCellule(colonne: string, cellule: string): unknown {
  if (cellule === "") return null;
  if (COLONNES_LISTES.has(colonne)) {
    const liste = decoderListePython(cellule);
    if (!liste) throw new Error(`${colonne} : « ${cellule} » n'est pas une liste Python`);
    return liste;
  }
  if (COLONNES_NOMBRES.has(colonne)) {
    const n = Number(cellule);
    if (Number.isNaN(n)) throw new Error(`${colonne} : « ${cellule} » n'est pas un nombre`);
    return n;
  }
  return cellule;
}

/** The record on these columns, an absent field as null. */
export function surColonnes(enregistrement: object, colonnes: readonly string[]): Record<string, unknown> {
  const e = enregistrement as Record<string, unknown>;
  return Object.fromEntries(colonnes.map((c) => [c, e[c] ?? null]));
}
