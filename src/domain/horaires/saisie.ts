/**
 * The editable form of an `opening_hours` value (the CMS's hours widget): rows of days with their time
 * ranges (every week, or the 1st…4th / last weekday of the month), one season, « fermé les jours fériés »
 * and dated closures. Read from the structured form lecture.ts already derives from the library's tokens
 * (no second parser), written back in the standard syntax. `saisieDepuisValeur` gives undefined when the
 * form cannot hold the value exactly (the widget then opens it as text); the widget keeps the original
 * string until the partner edits, so a value opened and not touched is saved byte-identical.
 * Reading is in saisie-lecture.ts (it needs the library; this module does not, so the validator can write with it).
 */
import { MINUTES_PAR_JOUR } from "./jours";
import type { Fermeture } from "./fermetures";

export interface PlageSaisie {
  /** Minutes since midnight; `fin` may pass 1440 (open over midnight: 18:30-09:00 is 1110–1980). */
  debut: number;
  fin: number;
}

/** A range whose start is set to `debut` (minutes, 0–1439): an end not after it passes midnight. */
export function avecDebut(plage: PlageSaisie, debut: number): PlageSaisie {
  const fin = plage.fin % MINUTES_PAR_JOUR;
  return { debut, fin: fin <= debut ? fin + MINUTES_PAR_JOUR : fin };
}

/** A range whose end is set to `fin` (minutes, 0–1439): not after the start, it is the next day's (18:30 à 09:00). */
export function avecFin(plage: PlageSaisie, fin: number): PlageSaisie {
  return { debut: plage.debut, fin: fin <= plage.debut ? fin + MINUTES_PAR_JOUR : fin };
}

export interface RegleSaisie {
  /** Weekdays, 0 = Monday. */
  jours: number[];
  /** Weeks of the month (1…4, -1 = last); empty: every week. */
  rangs: number[];
  plages: PlageSaisie[];
  /** Said after the hours (« sur rendez-vous »); the library then calls these hours « unknown ». */
  commentaire: string;
}

/** A dated closure (horaires/fermetures.ts reads them from a value). */
export type FermetureSaisie = Fermeture;

export interface Saisie {
  /** Months (0 = January) from `de` to `a`, possibly over the new year; null: all year. */
  saison: { de: number; a: number } | null;
  regles: RegleSaisie[];
  feriesFermes: boolean;
  fermetures: FermetureSaisie[];
}

/** The ranks the widget offers: « le 1er / 2e / 3e / 4e / dernier … du mois ». */
export const RANGS = [1, 2, 3, 4, -1] as const;

const CODES_JOURS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] as const;
const CODES_MOIS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

export function saisieVide(): Saisie {
  return { saison: null, regles: [], feriesFermes: false, fermetures: [] };
}

export function regleVide(): RegleSaisie {
  return { jours: [], rangs: [], plages: [{ debut: 9 * 60, fin: 12 * 60 }], commentaire: "" };
}

/* ---------- Writing ---------- */

export const deux = (n: number) => String(n).padStart(2, "0");

/** 570 → "09:30"; 1440 → "24:00"; past midnight (1980) → "09:00". */
export function hhmm(minutes: number): string {
  if (minutes === MINUTES_PAR_JOUR) return "24:00";
  const m = minutes % MINUTES_PAR_JOUR;
  return `${deux(Math.floor(m / 60))}:${deux(m % 60)}`;
}

/** Days as the syntax writes them: runs of three or more as ranges ("Mo-We"), others listed ("Tu,Th"). */
function texteJours(jours: number[], rangs: number[]): string {
  const tries = [...new Set(jours)].sort((a, b) => a - b);
  if (rangs.length > 0) {
    const r = [...new Set(rangs)].sort((a, b) => (a < 0 ? 10 - a : a) - (b < 0 ? 10 - b : b)).join(",");
    return tries.map((j) => `${CODES_JOURS[j]}[${r}]`).join(",");
  }
  const parties: string[] = [];
  for (let k = 0; k < tries.length; ) {
    let fin = k;
    while (fin + 1 < tries.length && tries[fin + 1] === tries[fin]! + 1) fin++;
    if (fin - k >= 2) parties.push(`${CODES_JOURS[tries[k]!]}-${CODES_JOURS[tries[fin]!]}`);
    else for (let i = k; i <= fin; i++) parties.push(CODES_JOURS[tries[i]!]!);
    k = fin + 1;
  }
  return parties.join(",");
}

