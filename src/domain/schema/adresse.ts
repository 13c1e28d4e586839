/** The address block, shared by structures and services: a place is all of these together. */
import { z } from "zod";
import { codeInsee, codePostal, facultatif, latitude, longitude, texte } from "./champs";

export const champsAdresse = {
  adresse: facultatif(texte(250)),
  complement_adresse: facultatif(texte(250)),
  code_postal: facultatif(codePostal),
  commune: facultatif(texte(100)),
  code_insee: facultatif(codeInsee),
  latitude: facultatif(latitude),
  longitude: facultatif(longitude),
};

export const NOMS_CHAMPS_ADRESSE = Object.keys(champsAdresse) as (keyof typeof champsAdresse)[];

export type Adresse = {
  adresse?: string;
  complement_adresse?: string;
  code_postal?: string;
  commune?: string;
  code_insee?: string;
  latitude?: number;
  longitude?: number;
};

/** Coordinates come as a pair; a postal address needs its postal code and commune. */
export function verifierAdresse(a: Adresse, ctx: z.RefinementCtx): void {
  if ((a.latitude === undefined) !== (a.longitude === undefined)) {
    const manquant = a.latitude === undefined ? "latitude" : "longitude";
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [manquant], message: "latitude et longitude vont ensemble : indiquez les deux ou aucune" });
  }
  if (a.adresse !== undefined || a.code_postal !== undefined || a.commune !== undefined) {
    for (const champ of ["code_postal", "commune"] as const) {
      if (a[champ] === undefined) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [champ], message: "champ obligatoire quand une adresse est donnée" });
      }
    }
  }
}

export function aUneAdresse(a: Adresse): boolean {
  return NOMS_CHAMPS_ADRESSE.some((c) => a[c] !== undefined);
}
