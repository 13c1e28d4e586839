/**
 * What a selection may hold, whether it comes from a shared link or from the browser's storage:
 * valid service codes without repeats and within a maximum, a commune of the territory, a short note.
 * Both readers (lien.ts, selection.ts) apply these rules, so that a selection reads back as it was written.
 * No reference data here: the person's stored selection is read on every page, whose scripts should not
 * carry the territory's communes; the link reader (lien.ts) checks the commune against them.
 */
import { MOTIF_CODE_INSEE } from "../code-insee";
import { MOTIF_CODE_SERVICE } from "./code";

/**
 * 30 services at most. A counsellor's selection for one person holds a handful of services; 30 still
 * prints as a readable sheet, and its link (about 330 characters) stays within a QR code of version 15
 * at error correction M, readable printed a few centimetres wide. Beyond that, a search page says it better.
 */
export const MAX_SERVICES_PAR_SELECTION = 30;

/** A note as long as a text message line: a word for the person, not a letter. */
export const LONGUEUR_MAX_NOTE = 140;

/**
 * The note's name wherever it is shown (field, sheet, print): it travels in the link and its QR code, so
 * whoever gets the link reads it; the counsellor must know that before writing in it.
 */
export const LIBELLE_NOTE = "Message pour la personne, visible par qui a le lien";

export interface CodesLus {
  /** Valid codes, in order, first occurrence kept, at most MAX_SERVICES_PAR_SELECTION. */
  codes: string[];
  /** What could not be read as a code, as given. */
  illisibles: string[];
  /** How many valid codes were dropped beyond the maximum. */
  enTrop: number;
}

/** Codes as given (any case, blanks around), cleaned: see CodesLus. */
export function lireCodes(bruts: readonly unknown[]): CodesLus {
  const codes: string[] = [];
  const illisibles: string[] = [];
  let enTrop = 0;
  for (const brut of bruts) {
    const code = typeof brut === "string" ? brut.trim().toLowerCase() : "";
    if (!MOTIF_CODE_SERVICE.test(code)) {
      if (typeof brut !== "string" || brut.trim() !== "") illisibles.push(typeof brut === "string" ? brut.trim() : String(brut));
      continue;
    }
    if (codes.includes(code)) continue;
    if (codes.length >= MAX_SERVICES_PAR_SELECTION) enTrop++;
    else codes.push(code);
  }
  return { codes, illisibles, enTrop };
}

/** A commune's INSEE code by its form (any commune of France), else undefined. */
export function formeDeCommune(code: unknown): string | undefined {
  const propre = typeof code === "string" ? code.trim().toUpperCase() : "";
  return MOTIF_CODE_INSEE.test(propre) ? propre : undefined;
}

// Line breaks and tabs become spaces; other control characters, bidirectional overrides (which could
// disguise the text) and lone surrogates (which encodeURIComponent refuses) are removed.
const ESPACES = /[\t\n\r\v\f\u2028\u2029]+/g;
// With the u flag, a surrogate range matches only lone surrogates (pairs are read as one code point).
const INVISIBLES = /[\p{Cc}\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/gu;

export interface NoteLue {
  note?: string;
  /** True when the note was longer than LONGUEUR_MAX_NOTE and was cut. */
  coupee: boolean;
}

/** A note as it may be shown: plain text on one line, trimmed, at most LONGUEUR_MAX_NOTE characters (code points). */
export function nettoyerNote(brute: unknown): NoteLue {
  if (typeof brute !== "string") return { coupee: false };
  const propre = brute.replace(ESPACES, " ").replace(INVISIBLES, "").trim();
  const caracteres = Array.from(propre);
  const coupee = caracteres.length > LONGUEUR_MAX_NOTE;
  const note = coupee ? caracteres.slice(0, LONGUEUR_MAX_NOTE).join("").trimEnd() : propre;
  return { ...(note !== "" ? { note } : {}), coupee };
}
