import { siteConfig } from "../../site.config";
import type { OptionsExport } from "../domain/export";
import { urls } from "./urls";

export const optionsExport: OptionsExport = {
  source: siteConfig.source,
  urlService: (slug) => new URL(urls.service(slug), siteConfig.urlPublique).href,
  urlStructure: (slug) => new URL(urls.structure(slug), siteConfig.urlPublique).href,
};
