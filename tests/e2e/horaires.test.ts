/**
 * Opening hours on the built site: words, never code (no page holds a raw `horaires_accueil` value), the
 * nth weekday said in full, dated openings as of the build's day, the « aujourd'hui » line computed in the
 * browser from the page's own intervals, and missing hours that say what to do.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { siteConfig } from "../../site.config";
import { construireCatalogue } from "../../src/domain/catalogue";
import { ficheService } from "../../src/domain/fiche-service";
import { lireHoraires, type CalendrierHoraires } from "../../src/domain/horaires";
import { validerDossier } from "../../src/domain/validation";
import { nouvellePage } from "./navigateur";
import { siteEtNavigateur } from "./site";

const dist = new URL("../../dist/", import.meta.url);
const lire = (chemin: string) => readFileSync(new URL(chemin, dist), "utf8");
const r = validerDossier("content");
const catalogue = construireCatalogue(r.structures, r.services, siteConfig.source);
const SERVICE_1_3 = catalogue.services.find((s) => s.horaires_accueil === "Tu[1,3] 09:30-12:30")!;

/** The calendar the page gives its script (its `du` is the build's day). */
function calendrier(html: string): CalendrierHoraires {
  const attribut = /data-horaires-calendrier="([^"]+)"/.exec(html)![1]!;
  return JSON.parse(attribut.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&")) as CalendrierHoraires;
}

describe("horaires sur le site construit", () => {
  it("aucune page publique ne montre une valeur brute de horaires_accueil", () => {
    const valeurs = new Set([...catalogue.services, ...catalogue.structures].flatMap((f) => (f.horaires_accueil ? [f.horaires_accueil] : [])));
    expect(valeurs.size).toBeGreaterThan(50);
    const echapper = (v: string) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
    // The partners' space (the CMS's expert mode) shows the code; the public pages, /contribuer/ included, never.
    const pourPartenaires = (f: string) => f.startsWith("admin");
    const pages = readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html") && !pourPartenaires(f));
    expect(pages.length).toBeGreaterThan(300);
    const trouvees: string[] = [];
    for (const f of pages) {
      const html = lire(f);
      for (const v of valeurs) if (html.includes(v) || html.includes(echapper(v))) trouvees.push(`${f}: ${v}`);
    }
    expect(trouvees).toEqual([]);
  });

  it("« aux horaires d'accueil » seulement sur une page qui donne des horaires", () => {
    const fautives = catalogue.services
      .map((s) => [s.slug, lire(`services/${s.slug}/index.html`)] as const)
      .filter(([, html]) => html.includes("aux horaires d&#39;accueil") || html.includes("aux horaires d'accueil"))
      .filter(([, html]) => !html.includes("Prochaines ouvertures"))
      .map(([slug]) => slug);
    expect(fautives).toEqual([]);
  });

  it("le 1er et le 3e mardi, et les dates qui suivent le jour de construction", () => {
    const html = lire(`services/${SERVICE_1_3.slug}/index.html`);
    const texte = html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " "); // \s includes the non-breaking spaces
    expect(texte).toContain("Le 1er et le 3e mardi du mois 9 h 30 – 12 h 30");
    const jour = calendrier(html).du;
    const prochaines = lireHoraires(SERVICE_1_3.horaires_accueil!, jour)!.prochaines;
    expect(prochaines).toHaveLength(3);
    for (const p of prochaines) expect(p).toMatch(/^mardi ([1-7]|1[5-9]|2[01])(er)? \S+( \d{4})?, 9 h 30 – 12 h 30$/);
    expect(texte).toContain(`Prochaines ouvertures : ${prochaines.join(" ")}`);
  });

  it("les horaires manquants disent quoi faire, avec un numéro à toucher", () => {
    const sans = catalogue.services
      .map((s) => ({ s, f: ficheService(s, catalogue.structureParSlug(s.structureSlug), { aujourdhui: "2026-12-07", urlStructure: String, urlTheme: String }) }))
      .filter(({ f }) => !f.ouEtQuand.horaires.renseignes && f.contact.telephone);
    expect(sans.length).toBeGreaterThan(5);
    for (const { s, f } of sans) {
      const html = lire(`services/${s.slug}/index.html`);
      expect(html, s.slug).toContain(`Horaires non renseignés : téléphonez au <a href="${f.contact.telephone!.href}">`);
    }
  });
});

describe("horaires dans le navigateur (360 × 740)", () => {
  const site = siteEtNavigateur();

  it("avec JavaScript : « aujourd'hui » depuis les intervalles de la page, sans la bibliothèque ni script en ligne", async () => {
    const html = lire(`services/${SERVICE_1_3.slug}/index.html`);
    const [jour, debut, fin] = calendrier(html).ouvertures[0]!;
    expect([debut, fin]).toEqual([570, 750]);
    const { page, contexte, erreursConsole, requetesExterieures } = await nouvellePage(site.navigateur, site.serveur.url);
    const scripts: string[] = [];
    page.on("request", (q) => {
      if (q.resourceType() === "script") scripts.push(q.url());
    });
    // 10 h in Paris on the first opening day: open until 12 h 30.
    await page.clock.setFixedTime(new Date(`${jour}T10:00:00+01:00`));
    await page.goto(`${site.serveur.url}/services/${SERVICE_1_3.slug}/`);
    const aujourdhui = async () => (await page.locator(".horaires-aujourdhui").innerText()).replace(/\u00a0/g, " ");
    await expect.poll(aujourdhui).toBe("Aujourd'hui : ouvert jusqu'à 12 h 30.");
    // At 14 h: closed, next opening with its date.
    await page.clock.setFixedTime(new Date(`${jour}T14:00:00+01:00`));
    await page.reload();
    await expect.poll(aujourdhui).toMatch(/^Aujourd'hui : fermé\. Prochaine ouverture : le mardi \d+(er)? \S+( \d{4})? à 9 h 30\.$/);
    // The library stays on the server: no script of the page holds its code.
    for (const url of scripts) {
      const corps = await (await fetch(url)).text();
      expect(corps, url).not.toContain("opening_hours");
    }
    expect(erreursConsole).toEqual([]);
    expect(requetesExterieures).toEqual([]);
    await contexte.close();
  });

  it("sans JavaScript : les mots et les dates, pas de ligne vide", async () => {
    const { page, contexte } = await nouvellePage(site.navigateur, site.serveur.url, { javaScript: false });
    await page.goto(`${site.serveur.url}/services/${SERVICE_1_3.slug}/`);
    const texte = (await page.locator("main").innerText()).replace(/\u00a0/g, " ");
    expect(texte).toContain("Le 1er et le 3e mardi du mois");
    expect(texte).toMatch(/Prochaines ouvertures :\s+mardi \d+/);
    expect(await page.locator(".horaires-aujourdhui").isVisible()).toBe(false);
    await contexte.close();
  });
});
