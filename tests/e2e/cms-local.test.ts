/**
 * `npm run cms` (scripts/cms.ts) as the Département runs it, on a temporary repository holding the
 * catalogue: the admin under `astro dev` keeps the review workflow (a save is a draft on a `cms/…` branch
 * of the local copy, the working copy is untouched; « Publier » lands on the local copy's branch, and the
 * printed `git pull` brings it back), its preview renders the service, and Ctrl-C stops everything.
 *
 * Slow by nature: `astro dev` starts cold on a new catalogue folder. The temporary repository's path is
 * stable per checkout, so that Vite's pre-bundled dependencies (cached per catalogue folder) are reused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { parse } from "yaml";
import { PHRASES_FRANCAISES } from "../../src/cms/francais";
import { portLibre, publier } from "./cms-outils";
import { lancerNavigateur, nouvellePage, type PageSurveillee } from "./navigateur";

const DELAI = 60_000;
/** The branch the admin works on, as the admin reads it. */
const BRANCHE = (parse(readFileSync("public/admin/config.yml", "utf8")) as { backend: { branch: string } }).backend.branch;
const SERVICE = "accueil-de-jour-le-relais";
const CHEMIN = `content/services/${SERVICE}.md`;
const RESUME = "Un accueil de jour modifié dans l'espace partenaires local.";

const source = join(tmpdir(), `carto-cms-local-${createHash("sha256").update(process.cwd()).digest("hex").slice(0, 8)}`);
const depot = join(source, ".cms-local", "depot");
let original: string;
let commitInitial: string;
let cms: ChildProcess;
let sortie = "";
let portSite: number;
let portBackend: number;
let navigateur: Browser;
let surveillee: PageSurveillee;
let page: Page;

function git(dossier: string, ...args: string[]): string {
  const r = spawnSync("git", args, { cwd: dossier, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} (${dossier}) : ${r.stderr}`);
  return r.stdout;
}


function ecoute(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const s = connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), ok(true)));
    s.once("error", () => ok(false));
  });
}

async function attendre(quoi: string, condition: () => Promise<boolean>, delai: number): Promise<void> {
  const limite = Date.now() + delai;
  while (!(await condition())) {
    if (cms.exitCode !== null || Date.now() > limite) throw new Error(`${quoi} : pas prêt. Sortie de npm run cms :\n${sortie.slice(-4000)}`);
    await new Promise((ok) => setTimeout(ok, 500));
  }
}

beforeAll(async () => {
  rmSync(source, { recursive: true, force: true });
  mkdirSync(source, { recursive: true });
  cpSync("content", join(source, "content"), { recursive: true });
  git(source, "init", "-q", "-b", BRANCHE);
  git(source, "config", "user.name", "Test CMS local");
  git(source, "config", "user.email", "test-cms-local@example.org");
  git(source, "add", "-A");
  git(source, "commit", "-q", "-m", "Catalogue initial");
  commitInitial = git(source, "rev-parse", "HEAD").trim();
  original = readFileSync(join(source, CHEMIN), "utf8");
  // A catalogue file changed and not committed: the local copy starts from the commit, and says so.
  writeFileSync(join(source, "content/services/atelier-cv-non-commite.md"), "brouillon du développeur\n");

  portSite = await portLibre();
  portBackend = await portLibre();
  cms = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/cms.ts", "--depuis", source, "--port", String(portSite), "--port-backend", String(portBackend)],
    { stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  cms.stdout!.on("data", (d) => (sortie += d));
  cms.stderr!.on("data", (d) => (sortie += d));
  await attendre("decap-server", () => ecoute(portBackend), DELAI);
  // The admin page compiles on its first request.
  await attendre(
    "astro dev",
    () => fetch(`http://127.0.0.1:${portSite}/admin/`).then((r) => r.ok, () => false),
    4 * DELAI,
  );

  navigateur = await lancerNavigateur();
  surveillee = await nouvellePage(navigateur, `http://127.0.0.1:${portSite}`, { largeur: 1280, hauteur: 900 });
  page = surveillee.page;
  await page.route(`http://127.0.0.1:${portBackend}/**`, (route) => route.continue());
  page.on("dialog", (d) => void d.accept());
  page.setDefaultTimeout(DELAI);
}, 6 * DELAI);

