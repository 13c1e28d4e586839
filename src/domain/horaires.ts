/**
 * Opening hours as a page says them: exact French words when the structured form (horaires/lecture.ts)
 * can hold the value, and always the next openings the library computes from the build's day. Split by
 * responsibility under horaires/: validation (the library's object, French errors), ouvertures (the
 * library's intervals, day by day), lecture (structured form), mots (French), aujourdhui (the browser's line).
 */
import type { CalendrierHoraires } from "./horaires/aujourdhui";
import { jourPlus } from "./dates";
import type { Intervalle } from "./horaires/jours";
import { intervallesAnnonces, lire, type Lecture } from "./horaires/lecture";
import { FERME_LES_JOURS_FERIES, lignesEnClair, prochainesEnClair, type LigneHoraire } from "./horaires/mots";
import { intervallesDeLaBibliotheque, joursFeries } from "./horaires/ouvertures";
import { separerFermetures } from "./horaires/fermetures";
import { HEURES_DU_SOLEIL } from "./horaires/validation";

export { estOuvert, verifierHoraires, type VerificationHoraires } from "./horaires/validation";
export type { LigneHoraire } from "./horaires/mots";
export type { CalendrierHoraires } from "./horaires/aujourdhui";

/** Days the words are checked against the library at build time, and the furthest « next opening » looked for. */
const HORIZON = 366;
/** Days of intervals given to the browser at least (the site is rebuilt daily; a week covers missed builds). */
const JOURS_POUR_LE_NAVIGATEUR = 8;

export interface HorairesLus {
  /**
   * Exact words of the regular hours (dated closures are notices: avis.ts), one line per group of days; empty
   * when the value holds a shape words cannot say exactly.
   */
  lignes: LigneHoraire[];
  /** « Fermé les jours fériés. » when the value says so (with exact lines only). */
  feries?: string;
  /** The next (up to) three days with an opening from the build's day: « mardi 15 décembre, 9 h 30 – 12 h 30 ». */
  prochaines: string[];
  /** Openings of the coming days, for the « aujourd'hui » line computed in the browser. */
  calendrier: CalendrierHoraires;
}

function memes(a: Intervalle[], b: Intervalle[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The structured form of the regular hours (the value without its dated closures, which the page announces
 * apart), kept only if it claims, day by day over a year from `aujourdhui`, what the library says of them.
 */
function lectureVerifiee(valeur: string, jours: Map<string, Intervalle[]>, aujourdhui: string): Lecture | undefined {
  const separe = separerFermetures(valeur);
  if (!separe || separe.reste.trim() === "") return undefined;
  if (separe.fermetures.length > 0) jours = intervallesDeLaBibliotheque(separe.reste, aujourdhui, HORIZON);
  const lecture = lire(separe.reste);
  if (!lecture) return undefined;
  const feries = joursFeries(aujourdhui, HORIZON);
  for (const [jour, intervalles] of jours) {
    if (!memes(intervallesAnnonces(lecture, jour, feries.has(jour)), intervalles)) return undefined;
  }
  return lecture;
}

const lus = new Map<string, HorairesLus | undefined>();

/**
 * What a page says of a valid `opening_hours` value on the build's day `aujourdhui` (YYYY-MM-DD, Paris);
 * undefined when the library cannot read it. Remembered by value and day (a few hundred values, thousands of pages).
 */
export function lireHoraires(valeur: string, aujourdhui: string): HorairesLus | undefined {
  const cle = `${aujourdhui}\u0000${valeur}`;
  if (lus.has(cle)) return lus.get(cle);
  if (HEURES_DU_SOLEIL.test(valeur)) return undefined;
  let resultat: HorairesLus | undefined;
  try {
    const jours = intervallesDeLaBibliotheque(valeur, aujourdhui, HORIZON);
    const lecture = lectureVerifiee(valeur, jours, aujourdhui);
    const ouverts = [...jours].filter(([, l]) => l.length > 0);
    const prochaines = prochainesEnClair([...jours], 3, aujourdhui);
    // The browser gets a week at least, and up to the third opening (so that « prochaine ouverture » is known).
    const au = [jourPlus(aujourdhui, JOURS_POUR_LE_NAVIGATEUR - 1), ouverts[Math.min(2, ouverts.length - 1)]?.[0] ?? aujourdhui].sort().at(-1)!;
    const calendrier: CalendrierHoraires = { du: aujourdhui, au, ouvertures: [] };
    for (const [jour, l] of jours) {
      if (jour > au) break;
      for (const i of l) calendrier.ouvertures.push(i.commentaire ? [jour, i.debut, i.fin, i.commentaire] : [jour, i.debut, i.fin]);
    }
    resultat = {
      lignes: lecture ? lignesEnClair(lecture) : [],
      ...(lecture?.feriesFermes ? { feries: FERME_LES_JOURS_FERIES } : {}),
      prochaines,
      calendrier,
    };
  } catch {
    resultat = undefined;
  }
  if (lus.size > 20_000) lus.clear();
  lus.set(cle, resultat);
  return resultat;
}
