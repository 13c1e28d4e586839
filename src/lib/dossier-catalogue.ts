/**
 * The catalogue folder the site is built from: `content/` by default, another folder holding
 * `structures/` and `services/` with CARTO_CATALOGUE (benchmarks and tests build synthetic catalogues).
 */
export const dossierCatalogue = (typeof process !== "undefined" && process.env.CARTO_CATALOGUE) || "content";
