/**
 * The import benchmark: the synthetic national dump (dump-en-cache.ts), then the import CLI
 * (`tsx scripts/import.ts <structures> <services> --catalogue <dir>`) run as a child process and
 * measured by GNU time:
 * 1. the JSON dump into a new, empty catalogue;
 * 2. the same dump again into that catalogue (nothing changed upstream);
 * 3. the CSV dump into another new catalogue (compared with the JSON's);
 * 4. with `miseAJour`, the dump of the week after into the first catalogue.
 * Each run must exit with 0; its last line on stdout is its summary. The catalogues are counted and
 * fingerprinted after each run (files written, files changed).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, totalmem, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { execFileSync } from "node:child_process";
import { preparerDump, type DumpPrepare } from "./dump-en-cache";
import type { OptionsDump } from "./dump-synthetique";
import { mesurer, type Mesure } from "./mesure";

export const CLI_IMPORT = "scripts/import.ts";

export interface Catalogue {
  /** Relative path -> sha256 of the file. */
  fichiers: Map<string, string>;
  services: number;
  structures: number;
}

export interface Execution {
  cle: "json-1" | "json-2" | "csv" | "mise-a-jour";
  libelle: string;
  mesure: Mesure;
  catalogue: Catalogue;
  /** Files added, removed or changed by this run in its catalogue (for runs on an existing catalogue). */
  changements?: { ajoutes: number; supprimes: number; modifies: number };
}

export interface Machine {
  coeurs: number;
  processeur: string;
  memoireGio: number;
  node: string;
}

export interface ResultatBench {
  date: string;
  dureeS: number;
  machine: Machine;
  dump: DumpPrepare;
  miseAJour?: DumpPrepare;
  executions: Execution[];
  /** The CSV's catalogue against the JSON's first one. */
  comparaisonCsv?: { identiques: number; differents: number; seulementJson: number; seulementCsv: number };
}

export function machine(): Machine {
  let coeurs = cpus().length;
  try {
    coeurs = Number(execFileSync("nproc", { encoding: "utf8" }).trim()) || coeurs;
  } catch {
    /* nproc missing: Node's count */
  }
  let processeur = cpus()[0]?.model.trim() ?? "?";
  try {
    processeur = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? processeur;
  } catch {
    /* not Linux */
  }
  return { coeurs, processeur, memoireGio: Math.round(totalmem() / 2 ** 30), node: process.version };
}

/** Every file of a catalogue folder, fingerprinted; `.md` files under `services/` and `structures/` counted. */
export function lireCatalogue(dossier: string): Catalogue {
  const fichiers = new Map<string, string>();
  let services = 0;
  let structures = 0;
  const parcourir = (d: string) => {
    if (!existsSync(d)) return;
    for (const entree of readdirSync(d, { withFileTypes: true })) {
      const chemin = join(d, entree.name);
      if (entree.isDirectory()) parcourir(chemin);
      else if (entree.isFile()) {
        const rel = relative(dossier, chemin);
        fichiers.set(rel, createHash("sha256").update(readFileSync(chemin)).digest("hex"));
        if (rel.endsWith(".md")) {
          const parties = rel.split(/[\\/]/);
          if (parties.includes("services")) services++;
          else if (parties.includes("structures")) structures++;
        }
      }
    }
  };
  parcourir(dossier);
  return { fichiers, services, structures };
}

export function comparer(avant: Catalogue, apres: Catalogue) {
  let identiques = 0;
  let modifies = 0;
  let supprimes = 0;
  for (const [f, h] of avant.fichiers) {
    const autre = apres.fichiers.get(f);
    if (autre === undefined) supprimes++;
    else if (autre === h) identiques++;
    else modifies++;
  }
  const ajoutes = [...apres.fichiers.keys()].filter((f) => !avant.fichiers.has(f)).length;
  return { identiques, modifies, supprimes, ajoutes };
}

export interface OptionsBench {
  racine: string;
  dump: OptionsDump;
  miseAJour?: boolean;
  /** Only prepare the dump (no import: e.g. while scripts/import.ts does not exist yet). */
  genererSeulement?: boolean;
  garder?: boolean;
  journal?: (message: string) => void;
}

export class ImportAbsent extends Error {}

