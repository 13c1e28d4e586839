/**
 * `npm run verifier-droits -- <base> <head> --auteur <login>`: does the author of a change request have
 * the right to change each file of the catalogue it touches? (src/domain/droits/). Run in the repository;
 * the catalogue is `content` unless CARTO_CATALOGUE says otherwise. Exit code 1 when a file is refused.
 */
import { executerVerification } from "../src/domain/droits/commande.ts";

process.exitCode = executerVerification(process.argv.slice(2), {
  ecrire: (ligne) => console.log(ligne),
  erreur: (ligne) => console.error(ligne),
});
