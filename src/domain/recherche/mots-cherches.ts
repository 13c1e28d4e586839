/**
 * Which of the typed words the search applies.
 *
 * A word is searched as a prefix from 3 letters (src/domain/recherche/texte.ts): shorter, it would
 * match half the catalogue. So a short word in the middle of being typed (« lo » on the way to
 * « logement ») is searched as it is, finds nothing, and the list would flash « Aucun service » for one
 * key at nearly every word. While typing goes on, such a word is left out (the list stays as the
 * words before it made it); once typing pauses, every word applies, « lo » included.
 */
import { termesDuTexte } from "./termes";

/** From this many letters, the word being typed is searched as a prefix. */
export const LONGUEUR_PREFIXE = 3;

/** Whether the last word of `q` is still being typed: not followed by a space (it is then searched as a prefix). */
export function dernierMotEnCours(q: string): boolean {
  return !/\s$/.test(q);
}

/** The words to search: none while they hold no searchable term (« l », « de »), so one letter never empties the list. */
export function motsCherches(q: string): string {
  return termesDuTexte(q).length > 0 ? q.trim() : "";
}

/**
 * The words to search while they are being typed: as `motsCherches`, without the last word when its
 * terms are all shorter than a prefix and found in no service (`estUnTerme`: « cv » is one). A word
 * followed by a space is finished, and applies.
 */
export function motsPendantLaFrappe(q: string, estUnTerme: (terme: string) => boolean): string {
  if (!dernierMotEnCours(q)) return motsCherches(q);
  const mots = q.trim().split(/\s+/);
  const dernier = mots.at(-1) ?? "";
  const termes = termesDuTexte(dernier);
  // A word without terms (« a », « de ») is kept: the search skips it, and the words stay those of the
  // pause, so that the pause does not search them again.
  const enAttente = termes.length > 0 && termes.every((t) => t.length < LONGUEUR_PREFIXE && !estUnTerme(t));
  return motsCherches(enAttente ? mots.slice(0, -1).join(" ") : q);
}
