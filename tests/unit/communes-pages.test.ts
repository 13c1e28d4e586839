/** A commune's pages: per theme, the nearest services up to the cap, then numbered pages of the rest. */
import { describe, expect, it } from "vitest";
import { communeParCode } from "../../src/domain/communes";
import { servicesPourLaCommune } from "../../src/domain/coverage";
import { serviceDansLeTheme } from "../../src/domain/regroupements";
import { themes } from "../../src/domain/taxonomy";
import { nombreDePages, pageDeLaCommune, pagesDesThemes, PLAFOND_PAR_THEME, resultatsParTheme, SERVICES_PAR_PAGE } from "../../src/domain/communes-pages";
import type { Service } from "../../src/domain/catalogue";
import { validerDossier } from "../../src/domain/validation";
import { construireCatalogue } from "../../src/domain/catalogue";
import { siteConfig } from "../../site.config";
import { numeroCourt } from "../../src/domain/numeros-courts";

const poitiers = communeParCode("86194")!;
const chatellerault = communeParCode("86066")!;

type S = Pick<Service, "nom" | "zone_eligibilite" | "modes_accueil" | "lieu" | "thematiques">;
const EMPLOI = "trouver-un-emploi--repondre-a-des-offres-demploi";
const LOGEMENT = "logement-hebergement--louer-un-logement";
const ici = (nom: string, thematiques: string[], centre = poitiers.centre): S => ({
  nom,
  thematiques,
  modes_accueil: ["en-presentiel"],
  lieu: { position: centre, positionApprochee: false },
});
const aDistance = (nom: string, thematiques: string[]): S => ({ nom, thematiques, modes_accueil: ["a-distance"] });
const noms = (liste: { service: S }[]) => liste.map((r) => r.service.nom);

describe("resultatsParTheme", () => {
  it("gives each theme with services, in the themes' order, its nearest services up to the cap, local before remote", () => {
    const services = [
      aDistance("A distance 1", [EMPLOI]),
      ici("Loin", [EMPLOI], chatellerault.centre),
      ici("Ici B", [EMPLOI, LOGEMENT]),
      ici("Ici A", [EMPLOI]),
      aDistance("A distance 2", [LOGEMENT]),
    ];
    const parTheme = resultatsParTheme(services, poitiers, 3, 2);
    expect(parTheme.map((g) => g.theme.slug)).toEqual(["emploi", "logement"]);
    const [emploi, logement] = parTheme;
    expect(noms(emploi!.premiers)).toEqual(["Ici A", "Ici B", "Loin"]);
    expect(emploi!.total).toBe(4);
    expect(emploi!.pages).toBe(2);
    // A service with needs in two themes is in both; a theme within the cap has no numbered page.
    expect(noms(logement!.premiers)).toEqual(["Ici B", "A distance 2"]);
    expect(logement).toMatchObject({ total: 2, pages: 0 });
  });

  it("leaves out the services that do not serve the commune, and gives nothing when none does", () => {
    const horsZone = { ...ici("Châtellerault seulement", [EMPLOI]), zone_eligibilite: [chatellerault.code] };
    expect(resultatsParTheme([horsZone], poitiers)).toEqual([]);
    expect(resultatsParTheme([horsZone], chatellerault).map((g) => g.total)).toEqual([1]);
  });

  it("caps at PLAFOND_PAR_THEME by default", () => {
    const beaucoup = Array.from({ length: 300 }, (_, i) => aDistance(`Service ${String(i).padStart(3, "0")}`, [EMPLOI]));
    const [emploi] = resultatsParTheme(beaucoup, poitiers);
    expect(emploi!.premiers).toHaveLength(PLAFOND_PAR_THEME);
    expect(emploi!.total).toBe(300);
    expect(emploi!.pages).toBe(Math.ceil(300 / SERVICES_PAR_PAGE));
  });
});

