/**
 * How a text becomes search terms, the same way for the index and for queries: normalised (accents,
 * case and apostrophes aside), French stop words and single letters dropped, plurals folded.
 */
import { normaliser } from "../text";
import { estMotVide } from "./mots-vides";

/** A light French plural folding: "logements" → "logement", "travaux" → "travau" (both sides alike). */
export function racine(mot: string): string {
  return mot.length >= 5 && (mot.endsWith("s") || mot.endsWith("x")) && !mot.endsWith("ss") ? mot.slice(0, -1) : mot;
}

/** The search terms of a text (or of one token: MiniSearch `processTerm`), in order. */
export function termesDuTexte(texte: string): string[] {
  const termes: string[] = [];
  for (const m of normaliser(texte).split(" ")) {
    if (m.length < 2 || estMotVide(m)) continue;
    termes.push(racine(m));
  }
  return termes;
}