export async function executerBench(o: OptionsBench): Promise<{ dump: DumpPrepare; resultat?: ResultatBench }> {
  const journal = o.journal ?? console.log;
  const debut = performance.now();
  const cli = join(o.racine, CLI_IMPORT);
  if (!o.genererSeulement && !existsSync(cli)) {
    throw new ImportAbsent(
      `${CLI_IMPORT} n'existe pas (encore) dans ${o.racine} : ce banc mesure la commande d'import ` +
        `\`npx tsx ${CLI_IMPORT} <source>… --catalogue <dossier>\`. Pour ne produire que le dump synthétique : ` +
        "npm run bench:import -- --generer-seulement",
    );
  }
  const dump = await preparerDump(o.racine, o.dump, journal);
  const miseAJour = o.miseAJour ? await preparerDump(o.racine, { ...o.dump, modifie: true, formats: ["json"] }, journal) : undefined;
  if (o.genererSeulement) return { dump };

  const temporaire = mkdtempSync(join(tmpdir(), "carto-bench-import-"));
  journal(`Dossier temporaire (catalogues, journaux) : ${temporaire}`);
  const executions: Execution[] = [];
  let comparaisonCsv: ResultatBench["comparaisonCsv"];
  let garder = o.garder ?? false;
  try {
    const tsx = join(o.racine, "node_modules/.bin/tsx");
    const lancer = async (cle: Execution["cle"], libelle: string, d: DumpPrepare, format: "json" | "csv", catalogue: string) => {
      const args = [CLI_IMPORT, d.chemin(format, "structures"), d.chemin(format, "services"), "--catalogue", catalogue];
      journal(`[${cle}] ${libelle}…`);
      const mesure = await mesurer(tsx, args, {
        cwd: o.racine,
        dossierJournaux: temporaire,
        nom: cle,
        affichage: `npx tsx ${CLI_IMPORT} ${relative(d.dossier, d.chemin(format, "structures"))} ${relative(d.dossier, d.chemin(format, "services"))} --catalogue <dossier>`,
        surErreur: (ligne) => journal(`  │ ${ligne}`),
      });
      journal(
        `[${cle}] ${mesure.dureeS.toFixed(1)} s, ${Math.round(mesure.rssMaxOctets / 1e6)} Mo au plus, ` +
          `${mesure.signal ?? `code ${mesure.code}`} — ${mesure.derniereLigne || "(aucune ligne sur la sortie standard)"}`,
      );
      if (mesure.code !== 0) {
        throw new Error(
          `L'import (${libelle}) a échoué (${mesure.signal ?? `code ${mesure.code}`}) :\n${mesure.finErreurs.join("\n")}\n` +
            `Journaux : ${mesure.journaux.stdout}, ${mesure.journaux.stderr}`,
        );
      }
      return mesure;
    };

    const catalogueJson = join(temporaire, "catalogue-json");
    const catalogueCsv = join(temporaire, "catalogue-csv");
    mkdirSync(catalogueJson);
    mkdirSync(catalogueCsv);

    const m1 = await lancer("json-1", "dump JSON, catalogue vide", dump, "json", catalogueJson);
    const c1 = lireCatalogue(catalogueJson);
    executions.push({ cle: "json-1", libelle: "1re importation (JSON, catalogue vide)", mesure: m1, catalogue: c1 });

    const m2 = await lancer("json-2", "même dump JSON, même catalogue", dump, "json", catalogueJson);
    const c2 = lireCatalogue(catalogueJson);
    const d2 = comparer(c1, c2);
    executions.push({ cle: "json-2", libelle: "2e importation (rien de changé)", mesure: m2, catalogue: c2, changements: { ajoutes: d2.ajoutes, supprimes: d2.supprimes, modifies: d2.modifies } });

    const m3 = await lancer("csv", "dump CSV, autre catalogue vide", dump, "csv", catalogueCsv);
    const c3 = lireCatalogue(catalogueCsv);
    executions.push({ cle: "csv", libelle: "importation du CSV (catalogue vide)", mesure: m3, catalogue: c3 });
    const d3 = comparer(c1, c3);
    comparaisonCsv = { identiques: d3.identiques, differents: d3.modifies, seulementJson: d3.supprimes, seulementCsv: d3.ajoutes };

    if (miseAJour) {
      const m4 = await lancer("mise-a-jour", "dump JSON de la semaine suivante, premier catalogue", miseAJour, "json", catalogueJson);
      const c4 = lireCatalogue(catalogueJson);
      const d4 = comparer(c2, c4);
      executions.push({ cle: "mise-a-jour", libelle: "mise à jour (dump de la semaine suivante)", mesure: m4, catalogue: c4, changements: { ajoutes: d4.ajoutes, supprimes: d4.supprimes, modifies: d4.modifies } });
    }
  } catch (erreur) {
    // Its logs are what the import's author needs.
    garder = true;
    throw erreur;
  } finally {
    if (garder) journal(`Dossier temporaire gardé : ${temporaire}`);
    else rmSync(temporaire, { recursive: true, force: true });
  }
  return {
    dump,
    resultat: {
      date: new Date().toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long", timeStyle: "short" }),
      dureeS: (performance.now() - debut) / 1000,
      machine: machine(),
      dump,
      ...(miseAJour ? { miseAJour } : {}),
      executions,
      ...(comparaisonCsv ? { comparaisonCsv } : {}),
    },
  };
}
