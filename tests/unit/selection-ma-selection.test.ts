/** The person's selection kept in the browser (selection/selection.ts). */
import { describe, expect, it } from "vitest";
import { codeDeService } from "../../src/domain/selection/code";
import { MAX_SERVICES_PAR_SELECTION } from "../../src/domain/selection/lien";
import {
  ajouterService,
  CLE_MA_SELECTION,
  contientService,
  deplacerService,
  ecrireMaSelection,
  fusionnerSelections,
  lireMaSelection,
  retirerService,
  SELECTION_VIDE,
  selectionPleine,
  type MaSelection,
} from "../../src/domain/selection/selection";

const [a, b, c, d] = ["a", "b", "c", "d"].map((x) => codeDeService(`carto-insertion-86--${x}`)) as [string, string, string, string];

/** A localStorage stand-in. */
function stockage(initial: Record<string, string> = {}) {
  const donnees = new Map(Object.entries(initial));
  return {
    donnees,
    getItem: (cle: string) => donnees.get(cle) ?? null,
    setItem: (cle: string, valeur: string) => void donnees.set(cle, valeur),
  };
}

describe("lire et écrire dans le navigateur", () => {
  it("aller-retour sous la clé carto-insertion:selection", () => {
    const s = stockage();
    const sel: MaSelection = { codes: [a, b], commune: "86194", note: "Pour Mme D." };
    ecrireMaSelection(s, sel);
    expect(CLE_MA_SELECTION).toBe("carto-insertion:selection");
    expect(JSON.parse(s.donnees.get(CLE_MA_SELECTION)!)).toEqual(sel);
    expect(lireMaSelection(s)).toEqual(sel);
  });

  it("rien, du JSON cassé ou étranger : une sélection vide ou nettoyée, jamais d'exception", () => {
    expect(lireMaSelection(undefined)).toEqual(SELECTION_VIDE);
    expect(lireMaSelection(stockage())).toEqual({ codes: [] });
    for (const texte of ["{", "null", "42", '"texte"', "[1,2]", '{"codes":"abc"}', "{}"]) {
      expect(lireMaSelection(stockage({ [CLE_MA_SELECTION]: texte })), texte).toEqual({ codes: [] });
    }
    const etrangere = JSON.stringify({ codes: [a, 12, "xyz", a, b.toUpperCase(), null], commune: "Poitiers", note: "  x\u0007y  ", autre: true });
    expect(lireMaSelection(stockage({ [CLE_MA_SELECTION]: etrangere }))).toEqual({ codes: [a, b], note: "xy" });
    const refuse = { getItem: () => { throw new DOMException("refusé", "SecurityError"); } };
    expect(lireMaSelection(refuse)).toEqual({ codes: [] });
  });

  it("écrire ne lève jamais d'exception (navigation privée, quota plein)", () => {
    const plein = { setItem: () => { throw new DOMException("plein", "QuotaExceededError"); } };
    expect(() => ecrireMaSelection(plein, { codes: [a] })).not.toThrow();
    expect(() => ecrireMaSelection(undefined, { codes: [a] })).not.toThrow();
  });
});

describe("modifier la sélection (sans jamais modifier l'objet donné)", () => {
  const sel: MaSelection = Object.freeze({ codes: Object.freeze([a, b, c]) as unknown as string[], commune: "86194" });

  it("ajouter à la fin, une seule fois ; un code invalide ne change rien", () => {
    expect(ajouterService(sel, d)).toEqual({ codes: [a, b, c, d], commune: "86194" });
    expect(ajouterService(sel, a)).toBe(sel);
    expect(ajouterService(sel, "pas-un-code")).toBe(sel);
    expect(ajouterService(SELECTION_VIDE, a)).toEqual({ codes: [a] });
    expect(SELECTION_VIDE.codes).toEqual([]);
  });

  it(`pleine à ${MAX_SERVICES_PAR_SELECTION} services : ajouter ne change rien`, () => {
    const pleine = { codes: Array.from({ length: MAX_SERVICES_PAR_SELECTION }, (_, i) => codeDeService(`x-${i}`)) };
    expect(selectionPleine(pleine)).toBe(true);
    expect(ajouterService(pleine, a)).toBe(pleine);
    expect(selectionPleine(sel)).toBe(false);
  });

  it("retirer, contenir", () => {
    expect(retirerService(sel, b)).toEqual({ codes: [a, c], commune: "86194" });
    expect(retirerService(sel, d)).toBe(sel);
    expect(contientService(sel, c)).toBe(true);
    expect(contientService(sel, d)).toBe(false);
  });

  it("déplacer d'un rang ; rien aux extrémités ni pour un code absent", () => {
    expect(deplacerService(sel, b, -1).codes).toEqual([b, a, c]);
    expect(deplacerService(sel, b, 1).codes).toEqual([a, c, b]);
    expect(deplacerService(sel, a, -1)).toBe(sel);
    expect(deplacerService(sel, c, 1)).toBe(sel);
    expect(deplacerService(sel, d, 1)).toBe(sel);
  });

  it("fusionner une fiche partagée : ses services après les miens, sans doublon ; ma commune et ma note d'abord", () => {
    expect(fusionnerSelections(sel, { codes: [c, d], commune: "86066", note: "Note partagée" })).toEqual({
      codes: [a, b, c, d],
      commune: "86194",
      note: "Note partagée",
    });
    expect(fusionnerSelections(SELECTION_VIDE, { codes: [d], commune: "86066" })).toEqual({ codes: [d], commune: "86066" });
    expect(sel.codes).toEqual([a, b, c]);
  });
});
