/**
 * What needs attention on a service, for the Département's /qualite/ page: each a named flag with a French
 * label and an urgency rank (1 first). The order is that of the harm to a person who relies on the listing:
 * first what leaves them unable to check before travelling (no contact), then what may be false (past six
 * months, a newer version refused at import), then what leaves them stuck (no way to mobilise it, no hours),
 * then the file's upkeep (an ended notice, the validator's warnings), last an approximate map pin.
 */
import type { Service, Structure } from "../catalogue";
import { avisTermines, titreAvis } from "../avis";
import { estAVerifier, ETIQUETTE_A_VERIFIER, MOIS_AVANT_VERIFICATION } from "../freshness";
import { horairesDuService } from "../horaires/fiche";
import { formaterProbleme, type Probleme } from "../validation";
import type { LigneRapport } from "../data-inclusion/import";
import { ligneProbleme } from "../data-inclusion/rapport";
import { contactDuService } from "../contact";

export type CodeSignal =
  | "sans-contact"
  | "a-verifier"
  | "refuse-import"
  | "sans-mobilisation"
  | "sans-horaires"
  | "avis-termine"
  | "avertissement"
  | "sans-coordonnees";

export interface DefinitionSignal {
  code: CodeSignal;
  /** Short, for the page, the e-mail and the CSV. */
  libelle: string;
  /** What it means and what to do (docs and the page's legend). */
  explication: string;
}

/** In urgency order: a flag's rank is its position here, from 1. */
export const SIGNAUX: readonly DefinitionSignal[] = [
  { code: "sans-contact", libelle: "ni téléphone ni courriel", explication: "ni le service ni sa structure n'ont de téléphone ou de courriel : personne ne peut vérifier avant de se déplacer" },
  { code: "a-verifier", libelle: `${ETIQUETTE_A_VERIFIER} (plus de ${MOIS_AVANT_VERIFICATION} mois)`, explication: `fiche ni modifiée ni confirmée depuis plus de ${MOIS_AVANT_VERIFICATION} mois : le site l'affiche « ${ETIQUETTE_A_VERIFIER} »` },
  { code: "refuse-import", libelle: "refusé au dernier import", explication: "le dernier import data·inclusion a refusé un enregistrement de cette structure (rapport d'import)" },
  { code: "sans-mobilisation", libelle: "aucun moyen de le mobiliser", explication: "ni mode de mobilisation, ni lien de mobilisation, ni téléphone : on ne sait pas comment y accéder" },
  { code: "sans-horaires", libelle: "horaires manquants", explication: "ni horaires propres, ni ceux de la structure quand le service est rendu à son adresse" },
  { code: "avis-termine", libelle: "avis ou fermeture terminé", explication: "un avis ou une fermeture déjà passé est encore dans la fiche : à retirer" },
  { code: "avertissement", libelle: "avertissement du validateur", explication: "le validateur du catalogue (npm run validate) signale un problème dans le fichier" },
  { code: "sans-coordonnees", libelle: "position approximative", explication: "service reçu sur place sans coordonnées exactes : la carte le place au centre de la commune" },
];

const PAR_CODE = new Map(SIGNAUX.map((d, i) => [d.code, { ...d, urgence: i + 1 }]));

export interface Signal {
  code: CodeSignal;
  libelle: string;
  /** 1 is the most urgent. */
  urgence: number;
  /** Particulars: the validator's lines, the notice, the refused record. */
  details: string[];
}

export function signal(code: CodeSignal, details: string[] = []): Signal {
  const d = PAR_CODE.get(code)!;
  return { code, libelle: d.libelle, urgence: d.urgence, details };
}

export interface ContexteSignaux {
  aujourdhui: string;
  /** The validator's problems on the catalogue (only warnings are read: a file with errors is not built). */
  problemes: readonly Probleme[];
  /** Refused import records attached to this service (rapport-import.ts). */
  refus?: readonly LigneRapport[];
}

/** Is this validator problem about the listing `<collection>/<slug>`? */
export function problemeDuFichier(p: Probleme, collection: "structures" | "services", slug: string): boolean {
  return p.fiche?.collection === collection && p.fiche.slug === slug;
}

/** The validator's warnings on a file, as the validator writes them (ended notices aside: their own flag says them). */
export function avertissementsDuFichier(problemes: readonly Probleme[], collection: "structures" | "services", slug: string): string[] {
  return problemes
    .filter((p) => p.gravite === "avertissement" && p.code !== "avis-termine" && problemeDuFichier(p, collection, slug))
    .map(formaterProbleme);
}

export const sansContact = (s: Service, st: Structure | undefined) => {
  const { telephone, courriel } = contactDuService(s, st);
  return !telephone && !courriel;
};

export const sansMobilisation = (s: Service, st: Structure | undefined) =>
  !(s.modes_mobilisation && s.modes_mobilisation.length > 0) && !s.lien_mobilisation && !contactDuService(s, st).telephone;

export const sansCoordonnees = (s: Service) => s.modes_accueil.includes("en-presentiel") && (!s.lieu || s.lieu.positionApprochee);

/** The flags of a service, most urgent first. */
export function signauxDuService(service: Service, structure: Structure | undefined, c: ContexteSignaux): Signal[] {
  const signaux: Signal[] = [];
  if (sansContact(service, structure)) signaux.push(signal("sans-contact"));
  if (estAVerifier(service.date_maj, c.aujourdhui)) signaux.push(signal("a-verifier"));
  if (c.refus && c.refus.length > 0) signaux.push(signal("refuse-import", c.refus.map(ligneProbleme)));
  if (sansMobilisation(service, structure)) signaux.push(signal("sans-mobilisation"));
  // Hours given but unsayable (sun times) are the validator's warning, not « missing ».
  const horaires = horairesDuService(service, structure, c.aujourdhui);
  if (!horaires.renseignes && !horaires.illisibles) signaux.push(signal("sans-horaires"));
  const termines = avisTermines(service, c.aujourdhui, 0);
  if (termines.length > 0) signaux.push(signal("avis-termine", termines.map((a) => titreAvis(a, c.aujourdhui))));
  const avertissements = avertissementsDuFichier(c.problemes, "services", service.slug);
  if (avertissements.length > 0) signaux.push(signal("avertissement", avertissements));
  if (sansCoordonnees(service)) signaux.push(signal("sans-coordonnees"));
  return signaux;
}

/** The flags of a structure's own file: its validator warnings, and refused import records not tied to one of its services. */
export function signauxDeLaStructure(slug: string | undefined, c: ContexteSignaux): Signal[] {
  const signaux: Signal[] = [];
  if (c.refus && c.refus.length > 0) signaux.push(signal("refuse-import", c.refus.map(ligneProbleme)));
  const avertissements = slug ? avertissementsDuFichier(c.problemes, "structures", slug) : [];
  if (avertissements.length > 0) signaux.push(signal("avertissement", avertissements));
  return signaux;
}

/** The most urgent rank of a list of flags (Infinity: nothing to do). */
export const urgenceDe = (signaux: readonly Signal[]) => Math.min(...signaux.map((s) => s.urgence));
