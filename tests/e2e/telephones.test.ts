/**
 * Every phone number shown on the built site is a tap-to-call link: each HTML page of dist/ is read as a person
 * sees it (no script, no attribute, tel: links taken out) and searched for numbers (telephones-nus.ts). The pages
 * drawn in the browser (the selection) are checked in selection.test.ts.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { numerosNonLies } from "./telephones-nus";

const dist = new URL("../../dist/", import.meta.url);

function pagesHtml(): string[] {
  return (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith(".html")).sort();
}

describe("numéros de téléphone du site construit", () => {
  it("shows every phone number of every page as a tel: link", () => {
    const pages = pagesHtml();
    expect(pages.length).toBeGreaterThan(300);
    const nus: string[] = [];
    let liens = 0;
    for (const chemin of pages) {
      const html = readFileSync(new URL(chemin, dist), "utf8");
      liens += (html.match(/href="tel:/g) ?? []).length;
      nus.push(...numerosNonLies(html).map((n) => `${chemin}: ${n}`));
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
