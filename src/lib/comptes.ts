/**
 * The catalogue's rights file at build time (for /admin/, which shows a partner its own structures first):
 * `<catalogue>/comptes.yml` read and checked as `npm run validate` checks it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FICHIER_COMPTES, lireComptes, type Comptes } from "../domain/droits/comptes";
import { formaterProbleme } from "../domain/validation/catalogue";
import { dossierCatalogue } from "./dossier-catalogue";

/**
 * The rights of the catalogue in `dossier` (CARTO_CATALOGUE or `content` by default); undefined when the
 * catalogue has no comptes.yml (synthetic catalogues). Throws, with the validator's lines, when it is invalid.
 */
export function lireComptesDuCatalogue(dossier: string = dossierCatalogue): Comptes | undefined {
  const chemin = join(dossier, FICHIER_COMPTES);
  if (!existsSync(chemin)) return undefined;
  const dossierStructures = join(dossier, "structures");
  const structures = existsSync(dossierStructures)
    ? readdirSync(dossierStructures)
        .filter((n) => n.endsWith(".md"))
        .map((n) => n.slice(0, -".md".length))
    : [];
  const lu = lireComptes(readFileSync(chemin, "utf8"), { structures, dossierStructures: `${dossierStructures}/` });
  if (!lu.comptes) throw new Error(lu.problemes.map((p) => formaterProbleme({ fichier: chemin, ...p })).join("\n"));
  return lu.comptes;
}
