/**
 * `npm run verifier-droits -- <base> <head> --auteur <login>`: the git side of the rights check. Reads the
 * changes between the two commits (from their merge base, as a change request shows them), the texts
 * before and after, and comptes.yml of the base commit, then prints one line per refused file and a summary
 * (verification.ts decides). scripts/verifier-droits.ts only passes it the command line.
 */
import { spawnSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { lireFrontMatter } from "../validation/frontmatter";
import { formaterProbleme } from "../validation/catalogue";
import { FICHIER_COMPTES, lireComptes, type Comptes } from "./comptes";
import { lignesDuResultat, verifierDroits, type Changement, type Statut } from "./verification";

export const USAGE = [
  "Usage : npm run verifier-droits -- <commit de base> <commit proposé> --auteur <identifiant du compte>",
  "  Vérifie que le compte a le droit de modifier chaque fichier du catalogue changé entre les deux commits",
  "  (droits lus dans comptes.yml du catalogue, au commit de base). Catalogue : content/, ou le dossier",
  "  indiqué par la variable CARTO_CATALOGUE. Codes de sortie : 0 tout est permis, 1 au moins un fichier",
  "  refusé, 2 commande incorrecte ou dépôt illisible.",
  "  Ex. : npm run verifier-droits -- origin/main HEAD --auteur ccas-chatellerault",
].join("\n");

export interface Arguments {
  base: string;
  head: string;
  auteur: string;
}

/** The command line, or an error message naming what is wrong; « aide » for --help. */
export function lireArguments(argv: readonly string[]): Arguments | "aide" | string {
  const positions: string[] = [];
  let auteur: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") continue;
    if (arg === "--help" || arg === "-h") return "aide";
    if (arg === "--auteur" || arg.startsWith("--auteur=")) {
      const v = arg === "--auteur" ? argv[++i] : arg.slice("--auteur=".length);
      if (v === undefined || v.startsWith("--") || v.trim() === "") return "--auteur attend l'identifiant (login) du compte qui propose la modification";
      auteur = v.trim();
    } else if (arg.startsWith("--")) return `option inconnue « ${arg} »`;
    else positions.push(arg);
  }
  if (positions.length !== 2) {
    return positions.length < 2
      ? "indiquez le commit de base et le commit proposé (deux commits, branches ou SHA)"
      : `deux commits attendus, ${positions.length} reçus : ${positions.map((p) => `« ${p} »`).join(", ")}`;
  }
  if (auteur === undefined) return "--auteur manquant : indiquez l'identifiant (login) du compte qui propose la modification";
  return { base: positions[0]!, head: positions[1]!, auteur };
}

export interface Sortie {
  ecrire(ligne: string): void;
  erreur(ligne: string): void;
}

class ErreurGit extends Error {}

function git(args: readonly string[], cwd: string): { ok: boolean; sortie: string; erreur: string } {
  const r = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 1024 * 1024 * 1024 });
  if (r.error) throw new ErreurGit(`git introuvable ou inutilisable : ${r.error.message}`);
  return { ok: r.status === 0, sortie: r.stdout, erreur: r.stderr.trim() };
}

/** A file's text at a commit, or undefined when it is not there. */
function texteA(commit: string, chemin: string, cwd: string): string | undefined {
  const r = git(["cat-file", "blob", `${commit}:${chemin}`], cwd);
  return r.ok ? r.sortie : undefined;
}

const STATUTS: Readonly<Record<string, Statut>> = { A: "ajoute", C: "ajoute", D: "supprime", M: "modifie", T: "modifie", R: "renomme" };

/** `git diff --name-status -z -M` output: `R100\0old\0new\0`, `M\0path\0`… */
function lireDiff(sortie: string): { statut: Statut; chemin: string; ancienChemin?: string }[] {
  const champs = sortie.split("\0");
  const changements: { statut: Statut; chemin: string; ancienChemin?: string }[] = [];
  for (let i = 0; i < champs.length; ) {
    const code = champs[i++]!;
    if (code === "") continue;
    const lettre = code[0]!;
    if (lettre === "R" || lettre === "C") {
      const ancien = champs[i++]!;
      const nouveau = champs[i++]!;
      changements.push(lettre === "R" ? { statut: "renomme", chemin: nouveau, ancienChemin: ancien } : { statut: "ajoute", chemin: nouveau });
    } else {
      changements.push({ statut: STATUTS[lettre] ?? "modifie", chemin: champs[i++]! });
    }
  }
  return changements;
}

/** The catalogue folder from the repository's root (`content`), or an error message. */
function dossierDansLeDepot(dossier: string, racineDepot: string, cwd: string): string | { erreur: string } {
  const reel = (chemin: string): string => {
    if (existsSync(chemin)) return realpathSync(chemin);
    const parent = dirname(chemin);
    return parent === chemin ? chemin : resolve(reel(parent), relative(parent, chemin));
  };
  const absolu = resolve(cwd, dossier);
  const rel = relative(reel(racineDepot), reel(absolu));
  if (rel.startsWith("..") || isAbsolute(rel)) return { erreur: `le dossier du catalogue « ${dossier} » (${absolu}) n'est pas dans le dépôt git ${racineDepot}` };
  return rel === "" ? "." : rel.split(sep).join("/");
}

