/**
 * Notices through the partners' space (/admin/, Decap CMS) in Chromium, with decap-server in git mode (as in
 * cms.test.ts): a partner announces a temporary change (`avis`) or a closure (the hours widget's dated
 * closures), asks for a review, the Département publishes; the file on main holds the notice as the
 * validator reads it, and nothing else but `date_maj` changed. Dates are relative to today, so that the
 * notices are current.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import * as outils from "./cms-outils";
import { DELAI, frontMatter, ouvrirEspaceCms, type EspaceCms } from "./cms-outils";
import { MENTION_OBLIGATOIRE } from "../../src/domain/cms/config";
import { aujourdhuiAParis, jourPlus } from "../../src/domain/dates";
import { avisEnUneLigne } from "../../src/domain/avis";
import { validerFichiers } from "../../src/domain/validation";
import { lireComptesDuCatalogue } from "../../src/lib/comptes";
import { DEMANDER_LA_RELECTURE } from "../../src/cms/role-partenaire";
import { PHRASES_FRANCAISES } from "../../src/cms/francais";

/** Screenshots of the form, to look at. */
const CAPTURES = join(tmpdir(), "cms-avis-shots");
mkdirSync(CAPTURES, { recursive: true });

let espace: EspaceCms;
let page: Page;

const BARRE = PHRASES_FRANCAISES.editor.editorToolbar;
const COMPTE = "mission-locale-poitou";
const comptes = lireComptesDuCatalogue("content")!;
const structures = comptes.partenaires.find((p) => p.compte === COMPTE)!.structures;

/** One of the account's services, by what it holds (read from the catalogue, not named here). */
function serviceDuCompte(avecHoraires: boolean): { slug: string; chemin: string } {
  const fichiers = spawnSync("git", ["ls-files", "content/services"], { encoding: "utf8" }).stdout.trim().split("\n");
  for (const chemin of fichiers) {
    const { donnees } = frontMatter(espace.git("show", `main:${chemin}`));
    if (structures.includes(donnees.structure as string) && !donnees.avis && Boolean(donnees.horaires_accueil) === avecHoraires) {
      return { slug: chemin.replace(/^content\/services\/|\.md$/g, ""), chemin };
    }
  }
  throw new Error(`aucun service de ${COMPTE} ${avecHoraires ? "avec" : "sans"} horaires`);
}

/**
 * A day chosen in a date input. A French browser shows it jj/mm/aaaa; headless Chromium shows mm/dd/yyyy
 * whatever its language, so the day is set as the input's value (what the calendar or the keyboard gives).
 */
async function choisirJour(entree: Locator, jour: string): Promise<void> {
  await entree.fill(jour);
  await expect.poll(() => entree.inputValue(), { timeout: DELAI }).toBe(jour);
}

/** Saved as a draft, review asked as the partner; then published as the Département (cms.test.ts's gestures). */
async function enregistrerFaireRelirePublier(slug: string): Promise<void> {
  await page.getByRole("button", { name: BARRE.save, exact: true }).click();
  await page.getByText("Modifications enregistrées", { exact: false }).first().waitFor({ timeout: DELAI });
  await page.getByRole("button", { name: /^Statut/ }).click();
  await page.getByRole("menuitem", { name: DEMANDER_LA_RELECTURE }).click();
  await page.getByRole("button", { name: `Statut : ${BARRE.inReview}` }).waitFor();
  await outils.ouvrir(espace, `/collections/services/entries/${slug}`);
  await outils.publier(page);
}

/** The lines changed on main since the catalogue was copied, `date_maj`'s apart (checked on their own). */
function lignesChangees(chemin: string): string[] {
  const lignes = espace
    .git("diff", "--unified=0", espace.initial, "main", "--", chemin)
    .split("\n")
    .filter((l) => /^[-+](?![-+]{2} )/.test(l));
  const dates = lignes.filter((l) => /^[-+]date_maj:/.test(l));
  expect(dates.filter((l) => l.startsWith("+"))).toEqual(dates.length > 0 ? [`+date_maj: ${aujourdhuiAParis()}`] : []);
  return lignes.filter((l) => !dates.includes(l));
}

/** The validator, as `npm run validate` on main's catalogue: no error (on the day of the test). */
function validerMain(): void {
  expect(validerFichiers(espace.fichiersDeMain(), { aujourdhui: aujourdhuiAParis() }).problemes.filter((p) => p.gravite === "erreur")).toEqual([]);
  const copie = mkdtempSync(join(tmpdir(), "carto-cms-avis-main-"));
  espace.aEffacer(copie);
  spawnSync("sh", ["-c", `git -C "${espace.depot}" archive main content | tar -x -C "${copie}"`]);
  const cli = spawnSync(join(process.cwd(), "node_modules/.bin/tsx"), [join(process.cwd(), "scripts/validate.ts"), join(copie, "content")], {
    encoding: "utf8",
    env: { ...process.env, CARTO_AUJOURDHUI: aujourdhuiAParis() },
  });
  expect(cli.status, `${cli.stdout}${cli.stderr}`).toBe(0);
}

beforeAll(async () => {
  espace = await ouvrirEspaceCms();
  page = espace.page;
}, 60_000);

afterAll(async () => {
  await espace?.fermer();
});

