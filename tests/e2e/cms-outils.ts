/**
 * What the CMS's browser tests share: a temporary git repository holding a copy of the catalogue,
 * decap-server in git mode on it, the built site served on 127.0.0.1 and a Chromium page on
 * `/admin/?backend=<port>` (src/cms/backend-local.ts), plus the gestures of a partner in Decap's form.
 * Decap's UI is found by roles, labels and its French texts; the form's labels come from src/domain/cms.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { parse } from "yaml";
import { demarrerServeur, type ServeurStatique } from "./serveur";
import { lancerNavigateur, nouvellePage, type PageSurveillee } from "./navigateur";
import { PHRASES_FRANCAISES } from "../../src/cms/francais";
import { RESUME_TECHNIQUE } from "../../src/domain/cms/config";
import type { FichierCatalogue } from "../../src/domain/validation";

export const DELAI = 30_000;

/** A free TCP port on 127.0.0.1. */
export function portLibre(): Promise<number> {
  return new Promise((ok, ko) => {
    const s = createServer();
    s.once("error", ko);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (typeof a === "object" && a ? ok(a.port) : ko(new Error("pas de port"))));
    });
  });
}

export function frontMatter(texte: string): { donnees: Record<string, unknown>; corps: string } {
  const m = /^---\n([\s\S]*?)\n---\n\n?([\s\S]*)$/.exec(texte);
  if (!m) throw new Error(`pas d'en-tête :\n${texte}`);
  return { donnees: parse(m[1]!) as Record<string, unknown>, corps: m[2]! };
}

export interface EspaceCms {
  /** The temporary repository (its working tree is decap-server's). */
  depot: string;
  /** The commit of the catalogue as copied. */
  initial: string;
  portDecap: number;
  serveur: ServeurStatique;
  navigateur: Browser;
  surveillee: PageSurveillee;
  page: Page;
  git(...args: string[]): string;
  /** decap-server's output so far. */
  journal(): string;
  /** The catalogue on main (decap-server checks out draft branches in the working tree). */
  fichiersDeMain(): FichierCatalogue[];
  /** Removes a directory when the space is closed. */
  aEffacer(dossier: string): void;
  fermer(): Promise<void>;
}

/**
 * Copies content/ into a new git repository (after `preparer`, which may add files to the copy),
 * starts decap-server on it and opens a 1280×900 page on the built site (dist/).
 */
export async function ouvrirEspaceCms(preparer?: (catalogue: string) => Promise<void>): Promise<EspaceCms> {
  const depot = mkdtempSync(join(tmpdir(), "carto-cms-depot-"));
  const temporaires = [depot];
  const git = (...args: string[]): string => {
    const r = spawnSync("git", args, { cwd: depot, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`git ${args.join(" ")} : ${r.stderr}`);
    return r.stdout;
  };
  cpSync("content", join(depot, "content"), { recursive: true });
  await preparer?.(join(depot, "content"));
  git("init", "-q", "-b", "main");
  git("config", "user.name", "Test CMS");
  git("config", "user.email", "test-cms@example.org");
  git("add", "-A");
  git("commit", "-q", "-m", "Catalogue initial");
  const initial = git("rev-parse", "HEAD").trim();

  const portDecap = await portLibre();
  let journal = "";
  const decap: ChildProcess = spawn(process.execPath, ["node_modules/decap-server/dist/index.js"], {
    env: { ...process.env, MODE: "git", PORT: String(portDecap), BIND_HOST: "127.0.0.1", GIT_REPO_DIRECTORY: depot, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  decap.stdout!.on("data", (d) => (journal += d));
  decap.stderr!.on("data", (d) => (journal += d));
  const limite = Date.now() + DELAI;
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${portDecap}/api/v1`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ action: "info" }),
      });
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > limite || decap.exitCode !== null) throw new Error(`decap-server ne répond pas :\n${journal}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }

  const serveur = await demarrerServeur("dist");
  const navigateur = await lancerNavigateur();
  const surveillee = await nouvellePage(navigateur, serveur.url, { largeur: 1280, hauteur: 900 });
  const page = surveillee.page;
  // The test's decap-server is on 127.0.0.1 too: let it through (every other host stays blocked).
  await page.route(`http://127.0.0.1:${portDecap}/**`, (route) => route.continue());
  page.on("dialog", (d) => void d.accept());
  page.setDefaultTimeout(DELAI);

  return {
    depot,
    initial,
    portDecap,
    serveur,
    navigateur,
    surveillee,
    page,
    git,
    journal: () => journal,
    fichiersDeMain: () =>
      git("ls-tree", "-r", "--name-only", "main", "content")
        .split("\n")
        .filter((c) => c.endsWith(".md"))
        .map((chemin) => ({ chemin, texte: git("show", `main:${chemin}`) })),
    aEffacer: (dossier) => void temporaires.push(dossier),
    fermer: async () => {
      await navigateur.close();
      await serveur.fermer();
      decap.kill();
      for (const d of temporaires) rmSync(d, { recursive: true, force: true });
    },
  };
}

const BARRE = PHRASES_FRANCAISES.editor.editorToolbar;

const echapper = (texte: string) => texte.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A form field by its label as the form shows it: « (obligatoire) » after a required field's label
 * (src/domain/cms/config.ts `libelleDuFormulaire`). Decap's « (optionnel) » after the others is hidden
 * (src/cms/formulaire.css) and out of the accessibility tree's names, but Playwright's label matching
 * still reads hidden text: it is accepted here.
 */
export function champ(page: Page, libelle: string) {
  return page.getByLabel(new RegExp(`^${echapper(libelle)}( \\(optionnel\\))?$`, "i"));
}

/** The names of the form's text inputs as the browser's accessibility tree gives them (what a screen reader says). */
export async function nomsAccessiblesDesChamps(page: Page): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await session.send("Accessibility.getFullAXTree")) as { nodes: { role?: { value?: string }; name?: { value?: string } }[] };
    return nodes.filter((n) => n.role?.value === "textbox").map((n) => String(n.name?.value ?? ""));
  } finally {
    await session.detach();
  }
}

