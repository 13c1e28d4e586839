/** Days and minutes of Paris wall-clock time: plain values, no Date kept, no library (this module reaches the browser). */

/** An interval of one day, in minutes since that day's midnight (0 ≤ debut < fin ≤ 1440). */
export interface Intervalle {
  debut: number;
  fin: number;
  /** The library's « unknown » (a comment without state: "sur rendez-vous"). */
  inconnu: boolean;
  commentaire?: string;
}

export const MINUTES_PAR_JOUR = 24 * 60;

/** Touching intervals with the same state and comment are one (the library splits where a rule changes). */
export function fusionner(intervalles: Intervalle[]): Intervalle[] {
  const tries = [...intervalles].sort((a, b) => a.debut - b.debut || a.fin - b.fin);
  const resultat: Intervalle[] = [];
  for (const i of tries) {
    const dernier = resultat.at(-1);
    if (dernier && dernier.fin >= i.debut && dernier.inconnu === i.inconnu && dernier.commentaire === i.commentaire) {
      dernier.fin = Math.max(dernier.fin, i.fin);
    } else {
      resultat.push({ ...i });
    }
  }
  return resultat;
}
