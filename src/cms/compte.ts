/**
 * The account connected to the admin, and what the build told the admin about the catalogue
 * (structures' names, content/comptes.yml), read from the page's JSON (src/pages/admin/index.astro).
 *
 * The account is the login Decap stored after signing in with the forge. On this machine only
 * (127.0.0.1, the local decap-server has no accounts) `?compte=<login>` says which partner to act as:
 * the lists and wording follow it; rights are enforced by the forge's check (`npm run verifier-droits`), not here.
 */
import { estSurCetteMachine } from "./backend-local";
import { estDuDepartement, structuresDuCompte, type Comptes } from "../domain/droits/acces";

export const ID_DONNEES_ESPACE = "donnees-espace-partenaires";

export interface DonneesEspace {
  /** The site's name and the Département's address (login page). */
  nomDuSite: string;
  contact: string;
  nomsDesStructures: Record<string, string>;
  comptes: Comptes;
}

let donnees: DonneesEspace | undefined;

export function donneesEspace(): DonneesEspace {
  if (!donnees) {
    const texte = document.getElementById(ID_DONNEES_ESPACE)?.textContent;
    donnees = texte ? (JSON.parse(texte) as DonneesEspace) : { nomDuSite: "", contact: "", nomsDesStructures: {}, comptes: { departement: [], partenaires: [] } };
  }
  return donnees;
}

/** The login of the connected account, if known. */
export function compteConnecte(lieu: { hostname: string; search: string } = window.location): string | undefined {
  if (estSurCetteMachine(lieu)) {
    const local = new URLSearchParams(lieu.search).get("compte");
    if (local && /^[\w.-]{1,100}$/.test(local)) return local;
  }
  try {
    const utilisateur = JSON.parse(window.localStorage.getItem("decap-cms-user") ?? "null") as { login?: unknown; username?: unknown } | null;
    const login = utilisateur?.login ?? utilisateur?.username;
    return typeof login === "string" && login !== "" ? login : undefined;
  } catch {
    return undefined;
  }
}

/** The structures the connected account speaks for (all of them for the local tool without `?compte=`: the Département's). */
export function mesStructures(): "toutes" | string[] {
  const compte = compteConnecte();
  return compte ? structuresDuCompte(donneesEspace().comptes, compte) : "toutes";
}

/** Whether the connected account is a partner's (not the Département's): publishing is the Département's. */
export function estPartenaire(): boolean {
  const compte = compteConnecte();
  return compte !== undefined && !estDuDepartement(donneesEspace().comptes, compte);
}
