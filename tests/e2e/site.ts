/** For the browser tests' files (vitest hooks: the benchmark, which also drives navigateur.ts, does not load this). */
import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { lancerNavigateur } from "./navigateur";
import { demarrerServeur, type ServeurStatique } from "./serveur";

/**
 * The built site (dist/) on a local server and a browser, for the tests of one file: started before
 * them, closed after. The returned object's fields are set once the tests run.
 */
export function siteEtNavigateur(): { readonly serveur: ServeurStatique; readonly navigateur: Browser } {
  const etat = {} as { serveur: ServeurStatique; navigateur: Browser };
  beforeAll(async () => {
    etat.serveur = await demarrerServeur("dist");
    etat.navigateur = await lancerNavigateur();
  });
  afterAll(async () => {
    await etat.navigateur?.close();
    await etat.serveur?.fermer();
  });
  return etat;
}
