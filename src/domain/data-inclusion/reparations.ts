/**
 * The only mending the import does: values whose meaning is certain and only their writing is off.
 * Each function returns the mended value and says what it did, or says the value cannot be mended;
 * nothing here guesses.
 */
import { telephone } from "../schema/champs";
import { aujourdhuiAParis, estJourValide } from "../dates";
import { citer } from "../validation/messages";

// ---------------------------------------------------------------------------------------------
// date_maj

export const JOUR_MINIMUM = "2000-01-01";

export type LectureJour =
  | { jour: string; reparation?: string }
  | { erreur: string };

const MOTIF_DATE_HEURE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** The Paris day of an instant given in epoch milliseconds. */
function jourDesMillisecondes(ms: number): string | undefined {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : aujourdhuiAParis(date);
}

/**
 * `date_maj` as a Paris day, from what the API and the dump write: a day (`2026-10-12`), epoch
 * milliseconds (the dump's JSON, pandas' default: `1704067200000`, as a number or a digit string), or a
 * date-time (`2026-03-01T23:30:00Z` is the 2nd in Paris; without an offset it is read as Paris time).
 * The wording of the errors is the validator's (schema/champs.ts `dateMaj`).
 */
export function lireJour(valeur: unknown, aujourdhui: string): LectureJour {
  if (valeur === undefined || valeur === null || (typeof valeur === "string" && valeur.trim() === "")) {
    return { erreur: "champ obligatoire (date de mise à jour, ex. : 2026-10-01)" };
  }
  let jour: string | undefined;
  let reparation: string | undefined;
  const texte = typeof valeur === "string" ? valeur.trim() : undefined;
  if (texte !== undefined && estJourValide(texte)) {
    jour = texte;
  } else if ((typeof valeur === "number" && Number.isInteger(valeur)) || (texte !== undefined && /^\d+$/.test(texte))) {
    jour = jourDesMillisecondes(Number(valeur));
    if (jour) reparation = `${citer(String(valeur))} (millisecondes depuis 1970) lu comme le jour ${jour} à Paris`;
  } else if (texte !== undefined) {
    const m = MOTIF_DATE_HEURE.exec(texte);
    if (m && estJourValide(m[1]!)) {
      if (m[5] === undefined) jour = m[1];
      else {
        const instant = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? "00"}${m[5] === "Z" ? "Z" : m[5].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2")}`);
        jour = Number.isNaN(instant) ? undefined : aujourdhuiAParis(new Date(instant));
      }
      if (jour) reparation = `date et heure ${citer(texte)} ramenées à leur jour à Paris : ${jour}`;
    }
  }
  if (!jour) return { erreur: `${citer(typeof valeur === "string" ? valeur : String(valeur))} n'est pas une date au format AAAA-MM-JJ (ex. : 2026-10-01)` };
  if (jour > aujourdhui) return { erreur: `la date ${jour} est dans le futur (aujourd'hui : ${aujourdhui})` };
  if (jour < JOUR_MINIMUM) {
    const lue = reparation ? ` (lue dans ${citer(String(valeur))})` : "";
    return { erreur: `la date ${jour}${lue} est antérieure au ${JOUR_MINIMUM}, la plus ancienne que permet le schéma data·inclusion` };
  }
  return reparation ? { jour, reparation } : { jour };
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

const estAccepte = (numero: string) => telephone.safeParse(numero).success;

/**
 * A French number whose only fault is its writing (`+33 (0)5 36 49 00 01`, `0033536490001`,
 * `05/36/49/00/01`, a space at the end) → `05 36 49 00 01`. A number our schema accepts is returned as
 * given, apart from the spaces around it: our own export must read back identically.
 * undefined when it cannot be mended (too few digits, two numbers, words…).
 */
export function reparerTelephone(brut: string): { numero: string; reparation?: string } | undefined {
  const numero = brut.trim();
  if (estAccepte(numero)) return numero === brut ? { numero } : { numero, reparation: `${citer(brut)} réécrit ${citer(numero)}` };
  const chiffres = numero
    .replace(/[\s.\-/]/g, "")
    .replace(/^(\+33|0033)\(0\)/, "$1")
    .replace(/^\((\+33|0033)\)/, "$1")
    .replace(/[()]/g, "");
  const national = /^(?:\+33|0033)0?([1-9]\d{8})$/.exec(chiffres)?.[1] ?? /^0([1-9]\d{8})$/.exec(chiffres)?.[1];
  if (national === undefined) return undefined;
  const mis = `0${national}`.replace(/(\d{2})(?=\d)/g, "$1 ");
  return { numero: mis, reparation: `${citer(brut)} réécrit ${citer(mis)}` };
}

// ---------------------------------------------------------------------------------------------
// Codes given as numbers

/** `86000` (a number, as some readers type a postal code) → `"86000"`. */
export function codeDonneEnNombre(valeur: number, quoi: string): { code: string; reparation: string } | undefined {
  if (!Number.isInteger(valeur) || valeur <= 0) return undefined;
  const code = String(valeur);
  return { code, reparation: `${quoi} donné comme nombre (${code}) : écrit comme texte ${citer(code)}` };
}

// ---------------------------------------------------------------------------------------------
// Mis-encoded text: UTF-8 bytes read as Latin-1 / Windows-1252 (`CafÃ© solidaire`).

/** Windows-1252's characters for the bytes 0x80–0x9F (the rest of 0x00–0xFF is Latin-1). */
const CP1252: Readonly<Record<number, number>> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88,
  0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93,
  0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/** A UTF-8 continuation byte as Latin-1 or Windows-1252 shows it. */
const SUITE = `[\\u0080-\\u00BF${Object.keys(CP1252).map((c) => `\\u${Number(c).toString(16).padStart(4, "0")}`).join("")}]`;

/**
 * The marks of mis-encoding in French text: `Ã` (never written in French; `é` → `Ã©`, `à` → `Ã` + space),
 * `Â«`, `â€™` (’), `Å“` (œ).
 */
const MOTIF_MOJIBAKE = new RegExp(`Ã|Â${SUITE}|â[€‚]${SUITE}|Å${SUITE}`);

export const CARACTERE_ILLISIBLE = "\uFFFD";

export function aDuMojibake(texte: string): boolean {
  return MOTIF_MOJIBAKE.test(texte);
}

const decodeur = new TextDecoder("utf-8", { fatal: true });

/**
 * The text re-read as UTF-8, when it is mis-encoded and re-reading gives clean text; undefined when it
 * cannot be (a character outside Windows-1252, bytes that are not UTF-8, marks still there after).
 */
export function reparerMojibake(texte: string): string | undefined {
  const octets = new Uint8Array(texte.length);
  let n = 0;
  for (const caractere of texte) {
    const code = caractere.codePointAt(0)!;
    const octet = code <= 0xff ? code : CP1252[code];
    if (octet === undefined) return undefined;
    octets[n++] = octet;
  }
  let relu: string;
  try {
    relu = decodeur.decode(octets.subarray(0, n));
  } catch {
    return undefined;
  }
  if (relu === texte || aDuMojibake(relu) || relu.includes(CARACTERE_ILLISIBLE) || /[\u0080-\u009F]/.test(relu)) return undefined;
  return relu;
}
