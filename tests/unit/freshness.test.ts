import { describe, expect, it } from "vitest";
import { estAVerifier } from "../../src/domain/freshness";
import { aujourdhuiAParis, ajouterMois, estJourValide } from "../../src/domain/dates";

describe("fraîcheur et dates", () => {
  it("marks a listing older than six months as to be checked", () => {
    expect(estAVerifier("2026-05-29", "2026-11-30")).toBe(true);
    expect(estAVerifier("2026-05-30", "2026-11-30")).toBe(false);
    expect(estAVerifier("2026-11-01", "2026-11-30")).toBe(false);
  });

  it("counts months at month ends", () => {
    expect(ajouterMois("2026-08-31", -6)).toBe("2026-02-28");
    expect(ajouterMois("2026-03-31", -1)).toBe("2026-02-28");
  });

  it("takes today in Paris, not in UTC: 23:30 UTC on 30 November is already 1 December in Poitiers", () => {
    expect(aujourdhuiAParis(new Date("2026-11-30T23:30:00Z"))).toBe("2026-12-01");
    expect(aujourdhuiAParis(new Date("2026-07-14T21:59:00Z"))).toBe("2026-07-14");
    expect(aujourdhuiAParis(new Date("2026-07-14T22:01:00Z"))).toBe("2026-07-15");
  });

  it("rejects impossible days", () => {
    expect(estJourValide("2026-02-30")).toBe(false);
    expect(estJourValide("2026-2-3")).toBe(false);
    expect(estJourValide("2028-02-29")).toBe(true);
  });
});

describe("« à vérifier » expliqué", () => {
  it("says how old the information is, from the same threshold as the mark", async () => {
    const { EXPLICATION_A_VERIFIER, MOIS_AVANT_VERIFICATION } = await import("../../src/domain/freshness");
    expect(EXPLICATION_A_VERIFIER).toBe(`informations de plus de ${MOIS_AVANT_VERIFICATION} mois : appelez avant de vous déplacer`);
    expect(EXPLICATION_A_VERIFIER).toContain("plus de 6 mois");
  });
});
