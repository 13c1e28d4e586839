/** The shipped demonstration catalogue: valid, and rich enough to show the whole product. */
import { describe, expect, it } from "vitest";
import { validerDossier } from "../../src/domain/validation";
import { construireCatalogue } from "../../src/domain/catalogue";
import { categories, publics } from "../../src/domain/taxonomy";
import { communeDuLieu } from "../../src/domain/catalogue";
import { epcis, communeParCode } from "../../src/domain/communes";
import { siteConfig } from "../../site.config";

const resultat = validerDossier("content");
const catalogue = construireCatalogue(resultat.structures, resultat.services, siteConfig.source);

describe("catalogue de démonstration", () => {
  it("passes the validator with no error", () => {
    expect(resultat.problemes.filter((p) => p.gravite === "erreur")).toEqual([]);
    expect(catalogue.structures.length).toBeGreaterThanOrEqual(30);
    expect(catalogue.services.length).toBeGreaterThanOrEqual(120);
  });

  it("covers every data·inclusion category", () => {
    const utilisees = new Set(catalogue.services.flatMap((s) => s.thematiques.map((t) => t.split("--")[0])));
    expect(categories.filter((c) => !utilisees.has(c.value)).map((c) => c.value)).toEqual([]);
  });

  it("has places in at least 40 communes and touches all EPCI", () => {
    const lieux = [...catalogue.services, ...catalogue.structures].flatMap((s) => (s.lieu ? [communeDuLieu(s.lieu)?.code] : []));
    expect(new Set(lieux.filter(Boolean)).size).toBeGreaterThanOrEqual(40);
    const epciTouches = new Set([
      ...lieux.map((c) => (c ? communeParCode(c)?.epci : undefined)),
      ...catalogue.services.flatMap((s) => s.zone_eligibilite ?? []),
    ]);
    expect(epcis.filter((e) => !epciTouches.has(e.siren)).map((e) => e.nom)).toEqual([]);
  });

  it("serves the publics the département targets, in person and remotely, free and paid", () => {
    const publicsUtilises = new Set(catalogue.services.flatMap((s) => s.publics ?? []));
    for (const p of ["beneficiaires-des-minimas-sociaux", "demandeurs-emploi", "personnes-en-situation-de-handicap", "jeunes"]) {
      expect(publicsUtilises.has(p), p).toBe(true);
      expect(publics.some((v) => v.value === p)).toBe(true);
    }
    const modes = (m: string) => catalogue.services.filter((s) => s.modes_accueil.join() === m).length;
    expect(modes("en-presentiel")).toBeGreaterThan(0);
    expect(modes("a-distance")).toBeGreaterThan(0);
    expect(catalogue.services.filter((s) => s.frais === "payant").length).toBeGreaterThan(0);
    expect(catalogue.services.filter((s) => s.frais === "gratuit").length).toBeGreaterThan(0);
    expect(catalogue.services.filter((s) => s.horaires_accueil).length).toBeGreaterThanOrEqual(5);
  });

  it("gives every service its own share code, and shows one renamed service (old address, same open-data id)", () => {
    expect(new Set(catalogue.services.map((s) => s.code)).size).toBe(catalogue.services.length);
    const renommes = catalogue.services.filter((s) => s.anciensSlugs.length > 0);
    expect(renommes.length).toBeGreaterThanOrEqual(1);
    for (const s of renommes) {
      expect(s.id).toBe(`${siteConfig.source}--${s.anciensSlugs[0]}`);
      for (const ancien of s.anciensSlugs) expect(catalogue.serviceParSlug(ancien), ancien).toBeUndefined();
    }
  });

  it("uses only fictional contact details", () => {
    for (const s of [...catalogue.services, ...catalogue.structures]) {
      if (s.courriel) expect(s.courriel, s.slug).toMatch(/[@.]example\.org$/);
      if (s.telephone) expect(s.telephone.replace(/\s/g, ""), s.slug).toMatch(/^(053649\d{4}|115)$/);
      expect((s as { siret?: string }).siret, s.slug).toBeUndefined();
    }
  });
});
