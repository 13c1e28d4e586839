/**
 * The search index: what the result cards, the filters, the coverage rule and the text search need of
 * each service, and nothing more (no whole descriptions: a few distinctive terms stand for them).
 * Built at build time from the domain objects, written as a static content-hashed JSON file, fetched
 * once by the browser. Keys are short and empty values absent, so that 2,000 services stay small.
 */
import type { Catalogue } from "../catalogue";
import { modesDuService } from "../carte-service";
import { communeDeLaCarte, etatDeLaCarte } from "../carte-service-catalogue";
import { jourDuSite } from "../dates";
import { besoinParCode, besoins as tousLesBesoins, categorieDuCode, TOUS_PUBLICS } from "../taxonomy";
import { libellesDesBesoins } from "./besoins";
export { libellesDesBesoins };
import { normaliser } from "../text";
import { estMotVide } from "./mots-vides";
import { racine, termesDuTexte } from "./termes";
import { joignableEnUrgence } from "../urgence";

export interface IndexRecherche {
  v: 1;
  /** Structure names, referenced by position. */
  structures: string[];
  /** The need codes used (`categorie--besoin`), referenced by position, in reference-list order. */
  besoins: string[];
  /** In the catalogue's order, French alphabetical by name: the page takes the rank as the name order. */
  services: ServiceIndexe[];
}

export interface ServiceIndexe {
  /** Slug (page /services/<s>/). */
  s: string;
  /** Service code (selection/code.ts): « Ajouter à ma sélection » on the card. */
  co: string;
  /** Nom. */
  n: string;
  /** Index into `structures`. */
  st: number;
  /** Résumé (card text). */
  r: string;
  /** Indices into `besoins`. */
  b: number[];
  /** Publics codes (absent = tous-publics, or not said). */
  p?: string[];
  /** Type code. */
  t?: string;
  /** Frais code. */
  f?: string;
  /** Modes d'accueil: 1 en-presentiel, 2 a-distance, 3 both. */
  m: 1 | 2 | 3;
  /** [lat, lon] of the in-person place (own or inherited), 5 decimals. Absent for remote-only services. */
  l?: [number, number];
  /** 1 when `l` is the commune's centre, not the exact place. */
  a?: 1;
  /** Commune name of the in-person place (card text). */
  c?: string;
  /** zone_eligibilite codes (absent = no restriction). */
  z?: string[];
  /** Distinctive terms of the description, space separated (at most `MAX_TERMES_DISTINCTIFS`). */
  k?: string;
  /** 1 when reached by an emergency number (urgence.ts): first for the needs it serves. */
  u?: 1;
  /** 1 when « à vérifier » on the build's day (freshness.ts): the card says so. */
  v?: 1;
  /** The soonest current notice on the build's day (avis.ts): [title, message]. */
  x?: [string, string];
}

export const MAX_TERMES_DISTINCTIFS = 8;
/** Words shorter than this are not distinctive enough to stand for a description. */
const LONGUEUR_MIN_TERME = 4;

const arrondi5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** Markdown reduced to its words: links' targets, bare URLs and e-mail addresses removed. */
function motsDeLaDescription(markdown: string): string[] {
  const texte = markdown
    .replace(/\]\([^)]*\)/g, " ")
    .replace(/\bhttps?:\/\/\S+/gi, " ")
    .replace(/\bwww\.\S+/gi, " ")
    .replace(/\S+@\S+/g, " ");
  return normaliser(texte)
    .split(" ")
    .filter((m) => m.length >= LONGUEUR_MIN_TERME && /^[a-z]+$/.test(m) && !estMotVide(m));
}

/** How many documents hold each word: the rarity measure of `termesDistinctifs`. */
export interface FrequencesDocumentaires {
  nbDocuments: number;
  parMot: Map<string, number>;
}

export function frequencesDocumentaires(descriptions: readonly string[]): FrequencesDocumentaires {
  const parMot = new Map<string, number>();
  for (const d of descriptions) for (const m of new Set(motsDeLaDescription(d))) parMot.set(m, (parMot.get(m) ?? 0) + 1);
  return { nbDocuments: descriptions.length, parMot };
}

