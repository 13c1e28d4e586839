/**
 * Astro content collections over `content/`: the domain schemas validate each file's front matter.
 * The build has already run the full validator (src/integrations/validation.ts), so errors never
 * reach this point unexplained.
 */
import { defineCollection } from "astro:content";
import { glob, type Loader, type LoaderContext } from "astro/loaders";
import { serviceFrontmatter, structureFrontmatter } from "./domain/schema";
import { dossierCatalogue } from "./lib/dossier-catalogue";

/**
 * Astro's glob loader, without its Markdown rendering: the pages read each entry's `body` and render it
 * with the domain's own renderer (src/domain/markdown.ts), so the HTML Astro made of every entry at sync
 * time was never read — 70 of a cold 10,000-service build's ~170 s. The loader renders the entries whose
 * file type has a render function: the context's `entryTypes` (not in Astro's public types) are handed
 * to it without one. Should a later Astro drop that field, entries are rendered again, as before.
 */
function globSansRendu(options: Parameters<typeof glob>[0]): Loader {
  const chargeur = glob(options);
  return {
    name: "glob-sans-rendu",
    load: (contexte: LoaderContext) => {
      const { entryTypes } = contexte as LoaderContext & { entryTypes?: Map<string, object> };
      if (!entryTypes) return chargeur.load(contexte);
      const sansRendu = new Map([...entryTypes].map(([extension, type]) => [extension, { ...type, getRenderFunction: undefined }]));
      return chargeur.load({ ...contexte, entryTypes: sansRendu } as LoaderContext);
    },
  };
}

// Keep the file name as the id: it is the slug partners chose, used in URLs and data·inclusion ids.
const idDuFichier = ({ entry }: { entry: string }) => entry.replace(/\.md$/, "");

export const collections = {
  structures: defineCollection({
    loader: globSansRendu({ pattern: "*.md", base: `${dossierCatalogue}/structures`, generateId: idDuFichier }),
    schema: structureFrontmatter,
  }),
  services: defineCollection({
    loader: globSansRendu({ pattern: "*.md", base: `${dossierCatalogue}/services`, generateId: idDuFichier }),
    schema: serviceFrontmatter,
  }),
};
