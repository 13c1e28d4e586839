/**
 * Phone numbers inside partners' free text (descriptions, conditions, presentations), so that each one shown
 * becomes a tap-to-call link. Ten-digit numbers are recognised by their shape alone; a short national number
 * (115, 17…, from numeros-courts.ts) only where the text calls it a number — « appelez le 17 », « le 3919
 * répond » — never in « 15 jours », « le 17 mars », « 18 h » or « au 112 rue… ».
 */
import { NUMEROS_COURTS } from "./numeros-courts";
import { chiffresDuTelephone, lienTelephone } from "./telephone";

export interface TelephoneTrouve {
  /** Offsets in the text: `texte.slice(debut, fin)` is the number as written. */
  debut: number;
  fin: number;
  href: string;
}

/** Separators people put between digit pairs, non-breaking spaces included. */
const SEP = "[ .\\-\\u00a0\\u202f]";

/**
 * 05 49 12 34 56, 0549123456, +33 5 49 12 34 56, +33 (0)5 49…, and free numbers 0 800 123 456. Not inside a longer
 * run of digits (SIRET « 130 005 481 00010 », dates « 05.12.2024 »): no digit right before or after, even past one
 * separator.
 */
const DIX_CHIFFRES = new RegExp(
  `(?<![\\p{L}\\p{N}+]|\\p{N}${SEP})` +
    `(?:(?:\\+33${SEP}?(?:\\(0\\)${SEP}?)?|0)[1-9](?:${SEP}?\\d{2}){4}|0${SEP}?[89]\\d{2}(?:${SEP}?\\d{3}){2})` +
    `(?!\\p{N}|${SEP}\\p{N}|[,.]\\p{N})`,
  "gu",
);

const courts = [...NUMEROS_COURTS.map((n) => n.numero)].sort((a, b) => b.length - a.length);
const COURT = new RegExp(`(?<![\\p{L}\\p{N}.,/+\\-])(?:${courts.join("|")})(?![\\p{L}\\p{N}])`, "gu");

/** What follows a number that is a quantity, a time, a date or a street number, not a phone number. */
const PAS_UN_NUMERO =
  /^(?:\s|\u00a0|\u202f)*(?:[.,:/h]\s*\d|h\b|heures?\b|jours?\b|j\b|nuits?\b|mois\b|ans?\b|années?\b|semaines?\b|min\b|minutes?\b|km\b|m\b|kg\b|€|euros?\b|%|e\b|er\b|ère\b|ème\b|°|places?\b|personnes?\b|lits?\b|rue\b|avenue\b|av\.|bd\b|boulevard\b|place\b|chemin\b|route\b|allée\b|impasse\b|quai\b|bis\b|ter\b|janvier|février|fevrier|mars\b|avril|mai\b|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|\d)/iu;

/** Words that say the next number is dialled: « appelez (le) », « composez », « numéro », « tél. : », « SMS au »… */
const APPEL =
  /(?<!\p{L})(?:appel(?:er|ez|le|lent|ant|ons)?|compos(?:er|ez|e)|num(?:é|e)ros?(?:\s+(?:d'urgence|d’urgence|vert|gratuit|national|unique|court|d'appel|d’appel))?|n°|t(?:é|e)l(?:\.|(?:é|e)phone[rz]?|(?:é|e)phonant|(?:é|e)phonez)?|joindre|joignable|contacte[rz]?|sms|texto|ligne)\s*:?\s*(?:(?:le|au|du|par le|via le)\s+)?$/iu;
