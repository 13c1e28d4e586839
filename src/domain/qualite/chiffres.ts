/**
 * The catalogue-wide figures of /qualite/: the share of services up to date (not « à vérifier »), overall,
 * per theme (a service counts in each theme of its thématiques) and per EPCI of its place (a service with
 * no place, or placed outside the territory, in a group of its own); the mean data·inclusion score.
 */
import type { Service } from "../catalogue";
import { communeDuLieu } from "../catalogue";
import { epciParSiren } from "../communes";
import { estAVerifier } from "../freshness";
import { serviceDansLeTheme } from "../regroupements";
import { themes } from "../taxonomy";
import { comparerFrancais } from "../text";
import { arrondi2 } from "./score";

export interface Part {
  libelle: string;
  total: number;
  aJour: number;
}

export interface Chiffres {
  ensemble: Part;
  parTheme: Part[];
  parEpci: Part[];
  /** Mean score (2 decimals); undefined for an empty catalogue. */
  scoreMoyen?: number;
}

export const SANS_LIEU = "Sans adresse (à distance)";
export const HORS_TERRITOIRE = "Hors du département";

/** « 85 % » : the share, rounded down so that 99.6 % is not shown as all. */
export const pourcentage = (p: Part) => (p.total === 0 ? "—" : `${Math.floor((100 * p.aJour) / p.total)} %`);

/** The EPCI of a service's place, by name. */
export function epciDuService(s: Pick<Service, "lieu">): string {
  if (!s.lieu) return SANS_LIEU;
  const siren = communeDuLieu(s.lieu)?.epci;
  return (siren ? epciParSiren(siren)?.nom : undefined) ?? HORS_TERRITOIRE;
}

export function chiffresQualite(services: readonly Service[], scores: ReadonlyMap<string, { valeur: number }>, aujourdhui: string): Chiffres {
  const aJour = (s: Service) => !estAVerifier(s.date_maj, aujourdhui);
  const part = (libelle: string, liste: readonly Service[]): Part => ({ libelle, total: liste.length, aJour: liste.filter(aJour).length });
  const parTheme = themes
    .map((t) => part(t.label, services.filter((s) => serviceDansLeTheme(s, t))))
    .filter((p) => p.total > 0);
  const groupes = new Map<string, Service[]>();
  for (const s of services) {
    const nom = epciDuService(s);
    const groupe = groupes.get(nom);
    if (groupe) groupe.push(s);
    else groupes.set(nom, [s]);
  }
  const rangAutres = (nom: string) => (nom === SANS_LIEU || nom === HORS_TERRITOIRE ? 1 : 0);
  const parEpci = [...groupes.entries()]
    .sort(([a], [b]) => rangAutres(a) - rangAutres(b) || comparerFrancais(a, b))
    .map(([nom, liste]) => part(nom, liste));
  const valeurs = services.flatMap((s) => (scores.has(s.slug) ? [scores.get(s.slug)!.valeur] : []));
  return {
    ensemble: part("Ensemble du catalogue", services),
    parTheme,
    parEpci,
    ...(valeurs.length > 0 ? { scoreMoyen: arrondi2(valeurs.reduce((a, b) => a + b, 0) / valeurs.length) } : {}),
  };
}
