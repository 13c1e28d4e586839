/**
 * `npm run cms`: edit the catalogue on this machine with the same review as online. decap-server runs in git
 * mode (drafts on `cms/…` branches, « Publier » merges them into the configured branch), which checks
 * branches out in its repository's working tree: so it works on a local copy of this repository,
 * `.cms-local/depot` (gitignored, content/ and public/medias/ only), never on the developer's working copy.
 * The site runs in dev mode (astro dev) on that copy's catalogue; both listen on 127.0.0.1 only. Published
 * changes come back with `git pull .cms-local/depot <branch>`. Ctrl-C stops both; drafts stay for next time.
 *
 *   npm run cms [-- --port <site>] [--port-backend <decap-server>] [--depuis <dépôt git>]
 *
 * Ports: 4321 and 8081 (the generated config's local_backend URL) when free, else free ones; the admin is
 * then told the backend's port with `/admin/?backend=<port>`. `--depuis`: the repository whose catalogue is
 * edited (default: this one; the browser test gives a temporary one).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse } from "yaml";

const HOTE = "127.0.0.1";
const racine = fileURLToPath(new URL("..", import.meta.url));
/** What decap-server's copy checks out: what the CMS writes (collections' folders, media_folder). */
const DOSSIERS_EDITES = ["/content/", "/public/medias/"];

class ErreurCms extends Error {}

function git(dossier: string, ...args: string[]): string {
  const r = spawnSync("git", args, { cwd: dossier, encoding: "utf8" });
  if (r.status !== 0) throw new ErreurCms(`git ${args.join(" ")} (dans ${dossier}) a échoué :\n${r.stderr.trim()}`);
  return r.stdout.trim();
}

function gitOk(dossier: string, ...args: string[]): boolean {
  return spawnSync("git", args, { cwd: dossier, encoding: "utf8" }).status === 0;
}

/** The branch the admin works on: backend.branch of the config it reads (public/admin/config.yml). */
function brancheDeLaConfig(): string {
  const fichier = join(racine, "public/admin/config.yml");
  const branche = (parse(readFileSync(fichier, "utf8")) as { backend?: { branch?: unknown } })?.backend?.branch;
  if (typeof branche !== "string" || !branche) throw new ErreurCms(`${fichier} : backend.branch manque (relancez npm run cms:config).`);
  return branche;
}

const court = (commit: string) => commit.slice(0, 7);
const pluriel = (n: number, mot: string) => `${n} ${mot}${n > 1 ? "s" : ""}`;

/**
 * Creates the local copy on first start, or brings it up to date with the source's commit when that
 * loses nothing (fast-forward). Returns what to tell the user about where it starts from.
 */
