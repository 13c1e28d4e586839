/**
 * A phone's first screen (360×740) on the built site: the header leaves room for the page, the home page's
 * commune field and a search's first result show without scrolling, the menu opens with and without
 * JavaScript, and without JavaScript the home page offers only what works. A wide screen's keyboard user
 * skips the form and the filters.
 */
import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { nouvellePage } from "./navigateur";
import { siteEtNavigateur } from "./site";
import { violationsAxe } from "./axe";
import { communeParCode } from "../../src/domain/communes";
import { themeParSlug } from "../../src/domain/taxonomy";

const site = siteEtNavigateur();
const ECRAN = { largeur: 360, hauteur: 740 };
const loudun = communeParCode("86137")!;
const mobilite = themeParSlug("mobilite")!;

/** The element's box, in page coordinates (the page is not scrolled in these tests). */
async function boite(element: Locator) {
  const b = await element.boundingBox();
  expect(b, "élément sans boîte (caché ?)").not.toBeNull();
  return b!;
}

async function resultatsAffiches(page: Page): Promise<number> {
  await page.locator('section.resultats[aria-busy="false"]').waitFor();
  await expect.poll(() => page.locator("#titre-resultats").textContent()).toMatch(/^\d+ services? trouvés?/);
  return parseInt((await page.locator("#titre-resultats").textContent())!, 10);
}

async function focusDans(page: Page, selecteur: string): Promise<boolean> {
  return page.evaluate((s) => Boolean(document.activeElement?.closest(s)), selecteur);
}

