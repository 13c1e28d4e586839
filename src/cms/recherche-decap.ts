/**
 * Stands in for the `fuzzy` package inside Decap (aliased in astro.config.mjs): the same
 * `filter(pattern, items, { extract })` shape Decap calls, with the project's word search
 * (src/domain/cms/recherche.ts) instead of letter-by-letter matching.
 */
import { scoreRecherche } from "../domain/cms/recherche";

interface Options<T> {
  extract?: (element: T) => string;
}

export interface Resultat<T> {
  string: string;
  score: number;
  index: number;
  original: T;
}

export function filter<T>(requete: string, elements: readonly T[], options: Options<T> = {}): Resultat<T>[] {
  const extraire = options.extract ?? ((e: T) => String(e));
  const resultats: Resultat<T>[] = [];
  elements.forEach((original, index) => {
    const texte = extraire(original);
    const score = scoreRecherche(requete, texte);
    if (score > 0) resultats.push({ string: texte, score, index, original });
  });
  return resultats;
}

export function test(requete: string, texte: string): boolean {
  return scoreRecherche(requete, texte) > 0;
}

export function match(requete: string, texte: string): { rendered: string; score: number } | null {
  const score = scoreRecherche(requete, texte);
  return score > 0 ? { rendered: texte, score } : null;
}

export function simpleFilter(requete: string, elements: readonly string[]): string[] {
  return elements.filter((e) => test(requete, e));
}

export default { filter, test, match, simpleFilter };
