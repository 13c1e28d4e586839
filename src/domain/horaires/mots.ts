/** French words for the structured form (lecture.ts) and for dated openings (ouvertures.ts). Nothing here reads a value. */
import type { JourLu, Lecture, LigneLue, Plage } from "./lecture";
import { MINUTES_PAR_JOUR, type Intervalle } from "./jours";
import { jourEnMots } from "../dates";

export interface LigneHoraire {
  /** "du lundi au vendredi", "le 1er et le 3e mardi du mois", "de mars à octobre, le mercredi"… */
  jours: string;
  /** "9 h – 12 h et 14 h – 17 h", "24 h sur 24", "sur rendez-vous", "9 h – 12 h (sur rendez-vous)"… */
  heures: string;
}

export const JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"] as const;
export const MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"] as const;

export function enumerer(elements: string[]): string {
  if (elements.length <= 1) return elements.join("");
  return `${elements.slice(0, -1).join(", ")} et ${elements[elements.length - 1]}`;
}

/** 570 → "9 h 30", 720 → "12 h", 0 or 1440 → "minuit". */
export function heure(minutes: number): string {
  const m = minutes % MINUTES_PAR_JOUR;
  if (m === 0) return "minuit";
  const h = Math.floor(m / 60);
  const reste = m % 60;
  return reste === 0 ? `${h} h` : `${h} h ${String(reste).padStart(2, "0")}`;
}

/** Runs of consecutive items of a cycle (Sunday is followed by Monday, December by January). */
function suites(elements: number[], taille: number): number[][] {
  const present = new Set(elements);
  if (present.size === taille) return [[...present].sort((a, b) => a - b)];
  const resultat: number[][] = [];
  for (const e of [...present].sort((a, b) => a - b)) {
    if (present.has((e + taille - 1) % taille)) continue; // not the start of a run
    const suite = [e];
    for (let k = (e + 1) % taille; present.has(k) && k !== e; k = (k + 1) % taille) suite.push(k);
    resultat.push(suite);
  }
  return resultat;
}

function texteJoursDeLaSemaine(jours: number[]): string[] {
  if (new Set(jours).size === 7) return ["tous les jours"];
  const parties: string[] = [];
  for (const suite of suites(jours, 7)) {
    if (suite.length >= 3) parties.push(`du ${JOURS[suite[0]!]} au ${JOURS[suite.at(-1)!]}`);
    else for (const j of suite) parties.push(`le ${JOURS[j]}`);
  }
  return parties;
}

function rang(r: number): string {
  if (r === 1) return "1er";
  if (r === -1) return "dernier";
  if (r === -2) return "avant-dernier";
  return r > 0 ? `${r}e` : `${-r}e en partant de la fin`;
}

/** [1, 3] mardi → "le 1er et le 3e mardi du mois"; [-1] → "le dernier mardi du mois". */
function texteRangs(j: JourLu): string {
  const rangs = j.rangs ?? [];
  const mots = rangs.map((r) => (r === -2 ? "l'avant-dernier" : `le ${rang(r)}`));
  return `${enumerer(mots)} ${JOURS[j.jour]} du mois`;
}

/** [2..9] → "de mars à octobre"; [10, 11, 0, 1, 2] → "de novembre à mars"; [4] → "en mai". */
export function texteMois(mois: number[]): string {
  return enumerer(suites(mois, 12).map((s) => (s.length === 1 ? `en ${MOIS[s[0]!]}` : `de ${MOIS[s[0]!]} à ${MOIS[s.at(-1)!]}`)));
}

function texteJours(l: LigneLue): string {
  const chaqueSemaine = l.jours.filter((j) => !j.rangs).map((j) => j.jour);
  const parties = [...texteJoursDeLaSemaine(chaqueSemaine), ...l.jours.filter((j) => j.rangs).map(texteRangs)];
  const jours = enumerer(parties);
  return l.mois ? `${texteMois(l.mois)}, ${jours}` : jours;
}

function textePlage(p: Plage): string {
  if (p.debut === 0 && p.fin === MINUTES_PAR_JOUR) return "24 h sur 24";
  return `${heure(p.debut)} – ${heure(p.fin)}`;
}

