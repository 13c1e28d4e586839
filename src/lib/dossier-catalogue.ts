/**
 * The catalogue folder the site is built from: `content/` by default, another folder holding
 * `structures/` and `services/` with CARTO_CATALOGUE (benchmarks and tests build synthetic catalogues).
 */
export const dossierCatalogue = (typeof process !== "undefined" && process.env.CARTO_CATALOGUE) || "content";

/**
 * CARTO_PAGES_CATALOGUE=0 skips the per-service, per-structure and per-commune pages, and the partners'
 * space (src/integrations/recherche-seule.ts): the search benchmark builds 10,000-service catalogues
 * and measures only the search page.
 */
export const pagesDuCatalogue = !(typeof process !== "undefined" && process.env.CARTO_PAGES_CATALOGUE === "0");
