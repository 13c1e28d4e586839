/**
 * Words people use, on the built site at 360×740: « dormir » at Loudun finds the shelters with the 115
 * first; an empty result suggests the needs its words point to; the commune page lists the 115 first
 * under its housing theme. Screenshots go to $CARTO_CAPTURES when set (a folder), for a person to look at.
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { nouvellePage } from "./navigateur";
import { siteEtNavigateur } from "./site";
import { violationsAxe } from "./axe";
import { communeParCode } from "../../src/domain/communes";
import { servicesPourLaCommune } from "../../src/domain/coverage";
import { construireCatalogue } from "../../src/domain/catalogue";
import { validerDossier } from "../../src/domain/validation";
import { besoinParCode } from "../../src/domain/taxonomy";
import { siteConfig } from "../../site.config";

const site = siteEtNavigateur();
const loudun = communeParCode("86137")!;
const HEBERGEMENT = "logement-hebergement--rechercher-une-solution-dhebergement-temporaire";
const LIGNE_115 = "veille-sociale-115-hebergement-urgence";

/** The shelter services serving Loudun, from the catalogue (the oracle, not the page). */
function abrisDeLoudun(): string[] {
  const lecture = validerDossier("content");
  const catalogue = construireCatalogue(lecture.structures, lecture.services, siteConfig.source);
  return servicesPourLaCommune(catalogue.services, loudun)
    .filter((r) => r.service.thematiques.includes(HEBERGEMENT))
    .map((r) => r.service.slug);
}

const capture = (page: Page, nom: string) =>
  process.env.CARTO_CAPTURES ? page.screenshot({ path: join(process.env.CARTO_CAPTURES, `${nom}.png`) }) : Promise.resolve();

const slugs = (page: Page, selecteur: string) =>
  page.locator(selecteur).evaluateAll((liens) => liens.map((a) => (a as HTMLAnchorElement).pathname.split("/")[2]!));

async function choisirLoudun(page: Page) {
  const champ = page.getByRole("combobox", { name: /commune/i });
  await champ.fill("Loudun");
  await expect.poll(() => page.getByRole("option").count()).toBeGreaterThan(0);
  await champ.press("ArrowDown");
  await champ.press("Enter");
  await expect.poll(() => champ.inputValue()).toMatch(/^Loudun/);
}

/** The results' heading once the list answers the current words. */
async function annonceStable(page: Page): Promise<string> {
  await page.locator('section.resultats[aria-busy="false"]').waitFor();
  await expect.poll(() => page.locator("#titre-resultats").textContent()).toMatch(/^(\d+ services? trouvés?|Aucun service)/);
  return (await page.locator("#titre-resultats").textContent())!;
}

async function toutesLesCartes(page: Page): Promise<string[]> {
  const plus = page.getByRole("button", { name: /^Afficher \d+ services de plus/ });
  while (await plus.count()) await plus.click();
  return slugs(page, ".resultats article h3 a");
}

describe("mots de tous les jours", () => {
  it("« dormir » at Loudun, typed on a phone, finds the shelter services with the 115 first", async () => {
    const abris = abrisDeLoudun();
    expect(abris.length).toBeGreaterThan(3);
    const { page, contexte, requetesExterieures, erreursConsole } = await nouvellePage(site.navigateur, site.serveur.url, { largeur: 360, hauteur: 740, tuiles: true });
    await page.goto(`${site.serveur.url}/recherche/`);
    await choisirLoudun(page);
    const mots = page.getByLabel("Mots-clés");
    await mots.pressSequentially("dormir", { delay: 40 });
    await mots.press("Tab");
    expect(await annonceStable(page)).toMatch(/^\d+ services trouvés pour Loudun/);
    await expect.poll(() => slugs(page, ".resultats article h3 a").then((s) => s[0])).toBe(LIGNE_115);
    await page.locator(`#resultat-${LIGNE_115}`).scrollIntoViewIfNeeded();
    await capture(page, "dormir-loudun");
    expect(await toutesLesCartes(page)).toEqual(expect.arrayContaining(abris));
    expect(new URL(page.url()).searchParams.get("q")).toBe("dormir");
    expect(requetesExterieures).toEqual([]);
    expect(erreursConsole).toEqual([]);
    await contexte.close();
  });

  it("an empty result suggests the needs the words point to, each a link to that need's search", async () => {
    const { page, contexte, requetesExterieures, erreursConsole } = await nouvellePage(site.navigateur, site.serveur.url, { largeur: 360, hauteur: 740, tuiles: true });
    await page.goto(`${site.serveur.url}/recherche/?commune=${loudun.code}&theme=emploi&q=dormir`);
    expect(await annonceStable(page)).toMatch(/^Aucun service/);
    const libelle = besoinParCode(HEBERGEMENT)!.label;
    const lien = page.getByRole("link", { name: libelle });
    await lien.scrollIntoViewIfNeeded();
    await capture(page, "suggestion-dormir-emploi");
    expect(await violationsAxe(page)).toEqual([]);
    const adresse = new URL((await lien.getAttribute("href"))!, site.serveur.url);
    expect(Object.fromEntries(adresse.searchParams)).toEqual({ commune: loudun.code, theme: "logement", besoins: HEBERGEMENT });
    const annonce = (await page.locator(".suggestions-besoins li").textContent())!;
    const n = Number(annonce.match(/\((\d+) services?\)/)![1]);
    // Keyboard: the suggestion is reached and followed like any link.
    await lien.focus();
    await page.keyboard.press("Enter");
    expect(await annonceStable(page)).toMatch(new RegExp(`^${n} services trouvés pour Loudun`));
    expect((await slugs(page, ".resultats article h3 a"))[0]).toBe(LIGNE_115);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual(Object.fromEntries(adresse.searchParams));
    expect(requetesExterieures).toEqual([]);
    expect(erreursConsole).toEqual([]);
    await contexte.close();
  });

  it("the commune page of Loudun lists the 115 first under its housing theme", async () => {
    const { page, contexte } = await nouvellePage(site.navigateur, site.serveur.url, { largeur: 360, hauteur: 740, javaScript: false });
    await page.goto(`${site.serveur.url}/communes/${loudun.slug}/`);
    const logement = await slugs(page, "section:has(h2#logement) article h3 a");
    // The line first (reached from anywhere), then the winter places it orients to (40 km away), then the nearest.
    expect(logement.slice(0, 2)).toEqual([LIGNE_115, "mise-a-l-abri-hivernale"]);
    await contexte.close();
  });
});
