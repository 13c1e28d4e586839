/**
 * Streams a CSV file in the dump's layout (pandas `to_csv`): columns matched by header name in any order,
 * cells decoded (lists from Python text, numbers, empty → null), multi-line quoted cells, with or without BOM.
 */
import { createReadStream } from "node:fs";
import { CsvError, parse, type Options } from "csv-parse";
import { COLONNES_LISTES, COLONNES_NOMBRES, decoderListePython, type Genre } from "./format-dump";
import { COLONNES_OBLIGATOIRES, ErreurEntree, genreIndique, NOM_GENRE } from "./enregistrement";
import type { Recueil } from "./recueil";

const NOMBRE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** One cell as a value: empty → null, list columns → string[], number columns → number, else the text. */
export function decoderCellule(colonne: string, cellule: string): unknown {
  if (cellule === "") return null;
  // Undecodable lists and numbers stay as text: the mapping reports them with the record.
  if (COLONNES_LISTES.has(colonne)) return decoderListePython(cellule) ?? cellule;
  if (COLONNES_NOMBRES.has(colonne)) return NOMBRE.test(cellule.trim()) ? Number(cellule) : cellule;
  return cellule;
}

const OPTIONS: Options = { bom: true, skip_empty_lines: true, relax_column_count: false };

/** The header row only (to sort a folder's files by genre before reading them). */
export async function enteteCsv(chemin: string): Promise<string[] | undefined> {
  const flux = createReadStream(chemin);
  const analyseur = flux.pipe(parse({ ...OPTIONS, to_line: 1 }));
  try {
    for await (const ligne of analyseur as AsyncIterable<string[]>) return ligne.map((c) => c.trim());
    return undefined;
  } finally {
    flux.destroy();
  }
}

export interface ContenuCsv {
  colonnes: string[];
  /** Cells holding U+FFFD: the file was probably not UTF-8. */
  cellulesIllisibles: number;
}

/** Reads every row into the Recueil, whose genre (from the file name, if any) is settled here from the header. */
export async function lireCsv(chemin: string, recueil: Recueil): Promise<ContenuCsv> {
  const analyseur = parse(OPTIONS);
  const flux = createReadStream(chemin);
  flux.on("error", (e) => analyseur.destroy(e));
  flux.pipe(analyseur);

  let colonnes: string[] | undefined;
  let rang = 0;
  let cellulesIllisibles = 0;
  try {
    for await (const ligne of analyseur as AsyncIterable<string[]>) {
      if (colonnes === undefined) {
        colonnes = ligne.map((c) => c.trim());
        verifierEntete(chemin, colonnes, recueil);
        continue;
      }
      const champs: Record<string, unknown> = {};
      for (let i = 0; i < colonnes.length; i++) {
        const cellule = ligne[i] ?? "";
        if (cellule.includes("\uFFFD")) cellulesIllisibles++;
        champs[colonnes[i]!] = decoderCellule(colonnes[i]!, cellule);
      }
      rang++;
      recueil.element(champs, rang);
    }
  } catch (erreur) {
    if (erreur instanceof CsvError) throw erreurCsv(chemin, erreur, rang);
    throw erreur;
  } finally {
    flux.destroy();
  }
  if (colonnes === undefined) throw new ErreurEntree(`${chemin}: fichier CSV vide`);
  return { colonnes, cellulesIllisibles };
}

function verifierEntete(chemin: string, colonnes: readonly string[], recueil: Recueil): void {
  const doublon = colonnes.find((c, i) => colonnes.indexOf(c) !== i);
  if (doublon !== undefined) throw new ErreurEntree(`${chemin}: la colonne « ${doublon} » apparaît deux fois dans l'en-tête`);

  const indique = genreIndique(Object.fromEntries(colonnes.map((c) => [c, null])));
  if (recueil.genre !== undefined && indique !== undefined && indique.genre !== recueil.genre) {
    throw new ErreurEntree(
      `${chemin}: les colonnes sont celles ${indique.genre === "service" ? "de services" : "de structures"} (colonne « ${indique.cle} »), alors que le nom du fichier annonce ${NOM_GENRE[recueil.genre].des}`,
    );
  }
  const genre: Genre = recueil.genre ?? indique?.genre ?? "structure";
  recueil.genre = genre;

  const manquantes = COLONNES_OBLIGATOIRES[genre].filter((c) => !colonnes.includes(c));
  if (manquantes.length > 0) {
    // A dump re-saved by a spreadsheet often comes back with « ; » between cells.
    const pointVirgule = colonnes.length === 1 && colonnes[0]!.includes(";");
    throw new ErreurEntree(
      `${chemin}: colonnes obligatoires absentes pour ${NOM_GENRE[genre].des} : ${manquantes.join(", ")}` +
        (pointVirgule ? " (les cellules sont séparées par « ; » : l'export data·inclusion les sépare par des virgules)" : ""),
    );
  }
}

function erreurCsv(chemin: string, erreur: CsvError, rang: number): ErreurEntree {
  const ligne = (erreur as CsvError & { lines?: number }).lines;
  const ou = ligne === undefined ? "" : ` ligne ${ligne}`;
  switch (erreur.code) {
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH": {
      const detail = erreur as CsvError & { record?: unknown[] };
      const attendu = /expect (\d+)/.exec(erreur.message)?.[1] ?? "?";
      return new ErreurEntree(
        `${chemin}:${ou} (enregistrement ${rang + 1}) : ${detail.record?.length ?? "?"} cellules au lieu des ${attendu} de l'en-tête (fichier tronqué, ou virgule hors guillemets ?)`,
      );
    }
    case "CSV_QUOTE_NOT_CLOSED":
      return new ErreurEntree(`${chemin}: un guillemet ouvert n'est jamais refermé (fin du fichier${ou}) : fichier tronqué ?`);
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return new ErreurEntree(`${chemin}: CSV invalide${ou} : guillemet mal placé (une cellule entre guillemets doit doubler ses guillemets "")`);
    default:
      return new ErreurEntree(`${chemin}: CSV invalide${ou} (${erreur.code})`);
  }
}
