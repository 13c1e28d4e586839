/** Text message measurement (partage/sms.ts) and share texts (partage/textes.ts). */
import { describe, expect, it } from "vitest";
import { siteConfig } from "../../site.config";
import { construireCatalogue } from "../../src/domain/catalogue";
import { mesurerSms, versGsm } from "../../src/domain/partage/sms";
import { courrielDeSelection, courrielDuService, lienDuMessage, smsDeSelection, smsDuService } from "../../src/domain/partage/textes";
import { ficheCourte, type FicheCourte } from "../../src/domain/selection/fiche-courte";
import { lienDeSelection, type SelectionPartagee } from "../../src/domain/selection/lien";
import { validerDossier } from "../../src/domain/validation";

describe("mesurerSms", () => {
  it("GSM 03.38 : « é è ù ì ò à Ç É » sont dans l'alphabet de base ; « ê ç ô î â ’ » font passer en UCS-2", () => {
    expect(mesurerSms("Café à Châtellerault").encodage).toBe("UCS-2"); // â
    expect(mesurerSms("Été : éèùìòàÇÉ ÄÖÑÜäöñü ¿¡ £$¥ @_ §").encodage).toBe("GSM-7");
    for (const c of ["ê", "ç", "ô", "î", "â", "’", "«", "…", "œ", "–", "😀"]) expect(mesurerSms(`a${c}`).encodage, c).toBe("UCS-2");
  });

  it("versGsm : la typographie française hors alphabet GSM devient son équivalent, le reste est gardé", () => {
    const texte = "Cœur d’accueil – « Prêt » à Châtellerault… ça, É è ù";
    expect(versGsm(texte)).toBe(`Coeur d'accueil - " Pret " à Chatellerault... ca, É è ù`);
    expect(mesurerSms(versGsm(texte)).encodage).toBe("GSM-7");
    expect(mesurerSms(texte).encodage).toBe("UCS-2");
    // No plain equivalent: kept, and the text stays in UCS-2.
    expect(versGsm("Bravo 😀")).toBe("Bravo 😀");
  });

  it("la table d'extension compte double : € [ ] { } ~ ^ | \\", () => {
    expect(mesurerSms("€").caracteres).toBe(2);
    expect(mesurerSms("[a]{b}~^|\\").caracteres).toBe(18); // 8 extension characters, 2 letters
    expect(mesurerSms("€").encodage).toBe("GSM-7");
  });

  it("limites GSM-7 : 160 en un message, puis 153 par segment, sans couper un caractère d'extension", () => {
    expect(mesurerSms("a".repeat(160))).toEqual({ encodage: "GSM-7", caracteres: 160, segments: 1 });
    expect(mesurerSms("a".repeat(161)).segments).toBe(2);
    expect(mesurerSms("a".repeat(306)).segments).toBe(2);
    expect(mesurerSms("a".repeat(307)).segments).toBe(3);
    expect(mesurerSms("€".repeat(80)).segments).toBe(1);
    // 152 + 2 would straddle: the escape pair goes to the next segment.
    expect(mesurerSms(`${"a".repeat(152)}€${"a".repeat(152)}`)).toEqual({ encodage: "GSM-7", caracteres: 306, segments: 3 });
  });

  it("limites UCS-2 : 70 en un message, puis 67 par segment ; un émoji compte 2", () => {
    expect(mesurerSms("ê".repeat(70))).toEqual({ encodage: "UCS-2", caracteres: 70, segments: 1 });
    expect(mesurerSms("ê".repeat(71)).segments).toBe(2);
    expect(mesurerSms("ê".repeat(134)).segments).toBe(2);
    expect(mesurerSms("ê".repeat(135)).segments).toBe(3);
    expect(mesurerSms("😀".repeat(35))).toEqual({ encodage: "UCS-2", caracteres: 70, segments: 1 });
    expect(mesurerSms("😀".repeat(67)).segments).toBe(3); // 33 pairs per segment of 67 units
    expect(mesurerSms("").segments).toBe(0);
  });
});

