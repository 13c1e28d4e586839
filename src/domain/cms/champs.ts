/**
 * The CMS's fields: one entry per schema field (src/domain/schema), with its French label, the hint
 * shown under it in the form, and its nature (which widget edits it, how the file writes it).
 * The generated Decap config (config.ts) and the file format (format.ts) both read this table;
 * the partner guide can quote it. The TypeScript type makes a schema field without an entry an error.
 */
import { LONGUEUR_MAX_RESUME, serviceFrontmatter, structureFrontmatter } from "../schema";
import { MOTIF_SLUG } from "../text";
import type { ServiceFrontmatterSaisie, StructureFrontmatterSaisie } from "../schema";
import { communes, departement, epcis } from "../communes";
import {
  categories,
  frais,
  modesAccueil,
  modesMobilisation,
  personnesMobilisatrices,
  publics,
  reseauxPorteurs,
  typesDeService,
  type Valeur,
} from "../taxonomy";
import { FRANCE } from "../zone";
import { EXPLICATION_COURRIEL, MOTIF_CODE_POSTAL, MOTIF_COURRIEL } from "../schema/champs";
import { MOTIF_CODE_INSEE } from "../code-insee";
import { EXPLICATION_TELEPHONE, MOTIF_TELEPHONE } from "../telephone";

export type Collection = "structures" | "services";

/** The hours widget's part for dated closures (src/cms/horaires.ts), named by the notices' hint and /contribuer/. */
export const PARTIE_FERMETURES = "Fermetures exceptionnelles";

export type NomChampService = keyof ServiceFrontmatterSaisie & string;
export type NomChampStructure = keyof StructureFrontmatterSaisie & string;
export type NomChamp = NomChampService | NomChampStructure;

/**
 * - `ligne`: one line of text; `paragraphe`: several lines;
 * - `code`: text made of digits (postal code, INSEE code, SIRET, phone): always written between quotes;
 * - `decimal`, `entier`: numbers;
 * - `choix`, `choix-multiple`: one or several codes of a reference list;
 * - `structure`: the slug of a structure (relation to the structures collection);
 * - `zone`: codes of the territory (département, EPCI, communes) or « france »;
 * - `lignes`: a list of short texts, one per line of the form (former file names);
 * - `jour`: the day of the last edit (YYYY-MM-DD), set on save, not shown;
 * - `avis`: a list of temporary notices, each with its first and last day and a short message;
 * - `origine`: where an imported listing comes from (data·inclusion source, id…), shown but never edited.
 */
export type NatureChamp =
  | "ligne"
  | "paragraphe"
  | "code"
  | "decimal"
  | "entier"
  | "choix"
  | "choix-multiple"
  | "structure"
  | "zone"
  | "lignes"
  | "jour"
  | "avis"
  | "origine";

/** An option of a select: Decap's `{label, value}`. */
export interface Option {
  label: string;
  value: string;
}

interface Libelles {
  label: string;
  hint: string;
}

export interface DefinitionChamp extends Libelles {
  nature: NatureChamp;
  /** Options of `choix` and `choix-multiple` fields. */
  options?: readonly Option[];
  /**
   * Checked by the form (the validator has the last word): [regex, message]. The message is the whole
   * sentence shown under the field (the French locale's template shows it alone, src/cms/francais.ts).
   */
  motif?: readonly [string, string];
  min?: number;
  max?: number;
  /** Step of the number input. */
  pas?: number;
  /** Wording specific to one collection (the address of a service vs of a structure…). */
  parCollection?: Partial<Record<Collection, Partial<Libelles>>>;
}

const options = (liste: readonly Valeur[]): readonly Option[] => Object.freeze(liste.map((v) => Object.freeze({ label: v.label, value: v.value })));

/** Needs as « Catégorie — Besoin », grouped by category in the reference order. */
export const OPTIONS_THEMATIQUES: readonly Option[] = Object.freeze(
  categories.flatMap((c) => c.besoins.map((b) => Object.freeze({ label: `${c.label} — ${b.label}`, value: b.value }))),
);

/**
 * What `zone_eligibilite` offers: all of France, the département, its EPCI, its communes (« Nom (code postal) »).
 * Other codes (another département's commune, a former commune's code) are valid but not offered:
 * the file format keeps them when the form is saved (see format.ts).
 */
