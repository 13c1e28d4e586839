/**
 * Reads a JSON array file with one of the two readers of lecture-json.ts and prints the item count:
 * `npx tsx bench/import/lecture-json.ts <file> tableau|jetons`, timed side by side (docs/benchmarks.md).
 */
import { parcourirJson, parcourirParJetons } from "../../src/domain/data-inclusion/lecture-json";

const [fichier, lecteur = "tableau"] = process.argv.slice(2);
if (!fichier) throw new Error("Usage : npx tsx bench/import/lecture-json.ts <fichier.json> tableau|jetons");
let n = 0;
await (lecteur === "jetons" ? parcourirParJetons : parcourirJson)(fichier, () => {
  n++;
});
console.log(`${n} éléments`);
