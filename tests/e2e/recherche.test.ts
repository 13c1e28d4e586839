/** The search page in Chromium, on the built site: what a person and a counsellor do with it. */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { nouvellePage } from "./navigateur";
import { siteEtNavigateur } from "./site";
import { violationsAxe } from "./axe";
import { communeParCode } from "../../src/domain/communes";
import type { IndexRecherche } from "../../src/domain/recherche/index-recherche";
import { CRITERES_VIDES, GROUPES_FILTRES, LEGENDES_DES_GROUPES, preparerIndex, rechercher, valeursFiltrables, type Criteres } from "../../src/domain/recherche/requete";
import { ecrireCriteres } from "../../src/domain/recherche/url";
import { RESULTATS_PAR_PAGE } from "../../src/domain/recherche/premiers-resultats";

const chatellerault = communeParCode("86066")!;

const site = siteEtNavigateur();

/** The built site's search index, read as the page reads it: the oracle of what the page should show. */
function indexConstruit(): IndexRecherche {
  const fichier = readdirSync("dist/recherche").find((f) => /^index-[0-9a-f]+\.json$/.test(f))!;
  return JSON.parse(readFileSync(`dist/recherche/${fichier}`, "utf8"));
}

/** Slugs of the result cards the page shows. */
function cartesAffichees(page: Page): Promise<string[]> {
  return page.locator(".resultats article h3 a").evaluateAll((liens) => liens.map((a) => (a as HTMLAnchorElement).pathname.split("/")[2]!));
}

/** Slugs of every result, clicking "Afficher … de plus" until all are shown. */
async function tousLesResultats(page: Page): Promise<string[]> {
  const plus = page.getByRole("button", { name: /^Afficher \d+ services de plus/ });
  while (await plus.count()) await plus.click();
  return cartesAffichees(page);
}

async function choisirCommune(page: Page, saisie: string) {
  const champ = page.getByRole("combobox", { name: /commune/i });
  await champ.fill(saisie);
  await expect.poll(() => page.getByRole("option").count()).toBeGreaterThan(0);
  await champ.press("ArrowDown");
  await champ.press("Enter");
}

/** The count a text says: « 12 services trouvés… » → 12, « Aucun service… » → 0, anything else → undefined. */
function compteDit(texte: string): number | undefined {
  return /^Aucun service/.test(texte) ? 0 : /^\d+ services? trouvés?/.test(texte) ? parseInt(texte, 10) : undefined;
}

/**
 * What the page says and shows, read at one instant: the heading, the live region, the cards in the list,
 * and those left behind « Afficher … de plus (N restants) ».
 */
function ceQueDitLaPage(page: Page): Promise<{ titre: string; statut: string; cartes: number; restants: number }> {
  return page.evaluate(() => {
    const plus = Array.from(document.querySelectorAll(".resultats button")).find((b) => /^Afficher \d+ services? de plus/.test(b.textContent ?? ""));
    return {
      titre: document.getElementById("titre-resultats")?.textContent ?? "",
      statut: document.querySelector('.recherche > [role="status"]')?.textContent ?? "",
      cartes: document.querySelectorAll(".resultats article").length,
      restants: Number(/\((\d+) restants?\)/.exec(plus?.textContent ?? "")?.[1] ?? 0),
    };
  });
}

/**
 * Installed before the page's scripts: at every change of the results' heading or of the live region, what
 * they say and how many cards the list holds at that moment (read back by nombreAnnonce).
 */
