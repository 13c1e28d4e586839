import type { OptionsExport } from "../domain/export";
import { urlsPubliques } from "./urls";

export const optionsExport: OptionsExport = {
  urlService: urlsPubliques.service,
  urlStructure: urlsPubliques.structure,
};
