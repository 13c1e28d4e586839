/** The site's URLs, in one place. */
import type { Commune } from "../domain/communes";
import { siteConfig } from "../../site.config";

export const urls = {
  service: (slug: string) => `/services/${slug}/`,
  structure: (slug: string) => `/structures/${slug}/`,
  theme: (slug: string) => `/thematiques/${slug}/`,
  commune: (c: Pick<Commune, "slug">) => `/communes/${c.slug}/`,
  /** A theme's numbered pages for a commune (src/domain/communes-pages.ts): the first has no number. */
  communeTheme: (c: Pick<Commune, "slug">, theme: string, numero = 1) => `/communes/${c.slug}/${theme}/${numero > 1 ? `${numero}/` : ""}`,
  /** A listing's form in the partners' space (Decap's entry route: the collection, then the file's name). */
  edition: (collection: "structures" | "services", slug: string) => `/admin/#/collections/${collection}/entries/${slug}`,
};

/** The public site's address without its trailing slash. */
const BASE_PUBLIQUE = siteConfig.urlPublique.replace(/\/+$/, "");

/**
 * Absolute public URLs (shared links, open data). Concatenated, not `new URL()`: the search page makes
 * one per result card at every key, and the paths above are already absolute and safe.
 */
export const urlsPubliques = {
  service: (slug: string) => `${BASE_PUBLIQUE}${urls.service(slug)}`,
  structure: (slug: string) => `${BASE_PUBLIQUE}${urls.structure(slug)}`,
  edition: (collection: "structures" | "services", slug: string) => `${BASE_PUBLIQUE}${urls.edition(collection, slug)}`,
};
