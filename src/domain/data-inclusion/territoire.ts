/**
 * Does a data·inclusion record concern the territory? A service does when the site's own coverage rule
 * (coverage.ts: eligibility zone, then a place within 50 km or remote) offers it in at least one commune
 * of the territory — so a regional or national service, or a remote one located elsewhere, is kept. A
 * structure does when it is located in the territory (or runs such a service: the import decides that).
 * Decided on the raw v1 fields, before mapping: a national dump holds ~90,000 services, ~1 % of them ours.
 */
import { communeParCode, communes, communesParCodePostal, departement, epciParSiren } from "../communes";
import { FRANCE } from "../zone";
import { couverture, RAYON_KM } from "../coverage";
import type { Position } from "../geo";
import { NOMS_CHAMPS_ADRESSE } from "../schema";

/** The centre of any French commune by INSEE code (the territory's own communes are not enough here). */
export type CentreDeCommune = (codeInsee: string) => Position | undefined;

export type RaisonHorsTerritoire = "zone" | "distance" | "sans-lieu";

export const RAISONS_HORS_TERRITOIRE: Readonly<Record<RaisonHorsTerritoire, string>> = {
  zone: "zone d'éligibilité sans commune du territoire",
  distance: `lieu d'accueil à plus de ${RAYON_KM} km de toute commune du territoire, et pas à distance`,
  "sans-lieu": "en présentiel seulement, sans lieu connu",
};

type Champs = Readonly<Record<string, unknown>>;

const texte = (v: unknown): string | undefined => {
  if (typeof v === "number" && Number.isInteger(v)) return String(v);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
};

const nombre = (v: unknown): number | undefined => {
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
};

const liste = (v: unknown): string[] => (Array.isArray(v) ? v.map(texte).filter((x): x is string => x !== undefined) : []);


/** Where a record is, as the catalogue will place it (catalogue.ts `lieuDe`): coordinates, else its commune's centre. */
export function positionDe(champs: Champs, centre: CentreDeCommune): Position | undefined {
  const lat = nombre(champs.latitude);
  const lon = nombre(champs.longitude);
  if (lat !== undefined && lon !== undefined) return { lat, lon };
  const insee = texte(champs.code_insee);
  if (insee) return communeParCode(insee)?.centre ?? centre(insee.toUpperCase());
  const cp = texte(champs.code_postal);
  const parCp = cp ? communesParCodePostal(cp) : [];
  return parCp.length === 1 ? parCp[0]!.centre : undefined;
}

/** A service with no address field at all takes its structure's place, as the catalogue does. */
export function aUneAdresse(champs: Champs): boolean {
  return NOMS_CHAMPS_ADRESSE.some((c) => champs[c] !== undefined && champs[c] !== null && champs[c] !== "");
}

/** Whether a structure is located in the territory. */
export function structureDansLeTerritoire(champs: Champs): boolean {
  const insee = texte(champs.code_insee);
  if (insee) return communeParCode(insee) !== undefined;
  const cp = texte(champs.code_postal);
  return cp !== undefined && communesParCodePostal(cp).length > 0;
}

/** Whether a zone code can name any commune of the territory (a quick test before the per-commune rule). */
const peutNommerLeTerritoire = (code: string) =>
  code === FRANCE || code === departement.code || epciParSiren(code) !== undefined || communeParCode(code) !== undefined;

/** undefined when the service concerns the territory, else why not. */
export function serviceHorsTerritoire(service: Champs, structure: Champs | undefined, centre: CentreDeCommune): RaisonHorsTerritoire | undefined {
  const zone = liste(service.zone_eligibilite);
  if (zone.length > 0 && !zone.some(peutNommerLeTerritoire)) return "zone";
  const modes = liste(service.modes_accueil);
  const lieu = aUneAdresse(service) ? service : structure;
  const position = lieu ? positionDe(lieu, centre) : undefined;
  const pourCouverture = { zone_eligibilite: zone, modes_accueil: modes, lieu: position ? { position, positionApprochee: false } : undefined };
  let dansLaZone = false;
  for (const commune of communes) {
    const c = couverture(pourCouverture, commune);
    if (c) return undefined;
    dansLaZone ||= zone.length === 0 || couverture({ ...pourCouverture, modes_accueil: ["a-distance"] }, commune) !== undefined;
  }
  if (!dansLaZone) return "zone";
  return position ? "distance" : "sans-lieu";
}
