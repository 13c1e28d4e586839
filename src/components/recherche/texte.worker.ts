/**
 * Free-text search off the main thread: builds the MiniSearch index from the search index (the same
 * cached file the page fetched) and answers queries with typed arrays (service indices and scores).
 */
import type MiniSearch from "minisearch";
import { chercherTexte, creerIndexTexte } from "../../domain/recherche/texte";
import type { IndexRecherche } from "../../domain/recherche/index-recherche";
import { rattacherTermes, type TermesRecherche } from "../../domain/recherche/decoupage";

export type MessageVersTexte = { type: "init"; index: ArrayBuffer; urlTermes: string } | { type: "chercher"; id: number; q: string };
export type MessageDepuisTexte =
  | { type: "pret"; dureeMs: number }
  | { type: "resultats"; id: number; q: string; indices: Int32Array; scores: Float32Array; dureeMs: number }
  | { type: "erreur"; message: string };

let mini: MiniSearch | undefined;
const enAttente: { id: number; q: string }[] = [];

function repondre(id: number, q: string) {
  const debut = performance.now();
  const resultats = chercherTexte(mini!, q);
  const indices = new Int32Array(resultats.size);
  const scores = new Float32Array(resultats.size);
  let k = 0;
  for (const [i, score] of resultats) {
    indices[k] = i;
    scores[k++] = score;
  }
  const message: MessageDepuisTexte = { type: "resultats", id, q, indices, scores, dureeMs: performance.now() - debut };
  (self as unknown as Worker).postMessage(message, [indices.buffer, scores.buffer]);
}

self.onmessage = async (e: MessageEvent<MessageVersTexte>) => {
  const m = e.data;
  if (m.type === "init") {
    try {
      const debut = performance.now();
      const index = JSON.parse(new TextDecoder().decode(m.index)) as IndexRecherche;
      const reponse = await fetch(m.urlTermes);
      if (!reponse.ok) throw new Error(`${m.urlTermes} : HTTP ${reponse.status}`);
      const termes = (await reponse.json()) as TermesRecherche;
      mini = creerIndexTexte(rattacherTermes(index, termes));
      (self as unknown as Worker).postMessage({ type: "pret", dureeMs: performance.now() - debut } satisfies MessageDepuisTexte);
      // Only the latest waiting query matters: the person has typed on.
      const derniere = enAttente.pop();
      enAttente.length = 0;
      if (derniere) repondre(derniere.id, derniere.q);
    } catch (erreur) {
      (self as unknown as Worker).postMessage({ type: "erreur", message: String(erreur) } satisfies MessageDepuisTexte);
    }
  } else if (m.type === "chercher") {
    if (mini) repondre(m.id, m.q);
    else enAttente.push(m);
  }
};
