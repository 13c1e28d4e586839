/** What a person reads on a phone (360 px) on a service page and a commune page of the built site. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { nouvellePage } from "./navigateur";
import { siteEtNavigateur } from "./site";
import { communeParCode } from "../../src/domain/communes";

const site = siteEtNavigateur();

async function sansDefilementHorizontal(page: import("playwright-core").Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe("pages lues sur un téléphone", () => {
  it("a service page says for whom, where, when, how, and how fresh", async () => {
    const { page, requetesExterieures, erreursConsole, contexte } = await nouvellePage(site.navigateur, site.serveur.url);
    // A commune page leads to a service: follow the first link as a person would.
    const chatellerault = communeParCode("86066")!;
    await page.goto(`${site.serveur.url}/communes/${chatellerault.slug}/`);
    const premier = page.locator(".carte-service h3 a").first();
    const nomService = (await premier.textContent())!.trim();
    await premier.click();
    await page.waitForURL(/\/services\/[a-z0-9-]+\/$/);

    await expect.poll(() => page.locator("h1").textContent()).toBe(nomService);
    const titres = await page.locator("h2").allTextContents();
    expect(titres).toEqual(expect.arrayContaining(["Pour qui ?", "Où et quand ?", "Comment en bénéficier ?", "Frais", "Description", "Contact"]));
    const texte = await page.locator("main").innerText();
    expect(texte).toMatch(/Proposé par \S/);
    expect(texte).toMatch(/Mis à jour le \d{1,2} \S+ 20\d\d/);
    expect(texte).toMatch(/Publics\s*\n/);
    expect(await page.locator(".bandeau-demo").innerText()).toContain("Données de démonstration");
    expect(await sansDefilementHorizontal(page)).toBe(true);
    expect(erreursConsole).toEqual([]);
    expect(requetesExterieures).toEqual([]);
    await contexte.close();
  });

  it("a commune page lists the services open to its inhabitants, nearest first, with distances", async () => {
    const { page, requetesExterieures, erreursConsole, contexte } = await nouvellePage(site.navigateur, site.serveur.url, { javaScript: false });
    const poitiers = communeParCode("86194")!;
    await page.goto(`${site.serveur.url}/communes/${poitiers.slug}/`);
    expect(await page.locator("h1").textContent()).toBe("Services ouverts aux habitants de Poitiers");
    const sections = await page.locator("main section h2").allTextContents();
    expect(sections.length).toBeGreaterThanOrEqual(5);
    // Within each theme, distances never decrease, and remote services ("À distance") come last.
    for (const section of await page.locator("main section").all()) {
      const marques = await section.locator(".distance").allTextContents();
      const km = marques.map((m) => (m === "À distance" ? Infinity : m.includes(" m") ? parseFloat(m.replace(/[^\d,]/g, "").replace(",", ".")) / 1000 : parseFloat(m.replace(/[^\d,]/g, "").replace(",", "."))));
      expect(km.length).toBeGreaterThan(0);
      expect([...km].sort((a, b) => a - b)).toEqual(km);
    }
    expect(await page.locator(".distance", { hasText: /^à \d/ }).count()).toBeGreaterThan(10);
    expect(await sansDefilementHorizontal(page)).toBe(true);
    expect(erreursConsole).toEqual([]);
    expect(requetesExterieures).toEqual([]);
    await contexte.close();
  });
});

describe("chaque sorte de page sur un écran de 360 px", () => {
  it("reads without horizontal scrolling, console error or outside request, headings in order", async () => {
    const { page, requetesExterieures, erreursConsole, contexte } = await nouvellePage(site.navigateur, site.serveur.url);
    await page.goto(`${site.serveur.url}/structures/`);
    const structure = await page.locator("main .carte-service a").first().getAttribute("href");
    await page.goto(`${site.serveur.url}${structure}`);
    const service = await page.locator("main .carte-service h3 a").first().getAttribute("href");
    const chemins = [
      "/",
      "/thematiques/",
      "/thematiques/mobilite/",
      "/communes/",
      `/communes/${communeParCode("86165")!.slug}/`,
      service!,
      "/structures/",
      structure!,
      "/donnees/",
      "/accessibilite/",
      "/a-propos/",
      "/contribuer/",
    ];
    for (const chemin of chemins) {
      await page.goto(`${site.serveur.url}${chemin}`);
      expect(await page.locator("h1").count(), chemin).toBe(1);
      expect(await sansDefilementHorizontal(page), chemin).toBe(true);
      // No heading level skipped (h2 after h1, h3 after h2…).
      const niveaux = await page.locator("main h1, main h2, main h3, main h4, main h5, main h6").evaluateAll((t) => t.map((e) => Number(e.tagName[1])));
      niveaux.forEach((n, i) => i > 0 && expect(n - niveaux[i - 1]!, `${chemin}: titres ${niveaux.join(",")}`).toBeLessThanOrEqual(1));
    }
    expect(erreursConsole).toEqual([]);
    // A missing page answers 404 with a page that helps (the browser logs the 404 status itself).
    const reponse = await page.goto(`${site.serveur.url}/une-page-qui-n-existe-pas/`);
    expect(reponse?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Page introuvable");
    expect(await sansDefilementHorizontal(page)).toBe(true);
    expect(requetesExterieures).toEqual([]);
    await contexte.close();
  });
});

describe("la page des données ouvertes", () => {
  it("has no accessibility violation found by axe-core, and its files' table fits a 320 px screen", async () => {
    const { page, requetesExterieures, erreursConsole, contexte } = await nouvellePage(site.navigateur, site.serveur.url, { largeur: 320 });
    await page.goto(`${site.serveur.url}/donnees/`);
    expect(await page.locator("table caption").textContent()).toMatch(/Licence Ouverte 2\.0/);
    expect(await page.locator("table th[scope=row]").allTextContents()).toEqual(["JSON", "CSV", "GeoJSON"]);
    // Wide enough without scrolling the table itself, not only the page.
    expect(await page.locator(".tableau-defilant").evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    expect(await sansDefilementHorizontal(page)).toBe(true);
    // Each link leads to its file.
    for (const href of await page.locator("table a[href^='/donnees/']").evaluateAll((liens) => liens.map((a) => a.getAttribute("href")!))) {
      const reponse = await page.request.get(`${site.serveur.url}${href}`);
      expect(reponse.status(), href).toBe(200);
    }
    const axe = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    await page.addScriptTag({ content: axe });
    const violations = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document);
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
    expect(violations).toEqual([]);
    expect(erreursConsole).toEqual([]);
    expect(requetesExterieures).toEqual([]);
    await contexte.close();
  });
});
