/**
 * The synthetic dump, generated once and kept under the OS temp folder
 * (`<tmp>/carto-insertion-dump-synthetique/<key>/`): the key hashes the generator's sources, the data
 * it reads and its options, so a changed generator or other options give another folder. Generated
 * in a child process measured like the import (time, peak memory), into a `.partiel` folder renamed
 * once complete; folders of an older generator are removed.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { FICHIERS_COMMUNES } from "./communes-france";
import type { Manifeste, OptionsDump } from "./dump-synthetique";
import { mesurer, type Mesure } from "./mesure";

export const DOSSIER_CACHE = join(tmpdir(), "carto-insertion-dump-synthetique");

/** What the dump's bytes depend on, relative to the repository root. */
export function sourcesDuGenerateur(racine: string): string[] {
  const json = (d: string) =>
    readdirSync(join(racine, d))
      .filter((f) => f.endsWith(".json"))
      .map((f) => `${d}/${f}`);
  return [
    ...["dump-synthetique", "communes-france", "ecriture-dump", "sources", "textes", "vocabulaire"].map((f) => `bench/import/${f}.ts`),
    "src/domain/data-inclusion/format-dump.ts",
    "src/domain/aleatoire.ts",
    "src/domain/communes-generation.ts",
    "src/domain/taxonomy.ts",
    "src/domain/text.ts",
    "src/domain/dates.ts",
    ...json("src/data/data-inclusion"),
    ...FICHIERS_COMMUNES,
  ].sort();
}

export function empreinteGenerateur(racine: string): string {
  const h = createHash("sha256");
  for (const f of sourcesDuGenerateur(racine)) h.update(`${f}\0`).update(readFileSync(join(racine, f))).update("\0");
  return h.digest("hex").slice(0, 16);
}

export interface DumpPrepare {
  dossier: string;
  manifeste: Manifeste;
  /** The generator's run (when it was generated, now or for an earlier benchmark). */
  generation: Mesure;
  reutilise: boolean;
  chemin(format: "json" | "csv", genre: "structures" | "services"): string;
}

const argumentsGenerateur = (o: OptionsDump) => [
  "--structures", String(o.structures), "--services", String(o.services), "--graine", String(o.graine), "--date", o.date,
  "--formats", o.formats.join(","), ...(o.modifie ? ["--modifie"] : []),
];

export async function preparerDump(racine: string, options: OptionsDump, journal: (m: string) => void): Promise<DumpPrepare> {
  const generateur = empreinteGenerateur(racine);
  const cle = createHash("sha256").update(generateur).update(JSON.stringify(options)).digest("hex").slice(0, 16);
  const dossier = join(DOSSIER_CACHE, cle);
  const fichierMesure = join(dossier, "mesure-generation.json");
  const pret = (reutilise: boolean): DumpPrepare => {
    const manifeste = JSON.parse(readFileSync(join(dossier, "manifeste.json"), "utf8")) as Manifeste;
    return {
      dossier,
      manifeste,
      generation: JSON.parse(readFileSync(fichierMesure, "utf8")) as Mesure,
      reutilise,
      chemin: (format, genre) => join(dossier, `${genre}-inclusion-${manifeste.date}.${format}`),
    };
  };

  if (existsSync(fichierMesure)) {
    journal(`Dump synthétique réutilisé : ${dossier}`);
    return pret(true);
  }
  // Folders of an older generator go; those of other options with this generator stay.
  if (existsSync(DOSSIER_CACHE)) {
    for (const nom of readdirSync(DOSSIER_CACHE)) {
      const autre = join(DOSSIER_CACHE, nom);
      let sienne: string | undefined;
      try {
        sienne = (JSON.parse(readFileSync(join(autre, "cle.json"), "utf8")) as { generateur?: string }).generateur;
      } catch {
        sienne = undefined;
      }
      if (sienne !== generateur && !nom.includes(".partiel-")) rmSync(autre, { recursive: true, force: true });
    }
  }
  const partiel = `${dossier}.partiel-${process.pid}`;
  rmSync(partiel, { recursive: true, force: true });
  const args = ["bench/import/dump-synthetique.ts", "--sortie", partiel, ...argumentsGenerateur(options)];
  journal(`Génération du dump synthétique${options.modifie ? " (semaine suivante)" : ""} : ${options.structures} structures, ${options.services} services…`);
  mkdirSync(partiel, { recursive: true });
  const mesure = await mesurer(join(racine, "node_modules/.bin/tsx"), args, {
    cwd: racine,
    dossierJournaux: partiel,
    nom: "generation",
    affichage: `npx tsx ${args.map((a) => (a === partiel ? "<dossier>" : a)).join(" ")}`,
  });
  if (mesure.code !== 0) {
    throw new Error(`La génération du dump a échoué (${mesure.signal ?? `code ${mesure.code}`}) :\n${mesure.finErreurs.join("\n")}\nJournaux : ${relative(process.cwd(), partiel)}`);
  }
  writeFileSync(join(partiel, "cle.json"), `${JSON.stringify({ generateur, options }, null, 2)}\n`);
  const journaux = { stdout: join(dossier, "generation.stdout.log"), stderr: join(dossier, "generation.stderr.log") };
  writeFileSync(join(partiel, "mesure-generation.json"), `${JSON.stringify({ ...mesure, journaux }, null, 2)}\n`);
  rmSync(dossier, { recursive: true, force: true });
  renameSync(partiel, dossier);
  journal(`Dump généré en ${mesure.dureeS.toFixed(1)} s (${Math.round(mesure.rssMaxOctets / 1e6)} Mo au plus) : ${dossier}`);
  return pret(false);
}
