/**
 * Everyday words → needs: what a person types (« dormir », « papiers », « psy ») where the catalogue says
 * « hébergement temporaire », « démarches administratives », « santé mentale ». Reviewed by hand, one line
 * a word; a need is a data·inclusion code of taxonomy.ts, or a category code for all its needs (never a label).
 * Words are written as people spell them; they are searched in their normalised form (termes.ts: accents,
 * case and plurals aside), so « Papiers », « papier » and « PAPIERS » are one word.
 *
 * Used by the text index (each service also answers to the words of its needs: texte.ts), by the order of
 * results (requete.ts `besoinsVises`: an emergency service comes first for the needs the words point to) and
 * by the empty result's suggestions (suggestions-besoins.ts).
 */
import { besoinParCode, categorieParCode } from "../taxonomy";
import { termesDuTexte } from "./termes";

// Codes used more than once, named once.
const HEBERGEMENT = "logement-hebergement--rechercher-une-solution-dhebergement-temporaire";
const LOUER = "logement-hebergement--louer-un-logement";
const CHANGER_LOGEMENT = "logement-hebergement--changer-de-logement";
const MAINTIEN_LOGEMENT = "logement-hebergement--se-maintenir-dans-le-logement";
const IMPAYES_LOYER = "logement-hebergement--reduire-les-impayes-de-loyer";
const INFO_LOGEMENT = "logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement";
const ALIMENTATION = "equipement-et-alimentation--alimentation";
const HABILLEMENT = "equipement-et-alimentation--habillement";
const VEHICULE = "mobilite--acceder-a-un-vehicule";
const REPARER = "mobilite--entretenir-reparer-son-vehicule";
const PERMIS = "mobilite--preparer-un-permis";
const TRANSPORTS = "mobilite--mobilite-douce-partagee-collective";
const PARCOURS_MOBILITE = "mobilite--etre-accompagne-dans-son-parcours-mobilite";
const FINANCER_MOBILITE = "mobilite--financer-ma-mobilite";
const DEMARCHES = "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives";
const DROITS = "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits";
const CITOYENNETE = "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete";
const JUSTICE = "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire";
const DISCRIMINATION = "difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination";
const MESURE_ADAPTEE = "difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte";
const FINANCES = "difficultes-financieres";
const DETTES = "difficultes-financieres--situation-dendettement-surendettement";
const BUDGET = "difficultes-financieres--ameliorer-sa-gestion-budgetaire";
const DEGRADATION = "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere";
const PROTECTION = "difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere";
const EMPLOI = "trouver-un-emploi";
const OFFRES = "trouver-un-emploi--repondre-a-des-offres-demploi";
const ENTRETIEN = "trouver-un-emploi--convaincre-un-recruteur-en-entretien";
const MAINTIEN_EMPLOI = "trouver-un-emploi--maintien-dans-lemploi";
const RECHERCHE_EMPLOI = "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi";
const DECOUVRIR_METIER = "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite";
const FORMATION = "se-former--trouver-sa-formation";
const FRANCAIS = "lecture-ecriture-calcul--maitriser-le-francais";
const CALCUL = "lecture-ecriture-calcul--maitriser-le-calcul";
const CONNEXION = "numerique--acceder-a-une-connexion-internet";
const EN_LIGNE = "numerique--acceder-a-des-services-en-ligne";
const EQUIPEMENT_NUMERIQUE = "numerique--acquerir-un-equipement";
const BASES_NUMERIQUE = "numerique--maitriser-les-fondamentaux-du-numerique";
const SOINS = "sante--acces-aux-soins";
const SANTE_MENTALE = "sante--sante-mentale";
const ADDICTIONS = "sante--addictions";
const SANTE_SEXUELLE = "sante--sante-sexuelle";
const MDPH = "sante--constituer-un-dossier-mdph-invalidite";
const GARDE = "famille--garde-denfants";
const PARENTALITE = "famille--soutien-a-la-parentalite-et-a-leducation";
const VIOLENCE = "famille--surmonter-conflits-separation-violence";
const DEPENDANCE = "famille--prise-en-charge-personne-dependante";
const LIEN_SOCIAL = "remobilisation--lien-social";
const CONFIANCE = "remobilisation--bien-etre-confiance-en-soi";
const SPORT_CULTURE = "remobilisation--activites-sportives-et-culturelles";

