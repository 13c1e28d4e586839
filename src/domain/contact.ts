/** How to reach a service: its own phone and e-mail, else its structure's (each separately). */
import type { Service, Structure } from "./catalogue";

export interface ContactDuService {
  telephone?: string;
  courriel?: string;
  /** The e-mail is the service's own, not its structure's. */
  courrielDuService: boolean;
}

export function contactDuService(service: Pick<Service, "telephone" | "courriel">, structure: Pick<Structure, "telephone" | "courriel"> | undefined): ContactDuService {
  const telephone = service.telephone ?? structure?.telephone;
  const courriel = service.courriel ?? structure?.courriel;
  return { ...(telephone ? { telephone } : {}), ...(courriel ? { courriel } : {}), courrielDuService: service.courriel !== undefined };
}
