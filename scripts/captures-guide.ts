/**
 * `npm run captures:guide`: the partner guide's screenshots (docs/images/guide-partenaire/), taken in
 * Chromium on the built site (dist/) with decap-server in git mode on a temporary copy of the catalogue,
 * as a partner account of content/comptes.yml. Rerun after changing the partners' space.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { choisirHoraires, DEUXIEME_ET_QUATRIEME_JEUDI, ouvrir, ouvrirEspaceCms, seConnecter } from "../tests/e2e/cms-outils";
import { lireComptesDuCatalogue } from "../src/lib/comptes";

const DOSSIER = "docs/images/guide-partenaire";
mkdirSync(DOSSIER, { recursive: true });
const partenaire = lireComptesDuCatalogue("content")!.partenaires[1]!;
const espace = await ouvrirEspaceCms();
const { page } = espace;
const capture = (nom: string) => page.screenshot({ path: join(DOSSIER, `${nom}.png`) });
try {
  await page.goto(`${espace.serveur.url}/admin/?backend=${espace.portDecap}`);
  await page.getByRole("button", { name: "Se connecter" }).waitFor();
  await capture("1-connexion");
  await seConnecter(espace);

  await ouvrir(espace, "/collections/services", partenaire.compte);
  await page.locator('a[href*="/collections/services/entries/"]').nth(5).waitFor();
  await capture("2-mes-services");

  await ouvrir(espace, "/collections/services/new", partenaire.compte);
  await page.locator("[data-slate-editor]").first().waitFor();
  await capture("3-formulaire");

  const horaires = page.getByRole("group", { name: "Horaires d'accueil" });
  await choisirHoraires(horaires, DEUXIEME_ET_QUATRIEME_JEUDI);
  await horaires.scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await capture("4-horaires");

  const lignes = page.locator('a[href*="/collections/services/entries/"]');
  await ouvrir(espace, "/collections/services", partenaire.compte);
  await lignes.first().waitFor();
  const premiere = (await lignes.first().getAttribute("href"))!.split("/").pop()!;
  await ouvrir(espace, `/collections/services/entries/${premiere}`, partenaire.compte);
  const confirmer = page.getByRole("button", { name: "Je confirme que ces informations sont à jour" });
  await confirmer.scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await capture("5-confirmer");
  await confirmer.click();
  await page.getByText("Confirmées aujourd'hui.").waitFor();
  await page.getByRole("button", { name: /^Statut/ }).click();
  await page.getByRole("menuitem", { name: "Demander la relecture" }).waitFor();
  await capture("6-demander-la-relecture");
} finally {
  await espace.fermer();
}
console.log(`Captures écrites dans ${DOSSIER}/.`);