afterAll(async () => {
  await navigateur?.close();
  // The script's own process group (spawned detached): nothing of it may outlive the tests.
  if (cms?.pid && cms.exitCode === null && cms.signalCode === null) {
    try {
      process.kill(-cms.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  rmSync(source, { recursive: true, force: true });
});

describe("npm run cms (espace partenaires local)", () => {
  it("says on screen where drafts and publications go, and that uncommitted files are not in", () => {
    expect(sortie).toContain(`Espace partenaires local : http://127.0.0.1:${portSite}/admin/?backend=${portBackend}`);
    expect(sortie).toContain("« Enregistrer » crée un brouillon");
    expect(sortie).toContain(`Espace local créé depuis le dernier commit de votre copie (${commitInitial.slice(0, 7)})`);
    expect(sortie).toContain("1 fichier de content/ (ou public/medias/) modifié et non commité");
    expect(sortie).toContain(`git pull --no-rebase .cms-local/depot ${BRANCHE}`);
  });

  it(
    "saves an edit as a draft (a cms/… branch of the local copy), with the service rendered in the preview",
    async ({ onTestFailed }) => {
      onTestFailed(async () => {
        const capture = join(tmpdir(), `carto-cms-local-echec-${Date.now()}.png`);
        await page.screenshot({ path: capture }).catch(() => undefined);
        console.error(`Capture : ${capture}\nSortie de npm run cms :\n${sortie.slice(-4000)}`);
      });
      await page.goto(`http://127.0.0.1:${portSite}/admin/?backend=${portBackend}`);
      await page.getByRole("button", { name: "Se connecter" }).click();
      // « Relectures » (the editorial workflow's board) is there only when the backend supports the review.
      await page.getByRole("link", { name: PHRASES_FRANCAISES.app.header.workflow, exact: true }).waitFor({ timeout: 2 * DELAI });
      await page.goto("about:blank");
      await page.goto(`http://127.0.0.1:${portSite}/admin/?backend=${portBackend}#/collections/services/entries/${SERVICE}`);

      const nom = /^nom: (.+)$/m.exec(original)![1]!.replace(/^"|"$/g, "");
      const apercu = page.frameLocator("iframe").first();
      await expect.poll(() => apercu.locator("h1").textContent(), { timeout: 2 * DELAI }).toBe(nom);
      await expect.poll(() => apercu.getByRole("heading", { name: "Pour qui ?" }).count()).toBe(1);

      await page.getByLabel(/^Résumé( \(optionnel\))?$/i).fill(RESUME);
      await expect.poll(() => apercu.locator(".chapeau").textContent()).toBe(RESUME);
      await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
      await page.getByText("Modifications enregistrées").first().waitFor();
      await page.getByRole("button", { name: /^Statut/ }).waitFor();

      const brouillon = `cms/services/${SERVICE}`;
      expect(git(depot, "branch", "--list", "cms/*").trim()).toBe(brouillon);
      expect(git(depot, "show", `${brouillon}:${CHEMIN}`)).toContain(`resume: ${RESUME}`);
      // Not published: the local copy's branch, its files (what the dev site shows) and the working copy are as they were.
      expect(git(depot, "show", `${BRANCHE}:${CHEMIN}`)).toBe(original);
      expect(git(depot, "branch", "--show-current").trim()).toBe(BRANCHE);
      expect(readFileSync(join(depot, CHEMIN), "utf8")).toBe(original);
      expect(readFileSync(join(source, CHEMIN), "utf8")).toBe(original);
      expect(git(source, "for-each-ref", "refs/heads/cms/")).toBe("");

      const erreurs = surveillee.erreursConsole.filter((e) => /older version of React|Minified React error|pageerror|^Error/i.test(e));
      expect(erreurs).toEqual([]);
    },
    6 * DELAI,
  );

  it(
    "publishes on the local copy's branch only; the printed git pull brings it into the working copy",
    async () => {
      await publier(page);

      expect(git(depot, "show", `${BRANCHE}:${CHEMIN}`)).toContain(`resume: ${RESUME}`);
      expect(git(depot, "branch", "--list", "cms/*").trim()).toBe("");
      expect(git(source, "rev-parse", "HEAD").trim()).toBe(commitInitial);
      expect(readFileSync(join(source, CHEMIN), "utf8")).toBe(original);

      const commande = /git pull --no-rebase (\S+) (\S+)/.exec(sortie)!;
      git(source, "pull", "-q", "--no-rebase", commande[1]!, commande[2]!);
      expect(readFileSync(join(source, CHEMIN), "utf8")).toContain(`resume: ${RESUME}`);
      // Only the summary and the day of the edit changed.
      const lignes = (t: string) => t.split("\n").filter((l) => !/^(resume|date_maj):/.test(l));
      expect(lignes(readFileSync(join(source, CHEMIN), "utf8"))).toEqual(lignes(original));
    },
    2 * DELAI,
  );

  it("stops decap-server and the dev site on Ctrl-C", async () => {
    const fin = new Promise<number | null>((ok) => cms.once("exit", (code) => ok(code)));
    cms.kill("SIGINT");
    expect(await fin).toBe(0);
    expect(await ecoute(portBackend)).toBe(false);
    expect(await ecoute(portSite)).toBe(false);
  }, DELAI);
});
