import { fichiersOuverts, TYPES_CONTENU, type FichierOuvert, type OptionsExport } from "../domain/export";
import { getCatalogue } from "./catalogue";
import { urlsPubliques } from "./urls";

export const optionsExport: OptionsExport = {
  urlService: urlsPubliques.service,
  urlStructure: urlsPubliques.structure,
};

let enCours: Promise<FichierOuvert[]> | undefined;

/** The open-data files of this build, made once (the /donnees/ page and each file's endpoint share them). */
export function getFichiersOuverts(): Promise<FichierOuvert[]> {
  enCours ??= getCatalogue().then((catalogue) => fichiersOuverts(catalogue, optionsExport));
  return enCours;
}

/** The response of `/donnees/<nom>`. */
export async function reponseFichierOuvert(nom: string): Promise<Response> {
  const fichier = (await getFichiersOuverts()).find((f) => f.nom === nom);
  if (!fichier) throw new Error(`Fichier de données ouvertes inconnu : ${nom}`);
  return new Response(fichier.contenu, { headers: { "Content-Type": TYPES_CONTENU[fichier.format] } });
}
