/**
 * Labels of needs for the text search. Kept apart from index-recherche.ts, which the build uses with the
 * whole catalogue model: the browser's worker imports only this.
 */
import { besoinParCode, categorieDuCode } from "../taxonomy";

/** Labels of a service's needs and of their categories, for the text search and `dejaIndexe`. */
export function libellesDesBesoins(codes: readonly string[]): string[] {
  const libelles = new Set<string>();
  for (const code of codes) {
    const categorie = categorieDuCode(code);
    if (categorie) libelles.add(categorie.label);
    const besoin = besoinParCode(code);
    if (besoin) libelles.add(besoin.label);
  }
  return [...libelles];
}

