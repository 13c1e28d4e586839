/**
 * Our French for Decap: decap-cms-locales' `fr` (which decap-cms-app registers) corrected (typos, English
 * leftovers such as the « December 7 » date format, « article » and « entrée » for what partners call a
 * « fiche »), with the phrases that differ laid over it, keyed as that locale is (see
 * node_modules/decap-cms-locales/src/fr/index.js), and registered again as `fr` in admin.ts
 * (`phrasesFrancaises(CMS.getLocale("fr"))`). Worded for the review workflow: a partner asks for a
 * review; the Département publishes. Plain data, no import: the partner guide and the tests read it.
 *
 * Form errors are shown under their field: they say what to do, without the field's name (whose label
 * already carries « (obligatoire) ») nor Decap's « schéma ». A pattern's message is written whole in
 * src/domain/cms/champs.ts (`motif`) and shown alone. Decap's « (optionnel) » after optional labels is
 * hidden by the admin's stylesheet (src/cms/formulaire.css), not reworded: required labels say « (obligatoire) ».
 */

export type Phrases = { [cle: string]: string | Phrases };

/** Typos and words fixed in every phrase. « entrée » and « fiche » are both feminine: only elisions change. */
const CORRECTIONS: readonly [RegExp, string][] = [
  [/modications|mofications/g, "modifications"],
  [/Impsosible/g, "Impossible"],
  [/\bl'entrée/g, "la fiche"],
  [/\bL'entrée/g, "La fiche"],
  [/\bd'entrée/g, "de fiche"],
  [/\bentrée/g, "fiche"],
  [/\bEntrée/g, "Fiche"],
  [/\barticle/g, "fiche"],
];

function corriger(phrases: Phrases): Phrases {
  return Object.fromEntries(
    Object.entries(phrases).map(([cle, valeur]) => [
      cle,
      typeof valeur === "string" ? CORRECTIONS.reduce((t, [motif, par]) => t.replace(motif, par), valeur) : corriger(valeur),
    ]),
  );
}

export const PHRASES_FRANCAISES = {
  app: { header: { workflow: "Relectures", media: "Médias" } },
  workflow: {
    workflow: {
      workflowHeading: "Relectures en cours",
      newPost: "Nouvelle fiche",
      // Numbers only: Decap's day.js has no French month names loaded.
      dateFormat: "DD/MM/YYYY",
      description: "%{smart_count} fiche(s) en attente de relecture, %{readyCount} prête(s) à publier.",
    },
    workflowCard: {
      publishChanges: "Publier les modifications",
      publishNewEntry: "Publier la nouvelle fiche",
    },
    workflowList: {
      draftHeader: "Brouillons",
      inReviewHeader: "Relecture demandée",
      readyHeader: "Prêtes à publier",
      onPublishingNotReadyEntry: "Seules les fiches « prêtes à publier » peuvent être publiées : faites glisser la carte dans la colonne « Prêtes à publier ».",
    },
  },
  ui: {
    toast: {
      // Shown for any field error at save, not only a missing one.
      missingRequiredField: "Rien n'est enregistré : corrigez les champs signalés en rouge, puis enregistrez de nouveau.",
    },
  },
  editor: {
    editorToolbar: {
      save: "Enregistrer",
      status: "Statut : %{status}",
      inReview: "Relecture demandée",
      ready: "Prête à publier (Département)",
      publish: "Publier",
      publishNow: "Publier maintenant",
      publishAndCreateNew: "Publier et créer une nouvelle fiche",
      publishAndDuplicate: "Publier et dupliquer",
      unpublish: "Dépublier",
    },
    // Missing from decap-cms-locales' fr (English showed): the folded technical block's button.
    editorWidgets: {
      object: {
        expand: "Déplier",
        collapse: "Replier",
      },
    },
    editorControlPane: {
      widget: {
        required: "Ce champ est obligatoire : remplissez-le avant d'enregistrer.",
        regexPattern: "%{pattern}",
        processing: "Vérification en cours… Enregistrez de nouveau dans un instant.",
        range: "Indiquez un nombre entre %{minValue} et %{maxValue}.",
        min: "Indiquez un nombre égal ou supérieur à %{minValue}.",
        max: "Indiquez un nombre égal ou inférieur à %{maxValue}.",
        rangeCount: "Choisissez-en entre %{minCount} et %{maxCount} dans la liste.",
        rangeCountExact: "Choisissez-en exactement %{count} dans la liste.",
        rangeMin: "Choisissez-en au moins %{minCount} dans la liste.",
        rangeMax: "Choisissez-en %{maxCount} au plus dans la liste.",
      },
    },
  },
} as const satisfies Phrases;

/** `base` with `ajouts` laid over it, key by key (neither is modified). */
export function fusionnerPhrases(base: Phrases, ajouts: Phrases): Phrases {
  const resultat: Phrases = { ...base };
  for (const [cle, valeur] of Object.entries(ajouts)) {
    const existante = resultat[cle];
    resultat[cle] = typeof valeur === "object" && typeof existante === "object" ? fusionnerPhrases(existante, valeur) : valeur;
  }
  return resultat;
}

/** Decap's French phrases, corrected, with ours laid over them. */
export function phrasesFrancaises(decap: object): Phrases {
  return fusionnerPhrases(corriger(decap as Phrases), PHRASES_FRANCAISES);
}
