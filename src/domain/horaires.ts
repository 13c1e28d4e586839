/**
 * Opening hours (`horaires_accueil` of the data·inclusion schema, OpenStreetMap `opening_hours`
 * syntax): validation with French messages, and a French reading of a typical week.
 *
 * Parsing and evaluation are delegated to the `opening_hours` library. The French wording is
 * built from the library's evaluation of a fixed reference week (not from re-parsing the
 * string), so any valid syntax is rendered the same way.
 *
 * Time zones: the library reads and builds Dates with local components (getHours, getDay…),
 * and so does this module: the reference week starts at `new Date(2024, 5, 10)` local time and
 * every minute count is read back with local getters. The result is therefore the same whatever
 * the machine's TZ (the reference week contains no DST change in any usual zone: June 10–16, 2024).
 */
import OpeningHours from "opening_hours";
import type { nominatim_object, optional_conf } from "opening_hours";

export interface LigneHoraire {
  /** "du lundi au vendredi", "le samedi", "le lundi et le jeudi", "tous les jours"… */
  jours: string;
  /** "9 h – 12 h et 14 h – 17 h", "8 h 30 – 12 h", "24 h sur 24", "à partir de 9 h"… */
  heures: string;
}

export interface HorairesEnClair {
  /** Open days of a typical week, grouped by identical hours; closed days are omitted. */
  lignes: LigneHoraire[];
  /**
   * false when the lines do not tell everything (public or school holidays, months, week
   * numbers, sunrise, fallback rules, a value the library had to correct, an invalid value…):
   * the page should then also show the raw value.
   */
  complet: boolean;
}

export type VerificationHoraires =
  | { ok: true; avertissements: string[] }
  | { ok: false; message: string };

const EXEMPLE = "Mo-Fr 09:00-12:00,14:00-17:00";

/** Country for public holidays (PH). No region: school holidays (SH) are not evaluated. */
const LIEU = {
  lat: "46.6",
  lon: "2.4",
  address: { country_code: "fr", state: "" },
} as unknown as nominatim_object; // The library reads lat/lon as strings, its types say number.

const CONFIGURATION: optional_conf = {
  mode: 0, // time ranges, as for the opening_hours key
  locale: "fr",
  tag_key: undefined,
  map_value: undefined,
  warnings_severity: undefined,
};

/**
 * Warnings meaning the library had to guess or rewrite part of the value ("9h", "9-12",
 * "lundi", "–" instead of "-", am/pm…): the value is not in the OpenStreetMap format, even
 * though the library can read it.
 */
const CORRECTIONS = new Set<string>([
  "hour_min_separator",
  "without_minutes",
  "word_error_correction",
  "omit_ko",
  "please_use_ok_for_ko",
  "rant_degree_sign_used_for_zero",
  "ambiguous_word",
  "ambiguous_single_digit_hour",
  "interpreted_as_year",
  "no_colon_after",
  "separator_for_readability",
  "value_ends_with_token",
]);

/** Left out of the warnings: almost no value says anything about public holidays. */
const AVERTISSEMENTS_IGNORES = new Set<string>(["public_holiday"]);

function construire(valeur: string): OpeningHours {
  return new OpeningHours(valeur, LIEU, CONFIGURATION);
}

function phrase(texte: string): string {
  const t = texte.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

function sansDoublons(textes: string[]): string[] {
  return [...new Set(textes)];
}

/**
 * The library throws strings like `lundi 9h <--- (Message.) lundi <--- (Other message.)`:
 * each part is a prefix of the value, a marker, then a message in parentheses. Returns the
 * messages, the first one located; falls back to the raw text when it does not parse.
 */
function raisonsErreur(erreur: unknown, valeur: string): string[] {
  const texte = typeof erreur === "string" ? erreur : erreur instanceof Error ? erreur.message : String(erreur);
  const marqueur = " <--- (";
  if (!texte.includes(marqueur)) return [phrase(texte)];
  const morceaux = texte.split(marqueur);
  const contextes: string[] = [morceaux[0] ?? ""];
  const messages: string[] = [];
  for (let i = 1; i < morceaux.length; i++) {
    const morceau = morceaux[i] ?? "";
    if (i === morceaux.length - 1) {
      messages.push(morceau.replace(/\)\s*$/, ""));
      break;
    }
    // Split "message) next-prefix" where next-prefix is a prefix of the value.
    let coupe = -1;
    let suite = "";
    for (let j = morceau.lastIndexOf(")"); j >= 0; j = morceau.lastIndexOf(")", j - 1)) {
      const reste = morceau.slice(j + 1).replace(/^;?\s+/, "");
      if (reste !== "" && valeur.startsWith(reste)) {
        coupe = j;
        suite = reste;
        break;
      }
      if (j === 0) break;
    }
    if (coupe < 0) return [phrase(texte)];
    messages.push(morceau.slice(0, coupe));
    contextes.push(suite);
  }
  const premierContexte = contextes[0]?.trim();
  const resultat = messages.map((m, i) =>
    i === 0 && premierContexte
      ? phrase(`${m.trim().replace(/[.!?…]$/, "")} (repéré à la fin de « ${premierContexte} »)`)
      : phrase(m),
  );
  return sansDoublons(resultat);
}

