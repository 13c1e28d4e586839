// @ts-check
import { defineConfig } from "astro/config";
import react from "@astrojs/react";
import { siteConfig } from "./site.config.ts";
import { validationDuCatalogue } from "./src/integrations/validation.ts";
import { dossierCatalogue } from "./src/lib/dossier-catalogue.ts";

export default defineConfig({
  site: siteConfig.urlPublique,
  trailingSlash: "always",
  build: { format: "directory" },
  integrations: [validationDuCatalogue({ dossier: dossierCatalogue }), react()],
  devToolbar: { enabled: false },
  server: { host: "127.0.0.1", port: 4321 },
});
