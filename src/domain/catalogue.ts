/**
 * The catalogue as the pages and exports use it: validated front matter turned into domain objects,
 * with the rules that complete a listing applied once (a service inherits its structure's whole
 * address; a missing summary falls back to the description's first sentence; data·inclusion ids).
 */
import type { ServiceFrontmatter, StructureFrontmatter } from "./schema";
import { aUneAdresse, LONGUEUR_MAX_RESUME, NOMS_CHAMPS_ADRESSE, type Adresse } from "./schema";
import { communeParCode, communesParCodePostal } from "./communes";
import type { Position } from "./geo";
import { markdownEnTexte, premierePhrase } from "./markdown";
import { comparerFrancais, normaliser } from "./text";

export interface Lieu extends Adresse {
  /** Where to put it on a map and measure distances: its coordinates, else its commune's centre. */
  position?: Position;
  /** True when the position is the commune's centre, not the exact place. */
  positionApprochee: boolean;
}

export interface Structure extends Omit<StructureFrontmatter, keyof Lieu> {
  slug: string;
  /** data·inclusion id: `<source>--<slug>`. */
  id: string;
  lieu?: Lieu;
  /** Markdown presentation (may be empty). */
  presentation: string;
}

export interface Service extends Omit<ServiceFrontmatter, keyof Lieu | "resume" | "structure"> {
  slug: string;
  id: string;
  structureSlug: string;
  structure_id: string;
  /** The summary given, or the description's first sentence. */
  resume: string;
  resumeFourni: boolean;
  /** The service's own place, or its structure's. */
  lieu?: Lieu;
  lieuHerite: boolean;
  /** Markdown description. */
  description: string;
}

export interface EntreeStructure {
  slug: string;
  donnees: StructureFrontmatter;
  corps: string;
}

export interface EntreeService {
  slug: string;
  donnees: ServiceFrontmatter;
  corps: string;
}

export interface Catalogue {
  structures: readonly Structure[];
  services: readonly Service[];
  structureParSlug(slug: string): Structure | undefined;
  serviceParSlug(slug: string): Service | undefined;
  servicesDeLaStructure(slug: string): readonly Service[];
}

export function idDataInclusion(source: string, slug: string): string {
  return `${source}--${slug}`;
}

/** The commune a place is in: by INSEE code, else by postal code and name. */
export function communeDuLieu(a: { code_insee?: string; code_postal?: string; commune?: string }) {
  if (a.code_insee) return communeParCode(a.code_insee);
  if (a.code_postal) {
    const candidates = communesParCodePostal(a.code_postal);
    const nom = a.commune ? normaliser(a.commune) : undefined;
    return candidates.find((c) => normaliser(c.nom) === nom) ?? (candidates.length === 1 ? candidates[0] : undefined);
  }
  return undefined;
}

export function lieuDe(a: Omit<Lieu, "position" | "positionApprochee">): Lieu | undefined {
  if (!aUneAdresse(a)) return undefined;
  const lieu: Lieu = { positionApprochee: false };
  for (const champ of NOMS_CHAMPS_ADRESSE) {
    if (a[champ] !== undefined) (lieu as unknown as Record<string, unknown>)[champ] = a[champ];
  }
  if (a.latitude !== undefined && a.longitude !== undefined) {
    lieu.position = { lat: a.latitude, lon: a.longitude };
  } else {
    const commune = communeDuLieu(a);
    if (commune) {
      lieu.position = commune.centre;
      lieu.positionApprochee = true;
    }
  }
  return lieu;
}

function sansLieu<T extends Record<string, unknown>>(donnees: T): Omit<T, keyof Lieu> {
  const copie: Record<string, unknown> = { ...donnees };
  for (const champ of NOMS_CHAMPS_ADRESSE) delete copie[champ];
  return copie as Omit<T, keyof Lieu>;
}

export function construireStructure(entree: EntreeStructure, source: string): Structure {
  return {
    ...sansLieu(entree.donnees),
    slug: entree.slug,
    id: idDataInclusion(source, entree.slug),
    lieu: lieuDe(entree.donnees),
    presentation: entree.corps.trim(),
  };
}

export function construireService(entree: EntreeService, structure: Structure | undefined, source: string): Service {
  const { resume, structure: structureSlug, ...reste } = entree.donnees;
  const lieuPropre = lieuDe(entree.donnees);
  const description = entree.corps.trim();
  return {
    ...sansLieu(reste),
    slug: entree.slug,
    id: idDataInclusion(source, entree.slug),
    structureSlug,
    structure_id: idDataInclusion(source, structureSlug),
    resume: resume ?? premierePhrase(markdownEnTexte(description), LONGUEUR_MAX_RESUME),
    resumeFourni: resume !== undefined,
    lieu: lieuPropre ?? structure?.lieu,
    lieuHerite: lieuPropre === undefined && structure?.lieu !== undefined,
    description,
  };
}

export function construireCatalogue(
  entreesStructures: readonly EntreeStructure[],
  entreesServices: readonly EntreeService[],
  source: string,
): Catalogue {
  const structures = entreesStructures.map((e) => construireStructure(e, source)).sort((a, b) => comparerFrancais(a.nom, b.nom));
  const structures_ = new Map(structures.map((s) => [s.slug, s]));
  const services = entreesServices
    .map((e) => construireService(e, structures_.get(e.donnees.structure), source))
    .sort((a, b) => comparerFrancais(a.nom, b.nom) || a.slug.localeCompare(b.slug));
  const services_ = new Map(services.map((s) => [s.slug, s]));
  const parStructure = new Map<string, Service[]>();
  for (const s of services) {
    const liste = parStructure.get(s.structureSlug) ?? [];
    liste.push(s);
    parStructure.set(s.structureSlug, liste);
  }
  return {
    structures,
    services,
    structureParSlug: (slug) => structures_.get(slug),
    serviceParSlug: (slug) => services_.get(slug),
    servicesDeLaStructure: (slug) => parStructure.get(slug) ?? [],
  };
}
