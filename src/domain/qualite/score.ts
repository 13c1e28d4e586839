/**
 * A service's quality score, with the criteria data·inclusion publishes for its own: repository
 * gip-inclusion/data-inclusion-schema, `src/data_inclusion/schema/v1/score_qualite.py`, as of commit
 * 846d0ec1b0202474eba659898a1ecd4d14948e7a (tag v1.0.8, which data·inclusion's pipeline pins). Each criterion
 * gives 0 to 1, or `null` when it does not apply; the score is the mean of those that apply, each rounded to
 * 2 decimals, rounded to 2 decimals, as Python's `round` does it. It is computed on the record we export
 * (export/enregistrements.ts): what data·inclusion would score if it read our open data.
 * Where we differ (docs/qualite.md): the age is counted in whole days to the build's day, and a record
 * checked exactly 180 days ago gets 1 (data·inclusion's strict comparisons give 0 at that exact instant).
 */
import type { EnregistrementService } from "../export/enregistrements";
import { joursEntre } from "../dates";

export type ServiceNote = Pick<
  EnregistrementService,
  | "source"
  | "adresse"
  | "modes_accueil"
  | "modes_mobilisation"
  | "mobilisable_par"
  | "publics"
  | "thematiques"
  | "courriel"
  | "lien_mobilisation"
  | "telephone"
  | "date_maj"
  | "frais"
  | "frais_precisions"
  | "description"
>;

export interface Critere {
  /** data·inclusion's function name. */
  nom: string;
  /** What it checks, in French, for the Département. */
  libelle: string;
  evaluer: (s: ServiceNote, aujourdhui: string) => number | null;
}

/** A record older than this (days) is no longer fully recent; at two years it scores 0 (pendulum counts 6 months as 180 days, 2 years as 730). */
export const JOURS_SIX_MOIS = 180;
export const JOURS_DEUX_ANS = 730;
/** Sources data·inclusion does not score on their date (their dates say nothing of a check). */
export const SOURCES_SANS_DATE = ["agefiph", "france-travail"] as const;

const contient = (liste: readonly string[] | null, code: string) => liste?.includes(code) ?? false;
const rempli = (v: string | null | undefined) => v !== null && v !== undefined && v !== "";

/** Ages in days to a date_maj score: 1 under six months, down to 0 at two years. */
export function scoreAge(jours: number): number {
  if (jours <= JOURS_SIX_MOIS) return 1;
  if (jours < JOURS_DEUX_ANS) return (JOURS_DEUX_ANS - jours) / (JOURS_DEUX_ANS - JOURS_SIX_MOIS);
  return 0;
}

/** Length as Python's `len` counts it (code points, not UTF-16 units). */
const longueur = (texte: string) => [...texte].length;

/** data·inclusion's criteria, in its order (the order of the sum matters to the last decimal). */
export const CRITERES: readonly Critere[] = [
  {
    nom: "adresse_bien_definie",
    libelle: "adresse (rue) d'un service reçu sur place",
    evaluer: (s) => (contient(s.modes_accueil, "en-presentiel") || contient(s.modes_mobilisation, "se-presenter") ? (rempli(s.adresse) ? 1 : 0) : null),
  },
  {
    nom: "modes_mobilisation_bien_definis",
    libelle: "comment le mobiliser et par qui",
    evaluer: (s) => (s.modes_mobilisation !== null ? 0.5 : 0) + (s.mobilisable_par !== null ? 0.5 : 0),
  },
  { nom: "au_moins_un_public", libelle: "au moins un public", evaluer: (s) => (s.publics && s.publics.length > 0 ? 1 : 0) },
  { nom: "au_moins_une_thematique", libelle: "au moins une thématique", evaluer: (s) => (s.thematiques.length > 0 ? 1 : 0) },
  {
    nom: "au_moins_un_moyen_de_contact",
    libelle: "un courriel, un lien de mobilisation ou un téléphone",
    evaluer: (s) => ([s.courriel, s.lien_mobilisation, s.telephone].some(rempli) ? 1 : 0),
  },
  {
    nom: "courriel_bien_defini",
    libelle: "un courriel quand on le mobilise par courriel",
    evaluer: (s) => (contient(s.modes_mobilisation, "envoyer-un-courriel") ? (rempli(s.courriel) ? 1 : 0) : null),
  },
  {
    nom: "date_maj_recente",
    libelle: "mise à jour récente",
    evaluer: (s, aujourdhui) => ((SOURCES_SANS_DATE as readonly string[]).includes(s.source) ? null : scoreAge(joursEntre(s.date_maj, aujourdhui))),
  },
  {
    nom: "frais_bien_definis",
    libelle: "frais (et leurs précisions s'ils sont payants)",
    evaluer: (s) => (s.frais === null ? 0 : s.frais === "payant" && !rempli(s.frais_precisions) ? 0.5 : 1),
  },
  {
    nom: "description_bien_definie",
    libelle: "description de 200 à 1 999 caractères",
    // data·inclusion raises on an empty description or one over 10,000 characters; our schema forbids both.
    evaluer: (s) => {
      const n = longueur(s.description);
      return n < 50 ? 0 : n < 200 ? 0.5 : n < 2000 ? 1 : 0.5;
    },
  },
  {
    nom: "telephone_bien_defini",
    libelle: "un téléphone quand on le mobilise par téléphone",
    evaluer: (s) => (contient(s.modes_mobilisation, "telephoner") ? (rempli(s.telephone) ? 1 : 0) : null),
  },
];

/**
 * Python's `round(x, 2)` on a double: the nearest hundredth, ties to even. A tie is exact only when x is an
 * odd number of eighths (0.125, 0.625…), where `toFixed` rounds up and Python to the even hundredth.
 */
export function arrondi2(x: number): number {
  const huitiemes = x * 8;
  if (Number.isInteger(huitiemes) && huitiemes % 2 !== 0) {
    const bas = Math.floor(x * 100);
    return (bas % 2 === 0 ? bas : bas + 1) / 100;
  }
  return Number(x.toFixed(2));
}

export interface Score {
  /** 0 to 1, 2 decimals. */
  valeur: number;
  /** Each criterion's value (null: not applicable), in data·inclusion's order. */
  criteres: { nom: string; libelle: string; valeur: number | null }[];
}

export function scoreQualite(s: ServiceNote, aujourdhui: string): Score {
  const criteres = CRITERES.map((c) => ({ nom: c.nom, libelle: c.libelle, valeur: c.evaluer(s, aujourdhui) }));
  const pertinents = criteres.flatMap((c) => (c.valeur === null ? [] : [arrondi2(c.valeur)]));
  let somme = 0;
  for (const v of pertinents) somme += v;
  return { valeur: arrondi2(somme / pertinents.length), criteres };
}
