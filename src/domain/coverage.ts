/**
 * The coverage rule, as DORA applies it: a service serves commune C when its eligibility zone is empty
 * or names C, C's EPCI, C's département or France; and it is either available remotely or has a place
 * within 50 km of C's centre. The search and the commune pages both use this one function.
 */
import type { Commune } from "./communes";
import type { Service } from "./catalogue";
import { distanceKm } from "./geo";
import { FRANCE } from "./zone";
import { comparerFrancais } from "./text";

export const RAYON_KM = 50;

/** The département code of an INSEE commune code: 2 characters, 3 overseas (971…976). */
export function departementDeLaCommune(codeCommune: string): string {
  return codeCommune.startsWith("97") ? codeCommune.slice(0, 3) : codeCommune.slice(0, 2);
}

type ServicePourCouverture = Pick<Service, "zone_eligibilite" | "modes_accueil" | "lieu">;
type CommunePourCouverture = Pick<Commune, "code" | "epci" | "centre" | "anciensCodes">;

export function estDansLaZone(service: Pick<Service, "zone_eligibilite">, commune: CommunePourCouverture): boolean {
  const zone = service.zone_eligibilite;
  if (!zone || zone.length === 0) return true;
  return zone.some(
    (code) =>
      code === FRANCE ||
      code === commune.code ||
      commune.anciensCodes.includes(code) ||
      (commune.epci !== null && code === commune.epci) ||
      code === departementDeLaCommune(commune.code),
  );
}

/** Distance from the commune's centre to the service's place, when it is received in person there. */
export function distanceDuLieu(service: Pick<Service, "modes_accueil" | "lieu">, commune: Pick<Commune, "centre">): number | undefined {
  if (!service.modes_accueil.includes("en-presentiel") || !service.lieu?.position) return undefined;
  return distanceKm(commune.centre, service.lieu.position);
}

export interface Couverture {
  /** Distance in km when the service has a place within 50 km; undefined otherwise (remote). */
  distanceKm?: number;
}

/** Whether `service` serves `commune`, and at what distance; undefined when it does not. */
export function couverture(service: ServicePourCouverture, commune: CommunePourCouverture): Couverture | undefined {
  if (!estDansLaZone(service, commune)) return undefined;
  const d = distanceDuLieu(service, commune);
  if (d !== undefined && d <= RAYON_KM) return { distanceKm: d };
  if (service.modes_accueil.includes("a-distance")) return {};
  return undefined;
}

export interface ServiceCouvert<S> {
  service: S;
  distanceKm?: number;
}

/** Every service serving the commune: nearest first, then by name; those without a place within 50 km last. */
export function servicesPourLaCommune<S extends ServicePourCouverture & { nom: string }>(
  services: readonly S[],
  commune: CommunePourCouverture,
): ServiceCouvert<S>[] {
  const resultats: ServiceCouvert<S>[] = [];
  for (const service of services) {
    const c = couverture(service, commune);
    if (c) resultats.push(c.distanceKm === undefined ? { service } : { service, distanceKm: c.distanceKm });
  }
  return resultats.sort(comparerResultats);
}

export function comparerResultats<S extends { nom: string }>(a: ServiceCouvert<S>, b: ServiceCouvert<S>): number {
  if (a.distanceKm !== undefined && b.distanceKm !== undefined && a.distanceKm !== b.distanceKm) return a.distanceKm - b.distanceKm;
  if (a.distanceKm !== undefined && b.distanceKm === undefined) return -1;
  if (a.distanceKm === undefined && b.distanceKm !== undefined) return 1;
  return comparerFrancais(a.service.nom, b.service.nom);
}
