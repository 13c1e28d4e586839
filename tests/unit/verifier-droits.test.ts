/**
 * `npm run verifier-droits` on a real temporary git repository: a small catalogue (two structures of the
 * demo, one service each, a rights file) committed by the Département, then branches with commits by
 * several authors, each checked through the real script (tsx scripts/verifier-droits.ts).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executerVerification } from "../../src/domain/droits/commande";

const RACINE = resolve(".");
const TSX = join(RACINE, "node_modules/.bin/tsx");
const SCRIPT = join(RACINE, "scripts/verifier-droits.ts");

const SERVICE_CCAS = "content/services/ccas-chatellerault-domiciliation.md";
const SERVICE_FT = "content/services/ft-poitiers-accompagnement-global.md";
const COMPTES = [
  "departement:",
  "  - cd86-insertion",
  "partenaires:",
  "  - compte: ccas-chatellerault",
  "    structures:",
  "      - ccas-chatellerault",
  "  - compte: ft-poitiers",
  "    structures:",
  "      - france-travail-poitiers-pont-neuf",
  "",
].join("\n");

let depot: string;

/** git in the temporary repository, as `auteur` (author and committer), without the machine's settings. */
function git(args: string[], auteur = "cd86-insertion"): string {
  const r = spawnSync("git", args, {
    cwd: depot,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_AUTHOR_NAME: auteur,
      GIT_AUTHOR_EMAIL: `${auteur}@example.org`,
      GIT_COMMITTER_NAME: auteur,
      GIT_COMMITTER_EMAIL: `${auteur}@example.org`,
    },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} : ${r.stderr}`);
  return r.stdout.trim();
}

const ecrire = (chemin: string, texte: string) => {
  mkdirSync(join(depot, chemin, ".."), { recursive: true });
  writeFileSync(join(depot, chemin), texte);
};
const lire = (chemin: string) => readFileSync(join(depot, chemin), "utf8");
/** Replaces a front matter line (`nom: …`) of a file of the repository. */
const remplacer = (chemin: string, avant: RegExp, apres: string) => {
  const texte = lire(chemin);
  expect(texte).toMatch(avant);
  ecrire(chemin, texte.replace(avant, apres));
};

/** A branch from `depart` with one commit by `auteur` doing `faire`; returns its SHA. */
function branche(nom: string, auteur: string, faire: () => void, depart = "main"): string {
  git(["checkout", "-q", "-b", nom, depart]);
  try {
    faire();
    git(["add", "-A"]);
    git(["commit", "-q", "-m", `${nom} par ${auteur}`], auteur);
    return git(["rev-parse", "HEAD"]);
  } finally {
    git(["checkout", "-q", "-f", "main"]);
  }
}

/** The real script, as `npm run verifier-droits` runs it (a few seconds each on a busy machine). */
function verifier(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(TSX, [SCRIPT, ...args], { cwd: depot, encoding: "utf8", env: { ...process.env, CARTO_CATALOGUE: "", ...env }, timeout: 60_000 });
  return { code: r.status, sortie: r.stdout.trim().split("\n").filter(Boolean), erreurs: r.stderr };
}

let base: string;
beforeAll(() => {
  depot = mkdtempSync(join(tmpdir(), "verifier-droits-"));
  git(["init", "-q", "-b", "main"]);
  for (const f of ["content/structures/ccas-chatellerault.md", "content/structures/france-travail-poitiers-pont-neuf.md", SERVICE_CCAS, SERVICE_FT]) {
    mkdirSync(join(depot, f, ".."), { recursive: true });
    copyFileSync(join(RACINE, f), join(depot, f));
  }
  ecrire("content/comptes.yml", COMPTES);
  ecrire("README.md", "Catalogue d'essai\n");
  git(["add", "-A"]);
  git(["commit", "-q", "-m", "Catalogue initial"]);
  base = git(["rev-parse", "HEAD"]);
});
afterAll(() => {
  if (depot) rmSync(depot, { recursive: true, force: true });
});

/** The same command in-process (executerVerification), for the cases where the exit code is already shown through the script. */
function verifierIci(args: string[], env: NodeJS.ProcessEnv = {}) {
  const sortie: string[] = [];
  const erreurs: string[] = [];
  const code = executerVerification(args, { ecrire: (l) => sortie.push(l), erreur: (l) => erreurs.push(l) }, { ...process.env, CARTO_CATALOGUE: "", ...env }, depot);
  return { code, sortie, erreurs: erreurs.join("\n") };
}

describe("npm run verifier-droits sur un vrai dépôt git", { timeout: 60_000 }, () => {
  it("accepts a partner changing its own service (exit 0)", () => {
    const head = branche("ccas-son-service", "ccas-chatellerault", () => remplacer(SERVICE_CCAS, /^date_maj: .*$/m, "date_maj: 2026-12-01"));
    const r = verifier([base, head, "--auteur", "ccas-chatellerault"]);
    expect(r).toEqual({
      code: 0,
      sortie: ["Droits : 1 fichier du catalogue modifié par « ccas-chatellerault » (parle pour « CCAS de Châtellerault »), tous permis."],
      erreurs: "",
    });
  });

  it("refuses a partner changing another organisation's service (exit 1), naming both organisations", () => {
    const head = branche("ccas-service-de-ft", "ccas-chatellerault", () => remplacer(SERVICE_FT, /^nombre_semaines: .*$/m, "nombre_semaines: 26"));
    const r = verifier([base, head, "--auteur", "ccas-chatellerault"]);
    expect(r.code).toBe(1);
    expect(r.sortie).toEqual([
      `Le compte « ccas-chatellerault » parle pour « CCAS de Châtellerault » ; il modifie ${SERVICE_FT}, service de « France Travail Poitiers Pont-Neuf » : refusé.`,
      "Droits : 1 fichier refusé sur 1 fichier du catalogue modifié par « ccas-chatellerault » (parle pour « CCAS de Châtellerault ») ; droits lus dans content/comptes.yml du commit de base.",
    ]);
  });

  it("refuses a partner moving its service to another structure, even under a new file name", () => {
    const head = branche("ccas-deplace", "ccas-chatellerault", () => {
      remplacer(SERVICE_CCAS, /^structure: ccas-chatellerault$/m, "structure: france-travail-poitiers-pont-neuf");
      git(["mv", SERVICE_CCAS, "content/services/domiciliation-poitiers.md"]);
    });
    const r = verifier([base, head, "--auteur", "ccas-chatellerault"]);
    expect(r.code).toBe(1);
    expect(r.sortie[0]).toBe(
      `Le compte « ccas-chatellerault » parle pour « CCAS de Châtellerault » ; il renomme ${SERVICE_CCAS} en content/services/domiciliation-poitiers.md ` +
        "et déplace ce service de « CCAS de Châtellerault » vers « France Travail Poitiers Pont-Neuf » : refusé (déplacer un service demande de parler pour les deux structures).",
    );
  });

  it("refuses a partner editing comptes.yml, and reads the rights of the base commit, not the ones it grants itself", () => {
    git(["checkout", "-q", "-b", "ccas-se-donne-des-droits", "main"]);
    ecrire("content/comptes.yml", COMPTES.replace("      - ccas-chatellerault\n", "      - ccas-chatellerault\n      - france-travail-poitiers-pont-neuf\n"));
    git(["commit", "-q", "-am", "Je parle aussi pour France Travail"], "ccas-chatellerault");
    remplacer(SERVICE_FT, /^nom: .*$/m, "nom: Accompagnement global (modifié)");
    git(["commit", "-q", "-am", "Et je modifie son service"], "ccas-chatellerault");
    const head = git(["rev-parse", "HEAD"]);
    git(["checkout", "-q", "main"]);

    const r = verifier([base, head, "--auteur", "ccas-chatellerault"]);
    expect(r.code).toBe(1);
    expect(r.sortie).toEqual([
      "Le compte « ccas-chatellerault » parle pour « CCAS de Châtellerault » ; il modifie content/comptes.yml, réservé au Département : refusé.",
      `Le compte « ccas-chatellerault » parle pour « CCAS de Châtellerault » ; il modifie ${SERVICE_FT}, service de « France Travail Poitiers Pont-Neuf » : refusé.`,
      "Droits : 2 fichiers refusés sur 2 fichiers du catalogue modifiés par « ccas-chatellerault » (parle pour « CCAS de Châtellerault ») ; droits lus dans content/comptes.yml du commit de base.",
    ]);
  });

  it("accepts anything from a Département account, and lists the files outside the catalogue for the reviewer", () => {
    const head = branche("cd86-tout", "cd86-insertion", () => {
      remplacer(SERVICE_FT, /^nom: .*$/m, "nom: Accompagnement global renforcé");
      remplacer(SERVICE_CCAS, /^structure: ccas-chatellerault$/m, "structure: france-travail-poitiers-pont-neuf");
      ecrire("content/comptes.yml", `${COMPTES}  - compte: cidff86\n    structures: [ccas-chatellerault]\n`);
      ecrire("README.md", "Catalogue d'essai, modifié\n");
    });
    const r = verifier([base, head, "--auteur", "CD86-Insertion"]);
    expect(r.code).toBe(0);
    expect(r.sortie).toEqual([
      "Droits : 3 fichiers du catalogue modifiés par « CD86-Insertion » (compte du Département), tous permis. " +
        "1 fichier hors du catalogue, non vérifié ici (à relire par le Département) : README.md.",
    ]);
  });

  it("refuses an account the rights file does not know", () => {
    const head = branche("inconnu", "quelquun", () => remplacer(SERVICE_CCAS, /^date_maj: .*$/m, "date_maj: 2026-12-02"));
    const r = verifierIci([base, head, "--auteur", "quelquun"]);
    expect(r.code).toBe(1);
    expect(r.sortie[0]).toBe(
      `Le compte « quelquun » ne parle pour aucune structure (il n'est pas dans content/comptes.yml du commit de base) ; il modifie ${SERVICE_CCAS}, service de « CCAS de Châtellerault » : refusé.`,
    );
  });

  it("judges a change request by its own commits when the base branch moved on since (from the merge base)", () => {
    const head = branche("ft-son-service", "ft-poitiers", () => remplacer(SERVICE_FT, /^date_maj: .*$/m, "date_maj: 2026-12-03"));
    // Meanwhile the Département changes the CCAS's service on main.
    remplacer(SERVICE_CCAS, /^nom: .*$/m, "nom: Domiciliation administrative");
    git(["commit", "-q", "-am", "Le Département renomme un service"]);
    const main = git(["rev-parse", "HEAD"]);
    const r = verifierIci([main, head, "--auteur", "ft-poitiers"]);
    expect(r.sortie).toEqual(["Droits : 1 fichier du catalogue modifié par « ft-poitiers » (parle pour « France Travail Poitiers Pont-Neuf »), tous permis."]);
    expect(r.code).toBe(0);
  });

  it("follows CARTO_CATALOGUE, given as an absolute path", () => {
    const head = branche("ccas-autre-catalogue", "ccas-chatellerault", () => remplacer(SERVICE_FT, /^date_maj: .*$/m, "date_maj: 2026-12-04"));
    const main = git(["rev-parse", "main"]);
    const r = verifierIci([main, head, "--auteur", "ccas-chatellerault"], { CARTO_CATALOGUE: join(depot, "content") });
    expect(r.code).toBe(1);
    expect(r.sortie[0]).toContain(`il modifie ${SERVICE_FT}, service de « France Travail Poitiers Pont-Neuf » : refusé.`);
    // A catalogue folder elsewhere: these files are then outside it.
    const ailleurs = verifierIci([main, head, "--auteur", "ccas-chatellerault"], { CARTO_CATALOGUE: "donnees" });
    expect(ailleurs.code).toBe(0);
    expect(ailleurs.sortie[0]).toMatch(/^Droits : aucun fichier du catalogue \(donnees\/\) modifié\. 1 fichier hors du catalogue/);
  });

  it("refuses everything, the Département's changes included, when the base's rights file is invalid, and says why", () => {
    const casse = branche("comptes-casses", "cd86-insertion", () => ecrire("content/comptes.yml", "departement: cd86-insertion\n"));
    const head = branche("apres-comptes-casses", "cd86-insertion", () => remplacer(SERVICE_CCAS, /^date_maj: .*$/m, "date_maj: 2026-12-05"), casse);
    const r = verifierIci([casse, head, "--auteur", "cd86-insertion"]);
    expect(r.code).toBe(1);
    expect(r.sortie[0]).toBe(
      "content/comptes.yml du commit de base est invalide (content/comptes.yml:1 departement: doit être une liste : une ligne « - <compte> » par compte du Département (reçu : le texte « cd86-insertion »)) : " +
        `aucun compte n'a de droit sur le catalogue ; le compte « cd86-insertion » modifie ${SERVICE_CCAS}, service de « CCAS de Châtellerault » : refusé.`,
    );
  });

  it("exits 2 with a French usage on a wrong command or an unknown commit", () => {
    const sansAuteur = verifier([base, "main"]);
    expect(sansAuteur.code).toBe(2);
    expect(sansAuteur.erreurs).toContain("npm run verifier-droits : --auteur manquant : indiquez l'identifiant (login) du compte qui propose la modification");
    expect(sansAuteur.erreurs).toContain("Usage : npm run verifier-droits -- <commit de base> <commit proposé> --auteur <identifiant du compte>");
    expect(sansAuteur.sortie).toEqual([]);

    expect(verifierIci([base, "main", "--auteur", ""]).code).toBe(2);
    expect(verifierIci([base, "main", "HEAD", "--auteur", "x"]).erreurs).toContain("deux commits attendus, 3 reçus");
    expect(verifierIci([base, "main", "--auteur", "x"], { CARTO_CATALOGUE: tmpdir() }).erreurs).toContain("n'est pas dans le dépôt git");

    const inconnu = verifierIci(["0123456789abcdef0123456789abcdef01234567", "main", "--auteur", "cd86-insertion"]);
    expect(inconnu.code).toBe(2);
    expect(inconnu.erreurs).toContain("commit de base « 0123456789abcdef0123456789abcdef01234567 » introuvable dans ce dépôt");

    const aide = verifierIci(["--help"]);
    expect(aide.code).toBe(0);
    expect(aide.sortie[0]).toMatch(/^Usage : npm run verifier-droits/);
  });
});