/**
 * A compact list of a description's distinctive terms (not the whole text): its words of 4 letters or
 * more, normalised, without French stop words nor the words already indexed elsewhere (name, summary,
 * structure, need labels: `dejaIndexe`), ranked by tf-idf across the catalogue, the `max` best,
 * space separated.
 */
export function termesDistinctifs(
  description: string,
  dejaIndexe: string,
  frequences: FrequencesDocumentaires,
  max = MAX_TERMES_DISTINCTIFS,
): string {
  const connus = new Set(termesDuTexte(dejaIndexe));
  const tf = new Map<string, number>();
  const racines = new Set<string>();
  for (const m of motsDeLaDescription(description)) {
    const r = racine(m);
    if (connus.has(r)) continue;
    // One form per root: "logement" and "logements" index the same term.
    if (!tf.has(m) && racines.has(r)) continue;
    racines.add(r);
    tf.set(m, (tf.get(m) ?? 0) + 1);
  }
  const n = Math.max(frequences.nbDocuments, 1);
  return [...tf]
    .map(([mot, f], ordre) => ({ mot, ordre, poids: f * Math.log((n + 1) / (frequences.parMot.get(mot) ?? 1)) }))
    .sort((a, b) => b.poids - a.poids || a.ordre - b.ordre)
    .slice(0, max)
    .map((t) => t.mot)
    .join(" ");
}

/** `aujourdhui`: the build's day, for what cards say of freshness and notices. */
export function construireIndexRecherche(catalogue: Catalogue, aujourdhui: string = jourDuSite()): IndexRecherche {
  const services = catalogue.services;
  const structures: string[] = [];
  const indexStructure = new Map<string, number>();
  const utilises = new Set(services.flatMap((s) => s.thematiques));
  const besoins = tousLesBesoins.map((b) => b.value).filter((code) => utilises.has(code));
  for (const code of utilises) if (!besoins.includes(code)) besoins.push(code);
  const indexBesoin = new Map(besoins.map((code, i) => [code, i]));
  const frequences = frequencesDocumentaires(services.map((s) => s.description));

  return {
    v: 1,
    structures,
    besoins,
    services: services.map((service): ServiceIndexe => {
      const structure = catalogue.structureParSlug(service.structureSlug);
      const nomStructure = structure?.nom ?? "";
      let st = indexStructure.get(nomStructure);
      if (st === undefined) {
        st = structures.push(nomStructure) - 1;
        indexStructure.set(nomStructure, st);
      }
      const m = modesDuService(service);
      const entree: ServiceIndexe = {
        s: service.slug,
        co: service.code,
        n: service.nom,
        st,
        r: service.resume,
        b: service.thematiques.map((code) => indexBesoin.get(code)!),
        m,
      };
      const publics = service.publics?.filter((p) => p !== TOUS_PUBLICS);
      if (publics && publics.length > 0) entree.p = publics;
      if (service.type) entree.t = service.type;
      if (service.frais) entree.f = service.frais;
      const lieu = service.lieu;
      if (m & 1 && lieu?.position) {
        entree.l = [arrondi5(lieu.position.lat), arrondi5(lieu.position.lon)];
        if (lieu.positionApprochee) entree.a = 1;
        const commune = communeDeLaCarte(service);
        if (commune) entree.c = commune;
      }
      if (service.zone_eligibilite && service.zone_eligibilite.length > 0) entree.z = [...service.zone_eligibilite];
      if (joignableEnUrgence(service)) entree.u = 1;
      Object.assign(entree, etatDeLaCarte(service, structure, aujourdhui));
      const dejaIndexe = [service.nom, service.resume, nomStructure, entree.c ?? "", ...libellesDesBesoins(service.thematiques)].join(" ");
      const k = termesDistinctifs(service.description, dejaIndexe, frequences);
      if (k) entree.k = k;
      return entree;
    }),
  };
}
