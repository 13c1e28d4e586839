/**
 * The partners' space (/admin/, Decap CMS) in Chromium, on the built site, with decap-server in git
 * mode on a temporary copy of the catalogue: the review workflow as a partner and the département
 * go through it (draft, ready, publish), then the site rebuilt from the result.
 *
 * The admin reaches the test's decap-server through `/admin/?backend=<port>` (src/cms/backend-local.ts).
 * Decap's UI is found by roles, labels and its French texts (decap-cms-locales "fr"); the form's labels
 * come from src/domain/cms/champs.ts, as in the generated config.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { envDeConstruction } from "./env-construction";
import * as outils from "./cms-outils";
import { DELAI, frontMatter, ouvrirEspaceCms, type EspaceCms } from "./cms-outils";
import { CHAMPS_CMS, OPTIONS_THEMATIQUES, OPTIONS_ZONE } from "../../src/domain/cms/champs";
import { libelleDuFormulaire } from "../../src/domain/cms/config";
import { PHRASES_FRANCAISES } from "../../src/cms/francais";
import { communeParCode } from "../../src/domain/communes";
import { aujourdhuiAParis } from "../../src/domain/dates";
import { themeDuCode } from "../../src/domain/taxonomy";
import { slugifier } from "../../src/domain/text";
import { validerFichiers } from "../../src/domain/validation";
import { executerImport } from "../../src/domain/data-inclusion/commande";
import { lireComptesDuCatalogue } from "../../src/lib/comptes";
import { DEMANDER_LA_RELECTURE } from "../../src/cms/role-partenaire";
import { dateEnClair } from "../../src/domain/dates";
import { BOUTON_CONFIRMATION, ETIQUETTE_A_VERIFIER, estAVerifier, MENTION_VERIFICATION } from "../../src/domain/freshness";
import { demarrerServeur } from "./serveur";
import { nouvellePage } from "./navigateur";

let espace: EspaceCms;
let page: Page;
let construction: ChildProcess | undefined;
/** The listing confirmed in one click, checked again on the rebuilt site. */
let confirme: { slug: string; nom: string } | undefined;

const git = (...args: string[]) => espace.git(...args);
const fichiersDeMain = () => espace.fichiersDeMain();
const libelleService = (nom: Parameters<typeof libelleDuFormulaire>[1]) => libelleDuFormulaire("services", nom);
const optionDe = (liste: readonly { label: string; value: string }[], valeur: string) => liste.find((o) => o.value === valeur)!.label;
const champ = (libelle: string) => outils.champ(page, libelle);
const choisir = (libelle: string, saisie: string, option: string) => outils.choisir(page, libelle, saisie, option);
const siEchec = (onTestFailed: (fn: () => Promise<void>) => void) => outils.siEchec(() => espace, onTestFailed);
const ouvrir = (route: string, compte?: string) => outils.ouvrir(espace, route, compte);
const enregistrerEtPublier = () => outils.enregistrerEtPublier(page);
const BARRE = PHRASES_FRANCAISES.editor.editorToolbar;

/** The demonstration's partner account with the most services, and its structure (content/comptes.yml). */
const comptes = lireComptesDuCatalogue("content")!;
const servicesDuCatalogue = readdirSync("content/services").map((f) => ({ slug: f.replace(/\.md$/, ""), ...frontMatter(readFileSync(`content/services/${f}`, "utf8")).donnees }) as { slug: string; nom: string; structure: string; date_maj: string; resume?: string });
const partenaire = comptes.partenaires
  .map((p) => ({ ...p, services: servicesDuCatalogue.filter((s) => p.structures.includes(s.structure)) }))
  .sort((a, b) => b.services.length - a.services.length)[0]!;

/** A partner's draft: saved, then « Demander la relecture » (the status menu offers nothing that publishes). */
async function demanderLaRelecture() {
  await page.getByRole("button", { name: /^Statut/ }).click();
  await page.getByRole("menuitem", { name: DEMANDER_LA_RELECTURE }).click();
  await page.getByRole("button", { name: `Statut : ${BARRE.inReview}` }).waitFor();
}