function messageInvalide(valeur: string, raisons: string[], suggestion?: string): string {
  let message = `"${valeur}" n'est pas au format OpenStreetMap opening_hours (exemple : ${EXEMPLE}).`;
  if (raisons.length > 0) message += ` ${raisons.join(" ")}`;
  if (suggestion && suggestion !== valeur.trim()) message += ` Proposition à vérifier : ${suggestion}`;
  return message;
}

const verifications = new Map<string, VerificationHoraires>();

/**
 * Validates an `opening_hours` value strictly: a value the library can only read after
 * correcting it ("Mo-Fr 9-12", "Mo-Fr 9h-12h", "Lu-Ve 09:00-12:00") is refused, with the
 * library's French explanation and its corrected form as a suggestion. Remembered by value: an import or a
 * validation meets the same few hundred values thousands of times, and the library's parse is costly.
 */
export function verifierHoraires(valeur: string): VerificationHoraires {
  let v = verifications.get(valeur);
  if (v === undefined) {
    if (verifications.size > 20_000) verifications.clear();
    v = verifierHorairesSansMemoire(valeur);
    verifications.set(valeur, v);
  }
  return v;
}

function verifierHorairesSansMemoire(valeur: string): VerificationHoraires {
  if (valeur.trim() === "") {
    return {
      ok: false,
      message: `Les horaires sont vides : indiquez-les au format OpenStreetMap opening_hours (exemple : ${EXEMPLE}).`,
    };
  }
  let oh: OpeningHours;
  try {
    oh = construire(valeur);
  } catch (erreur) {
    return { ok: false, message: messageInvalide(valeur, raisonsErreur(erreur, valeur)) };
  }
  const avertissements = oh.getStructuredWarnings();
  const corrections = avertissements.filter((a) => CORRECTIONS.has(a.type));
  if (corrections.length > 0) {
    let suggestion: string | undefined;
    try {
      suggestion = oh.prettifyValue();
    } catch {
      suggestion = undefined;
    }
    return {
      ok: false,
      message: messageInvalide(valeur, sansDoublons(corrections.map((a) => phrase(a.message))), suggestion),
    };
  }
  return {
    ok: true,
    avertissements: sansDoublons(
      avertissements.filter((a) => !AVERTISSEMENTS_IGNORES.has(a.type)).map((a) => phrase(a.message)),
    ),
  };
}

/** Open (true), closed (false) or unknown (null: invalid value, "sur rendez-vous", open end…). */
export function estOuvert(valeur: string, date: Date): boolean | null {
  try {
    const oh = construire(valeur);
    if (oh.getUnknown(date)) return null;
    return oh.getState(date);
  } catch {
    return null;
  }
}

/* ---------- French reading of a typical week ---------- */

const JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"] as const;
const MINUTES_PAR_JOUR = 24 * 60;

/** Monday 10 June 2024, local time: no public holiday, no DST change, no French school holiday. */
function debutJour(index: number): Date {
  return new Date(2024, 5, 10 + index);
}

type Nature = "horaire" | "finOuverte" | "commentaire";

interface Segment {
  /** Minutes since the day's midnight; `fin` may exceed 1440 once merged across midnight. */
  debut: number;
  fin: number;
  inconnu: boolean;
  commentaire: string | undefined;
  regle: number | undefined;
  nature: Nature;
}

let commentaireFinOuverteEnCache: string | undefined | null = null;
/** The library's own comment for an open end ("09:00+"), in French. */
function commentaireFinOuverte(): string | undefined {
  if (commentaireFinOuverteEnCache === null) {
    try {
      const intervalles = construire("Mo 10:00+").getOpenIntervals(debutJour(0), debutJour(1));
      commentaireFinOuverteEnCache = intervalles.find((i) => i[2])?.[3];
    } catch {
      commentaireFinOuverteEnCache = undefined;
    }
  }
  return commentaireFinOuverteEnCache;
}

