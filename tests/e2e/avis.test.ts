/**
 * A closure announced with future dates, on a site built from a small catalogue (the CCAS of Poitiers and its
 * services, one of them closed for the holidays, another with a temporary change): shown first on the service
 * page, marked on the search card and the commune page, « aujourd'hui » follows it; built again the day after
 * its end, it is gone by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { communeParCode } from "../../src/domain/communes";
import { phraseAujourdhui } from "../../src/domain/horaires/aujourdhui";
import { lireHoraires } from "../../src/domain/horaires";
import { envDeConstruction } from "./env-construction";
import { lancerNavigateur, nouvellePage } from "./navigateur";
import { demarrerServeur, type ServeurStatique } from "./serveur";

const STRUCTURE = "ccas-poitiers";
const FERME = "cafe-social-poitiers";
const CHANGE = "creche-avip-poitiers";
const HORAIRES = 'Mo-Fr 14:00-18:00; Sa 10:00-12:00; 2026 Dec 21-2027 Jan 04 off "Fermé pour les fêtes, réouverture le 5 janvier"';
const AVANT = "2026-12-18";
const APRES = "2027-01-05";
const poitiers = communeParCode("86194")!;

// CARTO_TESTS_SANS_BUILD=1 (iterating on tests) reuses the two sites of the previous run.
const reutiliser = process.env.CARTO_TESTS_SANS_BUILD === "1";
const racine = reutiliser ? join(tmpdir(), "carto-avis-tests") : mkdtempSync(join(tmpdir(), "carto-avis-"));
const catalogue = join(racine, "content");
let navigateur: Browser;
const sites: Record<string, { dossier: string; serveur?: ServeurStatique }> = {};

function construire(jour: string, dossier: string): Promise<void> {
  return new Promise((ok, echec) => {
    let erreurs = "";
    // Asynchronously: a synchronous build would starve vitest's worker of its event loop.
    const p = spawn(process.execPath, ["node_modules/astro/astro.js", "build", "--outDir", dossier], {
      env: envDeConstruction({ CARTO_CATALOGUE: catalogue, CARTO_AUJOURDHUI: jour }),
      stdio: ["ignore", "ignore", "pipe"],
    });
    p.stderr!.on("data", (d) => (erreurs += d));
    p.on("exit", (code) => (code === 0 ? ok() : echec(new Error(`astro build (${jour}) : ${erreurs.slice(-2000)}`))));
  });
}

beforeAll(async () => {
  mkdirSync(join(catalogue, "structures"), { recursive: true });
  mkdirSync(join(catalogue, "services"), { recursive: true });
  cpSync(`content/structures/${STRUCTURE}.md`, join(catalogue, "structures", `${STRUCTURE}.md`));
  for (const f of readdirSync("content/services")) {
    let texte = readFileSync(`content/services/${f}`, "utf8");
    if (!texte.includes(`\nstructure: ${STRUCTURE}\n`)) continue;
    if (f === `${FERME}.md`) texte = texte.replace(/^horaires_accueil: .*$/m, `horaires_accueil: ${JSON.stringify(HORAIRES)}`);
    if (f === `${CHANGE}.md`) texte = texte.replace(/^date_maj:/m, "avis:\n  - du: 2026-12-14\n    au: 2026-12-31\n    message: Inscriptions à l'accueil de la mairie de quartier.\ndate_maj:");
    writeFileSync(join(catalogue, "services", f), texte);
  }
  expect(readFileSync(join(catalogue, "services", `${FERME}.md`), "utf8")).toContain("2026 Dec 21-2027 Jan 04 off");
  for (const jour of [AVANT, APRES]) sites[jour] = { dossier: join(racine, `dist-${jour}`) };
  for (const jour of [AVANT, APRES]) if (!(reutiliser && existsSync(join(sites[jour]!.dossier, "index.html")))) await construire(jour, sites[jour]!.dossier);
  for (const jour of [AVANT, APRES]) sites[jour]!.serveur = await demarrerServeur(sites[jour]!.dossier);
  navigateur = await lancerNavigateur();
}, 600_000);

afterAll(async () => {
  await navigateur?.close();
  for (const s of Object.values(sites)) await s.serveur?.fermer();
  if (!reutiliser) rmSync(racine, { recursive: true, force: true });
});

const url = (jour: string) => sites[jour]!.serveur!.url;
const texte = (t: string) => t.replace(/\u00a0/g, " ").replace(/\s+/g, " ").trim();

describe("une fermeture annoncée", () => {
  it("is the service page's first news, right under its name, and « aujourd'hui » says closed during it", async () => {
    const { page, contexte, requetesExterieures } = await nouvellePage(navigateur, url(AVANT));
    await page.clock.setFixedTime(new Date("2026-12-22T10:00:00+01:00"));
    await page.goto(`${url(AVANT)}/services/${FERME}/`);
    const avis = page.locator("main article > header .avis-fiche");
    expect(texte(await avis.innerText())).toBe("Fermeture annoncée Fermé du 21 décembre au 4 janvier 2027 inclus : Fermé pour les fêtes, réouverture le 5 janvier");
    // Right after the name and the structure: before the summary, the contact box and the hours.
    const ordre = await page.locator("main article > header > *").evaluateAll((els) => els.map((e) => e.className || e.tagName.toLowerCase()));
    expect(ordre.slice(0, 3)).toEqual(["h1", "structure", "avis-fiche"]);
    expect((await avis.boundingBox())!.y).toBeLessThan(740);
    const attendue = phraseAujourdhui(lireHoraires(HORAIRES, AVANT)!.calendrier, { jour: "2026-12-22", minutes: 600 })!;
    expect(attendue).toMatch(/^Aujourd'hui : fermé\. Prochaine ouverture : le mardi 5 janvier/);
    await expect.poll(async () => texte(await page.locator(".horaires-aujourdhui").innerText())).toBe(attendue);
    // The regular hours are still said in words beside the notice.
    expect(texte(await page.locator("main").innerText())).toMatch(/Du lundi au vendredi 14 h – 18 h/i);
    expect(requetesExterieures).toEqual([]);
    await contexte.close();
  });

  it("marks the service on its search card and on its commune's page; the other notice too", async () => {
    const { page, contexte } = await nouvellePage(navigateur, url(AVANT));
    await page.goto(`${url(AVANT)}/recherche/?q=${encodeURIComponent("café social")}`);
    const carte = page.locator(`#resultat-${FERME}`);
    await carte.waitFor();
    expect(texte(await carte.locator(".avis-carte").innerText())).toBe("Fermé du 21 décembre au 4 janvier 2027 inclus : Fermé pour les fêtes, réouverture le 5 janvier");
    await page.goto(`${url(AVANT)}/communes/${poitiers.slug}/`);
    const surLaCommune = page.locator(".carte-service", { has: page.locator(`a[href="/services/${FERME}/"]`) }).first();
    expect(texte(await surLaCommune.locator(".avis-carte").innerText())).toMatch(/^Fermé du 21 décembre au 4 janvier 2027 inclus/);
    const change = page.locator(".carte-service", { has: page.locator(`a[href="/services/${CHANGE}/"]`) }).first();
    expect(texte(await change.locator(".avis-carte").innerText())).toBe("Changement temporaire jusqu'au 31 décembre inclus : Inscriptions à l'accueil de la mairie de quartier.");
    await contexte.close();
  });

  it("is gone from the page, the card and the commune page once the build day passes its end", async () => {
    const { page, contexte } = await nouvellePage(navigateur, url(APRES));
    await page.goto(`${url(APRES)}/services/${FERME}/`);
    expect(await page.locator(".avis-fiche").count()).toBe(0);
    expect(await page.locator("main").innerText()).not.toContain("Fermé pour les fêtes");
    await page.goto(`${url(APRES)}/recherche/?q=${encodeURIComponent("café social")}`);
    await page.locator(`#resultat-${FERME}`).waitFor();
    expect(await page.locator(`#resultat-${FERME} .avis-carte`).count()).toBe(0);
    await page.goto(`${url(APRES)}/communes/${poitiers.slug}/`);
    expect(await page.locator(`a[href="/services/${FERME}/"]`).count()).toBeGreaterThan(0);
    expect(await page.locator(".avis-carte").count()).toBe(0);
    await contexte.close();
  });
});
