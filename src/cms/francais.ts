/**
 * The admin's French: decap-cms-locales' `fr`, corrected (typos, English leftovers such as the
 * « December 7 » date format, « article » and « entrée » for what partners call a « fiche ») and
 * worded for the review workflow (a partner asks for a review; the Département publishes).
 * Registered over Decap's own `fr` in admin.ts (`phrasesFrancaises(CMS.getLocale("fr"))`).
 */
type Phrases = { [cle: string]: string | Phrases };

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

function fusionner(base: Phrases, dessus: Phrases): Phrases {
  const resultat: Phrases = { ...base };
  for (const [cle, valeur] of Object.entries(dessus)) {
    const dessous = resultat[cle];
    resultat[cle] = typeof valeur === "object" && typeof dessous === "object" ? fusionner(dessous, valeur) : valeur;
  }
  return resultat;
}

/** Our wording, where Decap's says something else than what happens here. */
export const NOS_PHRASES = {
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
  },
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
  app: { header: { workflow: "Relectures", media: "Médias" } },
} satisfies Phrases;

/** Decap's French phrases, corrected and with ours on top. */
export function phrasesFrancaises(decap: object): Phrases {
  return fusionner(corriger(decap as Phrases), NOS_PHRASES);
}
