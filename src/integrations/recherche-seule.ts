/**
 * CARTO_PAGES_CATALOGUE=0 builds the search only (the search benchmark's 2,000- and 10,000-service
 * catalogues): no page per service, structure or commune, and no partners' space either. Decap CMS's
 * bundle was most of such a build (its client build ~55 of ~80 s at 2,000 services), for a page the
 * benchmark never opens: /admin/ then gets a script that says so.
 */
import type { Plugin } from "vite";

const ENTREE_ESPACE_PARTENAIRES = /\/src\/cms\/admin\.ts$/;

export function sansEspacePartenaires(actif: boolean): Plugin {
  return {
    name: "carto-insertion:sans-espace-partenaires",
    enforce: "pre",
    load(id) {
      if (!actif || !ENTREE_ESPACE_PARTENAIRES.test(id.split("?")[0]!)) return undefined;
      return `document.body.append("Espace partenaires absent : ce site a été construit pour la recherche seule (CARTO_PAGES_CATALOGUE=0).");`;
    },
  };
}
