/**
 * The content collections' loader: each `*.md` file of a catalogue folder, read as the validator reads it
 * (`lireFrontMatter`, the same YAML parsing: pages use the very data `npm run validate` checked), its id
 * the file name, its body kept for the pages, which render it with src/domain/markdown.ts.
 *
 * Not Astro's glob loader: it also rendered every entry's Markdown to HTML at sync time, HTML nothing
 * read (70 of a cold 10,000-service build's ~170 s), and reading the front matter with another parser.
 * Under `astro dev`, a file added, changed or removed updates its entry.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Loader, LoaderContext } from "astro/loaders";
import { lireFrontMatter } from "../domain/validation/frontmatter";

const EXTENSION = ".md";

/** `dossier`: the folder, relative to the project's root. */
export function chargeurCatalogue(dossier: string): Loader {
  return {
    name: "carto-insertion:catalogue",
    load: async ({ store, parseData, generateDigest, watcher, config, logger }: LoaderContext) => {
      const racine = fileURLToPath(config.root);
      const absolu = resolve(racine, dossier);
      /** Reads one file into the store; returns its id. */
      async function charger(fichier: string): Promise<string> {
        const id = basename(fichier, EXTENSION);
        const texte = readFileSync(fichier, "utf8");
        const digest = generateDigest(texte);
        // Unchanged since the last sync (the data store is kept between builds): nothing to parse again.
        if (store.get(id)?.digest === digest) return id;
        const filePath = relative(racine, fichier).split(sep).join("/");
        const lu = lireFrontMatter(texte);
        if (!lu.donnees) {
          // The validator stops a build on these first; `astro dev` meets them when a file is edited.
          throw new Error(`${filePath} : ${lu.problemes.map((p) => (p.ligne ? `ligne ${p.ligne} : ${p.message}` : p.message)).join(" ; ")}`);
        }
        const data = await parseData({ id, data: lu.donnees, filePath });
        store.set({ id, data, body: lu.corps, filePath, digest });
        return id;
      }

      const lus = new Set<string>();
      for (const nom of readdirSync(absolu).filter((n) => n.endsWith(EXTENSION)).sort()) lus.add(await charger(join(absolu, nom)));
      // A file removed since the last sync.
      for (const id of store.keys()) if (!lus.has(id)) store.delete(id);

      if (!watcher) return;
      const estDuDossier = (chemin: string) => dirname(chemin) === absolu && chemin.endsWith(EXTENSION);
      const recharger = (chemin: string) => {
        if (!estDuDossier(chemin)) return;
        charger(chemin).catch((e: unknown) => logger.error(e instanceof Error ? e.message : String(e)));
      };
      watcher.add(absolu);
      watcher.on("add", recharger);
      watcher.on("change", recharger);
      watcher.on("unlink", (chemin) => {
        if (estDuDossier(chemin)) store.delete(basename(chemin, EXTENSION));
      });
    },
  };
}
