/**
 * The card of a service at build time (carte-service.ts): what the search index carries for it and what the
 * static pages show, as of the build's day — « à vérifier », the soonest current notice.
 */
import { communeDuLieu, type Service, type Structure } from "./catalogue";
import { avisEnCours, titreAvis } from "./avis";
import { mentionDeLieu, modesDuService, vueCarte, type VueCarteService } from "./carte-service";
import { estAVerifier } from "./freshness";
import type { ServiceIndexe } from "./recherche/index-recherche";

/** What the index carries for a card beyond its search fields: the build day's freshness and notice. */
export function etatDeLaCarte(service: Service, structure: Structure | undefined, aujourdhui: string): Pick<ServiceIndexe, "v" | "x"> {
  const [avis] = avisEnCours(service, structure, aujourdhui);
  return {
    ...(estAVerifier(service.date_maj, aujourdhui) ? { v: 1 as const } : {}),
    ...(avis ? { x: [titreAvis(avis, aujourdhui), avis.message] as [string, string] } : {}),
  };
}

export interface OptionsCarte {
  aujourdhui: string;
  /** A commune is chosen: say the distance (undefined: no place within reach). */
  avecDistance?: boolean;
  distanceKm?: number;
}

/** The commune a card names: a service received in person at a known place (its commune's name, else the one its codes give). */
export function communeDeLaCarte(service: Service): string | undefined {
  const lieu = service.lieu;
  return modesDuService(service) & 1 && lieu?.position ? (lieu.commune ?? communeDuLieu(lieu)?.nom) : undefined;
}

/** The card of a service, from the catalogue. */
export function vueCarteDuService(service: Service, structure: Structure | undefined, o: OptionsCarte): VueCarteService {
  const modes = modesDuService(service);
  const etat = etatDeLaCarte(service, structure, o.aujourdhui);
  return vueCarte({
    slug: service.slug,
    nom: service.nom,
    structure: structure?.nom ?? "",
    commune: communeDeLaCarte(service),
    resume: service.resume,
    mention: mentionDeLieu(modes, o.avecDistance ?? false, o.distanceKm),
    etat,
    besoins: service.thematiques,
  });
}

