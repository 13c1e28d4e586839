/**
 * `npm run bench:search [-- --tailles 2000,10000] [--garder]`: the search benchmark of issue 3.
 * For each catalogue size, builds a search-only site from a synthetic catalogue (in a temporary copy
 * of the project), measures index sizes, the query in Node and the page in headless Chromium, prints
 * the bars with ✓/✗ and rewrites the "Recherche" section of docs/benchmarks.md.
 * The logic is in bench/recherche/.
 */
import { resolve } from "node:path";
import { executerBench } from "../bench/recherche/index.ts";
import { barres, ecrireDansBenchmarks, sectionRecherche, tableauBarres, tableauDetails } from "../bench/recherche/rapport.ts";

const USAGE = "Usage : npm run bench:search [-- --tailles 2000,10000] [--garder]";

function lireArguments(argv: readonly string[]): { tailles: number[]; garder: boolean } {
  let tailles = [2000, 10000];
  let garder = false;
  const liste = argv.filter((a) => a !== "--");
  for (let i = 0; i < liste.length; i++) {
    const a = liste[i]!;
    const m = /^--tailles(?:=(.*))?$/.exec(a);
    if (m) {
      const valeur = m[1] ?? liste[++i] ?? "";
      if (!/^\d+(,\d+)*$/.test(valeur)) throw new Error(`--tailles attend des nombres séparés par des virgules (reçu : « ${valeur} »)`);
      tailles = valeur.split(",").map(Number);
    } else if (a === "--garder") garder = true;
    else if (a === "--help" || a === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`argument inattendu « ${a} »`);
  }
  return { tailles, garder };
}

let options: ReturnType<typeof lireArguments>;
try {
  options = lireArguments(process.argv.slice(2));
} catch (erreur) {
  console.error(`${(erreur as Error).message}\n${USAGE}`);
  process.exit(2);
}

const racine = resolve(import.meta.dirname, "..");
const execution = await executerBench({ racine, ...options });
console.log(`\n${tableauBarres(execution)}\n\n${tableauDetails(execution)}\n`);
const fichier = resolve(racine, "docs/benchmarks.md");
ecrireDansBenchmarks(fichier, sectionRecherche(execution));
const manquees = execution.mesures.flatMap(barres).filter((b) => b.valeur > b.seuil).length;
console.log(`Écrit dans ${fichier} (section « Recherche ») en ${Math.round(execution.dureeS)} s. ${manquees === 0 ? "Toutes les barres sont tenues." : `${manquees} barre(s) manquée(s).`}`);
