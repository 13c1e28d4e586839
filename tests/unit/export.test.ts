/** The open-data files: CSV in the national dump's layout, GeoJSON, the list of files; all against the official v1 schemas. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { construireCatalogue, type EntreeService, type EntreeStructure } from "../../src/domain/catalogue";
import {
  csvServices,
  csvStructures,
  exporterCatalogue,
  fichiersOuverts,
  geojsonEnTexte,
  geojsonServices,
  geojsonStructures,
  tailleEnClair,
  TYPES_CONTENU,
  type OptionsExport,
} from "../../src/domain/export";
import { COLONNES_DUMP } from "../../src/domain/data-inclusion/format-dump";
import { serviceFrontmatter, structureFrontmatter } from "../../src/domain/schema";
import { relireCsv, surColonnes } from "../outils/relire-export";

const options: OptionsExport = {
  urlService: (slug) => `https://exemple.fr/services/${slug}/`,
  urlStructure: (slug) => `https://exemple.fr/structures/${slug}/`,
};

const structure = (slug: string, donnees: Record<string, unknown>, corps = "Une structure du territoire."): EntreeStructure => ({
  slug,
  donnees: structureFrontmatter.parse({ nom: `Structure ${slug}`, date_maj: "2026-09-01", ...donnees }),
  corps,
});

const service = (slug: string, structureSlug: string, extra: Record<string, unknown>, corps = "Aide aux démarches. Sur rendez-vous."): EntreeService => ({
  slug,
  donnees: serviceFrontmatter.parse({
    nom: `Service ${slug}`,
    structure: structureSlug,
    thematiques: ["difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"],
    modes_accueil: ["en-presentiel"],
    date_maj: "2026-10-01",
    ...extra,
  }),
  corps,
});

const catalogue = construireCatalogue(
  [
    structure("ccas-chatellerault", {
      adresse: "2 rue de l'Hôtel de Ville",
      code_postal: "86100",
      commune: "Châtellerault",
      code_insee: "86066",
      latitude: 46.8178,
      longitude: 0.5461,
      reseaux_porteurs: ["ccas-cias"],
    }),
    // No address at all: its services have no place unless they give one.
    structure("plateforme-telephonique", {}, ""),
  ],
  [
    service(
      "atelier-cv",
      "ccas-chatellerault",
      {
        thematiques: ["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation", "numerique--maitriser-les-fondamentaux-du-numerique"],
        publics: ["demandeurs-emploi"],
        nombre_semaines: 3,
        volume_horaire_hebdomadaire: 2.5,
        conditions_acces: 'Venir avec un "CV", même ancien, et une clé USB',
      },
      "Un atelier en groupe.\n\nChaque participant repart avec :\n- un CV à jour ;\n- une lettre type.",
    ),
    service("permanence-naintre", "ccas-chatellerault", { adresse: "Mairie", code_postal: "86530", commune: "Naintré", code_insee: "86174" }),
    service("ecoute-telephone", "plateforme-telephonique", { modes_accueil: ["a-distance"], zone_eligibilite: ["86"] }),
  ],
  "carto-insertion-86",
);
const exporte = exporterCatalogue(catalogue, options);
const parNom = (nom: string) => exporte.services.find((s) => s.nom === nom)!;

describe("CSV au format du fichier national data·inclusion", () => {
  const csv = csvServices(exporte.services);
  const lignes = csv.split("\n");

  it("has the dump's header, in its order, with an empty score_qualite column", () => {
    expect(lignes[0]).toBe(COLONNES_DUMP.service.join(","));
    expect(csvStructures(exporte.structures).split("\n")[0]).toBe(COLONNES_DUMP.structure.join(","));
    const { lignes: relues } = relireCsv(csv);
    expect(relues.map((l) => l.score_qualite)).toEqual([null, null, null]);
  });

  it("writes UTF-8 text without BOM, lines ended by \\n alone, one header and one line per record", () => {
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv).not.toContain("\r");
    expect(csv.endsWith("\n")).toBe(true);
    expect(relireCsv(csv).lignes).toHaveLength(3);
  });

  it("has a column for every field of a record: nothing is left out", () => {
    for (const e of [...exporte.services]) expect(Object.keys(e).filter((c) => !COLONNES_DUMP.service.includes(c))).toEqual([]);
    for (const e of [...exporte.structures]) expect(Object.keys(e).filter((c) => !COLONNES_DUMP.structure.includes(c))).toEqual([]);
  });

  it("writes lists as Python list text, quoted only when they hold a comma", () => {
    const atelier = lignes.find((l) => l.includes("Service atelier-cv"))!;
    expect(atelier).toContain(`,"['preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation', 'numerique--maitriser-les-fondamentaux-du-numerique']",`);
    expect(atelier).toContain(",['en-presentiel'],");
    expect(csv).toContain(`,"Venir avec un ""CV"", même ancien, et une clé USB",`);
  });

  it("quotes a description on several lines, whole", () => {
    expect(csv).toContain(`,"Un atelier en groupe.\n\nChaque participant repart avec :\n- un CV à jour ;\n- une lettre type.",`);
  });

  it("leaves a null field's cell empty, and writes numbers as JavaScript prints them (3, not pandas' 3.0)", () => {
    const naintre = lignes.find((l) => l.includes(",Service permanence-naintre,"))!;
    // Its own address without coordinates: longitude and latitude empty, between the name and the address.
    expect(naintre).toContain(",Service permanence-naintre,,,,Naintré,Mairie,86530,86174,,,,");
    expect(naintre.endsWith(",")).toBe(true); // score_qualite, last
    // nombre_semaines, volume_horaire_hebdomadaire, zone_eligibilite (null), nom: on the record's last line.
    expect(lignes.find((l) => l.includes(",Service atelier-cv,"))).toContain(",3,2.5,,Service atelier-cv,");
  });

  it("reads back, with a CSV parser and a Python-list decoder, into the JSON records, field by field", () => {
    for (const [csvTexte, enregistrements, colonnes] of [
      [csv, exporte.services, COLONNES_DUMP.service],
      [csvStructures(exporte.structures), exporte.structures, COLONNES_DUMP.structure],
    ] as const) {
      const relu = relireCsv(csvTexte);
      expect(relu.lignes).toEqual(enregistrements.map((e) => surColonnes(e, colonnes)));
    }
    expect(relireCsv(csv).lignes.find((l) => l.nom === "Service atelier-cv")).toMatchObject({ nombre_semaines: 3, volume_horaire_hebdomadaire: 2.5 });
  });
});

describe("GeoJSON", () => {
  const fc = geojsonServices(catalogue.services, options);
  const feature = (nom: string) => fc.features.find((f) => f.properties.nom === nom)!;

  it("has one feature per service, in the records' order, with the v1 record as its properties", () => {
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.features.map(({ properties: { position_approchee: _, ...record } }) => record)).toEqual(exporte.services);
  });

  it("places a service at its (inherited) place's coordinates, [longitude, latitude]", () => {
    expect(feature("Service atelier-cv")).toMatchObject({
      type: "Feature",
      geometry: { type: "Point", coordinates: [0.5461, 46.8178] },
      properties: { latitude: 46.8178, longitude: 0.5461, position_approchee: false },
    });
  });

  it("places a service without coordinates at its commune's centre, and says so; its record keeps null coordinates", () => {
    const naintre = feature("Service permanence-naintre");
    expect(naintre.properties).toMatchObject({ position_approchee: true, latitude: null, longitude: null, commune: "Naintré" });
    const [lon, lat] = naintre.geometry!.coordinates;
    expect(lat).toBe(catalogue.serviceParSlug("permanence-naintre")!.lieu!.position!.lat);
    expect(lon).toBeGreaterThan(0.4);
    expect(lon).toBeLessThan(0.6);
  });

  it("keeps a service with no place (remote only) as a feature without geometry", () => {
    expect(feature("Service ecoute-telephone")).toMatchObject({ geometry: null, properties: { position_approchee: null, modes_accueil: ["a-distance"] } });
  });

  it("writes structures the same way", () => {
    const structures = geojsonStructures(catalogue.structures, options);
    expect(structures.features.map(({ properties: { position_approchee: _, ...record } }) => record)).toEqual(exporte.structures);
    expect(structures.features.map((f) => f.geometry?.coordinates ?? null)).toEqual(
      exporte.structures.map((s) => (s.longitude === null ? null : [s.longitude, s.latitude])),
    );
  });

  it("is written one feature per line, and parses back to the same object", () => {
    const texte = geojsonEnTexte(fc);
    expect(JSON.parse(texte)).toEqual(fc);
    expect(texte.split("\n")).toHaveLength(fc.features.length + 3);
  });
});

describe("records of every file against the official data·inclusion v1 JSON Schemas", () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const lire = (nom: string) => JSON.parse(readFileSync(new URL(`../fixtures/data-inclusion-schema/${nom}`, import.meta.url), "utf8"));
  const validerService = ajv.compile(lire("service.json"));
  const validerStructure = ajv.compile(lire("structure.json"));
  const fichiers = fichiersOuverts(catalogue, options);
  const contenu = (nom: string) => fichiers.find((f) => f.nom === nom)!.contenu;
  // What a CSV row says, as a record: its columns that the schema knows, empty cells left out.
  const depuisCsv = (ligne: Record<string, unknown>) => Object.fromEntries(Object.entries(ligne).filter(([c, v]) => v !== null && c !== "score_qualite"));
  const depuisGeojson = (f: { properties: Record<string, unknown> }) => {
    const { position_approchee: _, ...record } = f.properties;
    return record;
  };
  const cas = [
    ["services.json", validerService, (t: string) => JSON.parse(t)],
    ["services.csv", validerService, (t: string) => relireCsv(t).lignes.map(depuisCsv)],
    ["services.geojson", validerService, (t: string) => JSON.parse(t).features.map(depuisGeojson)],
    ["structures.json", validerStructure, (t: string) => JSON.parse(t)],
    ["structures.csv", validerStructure, (t: string) => relireCsv(t).lignes.map(depuisCsv)],
    ["structures.geojson", validerStructure, (t: string) => JSON.parse(t).features.map(depuisGeojson)],
  ] as const;
  it.each(cas)("%s", (nom, valider, lireEnregistrements) => {
    const enregistrements: object[] = lireEnregistrements(contenu(nom));
    expect(enregistrements.length).toBe(nom.startsWith("services") ? 3 : 2);
    for (const e of enregistrements) expect(valider(e), JSON.stringify(valider.errors)).toBe(true);
  });
});

describe("liste des fichiers ouverts", () => {
  const fichiers = fichiersOuverts(catalogue, options);

  it("lists JSON, CSV and GeoJSON for services and structures, with their record count and size in bytes", () => {
    expect(fichiers.map((f) => f.nom)).toEqual([
      "services.json",
      "services.csv",
      "services.geojson",
      "structures.json",
      "structures.csv",
      "structures.geojson",
    ]);
    expect(fichiers.map((f) => f.nombre)).toEqual([3, 3, 3, 2, 2, 2]);
    for (const f of fichiers) expect(f.octets).toBe(Buffer.byteLength(f.contenu, "utf8"));
    expect(fichiers.find((f) => f.nom === "services.csv")!.contenu).toBe(csvServices(exporte.services));
    // The JSON files stay as they were: an array of records, indented by one space.
    expect(fichiers.find((f) => f.nom === "services.json")!.contenu).toBe(JSON.stringify(exporte.services, null, 1));
  });

  it("serves each format with its media type", () => {
    expect(TYPES_CONTENU).toEqual({ json: "application/json; charset=utf-8", csv: "text/csv; charset=utf-8", geojson: "application/geo+json" });
  });

  it("says a size in French", () => {
    expect([0, 1, 850, 1000, 4_249, 37_400, 999_400, 999_600, 1_340_000].map(tailleEnClair)).toEqual([
      "0 octet",
      "1 octet",
      "850 octets",
      "1 ko",
      "4,2 ko",
      "37 ko",
      "999 ko",
      "1 Mo",
      "1,3 Mo",
    ]);
  });
});
