/**
 * /qualite/ and its CSV, computed once per build: the catalogue, the validator's problems on the catalogue
 * folder (the run that checked the catalogue before the build), the last import's JSON report when the catalogue has one.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DOSSIER_IMPORT, FICHIERS_IMPORT } from "../domain/data-inclusion/commande";
import { bilanQualite, chiffresQualite, lireRapportImport, type Bilan, type OptionsCsv, type OptionsRelance } from "../domain/qualite";
import { validationDuDossier } from "./validation-du-catalogue";
import { siteConfig } from "../../site.config";
import { aujourdhui } from "./aujourdhui";
import { getCatalogue } from "./catalogue";
import { dossierCatalogue, pagesDuCatalogue } from "./dossier-catalogue";
import { optionsExport } from "./export";
import { urlsPubliques } from "./urls";

export const optionsRelance: OptionsRelance = {
  nomDuSite: siteConfig.nom,
  courrielDepartement: siteConfig.editeur.courriel,
  urlEdition: urlsPubliques.edition,
};

export const optionsCsv: OptionsCsv = { urlService: urlsPubliques.service, urlStructure: urlsPubliques.structure, urlEdition: urlsPubliques.edition };

/** The report's path as the page shows it. */
export const cheminRapportImport = join(dossierCatalogue, DOSSIER_IMPORT, FICHIERS_IMPORT.rapportJson);

let enCours: Promise<Bilan> | undefined;

const BILAN_VIDE: Bilan = { structures: [], scores: new Map(), rapportPresent: false, refuses: 0, servicesAVoir: 0, chiffres: chiffresQualite([], new Map(), "") };

/**
 * Empty in a search-only build (CARTO_PAGES_CATALOGUE=0, the search benchmark's 10,000 services): its links
 * would lead to pages not built, and it would validate the whole catalogue a second time for nothing.
 */
export function getBilanQualite(): Promise<Bilan> {
  if (!pagesDuCatalogue) return Promise.resolve(BILAN_VIDE);
  enCours ??= getCatalogue().then((catalogue) => {
    const rapport = lireRapportImport(existsSync(cheminRapportImport) ? readFileSync(cheminRapportImport, "utf8") : undefined, cheminRapportImport);
    const { problemes } = validationDuDossier(dossierCatalogue, aujourdhui);
    return bilanQualite(catalogue, { aujourdhui, problemes, rapport, export: optionsExport });
  });
  return enCours;
}
