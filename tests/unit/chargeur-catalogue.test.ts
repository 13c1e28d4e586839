/** The content collections' loader, over a temporary catalogue folder, with a stand-in for Astro's store. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { LoaderContext } from "astro/loaders";
import { chargeurCatalogue } from "../../src/lib/chargeur-catalogue";
import { lireFrontMatter } from "../../src/domain/validation/frontmatter";

interface Entree {
  id: string;
  data: Record<string, unknown>;
  body?: string;
  filePath?: string;
  digest?: string;
}

function contexte(racine: string) {
  const entrees = new Map<string, Entree>();
  let analyses = 0;
  const ctx = {
    store: {
      get: (id: string) => entrees.get(id),
      set: (e: Entree) => entrees.set(e.id, e),
      delete: (id: string) => entrees.delete(id),
      keys: () => [...entrees.keys()],
    },
    parseData: async ({ data }: { data: Record<string, unknown> }) => {
      analyses++;
      return data;
    },
    generateDigest: (texte: string) => String(texte.length) + texte.slice(0, 64),
    config: { root: pathToFileURL(`${racine}/`) },
    logger: { error: () => {} },
  };
  return { ctx: ctx as unknown as LoaderContext, entrees, analyses: () => analyses };
}

describe("chargeurCatalogue", () => {
  it("stores each file under its name, with the validator's data and the body, and follows removals", async () => {
    const racine = mkdtempSync(join(tmpdir(), "carto-chargeur-"));
    try {
      cpSync("tests/fixtures/catalogues/valide/services", join(racine, "services"), { recursive: true });
      const { ctx, entrees, analyses } = contexte(racine);
      const chargeur = chargeurCatalogue("services");
      await chargeur.load(ctx);
      const fichier = join(racine, "services", "accompagnement-jeunes-poitiers.md");
      const texte = readFileSync(fichier, "utf8");
      const entree = entrees.get("accompagnement-jeunes-poitiers")!;
      expect(entree.data).toEqual(lireFrontMatter(texte).donnees);
      expect(entree.body).toBe(lireFrontMatter(texte).corps);
      expect(entree.filePath).toBe("services/accompagnement-jeunes-poitiers.md");

      // Loaded again, unchanged files are not parsed again; a removed file leaves the store.
      const avant = analyses();
      rmSync(fichier);
      await chargeur.load(ctx);
      expect(analyses()).toBe(avant);
      expect(entrees.has("accompagnement-jeunes-poitiers")).toBe(false);

      // An unreadable front matter stops the load, naming the file and the line.
      writeFileSync(join(racine, "services", "casse.md"), "---\nnom: [casse\n---\n");
      await expect(chargeur.load(ctx)).rejects.toThrow(/^services\/casse\.md : ligne \d+ : /);
    } finally {
      rmSync(racine, { recursive: true, force: true });
    }
  });
});
