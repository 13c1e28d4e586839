/**
 * What the library says, day by day: the open intervals of a value between two days, as wall-clock
 * minutes of Paris days. No Date leaves this module, so the result does not depend on the machine's TZ.
 *
 * Time zones: the library reads and builds Dates with local components (getDay, getHours…), so its answer
 * is a wall-clock answer, except on the machine's own DST days, where a time in the gap moves by an hour
 * ("22:00-02:00" would end at 3 h on a spring-forward night). The library is therefore run with the
 * process's zone set to UTC for the call (Node applies a change of `process.env.TZ` at once): pure wall
 * clock, the hours on the door, identical on any machine. A Paris night that skips 2 h ends at the same
 * instant either way.
 */
import { construire } from "./bibliotheque";
import { jourPlus } from "../dates";
import { fusionner, MINUTES_PAR_JOUR, type Intervalle } from "./jours";

function minuitLocal(jour: string): Date {
  const [a, m, j] = jour.split("-").map(Number) as [number, number, number];
  return new Date(a, m - 1, j);
}

function jourLocal(date: Date): string {
  const d = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${d(date.getMonth() + 1)}-${d(date.getDate())}`;
}

/**
 * The library's open (or unknown) intervals of `valeur` for `nombre` days from `debut`, cut at each midnight.
 * Every day of the range is a key, closed days with an empty list. Throws on an invalid value.
 */
export function intervallesDeLaBibliotheque(valeur: string, debut: string, nombre: number): Map<string, Intervalle[]> {
  return enHeureMurale(() => intervallesEnUTC(valeur, debut, nombre));
}

/** Runs `f` with the process's time zone set to UTC (no DST), then puts it back; as is in a browser (CMS preview). */
function enHeureMurale<T>(f: () => T): T {
  const env = typeof process === "undefined" ? undefined : process.env;
  if (!env || env.TZ === "UTC") return f();
  const avant = env.TZ;
  env.TZ = "UTC";
  try {
    return f();
  } finally {
    if (avant === undefined) delete env.TZ;
    else env.TZ = avant;
  }
}

function intervallesEnUTC(valeur: string, debut: string, nombre: number): Map<string, Intervalle[]> {
  const resultat = new Map<string, Intervalle[]>();
  for (let n = 0; n < nombre; n++) resultat.set(jourPlus(debut, n), []);
  const oh = construire(valeur);
  for (const [de, a, inconnu, commentaire] of oh.getOpenIntervals(minuitLocal(debut), minuitLocal(jourPlus(debut, nombre)))) {
    // Cut at every local midnight the interval crosses.
    let jour = jourLocal(de);
    let depart = de.getHours() * 60 + de.getMinutes();
    for (;;) {
      const finDuJour = minuitLocal(jourPlus(jour, 1));
      const termine = a.getTime() <= finDuJour.getTime();
      const fin = termine ? (jourLocal(a) === jour ? a.getHours() * 60 + a.getMinutes() : MINUTES_PAR_JOUR) : MINUTES_PAR_JOUR;
      if (fin > depart) {
        resultat.get(jour)?.push({ debut: depart, fin, inconnu, ...(commentaire ? { commentaire: commentaire.trim() } : {}) });
      }
      if (termine) break;
      jour = jourPlus(jour, 1);
      depart = 0;
    }
  }
  for (const [jour, liste] of resultat) resultat.set(jour, fusionner(liste));
  return resultat;
}

const feriesParPeriode = new Map<string, Set<string>>();

/** French public holidays (the library's own list, as `PH` reads them) among `nombre` days from `debut`. */
export function joursFeries(debut: string, nombre: number): Set<string> {
  const cle = `${debut}/${nombre}`;
  let feries = feriesParPeriode.get(cle);
  if (!feries) {
    feries = new Set([...intervallesDeLaBibliotheque("PH", debut, nombre)].filter(([, l]) => l.length > 0).map(([j]) => j));
    if (feriesParPeriode.size > 50) feriesParPeriode.clear();
    feriesParPeriode.set(cle, feries);
  }
  return feries;
}
