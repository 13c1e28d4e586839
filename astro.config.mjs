// @ts-check
import { defineConfig } from "astro/config";
import react from "@astrojs/react";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { siteConfig } from "./site.config.ts";
import { prechargementDesIlots } from "./src/integrations/precharger-ilots.ts";
import { validationDuCatalogue } from "./src/integrations/validation.ts";
import { dossierCatalogue } from "./src/lib/dossier-catalogue.ts";
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
    react(),
    redirectionsEnFrancais({ redirections: redirects, site: siteConfig.urlPublique }),
    prechargementDesIlots(),
  ],
  devToolbar: { enabled: false },
  server: { host: "127.0.0.1", port: 4321 },
});
