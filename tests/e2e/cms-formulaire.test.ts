/**
 * The services form of /admin/ as a partner meets it (Decap CMS on the built site, decap-server in git
 * mode on a copy of the catalogue): the first screen holds what a service is, a bad phone number or
 * postal code is refused in plain French before anything is saved, and a new service whose name is
 * already taken gets a clear message instead of a silent `-1` address.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import * as outils from "./cms-outils";
import { frontMatter, ouvrirEspaceCms, type EspaceCms } from "./cms-outils";
import { CHAMPS_CMS, OPTIONS_THEMATIQUES, type NomChampService } from "../../src/domain/cms/champs";
import { libelleDuFormulaire } from "../../src/domain/cms/config";
import { messageNomPris } from "../../src/domain/cms/nom-pris";
import { telephone } from "../../src/domain/schema/champs";
import { EXPLICATION_TELEPHONE } from "../../src/domain/telephone";
import { slugifier } from "../../src/domain/text";

let espace: EspaceCms;
let page: Page;

const libelle = (nom: NomChampService | "corps") => libelleDuFormulaire("services", nom);
const champ = (nom: NomChampService) => outils.champ(page, libelle(nom));
const choisir = (nom: NomChampService, saisie: string, option: string) => outils.choisir(page, libelle(nom), saisie, option);
const siEchec = (onTestFailed: (fn: () => Promise<void>) => void) => outils.siEchec(() => espace, onTestFailed);

/** The errors Decap shows beside a field's label (the list that follows the label). */
async function erreursDe(nom: NomChampService): Promise<string[]> {
  const id = await champ(nom).getAttribute("id");
  return page.locator(`label[for="${id}"] + ul li`).allTextContents();
}

/** The draft branches decap-server made (one per saved entry). */
const branchesDeBrouillon = () => espace.git("branch", "--list", "cms/*").split("\n").map((b) => b.trim()).filter(Boolean);

/**
 * A new service's empty form. Decap keeps an unsaved form in the browser (IndexedDB) and offers it back
 * at the next « new » (a dialog the shared setup accepts): each test starts from none.
 */
async function nouveauService(): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send("Storage.clearDataForOrigin", { origin: new URL(espace.serveur.url).origin, storageTypes: "indexeddb" });
  await session.detach();
  await outils.ouvrir(espace, "/collections/services/new");
  await champ("nom").waitFor();
}

/**
 * Replaces a text field's value. Focus first: Decap's string widget puts the caret back where it was when
 * it re-renders on focus, which undoes the select-all of a fill done without focus (the text is appended).
 */
async function remplacer(nom: NomChampService, valeur: string): Promise<void> {
  await champ(nom).click();
  await champ(nom).fill(valeur);
}

beforeAll(async () => {
  espace = await ouvrirEspaceCms();
  page = espace.page;
  await outils.seConnecter(espace);
});

afterAll(async () => {
  await espace?.fermer();
});

