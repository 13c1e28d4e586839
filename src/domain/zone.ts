/**
 * Eligibility zone codes (`zone_eligibilite`, data·inclusion v1): INSEE commune codes, département
 * codes, EPCI SIREN codes, or "france".
 */

import { MOTIF_CODE_INSEE } from "./code-insee";

export type GenreZone = "commune" | "epci" | "departement" | "france";

export const FRANCE = "france";

/** The kind of zone a code means by its form alone, or undefined if it is malformed. */
export function genreDeZone(code: string): GenreZone | undefined {
  if (code === FRANCE) return "france";
  if (MOTIF_CODE_INSEE.test(code)) return "commune";
  if (/^\d{9}$/.test(code)) return "epci";
  if (/^(\d{2}|2[AB]|97\d)$/.test(code)) return "departement";
  return undefined;
}

export const FORMES_DE_ZONE =
  "code INSEE de commune (5 caractères, ex. : 86194), code SIREN d'EPCI (9 chiffres), code de département (ex. : 86) ou « france »";

import { communeParCode, departement, epciParSiren } from "./communes";

/** One zone code in words, for people: "CU du Grand Poitiers", "Châtellerault", "Toute la France". */
export function zoneEnClair(code: string): string {
  switch (genreDeZone(code)) {
    case "france":
      return "Toute la France";
    case "departement":
      return code === departement.code ? `Tout le département (${departement.nom})` : `Département ${code} (hors territoire)`;
    case "epci":
      return epciParSiren(code)?.nom ?? `Intercommunalité ${code} (hors territoire)`;
    case "commune":
      return communeParCode(code)?.nom ?? `Commune ${code} (hors territoire)`;
    default:
      return code;
  }
}

/** The whole zone in words; an empty zone has no restriction. */
export function zonesEnClair(zone: readonly string[] | undefined): string[] {
  if (!zone || zone.length === 0) return ["Sans restriction géographique"];
  return zone.map(zoneEnClair);
}
