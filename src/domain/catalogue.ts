/**
 * The catalogue as the pages and exports use it: validated front matter turned into domain objects,
 * with the rules that complete a listing applied once (a service inherits its structure's whole
 * address; a missing summary falls back to the description's first sentence; data·inclusion ids that
 * survive a renamed file; short codes for shared selections).
 */
import type { ServiceFrontmatter, StructureFrontmatter } from "./schema";
import { aUneAdresse, LONGUEUR_MAX_RESUME, NOMS_CHAMPS_ADRESSE, type Adresse } from "./schema";
import { communeParCode, communesParCodePostal } from "./communes";
import type { Position } from "./geo";
import { markdownEnTexte, premierePhrase } from "./markdown";
import { codeDeService } from "./selection/code";
import { comparerFrancais, normaliser } from "./text";

export interface Lieu extends Adresse {
  /** Where to put it on a map and measure distances: its coordinates, else its commune's centre. */
  position?: Position;
  /** True when the position is the commune's centre, not the exact place. */
  positionApprochee: boolean;
}

export interface Structure extends Omit<StructureFrontmatter, keyof Lieu | "source" | "id"> {
  slug: string;
  /** data·inclusion source: the record's origin for an imported one, else the site's. */
  source: string;
  /** data·inclusion id: the record's own for an imported one, else `<source>--<slug>`. */
  id: string;
  lieu?: Lieu;
  /** Markdown presentation (may be empty). */
  presentation: string;
}

export interface Service extends Omit<ServiceFrontmatter, keyof Lieu | "resume" | "structure" | "anciens_slugs" | "source" | "id" | "structure_id"> {
  slug: string;
  /** The file's former names, oldest first (`anciens_slugs`): their pages redirect here. */
  anciensSlugs: string[];
  /** data·inclusion source: the record's origin for an imported one, else the site's. */
  source: string;
  /**
   * data·inclusion id: the record's own for an imported one; else from the first name the file ever had,
   * `<source>--<slugStable>`, unchanged by renames.
   */
  id: string;
  /** Short code of shared selections (selection/code.ts), from `id`. */
  code: string;
  structureSlug: string;
  /** Its structure's id (that of the file that holds a merged duplicate's services too). */
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
  serviceParCode(code: string): Service | undefined;
  /** The service that had this name before (an old link). */
  serviceParAncienSlug(slug: string): Service | undefined;
  servicesDeLaStructure(slug: string): readonly Service[];
}

export function idDataInclusion(source: string, slug: string): string {
  return `${source}--${slug}`;
}

/** The slug the open-data id is built from: the first name the file ever had. */
export function slugStable(slug: string, anciensSlugs: readonly string[] | undefined): string {
  return anciensSlugs?.[0] ?? slug;
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
  const { source: sourceImportee, id, ...reste } = entree.donnees;
  return {
    ...sansLieu(reste),
    slug: entree.slug,
    source: sourceImportee ?? source,
    id: id ?? idDataInclusion(source, entree.slug),
    lieu: lieuDe(entree.donnees),
    presentation: entree.corps.trim(),
  };
}

export function construireService(entree: EntreeService, structure: Structure | undefined, source: string): Service {
  const {
    resume,
    structure: structureSlug,
    anciens_slugs: anciensSlugs = [],
    source: sourceImportee,
    id: idImporte,
    structure_id: _structureIdImporte,
    ...reste
  } = entree.donnees;
  const lieuPropre = lieuDe(entree.donnees);
  const description = entree.corps.trim();
  const id = idImporte ?? idDataInclusion(source, slugStable(entree.slug, anciensSlugs));
  return {
    ...sansLieu(reste),
    slug: entree.slug,
    anciensSlugs: [...anciensSlugs],
    source: sourceImportee ?? source,
    id,
    code: codeDeService(id),
    structureSlug,
    structure_id: structure?.id ?? idDataInclusion(source, structureSlug),
    resume: resume ?? premierePhrase(markdownEnTexte(description), LONGUEUR_MAX_RESUME),
    resumeFourni: resume !== undefined,
    lieu: lieuPropre ?? structure?.lieu,
    lieuHerite: lieuPropre === undefined && structure?.lieu !== undefined,
    description,
  };
}

/** Alphabetical order; two of the same name (a body's branches) by slug, not by the order files were read in. */
const parNomPuisSlug = (a: { nom: string; slug: string }, b: { nom: string; slug: string }) =>
  comparerFrancais(a.nom, b.nom) || a.slug.localeCompare(b.slug);

export function construireCatalogue(
  entreesStructures: readonly EntreeStructure[],
  entreesServices: readonly EntreeService[],
  source: string,
): Catalogue {
  const structures = entreesStructures.map((e) => construireStructure(e, source)).sort(parNomPuisSlug);
  const structures_ = new Map(structures.map((s) => [s.slug, s]));
  const services = entreesServices
    .map((e) => construireService(e, structures_.get(e.donnees.structure), source))
    .sort(parNomPuisSlug);
  const services_ = new Map(services.map((s) => [s.slug, s]));
  const parCode = new Map(services.map((s) => [s.code, s]));
  const parAncienSlug = new Map(services.flatMap((s) => s.anciensSlugs.map((ancien) => [ancien, s] as const)));
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
    serviceParCode: (code) => parCode.get(code),
    serviceParAncienSlug: (slug) => parAncienSlug.get(slug),
    servicesDeLaStructure: (slug) => parStructure.get(slug) ?? [],
  };
}
