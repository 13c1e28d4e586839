// @ts-check
import { defineConfig } from "astro/config";
import preact from "@astrojs/preact";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { siteConfig } from "./site.config.ts";
import { prechargementDesIlots } from "./src/integrations/precharger-ilots.ts";
import { COMPOSANTS_PREACT, reactVersPreact } from "./src/integrations/preact-pour-les-ilots.ts";
import { indexRechercheEnDev } from "./src/integrations/index-recherche-en-dev.ts";
import { validationDuCatalogue } from "./src/integrations/validation.ts";
import { dossierCatalogue, pagesDuCatalogue } from "./src/lib/dossier-catalogue.ts";
import { sansEspacePartenaires } from "./src/integrations/recherche-seule.ts";
import { redirectionsEnFrancais } from "./src/integrations/redirections.ts";
import { redirectionsDesServices } from "./src/lib/redirections.ts";

// Each catalogue folder gets its own content cache, so that builds of test or benchmark catalogues
// never mix their entries with the shipped catalogue's.
const cacheDir =
  dossierCatalogue === "content"
    ? undefined
    : join(tmpdir(), "carto-insertion-astro", createHash("sha256").update(resolve(dossierCatalogue)).digest("hex").slice(0, 12));

// Renamed services (`anciens_slugs`): old links lead to the current page (a static page with meta refresh).
const redirects = redirectionsDesServices(dossierCatalogue);

export default defineConfig({
  ...(cacheDir ? { cacheDir } : {}),
  site: siteConfig.urlPublique,
  trailingSlash: "always",
  build: { format: "directory" },
  redirects,
  integrations: [
    validationDuCatalogue({ dossier: dossierCatalogue }),
    // The islands: Preact, written against React's API (src/integrations/preact-pour-les-ilots.ts).
    preact({ include: [COMPOSANTS_PREACT] }),
    redirectionsEnFrancais({ redirections: redirects, site: siteConfig.urlPublique }),
    prechargementDesIlots(),
    indexRechercheEnDev(),
  ],
  devToolbar: { enabled: false },
  vite: {
    // Decap's search matches a query's letters wherever they come first: the admin gets a word search
    // instead (src/cms/recherche-decap.ts). Only Decap imports `fuzzy`.
    resolve: { alias: { fuzzy: fileURLToPath(new URL("./src/cms/recherche-decap.ts", import.meta.url)) } },
    plugins: [reactVersPreact(), sansEspacePartenaires(!pagesDuCatalogue)],
    // Small shared chunks (a few hundred bytes each) merged into larger ones: the search page asked for 17
    // modules, now 10; over HTTP/1.1 (six connections) its first page of results, requested with them,
    // waited less (bench, paired loads: first results −20 to −30 ms at 2,000 services).
    build: { rollupOptions: { output: { experimentalMinChunkSize: 20_000 } } },
    // In development, react-leaflet is served as it is, so that its `react` imports go through the
    // plugin above (a pre-bundled copy would embed React's).
    optimizeDeps: { exclude: ["react-leaflet", "@react-leaflet/core"], include: ["leaflet"] },
  },
  server: { host: "127.0.0.1", port: 4321 },
});
