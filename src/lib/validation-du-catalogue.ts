/**
 * The catalogue's validation, once per build: the integration that stops the build on errors
 * (src/integrations/validation.ts) and /qualite/, which lists the warnings, read the same run. Kept on
 * `globalThis`, as the two load this module through different module graphs (Astro's config, Vite's SSR).
 */
import { jourDuSite } from "../domain/dates.ts";
import { validerDossier, type ResultatValidation } from "../domain/validation/index.ts";

const RESULTATS = Symbol.for("carto-insertion.validation-du-catalogue");

export function validationDuDossier(dossier: string, aujourdhui: string = jourDuSite()): ResultatValidation {
  const g = globalThis as unknown as Record<symbol, Map<string, ResultatValidation> | undefined>;
  const resultats = (g[RESULTATS] ??= new Map());
  const cle = `${dossier}\u0000${aujourdhui}`;
  let resultat = resultats.get(cle);
  if (!resultat) {
    resultat = validerDossier(dossier, { aujourdhui });
    resultats.set(cle, resultat);
  }
  return resultat;
}
