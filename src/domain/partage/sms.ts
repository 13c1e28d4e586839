/**
 * How long a text message is, as phones count it (3GPP TS 23.038 and 23.040): in the GSM 7-bit alphabet
 * when every character is in it (basic table 1 septet, extension table 2), else in UCS-2 (UTF-16 units,
 * an emoji 2). One message: 160 septets or 70 units; longer texts are cut into segments of 153 or 67
 * (the rest carries the reassembly header), and a character is never split across two segments.
 */

export interface MesureSms {
  encodage: "GSM-7" | "UCS-2";
  /** Septets (GSM-7) or UTF-16 units (UCS-2). */
  caracteres: number;
  segments: number;
}

// The GSM 03.38 basic table (ESC aside) and its extension table. « é è ù ì ò à Ç » are in the basic table;
// « ê â î ô û ç ë ï ’ « » … » are not.
const BASE =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const EXTENSION = "\f^{}\\[~]|€";
const POIDS_GSM = new Map<string, number>([...Array.from(BASE, (c) => [c, 1] as const), ...Array.from(EXTENSION, (c) => [c, 2] as const)]);

const LIMITES = {
  "GSM-7": { seul: 160, parSegment: 153 },
  "UCS-2": { seul: 70, parSegment: 67 },
} as const;

export function mesurerSms(texte: string): MesureSms {
  const caracteresDuTexte = Array.from(texte);
  const gsm = caracteresDuTexte.every((c) => POIDS_GSM.has(c));
  const encodage = gsm ? "GSM-7" : "UCS-2";
  const poids = caracteresDuTexte.map((c) => (gsm ? POIDS_GSM.get(c)! : c.length));
  const caracteres = poids.reduce((a, b) => a + b, 0);
  const limites = LIMITES[encodage];
  if (caracteres === 0) return { encodage, caracteres, segments: 0 };
  if (caracteres <= limites.seul) return { encodage, caracteres, segments: 1 };
  // Fill segments one character at a time: an escape pair or a surrogate pair does not straddle two.
  let segments = 1;
  let rempli = 0;
  for (const p of poids) {
    if (rempli + p > limites.parSegment) {
      segments++;
      rempli = 0;
    }
    rempli += p;
  }
  return { encodage, caracteres, segments };
}

/** Same-meaning GSM characters for the usual French typography that is not in the GSM alphabet. */
const EQUIVALENTS_GSM: Readonly<Record<string, string>> = {
  "’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "«": '"', "»": '"',
  "–": "-", "—": "-", "‑": "-", "…": "...", "œ": "oe", "Œ": "OE",
  "\u00A0": " ", "\u202F": " ", "\u2009": " ",
};

/**
 * The text in the GSM alphabet where a character has a plain equivalent (« ’ » to « ' », « œ » to « oe »,
 * « ê ç » to « e c »): one such character turns a whole text message into UCS-2, and two messages then hold
 * 134 characters instead of 306. Characters already in the alphabet (« é è à ») are kept; others (emoji) stay.
 */
export function versGsm(texte: string): string {
  return Array.from(texte, (c) => {
    if (POIDS_GSM.has(c)) return c;
    const equivalent = EQUIVALENTS_GSM[c] ?? c.normalize("NFD").replace(/\p{M}+/gu, "");
    return equivalent !== "" && Array.from(equivalent).every((e) => POIDS_GSM.has(e)) ? equivalent : c;
  }).join("");
}
