/**
 * Free-text search over the search index (MiniSearch, built in small slices once the first results
 * are shown, then queried on the main thread within the keystroke's own task):
 * service name, structure name, need labels, summary, the description's distinctive terms and the
 * place's commune; accents, case, plurals and small typos aside.
 */
import MiniSearch, { type SearchOptions } from "minisearch";
import type { IndexRecherche } from "./index-recherche";
import { libellesDesBesoins } from "./besoins";
import { termesDuTexte } from "./termes";

interface DocumentTexte {
  id: number;
  nom: string;
  structure: string;
  besoins: string;
  resume: string;
  k: string;
  commune: string;
}

export const CHAMPS_TEXTE = ["nom", "structure", "besoins", "resume", "k", "commune"] as const;
export const POIDS_CHAMPS: Record<(typeof CHAMPS_TEXTE)[number], number> = {
  nom: 3,
  structure: 1.5,
  besoins: 2,
  resume: 1,
  k: 1,
  commune: 1,
};

/** Terms of 5 characters or more tolerate typos (1 edit up to 9 characters, 2 from 10): shorter ones match too much. */
const fuzzy = (terme: string) => (terme.length >= 5 ? 0.2 : false);

function processTerm(terme: string): string[] | null {
  const termes = termesDuTexte(terme);
  return termes.length > 0 ? termes : null;
}

function indexTexteVide(): MiniSearch<DocumentTexte> {
  return new MiniSearch<DocumentTexte>({
    fields: [...CHAMPS_TEXTE],
    storeFields: [],
    processTerm,
    searchOptions: { boost: POIDS_CHAMPS, fuzzy, processTerm },
  });
}

function documentsTexte(index: IndexRecherche): DocumentTexte[] {
  return index.services.map((s, id) => ({
    id,
    nom: s.n,
    structure: index.structures[s.st] ?? "",
    besoins: libellesDesBesoins(s.b.map((b) => index.besoins[b] ?? "")).join(" "),
    resume: s.r,
    k: s.k ?? "",
    commune: s.c ?? "",
  }));
}

export function creerIndexTexte(index: IndexRecherche): MiniSearch<DocumentTexte> {
  const mini = indexTexteVide();
  mini.addAll(documentsTexte(index));
  return mini;
}

/**
 * The same index, built in slices of `tranche` services with a task boundary between slices, so that
 * the page keeps answering keys and clicks while it is built (each slice takes a few milliseconds).
 */
export async function creerIndexTexteParTranches(index: IndexRecherche, tranche = 40): Promise<MiniSearch<DocumentTexte>> {
  const mini = indexTexteVide();
  await mini.addAllAsync(documentsTexte(index), { chunkSize: tranche });
  return mini;
}

/**
 * Service index → relevance score. Every word must match (typos and plurals aside), the last one as a
 * prefix while it is being typed (no trailing space); when no service has every word, any word will do.
 */
export function chercherTexte(mini: MiniSearch<DocumentTexte> | MiniSearch, q: string): Map<number, number> {
  const scores = new Map<number, number>();
  if (q.trim() === "") return scores;
  const enCoursDeFrappe = !/\s$/.test(q);
  const options: SearchOptions = {
    // The word being typed matches as a prefix from 3 letters: "co" alone would match half the catalogue.
    prefix: (terme, i, termes) => enCoursDeFrappe && i === termes.length - 1 && terme.length >= 3,
    combineWith: "AND",
  };
  let trouves = mini.search(q, options);
  if (trouves.length === 0) trouves = mini.search(q, { ...options, combineWith: "OR" });
  for (const t of trouves) scores.set(t.id as number, t.score);
  return scores;
}