function preparerDepot(source: string, depot: string, branche: string): string[] {
  if (!gitOk(source, "rev-parse", "--verify", "-q", "HEAD")) throw new ErreurCms(`${source} n'est pas un dépôt git avec au moins un commit.`);
  const messages: string[] = [];
  if (!existsSync(join(depot, ".git"))) {
    mkdirSync(depot, { recursive: true });
    git(depot, "init", "-q", "-b", branche);
    // decap-server commits with this identity: the developer's when git knows it.
    git(depot, "config", "user.name", gitOk(source, "config", "user.name") ? git(source, "config", "user.name") : "Espace partenaires local");
    git(depot, "config", "user.email", gitOk(source, "config", "user.email") ? git(source, "config", "user.email") : "cms-local@127.0.0.1");
    git(depot, "sparse-checkout", "set", "--no-cone", ...DOSSIERS_EDITES);
    git(depot, "fetch", "-q", "--no-tags", source, "HEAD");
    git(depot, "reset", "-q", "--hard", "FETCH_HEAD");
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
  if (brouillons.length > 0) messages.push(`${pluriel(brouillons.length, "brouillon")} en cours (Flux éditorial) : ${brouillons.map((b) => b.replace(/^cms\//, "")).join(", ")}.`);
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

/** The wanted port if it is free on 127.0.0.1, else one the system gives. */
function portLibre(voulu: number): Promise<number> {
  const essayer = (port: number) =>
    new Promise<number | undefined>((ok) => {
      const serveur = createServer();
      serveur.once("error", () => ok(undefined));
      serveur.listen(port, HOTE, () => {
        const adresse = serveur.address();
        serveur.close(() => ok(typeof adresse === "object" && adresse ? adresse.port : undefined));
      });
    });
  return essayer(voulu).then(async (p) => p ?? (await essayer(0)) ?? voulu);
}

function lireOptions() {
  const { values } = parseArgs({
    options: { port: { type: "string" }, "port-backend": { type: "string" }, depuis: { type: "string" } },
  });
  const port = (nom: string, valeur: string | undefined, defaut: number) => {
    if (valeur === undefined) return defaut;
    if (!/^\d{1,5}$/.test(valeur) || Number(valeur) < 1 || Number(valeur) > 65535) throw new ErreurCms(`--${nom} : « ${valeur} » n'est pas un port (1 à 65535).`);
    return Number(valeur);
  };
  return {
    portSite: port("port", values.port, 4321),
    portBackend: port("port-backend", values["port-backend"], 8081),
    source: resolve(values.depuis ?? racine),
  };
}

let options: ReturnType<typeof lireOptions>;
let branche: string;
let depot: string;
let messages: string[];
try {
  options = lireOptions();
  branche = brancheDeLaConfig();
  depot = join(options.source, ".cms-local", "depot");
  messages = preparerDepot(options.source, depot, branche);
} catch (e) {
  if (!(e instanceof ErreurCms) && !(e instanceof TypeError)) throw e;
  console.error(`npm run cms : ${e.message}`);
  process.exit(1);
}

const portSite = await portLibre(options.portSite);
const portBackend = await portLibre(options.portBackend);

const enfants: ChildProcess[] = [];
let arret = false;

function lancer(nom: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const enfant = spawn(process.execPath, args, { cwd: racine, stdio: "inherit", env: { ...process.env, ...env } });
  enfant.on("exit", (code, signal) => {
    if (arret) return;
    console.error(`\n${nom} s'est arrêté (${signal ?? `code ${code}`}) : arrêt de l'espace partenaires local.`);
    arreter(code || 1);
  });
  enfants.push(enfant);
  return enfant;
}

function arreter(code: number): void {
  if (arret) return;
  arret = true;
  const vivants = enfants.filter((e) => e.exitCode === null && e.signalCode === null);
  if (vivants.length === 0) process.exit(code);
  let restants = vivants.length;
  for (const enfant of vivants) {
    enfant.once("exit", () => {
      if (--restants === 0) process.exit(code);
    });
    enfant.kill("SIGTERM");
  }
  // A child that ignores SIGTERM does not keep the terminal.
  setTimeout(() => {
    for (const enfant of vivants) if (enfant.exitCode === null && enfant.signalCode === null) enfant.kill("SIGKILL");
    process.exit(code);
  }, 5000).unref();
}

process.on("SIGINT", () => arreter(0));
process.on("SIGTERM", () => arreter(0));

lancer("decap-server", ["node_modules/decap-server/dist/index.js"], {
  MODE: "git",
  PORT: String(portBackend),
  BIND_HOST: HOTE,
  GIT_REPO_DIRECTORY: depot,
});
// The site shows the local copy's catalogue: what is published there (drafts show in the admin's preview).
lancer("astro dev", ["node_modules/astro/astro.js", "dev", "--host", HOTE, "--port", String(portSite)], {
  CARTO_CATALOGUE: join(depot, "content"),
});

// Relative to the repository where `git pull` is typed (the one whose catalogue is edited).
const depotAffiche = relative(options.source, depot);
const adresse = `http://${HOTE}:${portSite}/admin/${portBackend === 8081 ? "" : `?backend=${portBackend}`}`;
console.log(`
Espace partenaires local : ${adresse}
  Cliquez sur « Se connecter » : pas de compte en local. Ctrl-C pour arrêter (les brouillons sont gardés).

  Relecture comme en ligne : « Enregistrer » crée un brouillon (branche cms/… de l'espace local), visible
  dans « Flux éditorial » ; « Publier » le fusionne dans la branche ${branche} de l'espace local.
  Rien n'est écrit dans votre copie de travail : l'espace local est ${depotAffiche}
  (un dépôt git à part, ignoré par git). Le site http://${HOTE}:${portSite}/ montre ce qui y est publié.
${messages.map((m) => `  ${m}`).join("\n")}

  Pour récupérer les publications dans votre copie (sur la branche où vous voulez les avoir) :
    git pull --no-rebase ${depotAffiche} ${branche}
`);
