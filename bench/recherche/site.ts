/**
 * The benchmark's sites, built away from the working tree: the project is copied into a temporary
 * folder (sources only; node_modules is a folder of links to the project's packages, so that Astro's
 * and Vite's caches, node_modules/.astro and node_modules/.vite, are the copy's own), a synthetic
 * catalogue is generated there, and the search-only site (CARTO_PAGES_CATALOGUE=0) is built from it.
 * The working tree's dist/, .astro/ and caches are never touched.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const executer = promisify(execFile);

/** What the build and the catalogue generator read. */
const A_COPIER = ["src", "content", "public", "scripts", "astro.config.mjs", "site.config.ts", "tsconfig.json", "package.json"];
/** Caches that must stay the copy's own. */
const CACHES = new Set([".astro", ".vite"]);

export interface DossierTemporaire {
  dossier: string;
  supprimer(): void;
}

export function dossierTemporaire(): DossierTemporaire {
  const dossier = mkdtempSync(join(tmpdir(), "carto-bench-"));
  return { dossier, supprimer: () => rmSync(dossier, { recursive: true, force: true }) };
}

/** A copy of the project in `projet`, its node_modules a folder of links (caches excluded). */
function copierProjet(racine: string, projet: string): void {
  for (const nom of A_COPIER) cpSync(join(racine, nom), join(projet, nom), { recursive: true });
  const modules = join(projet, "node_modules");
  mkdirSync(modules);
  for (const nom of readdirSync(join(racine, "node_modules"))) {
    if (!CACHES.has(nom)) symlinkSync(resolve(racine, "node_modules", nom), join(modules, nom));
  }
}

export interface SiteConstruit {
  catalogue: string;
  dist: string;
  generationMs: number;
  constructionMs: number;
}

async function lancer(projet: string, journal: string, commande: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  const debut = performance.now();
  try {
    const { stdout, stderr } = await executer(process.execPath, commande, {
      cwd: projet,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    writeFileSync(journal, stdout + stderr);
  } catch (erreur) {
    const e = erreur as { stdout?: string; stderr?: string };
    writeFileSync(journal, `${e.stdout ?? ""}${e.stderr ?? ""}`);
    throw new Error(`${commande.slice(0, 2).join(" ")} a échoué, voir ${journal}\n${(e.stderr ?? "").slice(-2000)}`);
  }
  return performance.now() - debut;
}

/**
 * In its own copy of the project (so that builds may run side by side), generates the catalogue of
 * `services` services (seed 1) and builds the search-only site from it.
 */
export async function construireSite(racine: string, temporaire: DossierTemporaire, services: number): Promise<SiteConstruit> {
  const projet = join(temporaire.dossier, `projet-${services}`);
  copierProjet(racine, projet);
  const catalogue = join(temporaire.dossier, `catalogue-${services}`);
  const dist = join(temporaire.dossier, `dist-${services}`);
  const generationMs = await lancer(projet, join(temporaire.dossier, `generation-${services}.log`), [
    "node_modules/tsx/dist/cli.mjs",
    "scripts/generate-catalogue.ts",
    "--services",
    String(services),
    "--out",
    catalogue,
  ]);
  const constructionMs = await lancer(
    projet,
    join(temporaire.dossier, `construction-${services}.log`),
    ["node_modules/astro/astro.js", "build", "--outDir", dist],
    { CARTO_CATALOGUE: catalogue, CARTO_PAGES_CATALOGUE: "0" },
  );
  return { catalogue, dist, generationMs, constructionMs };
}
