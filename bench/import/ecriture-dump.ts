/**
 * Writing the dump's files record by record, as data·inclusion's publishing code does with pandas
 * (../shared/reference/data-inclusion-formats.md §1(b)), without ever holding a whole file in memory:
 * - JSON (`to_json(orient="records", force_ascii=False)`): one compact array on one line, every column
 *   in every record (null when empty), non-ASCII kept, forward slashes escaped (`https:\/\/…`, ujson's
 *   default, pandas issue #61442), `date_maj` as epoch milliseconds, numbers of float columns written
 *   as floats (`3.0`);
 * - CSV (`to_csv(index=False)`): the cells of `format-dump.ts` (Python list text, empty for null), float
 *   columns as Python prints them (`3.0`, `46.58123`).
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { COLONNES_NOMBRES, ligneCsv, valeurEnCellule } from "../../src/domain/data-inclusion/format-dump";
import { estJourValide } from "../../src/domain/dates";

export type Enregistrement = Readonly<Record<string, unknown>>;

/** A file written in ~1 MB chunks. */
class FichierTamponne {
  private readonly fd: number;
  private morceaux: string[] = [];
  private longueur = 0;
  octets = 0;
  constructor(chemin: string) {
    this.fd = openSync(chemin, "w");
  }
  ecrire(texte: string): void {
    this.morceaux.push(texte);
    this.longueur += texte.length;
    if (this.longueur >= 1 << 20) this.vider();
  }
  private vider(): void {
    if (this.morceaux.length === 0) return;
    this.octets += writeSync(this.fd, this.morceaux.join(""));
    this.morceaux = [];
    this.longueur = 0;
  }
  fermer(): void {
    this.vider();
    closeSync(this.fd);
  }
}

/** A number of a float column as Python prints it: `3.0`, `46.58123`. */
function flottant(x: number): string {
  return Number.isInteger(x) ? `${x}.0` : String(x);
}

const chaineJson = (s: string) => JSON.stringify(s).replace(/\//g, "\\/");

function valeurJson(colonne: string, valeur: unknown): string {
  if (valeur === null || valeur === undefined) return "null";
  if (colonne === "date_maj" && typeof valeur === "string" && estJourValide(valeur)) return String(Date.parse(`${valeur}T00:00:00Z`));
  if (typeof valeur === "string") return chaineJson(valeur);
  if (typeof valeur === "number") return !Number.isFinite(valeur) ? "null" : COLONNES_NOMBRES.has(colonne) ? flottant(valeur) : String(valeur);
  if (Array.isArray(valeur)) return `[${valeur.map((v) => chaineJson(String(v))).join(",")}]`;
  return chaineJson(String(valeur));
}

/** One record as the dump's JSON writes it, keys in `colonnes`' order. */
export function objetJson(colonnes: readonly string[], e: Enregistrement): string {
  let texte = "{";
  for (let i = 0; i < colonnes.length; i++) {
    const c = colonnes[i]!;
    texte += `${i === 0 ? "" : ","}"${c}":${valeurJson(c, e[c])}`;
  }
  return `${texte}}`;
}

/** One record as the dump's CSV line. */
export function ligneCsvDump(colonnes: readonly string[], e: Enregistrement): string {
  return ligneCsv(
    colonnes.map((c) => {
      const v = e[c];
      return typeof v === "number" && COLONNES_NOMBRES.has(c) && Number.isFinite(v) ? flottant(v) : valeurEnCellule(v);
    }),
  );
}

export interface EcrivainDump {
  ecrire(e: Enregistrement): void;
  /** Closes the files; returns their sizes in bytes. */
  fermer(): { json?: number; csv?: number };
  nombre: number;
}

/** Writes the same records to `<base>.json` and/or `<base>.csv`. */
export function ecrivainDump(base: string, colonnes: readonly string[], formats: readonly ("json" | "csv")[]): EcrivainDump {
  const json = formats.includes("json") ? new FichierTamponne(`${base}.json`) : undefined;
  const csv = formats.includes("csv") ? new FichierTamponne(`${base}.csv`) : undefined;
  json?.ecrire("[");
  csv?.ecrire(ligneCsv(colonnes));
  const ecrivain: EcrivainDump = {
    nombre: 0,
    ecrire(e) {
      json?.ecrire(`${ecrivain.nombre === 0 ? "" : ","}${objetJson(colonnes, e)}`);
      csv?.ecrire(ligneCsvDump(colonnes, e));
      ecrivain.nombre++;
    },
    fermer() {
      json?.ecrire("]");
      json?.fermer();
      csv?.fermer();
      return { ...(json ? { json: json.octets } : {}), ...(csv ? { csv: csv.octets } : {}) };
    },
  };
  return ecrivain;
}