/** « Le 2e et le 4e jeudi du mois, 9 h 30 – 12 h 30 » (`Th[2,4] 09:30-12:30`). */
export const DEUXIEME_ET_QUATRIEME_JEUDI = { jour: "jeudi", semaines: ["le 2e", "le 4e"], de: "09:30", a: "12:30" };

/** Hours chosen in the hours widget (src/cms/horaires.ts), not typed: one day, some weeks of the month, one time range. */
export async function choisirHoraires(
  zone: Pick<Page, "getByRole" | "getByLabel">,
  { jour, semaines, de, a }: { jour: string; semaines: string[]; de: string; a: string },
): Promise<void> {
  await zone.getByRole("button", { name: "Ajouter des jours d'ouverture" }).click();
  await zone.getByLabel(jour, { exact: true }).check();
  await zone.getByLabel("Fréquence").selectOption({ label: "Certaines semaines du mois" });
  for (const s of semaines) await zone.getByLabel(s, { exact: true }).check();
  // « le 1er » is ticked when the frequency is chosen.
  if (!semaines.includes("le 1er")) await zone.getByLabel("le 1er", { exact: true }).uncheck();
  await zone.getByLabel("De", { exact: true }).fill(de);
  await zone.getByLabel("à", { exact: true }).fill(a);
}

/**
 * Unfolds the technical block at the end of the form. Its button is found beside the block's summary:
 * an empty list (the notices) has a « Déplier » button of its own.
 */
export async function deplierLeBlocTechnique(page: Page): Promise<void> {
  await page.getByText(RESUME_TECHNIQUE, { exact: true }).getByRole("button", { name: PHRASES_FRANCAISES.editor.editorWidgets.object.expand, exact: true }).click();
}

/** Picks an option of a select or relation widget (react-select): type, then click the option. */
export async function choisir(page: Page, libelle: string, saisie: string, option: string): Promise<void> {
  const entree = champ(page, libelle);
  await entree.click();
  await entree.pressSequentially(saisie);
  await page.getByRole("option", { name: option, exact: true }).click({ timeout: DELAI });
}

/** On failure: a screenshot of the admin and decap-server's log, to see what Decap showed. */
export function siEchec(espace: () => EspaceCms | undefined, onTestFailed: (fn: () => Promise<void>) => void): void {
  onTestFailed(async () => {
    const e = espace();
    if (!e) return;
    const capture = join(tmpdir(), `carto-cms-echec-${Date.now()}.png`);
    await e.page.screenshot({ path: capture, fullPage: true }).catch(() => undefined);
    console.error(`Capture de l'écran : ${capture}\nJournal de decap-server :\n${e.journal().slice(-4000)}`);
  });
}

/**
 * Opens an admin route (a new page load: Decap does not follow a hash change made by page.goto), as the
 * Département's local tool, or as a forge account (`compte`: src/cms/compte.ts reads `?compte=` on 127.0.0.1).
 */
export async function ouvrir(espace: EspaceCms, route: string, compte?: string): Promise<void> {
  await espace.page.goto("about:blank");
  const comme = compte ? `&compte=${encodeURIComponent(compte)}` : "";
  await espace.page.goto(`${espace.serveur.url}/admin/?backend=${espace.portDecap}${comme}#${route}`);
}

/** The first visit: Decap's login page, then the collections. */
export async function seConnecter(espace: EspaceCms): Promise<void> {
  await espace.page.goto(`${espace.serveur.url}/admin/?backend=${espace.portDecap}`);
  await espace.page.getByRole("button", { name: "Se connecter" }).click();
  await espace.page.getByRole("link", { name: "Services" }).first().waitFor();
}

/** Draft saved → status « Prête à publier » → « Publier maintenant » (the editorial workflow, as the Département). */
export async function enregistrerEtPublier(page: Page): Promise<void> {
  await page.getByRole("button", { name: BARRE.save, exact: true }).click();
  await page.getByText("Modifications enregistrées", { exact: false }).first().waitFor({ timeout: DELAI });
  await publier(page);
}

/** A saved draft, published by the Département: status « Prête à publier », then « Publier maintenant ». */
export async function publier(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^Statut/ }).click();
  await page.getByRole("menuitem", { name: BARRE.ready, exact: true }).click();
  // Publishing before the new status is stored is refused (« Veuillez mettre à jour le statut à "Prêt" »).
  await page.getByRole("button", { name: `Statut : ${BARRE.ready}` }).waitFor();
  await page.getByRole("button", { name: BARRE.publish, exact: true }).click();
  await page.getByRole("menuitem", { name: BARRE.publishNow }).click();
  await page.getByRole("button", { name: /^Publiée?/ }).first().waitFor({ timeout: DELAI });
}