/** `npm run verifier-droits -- main <branch> --auteur <compte>` in the test's repository. */
function verifierDroits(branche: string, compte: string) {
  const r = spawnSync(join(process.cwd(), "node_modules/.bin/tsx"), [join(process.cwd(), "scripts/verifier-droits.ts"), "main", branche, "--auteur", compte], {
    cwd: espace.depot,
    encoding: "utf8",
    env: { ...process.env, CARTO_CATALOGUE: "" },
  });
  return { code: r.status, sortie: `${r.stdout}${r.stderr}` };
}

beforeAll(async () => {
  espace = await ouvrirEspaceCms(async (catalogue) => {
    // A few listings imported from data·inclusion beside the demonstration's: their origin is shown, never edited.
    const statutImport = await executerImport(["tests/fixtures/data-inclusion/vienne", "--catalogue", catalogue], { ecrire: () => {}, erreur: (l) => console.error(l) });
    if (statutImport !== 0) throw new Error("import des fiches data·inclusion de test impossible");
  });
  page = espace.page;
});

afterAll(async () => {
  if (construction?.exitCode === null) construction.kill();
  await espace?.fermer();
});

describe("la page /admin/", () => {
  it("has its own Content-Security-Policy with 'unsafe-eval'; public pages have none", () => {
    const admin = readFileSync("dist/admin/index.html", "utf8");
    // Exactly these: inline scripts are allowed under `astro dev` only (Vite's client), never in a build.
    expect(admin).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self' 'unsafe-eval';/);
    expect(admin).toContain("<title>Carto Insertion — espace partenaires</title>");
    // Decap comes from our own bundle: no script from elsewhere.
    const scripts = [...admin.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(src).toMatch(/^\/_astro\//);
    const service = readdirSync("dist/services")[0]!;
    for (const publique of ["dist/index.html", "dist/recherche/index.html", `dist/services/${service}/index.html`]) {
      const html = readFileSync(publique, "utf8");
      expect(html, publique).not.toContain("unsafe-eval");
      for (const src of scripts) expect(html, publique).not.toContain(src);
    }
  });
});

/** How the site says `Th[2,4] 09:30-12:30`. */
const MOTS_DES_HORAIRES = /2e et (le )?4e jeudi du mois,?\s+9\s*h\s*30\s*–\s*12\s*h\s*30/i;

describe("espace partenaires, decap-server en mode git", () => {
  const nom = "Atelier numérique d'essai à Poitiers";
  const slug = slugifier(nom);
  const structure = partenaire.structures[0]!;
  const nomStructure = frontMatter(readFileSync(`content/structures/${structure}.md`, "utf8")).donnees.nom as string;
  const thematique = OPTIONS_THEMATIQUES.find((o) => themeDuCode(o.value)?.slug === "emploi")!.value;
  const poitiers = communeParCode("86194")!;
  const description = "Un atelier pour apprendre à utiliser un ordinateur et à chercher un emploi en ligne.";

  it(
    "a partner creates a service through the form (hours without code), asks for a review; the Département publishes it on main",
    async ({ onTestFailed }) => {
      siEchec(onTestFailed);
      await outils.seConnecter(espace);

      await ouvrir("/collections/services/new", partenaire.compte);
      await champ(libelleService("nom")).fill(nom);
      await choisir(libelleService("structure"), nomStructure.slice(0, 20), nomStructure);
      const libelleThematique = optionDe(OPTIONS_THEMATIQUES, thematique);
      await choisir(libelleService("thematiques"), libelleThematique.split(" — ")[1]!, libelleThematique);
      await choisir(libelleService("publics"), "Jeunes", optionDe(CHAMPS_CMS.publics.options, "jeunes"));
      await choisir(libelleService("modes_accueil"), "présentiel", optionDe(CHAMPS_CMS.modes_accueil.options, "en-presentiel"));
      await choisir(libelleService("zone_eligibilite"), "Poitiers", optionDe(OPTIONS_ZONE, poitiers.code));
      const editeur = page.locator("[data-slate-editor]").first();
      await editeur.click();
      await page.keyboard.type(description);
      // « Le 2e et le 4e jeudi, 9 h 30 – 12 h 30 », chosen, not typed as code.
      const horaires = page.getByRole("group", { name: "Horaires d'accueil" });
      await outils.choisirHoraires(horaires, outils.DEUXIEME_ET_QUATRIEME_JEUDI);
      // The preview is the service page's body, from the form's values, hours in words.
      const apercu = page.frameLocator("iframe").first();
      await expect.poll(() => apercu.locator("h1").textContent()).toBe(nom);
      await expect.poll(() => apercu.getByRole("heading", { name: "Pour qui ?" }).count()).toBe(1);
      await expect.poll(() => apercu.locator("body").innerText()).toMatch(MOTS_DES_HORAIRES);

      await page.getByRole("button", { name: BARRE.save, exact: true }).click();
      await page.getByText("Modifications enregistrées", { exact: false }).first().waitFor();
      // A partner is offered no way to publish.
      expect(await page.getByRole("button", { name: BARRE.publish, exact: true }).isVisible()).toBe(false);
      await demanderLaRelecture();
      expect(verifierDroits(`cms/services/${slug}`, partenaire.compte).code).toBe(0);
      await ouvrir(`/collections/services/entries/${slug}`);
      await outils.publier(page);

      const chemin = `content/services/${slug}.md`;
      const texte = git("show", `main:${chemin}`);
      const { donnees, corps } = frontMatter(texte);
      expect(donnees).toEqual({
        nom,
        structure,
        thematiques: [thematique],
        publics: ["jeunes"],
        modes_accueil: ["en-presentiel"],
        zone_eligibilite: [poitiers.code],
        horaires_accueil: "Th[2,4] 09:30-12:30",
        date_maj: aujourdhuiAParis(),
      });
      expect(corps.trim()).toBe(description);
      // Codes are written as quoted strings (YAML would read 86194 as a number).
      expect(texte).toContain(`- "${poitiers.code}"`);

      const resultat = validerFichiers(fichiersDeMain());
      expect(resultat.problemes.filter((p) => p.gravite === "erreur")).toEqual([]);
      expect(resultat.services.map((s) => s.slug)).toContain(slug);
    },
    180_000,
  );

  it(
    "edits an existing service's summary: on main, only that line and date_maj changed",
    async ({ onTestFailed }) => {
      siEchec(onTestFailed);
      const existant = "accueil-de-jour-le-relais";
      const chemin = `content/services/${existant}.md`;
      const avant = git("show", `main:${chemin}`);
      const nouveauResume = "Un lieu ouvert en journée pour se reposer, se doucher et rencontrer un travailleur social.";

      await ouvrir(`/collections/services/entries/${existant}`);
      const resume = champ(libelleService("resume"));
      await expect.poll(() => resume.inputValue(), { timeout: DELAI }).toMatch(/^Un lieu ouvert/);
      await resume.fill(nouveauResume);
      await enregistrerEtPublier();

      // git diff between the catalogue as copied and main: the summary's line, and date_maj's unless already today.
      const diff = git("diff", "--unified=0", espace.initial, "main", "--", chemin)
        .split("\n")
        .filter((l) => /^[-+](?![-+]{2} )/.test(l));
      const ancienneDate = avant.split("\n").find((l) => l.startsWith("date_maj:"))!;
      const attendues = [`-${avant.split("\n").find((l) => l.startsWith("resume:"))}`, `+resume: ${nouveauResume}`];
      if (ancienneDate !== `date_maj: ${aujourdhuiAParis()}`) attendues.push(`-${ancienneDate}`, `+date_maj: ${aujourdhuiAParis()}`);
      expect(diff.sort()).toEqual(attendues.sort());
      expect(validerFichiers(fichiersDeMain()).problemes.filter((p) => p.gravite === "erreur")).toEqual([]);
    },
    120_000,
  );

  it(
    "shows an imported listing's data·inclusion origin without letting it be edited; saving changes only what was edited",
    async ({ onTestFailed }) => {
      siEchec(onTestFailed);
      const slug = "epicerie-solidaire-du-ccas";
      const chemin = `content/services/${slug}.md`;
      const avant = git("show", `main:${chemin}`);
      await ouvrir(`/collections/services/entries/${slug}`);
      // In the folded technical block, at the end of the form.
      await outils.deplierLeBlocTechnique(page);
      const id = champ(libelleService("id"));
      await expect.poll(() => id.textContent(), { timeout: DELAI }).toBe("dora--epicerie-solidaire");
      // Shown as text: no input, nothing to type into.
      expect(await id.evaluate((e) => e.tagName)).toBe("OUTPUT");
      expect(await champ(libelleService("lien_source")).textContent()).toBe("https://dora.inclusion.beta.gouv.fr/services/epicerie-solidaire");
      expect(await champ(libelleService("source")).textContent()).toBe("dora");

      const resume = "Des produits à petit prix, sur orientation d'un travailleur social.";
      await champ(libelleService("resume")).fill(resume);
      await enregistrerEtPublier();
      const diff = git("diff", "--unified=0", espace.initial, "main", "--", chemin)
        .split("\n")
        .filter((l) => /^[-+](?![-+]{2} )/.test(l));
      const ancienneDate = avant.split("\n").find((l) => l.startsWith("date_maj:"))!;
      expect(diff.sort()).toEqual([`+resume: ${resume}`, `-${ancienneDate}`, `+date_maj: ${aujourdhuiAParis()}`].sort());
    },
    120_000,
  );

  it(
    "a partner's list starts with its structure's services, named, with their state and date, the oldest first",
    async ({ onTestFailed }) => {
      siEchec(onTestFailed);
      await ouvrir("/collections/services", partenaire.compte);
      const lignes = page.locator('a[href*="/collections/services/entries/"]');
      await expect.poll(() => lignes.count(), { timeout: DELAI }).toBeGreaterThan(100);
      const attendus = [...partenaire.services].sort((a, b) => (a.date_maj === b.date_maj ? a.nom.toLowerCase().localeCompare(b.nom.toLowerCase()) : a.date_maj < b.date_maj ? -1 : 1));
      const hrefs = await lignes.evaluateAll((liens) => liens.map((a) => a.getAttribute("href") ?? ""));
      const textes = await lignes.allInnerTexts();
      // The first ones are the partner's (the service created above, saved today, comes after them).
      expect(hrefs.slice(0, attendus.length).map((h) => h.split("/").pop())).toEqual(attendus.map((s) => s.slug));
      const nomsStructures = new Map(readdirSync("content/structures").map((f) => [f.replace(/\.md$/, ""), frontMatter(readFileSync(`content/structures/${f}`, "utf8")).donnees.nom as string]));
      attendus.forEach((s, i) => {
        expect(textes[i]).toContain(s.nom);
        expect(textes[i]).toContain(nomsStructures.get(s.structure)!);
        expect(textes[i]).toContain(dateEnClair(s.date_maj));
      });
      expect(textes.slice(0, attendus.length).some((t) => t.includes("à vérifier"))).toBe(true);
    },
    120_000,
  );

  it(
    "the search finds a service by an acronym of its name, and a structure's services by the structure's name",
    async ({ onTestFailed }) => {
      siEchec(onTestFailed);
      const resultats = page.locator('a[href*="/collections/services/entries/"]');
      const asll = servicesDuCatalogue.find((s) => /\(ASLL\)/.test(s.nom))!;
      await ouvrir("/search/ASLL", partenaire.compte);
      await expect.poll(() => resultats.first().getAttribute("href"), { timeout: DELAI }).toContain(`/entries/${asll.slug}`);
      const nomStructure = frontMatter(readFileSync(`content/structures/${asll.structure}.md`, "utf8")).donnees.nom as string;
      const siens = servicesDuCatalogue.filter((s) => s.structure === asll.structure).map((s) => s.slug).sort();
      await ouvrir(`/search/${encodeURIComponent(nomStructure)}`, partenaire.compte);
      await expect
        .poll(async () => (await resultats.evaluateAll((liens) => liens.map((a) => a.getAttribute("href")!.split("/").pop()!))).slice(0, siens.length).sort(), { timeout: DELAI })
        .toEqual(siens);
    },
    120_000,
  );

  it(
    "a partner confirms an unchanged listing in one click and asks for a review; once published, only date_maj changed",
    async ({ onTestFailed }) => {
      siEchec(onTestFailed);
      // Its oldest listing, flagged « à vérifier » before: the rebuilt site must drop the flag (last test).
      const service = [...partenaire.services].filter((s) => estAVerifier(s.date_maj, aujourdhuiAParis())).sort((a, b) => (a.date_maj < b.date_maj ? -1 : 1))[0]!;
      confirme = service;
      const chemin = `content/services/${service.slug}.md`;
      const avant = git("show", `main:${chemin}`);
      await ouvrir(`/collections/services/entries/${service.slug}`, partenaire.compte);
      await page.getByText(`Informations vérifiées le ${dateEnClair(service.date_maj)}`).waitFor();
      await page.getByRole("button", { name: BOUTON_CONFIRMATION }).click();
      await expect.poll(() => git("branch", "--list", `cms/services/${service.slug}`).trim(), { timeout: DELAI }).not.toBe("");
      await page.getByText("Confirmées aujourd'hui.").waitFor();
      await demanderLaRelecture();
      expect(verifierDroits(`cms/services/${service.slug}`, partenaire.compte).code).toBe(0);

      await ouvrir(`/collections/services/entries/${service.slug}`);
      await outils.publier(page);
      const diff = git("diff", "--unified=0", espace.initial, "main", "--", chemin)
        .split("\n")
        .filter((l) => /^[-+](?![-+]{2} )/.test(l));
      expect(diff).toEqual([`-${avant.split("\n").find((l) => l.startsWith("date_maj:"))}`, `+date_maj: ${aujourdhuiAParis()}`]);
    },
    120_000,
  );

  it(
    "a partner's change to another organisation's listing is refused by npm run verifier-droits, in French, naming both",
    async ({ onTestFailed }) => {
      siEchec(onTestFailed);
      const autre = servicesDuCatalogue.find((s) => s.resume && !partenaire.structures.includes(s.structure) && comptes.partenaires.some((p) => p.structures.includes(s.structure)))!;
      await ouvrir(`/collections/services/entries/${autre.slug}`, partenaire.compte);
      const nomStructure = (slug: string) => frontMatter(readFileSync(`content/structures/${slug}.md`, "utf8")).donnees.nom as string;
      // Said before any typing, at the bottom of the screen.
      await expect.poll(() => page.getByRole("status").filter({ hasText: "Cette fiche est celle de" }).innerText(), { timeout: DELAI }).toContain(`« ${nomStructure(autre.structure)} »`);
      const resume = champ(libelleService("resume"));
      await expect.poll(() => resume.inputValue(), { timeout: DELAI }).not.toBe("");
      await resume.fill("Un résumé changé par un autre organisme.");
      await page.getByRole("button", { name: BARRE.save, exact: true }).click();
      await expect.poll(() => git("branch", "--list", `cms/services/${autre.slug}`).trim(), { timeout: DELAI }).not.toBe("");
      const { code, sortie } = verifierDroits(`cms/services/${autre.slug}`, partenaire.compte);
      expect(code).toBe(1);
      expect(sortie).toContain(`content/services/${autre.slug}.md`);
      expect(sortie).toContain(nomStructure(autre.structure));
      expect(sortie).toContain(nomStructure(partenaire.structures[0]!));
      expect(sortie).toMatch(/refusé/);
    },
    120_000,
  );

  it("sends no request outside 127.0.0.1", () => {
    expect(espace.surveillee.requetesExterieures).toEqual([]);
    // decap-server answers 404 when an entry has no draft yet: Chromium logs it. Decap's own prop-type
    // warnings show when the site was built with React's development build (NODE_ENV=test under vitest).
    const erreurs = espace.surveillee.erreursConsole.filter((e) => !/Failed to load resource: .* 404|^Warning: Failed prop type/.test(e));
    expect(erreurs).toEqual([]);
  });

  it(
    "the site rebuilt from main has the new service's page, listed on its theme's page and in its commune's list for the theme",
    async () => {
      const catalogue = mkdtempSync(join(tmpdir(), "carto-cms-main-"));
      const sortie = mkdtempSync(join(tmpdir(), "carto-cms-dist-"));
      espace.aEffacer(catalogue);
      espace.aEffacer(sortie);
      for (const { chemin, texte } of fichiersDeMain()) {
        const cible = join(catalogue, chemin);
        mkdirSync(join(cible, ".."), { recursive: true });
        writeFileSync(cible, texte);
      }
      // Asynchronously: a synchronous minute-long build would starve vitest's worker of its event loop.
      construction = spawn(process.execPath, ["node_modules/astro/astro.js", "build", "--outDir", sortie], {
        env: envDeConstruction({ CARTO_CATALOGUE: join(catalogue, "content") }),
        stdio: ["ignore", "pipe", "pipe"],
      });
      let erreurs = "";
      let journal = "";
      construction.stdout!.on("data", (d) => (journal += d));
      construction.stderr!.on("data", (d) => (erreurs += d));
      const code = await new Promise<number | null>((ok) => construction!.on("exit", ok));
      expect(code, erreurs).toBe(0);
      const pageService = join(sortie, "services", slug, "index.html");
      expect(existsSync(pageService), journal.slice(-3000)).toBe(true);
      const htmlService = readFileSync(pageService, "utf8");
      expect(htmlService).toContain(description.slice(0, 40));
      expect(htmlService.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")).toMatch(MOTS_DES_HORAIRES);
      const theme = themeDuCode(thematique)!;
      expect(readFileSync(join(sortie, "thematiques", theme.slug, "index.html"), "utf8")).toContain(`/services/${slug}/`);
      // The commune page shows the theme's nearest services up to its cap and links to the theme's whole list,
      // in numbered pages: the new service is on one of them.
      expect(readFileSync(join(sortie, "communes", poitiers.slug, "index.html"), "utf8")).toContain(`href="/communes/${poitiers.slug}/${theme.slug}/"`);
      const liste = join(sortie, "communes", poitiers.slug, theme.slug);
      const pages = (readdirSync(liste, { recursive: true }) as string[]).filter((f) => f.endsWith("index.html"));
      expect(pages.filter((f) => readFileSync(join(liste, f), "utf8").includes(`/services/${slug}/`))).toHaveLength(1);

      // The listing confirmed through /admin/: « Informations vérifiées le <today> », and no « à vérifier » left,
      // on its page and its search card (which both had it on the site built before).
      expect(confirme, "the one-click confirmation test must run first").toBeDefined();
      const texteDe = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
      const avant = texteDe(readFileSync(join("dist", "services", confirme!.slug, "index.html"), "utf8"));
      const apres = texteDe(readFileSync(join(sortie, "services", confirme!.slug, "index.html"), "utf8"));
      expect(avant).toContain(ETIQUETTE_A_VERIFIER);
      expect(apres).toContain(`${MENTION_VERIFICATION} ${dateEnClair(aujourdhuiAParis())}`);
      expect(apres).not.toContain(ETIQUETTE_A_VERIFIER);
      const carte = async (p: Page, site: string) => {
        await p.goto(`${site}/recherche/?q=${encodeURIComponent(confirme!.nom)}`);
        const c = p.locator(`#resultat-${confirme!.slug}`);
        await c.waitFor({ timeout: DELAI });
        return c.innerText();
      };
      expect(await carte(page, espace.serveur.url)).toContain(ETIQUETTE_A_VERIFIER);
      const reconstruit = await demarrerServeur(sortie);
      const surLeReconstruit = await nouvellePage(espace.navigateur, reconstruit.url);
      try {
        expect(await carte(surLeReconstruit.page, reconstruit.url)).not.toContain(ETIQUETTE_A_VERIFIER);
        expect(surLeReconstruit.requetesExterieures).toEqual([]);
      } finally {
        await surLeReconstruit.contexte.close();
        await reconstruit.fermer();
      }
    },
    300_000,
  );
});

