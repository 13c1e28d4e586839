/** Shared selection links (selection/lien.ts). */
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { siteConfig } from "../../site.config";
import { codeDeService } from "../../src/domain/selection/code";
import {
  cheminDeSelection,
  lienDeSelection,
  lienLisible,
  lireSelectionPartagee,
  LONGUEUR_MAX_NOTE,
  MAX_SERVICES_PAR_SELECTION,
  type SelectionPartagee,
} from "../../src/domain/selection/lien";

const codes = Array.from({ length: MAX_SERVICES_PAR_SELECTION + 5 }, (_, i) => codeDeService(`carto-insertion-86--service-${i}`));
const [a, b, c] = codes as [string, string, string];

/** What the browser hands the page for a link. */
function ouvrir(lien: string) {
  const url = new URL(lien, siteConfig.urlPublique);
  return lireSelectionPartagee(url.search, url.hash);
}

describe("cheminDeSelection et lienDeSelection", () => {
  it("codes séparés par « . », dans l'ordre, sans doublon ; commune en clair ; note dans le fragment", () => {
    expect(cheminDeSelection({ codes: [a, b, a, c] })).toBe(`/selection/?s=${a}.${b}.${c}`);
    expect(cheminDeSelection({ codes: [a], commune: "86194", note: "RDV mardi 10 h" })).toBe(`/selection/?s=${a}&commune=86194#note=RDV%20mardi%2010%20h`);
    expect(lienDeSelection({ codes: [a] }, "https://exemple.fr/")).toBe(`https://exemple.fr/selection/?s=${a}`);
    // What a link cannot hold is left out: a foreign commune, a blank note, something that is not a code.
    expect(cheminDeSelection({ codes: [a, "pas-un-code"], commune: "75056", note: "  \n " })).toBe(`/selection/?s=${a}`);
  });

  it("aller-retour : accents, émoji, balises, # et & dans la note", () => {
    const notes = ["Rendez-vous à l'accueil, demandez Hélène ! 😀👍🏽", "<script>alert('x')</script>", "Bureau #3 & salle 2 ; 50 % + 1 = ?", "a=b&note=c#d"];
    for (const note of notes) {
      const sel: SelectionPartagee = { codes: [a, b], commune: "86066", note };
      const lu = ouvrir(lienDeSelection(sel, siteConfig.urlPublique));
      expect(lu, note).toEqual({ selection: sel, problemes: [] });
    }
    // The fragment has no raw "&", "#" nor space: the note cannot break out of it.
    const chemin = cheminDeSelection({ codes: [a], note: "x & y # z" });
    expect(chemin.split("#")).toHaveLength(2);
    expect(chemin).toContain("#note=x%20%26%20y%20%23%20z");
  });

  it("la note : espaces, caractères de contrôle et surrogats isolés retirés, coupée à 140 caractères", () => {
    const sel = { codes: [a], note: "  Ligne 1\nLigne\t2\u0000\u202E\uD800  " };
    expect(ouvrir(cheminDeSelection(sel)).selection.note).toBe("Ligne 1 Ligne 2");
    const longue = "é".repeat(LONGUEUR_MAX_NOTE + 10);
    expect(ouvrir(cheminDeSelection({ codes: [a], note: longue })).selection.note).toBe("é".repeat(LONGUEUR_MAX_NOTE));
    // A note made longer by hand: cut, and said.
    const lu = lireSelectionPartagee(`?s=${a}`, `#note=${encodeURIComponent("😀".repeat(200))}`);
    expect(Array.from(lu.selection.note!)).toHaveLength(LONGUEUR_MAX_NOTE);
    expect(lu.problemes).toEqual([`La note du lien était trop longue : seuls ses ${LONGUEUR_MAX_NOTE} premiers caractères sont affichés.`]);
  });

  it("10 services et une commune : 170 caractères au plus, un QR code de version 10 au plus (correction M)", async () => {
    const lien = lienDeSelection({ codes: codes.slice(0, 10), commune: "86194" }, siteConfig.urlPublique);
    expect(lien.length).toBeLessThanOrEqual(170);
    expect(QRCode.create(lien, { errorCorrectionLevel: "M" }).version).toBeLessThanOrEqual(10);
    // The maximum selection still fits a QR code a phone reads from a printed sheet.
    const plein = lienDeSelection({ codes: codes.slice(0, MAX_SERVICES_PAR_SELECTION), commune: "86194" }, siteConfig.urlPublique);
    expect(QRCode.create(plein, { errorCorrectionLevel: "M" }).version).toBeLessThanOrEqual(15);
  });
});

