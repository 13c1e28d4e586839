/**
 * The CMS's search (the « Tout rechercher » box and the structure picker): words, not letters.
 * Decap's own matcher takes a query's letters in order wherever they come first (« ASLL » matched
 * « Accompagnement Social Lié… » letter by letter and any long text, not « (ASLL) »), so partners
 * did not find their listings. Here every word of the query must begin a word of the text
 * (accents and case aside); the whole query found as it is, and found early (the name comes
 * first in what Decap hands us), ranks higher.
 */
import { normaliser } from "../text";

/** Decap keeps hits scoring more than 5. */
const SCORE_MINIMUM = 6;

function enMots(texte: string): string {
  return normaliser(texte).replace(/[^a-z0-9]+/g, " ").trim();
}

/** 0 when `texte` does not answer `requete`; otherwise higher for better answers. An empty query (the structure picker's first list) takes everything. */
export function scoreRecherche(requete: string, texte: string): number {
  const q = enMots(requete);
  if (q === "") return 1;
  const t = ` ${enMots(texte)} `;
  const mots = q.split(" ");
  let premiere = Infinity;
  for (const mot of mots) {
    const i = t.indexOf(` ${mot}`);
    if (i === -1) return 0;
    premiere = Math.min(premiere, i);
  }
  const entier = t.indexOf(` ${q}`);
  // Earlier is better: the name first, then the structure, the summary, the description.
  const position = 1 - Math.min(premiere, 2000) / 2000;
  return SCORE_MINIMUM + (entier !== -1 ? 50 : 0) + Math.round(40 * position) + mots.length;
}
