/**
 * The local copy `npm run cms` runs decap-server on (src/domain/cms/espace-local.ts), on real git repositories:
 * first start, restarts that keep drafts, catching up with the working copy without losing a
 * publication, and what the developer is told.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ErreurCms, preparerDepot } from "../../src/domain/cms/espace-local";

let racine: string;
let source: string;
let depot: string;

function git(dossier: string, ...args: string[]): string {
  const r = spawnSync("git", args, { cwd: dossier, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} : ${r.stderr}`);
  return r.stdout.trim();
}

function ecrire(dossier: string, chemin: string, texte: string): void {
  mkdirSync(dirname(join(dossier, chemin)), { recursive: true });
  writeFileSync(join(dossier, chemin), texte);
}

function commit(dossier: string, chemin: string, texte: string, message: string): string {
  ecrire(dossier, chemin, texte);
  git(dossier, "add", "-A");
  git(dossier, "commit", "-q", "-m", message);
  return git(dossier, "rev-parse", "HEAD");
}

/** What decap-server does on « Enregistrer » (a draft branch) and on « Publier » (merged into main). */
function brouillon(slug: string, texte: string): void {
  git(depot, "checkout", "-q", "-b", `cms/services/${slug}`);
  commit(depot, `content/services/${slug}.md`, texte, `Service « ${slug} » : mise à jour`);
  git(depot, "checkout", "-q", "main");
}

beforeEach(() => {
  racine = mkdtempSync(join(tmpdir(), "carto-espace-local-"));
  source = join(racine, "copie");
  depot = join(source, ".cms-local", "depot");
  mkdirSync(source);
  git(source, "init", "-q", "-b", "main");
  git(source, "config", "user.name", "Développeuse");
  git(source, "config", "user.email", "dev@example.org");
  ecrire(source, "src/code.ts", "export {};\n");
  ecrire(source, ".gitignore", "/.cms-local/\n");
  commit(source, "content/services/atelier.md", "v1\n", "Catalogue");
});

afterEach(() => rmSync(racine, { recursive: true, force: true }));

