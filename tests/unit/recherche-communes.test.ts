/** The commune combobox's look-up: names with typos, missing accents and apostrophes, postal and INSEE codes. */
import { describe, expect, it } from "vitest";
import { chercherCommunes } from "../../src/domain/recherche/communes";

const noms = (q: string, max?: number) => chercherCommunes(q, max).map((c) => c.nom);

describe("chercherCommunes", () => {
  it("finds a commune despite a typo, missing accents and case", () => {
    expect(noms("chatelleraut")[0]).toBe("Châtellerault");
    expect(noms("CHATELLERAULT")[0]).toBe("Châtellerault");
    expect(noms("loudum")[0]).toBe("Loudun");
    expect(noms("montmorillo")[0]).toBe("Montmorillon");
  });

  it("puts exact and prefix matches first, the most populated first", () => {
    expect(noms("poit")[0]).toBe("Poitiers");
    expect(noms("poitiers")[0]).toBe("Poitiers");
    expect(noms("chat")[0]).toBe("Châtellerault");
    expect(noms("civray")[0]).toBe("Civray");
  });

  it("ignores apostrophes, dashes and spaces, and knows « st » for « saint »", () => {
    expect(noms("l isle jourdain")[0]).toBe("L'Isle-Jourdain");
    expect(noms("lisle")[0]).toBe("L'Isle-Jourdain");
    expect(noms("L'Isle-Jourdain")[0]).toBe("L'Isle-Jourdain");
    expect(noms("jourdain")[0]).toBe("L'Isle-Jourdain");
    expect(noms("st martin la pallu")[0]).toBe("Saint-Martin-la-Pallu");
  });

  it("finds by postal code, then INSEE code, exact then prefix", () => {
    expect(noms("86100")[0]).toBe("Châtellerault");
    expect(noms("86100")).toContain("Senillé-Saint-Sauveur");
    expect(noms("86194")).toEqual(["Poitiers"]);
    expect(noms("86000")[0]).toBe("Poitiers");
    expect(noms("86")[0]).toBe("Poitiers");
    expect(noms("86", 3)).toHaveLength(3);
    expect(noms("86215")).toEqual(["Angliers"]);
  });

  it("reads what the combobox shows after a choice: « Châtellerault (86100) »", () => {
    expect(noms("Châtellerault (86100)")).toEqual(["Châtellerault"]);
  });

  it("gives nothing for nothing, at most `max` communes", () => {
    expect(noms("")).toEqual([]);
    expect(noms("  ")).toEqual([]);
    expect(noms("zzzzzzzzz")).toEqual([]);
    expect(noms("sa").length).toBeLessThanOrEqual(8);
    expect(noms("saint", 20).length).toBeGreaterThan(8);
  });
});