describe("le premier écran d'un téléphone", () => {
  it("shows the home page's commune field, then a search's count and first result, criteria folded and filters behind a button", async () => {
    const { page, contexte, erreursConsole, requetesExterieures } = await nouvellePage(site.navigateur, site.serveur.url, { ...ECRAN, tuiles: true });
    await page.goto(`${site.serveur.url}/`);
    // Header and demo notice together: a sixth of the screen at most (41 % before).
    expect((await boite(page.locator(".entete"))).height).toBeLessThan(ECRAN.hauteur / 6);
    const champ = page.getByRole("combobox", { name: "Votre commune" });
    await champ.waitFor();
    const b = await boite(champ);
    expect(b.y + b.height).toBeLessThanOrEqual(ECRAN.hauteur);

    await champ.fill("Loudun");
    await expect.poll(() => page.getByRole("option").count()).toBeGreaterThan(0);
    await champ.press("ArrowDown");
    await champ.press("Enter");
    await page.getByLabel("Votre besoin").selectOption(mobilite.slug);
    await Promise.all([page.waitForURL(/\/recherche\/\?/), page.getByRole("button", { name: "Rechercher" }).click()]);
    expect(new URL(page.url()).search).toBe(`?commune=${loudun.code}&theme=${mobilite.slug}`);
    const total = await resultatsAffiches(page);
    expect(total).toBeGreaterThan(0);

    // The criteria in one line, the count and the top of the first result (its title) on the first screen.
    const resume = page.locator(".resume-criteres");
    expect(await resume.locator("p").innerText()).toContain(`${loudun.nom} · ${mobilite.label}`);
    expect(await page.getByRole("button", { name: /^Modifier/ }).isVisible()).toBe(true);
    expect(await page.getByRole("combobox", { name: /commune/i }).isVisible()).toBe(false);
    const titre = await boite(page.locator("#titre-resultats"));
    expect(titre.y + titre.height).toBeLessThanOrEqual(ECRAN.hauteur);
    const premier = await boite(page.locator(".resultats article h3").first());
    expect(premier.y + premier.height).toBeLessThanOrEqual(ECRAN.hauteur);

    // « Modifier » reopens the form on the commune field; « Voir les résultats » folds it, focus on the count.
    await page.getByRole("button", { name: /^Modifier/ }).click();
    await expect.poll(() => focusDans(page, "#criteres-recherche .combobox")).toBe(true);
    expect(await page.getByLabel("Besoin", { exact: true }).inputValue()).toBe(mobilite.slug);
    expect(await violationsAxe(page), "critères dépliés").toEqual([]);
    await page.getByRole("button", { name: "Voir les résultats" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("titre-resultats");
    expect(await page.getByRole("combobox", { name: /commune/i }).isVisible()).toBe(false);

    // The needs and filters behind « Filtres (n) », n the filters chosen; kept by the URL on reload.
    const filtres = page.locator(".filtres summary");
    expect((await filtres.innerText()).trim()).toBe("Filtres");
    expect(await page.locator(".filtres input[type=checkbox]").count()).toBe(0);
    await filtres.click();
    expect(await violationsAxe(page), "filtres ouverts").toEqual([]);
    await page.locator(".filtres fieldset").first().locator("input[type=checkbox]").first().check();
    // « (1) » shown, « actif » said to a screen reader.
    await expect.poll(() => filtres.innerText()).toMatch(/^Filtres \(1\)\s*actif$/);
    const filtre = await resultatsAffiches(page);
    expect(filtre).toBeLessThanOrEqual(total);
    expect(new URL(page.url()).searchParams.get("besoins")).toBeTruthy();
    // The list lies below the open filters: « Voir les résultats » closes them and goes to it.
    await page.locator(".filtres").getByRole("button", { name: "Voir les résultats" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("titre-resultats");
    expect(await page.locator(".filtres").getAttribute("open")).toBeNull();
    await page.reload();
    expect(await resultatsAffiches(page)).toBe(filtre);
    expect(await filtres.innerText()).toMatch(/^Filtres \(1\)/);
    expect(await resume.isVisible()).toBe(true);
    await page.goBack();
    expect(await resultatsAffiches(page)).toBe(total);

    expect(erreursConsole).toEqual([]);
    expect(requetesExterieures).toEqual([]);
    await contexte.close();
  });

  for (const javaScript of [true, false]) {
    it(`opens the menu ${javaScript ? "with" : "without"} JavaScript, with the keyboard too, and keeps « Ma sélection » in sight`, async () => {
      const { page, contexte, erreursConsole } = await nouvellePage(site.navigateur, site.serveur.url, { ...ECRAN, javaScript });
      await page.goto(`${site.serveur.url}/a-propos/`);
      const lien = page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Thématiques" });
      const menu = page.locator(".menu-replie summary");
      expect(await lien.isVisible()).toBe(false);
      expect(await page.getByRole("link", { name: /^Ma sélection/ }).isVisible()).toBe(true);
      // The demo notice on one line.
      const bandeau = page.locator(".bandeau-demo p");
      const hauteurLigne = await bandeau.evaluate((p) => parseFloat(getComputedStyle(p).lineHeight));
      expect((await boite(bandeau)).height).toBeLessThan(hauteurLigne * 1.5);
      // « Menu » is a <summary>: a button with its expanded state for a screen reader, with or without JavaScript.
      expect(await menu.isVisible()).toBe(true);
      expect(await page.locator(".menu-replie").getAttribute("open")).toBeNull();
      await menu.focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => lien.isVisible()).toBe(true);
      expect(await page.locator(".menu-replie").getAttribute("open")).not.toBeNull();
      // The open list lies within the screen, under the header's first line.
      const liste = await boite(page.locator(".menu-replie ul"));
      expect(liste.x).toBeGreaterThanOrEqual(0);
      expect(liste.x + liste.width).toBeLessThanOrEqual(ECRAN.largeur);
      expect(liste.y).toBeGreaterThanOrEqual((await boite(menu)).y);
      // axe-core runs as a script: only where scripts do.
      if (javaScript) expect(await violationsAxe(page), "menu ouvert").toEqual([]);
      await page.keyboard.press("Tab");
      expect(await focusDans(page, ".menu-replie ul")).toBe(true);
      await Promise.all([page.waitForURL(`${site.serveur.url}/thematiques/`), lien.click()]);
      expect(await lien.isVisible()).toBe(false);
      expect(erreursConsole).toEqual([]);
      await contexte.close();
    });
  }

  it("without JavaScript, the home page offers no search form and reaches a commune's services in one tap", async () => {
    const { page, contexte, erreursConsole, requetesExterieures } = await nouvellePage(site.navigateur, site.serveur.url, { ...ECRAN, javaScript: false });
    await page.goto(`${site.serveur.url}/`);
    // Forms that submit to the search, which needs JavaScript: none shown.
    const formulaires = await page.locator("main form").evaluateAll((f) =>
      f.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => (e as HTMLFormElement).action),
    );
    expect(formulaires).toEqual([]);
    expect(await page.locator("main a[href^='/recherche/']:visible").count()).toBe(0);
    // The main towns, on the first screen: one tap to a commune's page and its services.
    const lien = page.locator(".communes-principales a", { hasText: loudun.nom });
    const b = await boite(lien);
    expect(b.y + b.height).toBeLessThanOrEqual(ECRAN.hauteur);
    await Promise.all([page.waitForURL(`${site.serveur.url}/communes/${loudun.slug}/`), lien.click()]);
    expect(await page.locator("h1").textContent()).toBe(`Services ouverts aux habitants de ${loudun.nom}`);
    expect(await page.locator("main .carte-service").count()).toBeGreaterThan(0);
    // « Toutes les communes »: every commune's page, on the same page.
    await page.goBack();
    await page.getByRole("link", { name: /^Toutes les communes/ }).click();
    expect(await page.locator(`#communes ~ ul a[href='/communes/${loudun.slug}/']`).isVisible()).toBe(true);
    expect(erreursConsole).toEqual([]);
    expect(requetesExterieures).toEqual([]);
    await contexte.close();
  });
});

describe("un grand écran au clavier", () => {
  it("reaches « Aller aux résultats » in two Tabs, shown when focused, and it takes the focus to the results", async () => {
    const { page, contexte, erreursConsole } = await nouvellePage(site.navigateur, site.serveur.url, { largeur: 1280, hauteur: 900, tuiles: true });
    await page.goto(`${site.serveur.url}/recherche/?commune=${loudun.code}&theme=${mobilite.slug}`);
    await resultatsAffiches(page);
    // The wide header shows the whole navigation, no menu button.
    expect(await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Thématiques" }).isVisible()).toBe(true);
    expect(await page.locator(".menu-replie summary").isVisible()).toBe(false);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const lien = page.getByRole("link", { name: "Aller aux résultats" });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Aller aux résultats");
    const b = await boite(lien);
    expect(b.width).toBeGreaterThan(50);
    expect(b.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("titre-resultats");
    await page.keyboard.press("Tab");
    expect(await focusDans(page, ".resultats article h3")).toBe(true);
    expect(erreursConsole).toEqual([]);
    await contexte.close();
  });

  it("without JavaScript, offers no « Aller aux résultats » (there is no list)", async () => {
    const { page, contexte } = await nouvellePage(site.navigateur, site.serveur.url, { largeur: 1280, hauteur: 900, javaScript: false });
    await page.goto(`${site.serveur.url}/recherche/`);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).not.toBe("Aller aux résultats");
    await contexte.close();
  });
});
