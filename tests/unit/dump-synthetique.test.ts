import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sourcesDuGenerateur } from "../../bench/import/dump-en-cache";
import { genererDump, nomsFichiers, OPTIONS_PAR_DEFAUT, type Manifeste, type OptionsDump } from "../../bench/import/dump-synthetique";
import { HORAIRES_INVALIDES } from "../../bench/import/vocabulaire";
import donneesCommunes from "../../src/data/communes.json" with { type: "json" };
import { COLONNES_DUMP, COLONNES_LISTES, decoderListePython } from "../../src/domain/data-inclusion/format-dump";
import { estJourValide } from "../../src/domain/dates";
import { verifierHoraires } from "../../src/domain/horaires";
import { besoinParCode } from "../../src/domain/taxonomy";

type Enregistrement = Record<string, unknown>;

const racine = resolve(import.meta.dirname, "../..");
const options: OptionsDump = { ...OPTIONS_PAR_DEFAUT, structures: 3_000, services: 4_000 };
const date = options.date;
let dossier: string;
let manifeste: Manifeste;
const lus: Record<string, { texte: string; json?: Enregistrement[]; csv?: string[][] }> = {};

function lire(nom: string) {
  lus[nom] ??= { texte: readFileSync(join(dossier, nom), "utf8") };
  return lus[nom];
}
const json = (genre: "structures" | "services") => {
  const f = lire(nomsFichiers(date, "json")[genre]);
  return (f.json ??= JSON.parse(f.texte) as Enregistrement[]);
};
const csv = (genre: "structures" | "services") => {
  const f = lire(nomsFichiers(date, "csv")[genre]);
  return (f.csv ??= parse(f.texte, { relaxColumnCount: false }) as string[][]);
};

beforeAll(() => {
  dossier = mkdtempSync(join(tmpdir(), "dump-synthetique-test-"));
  manifeste = genererDump(racine, dossier, options);
}, 60_000);
afterAll(() => rmSync(dossier, { recursive: true, force: true }));

// The dump's day: its JSON gives epoch milliseconds; a day the schema accepts is from 2000 to the dump's date.
const jourJson = (v: unknown) => (typeof v === "number" ? new Date(v).toISOString().slice(0, 10) : v);
const dateAcceptable = (jour: unknown) => typeof jour === "string" && estJourValide(jour) && jour >= "2000-01-01" && jour <= date;

describe("the synthetic dump's files", () => {
  it("are the dump's four files, with the requested numbers of records", () => {
    expect(manifeste.fichiers.map((f) => f.nom).sort()).toEqual(
      [...Object.values(nomsFichiers(date, "json")), ...Object.values(nomsFichiers(date, "csv"))].sort(),
    );
    expect(json("structures")).toHaveLength(3_000);
    expect(json("services")).toHaveLength(4_000);
    for (const f of manifeste.fichiers) expect(Buffer.byteLength(lire(f.nom).texte)).toBe(f.octets);
  });

  it("JSON: one compact array of flat records, every column in the dump's order, as pandas writes them", () => {
    for (const [genre, colonnes] of [["structures", COLONNES_DUMP.structure], ["services", COLONNES_DUMP.service]] as const) {
      const texte = lire(nomsFichiers(date, "json")[genre]).texte;
      expect(texte.startsWith("[{")).toBe(true);
      expect(texte.includes("\n[") || texte.includes("}\n")).toBe(false);
      // Non-ASCII kept, forward slashes escaped (pandas' ujson).
      expect(texte).toMatch(/[éèàç]/);
      expect(texte).not.toMatch(/\\u00e9/);
      expect(texte).toContain("https:\\/\\/");
      for (const e of json(genre)) expect(Object.keys(e)).toEqual(colonnes);
    }
    const services = json("services");
    expect(services.every((s) => typeof s.date_maj === "number" || typeof s.date_maj === "string")).toBe(true);
    expect(services.filter((s) => typeof s.date_maj === "number").length).toBeGreaterThan(3_900);
    // Integers of float columns written as floats.
    expect(lire(nomsFichiers(date, "json").services).texte).toMatch(/"nombre_semaines":\d+\.0,/);
  });

  it("CSV: header in the dump's column order, Python list cells, floats as 3.0, multi-line quoted descriptions; the same records as the JSON", () => {
    for (const [genre, colonnes] of [["structures", COLONNES_DUMP.structure], ["services", COLONNES_DUMP.service]] as const) {
      const [entete, ...lignes] = csv(genre);
      expect(entete).toEqual(colonnes);
      expect(lignes).toHaveLength(json(genre).length);
      const enJson = json(genre);
      // Differences collected first: an expect() per cell is too slow for 200,000 cells.
      const differences: string[] = [];
      lignes.forEach((ligne, k) => {
        const e = enJson[k]!;
        colonnes.forEach((c, i) => {
          const cellule = ligne[i]!;
          const v = e[c];
          const attendu =
            v === null ? "" : COLONNES_LISTES.has(c) ? JSON.stringify(v) : c === "date_maj" ? jourJson(v) : v;
          const lu = v !== null && COLONNES_LISTES.has(c) ? JSON.stringify(decoderListePython(cellule)) : typeof v === "number" && c !== "date_maj" ? Number(cellule) : cellule;
          if (lu !== attendu) differences.push(`${e.id} ${c}: ${JSON.stringify(cellule)} ≠ ${JSON.stringify(v)}`);
        });
      });
      expect(differences.slice(0, 5)).toEqual([]);
    }
    const texte = lire(nomsFichiers(date, "csv").services).texte;
    expect(texte).toMatch(/,\d+\.0,/);
    expect(texte).toContain("['en-presentiel']");
    expect(texte).toContain("\"['en-presentiel', 'a-distance']\"");
    const i = COLONNES_DUMP.service.indexOf("nombre_semaines");
    const semaines = csv("services").slice(1).map((l) => l[i]!).filter((x) => x !== "");
    expect(semaines.length).toBeGreaterThan(0);
    expect(semaines.every((x) => /^\d+\.0$/.test(x))).toBe(true);
    expect(csv("services").slice(1).some((l) => l[COLONNES_DUMP.service.indexOf("description")]!.includes("\n"))).toBe(true);
  }, 30_000);
});

