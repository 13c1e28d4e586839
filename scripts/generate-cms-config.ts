/**
 * `npm run cms:config`: writes public/admin/config.yml, Decap CMS's configuration, from the domain
 * (schemas, taxonomy, communes, src/domain/cms) and the git host settings: the CMS_* environment
 * variables, else site.config.ts's `cms` entry. `-- --check` only says whether the file is up to date.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { siteConfig } from "../site.config.ts";
import { configBackendDepuisEnv, genererConfigCms, texteConfigCms } from "../src/domain/cms/config.ts";

const FICHIER = resolve(dirname(fileURLToPath(import.meta.url)), "../public/admin/config.yml");

const args = process.argv.slice(2).filter((a) => a !== "--");
if (args.includes("--help") || args.includes("-h") || args.some((a) => a !== "--check")) {
  console.log("Usage : npm run cms:config [-- --check]   (écrit public/admin/config.yml ; --check : vérifie seulement qu'il est à jour)");
  process.exit(args.includes("--help") || args.includes("-h") ? 0 : 2);
}

let texte: string;
try {
  const backend = configBackendDepuisEnv(process.env, siteConfig.cms);
  texte = texteConfigCms(genererConfigCms({ backend, siteUrl: siteConfig.urlPublique }));
} catch (erreur) {
  console.error(erreur instanceof Error ? erreur.message : String(erreur));
  process.exit(1);
}

const actuel = existsSync(FICHIER) ? readFileSync(FICHIER, "utf8") : undefined;
if (args.includes("--check")) {
  if (actuel === texte) {
    console.log("public/admin/config.yml est à jour.");
  } else {
    console.error("public/admin/config.yml n'est pas à jour : lancez « npm run cms:config ».");
    process.exitCode = 1;
  }
} else if (actuel === texte) {
  console.log("public/admin/config.yml est déjà à jour.");
} else {
  mkdirSync(dirname(FICHIER), { recursive: true });
  writeFileSync(FICHIER, texte);
  console.log("public/admin/config.yml écrit.");
}
