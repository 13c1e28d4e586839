/**
 * The search index, built once per build from the domain objects and written under content-hashed
 * names (/recherche/index-<hash>.json, /recherche/termes-<hash>.json) so that browsers may cache them for good;
 * and the first page of results of each commune and commune + theme, in a content-hashed folder
 * (/recherche/premiers/<hash>/<commune>[-<theme>].json).
 */
import { createHash } from "node:crypto";
import { construireIndexRecherche } from "../domain/recherche/index-recherche";
import { separerTermes } from "../domain/recherche/decoupage";
import { calculerPremiersResultats, criteresAPrecalculer, nomDesPremiersResultats } from "../domain/recherche/premiers-resultats";
import { preparerIndex } from "../domain/recherche/requete";
import { getCatalogue } from "./catalogue";

interface Fichier {
  json: string;
  hash: string;
  url: string;
}

export interface PremiersResultatsConstruits {
  /** Folder of the files, ending with "/". */
  dossier: string;
  hash: string;
  fichiers: { nom: string; json: string }[];
}

let enCours: Promise<{ index: Fichier; termes: Fichier; premiers: PremiersResultatsConstruits }> | undefined;

const empreinte = (contenu: string) => createHash("sha256").update(contenu).digest("hex").slice(0, 12);

function fichier(nom: string, contenu: unknown): Fichier {
  const json = JSON.stringify(contenu);
  const hash = empreinte(json);
  return { json, hash, url: `/recherche/${nom}-${hash}.json` };
}

export function getIndexRecherche() {
  enCours ??= (async () => {
    const { index, termes } = separerTermes(construireIndexRecherche(await getCatalogue()));
    const prepare = preparerIndex(index);
    const fichiers = criteresAPrecalculer().map((c) => ({ nom: nomDesPremiersResultats(c), json: JSON.stringify(calculerPremiersResultats(prepare, c)) }));
    const hash = empreinte(fichiers.map((f) => `${f.nom}\n${f.json}`).join("\n"));
    return {
      index: fichier("index", index),
      termes: fichier("termes", termes),
      premiers: { dossier: `/recherche/premiers/${hash}/`, hash, fichiers },
    };
  })();
  return enCours;
}