describe("le formulaire d'un nouveau service", () => {
  it("le premier écran (1280×900) montre le nom, la structure, le résumé et la description", async ({ onTestFailed }) => {
    siEchec(onTestFailed);
    await nouveauService();
    const editeur = page.locator("[data-slate-editor]").first();
    await editeur.waitFor();
    const hauteur = page.viewportSize()!.height;
    const visibles = [
      champ("nom"),
      champ("structure"),
      champ("resume"),
      page.locator("label", { hasText: libelle("corps") }),
    ];
    for (const element of visibles) {
      const boite = (await element.boundingBox())!;
      expect(boite, await element.evaluate((e) => e.outerHTML.slice(0, 80))).not.toBeNull();
      expect(boite.y + boite.height).toBeLessThanOrEqual(hauteur);
      expect(boite.y).toBeGreaterThan(0);
    }
    // The description's editor starts on the first screen, with room to type.
    expect((await editeur.boundingBox())!.y).toBeLessThan(hauteur - 100);
    // Technical fields are folded away, last, behind one button.
    expect(await champ("code_insee").isVisible()).toBe(false);
    await outils.deplierLeBlocTechnique(page);
    await champ("code_insee").waitFor({ state: "visible" });
    const bas = async (nom: NomChampService) => (await champ(nom).boundingBox())!.y;
    expect(await bas("code_insee")).toBeGreaterThan(await bas("telephone"));
    // Required labels say so; optional ones no longer carry « (optionnel) », on screen or for a screen reader.
    expect(await page.getByText(/\(optionnel\)/i).filter({ visible: true }).count()).toBe(0);
    const noms = await outils.nomsAccessiblesDesChamps(page);
    expect(noms.filter((n) => /optionnel/i.test(n))).toEqual([]);
    expect(noms.map((n) => n.toLowerCase())).toEqual(expect.arrayContaining([libelle("nom").toLowerCase(), libelle("resume").toLowerCase()]));
    expect(libelle("nom")).toMatch(/\(obligatoire\)$/);
  });

  it("un téléphone mal écrit est refusé avec le message du validateur ; le code postal, sans « schéma » ; rien n'est enregistré", async ({ onTestFailed }) => {
    siEchec(onTestFailed);
    const avant = branchesDeBrouillon();
    await nouveauService();
    const numero = "05 49 00";
    const refus = telephone.safeParse(numero);
    expect(refus.success).toBe(false);
    expect(refus.error!.issues[0]!.message).toContain(EXPLICATION_TELEPHONE);
    await champ("telephone").fill(numero);
    await champ("code_postal").fill("8600");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();

    await expect.poll(() => erreursDe("telephone")).toEqual([`Ce numéro ${EXPLICATION_TELEPHONE}.`]);
    await expect.poll(() => erreursDe("code_postal")).toEqual([CHAMPS_CMS.code_postal.motif[1]]);
    const texte = (await page.locator("body").innerText()).toLowerCase();
    expect(texte).not.toContain("schéma");
    expect(texte).not.toContain("ne correspond pas");

    // A good number clears its error.
    await remplacer("telephone", "05 49 00 00 00");
    await remplacer("code_postal", "86000");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect.poll(() => erreursDe("telephone")).toEqual([]);
    await expect.poll(() => erreursDe("code_postal")).toEqual([]);
    // Other required fields are still empty: nothing was saved.
    expect(await erreursDe("structure")).toHaveLength(1);
    expect(branchesDeBrouillon()).toEqual(avant);
  });

  it("un nom déjà pris reçoit un message clair, rien n'est enregistré ; précisé, il s'enregistre à sa propre adresse", async ({ onTestFailed }) => {
    siEchec(onTestFailed);
    const existant = "accueil-de-jour-le-relais";
    const { donnees } = frontMatter(readFileSync(`content/services/${existant}.md`, "utf8"));
    const structure = frontMatter(readFileSync(`content/structures/${donnees.structure as string}.md`, "utf8")).donnees.nom as string;
    const nomPris = String(donnees.nom).toUpperCase();
    expect(slugifier(nomPris)).toBe(existant);
    const attendu = messageNomPris("services", nomPris, [{ slug: existant, nom: String(donnees.nom), structure }])!;
    expect(attendu).toContain(`« ${String(donnees.nom)} » (structure « ${structure} »)`);
    const avant = branchesDeBrouillon();

    await nouveauService();
    await champ("nom").fill(nomPris);
    await choisir("structure", structure.slice(0, 15), structure);
    const thematique = OPTIONS_THEMATIQUES[0]!;
    await choisir("thematiques", thematique.label.split(" — ")[1]!, thematique.label);
    await choisir("modes_accueil", "présentiel", CHAMPS_CMS.modes_accueil.options.find((o) => o.value === "en-presentiel")!.label);
    await page.locator("[data-slate-editor]").first().click();
    await page.keyboard.type("Un second accueil de jour, pour vérifier le message.");

    // Shown as the partner types, and again when saving.
    await expect.poll(() => erreursDe("nom"), { timeout: outils.DELAI }).toEqual([attendu]);
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect.poll(() => erreursDe("nom")).toEqual([attendu]);
    await page.waitForTimeout(1000);
    expect(branchesDeBrouillon()).toEqual(avant);
    expect(espace.git("log", "--all", "--name-only", "--format=")).not.toContain(`${existant}-1.md`);

    // With the commune, the name is free: the draft is saved under the name's own address.
    const nomPrecise = `${String(donnees.nom)} à Naintré`;
    await remplacer("nom", nomPrecise);
    await expect.poll(() => erreursDe("nom"), { timeout: outils.DELAI }).toEqual([]);
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await page.getByText("Modifications enregistrées", { exact: false }).first().waitFor({ timeout: outils.DELAI });
    await expect.poll(() => branchesDeBrouillon().filter((b) => !avant.includes(b))).toEqual([`cms/services/${slugifier(nomPrecise)}`]);
  });

  it("sends no request outside 127.0.0.1", () => {
    expect(espace.surveillee.requetesExterieures).toEqual([]);
    // 404: decap-server answers so for an entry with no draft yet. "undefined": Decap's save refused for a
    // field error (the refusals these tests expect) rejects with no reason (persistUnpublishedEntry's Promise.reject()).
    const erreurs = espace.surveillee.erreursConsole.filter((e) => !/Failed to load resource: .* 404|^Warning: Failed prop type|^undefined$/.test(e));
    expect(erreurs).toEqual([]);
  });
});
