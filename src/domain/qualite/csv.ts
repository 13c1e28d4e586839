/**
 * The « Relancer » list as CSV for a mail merge: one row per (structure, listing) needing attention, the same
 * list as the /qualite/ page and its e-mail links, in the same order (a structure's own file first, with an
 * empty service). UTF-8 with a byte-order mark, so that Excel reads the accents; commas, RFC 4180 quoting.
 */
import { ligneCsv } from "../data-inclusion/format-dump";
import type { Bilan } from "./bilan";
import { aCorrigerEnUneLigne } from "./relance";

export const COLONNES_RELANCES = ["structure", "courriel_structure", "service", "page", "edition", "a_corriger", "score", "date_maj"] as const;

export interface OptionsCsv {
  urlService: (slug: string) => string;
  urlStructure: (slug: string) => string;
  urlEdition: (collection: "structures" | "services", slug: string) => string;
}

export function csvRelances(bilan: Bilan, o: OptionsCsv): string {
  let csv = `\uFEFF${ligneCsv(COLONNES_RELANCES)}`;
  for (const s of bilan.structures) {
    const courriel = s.structure?.courriel ?? "";
    if (s.signaux.length > 0) {
      const slug = s.structure?.slug;
      csv += ligneCsv([s.nom, courriel, "", slug ? o.urlStructure(slug) : "", slug ? o.urlEdition("structures", slug) : "", aCorrigerEnUneLigne(s.signaux), "", s.structure?.date_maj ?? ""]);
    }
    for (const v of s.services) {
      csv += ligneCsv([s.nom, courriel, v.service.nom, o.urlService(v.service.slug), o.urlEdition("services", v.service.slug), aCorrigerEnUneLigne(v.signaux), v.score.valeur.toFixed(2), v.service.date_maj]);
    }
  }
  return csv;
}
