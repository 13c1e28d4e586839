/**
 * Astro content collections over `content/`: the domain schemas validate each file's front matter.
 * The build has already run the full validator (src/integrations/validation.ts), so errors never
 * reach this point unexplained.
 */
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { serviceFrontmatter, structureFrontmatter } from "./domain/schema";
import { dossierCatalogue } from "./lib/dossier-catalogue";

// Keep the file name as the id: it is the slug partners chose, used in URLs and data·inclusion ids.
const idDuFichier = ({ entry }: { entry: string }) => entry.replace(/\.md$/, "");

export const collections = {
  structures: defineCollection({
    loader: glob({ pattern: "*.md", base: `${dossierCatalogue}/structures`, generateId: idDuFichier }),
    schema: structureFrontmatter,
  }),
  services: defineCollection({
    loader: glob({ pattern: "*.md", base: `${dossierCatalogue}/services`, generateId: idDuFichier }),
    schema: serviceFrontmatter,
  }),
};
