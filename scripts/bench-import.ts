/**
 * `npm run bench:import [-- --petit | --structures N --services N] [--graine S] [--mise-a-jour] [--garder] [--generer-seulement]`:
 * the import benchmark. Generates (or reuses) a synthetic national data·inclusion dump, runs the import
 * CLI (scripts/import.ts) on it — JSON into an empty catalogue, again with nothing changed, then the CSV —
 * measures each run's time and peak memory, prints the bars with ✓/✗ and rewrites the
 * "Import (data·inclusion)" section of docs/benchmarks.md. The logic is in bench/import/.
 */
import { resolve } from "node:path";
import { lireOptions } from "../bench/import/dump-synthetique.ts";
import { executerBench, ImportAbsent } from "../bench/import/index.ts";
import { barres, descriptionDump, sectionImport, tableauBarres, tableauDetails, TITRE_SECTION } from "../bench/import/rapport.ts";
import { ecrireSection } from "../bench/section-benchmarks.ts";

const USAGE =
  "Usage : npm run bench:import [-- --petit | --structures N --services N] [--graine S] [--mise-a-jour] [--garder] [--generer-seulement]";

const DRAPEAUX = new Set(["--mise-a-jour", "--garder", "--generer-seulement"]);
const argv = process.argv.slice(2).filter((a) => a !== "--");
if (argv.includes("--help") || argv.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
let dump: ReturnType<typeof lireOptions>["options"];
try {
  const reste = argv.filter((a) => !DRAPEAUX.has(a));
  if (reste.some((a) => /^--(sortie|modifie|formats|date)\b/.test(a))) throw new Error("--sortie, --modifie, --formats et --date sont des options du générateur seul");
  dump = lireOptions(reste).options;
} catch (erreur) {
  console.error(`${(erreur as Error).message}\n${USAGE}`);
  process.exit(2);
}

const racine = resolve(import.meta.dirname, "..");
try {
  const { dump: prepare, resultat } = await executerBench({
    racine,
    dump,
    miseAJour: argv.includes("--mise-a-jour"),
    garder: argv.includes("--garder"),
    genererSeulement: argv.includes("--generer-seulement"),
  });
  if (!resultat) {
    console.log(`\n${descriptionDump(prepare)}\n\nFichiers : ${prepare.dossier}`);
    process.exit(0);
  }
  console.log(`\n${tableauBarres(resultat)}\n\n${tableauDetails(resultat)}\n`);
  const fichier = resolve(racine, "docs/benchmarks.md");
  ecrireSection(fichier, TITRE_SECTION, sectionImport(resultat));
  const manquees = barres(resultat).filter((b) => b.valeur > b.seuil).length;
  console.log(
    `Écrit dans ${fichier} (section « ${TITRE_SECTION} ») en ${Math.round(resultat.dureeS)} s. ` +
      (manquees === 0 ? "Toutes les barres sont tenues." : `${manquees} barre(s) manquée(s).`),
  );
} catch (erreur) {
  console.error(erreur instanceof ImportAbsent ? `\n${erreur.message}` : erreur);
  process.exit(1);
}
