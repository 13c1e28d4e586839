/**
 * Runs the catalogue validator before Astro builds or serves anything, so that `astro build` stops
 * on the same readable messages as `npm run validate`, not on a stack trace.
 */
import type { AstroIntegration } from "astro";
import { formaterProbleme, resumeValidation } from "../domain/validation/index.ts";
import { validationDuDossier } from "../lib/validation-du-catalogue.ts";

export function validationDuCatalogue({ dossier }: { dossier: string }): AstroIntegration {
  return {
    name: "carto-insertion:validation",
    hooks: {
      "astro:config:setup": ({ logger }) => {
        const resultat = validationDuDossier(dossier);
        for (const p of resultat.problemes) {
          if (p.gravite === "erreur") logger.error(formaterProbleme(p));
          else logger.warn(formaterProbleme(p));
        }
        const erreurs = resultat.problemes.filter((p) => p.gravite === "erreur").length;
        if (erreurs > 0) {
          throw new Error(`Le catalogue « ${dossier} » contient des erreurs : ${resumeValidation(resultat)}. Corrigez-les (npm run validate) puis relancez.`);
        }
        logger.info(resumeValidation(resultat));
      },
    },
  };
}
