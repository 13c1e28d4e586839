/** Service codes (selection/code.ts) and the stable identity of a renamed service (catalogue.ts). */
import { describe, expect, it } from "vitest";
import { construireCatalogue, idDataInclusion, type EntreeService, type EntreeStructure } from "../../src/domain/catalogue";
import { serviceFrontmatter, structureFrontmatter } from "../../src/domain/schema";
import { codeDeService, MOTIF_CODE_SERVICE } from "../../src/domain/selection/code";

describe("codeDeService", () => {
  it("donne 8 caractères de base32 de Crockford (sans i, l, o, u), et MOTIF_CODE_SERVICE les reconnaît exactement", () => {
    for (const id of ["carto-insertion-86--atelier-cv", "", "é€😀", "x".repeat(500)]) {
      const code = codeDeService(id);
      expect(code, id).toMatch(/^[0-9a-hjkmnp-tv-z]{8}$/);
      expect(MOTIF_CODE_SERVICE.test(code)).toBe(true);
    }
    for (const faux of ["ab12cd3", "ab12cd345", "AB12CD34", "ab12cd3i", "ab12cdlo", "ab12cd3u", " ab12cd34", "ab12-d34"]) {
      expect(MOTIF_CODE_SERVICE.test(faux), faux).toBe(false);
    }
  });

  it("est FNV-1a 64 bits (UTF-8) réduit à ses 40 bits de poids fort : stable pour toujours", () => {
    // Reference vectors: FNV-1a 64 of "" is the offset basis 0xcbf29ce484222325, of "a" 0xaf63dc4c8601ec8c.
    expect(codeDeService("")).toBe("sfs9ss44");
    expect(codeDeService("a")).toBe("nxhxrk46");
    expect(codeDeService("carto-insertion-86--permis-b-auto-ecole-sociale")).toBe("aegz0yr0");
  });

  it("donne ce que donne FNV-1a 64 bits calculé en BigInt (implémentation de référence)", () => {
    const reference = (id: string) => {
      let h = 0xcbf29ce484222325n;
      for (const octet of new TextEncoder().encode(id)) h = ((h ^ BigInt(octet)) * 0x100000001b3n) & 0xffffffffffffffffn;
      return (h >> 24n).toString(32).padStart(8, "0").replace(/[a-v]/g, (c) => "abcdefghjkmnpqrstvwxyz"[parseInt(c, 32) - 10]!);
    };
    const ids = ["", "a", "carto-insertion-86--atelier-cv", "Œuvre d’entraide – 2ᵉ 😀", ...Array.from({ length: 2000 }, (_, i) => `s-${i * 7919}-${"é".repeat(i % 9)}`)];
    for (const id of ids) expect(codeDeService(id), id).toBe(reference(id));
  });

  it("sépare 10 000 identifiants proches sans collision", () => {
    const codes = new Set(Array.from({ length: 10_000 }, (_, i) => codeDeService(`carto-insertion-86--service-${i}`)));
    expect(codes.size).toBe(10_000);
  });
});

describe("un service renommé garde son identifiant et son code", () => {
  const structure: EntreeStructure = {
    slug: "ccas",
    donnees: structureFrontmatter.parse({ nom: "CCAS d'essai", code_postal: "86000", commune: "Poitiers", date_maj: "2026-09-01" }),
    corps: "",
  };
  const service = (slug: string, extra: Record<string, unknown> = {}): EntreeService => ({
    slug,
    donnees: serviceFrontmatter.parse({
      nom: `Service ${slug}`,
      structure: "ccas",
      thematiques: ["numerique--acquerir-un-equipement"],
      modes_accueil: ["a-distance"],
      date_maj: "2026-10-01",
      ...extra,
    }),
    corps: "Une description.",
  });
  const avant = construireCatalogue([structure], [service("atelier-cv")], "carto-insertion-86");
  const apres = construireCatalogue(
    [structure],
    [service("atelier-cv-et-lettre", { anciens_slugs: ["atelier-cv", "atelier-cv-lettre"] }), service("autre")],
    "carto-insertion-86",
  );

  it("id data·inclusion tiré du premier nom du fichier, code tiré de l'id", () => {
    const a = avant.serviceParSlug("atelier-cv")!;
    const b = apres.serviceParSlug("atelier-cv-et-lettre")!;
    expect(a.id).toBe("carto-insertion-86--atelier-cv");
    expect(b.id).toBe(a.id);
    expect(b.code).toBe(a.code);
    expect(b.code).toBe(codeDeService(idDataInclusion("carto-insertion-86", "atelier-cv")));
    expect(b.anciensSlugs).toEqual(["atelier-cv", "atelier-cv-lettre"]);
    expect(a.anciensSlugs).toEqual([]);
    expect("anciens_slugs" in b).toBe(false);
  });

  it("le catalogue retrouve un service par son code et par ses anciens noms", () => {
    const b = apres.serviceParSlug("atelier-cv-et-lettre")!;
    expect(apres.serviceParCode(b.code)).toBe(b);
    expect(apres.serviceParCode("zzzzzzzz")).toBeUndefined();
    expect(apres.serviceParAncienSlug("atelier-cv")).toBe(b);
    expect(apres.serviceParAncienSlug("atelier-cv-lettre")).toBe(b);
    expect(apres.serviceParAncienSlug("autre")).toBeUndefined();
    expect(apres.serviceParSlug("atelier-cv")).toBeUndefined();
  });
});
