import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import {
  besoins,
  categories,
  categorieDuCode,
  themeDuCode,
  themeParSlug,
  themes,
  publics,
  TOUS_PUBLICS,
} from "../../src/domain/taxonomy";

const schemaService = JSON.parse(
  readFileSync(new URL("../fixtures/data-inclusion-schema/service.json", import.meta.url), "utf8"),
);

describe("taxonomie", () => {
  it("offers the 16 data·inclusion categories and the 69 needs of the official schema", () => {
    expect(categories).toHaveLength(16);
    expect(besoins.map((b) => b.value).sort()).toEqual([...schemaService.$defs.Thematique.enum].sort());
  });

  it("puts every category in exactly one of the six themes", () => {
    expect(themes.map((t) => t.slug)).toEqual(["emploi", "formation", "logement", "sante", "mobilite", "vie-quotidienne"]);
    const dansLesThemes = themes.flatMap((t) => t.categories.map((c) => c.value));
    expect(new Set(dansLesThemes).size).toBe(dansLesThemes.length);
    expect([...dansLesThemes].sort()).toEqual(categories.map((c) => c.value).sort());
  });

  it("labels needs in French and finds the theme and category of a code", () => {
    const besoin = besoins.find((b) => b.value === "mobilite--preparer-un-permis");
    expect(besoin?.label).toMatch(/permis/i);
    expect(themeDuCode("mobilite--preparer-un-permis")?.slug).toBe("mobilite");
    expect(themeDuCode("numerique")?.slug).toBe("formation");
    expect(categorieDuCode("logement-hebergement--inconnu")?.label).toBe("Logement et hébergement");
    expect(themeParSlug("sante")?.label).toBe("Santé");
    expect(themeParSlug("inconnu")).toBeUndefined();
  });

  it("lists the publics of the standard, tous-publics included", () => {
    expect(publics.map((p) => p.value).sort()).toEqual([...schemaService.$defs.Public.enum].sort());
    expect(publics.some((p) => p.value === TOUS_PUBLICS)).toBe(true);
  });
});
