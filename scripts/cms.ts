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
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { ErreurCms, preparerDepot } from "../src/domain/cms/espace-local";

const HOTE = "127.0.0.1";
const racine = fileURLToPath(new URL("..", import.meta.url));

/** The branch the admin works on: backend.branch of the config it reads (public/admin/config.yml). */
function brancheDeLaConfig(): string {
  const fichier = join(racine, "public/admin/config.yml");
  const branche = (parse(readFileSync(fichier, "utf8")) as { backend?: { branch?: unknown } })?.backend?.branch;
  if (typeof branche !== "string" || !branche) throw new ErreurCms(`${fichier} : backend.branch manque (relancez npm run cms:config).`);
  return branche;
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
  dans l'onglet « Flux » ; « Publier » le fusionne dans la branche ${branche} de l'espace local.
  Rien n'est écrit dans votre copie de travail : l'espace local est ${depotAffiche}
  (un dépôt git à part, ignoré par git). Le site http://${HOTE}:${portSite}/ montre ce qui y est publié.
${messages.map((m) => `  ${m}`).join("\n")}

  Pour récupérer les publications dans votre copie (sur la branche où vous voulez les avoir) :
    git pull --no-rebase ${depotAffiche} ${branche}
`);
