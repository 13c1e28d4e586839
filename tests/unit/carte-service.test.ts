/**
 * One card view model (carte-service.ts) for the static pages and the search island: built from the catalogue
 * or from the search index, a card says the same things — freshness and notices included.
 */
import { describe, expect, it } from "vitest";
import { siteConfig } from "../../site.config";
import { vueCarteDeLIndex } from "../../src/domain/carte-service";
import { vueCarteDuService } from "../../src/domain/carte-service-catalogue";
import { construireCatalogue } from "../../src/domain/catalogue";
import { estAVerifier } from "../../src/domain/freshness";
import { construireIndexRecherche } from "../../src/domain/recherche/index-recherche";
import { serviceFrontmatter } from "../../src/domain/schema";
import { validerDossier } from "../../src/domain/validation";

const JOUR = "2026-12-10";
const demo = validerDossier("content", { aujourdhui: JOUR });
// The demonstration catalogue, with a closure and a notice added to two of its services.
const [premier, second] = demo.services;
const services = demo.services.map((e) => {
  if (e === premier) return { ...e, donnees: serviceFrontmatter.parse({ ...e.donnees, horaires_accueil: 'Mo-Fr 09:00-12:00; 2026 Dec 21-2027 Jan 04 off "Congés"' }) };
  if (e === second) return { ...e, donnees: serviceFrontmatter.parse({ ...e.donnees, avis: [{ au: "2026-12-31", message: "Accueil au 2e étage." }] }) };
  return e;
});
const catalogue = construireCatalogue(demo.structures, services, siteConfig.source);
const index = construireIndexRecherche(catalogue, JOUR);

describe("la carte d'un service", () => {
  it("is the same from the catalogue and from the search index, for every service, with or without a commune", () => {
    expect(index.services).toHaveLength(catalogue.services.length);
    index.services.forEach((entree, i) => {
      const service = catalogue.services[i]!;
      const structure = catalogue.structureParSlug(service.structureSlug);
      expect(vueCarteDeLIndex(entree, index, false)).toEqual(vueCarteDuService(service, structure, { aujourdhui: JOUR }));
      expect(vueCarteDeLIndex(entree, index, true, 3.24)).toEqual(vueCarteDuService(service, structure, { aujourdhui: JOUR, avecDistance: true, distanceKm: 3.24 }));
    });
  });

  it("flags exactly the services past six months, and carries the current notice", () => {
    const flagges = catalogue.services.filter((s) => vueCarteDuService(s, catalogue.structureParSlug(s.structureSlug), { aujourdhui: JOUR }).aVerifier);
    expect(flagges.length).toBeGreaterThan(0);
    expect(flagges).toEqual(catalogue.services.filter((s) => estAVerifier(s.date_maj, JOUR)));
    const carte = (slug: string, jour = JOUR) => {
      const s = catalogue.serviceParSlug(slug)!;
      return vueCarteDuService(s, catalogue.structureParSlug(s.structureSlug), { aujourdhui: jour });
    };
    expect(carte(premier!.slug).avis).toEqual({ titre: "Fermé du 21 décembre au 4 janvier 2027 inclus", message: "Congés" });
    expect(carte(second!.slug).avis).toEqual({ titre: "Changement temporaire jusqu'au 31 décembre inclus", message: "Accueil au 2e étage." });
    expect(carte(premier!.slug, "2027-01-05").avis).toBeUndefined();
  });

  it("says where in a word: the distance once a commune is chosen, else how it is received", () => {
    const parModes = (modes: string[]) => catalogue.services.find((s) => JSON.stringify(s.modes_accueil) === JSON.stringify(modes))!;
    const vue = (modes: string[], avecDistance: boolean, km?: number) => vueCarteDuService(parModes(modes), undefined, { aujourdhui: JOUR, avecDistance, distanceKm: km }).mention;
    expect(vue(["en-presentiel"], true, 3.24)).toBe("à 3,2 km");
    expect(vue(["a-distance"], true)).toBe("À distance");
    expect(vue(["en-presentiel"], false)).toBeUndefined();
    expect(vue(["en-presentiel", "a-distance"], false)).toBe("Sur place et à distance");
  });
});
