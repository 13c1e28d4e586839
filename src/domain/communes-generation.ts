/**
 * Building `src/data/communes.json`: the communes of one département, their EPCI and a centre
 * for the map, from the official split (`@etalab/decoupage-administratif`) and the 2018 commune
 * centroids (IGN Admin Express COG 2018).
 *
 * Pure: the caller reads the files (see `CHEMINS_ENTREES`) and writes the result
 * (`scripts/generate-communes.ts`); the unit tests call the same function to check that the
 * committed data is reproducible.
 */
import { comparerFrancais } from "./text.ts";

/** Where the inputs live, relative to the repository root. `centres` is a generation input only, never read by the site. */
export const CHEMINS_ENTREES = {
  communes: "node_modules/@etalab/decoupage-administratif/data/communes.json",
  epci: "node_modules/@etalab/decoupage-administratif/data/epci.json",
  departements: "node_modules/@etalab/decoupage-administratif/data/departements.json",
  paquetDecoupage: "node_modules/@etalab/decoupage-administratif/package.json",
  centres: "data/geo/communes-centres-france-2018.json",
} as const;

/** Where the result is written, relative to the repository root. */
export const CHEMIN_SORTIE = "src/data/communes.json";

// --- Inputs (only the fields we read) ---------------------------------------------------------

export interface CommuneDecoupage {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  codesPostaux?: string[];
  population?: number;
  anciensCodes?: string[];
}

export interface EpciDecoupage {
  code: string;
  nom: string;
  type: string;
  membres: { code: string }[];
}

export interface DepartementDecoupage {
  code: string;
  nom: string;
  region: string;
  /** INSEE "type de nom en clair": which article the name takes (3 -> "de la Vienne"). */
  typeLiaison?: number;
}

/** `centres[code] = [longitude, latitude]`, 2018 INSEE codes. */
export interface CentresCommunes {
  centres: Record<string, readonly [number, number] | number[]>;
}

export interface EntreesGeneration {
  communes: readonly CommuneDecoupage[];
  epci: readonly EpciDecoupage[];
  departements: readonly DepartementDecoupage[];
  centres: CentresCommunes;
  /** Version of `@etalab/decoupage-administratif`, quoted in the licence line. */
  versionDecoupage: string;
}

// --- Output: the shape of src/data/communes.json -----------------------------------------------

export interface DepartementDonnees {
  code: string;
  nom: string;
  region: string;
  /** The name with its article after "de": "de la Vienne", "des Deux-Sèvres", "de l'Ain". */
  deNom: string;
}

export interface EpciDonnees {
  siren: string;
  nom: string;
  /** "CU", "CA", "CC", "METRO", "MET69"… as in the official list. */
  type: string;
}

export interface CommuneDonnees {
  code: string;
  nom: string;
  codesPostaux: string[];
  population: number;
  /** SIREN of the commune's EPCI; null for the few communes outside any (islands such as Ouessant). */
  epci: string | null;
  /** [longitude, latitude], WGS84, 5 decimals. */
  centre: [number, number];
  /** INSEE codes of former communes merged into this one (possibly empty). */
  anciensCodes: string[];
}

export interface DonneesCommunes {
  licence: string;
  genere: string;
  departement: DepartementDonnees;
  epci: EpciDonnees[];
  communes: CommuneDonnees[];
}

// --- Generation -------------------------------------------------------------------------------

/** "de" + the name with the article INSEE's type de liaison gives it. */
export function deNom(d: Pick<DepartementDecoupage, "nom" | "typeLiaison">): string {
  switch (d.typeLiaison) {
    case 1:
      return `d'${d.nom}`;
    case 5:
      return `de l'${d.nom}`;
    case 2:
      return `du ${d.nom}`;
    case 3:
      return `de la ${d.nom}`;
    case 4:
      return `des ${d.nom}`;
    default:
      return /^[AEIOUYÉÈH]/i.test(d.nom) ? `d'${d.nom}` : `de ${d.nom}`;
  }
}

const MOTIF_CODE_DEPARTEMENT = /^(?:\d{2}|2[AB]|97\d)$/;

function arrondir(valeur: number): number {
  return Math.round(valeur * 1e5) / 1e5;
}

/**
 * The centre of a current commune: the mean of the 2018 centroids of every 2018 commune that is
 * part of it today (itself, when its code existed in 2018, and its former communes that still
 * existed in 2018, i.e. merged since). A commune unchanged since 2018 keeps its own centroid;
 * a commune created by a merger since 2018 gets the mean of its former communes' centres.
 */