/** The reviewed table: a word as people write it → the needs it points to, most likely first. */
export const MOTS_COURANTS: Readonly<Record<string, readonly string[]>> = {
  // Se loger, dormir
  dormir: [HEBERGEMENT],
  abri: [HEBERGEMENT],
  SDF: [HEBERGEMENT],
  nuit: [HEBERGEMENT],
  foyer: [HEBERGEMENT],
  expulsion: [MAINTIEN_LOGEMENT, IMPAYES_LOYER],
  loyer: [IMPAYES_LOYER, LOUER],
  appartement: [LOUER, CHANGER_LOGEMENT],
  HLM: [LOUER, INFO_LOGEMENT],
  location: [LOUER],
  déménager: [CHANGER_LOGEMENT],
  insalubre: [MAINTIEN_LOGEMENT],
  // Manger, s'habiller, s'équiper
  manger: [ALIMENTATION],
  nourriture: [ALIMENTATION],
  repas: [ALIMENTATION],
  colis: [ALIMENTATION],
  épicerie: [ALIMENTATION],
  faim: [ALIMENTATION],
  vêtements: [HABILLEMENT],
  habits: [HABILLEMENT],
  frigo: ["equipement-et-alimentation--electromenager"],
  ménage: ["equipement-et-alimentation--aide-menagere"],
  // Se déplacer
  voiture: [VEHICULE, REPARER],
  garage: [REPARER],
  scooter: [VEHICULE],
  vélo: [VEHICULE, TRANSPORTS],
  bus: [TRANSPORTS],
  transport: [TRANSPORTS, PARCOURS_MOBILITE],
  covoiturage: [TRANSPORTS],
  déplacer: [PARCOURS_MOBILITE, TRANSPORTS],
  essence: [FINANCER_MOBILITE],
  conduire: [PERMIS],
  // Papiers et droits
  papiers: [DEMARCHES, DROITS],
  CAF: [DROITS, DEMARCHES],
  RSA: [DROITS],
  APL: [DROITS, INFO_LOGEMENT],
  allocations: [DROITS],
  impôts: [DEMARCHES],
  préfecture: [CITOYENNETE, DEMARCHES],
  séjour: [CITOYENNETE],
  nationalité: [CITOYENNETE],
  retraite: [DROITS],
  avocat: [JUSTICE],
  tribunal: [JUSTICE],
  prison: [JUSTICE],
  plainte: [JUSTICE, VIOLENCE],
  racisme: [DISCRIMINATION],
  tutelle: [PROTECTION, MESURE_ADAPTEE],
  curatelle: [PROTECTION, MESURE_ADAPTEE],
  // Argent
  argent: [FINANCES],
  dettes: [DETTES],
  crédit: [DETTES],
  factures: [DEGRADATION, DETTES],
  budget: [BUDGET, "difficultes-financieres--acquerir-une-autonomie-budgetaire"],
  banque: [BUDGET],
  // Travailler
  travail: [EMPLOI],
  travailler: [EMPLOI],
  job: [EMPLOI],
  chômage: [RECHERCHE_EMPLOI, DROITS],
  embauche: [OFFRES, ENTRETIEN],
  intérim: [OFFRES],
  entretien: [ENTRETIEN, REPARER],
  stage: [DECOUVRIR_METIER, FORMATION],
  alternance: [FORMATION, OFFRES],
  apprentissage: [FORMATION],
  licenciement: [MAINTIEN_EMPLOI, DROITS],
  entrepreneur: ["creer-une-entreprise"],
  étranger: [CITOYENNETE, "souvrir-a-linternational"],
  // Apprendre
  diplôme: [FORMATION],
  école: [FORMATION],
  études: [FORMATION],
  lire: [FRANCAIS],
  écrire: [FRANCAIS],
  compter: [CALCUL],
  langue: [FRANCAIS],
  alphabétisation: [FRANCAIS],
  // Le numérique
  internet: [CONNEXION, EN_LIGNE],
  wifi: [CONNEXION],
  ordinateur: [EQUIPEMENT_NUMERIQUE, BASES_NUMERIQUE],
  informatique: [BASES_NUMERIQUE],
  smartphone: [EQUIPEMENT_NUMERIQUE, BASES_NUMERIQUE],
  mail: [BASES_NUMERIQUE, EN_LIGNE],
  // Se soigner
  docteur: [SOINS],
  médecin: [SOINS],
  soigner: [SOINS],
  malade: [SOINS],
  hôpital: [SOINS],
  dentiste: [SOINS],
  mutuelle: [SOINS, DROITS],
  psy: [SANTE_MENTALE],
  psychologue: [SANTE_MENTALE],
  dépression: [SANTE_MENTALE, CONFIANCE],
  stress: [SANTE_MENTALE, CONFIANCE],
  alcool: [ADDICTIONS],
  drogue: [ADDICTIONS],
  tabac: [ADDICTIONS],
  contraception: [SANTE_SEXUELLE],
  enceinte: [SANTE_SEXUELLE, PARENTALITE],
  handicap: [MDPH],
  // Famille, violences
  enfants: [GARDE, PARENTALITE],
  bébé: [GARDE, PARENTALITE],
  crèche: [GARDE],
  parents: [PARENTALITE],
  divorce: [VIOLENCE],
  violences: [VIOLENCE],
  frappée: [VIOLENCE],
  harcèlement: [VIOLENCE, DISCRIMINATION],
  dépendance: [DEPENDANCE],
  // Ne plus être seul
  seul: [LIEN_SOCIAL],
  solitude: [LIEN_SOCIAL],
  sport: [SPORT_CULTURE],
  loisirs: [SPORT_CULTURE],
  bénévole: ["remobilisation--benevolat-action-citoyenne"],
  moral: [CONFIANCE],
};