describe("le workflow d'exemple lance le contrôle sur chaque pull request", () => {
  it("runs npm run verifier-droits with the PR's base and head SHAs and its author, on the base's code with the whole history", async () => {
    const { parse } = await import("yaml");
    const workflow = parse(readFileSync(join(RACINE, ".github/workflows/site.yml"), "utf8")) as {
      on: Record<string, unknown>;
      jobs: Record<string, { if?: string; steps: { uses?: string; with?: Record<string, unknown>; env?: Record<string, string>; run?: string }[] }>;
    };
    expect(workflow.on).toHaveProperty("pull_request");
    const job = workflow.jobs.droits!;
    expect(job.if).toBe("github.event_name == 'pull_request'");
    const checkout = job.steps.find((s) => s.uses?.startsWith("actions/checkout"))!;
    expect(checkout.with).toEqual({ ref: "${{ github.event.pull_request.base.sha }}", "fetch-depth": 0 });
    const etape = job.steps.find((s) => s.run?.includes("verifier-droits"))!;
    expect(etape.run).toBe('npm run verifier-droits -- "$BASE" "$HEAD" --auteur "$AUTEUR"');
    expect(etape.env).toEqual({
      BASE: "${{ github.event.pull_request.base.sha }}",
      HEAD: "${{ github.event.pull_request.head.sha }}",
      AUTEUR: "${{ github.event.pull_request.user.login }}",
    });
    const paquet = JSON.parse(readFileSync(join(RACINE, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(paquet.scripts["verifier-droits"]).toBe("tsx scripts/verifier-droits.ts");
  });
});