/** The article alone (« le 115 », « au 3919 ») is enough for a number of three digits or more. */
const ARTICLE = /(?:^|[\s(«"'’])(?:le|au|du|l'|l’)\s*$/iu;
/** A list after a number already found: « le 15, le 17 ou le 112 ». */
const SUITE = /^\s*(?:,|;|\bou\b|\bet\b|\/)\s*(?:(?:le|au)\s+)?$/iu;

/** Every phone number in a plain text, in order, with its `tel:` link. */
export function trouverTelephones(texte: string): TelephoneTrouve[] {
  const trouves: TelephoneTrouve[] = [];
  for (const m of texte.matchAll(DIX_CHIFFRES)) {
    trouves.push({ debut: m.index!, fin: m.index! + m[0].length, href: lienTelephone(normaliserInternational(m[0])) });
  }
  const courtsTrouves: TelephoneTrouve[] = [];
  for (const m of texte.matchAll(COURT)) {
    const debut = m.index!;
    const fin = debut + m[0].length;
    if (trouves.some((t) => debut < t.fin && fin > t.debut)) continue;
    if (PAS_UN_NUMERO.test(texte.slice(fin, fin + 20))) continue;
    const avant = texte.slice(Math.max(0, debut - 40), debut);
    const precedent = courtsTrouves.at(-1);
    const enListe = precedent !== undefined && debut - precedent.fin <= 12 && SUITE.test(texte.slice(precedent.fin, debut));
    if (APPEL.test(avant) || (m[0].length >= 3 && ARTICLE.test(avant)) || enListe) {
      courtsTrouves.push({ debut, fin, href: lienTelephone(m[0]) });
    }
  }
  return [...trouves, ...courtsTrouves].sort((a, b) => a.debut - b.debut);
}

/** « +33 (0)5 49… » dials as +33 5 49…. */
function normaliserInternational(numero: string): string {
  return chiffresDuTelephone(numero.replace("(0)", ""));
}

export type MorceauDeTexte = { texte: string; href?: undefined } | { texte: string; href: string };

/** The text cut into plain pieces and phone numbers (with `href`), for a component to render as links. */
export function decouperTelephones(texte: string): MorceauDeTexte[] {
  const morceaux: MorceauDeTexte[] = [];
  let position = 0;
  for (const t of trouverTelephones(texte)) {
    if (t.debut > position) morceaux.push({ texte: texte.slice(position, t.debut) });
    morceaux.push({ texte: texte.slice(t.debut, t.fin), href: t.href });
    position = t.fin;
  }
  if (position < texte.length || morceaux.length === 0) morceaux.push({ texte: texte.slice(position) });
  return morceaux;
}

/** Inline elements: a number's cue may sit in one (« <strong>Appelez</strong> le 115 »). */
const EN_LIGNE = /^<\/?(?:a|strong|em|b|i|span|code|mark|small|abbr|s|u|sub|sup)\b/i;

/**
 * Phone numbers of an HTML fragment (trusted: the output of our Markdown renderer) turned into `tel:` links,
 * except inside a link or code. The cues are read across inline tags; a number split by a tag is left as is.
 */
export function lierTelephonesHtml(html: string): string {
  const parties = html.split(/(<[^>]*>)/);
  // Text of the fragment with block boundaries as line breaks, and where each text part starts in it.
  let texte = "";
  const debuts: number[] = [];
  parties.forEach((p, i) => {
    debuts[i] = texte.length;
    if (i % 2 === 0) texte += p;
    else if (!EN_LIGNE.test(p)) texte += "\n";
  });
  const trouves = trouverTelephones(texte);
  if (trouves.length === 0) return html;
  let dansLienOuCode = 0;
  return parties
    .map((p, i) => {
      if (i % 2 === 1) {
        if (/^<(?:a|code|pre)\b/i.test(p)) dansLienOuCode++;
        else if (/^<\/(?:a|code|pre)>/i.test(p)) dansLienOuCode = Math.max(0, dansLienOuCode - 1);
        return p;
      }
      if (dansLienOuCode > 0 || p === "") return p;
      const debut = debuts[i]!;
      const ici = trouves.filter((t) => t.debut >= debut && t.fin <= debut + p.length);
      let sortie = "";
      let position = 0;
      for (const t of ici) {
        sortie += p.slice(position, t.debut - debut) + `<a href="${t.href}">${p.slice(t.debut - debut, t.fin - debut)}</a>`;
        position = t.fin - debut;
      }
      return sortie + p.slice(position);
    })
    .join("");
}
