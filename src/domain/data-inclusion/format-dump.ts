/**
 * The weekly open-data dump of data·inclusion (v1), as its publishing code writes it
 * (../docs: data-inclusion-formats.md §1(b), pandas `to_csv` / `to_json`):
 * - CSV: comma-separated, UTF-8 without BOM, header row, minimal RFC 4180 quoting, NULL as an empty cell,
 *   list columns as Python's `repr` of a list (`['a', 'b']`), integers with NULLs as floats (`3.0`);
 * - JSON: one flat array of records, lists as arrays, `date_maj` possibly as epoch milliseconds.
 * Columns are matched by header name when reading; when writing, the dump's own order (the marts') is used.
 */

export type Genre = "structure" | "service";

/** The dump's column order (data·inclusion's marts, since 2025-10-31). */
export const COLONNES_DUMP: Readonly<Record<Genre, readonly string[]>> = {
  structure: [
    "courriel", "horaires_accueil", "id", "lien_source", "description", "siret", "source", "date_maj",
    "reseaux_porteurs", "telephone", "site_web", "accessibilite_lieu", "nom", "longitude", "latitude",
    "complement_adresse", "commune", "adresse", "code_postal", "code_insee",
  ],
  service: [
    "lien_mobilisation", "horaires_accueil", "source", "structure_id", "lien_source", "conditions_acces", "date_maj",
    "id", "description", "thematiques", "modes_accueil", "modes_mobilisation", "mobilisable_par",
    "mobilisation_precisions", "publics", "publics_precisions", "type", "frais", "frais_precisions", "nombre_semaines",
    "volume_horaire_hebdomadaire", "zone_eligibilite", "nom", "longitude", "latitude", "complement_adresse", "commune",
    "adresse", "code_postal", "code_insee", "contact_nom_prenom", "courriel", "telephone", "score_qualite",
  ],
};

/** Columns holding lists (Python list text in the CSV). */
export const COLONNES_LISTES: ReadonlySet<string> = new Set([
  "reseaux_porteurs", "thematiques", "modes_accueil", "modes_mobilisation", "mobilisable_par", "publics", "zone_eligibilite",
]);

/** Columns holding numbers. */
export const COLONNES_NOMBRES: ReadonlySet<string> = new Set([
  "latitude", "longitude", "nombre_semaines", "volume_horaire_hebdomadaire", "score_qualite",
]);

// ---------------------------------------------------------------------------------------------
// Python list text: what `str(list)` prints for a list of strings.

/** One string as Python's repr writes it: single quotes, unless it holds a single quote and no double one. */
function reprChaine(s: string): string {
  const guillemet = s.includes("'") && !s.includes('"') ? '"' : "'";
  let sortie = "";
  for (const c of s) {
    if (c === "\\") sortie += "\\\\";
    else if (c === guillemet) sortie += `\\${c}`;
    else if (c === "\n") sortie += "\\n";
    else if (c === "\r") sortie += "\\r";
    else if (c === "\t") sortie += "\\t";
    else sortie += c;
  }
  return guillemet + sortie + guillemet;
}

/** `['a', 'b']`, as the dump's CSV writes a list. */
export function encoderListePython(liste: readonly string[]): string {
  return `[${liste.map(reprChaine).join(", ")}]`;
}

const ECHAPPEMENTS: Readonly<Record<string, string>> = { n: "\n", r: "\r", t: "\t", "\\": "\\", "'": "'", '"': '"' };

/**
 * A Python list of strings back into an array; undefined when the text is not one.
 * Also takes a JSON array of strings (`["a", "b"]`), which some re-exports of the dump use.
 */
export function decoderListePython(texte: string): string[] | undefined {
  const t = texte.trim();
  if (!t.startsWith("[") || !t.endsWith("]")) return undefined;
  const liste: string[] = [];
  let i = 1;
  const fin = t.length - 1;
  const espaces = () => {
    while (i < fin && /\s/.test(t[i]!)) i++;
  };
  espaces();
  if (i === fin) return liste;
  for (;;) {
    espaces();
    const guillemet = t[i];
    if (guillemet !== "'" && guillemet !== '"') return undefined;
    i++;
    let valeur = "";
    for (;;) {
      if (i >= fin) return undefined;
      const c = t[i]!;
      if (c === "\\") {
        const suivant = t[i + 1];
        if (suivant === undefined) return undefined;
        if (suivant === "u" && /^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) {
          valeur += String.fromCharCode(parseInt(t.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        valeur += ECHAPPEMENTS[suivant] ?? `\\${suivant}`;
        i += 2;
        continue;
      }
      if (c === guillemet) {
        i++;
        break;
      }
      valeur += c;
      i++;
    }
    liste.push(valeur);
    espaces();
    if (i === fin) return liste;
    if (t[i] !== ",") return undefined;
    i++;
    espaces();
    if (i === fin) return liste; // a trailing comma
  }
}

// ---------------------------------------------------------------------------------------------
// CSV cells and lines, as pandas writes them.

/** A value as the dump's CSV cell (before quoting): lists as Python text, null/absent as empty. */
export function valeurEnCellule(valeur: unknown): string {
  if (valeur === null || valeur === undefined) return "";
  if (Array.isArray(valeur)) return encoderListePython(valeur.map(String));
  if (typeof valeur === "number") return Number.isFinite(valeur) ? String(valeur) : "";
  if (typeof valeur === "boolean") return valeur ? "True" : "False";
  return String(valeur);
}

/** Quotes a cell when it holds a comma, a double quote or a line break (RFC 4180, minimal). */
export function citerCellule(cellule: string): string {
  return /[",\r\n]/.test(cellule) ? `"${cellule.replace(/"/g, '""')}"` : cellule;
}

/** One CSV line, with its `\n`. */
export function ligneCsv(cellules: readonly string[]): string {
  return `${cellules.map(citerCellule).join(",")}\n`;
}

/** A whole CSV file in the dump's layout: header, then one line per record in `colonnes`' order. */
export function csvDump(colonnes: readonly string[], enregistrements: Iterable<Readonly<Record<string, unknown>>>): string {
  let csv = ligneCsv(colonnes);
  for (const e of enregistrements) csv += ligneCsv(colonnes.map((c) => valeurEnCellule(e[c])));
  return csv;
}

/** File names of the dump: `structures-inclusion-2026-12-07.csv`, `services-inclusion-2026-12-07.json`. */
export const MOTIF_NOM_DUMP = /^(structures|services)-inclusion-(\d{4}-\d{2}-\d{2})\.(csv|json)$/;