describe("the synthetic dump's records", () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const schema = (nom: string) => JSON.parse(readFileSync(resolve(racine, "tests/fixtures/data-inclusion-schema", nom), "utf8"));
  const validerService = ajv.compile(schema("service.json"));
  const validerStructure = ajv.compile(schema("structure.json"));
  const avecJour = (e: Enregistrement) => ({ ...e, date_maj: jourJson(e.date_maj) });

  it("are valid against the official v1 JSON Schemas, except those given a problem on purpose, which the manifest counts", () => {
    const problemes = { thematiqueInconnue: 0, dateInvalideServices: 0, dateInvalideStructures: 0, sansModesAccueil: 0 };
    const refuses: string[] = [];
    for (const s of json("services")) {
      const themeInconnu = (s.thematiques as string[] | null)?.some((t) => !besoinParCode(t)) ?? false;
      const mauvaiseDate = !dateAcceptable(jourJson(s.date_maj));
      if (themeInconnu) problemes.thematiqueInconnue++;
      if (mauvaiseDate) problemes.dateInvalideServices++;
      if (s.modes_accueil === null) problemes.sansModesAccueil++;
      // The dump's future dates and 1970 are syntactically valid: the schema only refuses malformed ones and unknown codes.
      const valide = validerService(avecJour(s));
      if (!themeInconnu && !mauvaiseDate && !valide) refuses.push(`${s.id} ${JSON.stringify(validerService.errors)}`);
      if (themeInconnu && valide) refuses.push(`${s.id} : thématique inconnue acceptée`);
    }
    for (const s of json("structures")) {
      const mauvaiseDate = !dateAcceptable(jourJson(s.date_maj));
      if (mauvaiseDate) problemes.dateInvalideStructures++;
      else if (!validerStructure(avecJour(s))) refuses.push(`${s.id} ${JSON.stringify(validerStructure.errors)}`);
    }
    expect(refuses.slice(0, 5)).toEqual([]);
    expect(problemes).toEqual({
      thematiqueInconnue: manifeste.problemes.thematiqueInconnue,
      dateInvalideServices: manifeste.problemes.dateInvalideServices,
      dateInvalideStructures: manifeste.problemes.dateInvalideStructures,
      sansModesAccueil: manifeste.problemes.sansModesAccueil,
    });
    expect(Object.values(problemes).every((n) => n > 0)).toBe(true);
  }, 30_000);

  it("have unique ids `source--local`, services pointing at a structure of the same source", () => {
    const structures = new Map(json("structures").map((s) => [s.id as string, s]));
    expect(structures.size).toBe(3_000);
    const ids = new Set<string>();
    for (const s of json("services")) {
      expect(s.id).toMatch(new RegExp(`^${s.source}--.+`));
      expect(ids.has(s.id as string)).toBe(false);
      ids.add(s.id as string);
      expect(structures.get(s.structure_id as string)?.source).toBe(s.source);
    }
    expect(new Set(json("services").map((s) => s.source)).size).toBeGreaterThanOrEqual(8);
    expect([...structures.keys()].some((id) => /[^\x00-\x7f]/.test(id))).toBe(true);
  });

  it("hold OSM opening hours, and the free text some producers send instead", () => {
    const invalides = new Set(HORAIRES_INVALIDES);
    const distinctes = new Set<string>();
    let nonOsm = 0;
    for (const e of [...json("structures"), ...json("services")]) {
      const h = e.horaires_accueil as string | null;
      if (h === null) continue;
      if (invalides.has(h)) nonOsm++;
      distinctes.add(h);
    }
    for (const h of distinctes) expect(verifierHoraires(h).ok, h).toBe(!invalides.has(h));
    expect(nonOsm).toBe(manifeste.problemes.horairesNonOsm);
    expect(nonOsm).toBeGreaterThan(0);
  });

  it("have descriptions of a few hundred to a few thousand characters, some in HTML", () => {
    const longueurs = json("services").map((s) => (s.description as string).length).sort((a, b) => a - b);
    expect(longueurs[Math.floor(longueurs.length / 2)]).toBeGreaterThan(600);
    expect(longueurs[Math.floor(longueurs.length * 0.95)]).toBeGreaterThan(2_500);
    expect(longueurs.at(-1)).toBeLessThanOrEqual(10_000);
    const html = json("services").filter((s) => /<p>|<li>/.test(s.description as string)).length;
    expect(html).toBe(manifeste.servicesEnHtml);
    expect(html).toBeGreaterThan(100);
  });

  it("agree on commune, postal code and position (the Vienne's communes as the site knows them)", () => {
    const communes = new Map(donneesCommunes.communes.map((c) => [c.code, c]));
    let vues = 0;
    for (const e of [...json("structures"), ...json("services")]) {
      const code = e.code_insee as string | null;
      if (!code?.startsWith("86")) continue;
      const c = communes.get(code);
      expect(c, code).toBeDefined();
      expect(e.commune).toBe(c!.nom);
      expect(c!.codesPostaux).toContain(e.code_postal);
      if (e.latitude !== null) {
        const [lon, lat] = c!.centre as [number, number];
        expect(Math.abs((e.latitude as number) - lat)).toBeLessThan(0.02);
        expect(Math.abs((e.longitude as number) - lon)).toBeLessThan(0.02);
      }
      vues++;
    }
    expect(vues).toBeGreaterThan(30);
  });

  it("include duplicates: a structure published again by another source, same SIRET and commune", () => {
    const parSiret = new Map<string, Enregistrement[]>();
    for (const s of json("structures")) if (s.siret) parSiret.set(`${s.siret} ${s.code_insee}`, [...(parSiret.get(`${s.siret} ${s.code_insee}`) ?? []), s]);
    const groupes = [...parSiret.values()].filter((g) => g.length > 1);
    expect(groupes.reduce((n, g) => n + g.length - 1, 0)).toBe(manifeste.doublons);
    expect(groupes.every((g) => new Set(g.map((s) => s.source)).size > 1 || g.length > 2)).toBe(true);
    expect(manifeste.vienne.structuresDoublons).toBeGreaterThan(0);
  });
});

