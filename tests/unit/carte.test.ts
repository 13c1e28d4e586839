import { describe, expect, it } from "vitest";
import {
  boiteACadrer,
  boiteAutour,
  boiteEnglobante,
  creerIndexCarte,
  elementsVisibles,
  regrouperParLieu,
  zoomDEclatement,
  zoomDeDegroupement,
  type PointCarte,
} from "../../src/domain/carte";
import { distanceKm } from "../../src/domain/geo";

const point = (slug: string, lat: number, lon: number): PointCarte => ({ slug, nom: `Service ${slug}`, structure: "S", lat, lon });

/** Deterministic pseudo-random points over the Vienne. */
function pointsAleatoires(n: number): PointCarte[] {
  let graine = 42;
  // mulberry32: exact in 32-bit integers, so no repeated pairs.
  const alea = () => {
    graine = (graine + 0x6d2b79f5) | 0;
    let t = Math.imul(graine ^ (graine >>> 15), 1 | graine);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return Array.from({ length: n }, (_, i) => point(`s${i}`, 46.05 + alea() * 1.2, -0.1 + alea() * 1.3));
}

const MONDE: [number, number, number, number] = [-180, -85, 180, 85];
const somme = (els: ReturnType<typeof elementsVisibles>, index: ReturnType<typeof creerIndexCarte>) =>
  els.reduce((n, e) => n + (e.type === "groupe" ? e.nombreServices : index.lieux[e.lieu]!.points.length), 0);

describe("places", () => {
  it("groups services at the same address, in the given order, and drops invalid coordinates", () => {
    const lieux = regrouperParLieu([
      point("a", 46.58, 0.34),
      point("b", 46.6, 0.35),
      point("c", 46.580001, 0.340001),
      point("d", Number.NaN, 0.3),
      point("e", 95, 0.3),
    ]);
    expect(lieux.map((l) => l.points.map((p) => p.slug))).toEqual([["a", "c"], ["b"]]);
  });
});

describe("cluster index", () => {
  it("accounts for every service at every zoom, clusters counting services", () => {
    const points = [...pointsAleatoires(500), point("double1", 46.58, 0.34), point("double2", 46.58, 0.34)];
    const index = creerIndexCarte(points);
    expect(index.lieux.length).toBe(501);
    for (let z = 0; z <= 18; z++) expect(somme(elementsVisibles(index, MONDE, z), index)).toBe(502);
    // Far out, a few bubbles; close in, every place on its own.
    expect(elementsVisibles(index, MONDE, 5).length).toBeLessThan(10);
    expect(elementsVisibles(index, MONDE, index.zoomMaxGroupes + 1).every((e) => e.type === "lieu")).toBe(true);
  });

  it("returns only what is in the box", () => {
    const index = creerIndexCarte([point("poitiers", 46.58, 0.34), point("loudun", 47.01, 0.08)]);
    const autourDePoitiers = elementsVisibles(index, [0.3, 46.55, 0.4, 46.6], 12);
    expect(autourDePoitiers).toEqual([{ type: "lieu", cle: "l0", lieu: 0, lat: 46.58, lon: 0.34 }]);
    expect(elementsVisibles(creerIndexCarte([]), MONDE, 10)).toEqual([]);
  });

  it("zooms into a cluster to where it splits, and finds where a place stands alone", () => {
    const index = creerIndexCarte([point("a", 46.58, 0.34), point("b", 46.581, 0.341), point("c", 47.01, 0.08)]);
    const groupe = elementsVisibles(index, MONDE, 8).find((e) => e.type === "groupe");
    expect(groupe?.type === "groupe" && groupe.nombreServices).toBe(2);
    if (groupe?.type !== "groupe") throw new Error("cluster expected");
    const z = zoomDEclatement(index, groupe.id);
    expect(z).toBeGreaterThan(8);
    expect(elementsVisibles(index, MONDE, z).filter((e) => e.type === "lieu")).toHaveLength(3);

    const lieuA = index.lieuDuService.get("a")!;
    const zA = zoomDeDegroupement(index, lieuA, 5);
    expect(zA).toBe(z);
    expect(elementsVisibles(index, MONDE, zA).some((e) => e.type === "lieu" && e.lieu === lieuA)).toBe(true);
    expect(elementsVisibles(index, MONDE, zA - 1).some((e) => e.type === "lieu" && e.lieu === lieuA)).toBe(false);
    // Already alone: stays at the starting zoom.
    expect(zoomDeDegroupement(index, index.lieuDuService.get("c")!, 9)).toBe(9);
    expect(zoomDeDegroupement(index, index.lieuDuService.get("c")!, 3)).toBeGreaterThan(3);
  });

  it("indexes 10,000 points quickly and answers a view in well under a frame", () => {
    const points = pointsAleatoires(10_000);
    const debut = performance.now();
    const index = creerIndexCarte(points);
    const construction = performance.now() - debut;
    const t = performance.now();
    // The whole département at zoom 9, about what a wide screen's map shows.
    const els = elementsVisibles(index, [-0.2, 46, 1.3, 47.3], 9);
    const requete = performance.now() - t;
    expect(index.lieux).toHaveLength(10_000);
    expect(somme(els, index)).toBe(10_000);
    expect(els.length).toBeLessThan(250);
    expect(construction).toBeLessThan(1000);
    expect(requete).toBeLessThan(16);
  });
});

describe("bounding boxes", () => {
  it("boiteEnglobante holds every valid point", () => {
    expect(boiteEnglobante([point("a", 46.58, 0.34), point("b", 47.01, 0.08), point("c", Number.NaN, 3)])).toEqual([
      [46.58, 0.08],
      [47.01, 0.34],
    ]);
    expect(boiteEnglobante([])).toBeNull();
  });

  it("boiteAutour reaches the given distance on each side", () => {
    const centre = { lat: 46.58, lon: 0.34 };
    const [[s, o], [n, e]] = boiteAutour(centre, 30);
    expect(distanceKm(centre, { lat: n, lon: centre.lon })).toBeCloseTo(30, 0);
    expect(distanceKm(centre, { lat: s, lon: centre.lon })).toBeCloseTo(30, 0);
    expect(distanceKm(centre, { lat: centre.lat, lon: e })).toBeCloseTo(30, 0);
    expect(distanceKm(centre, { lat: centre.lat, lon: o })).toBeCloseTo(30, 0);
  });

  it("boiteACadrer: the points and the commune, else the commune and 30 km, else nothing", () => {
    const commune = { lat: 46.8, lon: 0.55 };
    expect(boiteACadrer([point("a", 46.58, 0.34)], commune)).toEqual([
      [46.58, 0.34],
      [46.8, 0.55],
    ]);
    expect(boiteACadrer([], commune)).toEqual(boiteAutour(commune, 30));
    expect(boiteACadrer([], undefined)).toBeNull();
  });
});
