/**
 * « Ma sélection » in Chromium on the built site: a counsellor adds services from the results and from
 * service pages, shares the selection as one link (with a note and a commune), and the person opens it
 * in another browser; print, QR code, e-mail and SMS; old or tampered links; accessibility.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { nouvellePage } from "./navigateur";
import { siteEtNavigateur } from "./site";
import { violationsAxe } from "./axe";
import { fermerSansTrace, imprimer, lireQr } from "./partage-outils";
import { construireCatalogue } from "../../src/domain/catalogue";
import { validerDossier } from "../../src/domain/validation";
import { courrielDeSelection, lienDuMessage, smsDeSelection } from "../../src/domain/partage/textes";
import { mesurerSms } from "../../src/domain/partage/sms";
import { codeDeService } from "../../src/domain/selection/code";
import type { FicheCourte } from "../../src/domain/selection/fiche-courte";
import { LIBELLE_NOTE, lienDeSelection } from "../../src/domain/selection/lien";
import { CLE_MA_SELECTION } from "../../src/domain/selection/selection";
import { siteConfig } from "../../site.config";
import { decouperTelephones } from "../../src/domain/telephones-dans-texte";
import { ETIQUETTE_A_VERIFIER, EXPLICATION_A_VERIFIER } from "../../src/domain/freshness";
import { numerosNonLies } from "./telephones-nus";


const lecture = validerDossier("content");
const catalogue = construireCatalogue(lecture.structures, lecture.services, siteConfig.source);
const codeDuSlug = (slug: string) => catalogue.serviceParSlug(slug)!.code;
const fiche = (code: string): FicheCourte => JSON.parse(readFileSync(`dist/selection/fiches/${code}.json`, "utf8"));
/** A code no service of the catalogue has: a service since removed. */
const codeSupprime = codeDeService(`${siteConfig.source}--service-supprime-depuis`);

const site = siteEtNavigateur();

/** A public link, opened on the local test server. */
const surLeServeur = (lien: string) => lien.replace(siteConfig.urlPublique, site.serveur.url);

async function nomsAffiches(page: Page, attendus: number): Promise<string[]> {
  const titres = page.locator(".liste-selection > li h3");
  // The sheets are fetched one by one: on a loaded machine, more than the poll's default second.
  await expect.poll(() => titres.count(), { timeout: 15_000 }).toBe(attendus);
  await page.locator(".liste-selection [aria-busy=true]").waitFor({ state: "detached" });
  return titres.allTextContents();
}

