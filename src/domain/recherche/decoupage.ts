/**
 * The search index travels as two files: what the cards, filters and coverage need (fetched first,
 * it shows the first results), and the descriptions' distinctive terms, which only the free-text
 * index needs (fetched once the first results are painted). The first file stays small on a slow
 * phone connection.
 */
import type { IndexRecherche } from "./index-recherche";

/** Terms of each service, aligned with `index.services` ("" when none). */
export type TermesRecherche = string[];

export function separerTermes(index: IndexRecherche): { index: IndexRecherche; termes: TermesRecherche } {
  return {
    index: { ...index, services: index.services.map(({ k: _k, ...reste }) => reste) },
    termes: index.services.map((s) => s.k ?? ""),
  };
}

export function rattacherTermes(index: IndexRecherche, termes: TermesRecherche): IndexRecherche {
  if (termes.length !== index.services.length) {
    throw new Error(`Index de recherche incohérent : ${index.services.length} services mais ${termes.length} listes de termes`);
  }
  return { ...index, services: index.services.map((s, i) => (termes[i] ? { ...s, k: termes[i] } : s)) };
}
