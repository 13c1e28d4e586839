/**
 * Free-text search over the search index (MiniSearch, built in small slices once the first results
 * are shown, then queried on the main thread within the keystroke's own task):
 * service name, structure name, need labels, the everyday words of the needs (mots-courants.ts), summary,
 * the description's distinctive terms and the place's commune; accents, case, plurals and small typos aside.
 *
 * The everyday words are added to each service's document here, at index time, rather than by rewriting
 * the query: « dormir » is then one look-up like any word, with the same plural, prefix (while typing) and
 * typo rules; MiniSearch weighs it (field `mots`, light) against real text matches, so a service that says
 * « dormir » in its own words ranks above one that only has the need; and several words still combine
 * with AND (« dormir loudun ») without a second search path.
 */
import MiniSearch from "minisearch";
import type { IndexRecherche } from "./index-recherche";
import { libellesDesBesoins } from "./besoins";
import { BESOINS_PAR_MOT, motsDesBesoins } from "./mots-courants";
import { termesDuTexte } from "./termes";
import { dernierMotEnCours, LONGUEUR_PREFIXE } from "./mots-cherches";

interface DocumentTexte {
  id: number;
  nom: string;
  structure: string;
  besoins: string;
  mots: string;
  resume: string;
  k: string;
  commune: string;
}

export const CHAMPS_TEXTE = ["nom", "structure", "besoins", "mots", "resume", "k", "commune"] as const;
export const POIDS_CHAMPS: Record<(typeof CHAMPS_TEXTE)[number], number> = {
  nom: 3,
  structure: 1.5,
  besoins: 2,
  // Said by the table, not by the service: below its own words.
  mots: 0.75,
  resume: 1,
  k: 1,
  commune: 1,
};

/**
 * Terms of 5 characters or more tolerate typos (1 edit up to 9 characters, 2 from 10): shorter ones match too
 * much. A word of the everyday table is known, and searched as it is: « manger » is not a typo of « danger ».
 */
const fuzzy = (terme: string) => (terme.length >= 5 && !BESOINS_PAR_MOT.has(terme) ? 0.2 : false);

function processTerm(terme: string): string[] | null {
  const termes = termesDuTexte(terme);
  return termes.length > 0 ? termes : null;
}

/** `prefixes`, when given, counts the indexed words by their first letters (see prefixesCourants). */
function indexTexteVide(prefixes?: Map<string, number>): MiniSearch<DocumentTexte> {
  const compter = (termes: string[] | null) => {
    for (const t of termes ?? []) {
      if (t.length < LONGUEUR_PREFIXE) continue;
      const p = t.slice(0, LONGUEUR_PREFIXE);
      prefixes!.set(p, (prefixes!.get(p) ?? 0) + 1);
    }
    return termes;
  };
  return new MiniSearch<DocumentTexte>({
    fields: [...CHAMPS_TEXTE],
    storeFields: [],
    processTerm: prefixes ? (t) => compter(processTerm(t)) : processTerm,
    searchOptions: { boost: POIDS_CHAMPS, fuzzy, processTerm },
  });
}

function documentsTexte(index: IndexRecherche): DocumentTexte[] {
  return index.services.map((s, id) => {
    const codes = s.b.map((b) => index.besoins[b] ?? "");
    return {
      id,
      nom: s.n,
      structure: index.structures[s.st] ?? "",
      besoins: libellesDesBesoins(codes).join(" "),
      mots: motsDesBesoins(codes).join(" "),
      resume: s.r,
      k: s.k ?? "",
      commune: s.c ?? "",
    };
  });
}

export function creerIndexTexte(index: IndexRecherche): MiniSearch<DocumentTexte> {
  const mini = indexTexteVide();
  mini.addAll(documentsTexte(index));
  return mini;
}

/**
 * The same index, built in slices of `tranche` services with a task boundary between slices, so that
 * the page keeps answering keys and clicks while it is built (each slice takes a few milliseconds);
 * with the first letters its words most often start with (`prefixesCourants`: see chercheurTexte).
 */
export async function creerIndexTexteParTranches(
  index: IndexRecherche,
  tranche = 40,
): Promise<{ mini: MiniSearch<DocumentTexte>; prefixesCourants: string[] }> {
  const prefixes = new Map<string, number>();
  const mini = indexTexteVide(prefixes);
  await mini.addAllAsync(documentsTexte(index), { chunkSize: tranche });
  return { mini, prefixesCourants: prefixesCourants(prefixes) };
}

/** Prefixes whose answers are kept once computed, at most. */
export const PREFIXES_PREPARES_MAX = 64;
/** Services listed in those answers, at most, all prefixes together (memory: a few megabytes). */
export const ENTREES_PREPAREES_MAX = 50_000;

/** The 3-letter prefixes that start the most words of the catalogue (occurrences counted), most first. */
function prefixesCourants(prefixes: ReadonlyMap<string, number>): string[] {
  return [...prefixes]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, PREFIXES_PREPARES_MAX)
    .map(([p]) => p);
}

/** Service index → relevance score, for the words `q`. */
export interface ChercheurTexte {
  (q: string): Map<number, number>;
  /** Whether `terme` (a search term, see termesDuTexte), searched as a whole word and not as a prefix, finds a service. */
  estUnTerme(terme: string): boolean;
  /**
   * What the answer to `q` depends on: its terms, and whether the last one is being typed. « aide »,
   * « aide a » and « aide de » have the same: a page need not search again, nor show a new list.
   */
  cle(q: string): string;
  /**
   * Computes now what the next keys will ask for: each finished word of `q` (followed by another word
   * or a space), searched whole. Typing « mission l… » then searches « loc » alone, not « mission » too
   * (its whole-word look-up, with typos, was half of such a keystroke's query).
   */
  preparer(q: string): void;
  /**
   * Computes the answer of the next of the catalogue's most common 3-letter prefixes (given to
   * chercheurTexte), kept for good; false once none is left or the budget is spent. Their look-up is the
   * costliest of a word's keys (« con »: 1,400 services of 2,000, ~10 ms); a page runs this while idle.
   */
  preparerUnPrefixe(): boolean;
}

