/**
 * The search index, built once per build from the domain objects and written under content-hashed
 * names (/recherche/index-<hash>.json, /recherche/termes-<hash>.json) so that browsers may cache them for good.
 */
import { createHash } from "node:crypto";
import { construireIndexRecherche } from "../domain/recherche/index-recherche";
import { separerTermes } from "../domain/recherche/decoupage";
import { getCatalogue } from "./catalogue";

interface Fichier {
  json: string;
  hash: string;
  url: string;
}

let enCours: Promise<{ index: Fichier; termes: Fichier }> | undefined;

function fichier(nom: string, contenu: unknown): Fichier {
  const json = JSON.stringify(contenu);
  const hash = createHash("sha256").update(json).digest("hex").slice(0, 12);
  return { json, hash, url: `/recherche/${nom}-${hash}.json` };
}

export function getIndexRecherche() {
  enCours ??= (async () => {
    const { index, termes } = separerTermes(construireIndexRecherche(await getCatalogue()));
    return { index: fichier("index", index), termes: fichier("termes", termes) };
  })();
  return enCours;
}
