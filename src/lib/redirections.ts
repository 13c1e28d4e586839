/**
 * Astro `redirects` for renamed services: `/services/<former slug>/` → `/services/<slug>/`, from the
 * `anciens_slugs` of the catalogue folder's services. Read here, before Astro loads its collections,
 * with the validator's own front-matter reader; unreadable or invalid entries are skipped quietly
 * (the validator, which runs next, reports them and stops the build).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { lireFrontMatter } from "../domain/validation/frontmatter";
import { MOTIF_SLUG } from "../domain/text";
import { urls } from "./urls";

/** Former slug → current slug, from the files' texts (file name without .md → text). */
export function anciensSlugs(fichiers: ReadonlyMap<string, string>): Map<string, string> {
  const actuels = new Set([...fichiers.keys()].filter((slug) => MOTIF_SLUG.test(slug)));
  const resultat = new Map<string, string>();
  for (const [slug, texte] of fichiers) {
    if (!actuels.has(slug)) continue;
    const liste = lireFrontMatter(texte).donnees?.anciens_slugs;
    if (!Array.isArray(liste)) continue;
    for (const ancien of liste) {
      // A former slug that is a current page, or claimed twice, is a validation error: no redirect.
      if (typeof ancien === "string" && MOTIF_SLUG.test(ancien) && !actuels.has(ancien) && !resultat.has(ancien)) resultat.set(ancien, slug);
    }
  }
  return resultat;
}

/** Astro's `redirects` for the services of a catalogue folder (`<dossier>/services/*.md`). */
export function redirectionsDesServices(dossier: string): Record<string, string> {
  const dossierServices = join(dossier, "services");
  const fichiers = new Map<string, string>();
  try {
    if (!existsSync(dossierServices)) return {};
    for (const nom of readdirSync(dossierServices)) {
      if (nom.endsWith(".md")) fichiers.set(nom.slice(0, -".md".length), readFileSync(join(dossierServices, nom), "utf8"));
    }
  } catch {
    return {}; // An unreadable folder: the validator says so.
  }
  return Object.fromEntries([...anciensSlugs(fichiers)].map(([ancien, slug]) => [urls.service(ancien), urls.service(slug)]));
}
