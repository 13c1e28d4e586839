/**
 * Regenerates src/data/communes.json for a département.
 *
 *   npm run generate:communes                        # département of site.config.ts
 *   npm run generate:communes -- --departement 86
 *
 * A generation step, run by hand when the territory or the official split changes: it reads
 * @etalab/decoupage-administratif (devDependency) and the 2018 centroids of all France in data/geo/.
 * The product itself only reads the committed src/data/communes.json.
 * The logic lives in src/domain/communes-generation.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { siteConfig } from "../site.config.ts";
import {
  CHEMIN_SORTIE,
  CHEMINS_ENTREES,
  genererDonneesCommunes,
  serialiserDonneesCommunes,
  type EntreesGeneration,
} from "../src/domain/communes-generation.ts";

const racine = fileURLToPath(new URL("..", import.meta.url));

function lireJson(cheminRelatif: string): unknown {
  const chemin = resolve(racine, cheminRelatif);
  try {
    return JSON.parse(readFileSync(chemin, "utf8"));
  } catch (erreur) {
    throw new Error(`Lecture impossible de ${chemin} : ${(erreur as Error).message}`);
  }
}

function principal(): void {
  const { values } = parseArgs({
    options: { departement: { type: "string", short: "d" }, aide: { type: "boolean", short: "h" } },
    allowPositionals: false,
  });
  if (values.aide) {
    console.log("Usage : npm run generate:communes [-- --departement <code INSEE>]");
    console.log(`Par défaut : le département de site.config.ts (${siteConfig.territoire.codeDepartement}).`);
    return;
  }
  const codeDepartement = values.departement ?? siteConfig.territoire.codeDepartement;

  const entrees: EntreesGeneration = {
    communes: lireJson(CHEMINS_ENTREES.communes) as EntreesGeneration["communes"],
    epci: lireJson(CHEMINS_ENTREES.epci) as EntreesGeneration["epci"],
    departements: lireJson(CHEMINS_ENTREES.departements) as EntreesGeneration["departements"],
    centres: lireJson(CHEMINS_ENTREES.centres) as EntreesGeneration["centres"],
    versionDecoupage: (lireJson(CHEMINS_ENTREES.paquetDecoupage) as { version: string }).version,
  };
  const donnees = genererDonneesCommunes(entrees, codeDepartement);
  writeFileSync(resolve(racine, CHEMIN_SORTIE), serialiserDonneesCommunes(donnees));

  const fusionnees = donnees.communes.filter((c) => c.anciensCodes.length > 0).length;
  console.log(
    `${CHEMIN_SORTIE} : ${donnees.departement.nom} (${donnees.departement.code}), ` +
      `${donnees.communes.length} communes (dont ${fusionnees} avec d'anciens codes), ${donnees.epci.length} EPCI.`,
  );
  if (donnees.departement.code !== siteConfig.territoire.codeDepartement) {
    console.warn(
      `Attention : site.config.ts indique le département ${siteConfig.territoire.codeDepartement}. ` +
        `Modifiez territoire.codeDepartement en « ${donnees.departement.code} », sinon le site refusera ces données.`,
    );
  }
}

try {
  principal();
} catch (erreur) {
  console.error(`Échec de la génération des communes : ${(erreur as Error).message}`);
  process.exit(1);
}
