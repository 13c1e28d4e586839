import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it, expect } from "vitest";
import {
  communeParCode,
  communeParNom,
  communeParSlug,
  communes,
  communesDeLEpci,
  communesParCodePostal,
  departement,
  epciParSiren,
  epcis,
} from "../../src/domain/communes.ts";
import {
  CHEMIN_SORTIE,
  CHEMINS_ENTREES,
  genererDonneesCommunes,
  serialiserDonneesCommunes,
  type EntreesGeneration,
} from "../../src/domain/communes-generation.ts";

const racine = fileURLToPath(new URL("../..", import.meta.url));
const lireJson = (chemin: string): unknown => JSON.parse(readFileSync(resolve(racine, chemin), "utf8"));

/**
 * The generation inputs, read like scripts/generate-communes.ts does: these tests check that the
 * committed src/data/communes.json is exactly what the generation produces today (reproducible
 * data), from the inputs in the repository (node_modules, data/geo/).
 */
function entrees(): EntreesGeneration {
  return {
    communes: lireJson(CHEMINS_ENTREES.communes) as EntreesGeneration["communes"],
    epci: lireJson(CHEMINS_ENTREES.epci) as EntreesGeneration["epci"],
    departements: lireJson(CHEMINS_ENTREES.departements) as EntreesGeneration["departements"],
    centres: lireJson(CHEMINS_ENTREES.centres) as EntreesGeneration["centres"],
    versionDecoupage: (lireJson(CHEMINS_ENTREES.paquetDecoupage) as { version: string }).version,
  };
}

describe("communes de la Vienne", () => {
  it("compte 265 communes et 7 EPCI", () => {
    expect(departement).toEqual({ code: "86", nom: "Vienne", region: "75", deNom: "de la Vienne" });
    expect(communes).toHaveLength(265);
    expect(epcis).toHaveLength(7);
    expect(new Set(communes.map((c) => c.code)).size).toBe(265);
    expect(new Set(communes.map((c) => c.slug)).size).toBe(265);
  });

  it("trouve Poitiers par code, code postal et slug, dans le Grand Poitiers", () => {
    const poitiers = communeParCode("86194");
    expect(poitiers?.nom).toBe("Poitiers");
    expect(poitiers?.codesPostaux).toContain("86000");
    expect(poitiers?.slug).toBe("86194-poitiers");
    expect(communeParSlug("86194-poitiers")).toBe(poitiers);
    expect(communesParCodePostal("86000")).toContain(poitiers);
    const epci = epciParSiren(poitiers?.epci ?? "");
    expect(epci?.nom).toMatch(/Grand Poitiers/);
    expect(epci?.type).toBe("CU");
    expect(communesDeLEpci(epci?.siren ?? "")).toContain(poitiers);
  });

  it("trouve Châtellerault sans accent ni majuscule, et par 86100", () => {
    const [chatellerault, ...autres] = communeParNom("chatellerault");
    expect(autres).toHaveLength(0);
    expect(chatellerault?.code).toBe("86066");
    expect(communeParNom("CHÂTELLERAULT")[0]).toBe(chatellerault);
    expect(communesParCodePostal("86100")).toContain(chatellerault);
    expect(communeParNom("saint martin la pallu")[0]?.code).toBe("86281");
    expect(communeParNom("angles sur l anglin")[0]?.nom).toBe("Angles-sur-l'Anglin");
    expect(communeParNom("nulle part")).toEqual([]);
  });

  it("résout un ancien code vers la commune d'aujourd'hui", () => {
    // Ceaux-en-Couhé (86043) a fusionné dans Valence-en-Poitou (86082) en 2019.
    expect(communeParCode("86043")?.code).toBe("86082");
    expect(communeParCode("99999")).toBeUndefined();
  });

  it("range les communes par nom et les EPCI de chaque commune", () => {
    const noms = communes.map((c) => c.nom);
    expect(noms).toEqual([...noms].sort(new Intl.Collator("fr", { sensitivity: "base", numeric: true }).compare));
    // The module does not sort (no collator at load in the browser): the generated file is in this order.
    const nomsEpci = epcis.map((e) => e.nom);
    expect(nomsEpci).toEqual([...nomsEpci].sort(new Intl.Collator("fr", { sensitivity: "base", numeric: true }).compare));
    for (const c of communes) expect(c.epci !== null && epciParSiren(c.epci)).toBeTruthy();
    expect(epcis.reduce((n, e) => n + communesDeLEpci(e.siren).length, 0)).toBe(265);
  });

  it("n'expose aucune donnée modifiable", () => {
    expect(Object.isFrozen(communes)).toBe(true);
    expect(Object.isFrozen(communes[0])).toBe(true);
    expect(Object.isFrozen(communes[0]?.centre)).toBe(true);
    expect(Object.isFrozen(communesParCodePostal("86000"))).toBe(true);
  });

  it("place chaque centre dans l'emprise de la Vienne", () => {
    for (const c of communes) {
      expect(c.centre.lat, c.nom).toBeGreaterThan(46.0);
      expect(c.centre.lat, c.nom).toBeLessThan(47.2);
      expect(c.centre.lon, c.nom).toBeGreaterThan(-0.2);
      expect(c.centre.lon, c.nom).toBeLessThan(1.3);
    }
  });
});

