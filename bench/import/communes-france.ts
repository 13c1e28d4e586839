/**
 * The communes of all France for the synthetic dump: today's communes of `@etalab/decoupage-administratif`
 * (name, postal codes, population, EPCI) placed at the project's copy of the 2018 centroids
 * (data/geo/communes-centres-france-2018.json), a merged commune at the mean of its former communes'
 * centres, as `src/domain/communes-generation.ts` does for the Vienne. Communes with no known centre
 * (a few overseas ones) are left out, so that every record's `code_insee`, `code_postal` and
 * coordinates agree.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deNom, type CommuneDecoupage, type DepartementDecoupage, type EpciDecoupage } from "../../src/domain/communes-generation";

export interface CommuneFrance {
  code: string;
  nom: string;
  departement: string;
  codesPostaux: readonly string[];
  population: number;
  /** SIREN of its EPCI, if any. */
  epci: string | null;
  lon: number;
  lat: number;
}

export interface Departement {
  code: string;
  nom: string;
  region: string;
  /** "de la Vienne", "des Deux-Sèvres". */
  deNom: string;
}

export interface France {
  communes: readonly CommuneFrance[];
  departements: ReadonlyMap<string, Departement>;
  communesParDepartement: ReadonlyMap<string, readonly CommuneFrance[]>;
  /** Département code -> the SIRENs of its communes' EPCI. */
  epciParDepartement: ReadonlyMap<string, readonly string[]>;
}

/** The files read, relative to the repository root (also hashed into the dump cache's key). */
export const FICHIERS_COMMUNES = [
  "node_modules/@etalab/decoupage-administratif/data/communes.json",
  "node_modules/@etalab/decoupage-administratif/data/epci.json",
  "node_modules/@etalab/decoupage-administratif/data/departements.json",
  "data/geo/communes-centres-france-2018.json",
] as const;

const lire = <T>(racine: string, chemin: string): T => JSON.parse(readFileSync(join(racine, chemin), "utf8")) as T;

const chargees = new Map<string, France>();

/** The communes of all France (read once per process). */
export function chargerFrance(racine: string): France {
  let france = chargees.get(racine);
  if (!france) {
    france = lireFrance(racine);
    chargees.set(racine, france);
  }
  return france;
}

function lireFrance(racine: string): France {
  const [cheminCommunes, cheminEpci, cheminDepartements, cheminCentres] = FICHIERS_COMMUNES;
  const source = lire<(CommuneDecoupage & { departement?: string })[]>(racine, cheminCommunes);
  const epcis = lire<EpciDecoupage[]>(racine, cheminEpci);
  const departementsSource = lire<DepartementDecoupage[]>(racine, cheminDepartements);
  const centres = lire<{ centres: Record<string, [number, number]> }>(racine, cheminCentres).centres;

  const epciDeCommune = new Map<string, string>();
  for (const e of epcis) for (const m of e.membres) epciDeCommune.set(m.code, e.code);

  const communes: CommuneFrance[] = [];
  for (const c of source) {
    if (c.type !== "commune-actuelle" || !c.departement || !c.codesPostaux?.length) continue;
    const points = [c.code, ...(c.anciensCodes ?? [])].map((code) => centres[code]).filter((p): p is [number, number] => Array.isArray(p));
    if (points.length === 0) continue;
    const lon = points.reduce((s, p) => s + p[0], 0) / points.length;
    const lat = points.reduce((s, p) => s + p[1], 0) / points.length;
    communes.push({
      code: c.code,
      nom: c.nom,
      departement: c.departement,
      codesPostaux: [...c.codesPostaux].sort(),
      population: c.population ?? 0,
      epci: epciDeCommune.get(c.code) ?? null,
      lon: Math.round(lon * 1e5) / 1e5,
      lat: Math.round(lat * 1e5) / 1e5,
    });
  }
  communes.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  const communesParDepartement = new Map<string, CommuneFrance[]>();
  for (const c of communes) {
    const liste = communesParDepartement.get(c.departement);
    if (liste) liste.push(c);
    else communesParDepartement.set(c.departement, [c]);
  }
  const departements = new Map<string, Departement>();
  for (const d of departementsSource) {
    if (communesParDepartement.has(d.code)) departements.set(d.code, { code: d.code, nom: d.nom, region: d.region, deNom: deNom(d) });
  }
  const epciParDepartement = new Map<string, string[]>();
  for (const [code, liste] of communesParDepartement) {
    epciParDepartement.set(code, [...new Set(liste.map((c) => c.epci).filter((e): e is string => e !== null))].sort());
  }
  return { communes, departements, communesParDepartement, epciParDepartement };
}