function minutesLocales(date: Date, debut: Date, fin: Date): number {
  if (date.getTime() <= debut.getTime()) return 0;
  if (date.getTime() >= fin.getTime()) return MINUTES_PAR_JOUR;
  return date.getHours() * 60 + date.getMinutes();
}

function heure(minutes: number): string {
  const m = minutes % MINUTES_PAR_JOUR;
  if (m === 0) return "minuit";
  const h = Math.floor(m / 60);
  const reste = m % 60;
  return reste === 0 ? `${h} h` : `${h} h ${String(reste).padStart(2, "0")}`;
}

function enumerer(elements: string[]): string {
  if (elements.length <= 1) return elements.join("");
  return `${elements.slice(0, -1).join(", ")} et ${elements[elements.length - 1]}`;
}

function texteSegment(segment: Segment): string {
  switch (segment.nature) {
    case "finOuverte":
      return `à partir de ${heure(segment.debut)}`;
    case "commentaire":
      return segment.commentaire ?? "";
    case "horaire":
      if (segment.debut === 0 && segment.fin === MINUTES_PAR_JOUR) return "24 h sur 24";
      return `${heure(segment.debut)} – ${heure(segment.fin)}`;
  }
}

function texteHeures(segments: Segment[]): string {
  const avecCommentaire = (s: Segment): string | undefined =>
    s.nature === "horaire" && s.commentaire ? s.commentaire : undefined;
  const commentaires = new Set(segments.map(avecCommentaire));
  if (segments.length > 1 && commentaires.size === 1) {
    const commun = [...commentaires][0];
    if (commun) return `${enumerer(segments.map(texteSegment))} (${commun})`;
  }
  return enumerer(
    segments.map((s) => {
      const commentaire = avecCommentaire(s);
      return commentaire ? `${texteSegment(s)} (${commentaire})` : texteSegment(s);
    }),
  );
}

/** Runs of consecutive days (Sunday is followed by Monday), each starting where a run starts. */
function suites(jours: number[]): number[][] {
  const present = new Set(jours);
  const resultat: number[][] = [];
  for (const jour of [...present].sort((a, b) => a - b)) {
    if (present.has((jour + 6) % 7)) continue; // not the start of a run
    const suite = [jour];
    for (let j = (jour + 1) % 7; present.has(j) && j !== jour; j = (j + 1) % 7) suite.push(j);
    resultat.push(suite);
  }
  return resultat;
}

function texteJours(jours: number[]): string {
  if (new Set(jours).size === 7) return "tous les jours";
  const parties: string[] = [];
  for (const suite of suites(jours)) {
    const premier = suite[0];
    const dernier = suite[suite.length - 1];
    if (suite.length >= 3 && premier !== undefined && dernier !== undefined) {
      parties.push(`du ${JOURS[premier]} au ${JOURS[dernier]}`);
    } else {
      for (const jour of suite) parties.push(`le ${JOURS[jour]}`);
    }
  }
  return enumerer(parties);
}

function debutPhrase(jours: number[]): number {
  return suites(jours)[0]?.[0] ?? 0;
}

/**
 * French lines for the `opening_hours` value, e.g. "Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00"
 * → [{ jours: "du lundi au vendredi", heures: "9 h – 12 h et 14 h – 17 h" },
 *    { jours: "le samedi", heures: "9 h – 12 h" }], complet: true.
 */
