/** What a person reads on a phone (360 px) on the built site's pages: a service, a commune and its themes' lists, every page type. */
import { describe, expect, it } from "vitest";
import { nouvellePage } from "./navigateur";
import { siteEtNavigateur } from "./site";
import { violationsAxe } from "./axe";
import { communeParCode } from "../../src/domain/communes";
import { PLAFOND_PAR_THEME, SERVICES_PAR_PAGE } from "../../src/domain/communes-pages";
import { siteConfig } from "../../site.config";
import { construireCatalogue } from "../../src/domain/catalogue";
import { jourDuSite } from "../../src/domain/dates";
import { ficheService, lienItineraire } from "../../src/domain/fiche-service";
import { MOIS_AVANT_VERIFICATION } from "../../src/domain/freshness";
import { validerDossier } from "../../src/domain/validation";
import { MENTION_VERIFICATION } from "../../src/domain/freshness";
import { joignableEnUrgence } from "../../src/domain/urgence";

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
    expect(titres).toEqual(expect.arrayContaining(["Contacter, s'y rendre", "Pour qui ?", "Où et quand ?", "Comment en bénéficier ?", "Frais", "Description"]));
    const texte = await page.locator("main").innerText();
    expect(texte).toMatch(/Proposé par \S/);
    expect(texte).toMatch(new RegExp(`${MENTION_VERIFICATION} \\d{1,2} \\S+ 20\\d\\d`));
    // « Signaler une erreur »: a prefilled e-mail to the listing's address (or the Département's).
    const signaler = page.getByRole("link", { name: "Signaler une erreur" });
    expect(await signaler.getAttribute("href")).toMatch(/^mailto:[^?]+@[^?]+\?(cc=[^&]+&)?subject=Erreur%20sur%20la%20fiche/);
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
    // Within each theme, after the services reached by an emergency number (first: src/domain/urgence.ts),
    // distances never decrease, and remote services ("À distance") come last.
    const lecture = validerDossier("content");
    const urgences = new Set(construireCatalogue(lecture.structures, lecture.services, siteConfig.source).services.filter(joignableEnUrgence).map((s) => s.slug));
    for (const section of await page.locator("main section").all()) {
      const cartes = await section.locator("article").evaluateAll((l) =>
        l.map((a) => [a.querySelector("h3 a")!.getAttribute("href")!.split("/")[2]!, a.querySelector(".distance")?.textContent ?? ""] as const),
      );
      const premiereOrdinaire = cartes.findIndex(([slug]) => !urgences.has(slug));
      const marques = cartes.slice(premiereOrdinaire < 0 ? cartes.length : premiereOrdinaire).map(([, d]) => d);
      expect(marques.every((m) => m !== ""), "a distance on every card").toBe(true);
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

describe("page d'un service : comment obtenir cette aide", () => {
  // The oracle: the catalogue the site was built from, on the build's day.
  const lecture = validerDossier("content");
  const catalogue = construireCatalogue(lecture.structures, lecture.services, siteConfig.source);
  const fiches = catalogue.services.map((service) => ({
    service,
    fiche: ficheService(service, catalogue.structureParSlug(service.structureSlug), {
      aujourdhui: jourDuSite(),
      urlStructure: (s) => `/structures/${s}/`,
      urlTheme: (s) => `/thematiques/${s}/`,
    }),
  }));
  // A service one can call and go to, open to the person and to professionals, whose listing is to be checked.
  const choisi = fiches.find(
    ({ fiche }) =>
      fiche.contact.telephone && fiche.ouEtQuand.itineraire && fiche.mobilisation.usagers.length > 0 && fiche.mobilisation.professionnels.length > 0,
  );
  const aVerifier = fiches.find(({ fiche }) => fiche.miseAJour.aVerifier && fiche.contact.telephone);

  for (const javaScript of [true, false]) {
    it(`at 360×740 ${javaScript ? "with" : "without"} JavaScript, puts a tap-to-call link and directions first, the person's way before the professional's`, async () => {
      expect(choisi).toBeDefined();
      const { service } = choisi!;
      const { page, requetesExterieures, erreursConsole, contexte } = await nouvellePage(site.navigateur, site.serveur.url, { javaScript });
      await page.goto(`${site.serveur.url}/services/${service.slug}/`);
      const boite = page.locator(".boite-contact");
      // The first section after the page's header, its call link on the first screen.
      expect(await page.locator("article > header ~ .fiche > section").first().getAttribute("class")).toBe("boite-contact");
      const appel = boite.locator('a[href^="tel:"]').first();
      expect(await appel.getAttribute("href")).toBe(choisi!.fiche.contact.telephone!.href);
      // Right under the page's header (title, summary, freshness), the call link near the box's top.
      const cadre = (await appel.boundingBox())!;
      const entete = (await page.locator("article > header").boundingBox())!;
      const haut = (await boite.boundingBox())!.y;
      expect(haut - (entete.y + entete.height)).toBeLessThanOrEqual(40);
      expect(cadre.y + cadre.height - haut).toBeLessThanOrEqual(200);
      // On the first screen: the needs and « Ajouter à ma sélection » come after the box, not before.
      expect(cadre.y + cadre.height).toBeLessThanOrEqual(740);
      expect(await page.locator(".boite-contact ~ .etiquettes").count()).toBe(1);
      expect(await page.locator(".boite-contact ~ .actions-service").count()).toBe(1);
      // Directions: a plain link to OpenStreetMap, nothing requested until it is followed.
      expect(await boite.getByRole("link", { name: /Itinéraire/ }).getAttribute("href")).toBe(lienItineraire(service.lieu!.position!));
      expect(await boite.locator("address").innerText()).toContain(service.lieu!.commune!);
      if (choisi!.fiche.ouEtQuand.horaires) expect(await boite.locator("table.horaires, p").count()).toBeGreaterThan(0);
      const sousTitres = await page.locator("section[aria-labelledby=mobiliser] h3").allTextContents();
      expect(sousTitres).toEqual(["Vous souhaitez en bénéficier", "Vous êtes un professionnel de l'insertion"]);
      // The contact is said once: no second « Contact » section at the bottom.
      expect(await page.locator("h2", { hasText: /^Contact$/ }).count()).toBe(0);
      expect(await sansDefilementHorizontal(page)).toBe(true);
      // axe-core runs as a script: only where scripts do.
      if (javaScript) expect(await violationsAxe(page)).toEqual([]);
      expect(erreursConsole).toEqual([]);
      expect(requetesExterieures).toEqual([]);
      await contexte.close();
    });
  }

  it("explains « à vérifier » in visible words on the service page and on its structure's page", async () => {
    expect(aVerifier).toBeDefined();
    const { page, contexte } = await nouvellePage(site.navigateur, site.serveur.url, { javaScript: false });
    await page.goto(`${site.serveur.url}/services/${aVerifier!.service.slug}/`);
    const maj = page.locator("header .maj");
    await expect.poll(() => maj.innerText()).toContain("à vérifier");
    expect(await maj.innerText()).toContain(`informations de plus de ${MOIS_AVANT_VERIFICATION} mois : appelez avant de vous déplacer`);
    expect(await page.locator(".explication-verifier").first().isVisible()).toBe(true);
    expect(await page.locator("[title*='vérifier']").count()).toBe(0);
    // Its structure's page and the result cards say the same where the mark is shown.
    for (const chemin of [`/structures/${aVerifier!.service.structureSlug}/`]) {
      await page.goto(`${site.serveur.url}${chemin}`);
      for (const marque of await page.locator(".etiquette--alerte").all()) {
        expect(await marque.locator("xpath=..").innerText()).toContain(`informations de plus de ${MOIS_AVANT_VERIFICATION} mois`);
      }
    }
    await contexte.close();
  });
});

describe("page d'une commune et liste entière d'une thématique", () => {
  it("without JavaScript, leads from a commune page's theme to its whole list, page after page, and never to the search", async () => {
    const { page, requetesExterieures, erreursConsole, contexte } = await nouvellePage(site.navigateur, site.serveur.url, { javaScript: false });
    const poitiers = communeParCode("86194")!;
    await page.goto(`${site.serveur.url}/communes/${poitiers.slug}/`);
    for (const section of await page.locator("main section").all()) expect(await section.locator(".carte-service").count()).toBeLessThanOrEqual(PLAFOND_PAR_THEME);
    // The search needs JavaScript: its link is there, hidden.
    expect(await page.locator("main a[href^='/recherche/']").count()).toBe(1);
    expect(await page.locator("main a[href^='/recherche/']").isVisible()).toBe(false);

    const lien = page.locator("main section a", { hasText: /^Voir les [\d\s]+ services Emploi pour Poitiers$/ });
    const total = parseInt((await lien.textContent())!.replace(/^Voir les /, "").replace(/\s/g, ""), 10);
    expect(total).toBeGreaterThan(PLAFOND_PAR_THEME);
    await Promise.all([page.waitForURL(`${site.serveur.url}/communes/${poitiers.slug}/emploi/`), lien.click()]);
    const nombreDePages = Math.ceil(total / SERVICES_PAR_PAGE);
    const vus: string[] = [];
    for (let n = 1; ; n++) {
      expect(await page.locator("h1").textContent()).toBe(`Services Emploi pour Poitiers${nombreDePages > 1 ? `, page ${n} sur ${nombreDePages}` : ""}`);
      vus.push(...(await page.locator("main .carte-service h3 a").evaluateAll((a) => a.map((e) => (e as HTMLAnchorElement).pathname))));
      expect(await page.locator("main a[href^='/recherche/']").isVisible()).toBe(false);
      expect(await sansDefilementHorizontal(page)).toBe(true);
      const suivante = page.getByRole("link", { name: /^Page suivante/ });
      if ((await suivante.count()) === 0) break;
      await Promise.all([page.waitForURL(`${site.serveur.url}/communes/${poitiers.slug}/emploi/${n + 1}/`), suivante.click()]);
    }
    expect(vus).toHaveLength(total);
    expect(new Set(vus).size).toBe(total);
    expect(erreursConsole).toEqual([]);
    expect(requetesExterieures).toEqual([]);
    await contexte.close();
  });

  it("with JavaScript, offers the search with the commune, and with the theme from the theme's pages", async () => {
    const { page, requetesExterieures, erreursConsole, contexte } = await nouvellePage(site.navigateur, site.serveur.url);
    const poitiers = communeParCode("86194")!;
    await page.goto(`${site.serveur.url}/communes/${poitiers.slug}/`);
    await expect.poll(() => page.locator("main a[href='/recherche/?commune=86194']").isVisible()).toBe(true);
    await page.goto(`${site.serveur.url}/communes/${poitiers.slug}/emploi/`);
    const recherche = page.getByRole("link", { name: /^Filtrer ces [\d\s]+ services/ });
    await expect.poll(() => recherche.isVisible()).toBe(true);
    expect(await recherche.getAttribute("href")).toBe("/recherche/?commune=86194&theme=emploi");
    const total = parseInt((await recherche.textContent())!.replace(/^Filtrer ces /, "").replace(/\s/g, ""), 10);
    await Promise.all([page.waitForURL(`${site.serveur.url}/recherche/?commune=86194&theme=emploi`), recherche.click()]);
    // The search finds the same services (recherche.test.ts compares them one by one).
    await expect.poll(() => page.locator("#titre-resultats").textContent()).toMatch(new RegExp(`^${total} services trouvés`));
    expect(erreursConsole).toEqual([]);
    expect(requetesExterieures).toEqual([]);
    await contexte.close();
  });
});

describe("chaque sorte de page sur un écran de 360 px", () => {
  it("reads without horizontal scrolling, console error or outside request, headings in order, and passes axe-core", async () => {
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
      `/communes/${communeParCode("86194")!.slug}/emploi/`,
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
      expect(await violationsAxe(page), chemin).toEqual([]);
    }
    expect(erreursConsole).toEqual([]);
    // A missing page answers 404 with a page that helps (the browser logs the 404 status itself).
    const reponse = await page.goto(`${site.serveur.url}/une-page-qui-n-existe-pas/`);
    expect(reponse?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Page introuvable");
    expect(await sansDefilementHorizontal(page)).toBe(true);
    expect(await violationsAxe(page), "404").toEqual([]);
    expect(requetesExterieures).toEqual([]);
    await contexte.close();
    // A dozen page types, each with axe-core and a JavaScript-off pass: over a minute when the machine is busy.
  }, 180_000);
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
    expect(await violationsAxe(page)).toEqual([]);
    expect(erreursConsole).toEqual([]);
    expect(requetesExterieures).toEqual([]);
    await contexte.close();
  });
});
