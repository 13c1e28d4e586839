import { siteConfig } from "../../site.config";
import type { OptionsExport } from "../domain/export";
import { urlsPubliques } from "./urls";

export const optionsExport: OptionsExport = {
  source: siteConfig.source,
  urlService: urlsPubliques.service,
  urlStructure: urlsPubliques.structure,
};
