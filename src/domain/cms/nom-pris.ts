/**
 * A new listing's name whose address is taken. The address (file name, page URL) is `slugifier(nom)`
 * (format.ts `champsAvantEnregistrement`); Decap would silently save a second « Atelier CV » as
 * `atelier-cv-1`, a permanent address nobody chose. The form refuses it with this message instead.
 */
import { slugifier } from "../text";
import type { Collection } from "./champs";

/** An existing listing, as the form knows it: its address, its name, and a service's structure's name. */
export interface FicheExistante {
  slug: string;
  nom: string;
  structure?: string;
}

/** The message for a new listing named `nom`, or undefined when its address is free. */
export function messageNomPris(collection: Collection, nom: string, existantes: readonly FicheExistante[]): string | undefined {
  const slug = slugifier(nom);
  if (slug === "") return undefined;
  const prise = existantes.find((f) => f.slug === slug);
  if (!prise) return undefined;
  if (collection === "services") {
    const structure = prise.structure ? ` (structure « ${prise.structure} »)` : "";
    return `Un service porte déjà ce nom : « ${prise.nom} »${structure}. Précisez le nom, par exemple avec la commune.`;
  }
  return `Une structure porte déjà ce nom : « ${prise.nom} ». Précisez le nom, par exemple avec la commune.`;
}
