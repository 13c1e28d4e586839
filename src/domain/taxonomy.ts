/**
 * Every list of the content model, derived from the data·inclusion v1 reference lists
 * (src/data/data-inclusion, Licence Ouverte 2.0), with their French labels. The validator, the
 * CMS config, the filters and the pages all read their lists from here.
 */
import categoriesSource from "../data/data-inclusion/categories.json" with { type: "json" };
import thematiquesSource from "../data/data-inclusion/thematiques.json" with { type: "json" };
import typesSource from "../data/data-inclusion/types-de-services.json" with { type: "json" };
import fraisSource from "../data/data-inclusion/frais.json" with { type: "json" };
import publicsSource from "../data/data-inclusion/publics.json" with { type: "json" };
import modesAccueilSource from "../data/data-inclusion/modes-accueil.json" with { type: "json" };
import modesMobilisationSource from "../data/data-inclusion/modes-mobilisation.json" with { type: "json" };
import personnesMobilisatricesSource from "../data/data-inclusion/personnes-mobilisatrices.json" with { type: "json" };
import reseauxPorteursSource from "../data/data-inclusion/reseaux-porteurs.json" with { type: "json" };
import libellesCorrigesSource from "../data/data-inclusion/libelles-corriges.json" with { type: "json" };

/** One value of a reference list: stable code, French label, optional description. */
export interface Valeur {
  value: string;
  label: string;
  description?: string;
}

/**
 * A label of the official lists that we show spelt right (« Aide materielle » → « Aide matérielle »): the copies
 * stay as published, the table beside them says which file, code and label it replaces, and why.
 */
export interface LibelleCorrige {
  liste: string;
  value: string;
  officiel: string;
  corrige: string;
  pourquoi: string;
}

export const libellesCorriges: readonly LibelleCorrige[] = Object.freeze(libellesCorrigesSource.map((c) => Object.freeze(c)));

/** The label shown for `value` of the copied list `fichier`: the corrected one, or the official one. */
function libelleAffiche(fichier: string, value: string, officiel: string): string {
  const correction = libellesCorriges.find((c) => c.liste === fichier && c.value === value && c.officiel === officiel);
  return correction?.corrige ?? officiel;
}

function liste(
  fichier: string,
  source: ReadonlyArray<{ value: string; label: string; description?: string | null }>,
): readonly Valeur[] {
  return Object.freeze(
    source.map((v) =>
      Object.freeze({
        value: v.value,
        label: libelleAffiche(fichier, v.value, v.label),
        ...(v.description ? { description: v.description } : {}),
      }),
    ),
  );
}

export const typesDeService = liste("types-de-services.json", typesSource);
export const frais = liste("frais.json", fraisSource);
export const publics = liste("publics.json", publicsSource);
export const modesAccueil = liste("modes-accueil.json", modesAccueilSource);
export const modesMobilisation = liste("modes-mobilisation.json", modesMobilisationSource);
export const personnesMobilisatrices = liste("personnes-mobilisatrices.json", personnesMobilisatricesSource);
export const reseauxPorteurs = liste("reseaux-porteurs.json", reseauxPorteursSource);

/** `tous-publics` cannot be combined with another public (data·inclusion rule). */
export const TOUS_PUBLICS = "tous-publics";

// ---------------------------------------------------------------------------------------------
// Thématiques: 16 categories, each with its needs (`categorie--besoin`).

export interface Besoin extends Valeur {
  /** Code of the category this need belongs to. */
  categorie: string;
}

export interface Categorie extends Valeur {
  besoins: readonly Besoin[];
}

// The 16 categories' labels come from categories.json (extracted from the reference
// taxonomies-with-category-labels.json, which the browser need not download); the needs from thematiques.json.
export const categories: readonly Categorie[] = Object.freeze(
  categoriesSource.map((c) =>
    Object.freeze({
      value: c.value,
      label: libelleAffiche("categories.json", c.value, c.label),
      besoins: Object.freeze(
        thematiquesSource
          .filter((t) => t.value.startsWith(`${c.value}--`))
          .map((b) =>
            Object.freeze({ value: b.value, label: libelleAffiche("thematiques.json", b.value, b.label), categorie: c.value }),
          ),
      ),
    }),
  ),
);