describe("annoncer un changement ou une fermeture depuis l'espace partenaires", () => {
  it(
    "deux avis saisis (l'un du … au …, l'autre déjà commencé), relus puis publiés : le fichier gagne la liste avis en AAAA-MM-JJ, sans « du » vide, et rien d'autre que date_maj",
    async ({ onTestFailed }) => {
      outils.siEchec(() => espace, onTestFailed);
      const { slug, chemin } = serviceDuCompte(false);
      const du = jourPlus(aujourdhuiAParis(), 14);
      const au = jourPlus(aujourdhuiAParis(), 40);
      const message = "Permanence déplacée à la mairie, salle du conseil : mêmes jours, mêmes heures.";
      await outils.seConnecter(espace);
      await outils.ouvrir(espace, `/collections/services/entries/${slug}`, COMPTE);

      await page.getByRole("button", { name: "Ajouter avis temporaire" }).click();
      await choisirJour(outils.champ(page, "À partir du"), du);
      await choisirJour(outils.champ(page, `Jusqu'au ${MENTION_OBLIGATOIRE}`), au);
      await outils.champ(page, `Message ${MENTION_OBLIGATOIRE}`).fill(message);
      await outils.champ(page, `Message ${MENTION_OBLIGATOIRE}`).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(CAPTURES, "avis-saisie.png") });
      // Folded, the notice reads as a line: its last day as the partner typed it, and its message.
      await page.getByText("1 avis temporaire", { exact: true }).getByRole("button", { name: "Replier" }).click();
      await page.getByText(`Jusqu'au ${au.split("-").reverse().join("/")} : ${message}`, { exact: true }).waitFor();
      await page.screenshot({ path: join(CAPTURES, "avis-replie.png") });
      // A second notice, already begun: its empty « À partir du » is not written.
      const auSecond = jourPlus(aujourdhuiAParis(), 7);
      const messageSecond = "Accueil sur rendez-vous seulement, au 05 49 00 00 00.";
      await page.getByRole("button", { name: "Ajouter avis temporaire" }).click();
      await choisirJour(outils.champ(page, `Jusqu'au ${MENTION_OBLIGATOIRE}`).last(), auSecond);
      await outils.champ(page, `Message ${MENTION_OBLIGATOIRE}`).last().fill(messageSecond);

      // The preview says it as the site will, in its own words (avis.ts).
      const apercu = async () => (await page.frameLocator("iframe").first().getByRole("region", { name: "Avis importants" }).locator("p").allInnerTexts()).join("\n");
      const lignes = [
        avisEnUneLigne({ genre: "changement", au: auSecond, message: messageSecond }, aujourdhuiAParis()),
        avisEnUneLigne({ genre: "changement", du, au, message }, aujourdhuiAParis()),
      ];
      // Soonest first: the one already begun.
      await expect.poll(apercu, { timeout: DELAI }).toBe(lignes.join("\n"));

      await enregistrerFaireRelirePublier(slug);
      expect(lignesChangees(chemin)).toEqual([
        "+avis:",
        `+  - du: ${du}`,
        `+    au: ${au}`,
        `+    message: "${message}"`,
        `+  - au: ${auSecond}`,
        `+    message: ${messageSecond}`,
      ]);
      expect(frontMatter(espace.git("show", `main:${chemin}`)).donnees.avis).toEqual([{ du, au, message }, { au: auSecond, message: messageSecond }]);
      validerMain();
      expect(espace.surveillee.requetesExterieures).toEqual([]);
    },
    180_000,
  );

  it(
    "une fermeture saisie dans les horaires (« Fermetures exceptionnelles ») finit la ligne horaires_accueil : … ; AAAA Mmm JJ-AAAA Mmm JJ off \"message\"",
    async ({ onTestFailed }) => {
      outils.siEchec(() => espace, onTestFailed);
      const { slug, chemin } = serviceDuCompte(true);
      const avant = frontMatter(espace.git("show", `main:${chemin}`)).donnees.horaires_accueil as string;
      const du = jourPlus(aujourdhuiAParis(), 14);
      const au = jourPlus(aujourdhuiAParis(), 28);
      const message = "Congés de l'équipe";
      await outils.ouvrir(espace, `/collections/services/entries/${slug}`, COMPTE);
      const groupe = page.getByRole("group", { name: "Horaires d'accueil" });
      await groupe.getByRole("button", { name: "Ajouter une fermeture" }).click();
      await choisirJour(groupe.getByLabel("Du", { exact: true }), du);
      await choisirJour(groupe.getByLabel("au (inclus)", { exact: true }), au);
      await groupe.getByLabel("Message affiché au public (facultatif)").fill(message);
      const ligne = avisEnUneLigne({ genre: "fermeture", du, au, message }, aujourdhuiAParis());
      await expect.poll(() => page.frameLocator("iframe").first().locator("body").innerText(), { timeout: DELAI }).toContain(ligne);
      await groupe.getByLabel("Message affiché au public (facultatif)").scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(CAPTURES, "avis-fermeture.png") });

      await enregistrerFaireRelirePublier(slug);
      // opening_hours' date range: `2026 Dec 21-2027 Jan 04` (the year written on both ends).
      const mois = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
      const osm = (j: string) => `${j.slice(0, 4)} ${mois[Number(j.slice(5, 7)) - 1]} ${j.slice(8)}`;
      const apres = `${avant}; ${osm(du)}-${osm(au)} off "${message}"`;
      const changees = lignesChangees(chemin);
      expect(changees.filter((l) => l.startsWith("+"))).toHaveLength(1);
      expect(frontMatter(espace.git("show", `main:${chemin}`)).donnees.horaires_accueil).toBe(apres);
      expect(changees.filter((l) => l.startsWith("-"))).toEqual([expect.stringMatching(/^-horaires_accueil: /)]);
      validerMain();
      expect(espace.surveillee.requetesExterieures).toEqual([]);
    },
    180_000,
  );
});