describe("the Vienne's share", () => {
  const vienne = new Set(donneesCommunes.communes.map((c) => c.code));
  const epci = new Set(donneesCommunes.epci.map((e) => e.siren));
  const situe = (e: Enregistrement) => typeof e.code_insee === "string" && vienne.has(e.code_insee);

  it("is what was asked: 1 % of structures located in the Vienne, 4 % of services national and remote", () => {
    expect(json("structures").filter(situe)).toHaveLength(30);
    expect(manifeste.vienne.structuresSituees).toBe(30);
    const distance = json("services").filter(
      (s) => JSON.stringify(s.modes_accueil) === '["a-distance"]' && JSON.stringify(s.zone_eligibilite) === '["france"]',
    );
    expect(distance).toHaveLength(160);
  });

  it("counts, in the manifest, the services that concern the Vienne: located there, remote for all France, or of a zone that covers it", () => {
    const structures = new Map(json("structures").map((s) => [s.id as string, s]));
    const compte = { situes: 0, structureAilleurs: 0, distance: 0, zone: 0 };
    const concernees = new Set(json("structures").filter(situe).map((s) => s.id as string));
    for (const s of json("services")) {
      const zone = (s.zone_eligibilite as string[] | null) ?? [];
      const couvre = zone.some((z) => z === "86" || vienne.has(z) || epci.has(z));
      if (situe(s)) {
        compte.situes++;
        if (!situe(structures.get(s.structure_id as string)!)) compte.structureAilleurs++;
      } else if (zone.includes("france")) compte.distance++;
      else if (couvre) compte.zone++;
      else continue;
      concernees.add(s.structure_id as string);
    }
    const v = manifeste.vienne;
    expect(compte).toEqual({ situes: v.servicesSitues, structureAilleurs: v.servicesSituesStructureAilleurs, distance: v.servicesADistanceFrance, zone: v.servicesZoneCouvrante });
    expect(v.servicesConcernes).toBe(compte.situes + compte.distance + compte.zone);
    expect(concernees.size).toBe(v.structuresConcernees);
    // About 1 % of the services are located there; neighbours' services cover it.
    expect(compte.situes / 4_000).toBeGreaterThan(0.005);
    expect(compte.situes / 4_000).toBeLessThan(0.02);
    expect(compte.zone).toBeGreaterThan(0);
    expect(compte.structureAilleurs).toBeGreaterThan(0);
    // Problems met by an import of the Vienne's share.
    expect(v.problemes.thematiqueInconnue + v.problemes.dateInvalideServices + v.problemes.sansModesAccueil).toBeGreaterThan(0);
  });
});

