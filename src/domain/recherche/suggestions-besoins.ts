/**
 * When nothing matches, the needs the words point to (mots-courants.ts), each as its own search: the
 * commune kept, the words and filters dropped (« dormir » with the theme « Emploi » → « Rechercher une
 * solution d'hébergement temporaire » at the same commune). Only needs that have services there.
 */
import { besoinParCode, themeDuCode, type Besoin } from "../taxonomy";
import { besoinsDesMots } from "./mots-courants";
import { CRITERES_VIDES, rechercher, type Criteres, type IndexPrepare } from "./requete";

export interface SuggestionDeBesoin {
  besoin: Besoin;
  /** The need's search: the commune, the need's theme and the need. */
  criteres: Criteres;
  /** How many services it finds. */
  n: number;
}

export function suggestionsDeBesoins(prepare: IndexPrepare, criteres: Pick<Criteres, "commune" | "q">): SuggestionDeBesoin[] {
  return besoinsDesMots(criteres.q).flatMap((code) => {
    const besoin = besoinParCode(code);
    if (!besoin) return [];
    const recherche: Criteres = { ...CRITERES_VIDES, commune: criteres.commune, theme: themeDuCode(code)?.slug, besoins: [code] };
    const n = rechercher(prepare, recherche).resultats.length;
    return n > 0 ? [{ besoin, criteres: recherche, n }] : [];
  });
}