export const OPTIONS_ZONE: readonly Option[] = Object.freeze([
  { label: "Toute la France", value: FRANCE },
  { label: `Tout le département : ${departement.nom} (${departement.code})`, value: departement.code },
  ...epcis.map((e) => ({ label: `${e.nom} (intercommunalité)`, value: e.siren })),
  ...communes.map((c) => ({ label: `${c.nom} (${c.codesPostaux.join(", ")})`, value: c.code })),
].map((o) => Object.freeze(o)));

const CODES_ZONE_PROPOSES: ReadonlySet<string> = new Set(OPTIONS_ZONE.map((o) => o.value));

/** Whether the form's zone list offers this code. */
export function zoneProposee(code: string): boolean {
  return CODES_ZONE_PROPOSES.has(code);
}

/**
 * A validator's regex (anchored, flag-free) as the form's pattern: the form's value is saved trimmed
 * (format.ts), so spaces around it are allowed, as the validator's `.trim()` allows them.
 */
export function motifDuValidateur(motif: RegExp): string {
  if (motif.flags !== "" || !motif.source.startsWith("^") || !motif.source.endsWith("$")) {
    throw new Error(`motif ${motif} : une expression ancrée (^…$) sans option est attendue`);
  }
  return `^\\s*(?:${motif.source.slice(1, -1)})\\s*$`;
}

const LIEU_SERVICE = "Laissez vide si le service a lieu à l'adresse de la structure.";