/** The 69 needs, in reference-list order. */
export const besoins: readonly Besoin[] = Object.freeze(categories.flatMap((c) => c.besoins));

const besoinsParCode = new Map(besoins.map((b) => [b.value, b]));
const categoriesParCode = new Map(categories.map((c) => [c.value, c]));

export function besoinParCode(code: string): Besoin | undefined {
  return besoinsParCode.get(code);
}

export function categorieParCode(code: string): Categorie | undefined {
  return categoriesParCode.get(code);
}

/** The category a `categorie--besoin` code means, even when the need part is wrong. */
export function categorieDuCode(code: string): Categorie | undefined {
  return categoriesParCode.get(code.split("--")[0] ?? "");
}

// ---------------------------------------------------------------------------------------------
// Themes: the site's six entry points (the département's five insertion themes plus the rest).

export interface Theme {
  /** URL slug: /thematiques/<slug>/ */
  slug: string;
  label: string;
  /** One line shown under the theme's name. */
  accroche: string;
  categories: readonly Categorie[];
}

const DEFINITION_THEMES: ReadonlyArray<{ slug: string; label: string; accroche: string; categories: string[] }> = [
  {
    slug: "emploi",
    label: "Emploi",
    accroche: "Trouver un emploi, préparer sa candidature, choisir un métier, créer son entreprise",
    categories: ["trouver-un-emploi", "preparer-sa-candidature", "choisir-un-metier", "creer-une-entreprise"],
  },
  {
    slug: "formation",
    label: "Formation",
    accroche: "Se former, lire, écrire et compter, le numérique, partir à l’étranger",
    categories: ["se-former", "lecture-ecriture-calcul", "numerique", "souvrir-a-linternational"],
  },
  {
    slug: "logement",
    label: "Logement",
    accroche: "Trouver un logement ou un hébergement, s’y maintenir",
    categories: ["logement-hebergement"],
  },
  {
    slug: "sante",
    label: "Santé",
    accroche: "Accéder aux soins, santé mentale, addictions, dossier MDPH",
    categories: ["sante"],
  },
  {
    slug: "mobilite",
    label: "Mobilité",
    accroche: "Passer le permis, avoir un véhicule, se déplacer",
    categories: ["mobilite"],
  },
  {
    slug: "vie-quotidienne",
    label: "Vie quotidienne et droits",
    accroche: "Démarches et droits, budget, alimentation, famille, reprendre confiance",
    categories: [
      "difficultes-administratives-ou-juridiques",
      "difficultes-financieres",
      "equipement-et-alimentation",
      "famille",
      "remobilisation",
    ],
  },
];

export const themes: readonly Theme[] = Object.freeze(
  DEFINITION_THEMES.map((t) =>
    Object.freeze({
      slug: t.slug,
      label: t.label,
      accroche: t.accroche,
      categories: Object.freeze(
        t.categories.map((code) => {
          const categorie = categoriesParCode.get(code);
          if (!categorie) throw new Error(`Thème « ${t.slug} » : catégorie data·inclusion inconnue « ${code} »`);
          return categorie;
        }),
      ),
    }),
  ),
);

const themeParCategorie = new Map(themes.flatMap((t) => t.categories.map((c) => [c.value, t] as const)));

export function themeParSlug(slug: string): Theme | undefined {
  return themes.find((t) => t.slug === slug);
}

/** The theme a category or a `categorie--besoin` code belongs to. */
export function themeDuCode(code: string): Theme | undefined {
  return themeParCategorie.get(code.split("--")[0] ?? "");
}

// ---------------------------------------------------------------------------------------------

/** Label of any code of any list, for pages: falls back to the code itself. */
export function libelle(listeDeValeurs: readonly Valeur[], code: string): string {
  return listeDeValeurs.find((v) => v.value === code)?.label ?? code;
}
