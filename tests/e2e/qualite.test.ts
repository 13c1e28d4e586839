/**
 * /qualite/ on the built demo site: for one structure, the listings shown are exactly those the domain's rules
 * flag (freshness, the validator's warnings, hours, contact…), computed here from the catalogue's files; its
 * « Relancer » e-mail and the CSV carry the same list; the page is accessible, not indexed, reachable from the
 * footer and /contribuer/ but not from the main menu, and fits a 360 px screen.
 */
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { nouvellePage } from "./navigateur";
import { siteEtNavigateur } from "./site";
import { violationsAxe } from "./axe";
import { siteConfig } from "../../site.config";
import { construireCatalogue, type Service, type Structure } from "../../src/domain/catalogue";
import { jourDuSite } from "../../src/domain/dates";
import { avisTermines } from "../../src/domain/avis";
import { estAVerifier, ETIQUETTE_A_VERIFIER } from "../../src/domain/freshness";
import { horairesDuService } from "../../src/domain/horaires/fiche";
import { validerDossier } from "../../src/domain/validation";

const site = siteEtNavigateur();

// The build's day: the test suite builds dist/ just before, with CARTO_AUJOURDHUI unset (today in Paris).
const jour = jourDuSite();
const validation = validerDossier("content", { aujourdhui: jour });
const catalogue = construireCatalogue(validation.structures, validation.services, siteConfig.source);
const avertissements = (s: Service) => validation.problemes.filter((p) => p.gravite === "avertissement" && p.fichier.endsWith(`/services/${s.slug}.md`));

/** What the rules flag on a listing, from the domain's primitives (not from the page's own module). */
function aRevoir(s: Service, st: Structure): boolean {
  return (
    estAVerifier(s.date_maj, jour) ||
    avertissements(s).length > 0 ||
    !horairesDuService(s, st, jour).renseignes ||
    (!(s.telephone ?? st.telephone) && !(s.courriel ?? st.courriel)) ||
    (!s.modes_mobilisation?.length && !s.lien_mobilisation && !(s.telephone ?? st.telephone)) ||
    avisTermines(s, jour, 0).length > 0 ||
    (s.modes_accueil.includes("en-presentiel") && (!s.lieu || s.lieu.positionApprochee))
  );
}

/** The structure to check: one with listings flagged « à vérifier » and listings with nothing to fix, the most flagged. */
const choix = catalogue.structures
  .map((st) => {
    const services = catalogue.servicesDeLaStructure(st.slug);
    return { st, services, flagges: services.filter((s) => aRevoir(s, st)) };
  })
  .filter((c) => c.flagges.some((s) => estAVerifier(s.date_maj, jour)) && c.flagges.length < c.services.length && c.st.courriel)
  .sort((a, b) => b.flagges.length - a.flagges.length || a.st.slug.localeCompare(b.st.slug))[0]!;
const attendus = choix.flagges.map((s) => s.slug).sort();

describe("/qualite/ : les fiches à relancer", () => {
  it("lists, for one structure, exactly the listings the rules flag, with the same list in « Relancer » and the CSV", async () => {
    expect(attendus.length).toBeGreaterThan(1);
    const { page, contexte, requetesExterieures, erreursConsole } = await nouvellePage(site.navigateur, site.serveur.url, { largeur: 360 });
    await page.goto(`${site.serveur.url}/qualite/`);
    const bloc = page.locator(`li[data-structure="${choix.st.slug}"]`);
    const montres = (await bloc.locator("[data-service]").evaluateAll((l) => l.map((e) => e.getAttribute("data-service")!))).sort();
    expect(montres).toEqual(attendus);
    // « à vérifier » is written out on exactly the listings past six months.
    const marques = (await bloc.locator("[data-service]:has([data-signal='a-verifier'])").evaluateAll((l) => l.map((e) => e.getAttribute("data-service")!))).sort();
    expect(marques).toEqual(choix.flagges.filter((s) => estAVerifier(s.date_maj, jour)).map((s) => s.slug).sort());
    expect(await bloc.locator("[data-signal='a-verifier']").first().textContent()).toContain(ETIQUETTE_A_VERIFIER);
    // Each with its score, its date and its form in the partners' space.
    for (const s of choix.flagges) {
      const fiche = bloc.locator(`[data-service="${s.slug}"]`);
      expect(await fiche.getByRole("link", { name: /^Modifier/ }).getAttribute("href")).toBe(`/admin/#/collections/services/entries/${s.slug}`);
      expect(await fiche.locator(".maj").innerText()).toMatch(/^Score data·inclusion [01],\d\d · Informations vérifiées le \d{1,2} \S+ 20\d\d/);
    }

    // « Relancer »: to the structure, each flagged listing with its edit link in /admin/, nothing else.
    const href = (await bloc.getByRole("link", { name: /^Relancer/ }).getAttribute("href"))!;
    expect(href.length).toBeLessThanOrEqual(1800);
    const url = new URL(href);
    expect(decodeURIComponent(url.pathname)).toBe(choix.st.courriel);
    const corps = url.searchParams.get("body")!;
    const dansLeCourriel = [...corps.matchAll(/\/admin\/#\/collections\/services\/entries\/([a-z0-9-]+)/g)].map((m) => m[1]).sort();
    expect(dansLeCourriel).toEqual(attendus);
    for (const s of choix.flagges) expect(corps).toContain(`- ${s.nom} : `);

    // The CSV: the same rows for this structure.
    const reponse = await page.request.get(`${site.serveur.url}/qualite/relances.csv`);
    expect(reponse.headers()["content-type"]).toContain("text/csv");
    const lignes = parse((await reponse.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    const duCsv = lignes.filter((l) => l.structure === choix.st.nom && l.service !== "").map((l) => l.edition!.split("/").at(-1)).sort();
    expect(duCsv).toEqual(attendus);
    expect(lignes.filter((l) => l.structure === choix.st.nom).every((l) => l.courriel_structure === choix.st.courriel)).toBe(true);

    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(erreursConsole).toEqual([]);
    expect(requetesExterieures).toEqual([]);
    await contexte.close();
  });

  it("is accessible, not indexed, linked from the footer and /contribuer/, not from the main menu", async () => {
    const { page, contexte } = await nouvellePage(site.navigateur, site.serveur.url, { largeur: 360 });
    await page.goto(`${site.serveur.url}/qualite/`);
    expect(await page.locator('meta[name="robots"]').getAttribute("content")).toBe("noindex");
    expect(await page.locator("main").innerText()).toMatch(/Aucun rapport d'import data·inclusion n'est présent/);
    expect(await violationsAxe(page)).toEqual([]);

    await page.goto(`${site.serveur.url}/`);
    expect(await page.locator('meta[name="robots"]').count()).toBe(0);
    expect(await page.locator('footer a[href="/qualite/"]').count()).toBe(1);
    expect(await page.locator('.nav-principale a[href="/qualite/"]').count()).toBe(0);
    await page.goto(`${site.serveur.url}/contribuer/`);
    await page.locator('main a[href="/qualite/"]').click();
    await page.waitForURL(/\/qualite\/$/);
    expect(await page.locator("h1").textContent()).toBe("Fiches à relancer");
    await contexte.close();
  });
});
