/**
 * Phone numbers a page shows outside tel: links, found with patterns broader than the domain's own
 * (src/domain/telephones-dans-texte.ts), so that a text rendered without it is caught.
 */
import { NUMEROS_COURTS } from "../../src/domain/numeros-courts";

/** The HTML's visible text once its tel: links are removed (their numbers are the ones that are fine). */
function texteHorsLiensTel(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<a\b[^>]*\bhref="tel:[^"]*"[^>]*>[\s\S]*?<\/a>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;|&#160;|&#xa0;/gi, " ")
    .replace(/&#39;|&#x27;|&apos;/gi, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** Ten digits in pairs (or joined), national or +33, with no digit around them. */
const DIX_CHIFFRES = /(?<!\d[ .]?)(?:\+33 ?(?:\(0\) ?)?|0)[1-9](?:[ .\-]?\d{2}){4}(?![ .]?\d)/g;
/** A short national number after a word that dials it or an article (« appelez le 17 », « le 115 »), not a quantity, time or date. */
const COURT = new RegExp(
  `(?:appel\\S*|compos\\S*|num[ée]ro\\S*|n°|t[ée]l\\S*|joindre|contact\\S*|sms|le|au)\\s*:?\\s*(?:le |au )?(${NUMEROS_COURTS.map((n) => n.numero).join("|")})(?![\\d,.]?\\d)(?!\\s*(?:h\\b|heures?|jours?|mois|ans?|semaines?|km|€|%|e\\b|er\\b|rue|avenue|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|places?|personnes?))`,
  "gi",
);

/** Each number shown as plain text, with a few words around it (« …Téléphoner au 05 49 … »). */
export function numerosNonLies(html: string): string[] {
  const texte = texteHorsLiensTel(html);
  return [...texte.matchAll(DIX_CHIFFRES), ...texte.matchAll(COURT)].map(
    (m) => `« …${texte.slice(Math.max(0, m.index! - 30), m.index! + m[0].length + 10)}… »`,
  );
}