function noterLesAnnonces() {
  const w = window as unknown as { __annonces: { texte: string; cartes: number; restants: number }[] };
  w.__annonces = [];
  // What each said last: a text is announced (and noted) when it changes.
  const avant = ["", ""];
  new MutationObserver(() => {
    const textes = [document.getElementById("titre-resultats")?.textContent ?? "", document.querySelector('.recherche > [role="status"]')?.textContent ?? ""];
    const plus = Array.from(document.querySelectorAll(".resultats button")).find((b) => /^Afficher \d+ services? de plus/.test(b.textContent ?? ""));
    const cartes = document.querySelectorAll(".resultats article").length;
    const restants = Number(/\((\d+) restants?\)/.exec(plus?.textContent ?? "")?.[1] ?? 0);
    for (const k of [0, 1]) {
      if (textes[k] !== avant[k]) w.__annonces.push({ texte: textes[k]!, cartes, restants });
      avant[k] = textes[k]!;
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/** The count announced, once settled; whenever it is said (heading, then live region), the list holds as many cards. */
async function nombreAnnonce(page: Page): Promise<number> {
  // Settled: the index is loaded and the text search (if any) has answered the current words.
  await page.locator('section.resultats[aria-busy="false"]').waitFor();
  await expect.poll(async () => compteDit((await ceQueDitLaPage(page)).titre)).toBeDefined();
  const dit = await ceQueDitLaPage(page);
  const n = compteDit(dit.titre)!;
  expect(dit.cartes + dit.restants, `« ${dit.titre} » au-dessus de ${dit.cartes} cartes (${dit.restants} restantes)`).toBe(n);
  // Screen readers hear it once settled (a short pause): the same count, the list still holding it.
  await expect.poll(async () => (await ceQueDitLaPage(page)).statut, { timeout: 5_000 }).toBe(dit.titre);
  const entendu = await ceQueDitLaPage(page);
  expect(entendu.cartes + entendu.restants, `« ${entendu.statut} » annoncé avec ${entendu.cartes} cartes (${entendu.restants} restantes)`).toBe(compteDit(entendu.statut));
  // And at every moment before, since the page was loaded (where noterLesAnnonces is installed).
  const annonces = await page.evaluate(() => (window as unknown as { __annonces?: { texte: string; cartes: number; restants: number }[] }).__annonces ?? []);
  expect(annonces.filter((a) => compteDit(a.texte) !== undefined && compteDit(a.texte) !== a.cartes + a.restants)).toEqual([]);
  return n;
}

/**
 * Slugs of a commune's services of a theme, in order: the commune page shows the nearest (up to its cap),
 * its « Voir les N services … » link the whole list, page after page.
 */
async function listeDeLaPageCommune(page: Page, theme: string): Promise<string[]> {
  const slugs = (liens: import("playwright-core").Locator) => liens.evaluateAll((l) => l.map((a) => (a as HTMLAnchorElement).pathname.split("/")[2]!));
  await page.goto(`${site.serveur.url}/communes/${chatellerault.slug}/`);
  const section = page.locator(`section:has(h2#${theme})`);
  const premiers = await slugs(section.locator("article h3 a"));
  const suite = section.locator("a", { hasText: /^Voir les [\d\s]+ services/ });
  if ((await suite.count()) === 0) return premiers;
  const tous: string[] = [];
  for (let lien = await suite.getAttribute("href"); lien; ) {
    await page.goto(`${site.serveur.url}${lien}`);
    tous.push(...(await slugs(page.locator("main article h3 a"))));
    const suivante = page.locator("main a[rel='next']");
    lien = (await suivante.count()) > 0 ? await suivante.getAttribute("href") : null;
  }
  expect(tous.slice(0, premiers.length)).toEqual(premiers);
  return tous;
}

describe("recherche", () => {
  it("a typo'd commune and a theme give the commune page's list, restored by reload and back", async () => {
    const { page, contexte, requetesExterieures, erreursConsole } = await nouvellePage(site.navigateur, site.serveur.url, { tuiles: true });
    const attendu = await listeDeLaPageCommune(page, "logement");
    expect(attendu.length).toBeGreaterThan(3);
    await page.addInitScript(noterLesAnnonces);

    await page.goto(`${site.serveur.url}/recherche/`);
    const debut = Date.now();
    await choisirCommune(page, "chatelleraut");
    await expect.poll(() => page.getByRole("combobox", { name: /commune/i }).inputValue()).toBe("Châtellerault (86100)");
    await page.getByLabel("Besoin", { exact: true }).selectOption("logement");
    // The list settled and its count shown (not its announcement to screen readers, which waits a pause).
    await page.locator('section.resultats[aria-busy="false"]').waitFor();
    expect(Date.now() - debut).toBeLessThan(5_000);
    expect(await nombreAnnonce(page)).toBe(attendu.length);
    expect(await tousLesResultats(page)).toEqual(attendu);
    expect(new URL(page.url()).search).toBe(`?commune=86066&theme=logement`);

    await page.reload();
    expect(await nombreAnnonce(page)).toBe(attendu.length);
    expect(await tousLesResultats(page)).toEqual(attendu);

    // Open a result, come back: the same results.
    await page.locator(".resultats article h3 a").first().click();
    await page.waitForURL(/\/services\//);
    await page.goBack();
    expect(await nombreAnnonce(page)).toBe(attendu.length);
    expect(await page.getByLabel("Besoin", { exact: true }).inputValue()).toBe("logement");

    expect(erreursConsole).toEqual([]);
    expect(requetesExterieures).toEqual([]);
    await contexte.close();
  });

  it("shows a commune's first results before the whole index arrives (a slow connection), then all of them", async () => {
    const { page, contexte, erreursConsole } = await nouvellePage(site.navigateur, site.serveur.url, { tuiles: true });
    const attendu = await listeDeLaPageCommune(page, "emploi");
    expect(attendu.length).toBeGreaterThan(RESULTATS_PAR_PAGE);
    let livrer = () => {};
    const retenu = new Promise<void>((ok) => (livrer = ok));
    await page.route(/\/recherche\/index-[0-9a-f]+\.json$/, async (route) => {
      await retenu;
      await route.continue();
    });
    await page.goto(`${site.serveur.url}/recherche/?commune=86066&theme=emploi`);
    await expect.poll(() => page.locator("#titre-resultats").textContent()).toBe(`${attendu.length} services trouvés pour Châtellerault`);
    await expect.poll(() => cartesAffichees(page)).toEqual(attendu.slice(0, RESULTATS_PAR_PAGE));
    await expect(page.locator(".resultats article .distance").first().textContent()).resolves.toMatch(/^à \d/);
    // Still waiting for the index: the list says it is busy.
    expect(await page.locator("section.resultats").getAttribute("aria-busy")).toBe("true");
    livrer();
    expect(await nombreAnnonce(page)).toBe(attendu.length);
    expect(await tousLesResultats(page)).toEqual(attendu);
    expect(erreursConsole).toEqual([]);
    await contexte.close();
  });

  it("filters narrow the results and say beforehand how many they give", async () => {
    const { page, contexte } = await nouvellePage(site.navigateur, site.serveur.url, { largeur: 1280, hauteur: 900, tuiles: true });
    await page.goto(`${site.serveur.url}/recherche/?commune=86194`);
    const avant = await nombreAnnonce(page);
    const filtre = page.locator(".filtres label", { hasText: "Personnes en situation de handicap" });
    const annonce = parseInt((await filtre.locator(".compte").textContent())!.replace(/\D/g, ""), 10);
    expect(annonce).toBeGreaterThan(0);
    expect(annonce).toBeLessThan(avant);
    await filtre.locator("input").check();
    expect(await nombreAnnonce(page)).toBe(annonce);
    expect(new URL(page.url()).searchParams.get("publics")).toBe("personnes-en-situation-de-handicap");
    await contexte.close();
  });

  it("offers no filter that gives nothing, says why, and lets an option already ticked be unticked", async () => {
    const { page, contexte } = await nouvellePage(site.navigateur, site.serveur.url, { largeur: 1280, hauteur: 900, tuiles: true });
    const criteres: Criteres = { ...CRITERES_VIDES, commune: "86194", theme: "logement" };
    const reponse = rechercher(preparerIndex(indexConstruit()), criteres);
    const aZero = GROUPES_FILTRES.flatMap((groupe) => valeursFiltrables(groupe).filter((v) => reponse.compteurs[groupe][v.value] === 0).map((v) => ({ groupe, v })));
    expect(aZero.length).toBeGreaterThan(0);
    await page.addInitScript(noterLesAnnonces);
    await page.goto(`${site.serveur.url}/recherche/?${ecrireCriteres(criteres)}`);
    await nombreAnnonce(page);
    const caseDe = ({ groupe, v }: (typeof aZero)[number]) =>
      page.getByRole("group", { name: LEGENDES_DES_GROUPES[groupe] }).getByRole("checkbox", { name: new RegExp(`^${v.label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(\\d+\\)$`) });
    // Exactly the options at (0) are disabled, each described by a visible sentence that says why.
    const desactivees = await page.locator(".filtres input[type=checkbox]:disabled").count();
    expect(desactivees).toBe(aZero.length);
    for (const option of aZero) {
      const c = caseDe(option);
      expect(await c.isDisabled()).toBe(true);
      const raison = page.locator(`#${await c.getAttribute("aria-describedby")}`);
      expect(await raison.isVisible()).toBe(true);
      expect(await raison.textContent()).toMatch(/aucun service.*ne peuvent pas être cochés/);
    }
    // Ticked by a link (a shared URL), an option at zero stays tickable off: the way out of « Aucun service ».
    const premiere = aZero[0]!;
    await page.goto(`${site.serveur.url}/recherche/?${ecrireCriteres({ ...criteres, [premiere.groupe]: [premiere.v.value] })}`);
    expect(await nombreAnnonce(page)).toBe(0);
    const cochee = caseDe(premiere);
    expect(await cochee.isChecked()).toBe(true);
    expect(await cochee.isDisabled()).toBe(false);
    await cochee.uncheck();
    expect(await nombreAnnonce(page)).toBe(reponse.resultats.length);
    await contexte.close();
  });

  it("finds services by words with typos and without accents, and suggests what to remove when nothing matches", async () => {
    const { page, contexte } = await nouvellePage(site.navigateur, site.serveur.url, { tuiles: true });
    const fichiers: string[] = [];
    page.on("request", (r) => /\/recherche\/(index|termes)-/.test(r.url()) && fichiers.push(new URL(r.url()).pathname.split("-")[0]!));
    await page.goto(`${site.serveur.url}/recherche/?q=permis%20de%20condure`);
    expect(await nombreAnnonce(page)).toBeGreaterThan(0);
    await page.locator("#recherche-mots").fill("logment");
    await expect.poll(async () => (await page.locator(".resultats article").first().innerText()).toLowerCase()).toMatch(/logement/);
    await page.locator("#recherche-mots").fill("permis de condure");
    // The index and the terms are each downloaded once, however much one types.
    expect(fichiers.sort()).toEqual(["/recherche/index", "/recherche/termes"]);
    // Following a result right after typing, then coming back, finds the words again.
    await expect.poll(async () => (await page.locator(".resultats article").first().innerText()).toLowerCase()).toMatch(/permis|conduite|auto-école/);
    await page.locator(".resultats article h3 a").first().click();
    await page.waitForURL(/\/services\//);
    await page.goBack();
    await expect.poll(() => page.locator("#recherche-mots").inputValue()).toBe("permis de condure");
    expect(await nombreAnnonce(page)).toBeGreaterThan(0);
    expect((await page.locator(".resultats article h3").first().textContent())!.toLowerCase()).toMatch(/permis|auto-école|conduite/);
    await page.goto(`${site.serveur.url}/recherche/?commune=86066&q=zzzzqqqq`);
    expect(await nombreAnnonce(page)).toBe(0);
    const suggestion = page.getByRole("button", { name: /les mots « zzzzqqqq »/ });
    await suggestion.click();
    expect(await nombreAnnonce(page)).toBeGreaterThan(0);
    await contexte.close();
  });

  it("keeps the list while a word's first letters are typed, and applies every word once typing pauses", async () => {
    // A phone: the list starts below the words field, its cards off screen while typing.
    const { page, contexte } = await nouvellePage(site.navigateur, site.serveur.url, { largeur: 360, hauteur: 740, tuiles: true });
    await page.addInitScript(noterLesAnnonces);
    await page.goto(`${site.serveur.url}/recherche/?commune=86066&q=emploi`);
    expect(await nombreAnnonce(page)).toBeGreaterThan(0);
    const champ = page.locator("#recherche-mots");
    await champ.fill("");
    const tous = await nombreAnnonce(page);
    const optionEmploi = page.locator('#recherche-theme option[value="emploi"]');
    const nombreEmploi = async () => Number((await optionEmploi.textContent())!.match(/\((\d+)\)/)![1]);
    const emploiSansMots = await nombreEmploi();
    // Every text the results' heading shows while « logement » is typed.
    await page.evaluate(() => {
      const titre = document.getElementById("titre-resultats")!;
      const w = window as unknown as { titres: string[] };
      w.titres = [];
      new MutationObserver(() => w.titres.push(titre.textContent ?? "")).observe(titre, { childList: true, characterData: true, subtree: true });
    });
    await champ.pressSequentially("logement", { delay: 50 });
    const trouves = await nombreAnnonce(page);
    expect(trouves).toBeGreaterThan(0);
    expect(trouves).toBeLessThan(tous);
    const titres = await page.evaluate(() => (window as unknown as { titres: string[] }).titres);
    expect(titres.length).toBeGreaterThan(0);
    // « lo », searched as it is, finds nothing: it waited for the third letter instead of flashing it.
    expect(titres.filter((t) => t.startsWith("Aucun"))).toEqual([]);
    // Typing paused: every card of the list answers the words (those off screen come then), as when the
    // same search is opened afresh.
    const ailleurs = await contexte.newPage();
    await ailleurs.goto(`${site.serveur.url}/recherche/?commune=86066&q=logement`);
    expect(await nombreAnnonce(ailleurs)).toBe(trouves);
    const attendues = await cartesAffichees(ailleurs);
    expect(attendues.length).toBe(Math.min(trouves, RESULTATS_PAR_PAGE));
    await expect.poll(() => cartesAffichees(page), { timeout: 5_000 }).toEqual(attendues);
    // The themes' counts follow the words once typing pauses: fewer employment services speak of housing.
    await expect.poll(nombreEmploi).toBeLessThan(emploiSansMots);
    // Typing pauses on « lo »: it applies, and nothing matches.
    await champ.fill("lo");
    // Said once the list holds it: after the pause (400 ms), when the page is idle (the cards it had go then).
    await expect.poll(() => page.locator("#titre-resultats").textContent(), { timeout: 5_000 }).toMatch(/^Aucun service/);
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("lo");
    await contexte.close();
  });

  it("works with the keyboard alone, from the commune field to a service page", async () => {
    const { page, contexte } = await nouvellePage(site.navigateur, site.serveur.url, { tuiles: true });
    await page.goto(`${site.serveur.url}/recherche/`);
    await page.getByRole("combobox", { name: /commune/i }).focus();
    await page.keyboard.type("poitiers");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab"); // clear button
    await page.keyboard.press("Tab"); // need
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("recherche-theme");
    await page.keyboard.press("ArrowDown"); // first theme: Emploi
    expect(await nombreAnnonce(page)).toBeGreaterThan(0);
    // Tab on to the first result's link.
    let surLien = false;
    for (let i = 0; i < 80 && !surLien; i++) {
      await page.keyboard.press("Tab");
      surLien = await page.evaluate(() => Boolean(document.activeElement?.closest(".resultats article h3")));
    }
    expect(surLien).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/services\/[a-z0-9-]+\/$/);
    await contexte.close();
  });

  it("shows the in-person results on the map, with tiles stubbed", async () => {
    const { page, contexte, requetesExterieures, erreursConsole } = await nouvellePage(site.navigateur, site.serveur.url, { largeur: 1280, hauteur: 900, tuiles: true });
    await page.goto(`${site.serveur.url}/recherche/?commune=86165&theme=emploi`);
    const total = await nombreAnnonce(page);
    expect(total).toBeGreaterThan(0);
    await page.locator(".leaflet-container").waitFor();
    // What the domain says should be on the map: the in-person results that have a place.
    const index = indexConstruit();
    const attendus = rechercher(preparerIndex(index), { ...CRITERES_VIDES, commune: "86165", theme: "emploi" }).resultats.filter(
      (r) => index.services[r.i]!.l && index.services[r.i]!.m !== 2,
    ).length;
    expect(attendus).toBeGreaterThan(0);
    // Each marker or cluster says how many services it stands for.
    await expect
      .poll(() => page.locator(".leaflet-marker-icon[data-nombre]").evaluateAll((m) => m.reduce((n, e) => n + Number((e as HTMLElement).dataset.nombre), 0)))
      .toBe(attendus);
    expect(erreursConsole).toEqual([]);
    expect(requetesExterieures).toEqual([]);
    await contexte.close();
  });

  it("says without JavaScript that it needs it, and where to go instead", async () => {
    const { page, contexte } = await nouvellePage(site.navigateur, site.serveur.url, { javaScript: false });
    await page.goto(`${site.serveur.url}/recherche/?commune=86066`);
    expect(await page.locator("main").innerText()).toContain("La recherche a besoin de JavaScript");
    expect(await page.locator("main a[href='/thematiques/']").count()).toBeGreaterThan(0);
    expect(await page.locator("main a[href='/communes/']").count()).toBeGreaterThan(0);
    await contexte.close();
  });

  it("has no accessibility violation found by axe-core with results shown", async () => {
    const { page, contexte } = await nouvellePage(site.navigateur, site.serveur.url, { tuiles: true });
    await page.goto(`${site.serveur.url}/recherche/?commune=86066&theme=logement`);
    await nombreAnnonce(page);
    expect(await violationsAxe(page)).toEqual([]);
    await contexte.close();
  });
});
