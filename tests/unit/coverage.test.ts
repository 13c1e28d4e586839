import { describe, expect, it } from "vitest";
import { communeParCode } from "../../src/domain/communes";
import { couverture, departementDeLaCommune, servicesPourLaCommune, RAYON_KM } from "../../src/domain/coverage";
import { distanceKm } from "../../src/domain/geo";
import type { Service } from "../../src/domain/catalogue";

const poitiers = communeParCode("86194")!;
const chatellerault = communeParCode("86066")!;
const loudun = communeParCode("86137")!;
const availles = communeParCode("86015")!; // Availles-Limouzine, south-east edge of the Vienne

type S = Pick<Service, "nom" | "zone_eligibilite" | "modes_accueil" | "lieu">;
const a = (nom: string, centre: { lat: number; lon: number }, extra: Partial<S> = {}): S => ({
  nom,
  modes_accueil: ["en-presentiel"],
  lieu: { position: centre, positionApprochee: false },
  ...extra,
});

describe("règle de couverture", () => {
  it("serves a commune within 50 km of the place when the zone is empty", () => {
    expect(couverture(a("Atelier", chatellerault.centre), poitiers)?.distanceKm).toBeCloseTo(distanceKm(poitiers.centre, chatellerault.centre), 5);
  });

  it("does not serve a commune farther than 50 km from an in-person-only place", () => {
    const d = distanceKm(loudun.centre, availles.centre);
    expect(d).toBeGreaterThan(RAYON_KM);
    expect(couverture(a("Permanence", loudun.centre), availles)).toBeUndefined();
  });

  it("serves far communes when the service is also remote, without a distance", () => {
    expect(couverture(a("Permanence", loudun.centre, { modes_accueil: ["en-presentiel", "a-distance"] }), availles)).toEqual({});
  });

  it("requires the commune, its EPCI, its département or france in a non-empty zone", () => {
    const service = (zone: string[]) => a("Service", poitiers.centre, { zone_eligibilite: zone });
    expect(couverture(service(["86194"]), poitiers)).toBeDefined();
    expect(couverture(service([poitiers.epci!]), poitiers)).toBeDefined();
    expect(couverture(service(["86"]), poitiers)).toBeDefined();
    expect(couverture(service(["france"]), poitiers)).toBeDefined();
    expect(couverture(service(["86066"]), poitiers)).toBeUndefined();
    expect(couverture(service([chatellerault.epci!]), poitiers)).toBeUndefined();
    expect(couverture(service(["79"]), poitiers)).toBeUndefined();
  });

  it("counts a remote-only service without a place", () => {
    expect(couverture({ modes_accueil: ["a-distance"], zone_eligibilite: ["86"] }, availles)).toEqual({});
    expect(couverture({ modes_accueil: ["en-presentiel"] }, availles)).toBeUndefined();
  });

  it("sorts nearest first, then by name, remote-only last", () => {
    const resultats = servicesPourLaCommune(
      [
        a("Zèbre à distance", poitiers.centre, { modes_accueil: ["a-distance"] }),
        a("Loin", chatellerault.centre),
        a("Beta ici", poitiers.centre),
        a("Alpha ici", poitiers.centre),
        { nom: "Aaa ligne", modes_accueil: ["a-distance"] } as S,
      ],
      poitiers,
    );
    expect(resultats.map((r) => r.service.nom)).toEqual(["Alpha ici", "Beta ici", "Loin", "Aaa ligne", "Zèbre à distance"]);
    expect(resultats[3]?.distanceKm).toBeUndefined();
  });

  it("knows overseas département codes", () => {
    expect(departementDeLaCommune("97411")).toBe("974");
    expect(departementDeLaCommune("86194")).toBe("86");
  });
});