export function horairesEnClair(valeur: string): HorairesEnClair {
  const incomplet: HorairesEnClair = { lignes: [], complet: false };
  if (valeur.trim() === "") return incomplet;
  let oh: OpeningHours;
  let intervalles: ReturnType<OpeningHours["getOpenIntervals"]>;
  try {
    oh = construire(valeur);
    intervalles = oh.getOpenIntervals(debutJour(0), debutJour(7));
  } catch {
    return incomplet;
  }
  // Sun-based times depend on the place and on the time zone of the machine: not rendered.
  if (/sunrise|sunset|dawn|dusk/i.test(valeur)) return incomplet;
  let complet = oh.isWeekStable() && verifierHoraires(valeur).ok;

  // 1. Cut the week's intervals into days, in local minutes.
  const parJour: Segment[][] = [];
  for (let i = 0; i < 7; i++) {
    const debut = debutJour(i);
    const fin = debutJour(i + 1);
    const segments: Segment[] = [];
    for (const [de, a, inconnu, commentaire] of intervalles) {
      if (a.getTime() <= debut.getTime() || de.getTime() >= fin.getTime()) continue;
      const depart = de.getTime() > debut.getTime() ? de : debut;
      const segment: Segment = {
        debut: minutesLocales(depart, debut, fin),
        fin: minutesLocales(a, debut, fin),
        inconnu,
        commentaire: commentaire?.trim() || undefined,
        regle: oh.getMatchingRule(depart),
        nature: "horaire",
      };
      if (segment.fin > segment.debut) segments.push(segment);
    }
    parJour.push(segments);
  }

  // 2. Unknown segments: open ends, timed comments ("sur rendez-vous"), or rules without hours.
  const finOuverte = commentaireFinOuverte();
  const regleAvecHeures = new Map<number | undefined, boolean>();
  const avecHeures = (regle: number | undefined): boolean => {
    if (!regleAvecHeures.has(regle)) {
      let texte = "";
      try {
        texte = regle === undefined ? "" : oh.prettifyValue({ rule_index: regle });
      } catch {
        texte = "";
      }
      regleAvecHeures.set(regle, /\d{2}:\d{2}|sunrise|sunset|dawn|dusk|24\/7/i.test(texte));
    }
    return regleAvecHeures.get(regle) === true;
  };
  // A rule without hours (`Sa "sur rendez-vous"`, fallback `|| "sur rendez-vous"`) is shown as
  // its comment only when it covers whole days; otherwise (fallback around the opening hours) it is hidden.
  const reglesJourneesEntieres = new Map<number | undefined, boolean>();
  for (const segments of parJour) {
    for (const s of segments) {
      if (!s.inconnu || avecHeures(s.regle) || (finOuverte !== undefined && s.commentaire === finOuverte)) continue;
      const entiere = s.debut === 0 && s.fin === MINUTES_PAR_JOUR && s.commentaire !== undefined;
      reglesJourneesEntieres.set(s.regle, (reglesJourneesEntieres.get(s.regle) ?? true) && entiere);
    }
  }
  for (let i = 0; i < 7; i++) {
    const gardes: Segment[] = [];
    for (const s of parJour[i] ?? []) {
      if (!s.inconnu) {
        gardes.push(s);
      } else if (finOuverte !== undefined && s.commentaire === finOuverte) {
        // Continuation after midnight of the previous day's open end: not a new opening.
        const veille = parJour[(i + 6) % 7] ?? [];
        const suite = s.debut === 0 && veille.some((v) => v.fin === MINUTES_PAR_JOUR && v.commentaire === finOuverte);
        if (!suite) gardes.push({ ...s, nature: "finOuverte", commentaire: undefined });
      } else if (avecHeures(s.regle)) {
        gardes.push(s);
      } else if (reglesJourneesEntieres.get(s.regle) === true) {
        gardes.push({ ...s, nature: "commentaire" });
      } else {
        complet = false;
      }
    }
    parJour[i] = gardes;
  }

  // 3. Across midnight: "22:00-02:00" is read as one range on the first day.
  const fusions: [number, Segment, Segment][] = [];
  for (let i = 0; i < 7; i++) {
    const soir = parJour[i]?.at(-1);
    const matin = parJour[(i + 1) % 7]?.[0];
    if (
      soir && matin && soir !== matin &&
      soir.nature === "horaire" && matin.nature === "horaire" &&
      soir.fin === MINUTES_PAR_JOUR && soir.debut > 0 &&
      matin.debut === 0 && matin.fin < soir.debut &&
      soir.commentaire === matin.commentaire && soir.inconnu === matin.inconnu
    ) {
      fusions.push([(i + 1) % 7, soir, matin]);
    }
  }
  for (const [lendemain, soir, matin] of fusions) {
    soir.fin = MINUTES_PAR_JOUR + matin.fin;
    parJour[lendemain] = (parJour[lendemain] ?? []).filter((s) => s !== matin);
  }

  // 4. Group the days with the same hours.
  const groupes = new Map<string, number[]>();
  parJour.forEach((segments, jour) => {
    if (segments.length === 0) return;
    const texte = texteHeures(segments);
    groupes.set(texte, [...(groupes.get(texte) ?? []), jour]);
  });
  const lignes = [...groupes.entries()]
    .sort((a, b) => debutPhrase(a[1]) - debutPhrase(b[1]))
    .map(([heures, jours]) => ({ jours: texteJours(jours), heures }));
  return { lignes, complet };
}