describe("pageDeLaCommune", () => {
  it("counts each service serving the commune once, even when it is in two themes", () => {
    const services = [ici("Deux thèmes", [EMPLOI, LOGEMENT]), aDistance("Emploi", [EMPLOI]), { ...ici("Ailleurs", [EMPLOI]), zone_eligibilite: [chatellerault.code] }];
    const page = pageDeLaCommune(services, poitiers);
    expect(page.total).toBe(2);
    expect(page.parTheme).toEqual(resultatsParTheme(services, poitiers));
    expect(page.parTheme.map((g) => g.total)).toEqual([2, 1]);
  });
});

describe("nombreDePages", () => {
  it("has no page within the cap, then as many pages as it takes, the last one partly filled", () => {
    expect(nombreDePages(0, 8, 50)).toBe(0);
    expect(nombreDePages(8, 8, 50)).toBe(0);
    expect(nombreDePages(9, 8, 50)).toBe(1);
    expect(nombreDePages(50, 8, 50)).toBe(1);
    expect(nombreDePages(51, 8, 50)).toBe(2);
    expect(nombreDePages(2366, 8, 50)).toBe(48);
  });
});

describe("pagesDesThemes", () => {
  it("numbers the pages of each theme past the cap, a fixed number a page, from the theme's first service", () => {
    const services = [
      ...Array.from({ length: 7 }, (_, i) => ici(`Ici ${i}`, [EMPLOI])),
      ...Array.from({ length: 5 }, (_, i) => aDistance(`Distance ${i}`, [EMPLOI])),
      aDistance("Logement", [LOGEMENT]),
    ];
    const pages = pagesDesThemes(services, poitiers, 8, 5);
    expect(pages.map((p) => [p.theme.slug, p.numero, p.pages, p.premierRang, p.services.length])).toEqual([
      ["emploi", 1, 3, 1, 5],
      ["emploi", 2, 3, 6, 5],
      ["emploi", 3, 3, 11, 2],
    ]);
    expect(pages.every((p) => p.total === 12)).toBe(true);
    expect(pages.flatMap((p) => noms(p.services))).toEqual(noms(resultatsParTheme(services, poitiers, 12)[0]!.premiers));
  });
});

describe("sur le catalogue de démonstration", () => {
  const lecture = validerDossier("content");
  const catalogue = construireCatalogue(lecture.structures, lecture.services, siteConfig.source);

  it("gives, for each commune and theme, the commune page's first services and the numbered pages' services in the order of servicesPourLaCommune, emergency ones first", () => {
    for (const code of ["86194", "86066", "86137", "86015"]) {
      const commune = communeParCode(code)!;
      const tous = servicesPourLaCommune(catalogue.services, commune);
      const pages = pagesDesThemes(catalogue.services, commune);
      for (const g of resultatsParTheme(catalogue.services, commune)) {
        const duThemeParDistance = tous.filter((r) => serviceDansLeTheme(r.service, g.theme));
        // Reached by an emergency number (its own phone in the table): first, those at a distance before the others.
        const urgent = (r: (typeof tous)[number]) => Boolean(r.service.telephone && numeroCourt(r.service.telephone)?.urgence);
        const aDistance = (r: (typeof tous)[number]) => r.service.modes_accueil.includes("a-distance");
        const attendus = [
          ...duThemeParDistance.filter((r) => urgent(r) && aDistance(r)),
          ...duThemeParDistance.filter((r) => urgent(r) && !aDistance(r)),
          ...duThemeParDistance.filter((r) => !urgent(r)),
        ];
        expect(g.total).toBe(attendus.length);
        expect(g.premiers).toEqual(attendus.slice(0, PLAFOND_PAR_THEME));
        const duTheme = pages.filter((p) => p.theme === g.theme);
        expect(duTheme).toHaveLength(g.pages);
        if (g.pages > 0) expect(duTheme.flatMap((p) => p.services)).toEqual(attendus);
        expect(duTheme.every((p) => p.services.length <= SERVICES_PAR_PAGE)).toBe(true);
      }
      // A theme left out has no service for the commune.
      const presents = new Set(resultatsParTheme(catalogue.services, commune).map((g) => g.theme));
      for (const t of themes.filter((t) => !presents.has(t))) expect(tous.filter((r) => serviceDansLeTheme(r.service, t))).toEqual([]);
    }
  });
});
