/**
 * What the last import brought, per record: a fingerprint of each field it owns, as it wrote it. Kept in
 * `<catalogue>/import-data-inclusion/etat.json` and committed with the catalogue, so that the next import
 * tells a field edited here (the file differs from the fingerprint) from a field changed upstream (the new
 * value differs from it): it updates the second, keeps the first, and reports a conflict when both moved.
 * Fingerprints, not values: the descriptions of a whole département would double the repository's text.
 */
import { createHash } from "node:crypto";
import { valeurCanonique } from "../cms/format";
import type { Genre } from "./format-dump";

export const VERSION_ETAT = 1;

export interface EntreeEtat {
  /** The file's name (slug), in structures/ or services/. */
  fichier: string;
  /** Field name (`corps` for the body) → fingerprint of the value the import last wrote. */
  empreintes: Record<string, string>;
}

export interface EtatImport {
  version: typeof VERSION_ETAT;
  structures: Record<string, EntreeEtat>;
  services: Record<string, EntreeEtat>;
}

export const CHAMP_CORPS_ETAT = "corps";

export const etatVide = (): EtatImport => ({ version: VERSION_ETAT, structures: {}, services: {} });

export const cleEtat = (genre: Genre) => (genre === "structure" ? "structures" : "services") as "structures" | "services";

/** The value in the form both sides compare (absent, empty and null alike; codes as text; body trimmed). */
export function valeurComparee(champ: string, valeur: unknown): unknown {
  if (champ === CHAMP_CORPS_ETAT) {
    const t = typeof valeur === "string" ? valeur.replace(/\r\n/g, "\n").trim() : "";
    return t === "" ? undefined : t;
  }
  return valeurCanonique(champ, valeur);
}

/** 12 hex digits of SHA-1 of the compared value: enough to tell two values of one field apart. */
export function empreinte(champ: string, valeur: unknown): string {
  const v = valeurComparee(champ, valeur);
  return createHash("sha1").update(v === undefined ? "∅" : JSON.stringify(v)).digest("hex").slice(0, 12);
}

/** The state file's text: keys sorted, one record per line group, so that an unchanged import rewrites the same bytes. */
export function texteEtat(etat: EtatImport): string {
  const trier = (o: Record<string, EntreeEtat>) =>
    Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((id) => [id, { fichier: o[id]!.fichier, empreintes: Object.fromEntries(Object.entries(o[id]!.empreintes).sort(([a], [b]) => (a < b ? -1 : 1))) }]),
    );
  return `${JSON.stringify({ version: etat.version, structures: trier(etat.structures), services: trier(etat.services) }, null, 1)}\n`;
}

/** Reads the state file's text; a missing file is an empty state, an unreadable one an error naming it. */
export function lireEtat(texte: string | undefined, chemin: string): EtatImport {
  if (texte === undefined) return etatVide();
  let brut: unknown;
  try {
    brut = JSON.parse(texte);
  } catch (e) {
    throw new Error(`${chemin} : fichier d'état de l'import illisible (${(e as Error).message}) ; restaurez-le depuis git (git checkout -- ${chemin})`);
  }
  const o = brut as Partial<EtatImport> | null;
  if (!o || o.version !== VERSION_ETAT || typeof o.structures !== "object" || typeof o.services !== "object") {
    throw new Error(`${chemin} : fichier d'état de l'import d'une forme inconnue (version attendue : ${VERSION_ETAT}) ; restaurez-le depuis git`);
  }
  return { version: VERSION_ETAT, structures: { ...o.structures }, services: { ...o.services } };
}