const fiche = (extra: Partial<FicheCourte> = {}): FicheCourte => ({
  code: "ab12cd34",
  slug: "atelier-cv",
  href: "/services/atelier-cv/",
  nom: "Atelier CV et lettre de motivation",
  structure: "Mission locale du Poitou",
  resume: "Deux matinées pour refaire son CV.",
  avis: [],
  mobilisation: ["Par la personne elle-même", "Téléphoner au 05 36 49 12 34"],
  contact: { telephone: { libelle: "05 36 49 12 34", href: "tel:+33536491234" }, courriel: { libelle: "accueil@example.org", href: "mailto:accueil@example.org" } },
  adresse: ["12 rue de la Gare", "86000 Poitiers"],
  horaires: ["Du lundi au vendredi : 9 h – 12 h"],
  position: { lat: 46.58, lon: 0.34 },
  distanciel: false,
  enPresentiel: true,
  miseAJour: "12 mai 2026",
  miseAJourDate: "2026-05-12",
  aVerifier: false,
  ...extra,
});
const LIEN = "https://carto-insertion.example.org/services/atelier-cv/";

/** The mailto: link's subject and body, decoded as a mail client does. */
function lireMailto(href: string) {
  const [debut, requete] = href.split("?") as [string, string];
  expect(debut).toBe("mailto:");
  expect(requete).not.toMatch(/\+/); // spaces are %20, never "+"
  const champs = Object.fromEntries(requete.split("&").map((p) => p.split("=").map(decodeURIComponent) as [string, string]));
  return { sujet: champs.subject, corps: champs.body?.replace(/\r\n/g, "\n") };
}

describe("courrielDuService", () => {
  it("sujet et corps lisibles ; le lien mailto: se décode en ces mêmes lignes (retours à la ligne %0D%0A)", () => {
    const c = courrielDuService(fiche(), LIEN);
    expect(c.sujet).toBe("Atelier CV et lettre de motivation — Mission locale du Poitou");
    expect(c.corps.split("\n")).toEqual([
      "Atelier CV et lettre de motivation",
      "Proposé par Mission locale du Poitou",
      "",
      "Deux matinées pour refaire son CV.",
      "",
      "Adresse :",
      "12 rue de la Gare",
      "86000 Poitiers",
      "",
      "Comment en bénéficier :",
      "- Par la personne elle-même",
      "- Téléphoner au 05 36 49 12 34",
      "",
      "Horaires :",
      "- Du lundi au vendredi : 9 h – 12 h",
      "",
      "Téléphone : 05 36 49 12 34",
      "Courriel : accueil@example.org",
      "",
      `Toutes les informations : ${LIEN}`,
    ]);
    expect(c.href).toContain("%0D%0A");
    expect(lireMailto(c.href)).toEqual({ sujet: c.sujet, corps: c.corps });
  });

  it("« & », « # », « + », « ? » et « = » dans un nom ne cassent pas le lien", () => {
    const c = courrielDuService(fiche({ nom: "Emploi & formation #2 : 1+1=? 100 %" }), LIEN);
    expect(lireMailto(c.href)).toEqual({ sujet: c.sujet, corps: c.corps });
  });
});

