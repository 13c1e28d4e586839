/**
 * The /qualite/ page's list: per structure, its services that need attention, with their flags (signaux.ts)
 * and data·inclusion's score (score.ts); structures with the most urgent flag first, then those with more
 * listings at that rank, then by name. Services with nothing to fix are only counted.
 */
import type { Catalogue, Service, Structure } from "../catalogue";
import { exporterService, type OptionsExport } from "../export/enregistrements";
import type { Probleme } from "../validation";
import { comparerFrancais } from "../text";
import { rattacherRefus, type RapportLu } from "./rapport-import";
import { scoreQualite, type Score } from "./score";
import { chiffresQualite, type Chiffres } from "./chiffres";
import { signauxDeLaStructure, signauxDuService, urgenceDe, type Signal } from "./signaux";

export interface ServiceAVoir {
  service: Service;
  signaux: Signal[];
  score: Score;
  urgence: number;
}

export interface StructureAVoir {
  /** Absent for a structure named by the import's report that the catalogue does not hold. */
  structure?: Structure;
  nom: string;
  /** Flags of the structure's own file. */
  signaux: Signal[];
  services: ServiceAVoir[];
  urgence: number;
}

export interface Bilan {
  structures: StructureAVoir[];
  /** Every service's score, by slug (figures, and a service with nothing to fix). */
  scores: Map<string, Score>;
  /** False when the catalogue has no import report. */
  rapportPresent: boolean;
  /** Lines of the report's refused records. */
  refuses: number;
  /** Services with at least one flag. */
  servicesAVoir: number;
  /** The catalogue-wide figures. */
  chiffres: Chiffres;
}

export interface OptionsBilan {
  aujourdhui: string;
  problemes: readonly Probleme[];
  rapport: RapportLu;
  export: OptionsExport;
}

/** Most urgent first, then more flags, then by name. */
const parUrgence = (a: ServiceAVoir, b: ServiceAVoir) => a.urgence - b.urgence || b.signaux.length - a.signaux.length || comparerFrancais(a.service.nom, b.service.nom);

function compterAuRang(s: StructureAVoir): number {
  return s.services.filter((v) => v.urgence === s.urgence).length + (urgenceDe(s.signaux) === s.urgence ? 1 : 0);
}

export function bilanQualite(catalogue: Catalogue, o: OptionsBilan): Bilan {
  const refus = rattacherRefus(o.rapport.present ? o.rapport.refus : [], catalogue);
  const scores = new Map<string, Score>();
  const structures: StructureAVoir[] = [];
  let servicesAVoir = 0;
  for (const structure of catalogue.structures) {
    const services: ServiceAVoir[] = [];
    for (const service of catalogue.servicesDeLaStructure(structure.slug)) {
      const score = scoreQualite(exporterService(service, o.export), o.aujourdhui);
      scores.set(service.slug, score);
      const signaux = signauxDuService(service, structure, { aujourdhui: o.aujourdhui, problemes: o.problemes, refus: refus.parService.get(service.slug) });
      if (signaux.length > 0) services.push({ service, signaux, score, urgence: urgenceDe(signaux) });
    }
    servicesAVoir += services.length;
    const signaux = signauxDeLaStructure(structure.slug, { aujourdhui: o.aujourdhui, problemes: o.problemes, refus: refus.parStructure.get(structure.slug) });
    if (services.length === 0 && signaux.length === 0) continue;
    services.sort(parUrgence);
    structures.push({ structure, nom: structure.nom, signaux, services, urgence: Math.min(urgenceDe(signaux), ...services.map((s) => s.urgence)) });
  }
  for (const [nom, lignes] of refus.horsCatalogue) {
    const signaux = signauxDeLaStructure(undefined, { aujourdhui: o.aujourdhui, problemes: [], refus: lignes });
    structures.push({ nom, signaux, services: [], urgence: urgenceDe(signaux) });
  }
  structures.sort((a, b) => a.urgence - b.urgence || compterAuRang(b) - compterAuRang(a) || comparerFrancais(a.nom, b.nom));
  return {
    structures,
    scores,
    rapportPresent: o.rapport.present,
    refuses: o.rapport.present ? o.rapport.refus.length : 0,
    servicesAVoir,
    chiffres: chiffresQualite(catalogue.services, scores, o.aujourdhui),
  };
}
