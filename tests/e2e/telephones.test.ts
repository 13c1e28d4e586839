/**
 * Every phone number shown on the built site is a tap-to-call link: each HTML page of dist/ is read as a person
 * sees it (no script, no attribute, tel: links taken out) and searched for numbers with patterns broader than the
 * domain's own (src/domain/telephones-dans-texte.ts), so that a text rendered without it fails here.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { NUMEROS_COURTS } from "../../src/domain/numeros-courts";

const dist = new URL("../../dist/", import.meta.url);

function pagesHtml(): string[] {
  return (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith(".html")).sort();
}

/** The page's visible text once its tel: links are removed (their numbers are the ones that are fine). */
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

describe("numéros de téléphone du site construit", () => {
  it("shows every phone number of every page as a tel: link", () => {
    const pages = pagesHtml();
    expect(pages.length).toBeGreaterThan(300);
    const nus: string[] = [];
    let liens = 0;
    for (const chemin of pages) {
      const html = readFileSync(new URL(chemin, dist), "utf8");
      liens += (html.match(/href="tel:/g) ?? []).length;
      const texte = texteHorsLiensTel(html);
      for (const m of texte.matchAll(DIX_CHIFFRES)) nus.push(`${chemin}: « …${texte.slice(Math.max(0, m.index! - 30), m.index! + m[0].length + 10)}… »`);
      for (const m of texte.matchAll(COURT)) nus.push(`${chemin}: « …${texte.slice(Math.max(0, m.index! - 30), m.index! + m[0].length + 10)}… »`);
    }
    expect(nus).toEqual([]);
    // Not vacuous: the service pages hold many links, short numbers among them.
    expect(liens).toBeGreaterThan(150);
  });

  it("links the short numbers a description names, and not the quantities beside them", () => {
    const cidff = readFileSync(new URL("services/cidff-accueil-femmes-victimes-violences/index.html", dist), "utf8");
    expect(cidff).toContain('<a href="tel:17">17</a>');
    expect(cidff).toContain('<a href="tel:3919">3919</a>');
    const relais = readFileSync(new URL("services/accueil-de-jour-le-relais/index.html", dist), "utf8");
    expect(relais).toContain('<a href="tel:115">115</a>');
    const logement = readFileSync(new URL("services/logement-jeunes-pont-joubert/index.html", dist), "utf8");
    expect(logement).toContain("sous 15 jours");
    expect(logement).not.toContain('href="tel:15"');
  });
});
