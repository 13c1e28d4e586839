/**
 * The sources of the synthetic dump: who publishes what (the open data has neither soliguide nor agefiph),
 * and how each writes its local ids (DORA's word slugs, numbers, agency codes, names with accents…).
 */
import type { Ponderation, Tirage } from "../../src/domain/aleatoire";
import type { CommuneFrance } from "./communes-france";
import * as V from "./vocabulaire";

export interface Source {
  nom: string;
  poids: number;
  /** Host of `lien_source`, or none. */
  hote?: string;
  /** How it writes local ids. */
  style: "mots" | "numero" | "agence" | "nom" | "hexa";
  /** Share of descriptions in HTML. */
  html: number;
}

export const SOURCES: readonly Source[] = [
  { nom: "dora", poids: 30, hote: "dora.example.org", style: "mots", html: 0.02 },
  { nom: "emplois-de-linclusion", poids: 14, hote: "emplois.example.org", style: "numero", html: 0.0 },
  { nom: "mediation-numerique", poids: 15, hote: "cartographie.example.org", style: "nom", html: 0.35 },
  { nom: "carif-oref", poids: 7, hote: "offre-formation.example.org", style: "hexa", html: 0.7 },
  { nom: "fredo", poids: 3, style: "numero", html: 0.1 },
  { nom: "action-logement", poids: 2, hote: "action-logement.example.org", style: "mots", html: 0.5 },
  { nom: "monenfant", poids: 6, hote: "monenfant.example.org", style: "numero", html: 0.0 },
  { nom: "reseau-alpha", poids: 2, hote: "reseau-alpha.example.org", style: "numero", html: 0.3 },
  { nom: "ma-boussole-aidants", poids: 3, hote: "maboussole.example.org", style: "hexa", html: 0.2 },
  { nom: "odspep", poids: 2, style: "numero", html: 0.0 },
  { nom: "un-jeune-une-solution", poids: 1, hote: "1jeune1solution.example.org", style: "hexa", html: 0.4 },
];
const SOURCE_FRANCE_TRAVAIL: Source = { nom: "france-travail", poids: 0, hote: "francetravail.example.org", style: "agence", html: 0.0 };
const SOURCE_MISSION_LOCALE: Source = { nom: "mission-locale", poids: 0, hote: "mission-locale.example.org", style: "numero", html: 0.05 };
const sourceParNom = new Map([...SOURCES, SOURCE_FRANCE_TRAVAIL, SOURCE_MISSION_LOCALE].map((s) => [s.nom, s]));

/** The source a structure of this kind usually comes from. */
export function sourceDuGenre(genre: V.GenreStructure, t: Tirage, generales: Ponderation<Source>): Source {
  switch (genre.reseau) {
    case "france-travail":
      return t.proba(0.85) ? SOURCE_FRANCE_TRAVAIL : generales.tirer(t);
    case "mission-locale":
      return t.proba(0.85) ? SOURCE_MISSION_LOCALE : generales.tirer(t);
    case "conseillers-numeriques":
    case "france-service":
      return t.proba(0.7) ? sourceParNom.get("mediation-numerique")! : generales.tirer(t);
    case "aci":
    case "ei":
    case "ai":
      return t.proba(0.6) ? sourceParNom.get("emplois-de-linclusion")! : generales.tirer(t);
    default:
      return generales.tirer(t);
  }
}

export function identifiantLocal(source: Source, numero: number, commune: CommuneFrance, t: Tirage): string {
  const b36 = numero.toString(36);
  switch (source.style) {
    case "mots":
      return `${t.un(V.MOTS_IDENTIFIANTS)}-${t.un(V.MOTS_IDENTIFIANTS)}-${t.un(V.MOTS_IDENTIFIANTS)}-${b36}`;
    case "numero":
      return String(10_000 + numero);
    case "agence":
      return `${commune.departement}${String(numero % 1000).padStart(3, "0")}-${b36}`;
    case "nom":
      // Names with accents and spaces turned to underscores, as some mediation-numerique ids are.
      return `${commune.nom.replace(/[\s']/g, "_")}_${b36}`;
    case "hexa":
      return `${Math.floor(t.suivant() * 0xffffffff).toString(16).padStart(8, "0")}${numero.toString(16).padStart(6, "0")}`;
  }
}
