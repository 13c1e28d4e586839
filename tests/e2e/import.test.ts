/**
 * A site built from an imported catalogue: `npm run import` on a recorded-shape dump of the Vienne
 * (tests/fixtures/data-inclusion/vienne/: the national dump's JSON layout, fictional records), then
 * `astro build` on that catalogue. The imported services have their pages, are searchable, mapped, on
 * their commune and theme pages, and published under their origin in the open data.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executerImport } from "../../src/domain/data-inclusion/commande";
import { communeParNom } from "../../src/domain/communes";
import { validerDossier } from "../../src/domain/validation";
import { envDeConstruction } from "./env-construction";

let dossier: string;
let sortie: string[];
const catalogue = () => join(dossier, "catalogue");
const dist = () => join(dossier, "dist");
const lire = (chemin: string) => readFileSync(join(dist(), chemin), "utf8");

beforeAll(async () => {
  dossier = mkdtempSync(join(tmpdir(), "carto-site-importe-"));
  sortie = [];
  const statut = await executerImport(["tests/fixtures/data-inclusion/vienne", "--catalogue", catalogue()], { ecrire: (l) => sortie.push(l), erreur: (l) => sortie.push(l) });
  expect(statut).toBe(0);
  execFileSync(process.execPath, ["node_modules/astro/astro.js", "build", "--outDir", dist()], {
    stdio: ["ignore", "ignore", "inherit"],
    env: envDeConstruction({ CARTO_CATALOGUE: catalogue() }),
  });
}, 400_000);
afterAll(() => rmSync(dossier, { recursive: true, force: true }));

describe("site construit sur un catalogue importé de data·inclusion", () => {
  it("importe ce qui concerne la Vienne et dit en une ligne ce qui est refusé et pourquoi", () => {
    expect(sortie).toEqual([
      "refusé : tests/fixtures/data-inclusion/vienne/services-inclusion-2026-11-30.json dora--sans-besoin thematiques: absent ; le catalogue exige au moins un besoin (thématique) data·inclusion (sans lui, le service n'apparaît sous aucune thématique)",
      `Import data·inclusion : 7 créés, 0 mis à jour, 0 inchangé, 7 réparés, 0 conflit, 1 refusé, 2 hors territoire, 1 doublon fusionné, 0 disparu. Rapport : ${catalogue()}/import-data-inclusion/rapport.md`,
    ]);
    expect(validerDossier(catalogue()).problemes.filter((p) => p.gravite === "erreur")).toEqual([]);
  });

  it("a une page par service et par structure importés", () => {
    const services = readdirSync(join(catalogue(), "services")).map((f) => f.replace(/\.md$/, ""));
    expect(services.sort()).toEqual(["auto-ecole-sociale", "conseil-a-distance-des-demandeurs-d-emploi", "douches-et-laverie", "epicerie-solidaire-du-ccas"]);
    for (const s of services) expect(existsSync(join(dist(), "services", s, "index.html")), s).toBe(true);
    for (const s of readdirSync(join(catalogue(), "structures"))) expect(existsSync(join(dist(), "structures", s.replace(/\.md$/, ""), "index.html")), s).toBe(true);
    const epicerie = lire("services/epicerie-solidaire-du-ccas/index.html");
    expect(epicerie).toContain("Épicerie solidaire du CCAS");
    expect(epicerie).toContain("CCAS de Châtellerault");
    // The upstream HTML description arrives as Markdown, rendered as a list.
    expect(epicerie).toMatch(/<li>\s*sur orientation d’?'?un travailleur social\s*<\/li>/);
  });

  it("les rend cherchables et les place sur la carte (index de recherche, GeoJSON)", () => {
    const index = readdirSync(join(dist(), "recherche")).find((f) => /^index-[0-9a-f]+\.json$/.test(f))!;
    const texte = lire(`recherche/${index}`);
    for (const nom of ["Épicerie solidaire du CCAS", "Douches et laverie", "Auto-école sociale", "Conseil à distance des demandeurs d'emploi"]) {
      expect(texte).toContain(JSON.stringify(nom).slice(1, -1));
    }
    const geojson = JSON.parse(lire("donnees/services.geojson")) as { features: { geometry: { coordinates: number[] } | null; properties: { id: string } }[] };
    const point = (id: string) => geojson.features.find((f) => f.properties.id === id)?.geometry?.coordinates;
    expect(point("dora--epicerie-solidaire")).toEqual([0.5466, 46.8179]); // the structure's place, inherited
    expect(point("dora--auto-ecole-sociale")).toEqual([-0.2468, 46.6486]); // Parthenay, whose zone includes the Vienne
    expect(point("france-travail--conseil-3949")).toEqual([0.3619, 46.5905]);
  });

  it("les met sur les pages de leurs communes et de leurs thématiques", () => {
    const page = (nom: string) => lire(`communes/${communeParNom(nom)[0]!.slug}/index.html`);
    const chatellerault = page("Châtellerault");
    expect(chatellerault).toContain("Épicerie solidaire du CCAS");
    expect(chatellerault).toContain("Conseil à distance des demandeurs d");
    // Within 50 km of Parthenay, and its zone names the Vienne.
    expect(page("Chalandray")).toContain("Auto-école sociale");
    const themes = readdirSync(join(dist(), "thematiques")).filter((t) => existsSync(join(dist(), "thematiques", t, "index.html")));
    const avec = themes.filter((t) => lire(`thematiques/${t}/index.html`).includes("Épicerie solidaire du CCAS"));
    expect(avec.length).toBeGreaterThan(0);
  });

  it("publie chaque fiche importée sous son origine, et le service d'un doublon sous la structure qui le porte", () => {
    const services = JSON.parse(lire("donnees/services.json")) as Record<string, unknown>[];
    expect(services.find((s) => s.id === "dora--epicerie-solidaire")).toMatchObject({
      source: "dora",
      structure_id: "dora--ccas-chatellerault",
      lien_source: "https://dora.inclusion.beta.gouv.fr/services/epicerie-solidaire",
      telephone: "05 36 49 31 05",
    });
    expect(services.find((s) => s.id === "soliguide--douches-4521")).toMatchObject({ source: "soliguide", structure_id: "dora--ccas-chatellerault" });
    const structures = JSON.parse(lire("donnees/structures.json")) as Record<string, unknown>[];
    expect(structures.map((s) => s.id).sort()).toEqual(["dora--ccas-chatellerault", "dora--mobilite-gatine", "france-travail--86011"]);
  });
});
