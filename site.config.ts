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
  /** The national data·inclusion API that `npm run import -- --api` reads (DATA_INCLUSION_API_URL overrides it). */
  dataInclusion: { urlApi: string };
  /** While true, every page says that the catalogue is demonstration data. */
  catalogueDeDemonstration: boolean;
  /** Who publishes the site (shown on the about and accessibility pages). */
  editeur: { nom: string; courriel: string };
  /** The search page's map. */
  carte: {
    /**
     * Raster tile server: Leaflet URL template (`{z}`, `{x}`, `{y}`), HTML attribution shown on the map,
     * highest zoom level the server delivers. Tests serve stub tiles for this URL's host.
     */
    tuiles: { url: string; attribution: string; maxZoom: number };
    /** View before there are results: [latitude, longitude] and zoom (default: the whole of France). */
    centre?: [number, number];
    zoom?: number;
  };
  /**
   * Decap CMS (/admin/): the git host where partners' edits are saved as drafts for review. Each setting
   * can be overridden at build time by its environment variable (in brackets); `npm run cms:config`
   * writes public/admin/config.yml from them. See docs/deploiement.md.
   */
  cms: {
    /** "github", "gitlab", "gitea" or "forgejo" (CMS_BACKEND). */
    backend: "github" | "gitlab" | "gitea" | "forgejo";
    /** The catalogue's repository, "owner/name" (GitLab: "group/subgroup/name") (CMS_REPO). */
    depot: string;
    /** The branch the public site is built from (CMS_BRANCH). */
    branche: string;
    /** OAuth server: GitHub, your OAuth proxy's address; GitLab, the instance if self-hosted (CMS_BASE_URL). */
    urlAuthentification?: string;
    /** OAuth path on that server, e.g. "auth" (GitHub proxy) or "oauth/authorize" (GitLab) (CMS_AUTH_ENDPOINT). */
    cheminAuthentification?: string;
    /** Client ID of the OAuth application created for the CMS: GitLab, Gitea, Forgejo (CMS_APP_ID). */
    idApplication?: string;
    /** API address of a self-hosted instance, e.g. https://git.example.org/api/v1 (CMS_API_ROOT). */
    racineApi?: string;
  };
}

export const siteConfig: SiteConfig = {
  nom: "Carto Insertion Vienne",
  urlPublique: "https://carto-insertion.example.org",
  territoire: {
    codeDepartement: "86",
  },
  source: "carto-insertion-86",
  dataInclusion: { urlApi: "https://api.data.inclusion.gouv.fr" },
  catalogueDeDemonstration: true,
  editeur: { nom: "Département de la Vienne (démonstration)", courriel: "carto-insertion@example.org" },
  carte: {
    // "Plan IGN v2" from IGN's Géoplateforme: free, no key, a French public service (levels 0 to 19 in
    // the Web Mercator "PM" tile matrix set). OpenStreetMap is an option, but its volunteer-run servers
    // are not meant for a public service's traffic (https://operations.osmfoundation.org/policies/tiles/):
    //   url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    //   attribution: '© <a href="https://www.openstreetmap.org/copyright">les contributeurs d’OpenStreetMap</a>',
    //   maxZoom: 19,
    // (or a tile server of your own, or a commercial provider's, with its key in the URL).
    // The site's Content-Security-Policy, if any, must allow this host in img-src.
    tuiles: {
      url:
        "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0" +
        "&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png" +
        "&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}",
      attribution: '© <a href="https://www.ign.fr/">IGN</a>',
      maxZoom: 19,
    },
    centre: [46.58, 0.45],
    zoom: 8,
  },
  cms: {
    backend: "github",
    // To replace with the real repository (or set CMS_REPO at build time).
    depot: "exemple/carto-insertion",
    branche: "main",
  },
};

export default siteConfig;