describe("generation", () => {
  const petites: OptionsDump = { ...OPTIONS_PAR_DEFAUT, structures: 400, services: 600 };
  const empreintes = (d: string, m: Manifeste) =>
    m.fichiers.map((f) => `${f.nom} ${createHash("sha256").update(readFileSync(join(d, f.nom))).digest("hex")}`);

  it("is deterministic; the week-after dump changes only what its manifest says", () => {
    const a = mkdtempSync(join(tmpdir(), "dump-a-"));
    const b = mkdtempSync(join(tmpdir(), "dump-b-"));
    const c = mkdtempSync(join(tmpdir(), "dump-c-"));
    try {
      const ma = genererDump(racine, a, petites);
      const mb = genererDump(racine, b, petites);
      expect(empreintes(b, mb)).toEqual(empreintes(a, ma));

      const mc = genererDump(racine, c, { ...petites, modifie: true, formats: ["json"] });
      expect(mc.date).toBe("2026-12-07");
      const avant = (g: "structures" | "services") => JSON.parse(readFileSync(join(a, nomsFichiers(petites.date, "json")[g]), "utf8")) as Enregistrement[];
      const apres = (g: "structures" | "services") => JSON.parse(readFileSync(join(c, nomsFichiers(mc.date, "json")[g]), "utf8")) as Enregistrement[];
      const differences = (g: "structures" | "services") => {
        const anciens = new Map(avant(g).map((e) => [e.id, JSON.stringify(e)]));
        const nouveaux = apres(g);
        return {
          changes: nouveaux.filter((e) => anciens.has(e.id) && anciens.get(e.id) !== JSON.stringify(e)).length,
          ajoutes: nouveaux.filter((e) => !anciens.has(e.id)).length,
          supprimes: anciens.size - nouveaux.filter((e) => anciens.has(e.id)).length,
        };
      };
      const m = mc.modifications!;
      expect(differences("structures")).toEqual({ changes: m.structuresModifiees, ajoutes: 0, supprimes: 0 });
      expect(differences("services")).toEqual({ changes: m.servicesModifies, ajoutes: m.servicesAjoutes, supprimes: m.servicesSupprimes });
      expect(m.servicesModifies + m.structuresModifiees).toBeGreaterThan(0);
    } finally {
      for (const d of [a, b, c]) rmSync(d, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("the benchmark's dump cache", () => {
  it("is keyed by every project file the generator imports", () => {
    const cle = new Set(sourcesDuGenerateur(racine));
    const aVoir = ["bench/import/dump-synthetique.ts"];
    const vus = new Set<string>();
    while (aVoir.length > 0) {
      const fichier = aVoir.pop()!;
      if (vus.has(fichier)) continue;
      vus.add(fichier);
      expect(cle, fichier).toContain(fichier);
      for (const m of readFileSync(resolve(racine, fichier), "utf8").matchAll(/^import (?!type )[^;]*? from "(\.[^"]+)";/gm)) {
        const cible = relative(racine, resolve(dirname(resolve(racine, fichier)), m[1]!));
        aVoir.push(/\.(ts|json)$/.test(cible) ? cible : `${cible}.ts`);
      }
    }
    expect(vus.size).toBeGreaterThan(8);
  });
});
