/** The service page's view model (fiche-service.ts): how to reach the place, and what « à vérifier » means. */
import { describe, expect, it } from "vitest";
import { siteConfig } from "../../site.config";
import { construireCatalogue, type EntreeService, type EntreeStructure } from "../../src/domain/catalogue";
import { ficheService, lienItineraire, type OptionsFiche } from "../../src/domain/fiche-service";
import { serviceFrontmatter, structureFrontmatter } from "../../src/domain/schema";

const options: OptionsFiche = {
  aujourdhui: "2026-11-30",
  urlStructure: (slug) => `/structures/${slug}/`,
  urlTheme: (slug) => `/thematiques/${slug}/`,
};
const structure: EntreeStructure = {
  slug: "ccas-chatellerault",
  donnees: structureFrontmatter.parse({ nom: "CCAS de Châtellerault", telephone: "05 36 49 20 00", date_maj: "2026-09-01" }),
  corps: "",
};
const entree = (slug: string, extra: Record<string, unknown>): EntreeService => ({
  slug,
  donnees: serviceFrontmatter.parse({
    nom: "Accueil",
    structure: "ccas-chatellerault",
    thematiques: ["difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"],
    modes_accueil: ["en-presentiel"],
    date_maj: "2026-09-01",
    ...extra,
  }),
  corps: "Accueil.",
});
const catalogue = construireCatalogue(
  [structure],
  [
    entree("exact", { adresse: "2 rue de l'Hôtel de Ville", code_postal: "86100", commune: "Châtellerault", latitude: 46.81781234, longitude: 0.5461 }),
    entree("commune-seule", { code_postal: "86100", commune: "Châtellerault" }),
    entree("a-distance", { modes_accueil: ["a-distance"], code_postal: "86100", commune: "Châtellerault", latitude: 46.8, longitude: 0.5 }),
    entree("ancien", { date_maj: "2026-05-01", telephone: "115" }),
  ],
  siteConfig.source,
);
const fiche = (slug: string) => {
  const service = catalogue.services.find((s) => s.slug === slug)!;
  return ficheService(service, catalogue.structureParSlug(service.structureSlug), options);
};

describe("fiche d'un service", () => {
  it("links to OpenStreetMap's directions page only when the exact place is known", () => {
    expect(lienItineraire({ lat: 46.81781234, lon: 0.5461 })).toBe("https://www.openstreetmap.org/directions?to=46.817812%2C0.5461");
    expect(fiche("exact").ouEtQuand.itineraire?.href).toBe("https://www.openstreetmap.org/directions?to=46.817812%2C0.5461");
    expect(fiche("exact").ouEtQuand.sansItineraire).toBeUndefined();
    // The commune's centre would lead the person to the wrong door: no link, and the page says why.
    expect(fiche("commune-seule").ouEtQuand.positionApprochee).toBe(true);
    expect(fiche("commune-seule").ouEtQuand.itineraire).toBeUndefined();
    expect(fiche("commune-seule").ouEtQuand.sansItineraire).toMatch(/seule la commune/);
    // Nowhere to go for a remote service.
    expect(fiche("a-distance").ouEtQuand.itineraire).toBeUndefined();
    expect(fiche("a-distance").ouEtQuand.sansItineraire).toBeUndefined();
  });

  it("explains « à vérifier » only for a listing older than six months", () => {
    expect(fiche("ancien").miseAJour).toMatchObject({ aVerifier: true, explication: "informations de plus de 6 mois : appelez avant de vous déplacer" });
    expect(fiche("exact").miseAJour.explication).toBeUndefined();
  });

  it("says who a short national number reaches, and links every number", () => {
    expect(fiche("ancien").contact.telephone).toEqual({ libelle: "115", href: "tel:115", quoi: "Samu social : hébergement d'urgence" });
    expect(fiche("exact").contact.telephone).toEqual({ libelle: "05 36 49 20 00", href: "tel:+33536492000", quoi: undefined });
  });
});