describe("smsDuService", () => {
  it("nom, structure, téléphone et lien, en deux SMS au plus ; lien sms:?&body=", () => {
    const s = smsDuService(fiche(), LIEN);
    expect(s.texte).toBe(`Atelier CV et lettre de motivation\nMission locale du Poitou\nTél. 05 36 49 12 34\n${LIEN}`);
    expect(s.mesure).toEqual(mesurerSms(s.texte));
    expect(s.mesure.segments).toBeLessThanOrEqual(2);
    expect(s.href).toBe(`sms:?&body=${encodeURIComponent(s.texte)}`);
  });

  it("un nom de 120 caractères avec « ê » et « ç » : écrit en GSM-7 (Pret, recus) pour tenir entier en deux SMS, le lien entier", () => {
    // As written, « ê » and « ç » make it UCS-2, where two messages hold 134 characters: the name would be cut.
    const nom = `Prêt de véhicule et accompagnement à la mobilité ${"pour les reçus du RSA et les jeunes ".repeat(4)}`.slice(0, 120);
    expect(nom).toHaveLength(120);
    const s = smsDuService(fiche({ nom, structure: "Boutique de gestion et couveuse d'entreprises de la Vienne" }), LIEN);
    expect(s.mesure.segments).toBeLessThanOrEqual(2);
    expect(s.texte.endsWith(`\n${LIEN}`)).toBe(true);
    expect(s.texte).toContain("Tél. 05 36 49 12 34");
    expect(s.texte.split("\n")[0]).toBe(versGsm(nom));
    expect(s.texte.startsWith("Pret de véhicule")).toBe(true);
    expect(s.mesure.encodage).toBe("GSM-7");
  });

  it("un nom trop long même en GSM-7 : coupé après un mot entier (...), jamais au milieu d'un mot", () => {
    const nom = `Accompagnement socioprofessionnel des allocataires du RSA ${"dans les quartiers prioritaires de la ville ".repeat(5)}`.trim();
    const s = smsDuService(fiche({ nom }), LIEN);
    expect(s.mesure.segments).toBeLessThanOrEqual(2);
    const premiere = s.texte.split("\n")[0]!;
    expect(premiere).toMatch(/\.\.\.$/);
    const debut = premiere.slice(0, -3);
    expect(nom.startsWith(debut)).toBe(true);
    expect(nom.charAt(debut.length)).toBe(" ");
    expect(debut).not.toMatch(/ (de|des|du|la|les)$/);
  });

  it("un texte court garde ses accents même hors GSM (« ê », « œ ») : il tient en deux SMS tel quel", () => {
    const s = smsDuService(fiche({ nom: "Vœux", structure: "Fête" }), "https://ex.org/s/");
    expect(s.texte).toBe("Vœux\nFête\nTél. 05 36 49 12 34\nhttps://ex.org/s/");
    expect(s.mesure.encodage).toBe("UCS-2");
  });

  it("même avec un lien très long, le lien n'est jamais coupé", () => {
    const long = `https://carto-insertion.example.org/services/${"tres-long-".repeat(12)}fin/`;
    const s = smsDuService(fiche({ nom: "ê".repeat(120) }), long);
    expect(s.texte).toContain(long);
    expect(s.mesure.segments).toBeLessThanOrEqual(2);
  });
});

