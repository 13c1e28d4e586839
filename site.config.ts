/**
 * The site configuration: the one place that says which territory this instance covers
 * and how it is published. Another département runs the product by editing this file and
 * regenerating the communes data (`npm run generate:communes`).
 *
 * Plain data, no import: read by Astro pages, the domain, the scripts and the tests alike.
 */
export interface SiteConfig {
  /** Name shown in the header and the page titles. */
  nom: string;
  /** Public URL of the deployed site, without trailing slash: used for absolute links and exports. */
  urlPublique: string;
  territoire: {
    /** INSEE code of the département (2 or 3 characters: "86", "2A", "974"). */
    codeDepartement: string;
  };
  /** data·inclusion `source` of our records: exported ids are `<source>--<slug>`. */
  source: string;
  /** While true, every page says that the catalogue is demonstration data. */
  catalogueDeDemonstration: boolean;
  /** Who publishes the site (shown on the about and accessibility pages). */
  editeur: { nom: string; courriel: string };
}

export const siteConfig: SiteConfig = {
  nom: "Carto Insertion Vienne",
  urlPublique: "https://carto-insertion.example.org",
  territoire: {
    codeDepartement: "86",
  },
  source: "carto-insertion-86",
  catalogueDeDemonstration: true,
  editeur: { nom: "Département de la Vienne (démonstration)", courriel: "carto-insertion@example.org" },
};

export default siteConfig;