function centreDe(commune: CommuneDecoupage, centres: CentresCommunes["centres"]): [number, number] {
  const points = [commune.code, ...(commune.anciensCodes ?? [])]
    .map((code) => centres[code])
    .filter((point): point is [number, number] => Array.isArray(point) && point.length === 2);
  if (points.length === 0) {
    throw new Error(
      `Aucun centre connu pour la commune ${commune.nom} (${commune.code}) : ni son code ni ses anciens codes ` +
        `(${(commune.anciensCodes ?? []).join(", ") || "aucun"}) ne figurent dans les centres 2018 (${CHEMINS_ENTREES.centres}).`,
    );
  }
  const lon = points.reduce((somme, [x]) => somme + x, 0) / points.length;
  const lat = points.reduce((somme, [, y]) => somme + y, 0) / points.length;
  return [arrondir(lon), arrondir(lat)];
}

/** The communes data of `codeDepartement`, ready to be written to `src/data/communes.json`. */
export function genererDonneesCommunes(entrees: EntreesGeneration, codeDepartement: string): DonneesCommunes {
  const code = codeDepartement.trim().toUpperCase();
  if (!MOTIF_CODE_DEPARTEMENT.test(code)) {
    throw new Error(
      `Code de département invalide : « ${codeDepartement} ». Attendu : le code INSEE, par exemple 86, 2A ou 974.`,
    );
  }
  const departement = entrees.departements.find((d) => d.code === code);
  if (!departement) {
    throw new Error(
      `Département inconnu : « ${codeDepartement} ». Il ne figure pas dans @etalab/decoupage-administratif ` +
        `${entrees.versionDecoupage} (departements.json).`,
    );
  }

  // In French alphabetical order (then by code), the order every list shows: the site needs no sort at load.
  const communesSource = entrees.communes
    .filter((c) => c.type === "commune-actuelle" && c.departement === code)
    .sort((a, b) => comparerFrancais(a.nom, b.nom) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  if (communesSource.length === 0) {
    throw new Error(`Aucune commune trouvée pour le département ${code} (${departement.nom}).`);
  }
  const codes = new Set(communesSource.map((c) => c.code));

  const epciDuDepartement = entrees.epci
    .filter((e) => e.membres.some((m) => codes.has(m.code)))
    .sort((a, b) => comparerFrancais(a.nom, b.nom) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const epciDeCommune = new Map<string, string>();
  for (const e of epciDuDepartement) {
    for (const membre of e.membres) {
      if (!codes.has(membre.code)) continue;
      const deja = epciDeCommune.get(membre.code);
      if (deja !== undefined && deja !== e.code) {
        throw new Error(`La commune ${membre.code} appartient à deux EPCI : ${deja} et ${e.code}.`);
      }
      epciDeCommune.set(membre.code, e.code);
    }
  }

  const communes = communesSource.map((c): CommuneDonnees => {
    if (typeof c.population !== "number") {
      throw new Error(`Population absente pour la commune ${c.nom} (${c.code}).`);
    }
    return {
      code: c.code,
      nom: c.nom,
      codesPostaux: [...(c.codesPostaux ?? [])].sort(),
      population: c.population,
      epci: epciDeCommune.get(c.code) ?? null,
      centre: centreDe(c, entrees.centres.centres),
      anciensCodes: [...(c.anciensCodes ?? [])].sort(),
    };
  });

  return {
    licence:
      "Données IGN, INSEE — Licence Ouverte / Open Licence 2.0 ; découpage : @etalab/decoupage-administratif " +
      `${entrees.versionDecoupage} ; centres : IGN Admin Express COG 2018`,
    genere: `npm run generate:communes -- --departement ${code}`,
    departement: { code: departement.code, nom: departement.nom, region: departement.region, deNom: deNom(departement) },
    epci: epciDuDepartement.map((e) => ({ siren: e.code, nom: e.nom, type: e.type })),
    communes,
  };
}

/** JSON text of the data: readable diffs, one EPCI and one commune per line. */
export function serialiserDonneesCommunes(donnees: DonneesCommunes): string {
  const liste = (elements: readonly unknown[]): string =>
    elements.length === 0 ? "[]" : `[\n${elements.map((e) => `    ${JSON.stringify(e)}`).join(",\n")}\n  ]`;
  return (
    "{\n" +
    `  "licence": ${JSON.stringify(donnees.licence)},\n` +
    `  "genere": ${JSON.stringify(donnees.genere)},\n` +
    `  "departement": ${JSON.stringify(donnees.departement)},\n` +
    `  "epci": ${liste(donnees.epci)},\n` +
    `  "communes": ${liste(donnees.communes)}\n` +
    "}\n"
  );
}
