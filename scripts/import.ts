/** `npm run import -- <source>… [options]`: see src/domain/data-inclusion/commande.ts. */
import { executerImport } from "../src/domain/data-inclusion/commande.ts";

process.exitCode = await executerImport(process.argv.slice(2), {
  ecrire: (l) => console.log(l),
  erreur: (l) => console.error(l),
});
