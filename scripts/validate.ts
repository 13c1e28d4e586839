/**
 * `npm run validate [-- <dossier>]`: checks the catalogue (default `content`), prints one line per
 * problem then a summary. Exit code 1 when there is an error, 0 with warnings only.
 */
import { formaterProbleme, resume, validerDossier } from "../src/domain/validation/index.ts";

const args = process.argv.slice(2).filter((a) => a !== "--");
if (args.includes("--help") || args.includes("-h") || args.length > 1) {
  console.log("Usage : npm run validate [-- <dossier du catalogue>]   (par défaut : content)");
  process.exit(args.length > 1 ? 2 : 0);
}

const resultat = validerDossier(args[0] ?? "content");
for (const probleme of resultat.problemes) console.log(formaterProbleme(probleme));
console.log(resume(resultat));
process.exitCode = resultat.problemes.some((p) => p.gravite === "erreur") ? 1 : 0;
