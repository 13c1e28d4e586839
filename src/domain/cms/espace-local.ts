/**
 * The local copy `npm run cms` (scripts/cms.ts) runs decap-server on, in git mode: decap-server checks
 * draft branches out in its repository's working tree and merges them into the configured branch, so it
 * gets a repository of its own (`<dépôt>/.cms-local/depot`), never the developer's working copy.
 * It holds the whole history (published changes come back with a plain `git pull`) but checks out only
 * what the CMS edits.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

/** What decap-server's copy checks out: what the CMS writes (collections' folders, media_folder). */
export const DOSSIERS_EDITES = ["/content/", "/public/medias/"];

export class ErreurCms extends Error {}

function git(dossier: string, ...args: string[]): string {
  const r = spawnSync("git", args, { cwd: dossier, encoding: "utf8" });
  if (r.status !== 0) throw new ErreurCms(`git ${args.join(" ")} (dans ${dossier}) a échoué :\n${r.stderr.trim()}`);
  return r.stdout.trim();
}

function gitOk(dossier: string, ...args: string[]): boolean {
  return spawnSync("git", args, { cwd: dossier, encoding: "utf8" }).status === 0;
}

const court = (commit: string) => commit.slice(0, 7);
const pluriel = (n: number, mot: string) => `${n} ${mot}${n > 1 ? "s" : ""}`;

/**
 * `source`: the repository whose catalogue is edited; `depot`: the local copy; `branche`: the admin's
 * backend.branch. Creates the local copy on first start, or brings it up to date with the source's commit when that
 * loses nothing (fast-forward). Returns what to tell the user about where it starts from.
 */
export function preparerDepot(source: string, depot: string, branche: string): string[] {
  if (!gitOk(source, "rev-parse", "--verify", "-q", "HEAD")) throw new ErreurCms(`${source} n'est pas un dépôt git avec au moins un commit.`);
  const messages: string[] = [];
  if (!existsSync(join(depot, ".git"))) {
    mkdirSync(depot, { recursive: true });
    try {
      git(depot, "init", "-q", "-b", branche);
      // decap-server commits with this identity: the developer's when git knows it.
      git(depot, "config", "user.name", gitOk(source, "config", "user.name") ? git(source, "config", "user.name") : "Espace partenaires local");
      git(depot, "config", "user.email", gitOk(source, "config", "user.email") ? git(source, "config", "user.email") : "cms-local@127.0.0.1");
      git(depot, "sparse-checkout", "set", "--no-cone", ...DOSSIERS_EDITES);
      git(depot, "fetch", "-q", "--no-tags", source, "HEAD");
      git(depot, "reset", "-q", "--hard", "FETCH_HEAD");
    } catch (e) {
      // Half made, it would be taken for an existing copy next time.
      rmSync(depot, { recursive: true, force: true });
      throw e;
    }
    messages.push(`Espace local créé depuis le dernier commit de votre copie (${court(git(depot, "rev-parse", "HEAD"))}).`);
  } else {
    if (git(depot, "status", "--porcelain") !== "")
      throw new ErreurCms(`${depot} a des modifications non commitées (un arrêt pendant un enregistrement ?) : voyez-les avec « git -C ${depot} status », puis annulez-les (git -C ${depot} checkout -- .) et relancez.`);
    // decap-server returns to the branch it found after each operation: an interrupted one may leave a draft's.
    if (git(depot, "branch", "--show-current") !== branche) {
      if (!gitOk(depot, "rev-parse", "--verify", "-q", `refs/heads/${branche}`))
        throw new ErreurCms(`${depot} n'a pas de branche ${branche} (backend.branch de public/admin/config.yml) : supprimez ce dossier et relancez.`);
      git(depot, "checkout", "-q", branche);
    }
    git(depot, "fetch", "-q", "--no-tags", source, "HEAD");
    const local = git(depot, "rev-parse", "HEAD");
    const sourceHead = git(depot, "rev-parse", "FETCH_HEAD");
    const aRecuperer = Number(git(depot, "rev-list", "--count", `${sourceHead}..${local}`));
    const nouveaux = Number(git(depot, "rev-list", "--count", `${local}..${sourceHead}`));
    if (nouveaux > 0 && aRecuperer === 0) {
      git(depot, "merge", "-q", "--ff-only", "FETCH_HEAD");
      messages.push(`Espace local mis à jour avec ${pluriel(nouveaux, "commit")} de votre copie (${court(sourceHead)}).`);
    } else if (nouveaux > 0) {
      messages.push(
        `Votre copie a ${pluriel(nouveaux, "commit")} que l'espace local n'a pas, et l'espace local a ${pluriel(aRecuperer, "commit")} publié${aRecuperer > 1 ? "s" : ""} pas encore récupéré${aRecuperer > 1 ? "s" : ""} :`,
        "  récupérez-les (commande ci-dessous) puis relancez npm run cms pour repartir de votre copie.",
      );
    } else {
      messages.push(`Espace local repris tel quel (${court(local)}).`);
    }
    if (aRecuperer > 0 && nouveaux === 0) messages.push(`${pluriel(aRecuperer, "commit")} publié${aRecuperer > 1 ? "s" : ""} dans l'espace local, pas encore dans votre copie.`);
  }
  const brouillons = git(depot, "for-each-ref", "--format=%(refname:short)", "refs/heads/cms/").split("\n").filter(Boolean);
  messages.push(...rebaserBrouillons(depot, branche, brouillons));
  if (brouillons.length > 0) messages.push(`${pluriel(brouillons.length, "brouillon")} en cours (onglet « Flux ») : ${brouillons.map((b) => b.replace(/^cms\//, "")).join(", ")}.`);
  const modifies = git(source, "status", "--porcelain", "--", ...DOSSIERS_EDITES.map((d) => d.slice(1, -1))).split("\n").filter(Boolean);
  if (modifies.length > 0)
    messages.push(
      modifies.length === 1
        ? "Attention : 1 fichier de content/ (ou public/medias/) modifié et non commité dans votre copie n'est pas"
        : `Attention : ${modifies.length} fichiers de content/ (ou public/medias/) modifiés et non commités dans votre copie ne sont pas`,
      "  dans l'espace local, qui part de vos commits : commitez puis relancez npm run cms pour les y voir.",
    );
  return messages;
}

/**
 * decap-server compares a draft with the branch's tip (`git diff <branche> <brouillon>`): once the branch
 * has moved on (caught up above, or another draft published), a draft based on an older tip shows those
 * commits' files as its own, and the admin fails to open it. Each draft is replayed on the tip, as
 * decap-server does itself on each save; a draft that conflicts is left as it is, and said.
 */
function rebaserBrouillons(depot: string, branche: string, brouillons: string[]): string[] {
  const messages: string[] = [];
  for (const brouillon of brouillons) {
    if (gitOk(depot, "merge-base", "--is-ancestor", branche, brouillon)) continue;
    if (!gitOk(depot, "-c", "commit.gpgsign=false", "rebase", "-q", branche, brouillon)) {
      gitOk(depot, "rebase", "--abort");
      messages.push(
        `Le brouillon ${brouillon.replace(/^cms\//, "")} touche les mêmes lignes qu'une publication : il ne s'ouvrira pas bien.`,
        `  Supprimez-le (git -C ${depot} branch -D ${brouillon}) et refaites la modification.`,
      );
    }
    git(depot, "checkout", "-q", branche);
  }
  return messages;
}
