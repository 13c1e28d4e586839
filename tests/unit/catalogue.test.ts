import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { construireCatalogue, type EntreeService, type EntreeStructure } from "../../src/domain/catalogue";
import { exporterCatalogue } from "../../src/domain/export";
import { codeDeService } from "../../src/domain/selection/code";
import { serviceFrontmatter, structureFrontmatter } from "../../src/domain/schema";

const structure: EntreeStructure = {
  slug: "ccas-chatellerault",
  donnees: structureFrontmatter.parse({
    nom: "CCAS de Châtellerault",
    adresse: "2 rue de l'Hôtel de Ville",
    code_postal: "86100",
    commune: "Châtellerault",
    code_insee: "86066",
    latitude: 46.8178,
    longitude: 0.5461,
    telephone: "05 36 49 20 00",
    date_maj: "2026-09-01",
  }),
  corps: "Le centre communal d'action sociale accueille les habitants.",
};

const service = (slug: string, extra: Record<string, unknown>, corps = "Aide aux démarches. Sur rendez-vous."): EntreeService => ({
  slug,
  donnees: serviceFrontmatter.parse({
    nom: `Service ${slug}`,
    structure: "ccas-chatellerault",
    thematiques: ["difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"],
    modes_accueil: ["en-presentiel"],
    date_maj: "2026-10-01",
    ...extra,
  }),
  corps,
});

const catalogue = construireCatalogue(
  [structure],
  [
    service("aide-demarches", {}),
    service("permanence-naintre", {
      resume: "Une permanence mensuelle à Naintré.",
      adresse: "Mairie, place de la République",
      code_postal: "86530",
      commune: "Naintré",
      code_insee: "86174",
    }),
  ],
  "carto-insertion-86",
);

describe("catalogue", () => {
  it("lists structures of the same name in one order, whatever order their files were read in", () => {
    const homonyme = (slug: string, commune: string): EntreeStructure => ({ ...structure, slug, donnees: { ...structure.donnees, commune } });
    const a = homonyme("ccas-chatellerault", "Châtellerault");
    const b = homonyme("ccas-chatellerault-2", "Naintré");
    const ordre = (entrees: EntreeStructure[]) => construireCatalogue(entrees, [], "carto-insertion-86").structures.map((s) => s.slug);
    expect(ordre([b, a])).toEqual(["ccas-chatellerault", "ccas-chatellerault-2"]);
    expect(ordre([a, b])).toEqual(["ccas-chatellerault", "ccas-chatellerault-2"]);
  });

  it("gives data·inclusion ids <source>--<slug>", () => {
    const s = catalogue.serviceParSlug("aide-demarches")!;
    expect(s.id).toBe("carto-insertion-86--aide-demarches");
    expect(s.structure_id).toBe("carto-insertion-86--ccas-chatellerault");
  });

  it("lets a service without an address inherit its structure's whole address", () => {
    const s = catalogue.serviceParSlug("aide-demarches")!;
    expect(s.lieuHerite).toBe(true);
    expect(s.lieu).toMatchObject({ adresse: "2 rue de l'Hôtel de Ville", code_postal: "86100", position: { lat: 46.8178, lon: 0.5461 } });
  });

  it("keeps a service's own address whole, placed at its commune's centre without coordinates", () => {
    const s = catalogue.serviceParSlug("permanence-naintre")!;
    expect(s.lieuHerite).toBe(false);
    expect(s.lieu?.adresse).toBe("Mairie, place de la République");
    expect(s.lieu?.positionApprochee).toBe(true);
    expect(s.lieu?.position?.lat).toBeGreaterThan(46.7);
  });

  it("falls back to the description's first sentence for the summary", () => {
    expect(catalogue.serviceParSlug("aide-demarches")!.resume).toBe("Aide aux démarches.");
    expect(catalogue.serviceParSlug("permanence-naintre")!.resume).toBe("Une permanence mensuelle à Naintré.");
  });

  it("exports records that the official data·inclusion v1 JSON Schemas accept", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const lire = (nom: string) => JSON.parse(readFileSync(new URL(`../fixtures/data-inclusion-schema/${nom}`, import.meta.url), "utf8"));
    const validerService = ajv.compile(lire("service.json"));
    const validerStructure = ajv.compile(lire("structure.json"));
    const exporte = exporterCatalogue(catalogue, {
      urlService: (slug) => `https://exemple.fr/services/${slug}/`,
      urlStructure: (slug) => `https://exemple.fr/structures/${slug}/`,
    });
    for (const s of exporte.services) expect(validerService(s), JSON.stringify(validerService.errors)).toBe(true);
    for (const s of exporte.structures) expect(validerStructure(s), JSON.stringify(validerStructure.errors)).toBe(true);
    expect(exporte.services[0]).toMatchObject({ source: "carto-insertion-86", structure_id: "carto-insertion-86--ccas-chatellerault" });
  });
});

describe("fiches importées de data·inclusion", () => {
  const importee: EntreeStructure = {
    slug: "france-travail-chatellerault",
    donnees: structureFrontmatter.parse({
      nom: "France Travail Châtellerault",
      date_maj: "2026-09-01",
      source: "dora",
      id: "dora--ft-chatellerault",
      lien_source: "https://dora.inclusion.beta.gouv.fr/structures/ft-chatellerault",
      doublons: ["france-travail--86011"],
    }),
    corps: "",
  };
  const catalogueImporte = construireCatalogue(
    [structure, importee],
    [
      service("atelier-numerique", {
        structure: "france-travail-chatellerault",
        modes_accueil: ["a-distance"],
        source: "france-travail",
        id: "france-travail--atelier-42",
        structure_id: "france-travail--86011",
        lien_source: "https://www.francetravail.fr/atelier-42",
      }),
      service("aide-locale", {}),
    ],
    "carto-insertion-86",
  );
  const exporte = exporterCatalogue(catalogueImporte, {
    urlService: (slug) => `https://exemple.fr/services/${slug}/`,
    urlStructure: (slug) => `https://exemple.fr/structures/${slug}/`,
  });

  it("publie une fiche importée sous sa source, son identifiant et sa page d'origine", () => {
    expect(exporte.structures.find((s) => s.nom === "France Travail Châtellerault")).toMatchObject({
      source: "dora",
      id: "dora--ft-chatellerault",
      lien_source: "https://dora.inclusion.beta.gouv.fr/structures/ft-chatellerault",
    });
    // The service of a merged duplicate is published under the structure that holds it.
    expect(exporte.services.find((s) => s.nom === "Service atelier-numerique")).toMatchObject({
      source: "france-travail",
      id: "france-travail--atelier-42",
      structure_id: "dora--ft-chatellerault",
      lien_source: "https://www.francetravail.fr/atelier-42",
    });
  });

  it("garde les identifiants du site aux fiches créées ici, et le code de partage suit l'identifiant", () => {
    expect(exporte.services.find((s) => s.nom === "Service aide-locale")).toMatchObject({
      source: "carto-insertion-86",
      id: "carto-insertion-86--aide-locale",
      structure_id: "carto-insertion-86--ccas-chatellerault",
      lien_source: "https://exemple.fr/services/aide-locale/",
    });
    const a = catalogueImporte.serviceParSlug("atelier-numerique")!;
    expect(catalogueImporte.serviceParCode(a.code)).toBe(a);
    expect(a.code).toBe(codeDeService("france-travail--atelier-42"));
  });
});
