/** The search index file: complete for the cards, filters and coverage, compact, no whole descriptions. */
import { describe, expect, it } from "vitest";
import { validerDossier } from "../../src/domain/validation";
import { construireCatalogue } from "../../src/domain/catalogue";
import { TOUS_PUBLICS } from "../../src/domain/taxonomy";
import {
  construireIndexRecherche,
  frequencesDocumentaires,
  MAX_TERMES_DISTINCTIFS,
  termesDistinctifs,
} from "../../src/domain/recherche/index-recherche";
import { siteConfig } from "../../site.config";
import { comparerFrancais } from "../../src/domain/text";

const lecture = validerDossier("content");
const catalogue = construireCatalogue(lecture.structures, lecture.services, siteConfig.source);
const index = construireIndexRecherche(catalogue);

describe("construireIndexRecherche", () => {
  it("holds every service, in the catalogue's order, with what its card needs", () => {
    expect(index.v).toBe(1);
    expect(index.services.map((s) => s.s)).toEqual(catalogue.services.map((s) => s.slug));
    // The page takes the rank as the name order (preparerIndex does not sort).
    const noms = index.services.map((s) => s.n);
    expect(noms).toEqual([...noms].sort(comparerFrancais));
    index.services.forEach((s, i) => {
      const service = catalogue.services[i]!;
      expect(s.n).toBe(service.nom);
      expect(s.r).toBe(service.resume);
      expect(index.structures[s.st]).toBe(catalogue.structureParSlug(service.structureSlug)!.nom);
      expect(s.b.map((b) => index.besoins[b])).toEqual(service.thematiques);
      expect(s.t).toBe(service.type);
      expect(s.f).toBe(service.frais);
      expect(s.z).toEqual(service.zone_eligibilite?.length ? service.zone_eligibilite : undefined);
      const attendus = service.publics?.filter((p) => p !== TOUS_PUBLICS);
      expect(s.p).toEqual(attendus?.length ? attendus : undefined);
      expect(s.m).toBe((service.modes_accueil.includes("en-presentiel") ? 1 : 0) + (service.modes_accueil.includes("a-distance") ? 2 : 0));
      if (service.modes_accueil.includes("en-presentiel") && service.lieu?.position) {
        expect(s.l).toEqual([service.lieu.position.lat, service.lieu.position.lon]);
        expect(s.c).toBeTruthy();
      } else {
        expect(s.l).toBeUndefined();
      }
    });
  });

  it("is compact: no null, no empty value, structures and needs shared, 5-decimal coordinates, few terms", () => {
    const json = JSON.stringify(index);
    expect(json).not.toMatch(/null|""|\[\]/);
    expect(new Set(index.structures).size).toBe(index.structures.length);
    expect(new Set(index.besoins).size).toBe(index.besoins.length);
    for (const s of index.services) {
      for (const x of s.l ?? []) expect(Math.round(x * 1e5) / 1e5).toBe(x);
      expect(s.k?.split(" ").length ?? 0).toBeLessThanOrEqual(MAX_TERMES_DISTINCTIFS);
      expect(s.r.length).toBeLessThanOrEqual(280);
    }
    // Descriptions are not shipped: a few terms stand for them.
    const descriptions = catalogue.services.reduce((n, s) => n + s.description.length, 0);
    const termes = index.services.reduce((n, s) => n + (s.k?.length ?? 0), 0);
    expect(termes).toBeLessThan(descriptions / 4);
  });
});

describe("termesDistinctifs", () => {
  const frequences = frequencesDocumentaires([
    "L'atelier aide à rédiger un CV et une lettre de motivation.",
    "Un atelier pour préparer un entretien d'embauche, avec simulation filmée.",
    "Un atelier collectif : CV, lettre, entretien. Voir https://exemple.org/atelier ou écrire à contact@exemple.org.",
  ]);

  it("keeps the rare words of 4 letters or more, normalised, without stop words nor words already indexed", () => {
    const termes = termesDistinctifs(
      "Un atelier pour préparer un entretien d'embauche, avec simulation filmée. Simulation, encore simulation.",
      "Préparer son entretien",
      frequences,
    ).split(" ");
    expect(termes[0]).toBe("simulation");
    expect(termes).toContain("embauche");
    expect(termes).toContain("filmee");
    for (const absent of ["un", "pour", "avec", "preparer", "entretien", "encore"]) expect(termes).not.toContain(absent);
  });

  it("leaves out addresses and links, gives at most `max` terms, one form per word", () => {
    const termes = termesDistinctifs(
      "Ateliers et atelier : https://exemple.org/inscription, contact@exemple.org, [le site](https://exemple.org/x) alpha beta gamma delta epsilon",
      "",
      frequences,
      4,
    ).split(" ");
    expect(termes).toHaveLength(4);
    expect(termes.join(" ")).not.toMatch(/exemple|https|inscription|contact/);
    expect(termes.filter((t) => t.startsWith("atelier")).length).toBeLessThanOrEqual(1);
  });
});
