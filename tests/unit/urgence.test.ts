/** Services reached by an emergency number first for the needs they serve: the rule, and its three users. */
import { describe, expect, it } from "vitest";
import { joignableEnUrgence, rangDUrgence, urgencesEnTete } from "../../src/domain/urgence";
import { resultatsParTheme } from "../../src/domain/communes-pages";
import { communeParCode } from "../../src/domain/communes";
import type { Service } from "../../src/domain/catalogue";
import { validerDossier } from "../../src/domain/validation";
import { construireCatalogue } from "../../src/domain/catalogue";
import { construireIndexRecherche } from "../../src/domain/recherche/index-recherche";
import { CRITERES_VIDES, preparerIndex, rechercher } from "../../src/domain/recherche/requete";
import { calculerPremiersResultats } from "../../src/domain/recherche/premiers-resultats";
import { siteConfig } from "../../site.config";

const HEBERGEMENT = "logement-hebergement--rechercher-une-solution-dhebergement-temporaire";
const LOUER = "logement-hebergement--louer-un-logement";
const EMPLOI = "trouver-un-emploi--repondre-a-des-offres-demploi";
const poitiers = communeParCode("86194")!;

describe("joignableEnUrgence", () => {
  it("is true for the table's emergency numbers however written, false for other numbers and none", () => {
    expect(joignableEnUrgence({ telephone: "115" })).toBe(true);
    expect(joignableEnUrgence({ telephone: "39 19" })).toBe(true);
    expect(joignableEnUrgence({ telephone: "3949" })).toBe(false); // France Travail: short, not an emergency
    expect(joignableEnUrgence({ telephone: "05 36 49 22 40" })).toBe(false);
    expect(joignableEnUrgence({})).toBe(false);
  });
});

describe("rangDUrgence and urgencesEnTete", () => {
  const vise = (b: string) => b === HEBERGEMENT;
  it("puts first the emergency services with a need sought, the line at a distance before the place, each group in its order", () => {
    const liste = [
      { nom: "conseil", urgence: false, aDistance: false, thematiques: [HEBERGEMENT] },
      { nom: "places", urgence: true, aDistance: false, thematiques: [HEBERGEMENT] },
      { nom: "ligne emploi", urgence: true, aDistance: true, thematiques: [EMPLOI] },
      { nom: "115", urgence: true, aDistance: true, thematiques: [HEBERGEMENT] },
      { nom: "foyer", urgence: false, aDistance: false, thematiques: [HEBERGEMENT] },
    ];
    expect(urgencesEnTete(liste, (s) => rangDUrgence(s, vise)).map((s) => s.nom)).toEqual(["115", "places", "conseil", "ligne emploi", "foyer"]);
  });

  it("leaves the list as it is when no need is sought by an emergency service", () => {
    const liste = [3, 1, 2];
    expect(urgencesEnTete(liste, () => 2)).toEqual([3, 1, 2]);
    expect(rangDUrgence({ urgence: true, aDistance: true, thematiques: [EMPLOI] }, vise)).toBe(2);
    expect(rangDUrgence({ urgence: false, aDistance: true, thematiques: [HEBERGEMENT] }, vise)).toBe(2);
  });
});

describe("commune pages", () => {
  type S = Pick<Service, "nom" | "zone_eligibilite" | "modes_accueil" | "lieu" | "thematiques" | "telephone">;
  const ici = (nom: string, thematiques: string[], telephone?: string): S => ({
    nom,
    thematiques,
    telephone,
    modes_accueil: ["en-presentiel"],
    lieu: { position: poitiers.centre, positionApprochee: false },
  });
  it("list a theme's emergency services first, however far, and leave the other themes' order alone", () => {
    const services: S[] = [
      ici("Agence logement", [LOUER]),
      { nom: "Veille sociale", thematiques: [HEBERGEMENT, EMPLOI], telephone: "115", modes_accueil: ["a-distance"] },
      ici("Accueil de nuit", [HEBERGEMENT], "115"),
      ici("Atelier CV", [EMPLOI]),
    ];
    const parTheme = Object.fromEntries(resultatsParTheme(services, poitiers).map((g) => [g.theme.slug, g.premiers.map((r) => r.service.nom)]));
    expect(parTheme.logement).toEqual(["Veille sociale", "Accueil de nuit", "Agence logement"]);
    // In « Emploi », the line serves an employment need too: first there as well.
    expect(parTheme.emploi).toEqual(["Veille sociale", "Atelier CV"]);
  });
});

describe("on the demonstration catalogue", () => {
  const lecture = validerDossier("content");
  const catalogue = construireCatalogue(lecture.structures, lecture.services, siteConfig.source);
  const index = construireIndexRecherche(catalogue);
  const prepare = preparerIndex(index);
  const LOUDUN = "86137";
  const premiers = ["veille-sociale-115-hebergement-urgence", "mise-a-l-abri-hivernale"];

  it("marks in the index the services whose own phone is an emergency number", () => {
    expect(index.services.filter((s) => s.u === 1).map((s) => s.s).sort()).toEqual([...premiers].sort());
  });

  it("puts the 115 first for Loudun's housing, in the search, its precomputed first page and the commune page", () => {
    const recherche = rechercher(prepare, { ...CRITERES_VIDES, commune: LOUDUN, theme: "logement" }).resultats.map((r) => index.services[r.i]!.s);
    expect(recherche.slice(0, 2)).toEqual(premiers);
    const fichier = calculerPremiersResultats(prepare, { commune: LOUDUN, theme: "logement" });
    expect(fichier.index.services.slice(0, 2).map((s) => s.s)).toEqual(premiers);
    const page = resultatsParTheme(catalogue.services, communeParCode(LOUDUN)!).find((g) => g.theme.slug === "logement")!;
    expect(page.premiers.slice(0, 2).map((r) => r.service.slug)).toEqual(premiers);
  });

  it("leaves a commune alone in the commune page's order, and puts the 115 first for the need « hébergement » chosen", () => {
    const seule = rechercher(prepare, { ...CRITERES_VIDES, commune: LOUDUN }).resultats.map((r) => index.services[r.i]!.s);
    expect(seule.indexOf(premiers[0]!)).toBeGreaterThan(2);
    const besoin = rechercher(prepare, { ...CRITERES_VIDES, commune: LOUDUN, besoins: [HEBERGEMENT] }).resultats.map((r) => index.services[r.i]!.s);
    expect(besoin.slice(0, 2)).toEqual(premiers);
  });
});
