/**
 * The hours widget of the partners' space (src/cms/horaires.ts) in Chromium.
 *
 * Harness: the widget's own module, bundled by esbuild (installed with Astro and tsx) with the React 19 the
 * admin bundles, mounted as Decap mounts a control: a controlled component whose `onChange` sets the
 * value it is given back, and whose `isValid` is read on its ref at save time. Mounting each of the
 * catalogue's ~80 distinct values this way takes half a minute; opening as many entries through /admin/ and
 * decap-server would take minutes and exercise Decap, not the widget. « Untouched » here is what Decap
 * can observe: no `onChange` (so the entry is not dirty and its file is written from the value as read),
 * even when the keyboard walks through every control, and `isValid()` true (so a save is not refused).
 * One entry is then opened in the real /admin/ of the built site with decap-server in git mode (as in
 * cms.test.ts): the widget is registered for the field, Decap calls its `isValid` on save (an invalid value
 * is not saved), and the suggested fix saves as a draft changing only that line (and `date_maj`).
 * Publishing and the rebuilt page are cms.test.ts's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { demarrerServeur, type ServeurStatique } from "./serveur";
import { choisirHoraires, DEUXIEME_ET_QUATRIEME_JEUDI, ouvrir, ouvrirEspaceCms, seConnecter, siEchec, type EspaceCms } from "./cms-outils";
import { lancerNavigateur, nouvellePage, type PageSurveillee } from "./navigateur";
import { horairesDuCatalogue } from "../outils/horaires-catalogue";
import { saisieDepuisValeur } from "../../src/domain/horaires/saisie-lecture";
import { aujourdhuiAParis } from "../../src/domain/dates";

let dossier: string;
let serveur: ServeurStatique;
let navigateur: Browser;
let surveillee: PageSurveillee;
let page: Page;

interface Etat {
  valeur: string;
  changements: string[];
  valide: unknown;
}

declare global {
  interface Window {
    monter(valeur: string): void;
    etat(): Etat;
  }
}

const ENTREE = `
import { createElement, createRef } from "react";
import { createRoot } from "react-dom/client";
import { flushSync } from "react-dom";
import { ControleHoraires } from ${JSON.stringify(resolve("src/cms/horaires.ts"))};

const racine = createRoot(document.getElementById("champ"));
const ref = createRef();
let valeur = "";
let changements = [];
let cle = 0;
function rendre() {
  flushSync(() => racine.render(createElement(ControleHoraires, {
    key: cle, ref, value: valeur, forID: "horaires-accueil",
    onChange: (v) => { changements.push(v); valeur = v; rendre(); },
  })));
}
window.monter = (v) => { valeur = v; changements = []; cle++; rendre(); };
// Decap keeps the function and calls it unbound (Widget.processInnerControlRef): so does the harness.
window.etat = () => { const isValid = ref.current.isValid; return { valeur, changements, valide: isValid() }; };
`;

beforeAll(async () => {
  dossier = mkdtempSync(join(tmpdir(), "carto-cms-horaires-"));
  writeFileSync(join(dossier, "entree.js"), ENTREE);
  await build({
    entryPoints: [join(dossier, "entree.js")],
    bundle: true,
    format: "esm",
    outfile: join(dossier, "widget.js"),
    jsx: "automatic",
    jsxImportSource: "react",
    define: { "process.env.NODE_ENV": '"production"' },
    nodePaths: [resolve("node_modules")],
    logLevel: "error",
  });
  writeFileSync(
    join(dossier, "index.html"),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Widget horaires</title>
<meta name="viewport" content="width=device-width"></head>
<body><label for="horaires-accueil">Horaires d'accueil</label><div id="champ"></div><script type="module" src="/widget.js"></script></body></html>`,
  );
  serveur = await demarrerServeur(dossier);
  navigateur = await lancerNavigateur();
  // The width of a phone: the widget must be usable at 360 px.
  surveillee = await nouvellePage(navigateur, serveur.url, { largeur: 360, hauteur: 740 });
  page = surveillee.page;
  await page.goto(`${serveur.url}/`);
  await page.waitForFunction(() => typeof window.monter === "function");
}, 60_000);

afterAll(async () => {
  await navigateur?.close();
  await serveur?.fermer();
  if (dossier) rmSync(dossier, { recursive: true, force: true });
});

const etat = () => page.evaluate(() => window.etat());

describe("le widget des horaires", () => {
  const valeurs = horairesDuCatalogue();

  it(`ouvre chacune des ${valeurs.length} valeurs du catalogue et la garde à l'octet près tant qu'on n'y touche pas`, async () => {
    expect(valeurs.length).toBeGreaterThan(50);
    for (const v of valeurs) {
      await page.evaluate((x) => window.monter(x), v);
      // The form when it can hold the value, the text box otherwise.
      const expert = page.getByLabel("Mode expert (écrire le code OpenStreetMap)");
      expect(await expert.isChecked(), v).toBe(saisieDepuisValeur(v, aujourdhuiAParis()) === undefined);
      // The page's reading is shown, no error.
      await expect.poll(() => page.getByRole("region", { name: "Ce que la page affichera" }).innerText()).not.toBe("");
      expect(await page.getByRole("alert").count(), v).toBe(0);
      // Walk the keyboard through every control of the widget: focus and blur change nothing.
      const controles = await page.locator("#champ input, #champ select, #champ button").count();
      await page.locator("#champ input, #champ select").first().focus();
      for (let k = 0; k < controles; k++) await page.keyboard.press("Tab");
      const e = await etat();
      expect(e.changements, v).toEqual([]);
      expect(e.valeur).toBe(v);
      expect(e.valide, v).toBe(true);
    }
    expect(surveillee.erreursConsole).toEqual([]);
  });

  it("« 2e et 4e jeudi, 9 h 30 – 12 h 30 » sans écrire de code : Th[2,4] 09:30-12:30, lu en français", async () => {
    await page.evaluate(() => window.monter(""));
    await choisirHoraires(page, DEUXIEME_ET_QUATRIEME_JEUDI);
    const e = await etat();
    expect(e.valeur).toBe("Th[2,4] 09:30-12:30");
    expect(e.valide).toBe(true);
    const apercu = page.getByRole("region", { name: "Ce que la page affichera" });
    await expect.poll(() => apercu.innerText()).toContain("Le 2e et le 4e jeudi du mois");
    expect((await apercu.innerText()).replace(/\u00a0/g, " ")).toContain("9 h 30 – 12 h 30");
    await page.screenshot({ path: join(tmpdir(), "carto-cms-horaires-2e-4e-jeudi.png"), fullPage: true });
    // Readable at 360 px: nothing wider than the screen.
    const largeur = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(largeur).toBeLessThanOrEqual(360);
  });

  it("refuse « jeudi 9h-12h » en français et applique la proposition d'un clic", async () => {
    await page.evaluate(() => window.monter(""));
    await page.getByLabel("Mode expert (écrire le code OpenStreetMap)").check();
    await page.getByLabel(/^Code des horaires/).fill("jeudi 9h-12h");
    const alerte = page.getByRole("alert");
    await expect.poll(() => alerte.innerText()).toContain("n'est pas au format OpenStreetMap");
    const refus = (await etat()).valide as { error: { type: string; message: string } };
    expect(refus.error.type).toBe("CUSTOM");
    expect(refus.error.message).toContain('"jeudi 9h-12h" n\'est pas au format OpenStreetMap opening_hours');
    expect(await page.getByRole("region", { name: "Ce que la page affichera" }).innerText()).toContain("ne peut pas être publiée");
    await page.getByRole("button", { name: "Appliquer la proposition : Th 09:00-12:00" }).click();
    const e = await etat();
    expect(e.valeur).toBe("Th 09:00-12:00");
    expect(e.valide).toBe(true);
    // A value the form can hold goes back to the form.
    expect(await page.getByLabel("Mode expert (écrire le code OpenStreetMap)").isChecked()).toBe(false);
    expect(await page.getByLabel("jeudi", { exact: true }).isChecked()).toBe(true);
  });

  it("dit en français ce qui empêche d'enregistrer un formulaire incomplet", async () => {
    await page.evaluate(() => window.monter("Mo 09:00-12:00"));
    await page.getByLabel("lundi", { exact: true }).uncheck();
    const refus = (await etat()).valide as { error: { message: string } };
    expect(refus.error.message).toBe("Horaires d'accueil : Ligne 1 : cochez au moins un jour.");
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("cochez au moins un jour");
  });
});

describe("le widget des horaires dans /admin/, decap-server en mode git", () => {
  const DELAI = 30_000;
  const slug = "epicerie-itinerante-availles-limouzine";
  const chemin = `content/services/${slug}.md`;
  let espace: EspaceCms;

  beforeAll(async () => {
    espace = await ouvrirEspaceCms();
  }, 60_000);

  afterAll(async () => {
    await espace?.fermer();
  });

  it("refuse d'enregistrer « jeudi 9h-12h », puis enregistre la proposition appliquée : seule la ligne des horaires change", async ({ onTestFailed }) => {
    const p = espace.page;
    const git = espace.git;
    siEchec(() => espace, onTestFailed);
    await seConnecter(espace);
    await ouvrir(espace, `/collections/services/entries/${slug}`);
    // The catalogue's value opens in the form: the 2nd and 4th Thursday.
    const groupe = p.getByRole("group", { name: "Horaires d'accueil" });
    await groupe.getByLabel("jeudi", { exact: true }).waitFor();
    expect(await groupe.getByLabel("jeudi", { exact: true }).isChecked()).toBe(true);
    expect(await groupe.getByLabel("le 2e", { exact: true }).isChecked()).toBe(true);
    expect(await groupe.getByLabel("le 4e", { exact: true }).isChecked()).toBe(true);
    const enregistrer = p.getByRole("button", { name: "Enregistrer", exact: true });
    // Opened, not touched: nothing to save.
    expect(await enregistrer.isDisabled()).toBe(true);

    await groupe.getByLabel("Mode expert (écrire le code OpenStreetMap)").check();
    await groupe.getByLabel(/^Code des horaires/).fill("jeudi 9h-12h");
    await enregistrer.click();
    // Decap shows the widget's error (from isValid) and saves nothing.
    await p.getByText("Horaires d'accueil : \"jeudi 9h-12h\" n'est pas au format OpenStreetMap", { exact: false }).first().waitFor();
    expect(git("branch", "--list", "cms/*").trim()).toBe("");
    await p.screenshot({ path: join(tmpdir(), "carto-cms-horaires-admin-refus.png") });

    await groupe.getByRole("button", { name: "Appliquer la proposition : Th 09:00-12:00" }).click();
    // The preview pane says it as the page will.
    await expect.poll(() => p.frameLocator("iframe").first().getByText("Le jeudi").count(), { timeout: DELAI }).toBeGreaterThan(0);
    await enregistrer.click();
    await p.getByText("Modifications enregistrées", { exact: false }).first().waitFor({ timeout: DELAI });
    const branche = git("branch", "--list", "cms/*").trim().replace(/^[*+ ]+/, "");
    expect(branche).not.toBe("");
    const changees = git("diff", "--unified=0", "main", branche, "--", chemin)
      .split("\n")
      .filter((l) => /^[-+](?![-+]{2} )/.test(l) && !/date_maj:/.test(l));
    expect(changees).toEqual([`-horaires_accueil: "Th[2,4] 10:00-12:30"`, `+horaires_accueil: "Th 09:00-12:00"`]);
    expect(espace.surveillee.requetesExterieures).toEqual([]);
  }, 120_000);
});
