/**
 * Islands hydrated at load (client:only, client:load, client:idle) start their JavaScript only once the
 * page's HTML is parsed, then discover their chunks one import level at a time: the component, then
 * React and the shared chunks, each a round trip later. After the build, this lists every chunk an
 * island needs (its static imports, followed) as `<link rel="modulepreload">` in the page's head, so
 * that the browser fetches and compiles them all in parallel with the stylesheets.
 */
import type { AstroIntegration } from "astro";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";

/** `import{a as b}from"./x.js"`, `import"./y.js"`, `export{c}from"./z.js"`: Rollup's static imports. */
const IMPORT_STATIQUE = /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
const ILOT = /<astro-island\b[^>]*>/g;
const ATTRIBUT = (nom: string) => new RegExp(`\\s${nom}="([^"]*)"`);

/** The relative chunks a built module imports statically (dynamic `import()` is left to load later). */
export function importsStatiques(source: string): string[] {
  return [...new Set([...source.matchAll(IMPORT_STATIQUE)].map((m) => m[1]!))];
}

/** Every module `urls` need, by static import, themselves included; `lire` gives a built file's text by its URL. */
export function fermetureDesImports(urls: readonly string[], lire: (url: string) => string | undefined): string[] {
  const vus = new Set<string>();
  const aVoir = [...urls];
  while (aVoir.length > 0) {
    const url = aVoir.pop()!;
    if (vus.has(url)) continue;
    const source = lire(url);
    if (source === undefined) continue;
    vus.add(url);
    for (const relatif of importsStatiques(source)) aVoir.push(posix.join(posix.dirname(url), relatif));
  }
  return [...vus].sort();
}

/** The islands' module URLs of a page, for the islands hydrated without waiting (not client:visible/media). */
export function modulesDesIlots(html: string): string[] {
  const urls: string[] = [];
  for (const [balise] of html.matchAll(ILOT)) {
    const client = ATTRIBUT("client").exec(balise)?.[1];
    if (client !== "only" && client !== "load" && client !== "idle") continue;
    for (const nom of ["component-url", "renderer-url"]) {
      const url = ATTRIBUT(nom).exec(balise)?.[1];
      if (url?.startsWith("/")) urls.push(url);
    }
  }
  return urls;
}

export function ajouterPrechargements(html: string, modules: readonly string[]): string {
  const deja = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]));
  const liens = modules.filter((m) => !deja.has(m)).map((m) => `<link rel="modulepreload" href="${m}">`);
  return liens.length === 0 ? html : html.replace("</head>", `${liens.join("")}</head>`);
}

function* fichiersHtml(dossier: string): Generator<string> {
  for (const entree of readdirSync(dossier, { withFileTypes: true })) {
    const chemin = join(dossier, entree.name);
    if (entree.isDirectory()) yield* fichiersHtml(chemin);
    else if (entree.name.endsWith(".html")) yield chemin;
  }
}

export function prechargementDesIlots(): AstroIntegration {
  return {
    name: "carto-insertion:prechargement-des-ilots",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const racine = fileURLToPath(dir);
        const cache = new Map<string, string | undefined>();
        const lire = (url: string) => {
          if (!cache.has(url)) {
            const fichier = join(racine, url);
            cache.set(url, existsSync(fichier) ? readFileSync(fichier, "utf8") : undefined);
          }
          return cache.get(url);
        };
        let pages = 0;
        for (const fichier of fichiersHtml(racine)) {
          const html = readFileSync(fichier, "utf8");
          if (!html.includes("<astro-island")) continue;
          const modules = fermetureDesImports(modulesDesIlots(html), lire);
          const nouveau = ajouterPrechargements(html, modules);
          if (nouveau !== html) {
            writeFileSync(fichier, nouveau);
            pages++;
          }
        }
        logger.info(`modules des îlots préchargés (modulepreload) dans ${pages} page(s)`);
      },
    },
  };
}