/** Each « - » line: the whole name, or its first words and "..." (the name written in GSM when the text had to be). */
function nomsLisibles(texte: string, fiches: readonly FicheCourte[]) {
  const lignes = texte.split("\n").filter((l) => l.startsWith("- "));
  lignes.forEach((ligne, i) => {
    const nom = fiches[i]!.nom;
    const affiche = ligne.slice(2);
    if (affiche === nom || affiche === versGsm(nom)) return;
    expect(affiche, `${nom} → ${affiche}`).toMatch(/\.\.\.$/);
    const debut = affiche.slice(0, -3);
    const entier = versGsm(nom);
    expect(entier.startsWith(debut), `${nom} → ${affiche}`).toBe(true);
    // Never mid-word: what follows the shortened name is a space or punctuation.
    expect(entier.charAt(debut.length), `${nom} → ${affiche}`).toMatch(/[\s,;:.(\[-]/);
  });
  return lignes.length;
}

describe("une sélection", () => {
  const fiches = Array.from({ length: 8 }, (_, i) =>
    fiche({ code: `ab12cd3${i}`, nom: `Service numéro ${i + 1} pour l'insertion des jeunes`, structure: `Structure ${i + 1}`, href: `/services/service-${i + 1}/` }),
  );
  const URL_PUBLIQUE = "https://carto-insertion.example.org";
  const selection = (n: number, note?: string): SelectionPartagee => ({ codes: fiches.slice(0, n).map((f) => f.code), commune: "86194", ...(note ? { note } : {}) });
  const lien = (n: number) => `${URL_PUBLIQUE}/selection/?s=${fiches.slice(0, n).map((f) => f.code).join(".")}&commune=86194`;

  it("courriel : la note en toutes lettres, la liste numérotée avec le lien de chaque service, le lien de la sélection sans la note", () => {
    const c = courrielDeSelection(fiches.slice(0, 2), selection(2, "RDV mardi à 10 h"), URL_PUBLIQUE);
    expect(c.sujet).toBe("2 offres d'insertion sélectionnées pour vous");
    expect(c.corps.split("\n")).toEqual([
      "RDV mardi à 10 h",
      "",
      "1. Service numéro 1 pour l'insertion des jeunes — Structure 1",
      "   Téléphone : 05 36 49 12 34",
      "   12 rue de la Gare, 86000 Poitiers",
      `   ${URL_PUBLIQUE}/services/service-1/`,
      "2. Service numéro 2 pour l'insertion des jeunes — Structure 2",
      "   Téléphone : 05 36 49 12 34",
      "   12 rue de la Gare, 86000 Poitiers",
      `   ${URL_PUBLIQUE}/services/service-2/`,
      "",
      `Toutes les informations, à imprimer ou à garder : ${lien(2)}`,
    ]);
    expect(lireMailto(c.href)).toEqual({ sujet: c.sujet, corps: c.corps });
    expect(courrielDeSelection(fiches.slice(0, 1), selection(1), URL_PUBLIQUE).sujet).toBe("1 offre d'insertion sélectionnée pour vous");
  });

  it("le lien d'un message est celui de la sélection sans sa note (le message l'écrit) ; celui de la page la garde", () => {
    const avecNote = selection(3, "Rendez-vous mardi à 10 h : apportez votre CV");
    expect(lienDuMessage(avecNote, URL_PUBLIQUE)).toBe(lien(3));
    expect(lienDeSelection(avecNote, URL_PUBLIQUE)).toBe(`${lien(3)}#note=Rendez-vous%20mardi%20%C3%A0%2010%20h%20%3A%20apportez%20votre%20CV`);
    for (const texte of [smsDeSelection(fiches.slice(0, 3), avecNote, URL_PUBLIQUE).texte, courrielDeSelection(fiches.slice(0, 3), avecNote, URL_PUBLIQUE).corps]) {
      expect(texte).toContain("Rendez-vous mardi à 10 h : apportez votre CV");
      expect(texte).not.toContain("%");
      expect(texte).not.toContain("#note");
    }
  });

  it("SMS : tout tient quand c'est court", () => {
    const s = smsDeSelection(fiches.slice(0, 1), selection(1, "RDV mardi"), URL_PUBLIQUE);
    expect(s.texte).toBe(`RDV mardi\n1 offre d'insertion sélectionnée :\n- Service numéro 1 pour l'insertion des jeunes\n${lien(1)}`);
    expect(s.mesure.segments).toBeLessThanOrEqual(2);
  });

  it("SMS : noms raccourcis après un mot, puis « et N autres », toujours en deux SMS au plus avec la note et le lien entiers", () => {
    const note = "Une note assez longue pour la personne accompagnée, à lire avant le rendez-vous de mardi.";
    for (let n = 1; n <= fiches.length; n++) {
      const s = smsDeSelection(fiches.slice(0, n), selection(n, note), URL_PUBLIQUE);
      expect(s.mesure.segments, `${n}`).toBeLessThanOrEqual(2);
      expect(s.texte.endsWith(`\n${lien(n)}`)).toBe(true);
      expect(s.texte.startsWith(`${note}\n`)).toBe(true);
      expect(s.texte).toContain(n > 1 ? `${n} offres d'insertion sélectionnées :` : "1 offre d'insertion sélectionnée :");
    }
    // Names in the GSM alphabet: shortened with "..." (not "…", which would switch to UCS-2), after a whole word.
    const huit = smsDeSelection(fiches, selection(8), URL_PUBLIQUE);
    expect(huit.mesure.encodage).toBe("GSM-7");
    const nommes = nomsLisibles(huit.texte, fiches);
    expect(huit.texte).toMatch(/\.\.\.\n/);
    expect(huit.texte).toContain(`\net ${8 - nommes} autres\n`);
    const douze = Array.from({ length: 12 }, (_, i) => fiche({ code: `zz12cd${String(i).padStart(2, "0")}`, nom: `Service numéro ${i + 1} pour l'insertion des jeunes` }));
    const s = smsDeSelection(douze, { codes: douze.map((f) => f.code) }, URL_PUBLIQUE);
    expect(s.texte).toMatch(/\net \d+ autres\n/);
    expect(s.mesure.segments).toBeLessThanOrEqual(2);
    // 25 services: the header would make a third message; the link alone fits in two.
    const vingtCinq = Array.from({ length: 25 }, (_, i) => fiche({ code: `zz12cd${String(i).padStart(2, "0")}` }));
    const v = smsDeSelection(vingtCinq, { codes: vingtCinq.map((f) => f.code) }, URL_PUBLIQUE);
    expect(v.texte).toBe(`${URL_PUBLIQUE}/selection/?s=${vingtCinq.map((f) => f.code).join(".")}`);
    expect(v.mesure.segments).toBe(2);
    // 30 services: the link alone is 318 characters, three messages whatever is left out; the header says what it is.
    const trente = Array.from({ length: 30 }, (_, i) => fiche({ code: `zz12cd${String(i).padStart(2, "0")}` }));
    const t = smsDeSelection(trente, { codes: trente.map((f) => f.code) }, URL_PUBLIQUE);
    expect(t.texte).toBe(`30 offres d'insertion sélectionnées :\n${URL_PUBLIQUE}/selection/?s=${trente.map((f) => f.code).join(".")}`);
    expect(t.mesure.segments).toBe(3);
  });
});

describe("SMS d'une sélection de services réels (content/services)", () => {
  const lecture = validerDossier("content");
  const catalogue = construireCatalogue(lecture.structures, lecture.services, siteConfig.source);
  const options = { aujourdhui: "2026-11-30", urlService: (s: string) => `/services/${s}/`, urlStructure: (s: string) => `/structures/${s}/`, urlTheme: (s: string) => `/thematiques/${s}/` };
  const fiches = catalogue.services.map((s) => ficheCourte(s, catalogue.structureParSlug(s.structureSlug), options));
  const URL_PUBLIQUE = siteConfig.urlPublique;
  const NOTE = "Rendez-vous mardi à 10 h : apportez votre CV et une pièce d'identité.";
  const selection = (f: readonly FicheCourte[], note?: string): SelectionPartagee => ({ codes: f.map((x) => x.code), commune: "86066", ...(note ? { note } : {}) });

  it("trois services aux noms les plus longs, avec un message : deux SMS, le message et le lien entiers, les noms coupés après un mot", () => {
    const longs = [...fiches].sort((a, b) => b.nom.length - a.nom.length).slice(0, 3);
    expect(longs.map((f) => f.nom)).toContain("Maintien dans l'emploi des salariés et agents en situation de handicap");
    const s = smsDeSelection(longs, selection(longs, NOTE), URL_PUBLIQUE);
    expect(s.texte).toBe(
      [
        NOTE,
        "3 offres d'insertion sélectionnées :",
        "- Maintien dans l'emploi...",
        "- Accompagnement socioprofessionnel...",
        "- Préparation au code de la route...",
        lienDuMessage(selection(longs), URL_PUBLIQUE),
      ].join("\n"),
    );
    expect(s.mesure).toEqual({ encodage: "GSM-7", caracteres: Array.from(s.texte).length, segments: 2 });
  });

  it("toute suite de trois services, avec ou sans message : deux SMS au plus, chaque nom entier ou coupé après un mot, le message et le lien entiers", () => {
    const parLongueur = [...fiches].sort((a, b) => b.nom.length - a.nom.length);
    let raccourcis = 0;
    for (let i = 0; i + 3 <= parLongueur.length; i++) {
      const trois = parLongueur.slice(i, i + 3);
      for (const note of [undefined, NOTE]) {
        const s = smsDeSelection(trois, selection(trois, note), URL_PUBLIQUE);
        expect(s.mesure.segments, s.texte).toBeLessThanOrEqual(2);
        expect(s.texte.endsWith(`\n${lienDuMessage(selection(trois), URL_PUBLIQUE)}`)).toBe(true);
        if (note) expect(s.texte.startsWith(`${note}\n`)).toBe(true);
        expect(nomsLisibles(s.texte, trois), s.texte).toBe(3);
        if (/\.\.\.\n/.test(s.texte)) raccourcis++;
      }
    }
    expect(raccourcis).toBeGreaterThan(0);
  });

  it("un nom avec « – » ou « ’ » n'envoie pas tout le texte en UCS-2 (134 caractères) : il est écrit en GSM-7 quand il le faut", () => {
    const horsGsm = fiches.filter((f) => mesurerSms(f.nom).encodage === "UCS-2");
    expect(horsGsm.length).toBeGreaterThan(0);
    const trois = [...horsGsm, ...fiches].slice(0, 3);
    const s = smsDeSelection(trois, selection(trois, NOTE), URL_PUBLIQUE);
    expect(s.mesure).toMatchObject({ encodage: "GSM-7" });
    expect(s.mesure.segments).toBeLessThanOrEqual(2);
    expect(nomsLisibles(s.texte, trois)).toBe(3);
  });
});
