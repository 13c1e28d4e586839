import { describe, expect, it } from "vitest";
import { aujourdhuiAParis, jourDuSite } from "../../src/domain/dates";

describe("jourDuSite", () => {
  it("is the day set by CARTO_AUJOURDHUI, so a build is reproducible", () => {
    expect(jourDuSite({ CARTO_AUJOURDHUI: "2026-03-15" })).toBe("2026-03-15");
  });

  it("is today in Paris when the setting is absent or empty", () => {
    expect(jourDuSite({})).toBe(aujourdhuiAParis());
    expect(jourDuSite({ CARTO_AUJOURDHUI: " " })).toBe(aujourdhuiAParis());
  });

  it("refuses a day that does not exist, naming the setting and the format", () => {
    expect(() => jourDuSite({ CARTO_AUJOURDHUI: "2026-02-30" })).toThrowErrorMatchingInlineSnapshot(
      `[Error: CARTO_AUJOURDHUI=« 2026-02-30 » n'est pas une date valide : attendu AAAA-MM-JJ (ex. : 2026-12-07), ou rien pour aujourd'hui à Paris.]`,
    );
  });
});
