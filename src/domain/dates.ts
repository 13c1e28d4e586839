/** Days as people in the territory live them: Europe/Paris, whatever the server's time zone. */

export const FUSEAU = "Europe/Paris";

const formatParis = new Intl.DateTimeFormat("en-CA", {
  timeZone: FUSEAU, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
});

/** A moment in Paris, as the calendar counts: day YYYY-MM-DD and minutes since midnight. */
export interface MomentParis {
  jour: string;
  minutes: number;
}

export function momentParis(date: Date): MomentParis {
  const p = Object.fromEntries(formatParis.formatToParts(date).map((x) => [x.type, x.value]));
  return { jour: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute) };
}

/** Today's date in Paris as YYYY-MM-DD (an edit at 00:30 in Poitiers is already "tomorrow" in UTC terms). */
export function aujourdhuiAParis(maintenant: Date = new Date()): string {
  return momentParis(maintenant).jour;
}

/** The day `n` days after `jour` (YYYY-MM-DD), by the calendar. */
export function jourPlus(jour: string, n: number): string {
  const [a, m, j] = jour.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(a, m - 1, j + n)).toISOString().slice(0, 10);
}

/** The setting that fixes the site's day (YYYY-MM-DD): builds become reproducible, tests fix the day. */
export const VARIABLE_JOUR = "CARTO_AUJOURDHUI";

/**
 * The day the site is built for: `CARTO_AUJOURDHUI` when set, otherwise today in Paris. Everything that depends
 * on the date (freshness, hours, notices, the validator's "in the future") reads it. A wrong value is an error,
 * not a silent fallback to the clock.
 */
export function jourDuSite(env: Record<string, string | undefined> = typeof process === "undefined" ? {} : process.env): string {
  const valeur = env[VARIABLE_JOUR]?.trim();
  if (valeur === undefined || valeur === "") return aujourdhuiAParis();
  if (!estJourValide(valeur)) {
    throw new Error(`${VARIABLE_JOUR}=« ${valeur} » n'est pas une date valide : attendu AAAA-MM-JJ (ex. : 2026-12-07), ou rien pour aujourd'hui à Paris.`);
  }
  return valeur;
}

export const MOTIF_JOUR = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD (rejects 2026-02-30). */
export function estJourValide(jour: string): boolean {
  if (!MOTIF_JOUR.test(jour)) return false;
  const [a, m, j] = jour.split("-").map(Number) as [number, number, number];
  const d = new Date(Date.UTC(a, m - 1, j));
  return d.getUTCFullYear() === a && d.getUTCMonth() === m - 1 && d.getUTCDate() === j;
}

/** YAML parsers differ: js-yaml gives a Date for `2026-10-01`, the yaml package a string. */
export function jourDepuisValeur(valeur: unknown): string | undefined {
  if (valeur instanceof Date && !Number.isNaN(valeur.getTime())) return valeur.toISOString().slice(0, 10);
  if (typeof valeur === "string" && estJourValide(valeur.trim())) return valeur.trim();
  return undefined;
}

/** Whole days from `debut` to `fin` (both YYYY-MM-DD). */
export function joursEntre(debut: string, fin: string): number {
  return Math.round((Date.parse(`${fin}T00:00:00Z`) - Date.parse(`${debut}T00:00:00Z`)) / 86_400_000);
}

/** Add calendar months to a day, clamping to the month's end (31 Aug + 6 months = 28/29 Feb). */
export function ajouterMois(jour: string, mois: number): string {
  const [a, m, j] = jour.split("-").map(Number) as [number, number, number];
  const cible = new Date(Date.UTC(a, m - 1 + mois, 1));
  const dernierJour = new Date(Date.UTC(cible.getUTCFullYear(), cible.getUTCMonth() + 1, 0)).getUTCDate();
  cible.setUTCDate(Math.min(j, dernierJour));
  return cible.toISOString().slice(0, 10);
}

const formatDateLongue = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/** "2026-10-01" -> "1 octobre 2026". */
export function dateEnClair(jour: string): string {
  return formatDateLongue.format(new Date(`${jour}T00:00:00Z`));
}

const formatsJour = new Map<string, Intl.DateTimeFormat>();

/**
 * A day in words: « 15 décembre », with the weekday (`semaine`: « mardi 15 décembre ») and the year when it is
 * not the `reference` day's (« 4 janvier 2027 »); « 1er » as French writes the first of the month.
 */
export function jourEnMots(jour: string, o: { reference?: string; semaine?: boolean } = {}): string {
  const annee = o.reference !== undefined && o.reference.slice(0, 4) !== jour.slice(0, 4);
  const cle = `${o.semaine ? "s" : ""}${annee ? "a" : ""}`;
  let format = formatsJour.get(cle);
  if (!format) {
    format = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", ...(o.semaine ? { weekday: "long" } : {}), day: "numeric", month: "long", ...(annee ? { year: "numeric" } : {}) });
    formatsJour.set(cle, format);
  }
  return format.format(new Date(`${jour}T00:00:00Z`)).replace(/(^| )1 /, "$11er ");
}
