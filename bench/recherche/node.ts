/**
 * The search in Node, on the built site's index files, with the page's own functions: decoding
 * (`preparerIndex`), the text index (`creerIndexTexte`, built by the page after the first results), and per
 * keystroke (every prefix of every query, as the page sees them) the text query
 * (`chercherTexte`) and the main thread's filtering (`rechercher`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { rattacherTermes, type TermesRecherche } from "../../src/domain/recherche/decoupage";
import type { IndexRecherche } from "../../src/domain/recherche/index-recherche";
import { CRITERES_VIDES, preparerIndex, rechercher } from "../../src/domain/recherche/requete";
import { chercherTexte, creerIndexTexte } from "../../src/domain/recherche/texte";
import type { RequeteBench } from "./requetes";
import { chronometrer, distribution, type Distribution } from "./statistiques";

export interface FichiersIndex {
  /** URL paths, e.g. /recherche/index-<hash>.json. */
  index: string;
  termes: string;
}

export function fichiersIndex(dist: string): FichiersIndex {
  const noms = readdirSync(join(dist, "recherche"));
  const trouver = (prefixe: string) => {
    const nom = noms.find((n) => new RegExp(`^${prefixe}-[0-9a-f]+\\.json$`).test(n));
    if (!nom) throw new Error(`${dist}/recherche/${prefixe}-<hash>.json introuvable`);
    return `/recherche/${nom}`;
  };
  return { index: trouver("index"), termes: trouver("termes") };
}

export interface MesuresNode {
  /** JSON.parse of the index file. */
  lectureMs: number;
  preparerIndexMs: number;
  /** rattacherTermes + creerIndexTexte (what the page does once the terms are fetched). */
  creerIndexTexteMs: number;
  /** Per keystroke: text query, filtering, and both. */
  texte: Distribution;
  filtre: Distribution;
  requete: Distribution;
  /** The complete queries only (last keystroke). */
  requeteComplete: Distribution;
}

const mediane3 = (f: () => void) => {
  const fois = [0, 1, 2].map(() => chronometrer(f).ms).sort((a, b) => a - b);
  return fois[1]!;
};

export function mesurerNode(dist: string, requetes: readonly RequeteBench[], passes = 2): MesuresNode {
  const fichiers = fichiersIndex(dist);
  const jsonIndex = readFileSync(join(dist, fichiers.index), "utf8");
  const termes = JSON.parse(readFileSync(join(dist, fichiers.termes), "utf8")) as TermesRecherche;
  const lectureMs = mediane3(() => JSON.parse(jsonIndex));
  const index = JSON.parse(jsonIndex) as IndexRecherche;
  const preparerIndexMs = mediane3(() => preparerIndex(index));
  const creerIndexTexteMs = mediane3(() => creerIndexTexte(rattacherTermes(index, termes)));
  const prepare = preparerIndex(index);
  const mini = creerIndexTexte(rattacherTermes(index, termes));

  const texte: number[] = [];
  const filtre: number[] = [];
  const requete: number[] = [];
  const requeteComplete: number[] = [];
  // Pass 0 warms up (JIT, and each commune's coverage, which the page computes at its first results).
  for (let passe = 0; passe <= passes; passe++) {
    for (const { q, commune } of requetes) {
      const lettres = [...q];
      for (let k = 1; k <= lettres.length; k++) {
        const saisie = lettres.slice(0, k).join("");
        const t = chronometrer(() => chercherTexte(mini, saisie.trim()));
        const f = chronometrer(() => rechercher(prepare, { ...CRITERES_VIDES, commune, q: saisie }, t.resultat));
        if (passe === 0) continue;
        texte.push(t.ms);
        filtre.push(f.ms);
        requete.push(t.ms + f.ms);
        if (k === lettres.length) requeteComplete.push(t.ms + f.ms);
      }
    }
  }
  return {
    lectureMs,
    preparerIndexMs,
    creerIndexTexteMs,
    texte: distribution(texte),
    filtre: distribution(filtre),
    requete: distribution(requete),
    requeteComplete: distribution(requeteComplete),
  };
}
