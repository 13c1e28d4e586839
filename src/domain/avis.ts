/**
 * Notices: what a person must know before going, for a while. A closure is a dated `off` rule of the hours
 * (horaires/fermetures.ts: it travels in the data·inclusion export, and « ouvert aujourd'hui » follows it);
 * any other temporary change is an entry of the service's `avis` field (our own). Both are shown from the
 * build's day until their last day, first on the page, as a mark on cards; afterwards they disappear at the
 * next daily build, and the validator asks for them to be removed a month later.
 */
import type { Service, Structure } from "./catalogue";
import { jourEnMots, jourPlus } from "./dates";
import { horairesSuivis } from "./horaires/fiche";
import { separerFermetures } from "./horaires/fermetures";

export type GenreAvis = "fermeture" | "changement";

export interface Avis {
  genre: GenreAvis;
  /** First day (YYYY-MM-DD); absent: announced until `au`, from now. */
  du?: string;
  /** Last day, included. */
  au: string;
  /** May be empty for a closure (the rule had no comment). */
  message: string;
}

/** The validator asks for an ended notice to be removed once this many days have passed (/qualite/ flags it the day after). */
export const JOURS_AVANT_RELANCE_AVIS = 30;

type ServiceAvis = Pick<Service, "avis" | "horaires_accueil" | "modes_accueil" | "lieu" | "lieuHerite">;

/** The closures of an hours value (none when it holds none, or cannot be read). */
export function fermeturesDesHoraires(horaires: string | undefined): Avis[] {
  if (!horaires) return [];
  return (separerFermetures(horaires)?.fermetures ?? []).map((f) => ({ genre: "fermeture", du: f.du, au: f.au, message: f.message }));
}

/** The notices written in a listing: its own `avis` and the closures of its own hours. */
export function avisDeLaFiche(fiche: { avis?: ServiceAvis["avis"]; horaires_accueil?: string }): Avis[] {
  const changements: Avis[] = (fiche.avis ?? []).map((a) => ({ genre: "changement", ...(a.du ? { du: a.du } : {}), au: a.au, message: a.message }));
  return [...fermeturesDesHoraires(fiche.horaires_accueil), ...changements];
}

/**
 * The notices a service's page and cards show on `aujourdhui`: not ended, soonest first. A service received at
 * its structure's place, without hours of its own, follows its structure's hours, and so its closures.
 */
export function avisEnCours(service: ServiceAvis, structure: Pick<Structure, "lieu" | "horaires_accueil"> | undefined, aujourdhui: string): Avis[] {
  const suivis = horairesSuivis(service, structure);
  const herites = suivis.deLaStructure ? fermeturesDesHoraires(suivis.valeur) : [];
  return nonTermines([...herites, ...avisDeLaFiche(service)], aujourdhui);
}

/** Those not ended on `aujourdhui`, soonest first. */
function nonTermines(avis: Avis[], aujourdhui: string): Avis[] {
  return avis.filter((a) => a.au >= aujourdhui).sort((a, b) => (a.du ?? aujourdhui).localeCompare(b.du ?? aujourdhui) || a.au.localeCompare(b.au));
}

/** A notice as pages say it. */
export interface AvisAffiche {
  genre: GenreAvis;
  titre: string;
  message: string;
}

export function avisAffiches(avis: readonly Avis[], aujourdhui: string): AvisAffiche[] {
  return avis.map((a) => ({ genre: a.genre, titre: titreAvis(a, aujourdhui), message: a.message }));
}

/** The closures a structure's page shows on `aujourdhui` (its hours'), soonest first. */
export function avisEnCoursDeLaStructure(structure: Pick<Structure, "horaires_accueil">, aujourdhui: string): Avis[] {
  return nonTermines(fermeturesDesHoraires(structure.horaires_accueil), aujourdhui);
}

/** The heading over a page's notices: « Fermeture annoncée », « Changement temporaire », or several. */
export function titreDesAvis(avis: readonly Pick<AvisAffiche, "genre">[]): string {
  if (avis.length > 1) return "Avis importants";
  return avis[0]?.genre === "fermeture" ? "Fermeture annoncée" : "Changement temporaire";
}

/** The notices of a listing ended more than `joursDeGrace` days before `aujourdhui`: to remove from the file. */
export function avisTermines(fiche: { avis?: ServiceAvis["avis"]; horaires_accueil?: string }, aujourdhui: string, joursDeGrace = JOURS_AVANT_RELANCE_AVIS): Avis[] {
  const limite = jourPlus(aujourdhui, -joursDeGrace);
  return avisDeLaFiche(fiche).filter((a) => a.au < limite);
}

/**
 * « Fermé du 21 décembre au 4 janvier 2027 inclus », « Fermé jusqu'au 4 janvier 2027 inclus » (begun), « Fermé le
 * 24 décembre », « Changement temporaire … »: years only where they differ from the build's (or, for the first
 * day, from the last day's); an ended notice (/qualite/) always says its dates.
 */
export function titreAvis(a: Avis, aujourdhui: string): string {
  const quoi = a.genre === "fermeture" ? "Fermé" : "Changement temporaire";
  const au = jourEnMots(a.au, { reference: aujourdhui });
  if (a.du === a.au) return `${quoi} le ${au}`;
  const enCours = (!a.du || a.du <= aujourdhui) && a.au >= aujourdhui;
  if (enCours) return `${quoi} jusqu'au ${au} inclus`;
  if (!a.du) return `${quoi} terminé le ${au}`;
  const du = jourEnMots(a.du, { reference: a.du.slice(0, 4) === a.au.slice(0, 4) ? a.au : aujourdhui });
  return `${quoi} du ${du} au ${au} inclus`;
}

/** A notice in one line (the selection sheet, the CMS's tests): « Fermé du … inclus : message ». */
export function ligneDAvis(a: Pick<AvisAffiche, "titre" | "message">): string {
  const message = a.message.trim();
  return message ? `${a.titre} : ${message}` : `${a.titre}.`;
}

export function avisEnUneLigne(a: Avis, aujourdhui: string): string {
  return ligneDAvis({ titre: titreAvis(a, aujourdhui), message: a.message });
}
