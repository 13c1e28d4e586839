/**
 * Our French for Decap: the phrases that differ from decap-cms-locales' `fr` (which decap-cms-app registers),
 * keyed as that locale is (see node_modules/decap-cms-locales/src/fr/index.js for the keys), merged over it
 * and registered again as `fr` in admin.ts. Plain object, no import: the partner guide and the tests read it.
 *
 * Form errors are shown under their field: they say what to do, without the field's name (whose label
 * already carries « (obligatoire) ») nor Decap's « schéma ». A pattern's message is written whole in
 * src/domain/cms/champs.ts (`motif`) and shown alone. Decap's « (optionnel) » after optional labels is
 * hidden by the admin's stylesheet (src/cms/formulaire.css), not reworded: required labels say « (obligatoire) ».
 */

export type Phrases = { [cle: string]: string | Phrases };

export const PHRASES_FRANCAISES = {
  ui: {
    toast: {
      // Shown for any field error at save, not only a missing one.
      missingRequiredField: "Rien n'est enregistré : corrigez les champs signalés en rouge, puis enregistrez de nouveau.",
    },
  },
  editor: {
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
