/** Sharing one service from its page, in Chromium on the built site: link, e-mail, SMS, QR code, print. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { nouvellePage } from "./navigateur";
import { siteEtNavigateur } from "./site";
import { fermerSansTrace, imprimer, lireQr } from "./partage-outils";
import { construireCatalogue, type Service } from "../../src/domain/catalogue";
import { validerDossier } from "../../src/domain/validation";
import { courrielDuService, smsDuService } from "../../src/domain/partage/textes";
import { mesurerSms } from "../../src/domain/partage/sms";
import type { FicheCourte } from "../../src/domain/selection/fiche-courte";
import { siteConfig } from "../../site.config";


const lecture = validerDossier("content");
const catalogue = construireCatalogue(lecture.structures, lecture.services, siteConfig.source);
/** A typical demo service: the median description length among those with a phone number and an address. */
const typiques = catalogue.services.filter((s) => (s.telephone ?? catalogue.structureParSlug(s.structureSlug)?.telephone) && s.lieu);
const service: Service = [...typiques].sort((a, b) => a.description.length - b.description.length)[Math.floor(typiques.length / 2)]!;
const lien = `${siteConfig.urlPublique}/services/${service.slug}/`;
const fiche = (code: string): FicheCourte => JSON.parse(readFileSync(`dist/selection/fiches/${code}.json`, "utf8"));

const site = siteEtNavigateur();

describe("partager un service depuis sa page", () => {
  it("without JavaScript: the link, e-mail and SMS links and the QR code are there; copy and print are not", async () => {
    const { page, contexte, requetesExterieures } = await nouvellePage(site.navigateur, site.serveur.url, { javaScript: false });
    await page.goto(`${site.serveur.url}/services/${service.slug}/`);
    const partage = page.locator("section.partage");
    expect(await partage.locator("h2").textContent()).toBe("Partager ce service");
    expect(await partage.locator(".lien-partage a").getAttribute("href")).toBe(lien);
    expect(await partage.locator(".lien-partage a").textContent()).toBe(lien);

    const attendus = fiche(service.code);
    const courriel = courrielDuService(attendus, lien);
    const sms = smsDuService(attendus, lien);
    const hrefCourriel = (await page.getByRole("link", { name: "Envoyer par e-mail" }).getAttribute("href"))!;
    const hrefSms = (await page.getByRole("link", { name: "Envoyer par SMS" }).getAttribute("href"))!;
    expect(hrefCourriel).toBe(courriel.href);
    expect(hrefSms).toBe(sms.href);
    // What the person receives: decoded from the links themselves.
    const mail = new URL(hrefCourriel);
    const sujet = decodeURIComponent(/subject=([^&]*)/.exec(mail.search)![1]!);
    const corps = decodeURIComponent(/body=([^&]*)/.exec(mail.search)![1]!);
    expect(sujet).toContain(service.nom);
    for (const attendu of [service.nom, attendus.structure, lien, ...(attendus.adresse ?? []), attendus.contact.telephone!.libelle, ...attendus.mobilisation]) {
      expect(corps).toContain(attendu);
    }
    if (attendus.horaires) for (const h of attendus.horaires) expect(corps).toContain(h);
    const texteSms = decodeURIComponent(hrefSms.replace(/^sms:\?&body=/, ""));
    expect(texteSms).toContain(lien);
    expect(texteSms).toContain(attendus.contact.telephone!.libelle);
    expect(mesurerSms(texteSms).segments).toBeLessThanOrEqual(2);

    const qr = partage.locator("svg.qr");
    expect(await qr.getAttribute("role")).toBe("img");
    expect(await qr.getAttribute("aria-label")).toBe(`QR code du lien : ${lien}`);
    expect(await qr.locator("title").textContent()).toBe(`QR code du lien : ${lien}`);
    expect(await lireQr(qr)).toBe(lien);

    expect(await page.getByRole("button").count()).toBe(0);
    expect(requetesExterieures).toEqual([]);
    await contexte.close();
  });

  it("with JavaScript: copies the link, adds to the selection (announced, counted in the header)", async () => {
    const session = await nouvellePage(site.navigateur, site.serveur.url);
    const { page, contexte } = session;
    await contexte.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.serveur.url });
    await page.goto(`${site.serveur.url}/services/${service.slug}/`);
    const copier = page.getByRole("button", { name: "Copier le lien" });
    await copier.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(lien);
    await expect.poll(() => page.locator(".partage [role=status]").first().textContent()).toBe("Lien copié dans le presse-papiers.");

    const lienSelection = page.getByRole("link", { name: /^Ma sélection/ });
    expect(await lienSelection.textContent()).toBe("Ma sélection");
    await page.getByRole("button", { name: `Ajouter à ma sélection : ${service.nom}` }).click();
    await expect.poll(() => lienSelection.textContent()).toBe("Ma sélection (1)");
    await expect.poll(() => page.locator(".actions-service [role=status]").textContent()).toBe(`« ${service.nom} » ajouté à votre sélection (1 service).`);
    await page.getByRole("button", { name: `Retirer de ma sélection : ${service.nom}` }).click();
    await expect.poll(() => lienSelection.textContent()).toBe("Ma sélection");
    expect(await page.getByRole("button", { name: "Imprimer" }).isVisible()).toBe(true);
    await fermerSansTrace(session);
  });

  it("prints on one A4 page: no navigation nor buttons, the link and its QR code", async () => {
    const session = await nouvellePage(site.navigateur, site.serveur.url, { largeur: 1024 });
    await session.page.goto(`${site.serveur.url}/services/${service.slug}/`);
    await session.page.getByRole("button", { name: "Imprimer" }).waitFor();
    expect(await imprimer(session.page, lien)).toBe(1);
    await fermerSansTrace(session);
  });
});
