import { describe, expect, it } from "vitest";
import { communes, epcis, type Commune } from "../../src/domain/communes";
import { communesPrincipales } from "../../src/domain/regroupements";

const commune = (code: string, epci: string | null, population: number): Commune =>
  ({ code, nom: code, codesPostaux: [], population, epci, centre: { lat: 0, lon: 0 }, slug: code, anciensCodes: [] }) as Commune;

describe("communesPrincipales", () => {
  it("keeps the most populous commune of each intercommunality, the largest first, none outside an EPCI", () => {
    const liste = [commune("a1", "A", 300), commune("a2", "A", 900), commune("b1", "B", 1200), commune("b2", "B", 50), commune("x", null, 5000)];
    expect(communesPrincipales(liste).map((c) => c.code)).toEqual(["b1", "a2"]);
  });

  it("gives one town per intercommunality of the territory, its main town first", () => {
    const principales = communesPrincipales(communes);
    const epcisHabites = new Set(communes.flatMap((c) => (c.epci ? [c.epci] : [])));
    expect(principales).toHaveLength(epcisHabites.size);
    expect(epcisHabites.size).toBe(epcis.filter((e) => epcisHabites.has(e.siren)).length);
    expect(principales[0]!.population).toBe(Math.max(...communes.map((c) => c.population)));
  });
});