export const CHAMPS_CMS = {
  nom: {
    label: "Nom",
    hint: "3 à 150 caractères.",
    nature: "ligne",
    parCollection: {
      services: {
        label: "Nom du service",
        hint: "Ce que la personne vient chercher, en quelques mots (ex. : Atelier CV et lettre de motivation). 3 à 150 caractères. Le nom sert aussi à créer l'adresse de la page, qui ne change plus ensuite.",
      },
      structures: {
        label: "Nom de la structure",
        hint: "Le nom sous lequel le public vous connaît (ex. : Mission locale du Poitou). 3 à 150 caractères. Le nom sert aussi à créer l'adresse de la page, qui ne change plus ensuite.",
      },
    },
  },
  siret: {
    label: "SIRET",
    hint: "14 chiffres, sans espace (facultatif).",
    nature: "code",
    motif: ["^\\s*\\d{14}\\s*$", "Le SIRET doit comporter exactement 14 chiffres, sans espace."],
  },
  structure: {
    label: "Structure",
    hint: "La structure qui porte le service. Si elle n'est pas dans la liste, créez d'abord sa fiche dans « Structures ».",
    nature: "structure",
  },
  resume: {
    label: "Résumé",
    hint: `Une ou deux phrases, ${LONGUEUR_MAX_RESUME} caractères au plus : elles s'affichent dans les résultats de recherche.`,
    nature: "paragraphe",
    motif: [`^\\s*[\\s\\S]{0,${LONGUEUR_MAX_RESUME}}\\s*$`, `Le résumé doit tenir en ${LONGUEUR_MAX_RESUME} caractères au plus : gardez l'essentiel, la description dit le reste.`],
  },
  thematiques: {
    label: "Thématiques",
    hint: "Les besoins auxquels le service répond (au moins un) : tapez un mot pour chercher dans la liste.",
    nature: "choix-multiple",
    options: OPTIONS_THEMATIQUES,
  },
  type: {
    label: "Type de service",
    hint: "Facultatif.",
    nature: "choix",
    options: options(typesDeService),
  },
  publics: {
    label: "Publics",
    hint: "À qui s'adresse le service. « Tous publics » ne se combine pas avec d'autres publics. Laissez vide si le service n'est pas réservé à un public.",
    nature: "choix-multiple",
    options: options(publics),
  },
  publics_precisions: {
    label: "Précisions sur les publics",
    hint: "Âge, situation, statut… (2 000 caractères au plus).",
    nature: "paragraphe",
  },
  conditions_acces: {
    label: "Conditions d'accès",
    hint: "Critères à remplir, justificatifs à apporter, prescription nécessaire… (2 000 caractères au plus).",
    nature: "paragraphe",
  },
  frais: {
    label: "Frais",
    hint: "Le service est-il gratuit pour la personne ?",
    nature: "choix",
    options: options(frais),
  },
  frais_precisions: {
    label: "Précisions sur les frais",
    hint: "Montant, prise en charge possible… (2 000 caractères au plus).",
    nature: "paragraphe",
  },
  modes_accueil: {
    label: "Modes d'accueil",
    hint: "En présentiel, à distance, ou les deux. En présentiel, le service a lieu à son adresse ou, à défaut, à celle de sa structure.",
    nature: "choix-multiple",
    options: options(modesAccueil),
  },
  adresse: {
    label: "Adresse",
    hint: "Numéro et voie (ex. : 12 rue de la Gare). Avec une adresse, indiquez aussi le code postal et la commune.",
    nature: "ligne",
    parCollection: { services: { hint: `Numéro et voie (ex. : 12 rue de la Gare). ${LIEU_SERVICE}` } },
  },
  complement_adresse: {
    label: "Complément d'adresse",
    hint: "Bâtiment, étage, lieu-dit… (facultatif).",
    nature: "ligne",
  },
  code_postal: {
    label: "Code postal",
    hint: "5 chiffres (ex. : 86000).",
    nature: "code",
    motif: [motifDuValidateur(MOTIF_CODE_POSTAL), "Le code postal s'écrit avec 5 chiffres, sans espace (ex. : 86000)."],
  },
  commune: {
    label: "Commune",
    hint: "Nom officiel de la commune (ex. : Châtellerault, Saint-Julien-l'Ars).",
    nature: "ligne",
  },
  code_insee: {
    label: "Code INSEE de la commune",
    hint: "Facultatif : 5 caractères, différent du code postal (ex. : 86194 pour Poitiers). Le site retrouve la commune à partir de son nom.",
    nature: "code",
    motif: [motifDuValidateur(MOTIF_CODE_INSEE), "Le code INSEE d'une commune a 5 caractères (ex. : 86194 pour Poitiers) ; ce n'est pas le code postal."],
  },
  latitude: {
    label: "Latitude",
    hint: "Pour placer le lieu sur la carte, en degrés décimaux (ex. : 46.58) ; donnez la latitude et la longitude ensemble, ou aucune. Sans elles, le lieu est placé au centre de la commune.",
    nature: "decimal",
    min: -90,
    max: 90,
    pas: 0.00001,
  },
  longitude: {
    label: "Longitude",
    hint: "En degrés décimaux (ex. : 0.34).",
    nature: "decimal",
    min: -180,
    max: 180,
    pas: 0.00001,
  },
  telephone: {
    label: "Téléphone",
    hint: "10 chiffres (ex. : 05 49 00 00 00) ou numéro court (ex. : 3949).",
    nature: "code",
    motif: [MOTIF_TELEPHONE.source, `Ce numéro ${EXPLICATION_TELEPHONE}.`],
  },
  courriel: {
    label: "Courriel",
    hint: "Ex. : accueil@structure.fr",
    nature: "ligne",
    motif: [motifDuValidateur(MOTIF_COURRIEL), `Cette adresse ${EXPLICATION_COURRIEL}.`],
  },
  contact_nom_prenom: {
    label: "Personne à contacter",
    hint: "Prénom et nom (facultatif).",
    nature: "ligne",
  },
  site_web: {
    label: "Site web",
    hint: "Adresse complète, commençant par https:// (ex. : https://www.structure.fr).",
    nature: "ligne",
  },
  accessibilite_lieu: {
    label: "Accessibilité du lieu",
    hint: "Lien vers la fiche Acceslibre du lieu (https://acceslibre.beta.gouv.fr/…).",
    nature: "ligne",
  },
  reseaux_porteurs: {
    label: "Réseaux",
    hint: "Les réseaux auxquels la structure appartient (facultatif).",
    nature: "choix-multiple",
    options: options(reseauxPorteurs),
  },
  zone_eligibilite: {
    label: "Zone d'éligibilité",
    hint:
      "Où doivent habiter les personnes : toute la France, tout le département, une intercommunalité ou des communes. " +
      "Laissez vide s'il n'y a pas de restriction. Un code hors du territoire déjà présent dans la fiche n'apparaît pas dans cette liste, mais il est conservé.",
    nature: "zone",
    options: OPTIONS_ZONE,
  },
  modes_mobilisation: {
    label: "Comment mobiliser le service",
    hint: "Ce qu'il faut faire pour en bénéficier ou y orienter quelqu'un.",
    nature: "choix-multiple",
    options: options(modesMobilisation),
  },
  mobilisable_par: {
    label: "Qui peut le mobiliser",
    hint: "La personne elle-même (usagers), un professionnel qui l'accompagne, ou les deux.",
    nature: "choix-multiple",
    options: options(personnesMobilisatrices),
  },
  lien_mobilisation: {
    label: "Lien de mobilisation",
    hint: "Adresse web d'inscription ou de prise de rendez-vous (https://…) ; obligatoire avec « Utiliser le lien de mobilisation ».",
    nature: "ligne",
  },
  mobilisation_precisions: {
    label: "Précisions sur la mobilisation",
    hint: "Documents à envoyer, personne à appeler, délai… (2 000 caractères au plus).",
    nature: "paragraphe",
  },
  horaires_accueil: {
    label: "Horaires d'accueil",
    hint:
      "Cochez les jours, indiquez les heures ; « Certaines semaines du mois » pour « le 2e et le 4e jeudi ». " +
      "L'aperçu montre ce que la page affichera.",
    nature: "ligne",
  },
  avis: {
    label: "Avis temporaires",
    hint:
      "Un changement pour quelque temps (permanence déplacée, accueil sur rendez-vous seulement…) : il s'affiche en tête de la page " +
      `et sur les résultats jusqu'à la date de fin, puis disparaît seul. Une fermeture se saisit dans les horaires (« ${PARTIE_FERMETURES} »).`,
    nature: "avis",
  },
  volume_horaire_hebdomadaire: {
    label: "Heures par semaine",
    hint: "Pour un atelier ou une formation : nombre d'heures par semaine (ex. : 6 ou 3.5).",
    nature: "decimal",
    min: 0,
    max: 168,
    pas: 0.5,
  },
  nombre_semaines: {
    label: "Durée en semaines",
    hint: "Pour un atelier ou une formation : nombre de semaines (entier).",
    nature: "entier",
    min: 1,
    pas: 1,
  },
  anciens_slugs: {
    label: "Anciens noms de la fiche",
    hint:
      "À remplir seulement quand le fichier de la fiche est renommé : ses noms précédents (sans .md), du plus ancien au plus récent. " +
      "Les anciens liens mènent alors à la fiche et son identifiant dans les données ouvertes ne change pas. Laissez vide sinon.",
    nature: "lignes",
    motif: [motifDuValidateur(MOTIF_SLUG), "Un ancien nom s'écrit en minuscules sans accent, mots séparés par des tirets (ex. : atelier-cv-poitiers)."],
  },
  date_maj: {
    label: "Informations vérifiées",
    hint: "Le jour du dernier enregistrement, mis à jour automatiquement. Fiche toujours juste ? Confirmez-la : elle repart pour six mois, sans rien modifier d'autre.",
    nature: "jour",
  },
  source: {
    label: "Source data·inclusion",
    hint: "Fiche importée de data·inclusion : la plateforme d'où elle vient (non modifiable). Vide pour une fiche créée ici.",
    nature: "origine",
  },
  id: {
    label: "Identifiant data·inclusion",
    hint: "Permet à l'import suivant de retrouver cette fiche (non modifiable).",
    nature: "origine",
  },
  lien_source: {
    label: "Page d'origine",
    hint: "La fiche chez sa source (non modifiable).",
    nature: "origine",
  },
  structure_id: {
    label: "Structure d'origine (data·inclusion)",
    hint: "L'identifiant de la structure chez la source (non modifiable).",
    nature: "origine",
  },
  doublons: {
    label: "Doublons fusionnés",
    hint: "Les fiches d'autres sources décrivant la même structure, réunies dans celle-ci par l'import (non modifiable).",
    nature: "origine",
  },
} as const satisfies Record<NomChamp, DefinitionChamp>;

