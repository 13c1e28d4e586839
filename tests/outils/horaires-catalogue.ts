/** Every distinct `horaires_accueil` of the catalogue's services and structures, as the CMS reads the files. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { depuisFichier } from "../../src/domain/cms/format";

export function horairesDuCatalogue(dossier = "content"): string[] {
  const valeurs = new Set<string>();
  for (const collection of ["services", "structures"]) {
    for (const f of readdirSync(join(dossier, collection)).filter((n) => n.endsWith(".md"))) {
      const v = depuisFichier(readFileSync(join(dossier, collection, f), "utf8")).horaires_accueil;
      if (typeof v === "string" && v !== "") valeurs.add(v);
    }
  }
  return [...valeurs].sort();
}
