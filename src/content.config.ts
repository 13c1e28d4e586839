/**
 * Astro content collections over `content/`: the domain schemas validate each file's front matter.
 * The build has already run the full validator (src/integrations/validation.ts), so errors never
 * reach this point unexplained.
 */
import { defineCollection } from "astro:content";
import { serviceFrontmatter, structureFrontmatter } from "./domain/schema";
import { chargeurCatalogue } from "./lib/chargeur-catalogue";
import { dossierCatalogue } from "./lib/dossier-catalogue";

export const collections = {
  structures: defineCollection({
    loader: chargeurCatalogue(`${dossierCatalogue}/structures`),
    schema: structureFrontmatter,
  }),
  services: defineCollection({
    loader: chargeurCatalogue(`${dossierCatalogue}/services`),
    schema: serviceFrontmatter,
  }),
};
