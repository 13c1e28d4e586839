/**
 * The key facts of a service for a selection sheet (the /selection/ page, its print and share texts):
 * what it is, who runs it, how to mobilise it, how to reach it, where and when. Taken from the service
 * page's view model (fiche-service.ts), so that nothing is worded twice. Plain strings: never HTML.
 */
import type { Service, Structure } from "../catalogue";
import { ficheService, type FicheService, type Lien, type OptionsFiche } from "../fiche-service";
import { horairesEnLignes } from "../horaires/fiche";
import { ligneDAvis } from "../avis";

export interface FicheCourte {
  code: string;
  slug: string;
  /** The service page's URL (site path). */
  href: string;
  nom: string;
  /** The structure's name. */
  structure: string;
  resume: string;
  /** Current notices as of the build's day (closure, temporary change), one line each: read before going. */
  avis: string[];
  /** How to mobilise it: who may, then what to do, short lines. */
  mobilisation: string[];
  contact: { telephone?: Lien; courriel?: Lien };
  /** Lines of the place's address (in-person services). */
  adresse?: string[];
  /** Opening hours in French, one line per group of days (or dated openings, or what to do when missing). */
  horaires?: string[];
  position?: { lat: number; lon: number };
  distanciel: boolean;
  enPresentiel: boolean;
  /** Day of the last update in French (« 12 mai 2026 »). */
  miseAJour: string;
  /** The same day as YYYY-MM-DD. */
  miseAJourDate: string;
  /** More than six months old: « à vérifier ». */
  aVerifier: boolean;
}

export interface OptionsFicheCourte extends OptionsFiche {
  /** URL of a service's page. */
  urlService: (slug: string) => string;
}


function lignesDeMobilisation(m: FicheService["mobilisation"]): string[] {
  const parLaPersonne = m.usagers.length > 0;
  const parUnPro = m.professionnels.length > 0;
  const qui =
    parLaPersonne && parUnPro
      ? "Par la personne elle-même ou par un professionnel qui l'accompagne"
      : parLaPersonne
        ? "Par la personne elle-même"
        : parUnPro
          ? "Par un professionnel qui accompagne la personne"
          : undefined;
  // Both lists hold the same actions when both are given (fiche-service.ts).
  const actions = parLaPersonne ? m.usagers : m.professionnels;
  return [...(qui ? [qui] : []), ...actions, ...(m.lien ? [`${m.lien.libelle} : ${m.lien.href}`] : [])];
}

/** `fiche`: the service page's view model when the caller has it already (the description is rendered once). */
export function ficheCourte(
  service: Service,
  structure: Structure | undefined,
  options: OptionsFicheCourte,
  fiche: FicheService = ficheService(service, structure, options),
): FicheCourte {
  const enPresentiel = service.modes_accueil.includes("en-presentiel");
  const horaires = horairesEnLignes(fiche.ouEtQuand.horaires);
  const position = enPresentiel ? service.lieu?.position : undefined;
  return {
    code: service.code,
    slug: service.slug,
    href: options.urlService(service.slug),
    nom: fiche.nom,
    structure: fiche.structure.nom,
    resume: fiche.resume,
    avis: fiche.avis.map(ligneDAvis),
    mobilisation: lignesDeMobilisation(fiche.mobilisation),
    contact: {
      ...(fiche.contact.telephone ? { telephone: fiche.contact.telephone } : {}),
      ...(fiche.contact.courriel ? { courriel: fiche.contact.courriel } : {}),
    },
    ...(fiche.ouEtQuand.adresse ? { adresse: fiche.ouEtQuand.adresse } : {}),
    ...(horaires ? { horaires } : {}),
    ...(position ? { position: { lat: position.lat, lon: position.lon } } : {}),
    distanciel: service.modes_accueil.includes("a-distance"),
    enPresentiel,
    miseAJour: fiche.miseAJour.le,
    miseAJourDate: fiche.miseAJour.date,
    aVerifier: fiche.miseAJour.aVerifier,
  };
}