function texteDate(jour: string): string {
  const [a, m, j] = jour.split("-").map(Number) as [number, number, number];
  return `${a} ${CODES_MOIS[m - 1]} ${deux(j)}`;
}

const commentaireSur = (texte: string) => texte.replace(/"/g, "'").trim();

/** The standard syntax of a form ("" when it says nothing). Rows never share a day (see `problemesDeSaisie`). */
export function valeurDepuisSaisie(s: Saisie): string {
  const regles: string[] = [];
  const toujours =
    s.saison === null && s.regles.length === 1 && s.regles[0]!.jours.length === 7 && s.regles[0]!.rangs.length === 0 &&
    s.regles[0]!.commentaire.trim() === "" && s.regles[0]!.plages.length === 1 &&
    s.regles[0]!.plages[0]!.debut === 0 && s.regles[0]!.plages[0]!.fin === MINUTES_PAR_JOUR;
  if (toujours) regles.push("24/7");
  else {
    const saison = s.saison ? (s.saison.de === s.saison.a ? `${CODES_MOIS[s.saison.de]} ` : `${CODES_MOIS[s.saison.de]}-${CODES_MOIS[s.saison.a]} `) : "";
    for (const r of s.regles) {
      const morceaux = [`${saison}${texteJours(r.jours, r.rangs)}`];
      if (r.plages.length > 0) morceaux.push(r.plages.map((p) => `${hhmm(p.debut)}-${hhmm(p.fin)}`).join(","));
      const commentaire = commentaireSur(r.commentaire);
      if (commentaire) morceaux.push(`"${commentaire}"`);
      regles.push(morceaux.join(" "));
    }
  }
  if (s.feriesFermes) regles.push("PH off");
  for (const f of s.fermetures) {
    const dates = f.du === f.au ? texteDate(f.du) : `${texteDate(f.du)}-${texteDate(f.au)}`;
    const message = commentaireSur(f.message);
    regles.push(message ? `${dates} off "${message}"` : `${dates} off`);
  }
  return regles.join("; ");
}

/** What keeps a form from being written as the partner means it, in French (empty when none). */
export function problemesDeSaisie(s: Saisie): string[] {
  const problemes: string[] = [];
  const vus = new Map<number, { ligne: number; rangs: number[] }[]>();
  s.regles.forEach((r, k) => {
    const n = k + 1;
    if (r.jours.length === 0) problemes.push(`Ligne ${n} : cochez au moins un jour.`);
    if (r.plages.length === 0 && r.commentaire.trim() === "") problemes.push(`Ligne ${n} : indiquez au moins une plage horaire (ou une précision comme « sur rendez-vous »).`);
    for (const p of r.plages) {
      if (p.fin === p.debut) problemes.push(`Ligne ${n} : la plage ${hhmm(p.debut)} – ${hhmm(p.fin)} ne dure pas.`);
    }
    const triees = [...r.plages].sort((a, b) => a.debut - b.debut);
    for (let i = 1; i < triees.length; i++) {
      if (triees[i]!.debut < triees[i - 1]!.fin) problemes.push(`Ligne ${n} : deux plages horaires se chevauchent.`);
    }
    for (const j of r.jours) {
      for (const autre of vus.get(j) ?? []) {
        const chevauche = r.rangs.length === 0 || autre.rangs.length === 0 || r.rangs.some((x) => autre.rangs.includes(x)) ||
          (r.rangs.includes(-1) !== autre.rangs.includes(-1)); // the last Thursday may be the 4th
        if (chevauche) {
          problemes.push(`Lignes ${autre.ligne} et ${n} : le ${["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"][j]} est dans les deux ; mettez toutes ses plages sur une seule ligne.`);
        }
      }
      vus.set(j, [...(vus.get(j) ?? []), { ligne: n, rangs: r.rangs }]);
    }
  });
  if (s.regles.length > 0 && s.regles.some((r) => r.plages.some((p) => p.fin > MINUTES_PAR_JOUR)) && s.regles.length > 1) {
    problemes.push("Une ouverture qui passe minuit ne peut pas être combinée avec d'autres lignes : passez en mode expert.");
  }
  s.fermetures.forEach((f, k) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.du) || !/^\d{4}-\d{2}-\d{2}$/.test(f.au)) problemes.push(`Fermeture ${k + 1} : indiquez les deux dates.`);
    else if (f.au < f.du) problemes.push(`Fermeture ${k + 1} : la date de fin est avant la date de début.`);
  });
  return [...new Set(problemes)];
}

