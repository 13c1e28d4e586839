/** Text message measurement (partage/sms.ts) and share texts (partage/textes.ts). */
import { describe, expect, it } from "vitest";
import { mesurerSms } from "../../src/domain/partage/sms";
import { courrielDeSelection, courrielDuService, smsDeSelection, smsDuService } from "../../src/domain/partage/textes";
import type { FicheCourte } from "../../src/domain/selection/fiche-courte";

describe("mesurerSms", () => {
  it("GSM 03.38 : « é è ù ì ò à Ç É » sont dans l'alphabet de base ; « ê ç ô î â ’ » font passer en UCS-2", () => {
    expect(mesurerSms("Café à Châtellerault").encodage).toBe("UCS-2"); // â
    expect(mesurerSms("Été : éèùìòàÇÉ ÄÖÑÜäöñü ¿¡ £$¥ @_ §").encodage).toBe("GSM-7");
    for (const c of ["ê", "ç", "ô", "î", "â", "’", "«", "…", "œ", "😀"]) expect(mesurerSms(`a${c}`).encodage, c).toBe("UCS-2");
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

  it("un nom de 120 caractères : raccourci (…) pour tenir en deux SMS, le lien entier", () => {
    // « ê » and « ç »: UCS-2, two messages hold 134 characters.
    const nom = `Prêt de véhicule et accompagnement à la mobilité ${"pour les reçus du RSA et les jeunes ".repeat(4)}`.slice(0, 120);
    expect(nom).toHaveLength(120);
    const s = smsDuService(fiche({ nom, structure: "Boutique de gestion et couveuse d'entreprises de la Vienne" }), LIEN);
    expect(s.mesure.segments).toBeLessThanOrEqual(2);
    expect(s.texte.endsWith(`\n${LIEN}`)).toBe(true);
    expect(s.texte).toContain("Tél. 05 36 49 12 34");
    expect(s.texte).toContain("…");
    expect(s.texte.startsWith("Prêt de véhicule")).toBe(true);
    expect(s.mesure.encodage).toBe("UCS-2");
  });

  it("même avec un lien très long, le lien n'est jamais coupé", () => {
    const long = `https://carto-insertion.example.org/services/${"tres-long-".repeat(12)}fin/`;
    const s = smsDuService(fiche({ nom: "ê".repeat(120) }), long);
    expect(s.texte).toContain(long);
    expect(s.mesure.segments).toBeLessThanOrEqual(2);
  });
});

describe("une sélection", () => {
  const fiches = Array.from({ length: 8 }, (_, i) =>
    fiche({ code: `ab12cd3${i}`, nom: `Service numéro ${i + 1} pour l'insertion des jeunes`, structure: `Structure ${i + 1}` }),
  );
  const lien = "https://carto-insertion.example.org/selection/?s=ab12cd30.ab12cd31&commune=86194";

  it("courriel : la note, la liste numérotée, le lien", () => {
    const c = courrielDeSelection(fiches.slice(0, 2), lien, "RDV mardi à 10 h");
    expect(c.sujet).toBe("2 offres d'insertion sélectionnées pour vous");
    expect(c.corps.split("\n")).toEqual([
      "RDV mardi à 10 h",
      "",
      "1. Service numéro 1 pour l'insertion des jeunes — Structure 1",
      "   Téléphone : 05 36 49 12 34",
      "   12 rue de la Gare, 86000 Poitiers",
      "2. Service numéro 2 pour l'insertion des jeunes — Structure 2",
      "   Téléphone : 05 36 49 12 34",
      "   12 rue de la Gare, 86000 Poitiers",
      "",
      `Toutes les informations, à imprimer ou à garder : ${lien}`,
    ]);
    expect(lireMailto(c.href)).toEqual({ sujet: c.sujet, corps: c.corps });
    expect(courrielDeSelection(fiches.slice(0, 1), lien).sujet).toBe("1 offre d'insertion sélectionnée pour vous");
  });

  it("SMS : tout tient quand c'est court", () => {
    const s = smsDeSelection(fiches.slice(0, 1), lien, "RDV mardi");
    expect(s.texte).toBe(`RDV mardi\n1 offre d'insertion sélectionnée :\n- Service numéro 1 pour l'insertion des jeunes\n${lien}`);
    expect(s.mesure.segments).toBeLessThanOrEqual(2);
  });

  it("SMS : noms raccourcis, puis « et N autres », toujours en deux SMS au plus avec le lien entier", () => {
    for (let n = 1; n <= fiches.length; n++) {
      const s = smsDeSelection(fiches.slice(0, n), lien, "Une note assez longue pour la personne accompagnée, à lire avant le rendez-vous de mardi.");
      expect(s.mesure.segments, `${n}`).toBeLessThanOrEqual(2);
      expect(s.texte.endsWith(`\n${lien}`)).toBe(true);
      expect(s.texte).toContain(n > 1 ? `${n} offres d'insertion sélectionnées :` : "1 offre d'insertion sélectionnée :");
    }
    // Names in the GSM alphabet: shortened with "..." (not "…", which would switch to UCS-2).
    const huit = smsDeSelection(fiches, lien);
    expect(huit.mesure.encodage).toBe("GSM-7");
    expect(huit.texte).toMatch(/\n- Service numéro 8[^\n]*\.\.\.\n/);
    const trente = Array.from({ length: 30 }, (_, i) => fiche({ nom: `Service numéro ${i + 1} pour l'insertion des jeunes` }));
    const s = smsDeSelection(trente, lien);
    expect(s.texte).toMatch(/\net \d+ autres\n/);
    expect(s.mesure.segments).toBeLessThanOrEqual(2);
  });
});