/** The needs a table entry names: its need codes, and every need of a category code. */
function besoinsDe(codes: readonly string[]): string[] {
  return [
    ...new Set(
      codes.flatMap((code) => (besoinParCode(code) ? [code] : (categorieParCode(code)?.besoins.map((b) => b.value) ?? []))),
    ),
  ];
}

/** The table by search term (the word normalised as a query's words are): needs as codes of needs only. */
export const BESOINS_PAR_MOT: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(MOTS_COURANTS).map(([mot, codes]) => [termesDuTexte(mot).join(" "), besoinsDe(codes)]),
);

/** The needs a search term points to (a term of termesDuTexte), none when it is not in the table. */
export function besoinsDuTerme(terme: string): readonly string[] {
  return BESOINS_PAR_MOT.get(terme) ?? [];
}

/** The needs the words of a query point to, in the words' order, each once. */
export function besoinsDesMots(q: string): string[] {
  return [...new Set(termesDuTexte(q).flatMap(besoinsDuTerme))];
}

const MOTS_PAR_BESOIN = new Map<string, string[]>();
for (const [mot, besoins] of BESOINS_PAR_MOT) for (const b of besoins) MOTS_PAR_BESOIN.set(b, [...(MOTS_PAR_BESOIN.get(b) ?? []), mot]);

/** The everyday words of some needs (normalised), each once: what a service with these needs also answers to. */
export function motsDesBesoins(codes: readonly string[]): string[] {
  return [...new Set(codes.flatMap((b) => MOTS_PAR_BESOIN.get(b) ?? []))];
}