const decouper = MiniSearch.getDefault("tokenize") as (texte: string) => string[];
/** How many (term, prefix) answers a searcher keeps: the terms of the last few queries. */
const TERMES_EN_MEMOIRE = 64;

/**
 * A searcher over `mini`: every word must match (typos and plurals aside), the last one as a prefix
 * while it is being typed (no trailing space); when no service has every word, any word will do.
 *
 * The same scores as MiniSearch's own multi-word search (`search(q, { combineWith: "AND" })`: the sum of
 * the words' scores times the number of distinct words matched; tested), but each word's answer is
 * kept: typing « accompagnement lo… » searches « accompagnement » once, not again at every key (a
 * fuzzy look-up of a long word was the largest part of a keystroke's query).
 */
export function chercheurTexte(mini: MiniSearch<DocumentTexte> | MiniSearch, prefixesAPreparer: readonly string[] = []): ChercheurTexte {
  const parTerme = new Map<string, Map<number, number>>();
  const prefixesPrepares = new Map<string, Map<number, number>>();
  let entreesPreparees = 0;
  // The term is already processed: MiniSearch must take it as it is.
  function rechercherTerme(terme: string, prefixe: boolean): Map<number, number> {
    const trouves = new Map<number, number>();
    for (const r of mini.search(terme, { prefix: prefixe, fuzzy: fuzzy(terme), tokenize: (t) => [t], processTerm: (t) => t })) {
      trouves.set(r.id as number, r.score);
    }
    return trouves;
  }
  function chercherTerme(terme: string, prefixe: boolean): Map<number, number> {
    if (prefixe) {
      const prepare = prefixesPrepares.get(terme);
      if (prepare) return prepare;
    }
    const cle = `${prefixe ? "*" : "="}${terme}`;
    let trouves = parTerme.get(cle);
    if (!trouves) {
      trouves = rechercherTerme(terme, prefixe);
      if (parTerme.size >= TERMES_EN_MEMOIRE) parTerme.delete(parTerme.keys().next().value!);
      parTerme.set(cle, trouves);
    }
    return trouves;
  }
  let prochainPrefixe = 0;
  function preparerUnPrefixe(): boolean {
    if (prochainPrefixe >= prefixesAPreparer.length || entreesPreparees >= ENTREES_PREPAREES_MAX) return false;
    const p = prefixesAPreparer[prochainPrefixe++]!;
    const trouves = parTerme.get(`*${p}`) ?? rechercherTerme(p, true);
    prefixesPrepares.set(p, trouves);
    entreesPreparees += trouves.size;
    return prochainPrefixe < prefixesAPreparer.length && entreesPreparees < ENTREES_PREPAREES_MAX;
  }

  const termesDe = (q: string) => decouper(q).flatMap((t) => processTerm(t) ?? []);
  const chercher = (q: string): Map<number, number> => {
    const scores = new Map<number, number>();
    if (q.trim() === "") return scores;
    const enCoursDeFrappe = dernierMotEnCours(q);
    const termes = termesDe(q);
    if (termes.length === 0) return scores;
    // The word being typed matches as a prefix from 3 letters: "co" alone would match half the catalogue.
    const reponses = termes.map((t, i) => chercherTerme(t, enCoursDeFrappe && i === termes.length - 1 && t.length >= LONGUEUR_PREFIXE));
    const distincts = new Set(termes).size;

    // AND: the services every word found, from the shortest answer.
    const plusCourte = reponses.reduce((a, b) => (b.size < a.size ? b : a));
    for (const id of plusCourte.keys()) {
      let somme = 0;
      let partout = true;
      for (const r of reponses) {
        const score = r.get(id);
        if (score === undefined) {
          partout = false;
          break;
        }
        somme += score;
      }
      if (partout) scores.set(id, somme * distincts);
    }
    if (scores.size > 0) return scores;

    // OR: any word; the more distinct words a service matches, the better.
    const sommes = new Map<number, number>();
    const motsTrouves = new Map<number, Set<string>>();
    reponses.forEach((r, i) => {
      for (const [id, score] of r) {
        sommes.set(id, (sommes.get(id) ?? 0) + score);
        let mots = motsTrouves.get(id);
        if (!mots) motsTrouves.set(id, (mots = new Set()));
        mots.add(termes[i]!);
      }
    });
    for (const [id, somme] of sommes) scores.set(id, somme * motsTrouves.get(id)!.size);
    return scores;
  };
  return Object.assign(chercher, {
    estUnTerme: (terme: string) => chercherTerme(terme, false).size > 0,
    cle: (q: string) => (q.trim() === "" ? "" : `${termesDe(q).join(" ")}${dernierMotEnCours(q) ? "" : " "}`),
    preparer: (q: string) => {
      const termes = termesDe(q);
      const finis = dernierMotEnCours(q) ? termes.slice(0, -1) : termes;
      for (const t of finis) chercherTerme(t, false);
    },
    preparerUnPrefixe,
  });
}

/** One search, without keeping answers (tests, Node benchmark): see `chercheurTexte`. */
export function chercherTexte(mini: MiniSearch<DocumentTexte> | MiniSearch, q: string): Map<number, number> {
  return chercheurTexte(mini)(q);
}
