/**
 * Astro's static build writes each redirect (astro.config.mjs `redirects`: renamed services) as a small
 * English page without a language. This rewrites those pages in French, with `lang="fr"`, keeping what
 * makes them work: the immediate meta refresh, the canonical link, `noindex`, and a link to follow by hand.
 */
import type { AstroIntegration } from "astro";
import { existsSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const echapper = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The French page for a redirect to `vers` (a site path), on the site at `site`. */
export function pageDeRedirection(vers: string, site: string): string {
  const cible = echapper(vers);
  const canonique = echapper(new URL(vers, site).href);
  return (
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Cette page a changé d'adresse</title>` +
    `<meta http-equiv="refresh" content="0;url=${cible}"><meta name="robots" content="noindex"><link rel="canonical" href="${canonique}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"></head>` +
    `<body><p>Cette page a changé d'adresse : <a href="${cible}">aller à la nouvelle page</a>.</p></body></html>\n`
  );
}

export function redirectionsEnFrancais({ redirections, site }: { redirections: Record<string, string>; site: string }): AstroIntegration {
  return {
    name: "carto-insertion:redirections",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        let n = 0;
        for (const [de, vers] of Object.entries(redirections)) {
          const fichier = fileURLToPath(new URL(`.${de.replace(/\/?$/, "/")}index.html`, dir));
          if (!existsSync(fichier)) continue; // not a static redirect page (another output mode)
          writeFileSync(fichier, pageDeRedirection(vers, site));
          n++;
        }
        if (n > 0) logger.info(`${n} ancienne${n > 1 ? "s" : ""} adresse${n > 1 ? "s" : ""} de service redirigée${n > 1 ? "s" : ""}`);
      },
    },
  };
}