describe("génération des communes", () => {
  const donneesEntree = entrees();
  const centres2018 = donneesEntree.centres.centres;

  it("donne à une commune fusionnée depuis 2018 la moyenne des centres de ses anciennes communes", () => {
    // Valence-en-Poitou (2019) = Couhé (86082, dont elle garde le code) + 4 anciennes communes.
    const valence = communeParCode("86082");
    expect(valence?.nom).toBe("Valence-en-Poitou");
    const anciennes = ["86082", ...(valence?.anciensCodes ?? [])];
    expect(anciennes).toHaveLength(5);
    const points = anciennes.map((code) => centres2018[code] as number[]);
    const moyenne = (i: number) => points.reduce((s, p) => s + (p[i] ?? NaN), 0) / points.length;
    expect(valence?.centre.lon).toBeCloseTo(moyenne(0), 5);
    expect(valence?.centre.lat).toBeCloseTo(moyenne(1), 5);
    expect(valence?.centre.lon).not.toBeCloseTo(centres2018["86082"]?.[0] ?? NaN, 3);
  });

  it("calcule le centre d'une commune nouvelle absente des centres 2018, ou échoue en la nommant", () => {
    const base = {
      epci: [],
      departements: [{ code: "86", nom: "Vienne", region: "75" }],
      centres: { centres: { "86001": [0, 46], "86002": [1, 47] } },
      versionDecoupage: "test",
    };
    const nouvelle = { code: "86999", nom: "Nouvelle", type: "commune-actuelle", departement: "86", population: 1 };
    const fusion = genererDonneesCommunes(
      { ...base, communes: [{ ...nouvelle, anciensCodes: ["86001", "86002"] }] },
      "86",
    );
    expect(fusion.communes[0]?.centre).toEqual([0.5, 46.5]);
    expect(() => genererDonneesCommunes({ ...base, communes: [nouvelle] }, "86")).toThrow(/Nouvelle \(86999\)/);
  });

  it("refuse un département inconnu avec un message clair", () => {
    expect(() => genererDonneesCommunes(donneesEntree, "99")).toThrow(/Département inconnu : « 99 »/);
    expect(() => genererDonneesCommunes(donneesEntree, "vienne")).toThrow(/Code de département invalide/);
  });

  it("reproduit exactement le fichier src/data/communes.json commité", () => {
    const regenere = genererDonneesCommunes(donneesEntree, "86");
    const commite = readFileSync(resolve(racine, CHEMIN_SORTIE), "utf8");
    expect(JSON.parse(commite)).toEqual(regenere);
    expect(commite).toBe(serialiserDonneesCommunes(regenere));
  });
});
