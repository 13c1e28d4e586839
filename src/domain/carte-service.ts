/**
 * A service in a list (search results, commune, theme and structure pages): one view model, built either
 * from the catalogue (static pages) or from the search index (the search island), so that both cards say
 * the same things — where, « à vérifier », a current notice — whichever page shows them. The build's part
 * (from the catalogue: freshness and notices as of the build's day) is in carte-service-catalogue.ts, so that
 * the search island ships none of the hours' code.
 */
import type { Service } from "./catalogue";
import { distanceEnClair } from "./geo";
import type { IndexRecherche, ServiceIndexe } from "./recherche/index-recherche";
import { besoinParCode } from "./taxonomy";

export interface VueCarteService {
  slug: string;
  nom: string;
  structure: string;
  /** Commune of the in-person place. */
  commune?: string;
  resume: string;
  /** « à 3,2 km », « À distance », « Sur place et à distance »… */
  mention?: string;
  aVerifier: boolean;
  /** The soonest current notice (avis.ts): « Fermé du 21 décembre au 4 janvier 2027 inclus » and its message. */
  avis?: { titre: string; message: string };
  besoins: { code: string; libelle: string }[];
}

/** Modes d'accueil as the index writes them: 1 en-presentiel, 2 a-distance, 3 both. */
export type ModesCarte = 1 | 2 | 3;

export function modesDuService(service: Pick<Service, "modes_accueil">): ModesCarte {
  const p = service.modes_accueil.includes("en-presentiel") ? 1 : 0;
  const d = service.modes_accueil.includes("a-distance") ? 2 : 0;
  return (p | d || 1) as ModesCarte;
}

/**
 * Where, in a word. With a chosen commune (`avecDistance`): the distance to the place, else « À distance »
 * for a service reached remotely. Without: how it is received, when not only in person.
 */
export function mentionDeLieu(modes: ModesCarte, avecDistance: boolean, distanceKm?: number): string | undefined {
  if (avecDistance) return distanceKm !== undefined ? distanceEnClair(distanceKm) : modes === 1 ? undefined : "À distance";
  return modes === 3 ? "Sur place et à distance" : modes === 2 ? "À distance" : undefined;
}

const libelleBesoin = (code: string) => ({ code, libelle: besoinParCode(code)?.label ?? code });

/** The card of a service, from the search index (the island's results). */
export function vueCarteDeLIndex(s: ServiceIndexe, index: Pick<IndexRecherche, "structures" | "besoins">, avecDistance: boolean, distanceKm?: number): VueCarteService {
  return vueCarte({
    slug: s.s,
    nom: s.n,
    structure: index.structures[s.st] ?? "",
    commune: s.m !== 2 ? s.c : undefined,
    resume: s.r,
    mention: mentionDeLieu(s.m, avecDistance, distanceKm),
    etat: s,
    besoins: s.b.map((b) => index.besoins[b]!),
  });
}

export function vueCarte(c: {
  slug: string;
  nom: string;
  structure: string;
  commune: string | undefined;
  resume: string;
  mention: string | undefined;
  etat: Pick<ServiceIndexe, "v" | "x">;
  besoins: readonly string[];
}): VueCarteService {
  return {
    slug: c.slug,
    nom: c.nom,
    structure: c.structure,
    ...(c.commune ? { commune: c.commune } : {}),
    resume: c.resume,
    ...(c.mention ? { mention: c.mention } : {}),
    aVerifier: c.etat.v === 1,
    ...(c.etat.x ? { avis: { titre: c.etat.x[0], message: c.etat.x[1] } } : {}),
    besoins: c.besoins.map(libelleBesoin),
  };
}
