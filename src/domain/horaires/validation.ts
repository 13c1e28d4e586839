/**
 * Opening hours (`horaires_accueil` of the data·inclusion schema, OpenStreetMap `opening_hours`
 * syntax): validation with French messages, and the one place that builds the library's object.
 * Parsing and evaluation are the `opening_hours` library's; this module never re-parses a value.
 */
import type OpeningHours from "opening_hours";
import { construire } from "./bibliotheque";
import { separerFermetures } from "./fermetures";
import { horairesDepuisLeFrancais } from "./francais";

export type VerificationHoraires =
  | { ok: true; avertissements: string[] }
  /** `suggestion`: a valid value meaning what was written (the CMS offers to apply it); absent rather than a guess. */
  | { ok: false; message: string; suggestion?: string };

const EXEMPLE = "Mo-Fr 09:00-12:00,14:00-17:00";

/**
 * Sun times: the library computes them in the machine's time zone, not Paris's, so pages neither say nor date
 * them (horaires.ts); the validator warns, since the page can only tell people to call.
 */
export const HEURES_DU_SOLEIL = /sunrise|sunset|dawn|dusk/i;
const AVERTISSEMENT_SOLEIL = `Les heures du lever ou du coucher du soleil (sunrise, sunset, dawn, dusk) ne peuvent pas être affichées : la page dira « Horaires variables, non détaillés ici » et invitera à téléphoner. Écrivez des heures (exemple : ${EXEMPLE}).`;


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

/**
 * Whether a library warning is about the value's trailing dated closures being past: the validator judges those
 * itself, from the build's day and a month after their end (avis.ts), not on the machine's clock.
 */
function surUneFermeturePassee(valeur: string, a: { type: string; position: number | null }): boolean {
  if (!DATES_PASSEES.has(a.type)) return false;
  const debut = separerFermetures(valeur)?.debut;
  return debut !== undefined && a.position !== null && a.position >= debut;
}

export { construire };

/** A dated range in the past, judged by the library on the machine's clock. */
const DATES_PASSEES = new Set<string>(["date_range_past", "date_past"]);

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

/**
 * The library's hints that name a replacement (« Veuillez utiliser "Mo" pour "lundi" ») are right only when
 * the word replaced is one it knows for sure: a French day, « et », a dash, the « h » of « 9h », « fermé »,
 * « jours fériés », or a comment to quote. Its other guesses (« "Mo" pour "e" » in « 2e et 4e jeudi »,
 * « "," plutôt que "u" » in « au ») are nonsense: such a hint is left out, and so is a fix built on it.
 */
const MOTS_SURS = new Set([
  "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
  "lun", "mar", "mer", "jeu", "ven", "sam", "dim", "lu", "ma", "me", "je", "ve", "sa", "di",
  "et", "–", "—", "fermé", "ferme", "jours fériés", "jour férié", "férié", "fériés",
]);

function indiceSur(message: string): boolean {
  const remplace = /(?:pour|plutôt que) "(.*)"\.?\s*(?:Même|$)/.exec(message);
  if (!remplace) return true; // an explanation, not a replacement
  const mot = remplace[1]!.trim();
  if (MOTS_SURS.has(mot.toLowerCase())) return true;
  // A comment left unquoted: the library proposes it between quotes.
  const par = /Veuillez utiliser "(.*)" plutôt que/.exec(message)?.[1];
  return par !== undefined && par.toLowerCase() === `"${mot.toLowerCase()}"`;
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
    const suggestion = suggestionVerifiee(valeur, horairesDepuisLeFrancais(valeur));
    return {
      ok: false,
      message: messageInvalide(valeur, raisonsErreur(erreur, valeur).filter(indiceSur), suggestion),
      ...(suggestion ? { suggestion } : {}),
    };
  }
  const avertissements = oh.getStructuredWarnings();
  const corrections = avertissements.filter((a) => CORRECTIONS.has(a.type));
  if (corrections.length > 0) {
    const surs = corrections.every((a) => a.type !== "word_error_correction" || indiceSur(a.message));
    let suggestion = suggestionVerifiee(valeur, horairesDepuisLeFrancais(valeur));
    if (!suggestion && surs) {
      try {
        const prettifiee = oh.prettifyValue();
        suggestion = sansRemplacement(prettifiee) ? suggestionVerifiee(valeur, prettifiee) : undefined;
      } catch {
        suggestion = undefined;
      }
    }
    const raisons = sansDoublons(corrections.map((a) => phrase(a.message)).filter(indiceSur));
    return { ok: false, message: messageInvalide(valeur, raisons, suggestion), ...(suggestion ? { suggestion } : {}) };
  }
  return {
    ok: true,
    avertissements: sansDoublons([
      ...(HEURES_DU_SOLEIL.test(valeur) ? [AVERTISSEMENT_SOLEIL] : []),
      ...avertissements.filter((a) => !AVERTISSEMENTS_IGNORES.has(a.type) && !surUneFermeturePassee(valeur, a)).map((a) => phrase(a.message)),
    ]),
  };
}

/**
 * In the syntax, a later rule replaces the earlier ones on its days (« Mo 09:00-12:00; Mo 14:00-17:00 » is
 * open on Monday afternoon only); someone who wrote « lundi 9h-12h; lundi 14h-17h » meant both. A fix whose
 * rules replace one another is therefore not proposed: it is the same with its rules added (", ") instead.
 */
function sansRemplacement(proposition: string): boolean {
  const regles = proposition.split("; ");
  if (regles.length < 2) return true;
  try {
    // Any two years will do (one of them leap): the question is whether a rule hides another, not when.
    const intervalles = (v: string) => JSON.stringify(construire(v).getOpenIntervals(new Date(2027, 0, 1), new Date(2029, 0, 1)));
    return intervalles(proposition) === intervalles(regles.join(", "));
  } catch {
    return false;
  }
}

/** A proposed fix, kept only when it is itself valid (and not the value itself). */
function suggestionVerifiee(valeur: string, proposition: string | undefined): string | undefined {
  if (!proposition || proposition === valeur.trim()) return undefined;
  return verifierHoraires(proposition).ok ? proposition : undefined;
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

