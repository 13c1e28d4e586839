/**
 * The public pages' islands run on Preact (through preact/compat), the partners' space (Decap CMS) on
 * React: at 2,000 services the search's first results came 60–110 ms sooner with Preact (bench: less
 * JavaScript to compile and run before the list, 65 KB gzip less to download), and Decap needs React.
 *
 * The islands are written against React's API (hooks, memo, lazy): their `react` imports resolve to
 * preact/compat, as do react-leaflet's (the search's map). Server rendering uses Preact throughout
 * (Astro's only JSX renderer here); the browser's Decap bundle keeps React.
 */
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

/** The public pages' island folders (src/components/<dossier>/): one list for both patterns below. */
const DOSSIERS_ILOTS = "(recherche|selection|partage)";

/** Where the browser bundle takes Preact for React: the islands and the map library they use. */
export const ILOTS_PREACT = [new RegExp(`/src/components/${DOSSIERS_ILOTS}/`), /\/node_modules\/(react-leaflet|@react-leaflet\/core)\//];

/** The islands' own JSX files, compiled for Preact. */
export const COMPOSANTS_PREACT = new RegExp(`/src/components/${DOSSIERS_ILOTS}/[^/]+\\.tsx$`);

const VERS_PREACT: Record<string, string> = {
  react: "preact/compat",
  "react-dom": "preact/compat",
  "react-dom/client": "preact/compat/client",
  "react-dom/server": "preact/compat/server",
  "react/jsx-runtime": "preact/compat/jsx-runtime",
  "react/jsx-dev-runtime": "preact/compat/jsx-dev-runtime",
};

/** preact/compat and React 19's `use(Context)`, which @react-leaflet/core reads its context with. */
const COMPAT_AVEC_USE = fileURLToPath(new URL("../lib/preact-compat-avec-use.js", import.meta.url));

/** The packages VERS_PREACT replaces (react, react-dom). */
const PAQUETS_REMPLACES = [...new Set(Object.keys(VERS_PREACT).map((source) => source.split("/")[0]!))];

/** What the islands get in the browser under `astro dev`: pre-bundled under their own names. */
const CIBLES_NAVIGATEUR = [...new Set(Object.values(VERS_PREACT))].filter((cible) => !cible.endsWith("/server"));

export function reactVersPreact(): Plugin {
  return {
    name: "carto-insertion:react-vers-preact",
    enforce: "pre",
    // `astro dev` renders on the server with the dependencies it leaves external loaded by Node, past
    // resolveId: the islands' `react` imports reached React itself, whose hooks fail under Preact, and dev
    // pages came without their islands. Bundled, they go through resolveId (a build is the same either way).
    // `astro dev` pre-bundles dependencies under their bare names, one file per name: its scan must see
    // `react` as React (the admin's Decap and previews), else the admin's `react` was preact/compat and its
    // previews crashed (« A React Element from an older version of React »). The islands' imports, resolved
    // below, reach preact/compat under its own name, pre-bundled from the start (no reload on first use).
    config: () => ({ ssr: { noExternal: PAQUETS_REMPLACES }, optimizeDeps: { include: CIBLES_NAVIGATEUR } }),
    async resolveId(source, importer, options) {
      const cible = VERS_PREACT[source];
      if (!cible || !importer) return null;
      if ((options as { scan?: boolean } | undefined)?.scan) return null;
      const chemin = importer.replace(/\\/g, "/");
      if (!options?.ssr && !ILOTS_PREACT.some((motif) => motif.test(chemin))) return null;
      if (source === "react" && /\/@react-leaflet\/core\//.test(chemin)) return COMPAT_AVEC_USE;
      return this.resolve(cible, importer, { ...options, skipSelf: true });
    },
  };
}
