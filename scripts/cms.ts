/**
 * `npm run cms`: edit the catalogue on this machine. Starts the site in dev mode (astro dev) and
 * decap-server (Decap's local backend, MODE=fs: it reads and writes content/ in this working copy),
 * both on 127.0.0.1 only, prints where to go, and stops both on Ctrl-C.
 *
 * Ports: 4321 and 8081 (the generated config's local_backend URL) when free, else free ones; the
 * admin is then told the backend's port with `/admin/?backend=<port>`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const HOTE = "127.0.0.1";
const racine = fileURLToPath(new URL("..", import.meta.url));

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

const portSite = await portLibre(4321);
const portBackend = await portLibre(8081);

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
  MODE: "fs",
  PORT: String(portBackend),
  BIND_HOST: HOTE,
  GIT_REPO_DIRECTORY: racine,
});
lancer("astro dev", ["node_modules/astro/astro.js", "dev", "--host", HOTE, "--port", String(portSite)]);

const adresse = `http://${HOTE}:${portSite}/admin/${portBackend === 8081 ? "" : `?backend=${portBackend}`}`;
console.log(`
Espace partenaires local : ${adresse}
  (le site : http://${HOTE}:${portSite}/ — les modifications s'enregistrent dans content/ de ce dossier)
  Cliquez sur « Se connecter » : pas de compte en local. Ctrl-C pour arrêter.
`);