/** The Markdown body: the service's description, the structure's presentation. */
export const CORPS: Readonly<Record<Collection, Libelles & { obligatoire: boolean }>> = {
  services: {
    label: "Description",
    hint: "Ce que propose le service, pour qui et comment, en quelques paragraphes (5 à 10 000 caractères).",
    obligatoire: true,
  },
  structures: {
    label: "Présentation",
    hint: "Qui vous êtes et ce que vous faites, en quelques paragraphes (facultatif).",
    obligatoire: false,
  },
};

/** The fields of each collection, in the schema's order (the form's and the files' order). */
export const NOMS_CHAMPS: Readonly<Record<Collection, readonly NomChamp[]>> = {
  structures: Object.freeze(Object.keys(structureFrontmatter.innerType().shape) as NomChampStructure[]),
  services: Object.freeze(Object.keys(serviceFrontmatter.innerType().shape) as NomChampService[]),
};

const SCHEMAS = { structures: structureFrontmatter, services: serviceFrontmatter } as const;

export function estNomChamp(nom: string): nom is NomChamp {
  return Object.prototype.hasOwnProperty.call(CHAMPS_CMS, nom);
}

/** Whether the schema requires the field (`date_maj` aside: the save fills it in). */
export function champObligatoire(collection: Collection, nom: NomChamp): boolean {
  if (CHAMPS_CMS[nom].nature === "jour" || CHAMPS_CMS[nom].nature === "origine") return false;
  const forme = SCHEMAS[collection].innerType().shape as Record<string, { isOptional(): boolean }>;
  const champ = forme[nom];
  return champ !== undefined && !champ.isOptional();
}

