/**
 * Round trip: the site's own open-data export, imported into an empty catalogue, exports again the same
 * records on every field of the data·inclusion schema (null and absent alike). Run on the shipped
 * demonstration catalogue (content/), as JSON records and through the dump's CSV encoding.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { siteConfig } from "../../site.config";
import { construireCatalogue } from "../../src/domain/catalogue";
import { Importation } from "../../src/domain/data-inclusion/import";
import { etatVide } from "../../src/domain/data-inclusion/etat";
import { COLONNES_DUMP, type Genre } from "../../src/domain/data-inclusion/format-dump";
import { lireEntree } from "../../src/domain/data-inclusion/lecture";
import { csvServices, csvStructures, exporterCatalogue } from "../../src/domain/export";
import { validerDossier, validerFichiers } from "../../src/domain/validation";
import { urlsPubliques } from "../../src/lib/urls";

const AUJOURDHUI = "2026-12-07";
const options = { urlService: urlsPubliques.service, urlStructure: urlsPubliques.structure };

function exporter(structures: Parameters<typeof construireCatalogue>[0], services: Parameters<typeof construireCatalogue>[1]) {
  return exporterCatalogue(construireCatalogue(structures, services, siteConfig.source), options);
}

/** Imports records into an empty catalogue; the catalogue's valid entries. */
function importerDansUnCatalogueVide(enregistrements: { structures: Record<string, unknown>[]; services: Record<string, unknown>[] }) {
  const imp = new Importation(new Map(), etatVide(), { aujourdhui: AUJOURDHUI, sourceDuSite: siteConfig.source, centre: () => undefined });
  enregistrements.structures.forEach((champs, i) => imp.recevoir({ genre: "structure", champs, origine: "structures.json", rang: i + 1 }));
  enregistrements.services.forEach((champs, i) => imp.recevoir({ genre: "service", champs, origine: "services.json", rang: i + 1 }));
  const r = imp.terminer();
  expect(r.rapport.refus).toEqual([]);
  const v = validerFichiers([...r.ecritures].map(([chemin, texte]) => ({ chemin: `c/${chemin}`, texte })), { aujourdhui: AUJOURDHUI });
  expect(v.problemes.filter((p) => p.gravite === "erreur")).toEqual([]);
  return v;
}

/** A record with null for every absent field, so that null and absent compare equal. */
const complet = (genre: Genre, e: Record<string, unknown>) =>
  Object.fromEntries(COLONNES_DUMP[genre].filter((c) => c !== "score_qualite").map((c) => [c, e[c] ?? null]));

/** Our CSV export written to files, read back by the import's own CSV reader. */
async function parLeCsv(e: ReturnType<typeof exporter>) {
  const dossier = mkdtempSync(join(tmpdir(), "carto-csv-"));
  writeFileSync(join(dossier, "structures-inclusion-2026-12-07.csv"), csvStructures(e.structures));
  writeFileSync(join(dossier, "services-inclusion-2026-12-07.csv"), csvServices(e.services));
  const lus = { structures: [] as Record<string, unknown>[], services: [] as Record<string, unknown>[] };
  await lireEntree(dossier, (r) => (r.genre === "structure" ? lus.structures : lus.services).push(r.champs));
  rmSync(dossier, { recursive: true });
  return lus;
}

describe("aller-retour de l'export du site", () => {
  const demo = validerDossier("content", { aujourdhui: AUJOURDHUI });
  const export1 = exporter(demo.structures, demo.services);

  it.each([
    ["JSON", async (e: typeof export1) => ({ structures: e.structures, services: e.services })],
    ["CSV du dump", parLeCsv],
  ] as const)("en %s, importé dans un catalogue vide, redonne les mêmes enregistrements", async (_format, encoder) => {
    expect(export1.services.length).toBeGreaterThan(100);
    const v = importerDansUnCatalogueVide((await encoder(export1)) as { structures: Record<string, unknown>[]; services: Record<string, unknown>[] });
    const export2 = exporter(v.structures, v.services);
    const parId = <T extends { id: string }>(l: T[]) => [...l].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(parId(export2.structures).map((s) => complet("structure", s))).toEqual(parId(export1.structures).map((s) => complet("structure", s)));
    expect(parId(export2.services).map((s) => complet("service", s))).toEqual(parId(export1.services).map((s) => complet("service", s)));
  });
});