function texteHeures(l: LigneLue): string {
  const journeeEntiere = l.plages.length === 1 && l.plages[0]!.debut === 0 && l.plages[0]!.fin === MINUTES_PAR_JOUR;
  if (journeeEntiere && l.commentaire) return l.commentaire; // a day « sur rendez-vous »
  const heures = enumerer(l.plages.map(textePlage));
  return l.commentaire ? `${heures} (${l.commentaire})` : heures;
}

/** The lines a page shows (a table: days, hours). */
export function lignesEnClair(lecture: Lecture): LigneHoraire[] {
  return lecture.lignes.map((l) => ({ jours: texteJours(l), heures: texteHeures(l) }));
}

/** One line as a sentence: « le 1er et le 3e mardi du mois, de 9 h 30 à 12 h 30 ». */
export function phraseDeLigne(l: LigneLue): string {
  const journeeEntiere = l.plages.length === 1 && l.plages[0]!.debut === 0 && l.plages[0]!.fin === MINUTES_PAR_JOUR;
  const heures = journeeEntiere
    ? l.commentaire ?? "24 h sur 24"
    : `${enumerer(l.plages.map((p) => `de ${heure(p.debut)} à ${heure(p.fin)}`))}${l.commentaire ? ` (${l.commentaire})` : ""}`;
  return `${texteJours(l)}, ${heures}`;
}

/** For display: no line break inside « 9 h 30 » nor before « – » (the texts themselves keep plain spaces). */
export function insecables(texte: string): string {
  return texte.replace(/(\d) h\b/g, "$1\u00a0h").replace(/\bh (\d)/g, "h\u00a0$1").replace(/ –/g, "\u00a0–");
}

export const FERME_LES_JOURS_FERIES = "Fermé les jours fériés.";

/** "2026-12-15" → "mardi 15 décembre" (with the year when it is not the reference day's). */
export function jourEnClair(jour: string, reference?: string): string {
  return jourEnMots(jour, { reference, semaine: true });
}

/** A day's intervals: "9 h 30 – 12 h 30 et 14 h – 17 h", comments in brackets. */
export function intervallesEnClair(intervalles: Intervalle[]): string {
  return enumerer(
    intervalles.map((i) => {
      const plage = i.debut === 0 && i.fin === MINUTES_PAR_JOUR ? (i.commentaire ? "" : "toute la journée") : `${heure(i.debut)} – ${heure(i.fin)}`;
      if (!i.commentaire) return plage;
      return plage ? `${plage} (${i.commentaire})` : i.commentaire;
    }),
  );
}

/**
 * The first `combien` days with an opening that starts on them, in words: « mardi 15 décembre, 9 h 30 – 12 h 30 ».
 * An evening opening that goes on past midnight is one opening (« 18 h 30 – 9 h le lendemain »); the morning
 * end of the previous night, on the first day, reads « jusqu'à 9 h ».
 */
export function prochainesEnClair(jours: [string, Intervalle[]][], combien: number, reference?: string): string[] {
  const resultat: string[] = [];
  for (const [n, [jour, intervalles]] of jours.entries()) {
    const lendemain = jours[n + 1]?.[1][0];
    const morceaux: string[] = [];
    for (const [k, i] of intervalles.entries()) {
      const suite = k === 0 && i.debut === 0 && i.fin < MINUTES_PAR_JOUR && (jours[n - 1]?.[1].at(-1)?.fin ?? 0) === MINUTES_PAR_JOUR;
      if (suite) continue; // told with the day before
      const continue_ = i.debut > 0 && i.fin === MINUTES_PAR_JOUR && k === intervalles.length - 1 &&
        lendemain !== undefined && lendemain.debut === 0 && lendemain.fin < MINUTES_PAR_JOUR &&
        lendemain.inconnu === i.inconnu && lendemain.commentaire === i.commentaire;
      const premierJourSuite = n === 0 && k === 0 && i.debut === 0 && i.fin < MINUTES_PAR_JOUR;
      const texte = continue_
        ? `${heure(i.debut)} – ${heure(lendemain.fin)} le lendemain`
        : premierJourSuite
          ? `jusqu'à ${heure(i.fin)}`
          : intervallesEnClair([i]);
      morceaux.push(continue_ && i.commentaire ? `${texte} (${i.commentaire})` : texte);
    }
    if (morceaux.length === 0) continue;
    resultat.push(`${jourEnClair(jour, reference)}, ${enumerer(morceaux)}`);
    if (resultat.length === combien) break;
  }
  return resultat;
}