describe("ma sélection", () => {
  it("three services from the results and a service page, shared with a note, open in order in a fresh browser", async () => {
    const a = await nouvellePage(site.navigateur, site.serveur.url);
    await a.contexte.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.serveur.url });
    const { page } = a;
    // Another tab of the same browser sees the count change.
    const autreOnglet = await a.contexte.newPage();
    await autreOnglet.goto(`${site.serveur.url}/a-propos/`);
    const compteAutreOnglet = autreOnglet.getByRole("link", { name: /^Ma sélection/ });
    expect(await compteAutreOnglet.textContent()).toBe("Ma sélection");
    await page.bringToFront(); // a background tab gets no animation frames: Playwright's clicks would wait

    const debut = Date.now();
    await page.goto(`${site.serveur.url}/recherche/?commune=86194&theme=logement`);
    await page.locator('section.resultats[aria-busy="false"]').waitFor();
    const cartes = page.locator(".resultats article");
    await expect.poll(() => cartes.count()).toBeGreaterThan(2);
    const [slug1, slug2] = await page.locator(".resultats article h3 a").evaluateAll((l) => l.slice(0, 2).map((a) => (a as HTMLAnchorElement).pathname.split("/")[2]!));
    const [nom1, nom2] = (await page.locator(".resultats article h3 a").allTextContents()).slice(0, 2) as [string, string];
    const entete = page.getByRole("link", { name: /^Ma sélection/ });

    await page.getByRole("button", { name: `Ajouter à ma sélection : ${nom1}` }).click();
    await expect.poll(() => entete.textContent()).toBe("Ma sélection (1)");
    // One live region for the list says it (not one per card).
    const annonceListe = page.locator(".resultats [role=status]");
    expect(await annonceListe.count()).toBe(1);
    await expect.poll(() => annonceListe.textContent()).toBe(`« ${nom1} » ajouté à votre sélection (1 service).`);
    expect(await page.getByRole("button", { name: `Retirer de ma sélection : ${nom1}` }).count()).toBe(1);
    await page.getByRole("button", { name: `Ajouter à ma sélection : ${nom2}` }).click();
    await expect.poll(() => entete.textContent()).toBe("Ma sélection (2)");
    await expect.poll(() => compteAutreOnglet.textContent()).toBe("Ma sélection (2)");
    // A card's « Copier le lien » copies the service page's public link.
    await page.getByRole("button", { name: `Copier le lien : ${nom1}` }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${siteConfig.urlPublique}/services/${slug1}/`);
    await expect.poll(() => annonceListe.textContent()).toBe("Lien copié dans le presse-papiers.");
    expect(await page.getByRole("button", { name: `Lien copié : ${nom1}` }).count()).toBe(1);

    const troisieme = catalogue.services.find((s) => s.slug !== slug1 && s.slug !== slug2 && s.modes_accueil.includes("en-presentiel"))!;
    await page.goto(`${site.serveur.url}/services/${troisieme.slug}/`);
    await page.getByRole("button", { name: `Ajouter à ma sélection : ${troisieme.nom}` }).click();
    await expect.poll(() => entete.textContent()).toBe("Ma sélection (3)");

    await entete.click();
    await page.waitForURL(/\/selection\/$/);
    expect(await nomsAffiches(page, 3)).toEqual([nom1, nom2, troisieme.nom]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // The commune searched for came along with the services added from the results: distances from it.
    await expect.poll(() => page.locator(".fiche-selection .distance").count()).toBeGreaterThan(0);
    for (const d of await page.locator(".fiche-selection .distance").allTextContents()) expect(d).toMatch(/^(à [\d,]+ k?m de Poitiers|À distance)/);
    // The counsellor can change it.
    const champ = page.getByRole("combobox", { name: /Commune de la personne/ });
    await champ.fill("chatellerault");
    await expect.poll(() => page.getByRole("option").count()).toBeGreaterThan(0);
    await champ.press("ArrowDown");
    await champ.press("Enter");
    await expect.poll(() => page.locator(".fiche-selection .distance").count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator(".fiche-selection .distance").first().textContent()).toMatch(/de Châtellerault|À distance/);
    for (const d of await page.locator(".fiche-selection .distance").allTextContents()) expect(d).toMatch(/^(à [\d,]+ k?m de Châtellerault|À distance)/);

    // Reorder with the keyboard's buttons: the focus stays on the moved service.
    await page.getByRole("button", { name: `Descendre : ${nom1}` }).click();
    expect(await nomsAffiches(page, 3)).toEqual([nom2, nom1, troisieme.nom]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`descendre-${codeDuSlug(slug1!)}`);
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter"); // « Monter »
    expect(await nomsAffiches(page, 3)).toEqual([nom1, nom2, troisieme.nom]);

    const note = "Rendez-vous mardi à 10 h : apportez votre CV et une pièce d'identité.";
    await page.getByLabel(`${LIBELLE_NOTE} (facultatif)`).fill(note);
    expect(await page.locator("#note-compte").textContent()).toBe(`${note.length} / 140 caractères`);
    const codes = [slug1!, slug2!, troisieme.slug].map(codeDuSlug);
    const lien = lienDeSelection({ codes, commune: "86066", note }, siteConfig.urlPublique);
    const lienAffiche = page.locator(".partage .lien-partage a");
    await expect.poll(() => lienAffiche.getAttribute("href")).toBe(lien);
    // Shown as people read it (the note's accents and spaces), the href exact.
    expect(await lienAffiche.textContent()).toBe(`${lien.split("#")[0]}#note=${note}`);
    expect(lien.length).toBeLessThan(250);

    // E-mail and SMS carry the note in words and the selection's link without it (no « %C3%A0 » to read);
    // the e-mail each service's name and page, the SMS their names (whole or after a word) in two messages.
    const fiches = codes.map(fiche);
    const selection = { codes, commune: "86066", note };
    const lienMessage = lienDuMessage(selection, siteConfig.urlPublique);
    const hrefCourriel = (await page.getByRole("link", { name: "Envoyer par e-mail" }).getAttribute("href"))!;
    const hrefSms = (await page.getByRole("link", { name: "Envoyer par SMS" }).getAttribute("href"))!;
    expect(hrefCourriel).toBe(courrielDeSelection(fiches, selection, siteConfig.urlPublique).href);
    expect(hrefSms).toBe(smsDeSelection(fiches, selection, siteConfig.urlPublique).href);
    const corps = decodeURIComponent(/body=([^&]*)/.exec(hrefCourriel)![1]!);
    for (const attendu of [note, lienMessage, fiches[0]!.structure]) expect(corps).toContain(attendu);
    for (const f of fiches) {
      expect(corps).toContain(`${f.nom} — ${f.structure}\r\n`);
      expect(corps).toContain(`${siteConfig.urlPublique}${f.href}\r\n`);
    }
    const texteSms = decodeURIComponent(hrefSms.replace(/^sms:\?&body=/, ""));
    expect(texteSms.startsWith(`${note}\n`)).toBe(true);
    expect(texteSms.endsWith(`\n${lienMessage}`)).toBe(true);
    for (const texte of [corps, texteSms]) expect(texte).not.toContain("%");
    expect(mesurerSms(texteSms).segments).toBeLessThanOrEqual(2);

    // The QR code drawn in the page reads back as the link; copy gives the same link.
    const qr = page.locator(".partage svg.qr");
    await qr.waitFor();
    expect(await qr.getAttribute("aria-label")).toBe(`QR code du lien : ${lien}`);
    expect(await lireQr(qr)).toBe(lien);
    await page.locator(".partage").getByRole("button", { name: "Copier le lien" }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(lien);
    expect(Date.now() - debut).toBeLessThan(60_000);
    expect(await violationsAxe(page)).toEqual([]);

    // The person opens the link in another browser: the three services in order, with the note.
    const b = await nouvellePage(site.navigateur, site.serveur.url);
    await b.page.goto(surLeServeur(lien));
    expect(await b.page.locator("h1").textContent()).toBe("Sélection partagée");
    expect(await nomsAffiches(b.page, 3)).toEqual([nom1, nom2, troisieme.nom]);
    expect(await b.page.locator(".note-partagee blockquote").textContent()).toBe(note);
    expect(await b.page.locator("[role=alert]").count()).toBe(0);
    expect(await b.page.locator(".distances-depuis").textContent()).toBe("Distances depuis Châtellerault.");
    expect(await lireQr(b.page.locator(".partage svg.qr"))).toBe(lien);
    expect(await violationsAxe(b.page)).toEqual([]);
    const enteteB = b.page.getByRole("link", { name: /^Ma sélection/ });
    expect(await enteteB.textContent()).toBe("Ma sélection");
    await b.page.getByRole("button", { name: "Ajouter à ma sélection" }).click();
    await expect.poll(() => enteteB.textContent()).toBe("Ma sélection (3)");
    await b.page.getByRole("link", { name: "Voir ma sélection" }).click();
    expect(await nomsAffiches(b.page, 3)).toEqual([nom1, nom2, troisieme.nom]);

    await fermerSansTrace(a);
    await fermerSansTrace(b);
  });

  it("prints as a compact sheet: several services per page, no navigation nor buttons, the link and its QR code", async () => {
    const session = await nouvellePage(site.navigateur, site.serveur.url, { largeur: 1024 });
    const { page } = session;
    const codes = catalogue.services.slice(0, 6).map((s) => s.code);
    await page.goto(`${site.serveur.url}/a-propos/`);
    await page.evaluate(([cle, valeur]) => localStorage.setItem(cle!, valeur!), [CLE_MA_SELECTION, JSON.stringify({ codes, commune: "86066" })]);
    await page.goto(`${site.serveur.url}/selection/`);
    expect(await nomsAffiches(page, 6)).toEqual(codes.map((c) => fiche(c).nom));
    await page.locator(".partage svg.qr").waitFor();
    const pages = await imprimer(page, lienDeSelection({ codes, commune: "86066" }, siteConfig.urlPublique));
    expect(await page.locator(".selection-commune").isVisible()).toBe(false);
    // Six services on two pages at most: three or more per page.
    expect(pages).toBeLessThanOrEqual(2);
    await fermerSansTrace(session);
  });

  it("on a phone (360×740), the share block comes before the cards: its heading on the first screen, its buttons on the second", async () => {
    const session = await nouvellePage(site.navigateur, site.serveur.url);
    const { page } = session;
    const codes = catalogue.services.slice(0, 3).map((s) => s.code);
    await page.goto(`${site.serveur.url}/a-propos/`);
    await page.evaluate(([cle, valeur]) => localStorage.setItem(cle!, valeur!), [CLE_MA_SELECTION, JSON.stringify({ codes, commune: "86066", note: "RDV mardi à 10 h" })]);
    await page.goto(`${site.serveur.url}/selection/`);
    await nomsAffiches(page, 3);
    const boite = async (l: ReturnType<Page["locator"]>) => (await l.boundingBox())!;
    const partage = await boite(page.locator("section.partage"));
    const premiereCarte = await boite(page.locator(".liste-selection > li").first());
    expect(partage.y + partage.height).toBeLessThanOrEqual(premiereCarte.y);
    const titre = await boite(page.getByRole("heading", { name: "Partager la sélection" }));
    expect(titre.y + titre.height).toBeLessThanOrEqual(740);
    const sms = await boite(page.getByRole("link", { name: "Envoyer par SMS" }));
    expect(sms.y + sms.height).toBeLessThanOrEqual(2 * 740);
    // Reading order is the visual order: the list's heading follows the share block in the document.
    expect(await page.evaluate(() => document.querySelector("section.partage")!.compareDocumentPosition(document.querySelector(".titre-liste")!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
    await fermerSansTrace(session);
  });

  it("an old or tampered link: a removed service says so in its place, the rest is read as text, nothing runs", async () => {
    const session = await nouvellePage(site.navigateur, site.serveur.url);
    const { page } = session;
    const dialogues: string[] = [];
    page.on("dialog", (d) => {
      dialogues.push(d.message());
      void d.dismiss();
    });
    const premier = catalogue.services[0]!;
    const note = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    await page.goto(
      `${site.serveur.url}/selection/?s=${premier.code}.${codeSupprime}.${encodeURIComponent("<script>")}&commune=99999#note=${encodeURIComponent(note)}`,
    );
    expect(await nomsAffiches(page, 2)).toEqual([premier.nom, "Cette offre n'est plus disponible"]);
    expect(await page.locator(".note-partagee blockquote").textContent()).toBe(note);
    const alerte = (await page.locator("[role=alert]").textContent())!;
    expect(alerte).toContain("identifiant illisible");
    expect(alerte).toContain("commune");
    expect(await page.locator("main img").count()).toBe(0);
    expect(await page.evaluate(() => [...document.scripts].some((s) => s.textContent?.includes("alert")))).toBe(false);
    // Adding the sheet to one's selection leaves out what has gone.
    await page.getByRole("button", { name: "Ajouter à ma sélection" }).click();
    await expect.poll(() => page.evaluate((cle) => JSON.parse(localStorage.getItem(cle) ?? "{}").codes, CLE_MA_SELECTION)).toEqual([premier.code]);
    // A removed service kept in one's own selection says so too, and can be removed.
    await page.evaluate(([cle, valeur]) => localStorage.setItem(cle!, valeur!), [CLE_MA_SELECTION, JSON.stringify({ codes: [codeSupprime, premier.code] })]);
    await page.goto(`${site.serveur.url}/selection/`);
    expect(await nomsAffiches(page, 2)).toEqual(["Cette offre n'est plus disponible", premier.nom]);
    await page.getByRole("button", { name: "Retirer de ma sélection : Offre plus disponible" }).click();
    expect(await nomsAffiches(page, 1)).toEqual([premier.nom]);
    // A link without any service.
    await page.goto(`${site.serveur.url}/selection/?s=`);
    expect(await page.locator("[role=alert]").textContent()).toContain("ne contient aucune offre");
    expect(dialogues).toEqual([]);
    // The removed service's sheet is a 404, which Chromium logs: nothing else.
    await fermerSansTrace(session, /status of 404/);
  });

  it("a link made before a service was renamed opens on its current name and page", async () => {
    const session = await nouvellePage(site.navigateur, site.serveur.url);
    const { page } = session;
    const renomme = catalogue.services.find((s) => s.anciensSlugs.length > 0)!;
    // The code a link carried under the service's first name.
    const codeAncien = codeDeService(`${siteConfig.source}--${renomme.anciensSlugs[0]}`);
    expect(codeAncien).toBe(renomme.code);
    await page.goto(`${site.serveur.url}/selection/?s=${codeAncien}`);
    expect(await nomsAffiches(page, 1)).toEqual([renomme.nom]);
    expect(await page.locator(".liste-selection h3 a").getAttribute("href")).toBe(`/services/${renomme.slug}/`);
    // The service's former page leads to the current one.
    await page.goto(`${site.serveur.url}/services/${renomme.anciensSlugs[0]}/`);
    await page.waitForURL(`${site.serveur.url}/services/${renomme.slug}/`);
    await fermerSansTrace(session);
  });

  it("without JavaScript, says a shared selection cannot be read on this static site and points to the message received", async () => {
    const { page, contexte } = await nouvellePage(site.navigateur, site.serveur.url, { javaScript: false });
    await page.goto(`${site.serveur.url}/selection/?s=${catalogue.services[0]!.code}`);
    expect(await page.locator("main h1").textContent()).toBe("Ma sélection");
    const texte = await page.locator("main").innerText();
    expect(texte).toContain("Sans JavaScript, une sélection partagée ne peut pas s'afficher : ce site n'a que des pages fixes");
    expect(texte).toContain("Reportez-vous au message qui vous a donné ce lien : l'e-mail donne le nom de chaque service et le lien de sa page");
    expect(texte).not.toContain("besoin de JavaScript");
    expect(await page.locator("main a[href='/thematiques/']").count()).toBe(1);
    expect(await page.getByRole("link", { name: /^Ma sélection/ }).textContent()).toBe("Ma sélection");
    await contexte.close();
  });

  it("shows every phone number of its cards as a tel: link, and « à vérifier » in words", async () => {
    const numeros = (f: FicheCourte) =>
      [f.resume, ...f.mobilisation, ...(f.horaires ?? []), ...(f.avis ?? [])].flatMap((t) => decouperTelephones(t).filter((m) => m.href));
    const fiches = catalogue.services.map((s) => fiche(s.code));
    // The three sheets whose texts hold the most numbers, and one to be checked (« à vérifier »).
    const choisies = [...fiches].sort((a, b) => numeros(b).length - numeros(a).length).slice(0, 3);
    const aVerifier = fiches.find((f) => f.aVerifier && !choisies.includes(f))!;
    expect(aVerifier).toBeDefined();
    const attendus = choisies.reduce((n, f) => n + numeros(f).length, 0);
    expect(attendus).toBeGreaterThanOrEqual(6);
    const { page, contexte } = await nouvellePage(site.navigateur, site.serveur.url);
    await page.goto(surLeServeur(lienDeSelection({ codes: [...choisies, aVerifier].map((f) => f.code) }, siteConfig.urlPublique)));
    await nomsAffiches(page, 4);
    const liste = page.locator(".liste-selection");
    expect(numerosNonLies(await liste.innerHTML())).toEqual([]);
    expect(await liste.locator("li").first().locator("a[href^='tel:']").count()).toBeGreaterThanOrEqual(numeros(choisies[0]!).length);
    expect(await liste.locator("a[href^='tel:']").count()).toBeGreaterThanOrEqual(attendus);
    const derniere = liste.locator(":scope > li").last();
    expect(await derniere.locator(".maj").innerText()).toContain(`${ETIQUETTE_A_VERIFIER} — ${EXPLICATION_A_VERIFIER}`);
    expect((await liste.locator(":scope > li").first().locator(".maj").innerText()).includes(ETIQUETTE_A_VERIFIER)).toBe(choisies[0]!.aVerifier);
    await contexte.close();
  });

  it("an empty selection says how to fill it, and has no accessibility violation", async () => {
    const { page, contexte } = await nouvellePage(site.navigateur, site.serveur.url);
    await page.goto(`${site.serveur.url}/selection/`);
    await page.getByRole("heading", { name: "Votre sélection est vide" }).waitFor();
    expect(await page.locator("main a[href='/recherche/']").count()).toBe(1);
    expect(await violationsAxe(page)).toEqual([]);
    await contexte.close();
  });
});
