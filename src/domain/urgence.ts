/**
 * Services reached by an emergency number come first for the needs they serve: a person looking for a
 * shelter tonight should meet the 115 before a housing advice desk. One rule for the search (requete.ts),
 * its precomputed first pages (which run the search) and the commune pages (communes-pages.ts).
 *
 * « Reached by an emergency number »: the service's own `telephone` is in the domain table of short numbers
 * with `urgence` (numeros-courts.ts). Not its structure's: a structure's number is its switchboard, and an
 * organisation that runs an emergency line also runs workshops and desks, which must not jump the queue;
 * the data·inclusion `telephone` of a service is the number for that service.
 */
import { estNumeroDUrgence } from "./numeros-courts";

/** Whether a service is reached by an emergency number (its own `telephone`). */
export function joignableEnUrgence(service: { telephone?: string }): boolean {
  return estNumeroDUrgence(service.telephone);
}

/**
 * A service's rank under the rule, for the needs sought (`vise`): 0, an emergency service offered at a
 * distance (the line itself: it answers wherever the person is, at once); 1, an emergency service at a
 * place (a place is usually reached through the line); 2, every other service, and an emergency service
 * none of whose needs is sought.
 */
export function rangDUrgence(
  service: { urgence: boolean; aDistance: boolean; thematiques: readonly string[] },
  vise: (besoin: string) => boolean,
): 0 | 1 | 2 {
  if (!service.urgence || !service.thematiques.some(vise)) return 2;
  return service.aDistance ? 0 : 1;
}

/** The list with its ranks 0 first, then 1, then the others, each group in the list's own order. */
export function urgencesEnTete<T>(liste: readonly T[], rang: (element: T) => number): T[] {
  const groupes: T[][] = [[], [], []];
  for (const e of liste) groupes[Math.min(2, Math.max(0, rang(e)))]!.push(e);
  return groupes[0]!.length + groupes[1]!.length === 0 ? [...liste] : groupes.flat();
}
