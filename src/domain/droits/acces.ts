/**
 * The questions asked of the rights file (comptes.ts reads it): with no dependency, so that /admin/ can
 * ask them in the browser without shipping the file's reader (YAML, zod, the validator's messages).
 * Logins are compared case-insensitively, as forges do.
 */

/** content/comptes.yml once read. */
export interface Comptes {
  /** The Département's accounts: they may change anything, and publish. */
  departement: string[];
  /** Partner accounts and the structures (slugs of structures/) they speak for. */
  partenaires: { compte: string; structures: string[] }[];
}

const memeCompte = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Whether `login` is one of the Département's accounts. */
export function estDuDepartement(comptes: Comptes, login: string): boolean {
  return comptes.departement.some((c) => memeCompte(c, login));
}

/** The structures `login` speaks for: « toutes » for the Département, [] for an unknown account. */
export function structuresDuCompte(comptes: Comptes, login: string): "toutes" | string[] {
  if (estDuDepartement(comptes, login)) return "toutes";
  return [...new Set(comptes.partenaires.filter((p) => memeCompte(p.compte, login)).flatMap((p) => p.structures))];
}

/** Whether `login` may change the listings of structure `structure`. */
export function parlePour(comptes: Comptes, login: string, structure: string): boolean {
  const siennes = structuresDuCompte(comptes, login);
  return siennes === "toutes" || siennes.includes(structure);
}