// A dozen git commands a test: seconds on a busy machine.
describe("preparerDepot (espace local de npm run cms)", { timeout: 30_000 }, () => {
  it("first start: a repository of its own on the admin's branch, at the working copy's commit, with only the catalogue checked out", () => {
    const messages = preparerDepot(source, depot, "main");
    const head = git(source, "rev-parse", "HEAD");
    expect(messages).toEqual([`Espace local créé depuis le dernier commit de votre copie (${head.slice(0, 7)}).`]);
    expect(git(depot, "rev-parse", "--git-common-dir")).toBe(".git");
    expect(git(depot, "branch", "--show-current")).toBe("main");
    expect(git(depot, "rev-parse", "HEAD")).toBe(head);
    expect(readFileSync(join(depot, "content/services/atelier.md"), "utf8")).toBe("v1\n");
    expect(existsSync(join(depot, "src/code.ts"))).toBe(false);
    // decap-server's commits are signed with the developer's name.
    expect(git(depot, "config", "user.name")).toBe("Développeuse");
    expect(git(source, "status", "--porcelain")).toBe("");
  });

  it("restart: drafts are kept and listed; an interrupted save's branch is left for the configured one", () => {
    preparerDepot(source, depot, "main");
    brouillon("atelier", "v2 brouillon\n");
    git(depot, "checkout", "-q", "cms/services/atelier");
    const messages = preparerDepot(source, depot, "main");
    expect(messages).toEqual([
      `Espace local repris tel quel (${git(source, "rev-parse", "--short=7", "HEAD")}).`,
      "1 brouillon en cours (onglet « Flux ») : services/atelier.",
    ]);
    expect(git(depot, "branch", "--show-current")).toBe("main");
    expect(git(depot, "show", "cms/services/atelier:content/services/atelier.md")).toBe("v2 brouillon");
  });

  it("catches up with the working copy's new commits when nothing published is left behind", () => {
    preparerDepot(source, depot, "main");
    const nouveau = commit(source, "content/services/atelier.md", "v2 développeuse\n", "Correction");
    expect(preparerDepot(source, depot, "main")).toEqual([`Espace local mis à jour avec 1 commit de votre copie (${nouveau.slice(0, 7)}).`]);
    expect(readFileSync(join(depot, "content/services/atelier.md"), "utf8")).toBe("v2 développeuse\n");
  });

  it("replays drafts on the branch's new tip, so that a draft's changes are only its own", () => {
    preparerDepot(source, depot, "main");
    brouillon("atelier", "v2 brouillon\n");
    commit(source, "src/code.ts", "export const y = 2;\n", "Code");
    preparerDepot(source, depot, "main");
    expect(git(depot, "diff", "--name-only", "main", "cms/services/atelier")).toBe("content/services/atelier.md");
    expect(git(depot, "show", "cms/services/atelier:content/services/atelier.md")).toBe("v2 brouillon");
    expect(git(depot, "branch", "--show-current")).toBe("main");
  });

  it("leaves a draft that conflicts with a publication as it is, and says so", () => {
    preparerDepot(source, depot, "main");
    brouillon("atelier", "v2 brouillon\n");
    const avant = git(depot, "rev-parse", "cms/services/atelier");
    commit(depot, "content/services/atelier.md", "v2 publiée autrement\n", "Publication");
    const messages = preparerDepot(source, depot, "main");
    expect(messages).toContain("Le brouillon services/atelier touche les mêmes lignes qu'une publication : il ne s'ouvrira pas bien.");
    expect(messages).toContain(`  Supprimez-le (git -C ${depot} branch -D cms/services/atelier) et refaites la modification.`);
    expect(git(depot, "rev-parse", "cms/services/atelier")).toBe(avant);
    expect(git(depot, "branch", "--show-current")).toBe("main");
    expect(git(depot, "status", "--porcelain")).toBe("");
  });

  it("says what was published and not brought back; the printed git pull brings it, then all is even", () => {
    preparerDepot(source, depot, "main");
    commit(depot, "content/services/atelier.md", "v2 publiée\n", "Service « atelier » : mise à jour");
    expect(preparerDepot(source, depot, "main")).toContain("1 commit publié dans l'espace local, pas encore dans votre copie.");
    git(source, "pull", "-q", "--no-rebase", ".cms-local/depot", "main");
    expect(readFileSync(join(source, "content/services/atelier.md"), "utf8")).toBe("v2 publiée\n");
    expect(preparerDepot(source, depot, "main")).toEqual([`Espace local repris tel quel (${git(source, "rev-parse", "--short=7", "HEAD")}).`]);
  });

  it("never drops a publication: when both moved, the local copy stays and the developer is told", () => {
    preparerDepot(source, depot, "main");
    const publiee = commit(depot, "content/services/publiee.md", "en ligne\n", "Service « publiee » : création");
    commit(source, "content/services/atelier.md", "v2 développeuse\n", "Correction");
    const messages = preparerDepot(source, depot, "main");
    expect(messages[0]).toBe("Votre copie a 1 commit que l'espace local n'a pas, et l'espace local a 1 commit publié pas encore récupéré :");
    expect(git(depot, "rev-parse", "HEAD")).toBe(publiee);
  });

  it("warns that uncommitted catalogue files are not in the local copy (and only catalogue files)", () => {
    ecrire(source, "src/code.ts", "export const x = 1;\n");
    expect(preparerDepot(source, depot, "main").some((m) => m.startsWith("Attention"))).toBe(false);
    ecrire(source, "content/services/atelier.md", "v2 non commitée\n");
    ecrire(source, "content/services/nouveau.md", "nouveau\n");
    const messages = preparerDepot(source, depot, "main");
    expect(messages).toContain(
      "Attention : 2 fichiers de content/ (ou public/medias/) modifiés et non commités dans votre copie ne sont pas",
    );
    expect(readFileSync(join(depot, "content/services/atelier.md"), "utf8")).toBe("v1\n");
  });

  it("refuses a local copy left with uncommitted changes, saying where and what to do", () => {
    preparerDepot(source, depot, "main");
    ecrire(depot, "content/services/atelier.md", "à moitié écrit\n");
    expect(() => preparerDepot(source, depot, "main")).toThrow(ErreurCms);
    expect(() => preparerDepot(source, depot, "main")).toThrow(`${depot} a des modifications non commitées`);
  });

  it("refuses a folder that is not a git repository with a commit, and leaves no half-made copy", () => {
    const vide = join(racine, "vide");
    mkdirSync(vide);
    expect(() => preparerDepot(vide, join(vide, ".cms-local", "depot"), "main")).toThrow(`${vide} n'est pas un dépôt git avec au moins un commit.`);
    expect(existsSync(join(vide, ".cms-local"))).toBe(false);
  });
});
