/** Text helpers shared by look-ups, slugs and search: accents and case never matter to a person. */

/** Lower-case, without diacritics, apostrophes and dashes folded to spaces, spaces collapsed. */
export function normaliser(texte: string): string {
  return texte
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[’'`´\-‐–—_]/g, " ")
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The slug rule, used for file names, URLs and the CMS: lower-case ASCII words joined by "-".
 * "L'Île-Jourdain" -> "l-ile-jourdain"; "Accès aux droits (CCAS)" -> "acces-aux-droits-ccas".
 */
export function slugifier(texte: string): string {
  return normaliser(texte).replace(/ /g, "-");
}

/** A valid slug: what `slugifier` can produce, non-empty. */
export const MOTIF_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

let collateur: Intl.Collator | undefined;

/**
 * French alphabetical order, accents and case aside ("Écully" sorts with "E"). The collator is made on
 * first use, not when the module loads: making one costs 30–120 ms in a fresh browser page, which the
 * search page, whose lists come already sorted, never needs to pay.
 */
export function comparerFrancais(a: string, b: string): number {
  collateur ??= new Intl.Collator("fr", { sensitivity: "base", numeric: true });
  return collateur.compare(a, b);
}

/** A count as French writes it, thousands apart by a narrow no-break space: "2 062" never breaks across lines. */
export function nombreEnClair(n: number): string {
  return n.toLocaleString("fr-FR");
}
