/** The catalogue validator: `validerDossier` (reads a folder) or `validerFichiers` (pure), and the output helpers. */
export { validerFichiers, formaterProbleme, resume, resumeValidation, DISTANCE_MAX_KM } from "./catalogue";
export type { FichierCatalogue, OptionsValidation, ResultatValidation } from "./catalogue";
export { lireDossierCatalogue, validerDossier } from "./lecture";
export type { LectureCatalogue } from "./lecture";
export { lireFrontMatter } from "./frontmatter";
export type { FrontMatter } from "./frontmatter";
export { messageBesoin, plusProche, problemesDepuisZod } from "./messages";
export type { Gravite, Probleme, ProblemeLocal } from "./messages";