/** Runs the check; returns the exit status (0: all allowed, 1: something refused, 2: bad command or unreadable repository). */
export function executerVerification(argv: readonly string[], sortie: Sortie, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): number {
  const a = lireArguments(argv);
  if (a === "aide") {
    sortie.ecrire(USAGE);
    return 0;
  }
  if (typeof a === "string") {
    sortie.erreur(`npm run verifier-droits : ${a}`);
    sortie.erreur(USAGE);
    return 2;
  }
  try {
    return verifier(a, sortie, env.CARTO_CATALOGUE || "content", cwd);
  } catch (e) {
    if (e instanceof ErreurGit) {
      sortie.erreur(`npm run verifier-droits : ${e.message}`);
      return 2;
    }
    throw e;
  }
}

function verifier(a: Arguments, sortie: Sortie, dossierCatalogue: string, cwd: string): number {
  const echec = (message: string) => {
    sortie.erreur(`npm run verifier-droits : ${message}`);
    return 2;
  };
  const racine = git(["rev-parse", "--show-toplevel"], cwd);
  if (!racine.ok) return echec(`${cwd} n'est pas dans un dépôt git (${racine.erreur})`);
  const dossier = dossierDansLeDepot(dossierCatalogue, racine.sortie.trim(), cwd);
  if (typeof dossier !== "string") return echec(dossier.erreur);

  const commit = (nom: string): string | undefined => {
    const r = git(["rev-parse", "--verify", "--quiet", `${nom}^{commit}`], cwd);
    return r.ok ? r.sortie.trim() : undefined;
  };
  const introuvable = (role: string, nom: string) =>
    echec(`commit ${role} « ${nom} » introuvable dans ce dépôt (historique incomplet ? récupérez-le en entier : git fetch, ou fetch-depth: 0 en CI)`);
  const base = commit(a.base);
  if (base === undefined) return introuvable("de base", a.base);
  const head = commit(a.head);
  if (head === undefined) return introuvable("proposé", a.head);
  const mb = git(["merge-base", base, head], cwd);
  if (!mb.ok) return echec(`aucun ancêtre commun entre « ${a.base} » et « ${a.head} » : l'historique est sans doute incomplet (fetch-depth: 0 en CI)`);
  const depart = mb.sortie.trim();

  const diff = git(["diff", "--name-status", "-z", "-M", "--no-ext-diff", depart, head, "--"], cwd);
  if (!diff.ok) return echec(`git diff a échoué : ${diff.erreur}`);
  const prefixe = dossier === "." ? "" : `${dossier}/`;
  const dansCatalogue = (chemin: string) => chemin.startsWith(prefixe);
  const changements: Changement[] = lireDiff(diff.sortie).map((c) => {
    const cheminAvant = c.ancienChemin ?? c.chemin;
    const avant = c.statut !== "ajoute" && dansCatalogue(cheminAvant) ? texteA(depart, cheminAvant, cwd) : undefined;
    const apres = c.statut !== "supprime" && dansCatalogue(c.chemin) ? texteA(head, c.chemin, cwd) : undefined;
    return { ...c, ...(avant !== undefined ? { avant } : {}), ...(apres !== undefined ? { apres } : {}) };
  });

  // The rights of the base commit: a change request cannot grant its author rights.
  const cheminComptes = `${prefixe}${FICHIER_COMPTES}`;
  const texteComptes = texteA(base, cheminComptes, cwd);
  let comptes: Comptes | undefined;
  let raisonSansComptes: string | undefined;
  if (texteComptes === undefined) {
    raisonSansComptes = `${cheminComptes} est absent du commit de base (${base.slice(0, 12)})`;
  } else {
    const lu = lireComptes(texteComptes);
    comptes = lu.comptes;
    if (!comptes) {
      const premier = lu.problemes[0];
      raisonSansComptes = `${cheminComptes} du commit de base est invalide (${premier ? formaterProbleme({ fichier: cheminComptes, ...premier }) : "illisible"})`;
    }
  }

  const noms = new Map<string, string | undefined>();
  const nomDeStructure = (slug: string): string | undefined => {
    if (!noms.has(slug)) {
      const chemin = `${prefixe}structures/${slug}.md`;
      const texte = texteA(head, chemin, cwd) ?? texteA(depart, chemin, cwd);
      const nom = texte === undefined ? undefined : lireFrontMatter(texte).donnees?.nom;
      noms.set(slug, typeof nom === "string" && nom.trim() !== "" ? nom.trim() : undefined);
    }
    return noms.get(slug);
  };

  const resultat = verifierDroits(changements, {
    auteur: a.auteur,
    comptes,
    ...(raisonSansComptes !== undefined ? { raisonSansComptes } : {}),
    dossier,
    nomDeStructure,
  });
  for (const ligne of lignesDuResultat(resultat)) sortie.ecrire(ligne);
  return resultat.refuses.length > 0 ? 1 : 0;
}