describe("lireSelectionPartagee", () => {
  it("ne lève jamais d'exception, quoi qu'on lui donne", () => {
    const entrees = ["", "?", "?s", "?s=%", "?s=%E0%A4%A", "?s=..&commune=%ZZ", "s=abc", "?&&&=", `?s=${a}&s=${b}`];
    const fragments = ["", "#", "#note=%", "#note=%E0%A4%A", "#note", "note=x", "#%%%"];
    for (const s of entrees) for (const h of fragments) expect(() => lireSelectionPartagee(s, h), `${s} ${h}`).not.toThrow();
    expect(lireSelectionPartagee(undefined as unknown as string, null as unknown as string).selection.codes).toEqual([]);
  });

  it("sans « s » : aucune offre, et une phrase pour la personne", () => {
    expect(lireSelectionPartagee("", "")).toEqual({
      selection: { codes: [] },
      problemes: ["Ce lien ne contient aucune offre : il est peut-être incomplet. Demandez à la personne qui vous l'a envoyé de le partager à nouveau."],
    });
    expect(lireSelectionPartagee("?s=", "").problemes).toHaveLength(1);
  });

  it("identifiants illisibles signalés et ignorés ; doublons retirés ; majuscules acceptées", () => {
    const lu = lireSelectionPartagee(`?s=${a}.xyz.${b.toUpperCase()}.${a}.${"<script>".repeat(5)}.`, "");
    expect(lu.selection.codes).toEqual([a, b]);
    expect(lu.problemes).toEqual([
      "Le lien contient un identifiant illisible : « xyz ». Il est ignoré.",
      "Le lien contient un identifiant illisible : « <script><script><script>… ». Il est ignoré.",
    ]);
  });

  it(`au-delà de ${MAX_SERVICES_PAR_SELECTION} offres : les premières, et une phrase`, () => {
    const lu = lireSelectionPartagee(`?s=${codes.join(".")}`, "");
    expect(lu.selection.codes).toEqual(codes.slice(0, MAX_SERVICES_PAR_SELECTION));
    expect(lu.problemes).toEqual([`Le lien contient plus de ${MAX_SERVICES_PAR_SELECTION} offres : seules les ${MAX_SERVICES_PAR_SELECTION} premières sont affichées.`]);
  });

  it("commune : code INSEE du département, ancien code d'une commune fusionnée ramené à l'actuel, sinon ignorée", () => {
    expect(lireSelectionPartagee(`?s=${a}&commune=86194`, "").selection.commune).toBe("86194");
    expect(lireSelectionPartagee(`?s=${a}&commune=86215`, "").selection.commune).toBe("86005");
    const etrangere = lireSelectionPartagee(`?s=${a}&commune=75056`, "");
    expect(etrangere.selection).toEqual({ codes: [a] });
    expect(etrangere.problemes).toEqual(["La commune du lien (« 75056 ») n'est pas une commune de la Vienne : elle est ignorée."]);
  });
});

describe("lienLisible", () => {
  it("montre la note telle qu'on la lit, sans toucher au reste du lien", () => {
    const lien = lienDeSelection({ codes: ["0123abcd"], commune: "86066", note: "Mardi à 10 h : CV & pièce d'identité" }, "https://exemple.org");
    expect(lienLisible(lien)).toBe("https://exemple.org/selection/?s=0123abcd&commune=86066#note=Mardi à 10 h : CV & pièce d'identité");
    expect(lienLisible("https://exemple.org/selection/?s=%E0")).toBe("https://exemple.org/selection/?s=%E0");
  });
});
