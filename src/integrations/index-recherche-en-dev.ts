/**
 * `astro dev` only. With `trailingSlash: "always"`, the dev server answers the search's dynamic
 * endpoints (src/pages/recherche/[fichier].json.ts, src/pages/recherche/premiers/…) at
 * `/recherche/index-<hash>.json/` only, while the built site has the files at `/recherche/index-<hash>.json`,
 * the address the page asks for: the dev server is told the built site's address.
 */
import type { AstroIntegration } from "astro";

const FICHIER_INDEX = /^\/recherche\/((index|termes)-[0-9a-f]+|premiers\/[0-9a-f]+\/[0-9AB]+(-[a-z-]+)?)\.json(?=$|\?)/;

export function indexRechercheEnDev(): AstroIntegration {
  return {
    name: "carto-insertion:index-recherche-en-dev",
    hooks: {
      "astro:server:setup": ({ server }) => {
        server.middlewares.use((requete, _reponse, suite) => {
          if (requete.url && FICHIER_INDEX.test(requete.url)) requete.url = requete.url.replace(FICHIER_INDEX, "$&/");
          suite();
        });
      },
    },
  };
}
