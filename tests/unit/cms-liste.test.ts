/**
 * The CMS lists and search on the demonstration catalogue: what a partner sees and finds, with the
 * list fields added on reading (src/domain/cms/liste.ts) and the word search that replaces Decap's
 * letter matcher (src/domain/cms/recherche.ts), fed the way Decap feeds it: the collection's summary keys.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { extractTemplateVars } from "decap-cms-lib-widgets/dist/esm/stringTemplate";
import { champsDeListe, CHAMPS_DE_LISTE, type ContexteListe } from "../../src/domain/cms/liste";
import { depuisFichier, versFichier } from "../../src/domain/cms/format";
import { genererConfigCms } from "../../src/domain/cms/config";
import { filter } from "../../src/cms/recherche-decap";

const AUJOURDHUI = "2026-12-07";

function lire(collection: "services" | "structures") {
  return readdirSync(`content/${collection}`)
    .filter((f) => f.endsWith(".md"))
    .map((f) => ({ slug: f.replace(/\.md$/, ""), texte: readFileSync(`content/${collection}/${f}`, "utf8") }));
}

const structures = lire("structures");
const services = lire("services");
const nomsDesStructures = Object.fromEntries(structures.map((s) => [s.slug, depuisFichier(s.texte).nom as string]));
const config = genererConfigCms({ backend: { name: "github", repo: "d/c", branch: "main" }, siteUrl: "https://exemple.org" });
const collection = (nom: string) => (config.collections as { name: string; summary: string; sortable_fields: { field: string; default_sort?: boolean }[] }[]).find((c) => c.name === nom)!;

function entrees(mesStructures: ContexteListe["mesStructures"]) {
  const contexte = { nomsDesStructures, mesStructures, aujourdhui: AUJOURDHUI };
  return services.map((s) => {
    const donnees = depuisFichier(s.texte);
    return { slug: s.slug, data: { ...donnees, ...champsDeListe("services", donnees, contexte) } as Record<string, string> };
  });
}

/** What Decap's search reads of an entry: the identifier field, then the summary's keys. */
function texteCherche(data: Record<string, string>): string {
  const cles = ["nom", ...extractTemplateVars(collection("services").summary)];
  return cles.map((c) => data[c] ?? "").join(" ");
}

function chercher(requete: string, mesStructures: ContexteListe["mesStructures"] = []) {
  return filter(requete, entrees(mesStructures), { extract: (e) => texteCherche(e.data) })
    .filter((r) => r.score > 5)
    .sort((a, b) => b.score - a.score)
    .map((r) => r.original);
}

describe("la liste des services de l'espace partenaires", () => {
  it("shows each service's structure by name and its state, « à vérifier » past six months", () => {
    const asll = entrees([]).find((e) => e.slug === "accompagnement-social-logement-loudun")!;
    expect(asll.data[CHAMPS_DE_LISTE.structure]).toBe(nomsDesStructures["mds-loudun"]);
    for (const e of entrees([])) {
      expect(e.data[CHAMPS_DE_LISTE.etat]!.startsWith("à vérifier")).toBe(e.data.date_maj! < "2026-06-07");
    }
  });

  it("puts the partner's services first, the oldest first, by the collection's default sort", () => {
    const tri = collection("services").sortable_fields.find((f) => f.default_sort)!.field;
    const triees = entrees(["mission-locale-poitiers"]).sort((a, b) => (a.data[tri]! < b.data[tri]! ? -1 : 1));
    const miennes = services.filter((s) => depuisFichier(s.texte).structure === "mission-locale-poitiers").length;
    expect(miennes).toBeGreaterThan(2);
    const premieres = triees.slice(0, miennes);
    expect(premieres.every((e) => e.data.structure === "mission-locale-poitiers")).toBe(true);
    const dates = premieres.map((e) => e.data.date_maj);
    expect(dates).toEqual([...dates].sort());
    expect(triees.slice(miennes).some((e) => e.data.structure === "mission-locale-poitiers")).toBe(false);
  });

  it("never writes the list fields into the file", () => {
    const s = services[0]!;
    const donnees = depuisFichier(s.texte);
    const avecListe = { ...donnees, ...champsDeListe("services", donnees, { nomsDesStructures, mesStructures: "toutes", aujourdhui: AUJOURDHUI }) };
    expect(versFichier(avecListe)).toBe(s.texte);
  });
});

describe("la recherche de l'espace partenaires", () => {
  it("finds a service by an acronym of its name, first", () => {
    expect(chercher("ASLL")[0]!.slug).toBe("accompagnement-social-logement-loudun");
  });

  it("finds a structure's services first, by its name or its file's name", () => {
    const attendus = services.filter((s) => depuisFichier(s.texte).structure === "mds-loudun").map((s) => s.slug).sort();
    expect(attendus.length).toBeGreaterThan(1);
    for (const requete of ["mds-loudun", nomsDesStructures["mds-loudun"]!]) {
      const trouves = chercher(requete).map((e) => e.slug);
      expect(trouves.slice(0, attendus.length).sort(), requete).toEqual(attendus);
    }
  });

  it("finds a service by a word of its description, accents and case aside", () => {
    const trouves = chercher("epicerie solidaire");
    expect(trouves.length).toBeGreaterThan(0);
    for (const e of trouves) expect(`${e.data.nom} ${e.data[CHAMPS_DE_LISTE.mots]}`.toLowerCase()).toMatch(/épicerie/);
  });

  it("finds nothing for letters scattered in long texts", () => {
    expect(chercher("zqxw")).toEqual([]);
  });
});

describe("le choix de la structure dans le formulaire", () => {
  it("lists every structure before anything is typed (Decap's picker asks with an empty query)", () => {
    const noms = Object.values(nomsDesStructures);
    expect(filter("", noms).map((r) => r.original)).toEqual(noms);
  });
});