/** The definition of a field in a collection, its wording adapted to the collection. */
export function definitionChamp(collection: Collection, nom: NomChamp): DefinitionChamp {
  const base: DefinitionChamp = CHAMPS_CMS[nom];
  const propre = base.parCollection?.[collection];
  return { ...base, ...(propre?.label ? { label: propre.label } : {}), ...(propre?.hint ? { hint: propre.hint } : {}) };
}

/** The nature of a known field, undefined for a field the schema does not know. */
export function natureDuChamp(nom: string): NatureChamp | undefined {
  return estNomChamp(nom) ? CHAMPS_CMS[nom].nature : undefined;
}

// ---------------------------------------------------------------------------------------------
// The form's order: what a partner thinks of first. Files keep the schema's order (NOMS_CHAMPS).

/** The Markdown body's place in the form's order. */
export const CORPS_DU_FORMULAIRE = "corps";
export type ChampDuFormulaire = NomChamp | typeof CORPS_DU_FORMULAIRE;

/** A part of the form; `plie`: the technical part, one folded block at the end (format.ts nests its fields). */
export interface PartieFormulaire {
  titre: string;
  champs: readonly ChampDuFormulaire[];
  plie?: true;
}

/** The folded block's title (Decap's `object` widget, collapsed). */
export const TITRE_TECHNIQUE = "Informations techniques";

/**
 * The form of each collection, part by part: the service (name, structure, summary, description on the
 * first screen), for whom, where and when, how to get it, then the technical fields, folded. Every field
 * of the collection appears once (checked by tests/unit/cms-config.test.ts); `date_maj` is set on save.
 */
export const ORDRE_FORMULAIRE: Readonly<Record<Collection, readonly PartieFormulaire[]>> = {
  services: [
    { titre: "Le service", champs: ["nom", "structure", "resume", CORPS_DU_FORMULAIRE, "thematiques", "type"] },
    { titre: "Pour qui", champs: ["publics", "publics_precisions", "conditions_acces", "frais", "frais_precisions"] },
    {
      titre: "Où et quand",
      champs: [
        "zone_eligibilite",
        "modes_accueil",
        "adresse",
        "complement_adresse",
        "code_postal",
        "commune",
        "horaires_accueil",
        "avis",
        "volume_horaire_hebdomadaire",
        "nombre_semaines",
      ],
    },
    {
      titre: "Comment en bénéficier",
      champs: ["modes_mobilisation", "mobilisable_par", "lien_mobilisation", "mobilisation_precisions", "telephone", "courriel", "contact_nom_prenom"],
    },
    { titre: "Mise à jour", champs: ["date_maj"] },
    {
      titre: TITRE_TECHNIQUE,
      plie: true,
      champs: ["code_insee", "latitude", "longitude", "anciens_slugs", "source", "id", "lien_source", "structure_id"],
    },
  ],
  structures: [
    { titre: "La structure", champs: ["nom", CORPS_DU_FORMULAIRE] },
    { titre: "Où et quand", champs: ["adresse", "complement_adresse", "code_postal", "commune", "horaires_accueil", "accessibilite_lieu"] },
    { titre: "Comment la joindre", champs: ["telephone", "courriel", "site_web"] },
    { titre: "Autres informations", champs: ["reseaux_porteurs", "siret"] },
    { titre: "Mise à jour", champs: ["date_maj"] },
    { titre: TITRE_TECHNIQUE, plie: true, champs: ["code_insee", "latitude", "longitude", "source", "id", "lien_source", "doublons"] },
  ],
};

/** The fields of the folded technical block, in either collection (format.ts nests and flattens them). */
export const CHAMPS_TECHNIQUES: ReadonlySet<NomChamp> = new Set(
  Object.values(ORDRE_FORMULAIRE).flatMap((parties) => parties.filter((p) => p.plie).flatMap((p) => p.champs as readonly NomChamp[])),
);
