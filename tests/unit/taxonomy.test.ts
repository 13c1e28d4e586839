import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import {
  besoins,
  frais,
  libellesCorriges,
  modesAccueil,
  modesMobilisation,
  personnesMobilisatrices,
  reseauxPorteurs,
  typesDeService,
  type Valeur,
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

// The copied official lists, read as files (what taxonomy.ts imports), and the product list derived from each.
const dossierListes = new URL("../../src/data/data-inclusion/", import.meta.url);
const listeOfficielle = (fichier: string): Array<{ value: string; label: string }> =>
  JSON.parse(readFileSync(new URL(fichier, dossierListes), "utf8"));
const listesDerivees: Record<string, readonly Valeur[]> = {
  "categories.json": categories,
  "thematiques.json": besoins,
  "types-de-services.json": typesDeService,
  "frais.json": frais,
  "publics.json": publics,
  "modes-accueil.json": modesAccueil,
  "modes-mobilisation.json": modesMobilisation,
  "personnes-mobilisatrices.json": personnesMobilisatrices,
  "reseaux-porteurs.json": reseauxPorteurs,
};

/** Levenshtein distance, to bound a correction to a few letters (an accent, a hyphen, a plural). */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let precedente = y.map((_, j) => j + 1);
  precedente.unshift(0);
  for (let i = 1; i <= x.length; i++) {
    const ligne = [i];
    for (let j = 1; j <= y.length; j++) {
      ligne[j] = Math.min(precedente[j]! + 1, ligne[j - 1]! + 1, precedente[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    precedente = ligne;
  }
  return precedente[y.length]!;
}

describe("libellés corrigés des listes data·inclusion", () => {
  it("derives a product list from every copied list", () => {
    const copies = readdirSync(dossierListes).filter((f) => f.endsWith(".json") && f !== "libelles-corriges.json");
    expect(Object.keys(listesDerivees).sort()).toEqual(copies.sort());
  });

  it("corrects « Aide materielle » into « Aide matérielle » on the pages, the copy keeping the official spelling", () => {
    expect(typesDeService.find((t) => t.value === "aide-materielle")?.label).toBe("Aide matérielle");
    expect(listeOfficielle("types-de-services.json").find((t) => t.value === "aide-materielle")?.label).toBe("Aide materielle");
  });

  it.each(libellesCorriges.map((c) => [c.liste, c.value, c] as const))(
    "%s %s: targets an existing code whose official label is still the one corrected, changed by a few letters",
    (fichier, code, correction) => {
      const officielle = listeOfficielle(fichier).find((v) => v.value === code);
      expect(officielle, `${code} absent de ${fichier}`).toBeDefined();
      // If data·inclusion fixes its label, this fails: drop the correction.
      expect(officielle?.label).toBe(correction.officiel);
      expect(correction.corrige).not.toBe(correction.officiel);
      expect(distance(correction.officiel, correction.corrige)).toBeLessThanOrEqual(2);
      expect(correction.pourquoi.length).toBeGreaterThan(0);
      expect(listesDerivees[fichier]?.find((v) => v.value === code)?.label).toBe(correction.corrige);
    },
  );

  it("shows every other label exactly as the official list spells it", () => {
    const corriges = new Set(libellesCorriges.map((c) => `${c.liste}:${c.value}`));
    expect(corriges.size).toBe(libellesCorriges.length);
    for (const [fichier, derivee] of Object.entries(listesDerivees)) {
      const officielle = listeOfficielle(fichier);
      expect(derivee.map((v) => v.value).sort(), fichier).toEqual(officielle.map((v) => v.value).sort());
      for (const v of officielle) {
        if (corriges.has(`${fichier}:${v.value}`)) continue;
        expect(derivee.find((d) => d.value === v.value)?.label, `${fichier} ${v.value}`).toBe(v.label);
      }
    }
  });
});
