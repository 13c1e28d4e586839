/**
 * What the search page's map shows, without Leaflet: places, clusters, bounding boxes. Pure (supercluster
 * does not touch the DOM), so that it is tested in Node and so that the map component only draws.
 *
 * Services at the same address (a structure's several services) make one place: one marker whose popup
 * lists them, instead of markers stacked at the same spot where only the top one can be clicked.
 */
import Supercluster from "supercluster";

/** One in-person result to show on the map. */
export interface PointCarte {
  slug: string;
  nom: string;
  structure: string;
  lat: number;
  lon: number;
  /** Already worded for people, e.g. "à 3 km". */
  distance?: string;
}

/** Services at one address (coordinates equal to about a metre). */
export interface Lieu {
  lat: number;
  lon: number;
  points: PointCarte[];
}

/** [[south, west], [north, east]], the shape Leaflet's fitBounds takes. */
export type Boite = [[number, number], [number, number]];

/** What is drawn at a zoom level: a cluster bubble, or a place's marker. */
export type ElementCarte =
  | { type: "groupe"; cle: string; id: number; lat: number; lon: number; nombreServices: number }
  | { type: "lieu"; cle: string; lieu: number; lat: number; lon: number };

interface ProprietesLieu {
  lieu: number;
  nombreServices: number;
}

export interface IndexCarte {
  lieux: Lieu[];
  /** Slug → index in `lieux`. */
  lieuDuService: Map<string, number>;
  /** Highest zoom at which places are clustered; above it every place stands alone. */
  zoomMaxGroupes: number;
  grappes: Supercluster<ProprietesLieu, ProprietesLieu>;
}

const cleDuLieu = (lat: number, lon: number) => `${lat.toFixed(5)},${lon.toFixed(5)}`;

const coordonneesValides = (p: { lat: number; lon: number }) =>
  Number.isFinite(p.lat) && Number.isFinite(p.lon) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180;

/** Groups points by address, keeping the given order (nearest first) within and between places. */
export function regrouperParLieu(points: readonly PointCarte[]): Lieu[] {
  const lieux: Lieu[] = [];
  const parCle = new Map<string, Lieu>();
  for (const point of points) {
    if (!coordonneesValides(point)) continue;
    const cle = cleDuLieu(point.lat, point.lon);
    const lieu = parCle.get(cle);
    if (lieu) lieu.points.push(point);
    else {
      const nouveau: Lieu = { lat: point.lat, lon: point.lon, points: [point] };
      parCle.set(cle, nouveau);
      lieux.push(nouveau);
    }
  }
  return lieux;
}

/**
 * Builds the cluster index: once per list of results (10,000 points take a few tens of milliseconds),
 * then each view only queries it (well under a millisecond). Clusters count services, not places.
 */
export function creerIndexCarte(
  points: readonly PointCarte[],
  options: { zoomMaxGroupes?: number; /** In pixels. */ rayon?: number } = {},
): IndexCarte {
  const lieux = regrouperParLieu(points);
  const lieuDuService = new Map<string, number>();
  lieux.forEach((lieu, i) => {
    for (const p of lieu.points) if (!lieuDuService.has(p.slug)) lieuDuService.set(p.slug, i);
  });
  // Above 14 (a few hundred metres across a marker) places stand alone; each level fewer also makes
  // the index cheaper to build (10,000 points: ~50 ms instead of ~150 ms at 16 on this machine class).
  const zoomMaxGroupes = options.zoomMaxGroupes ?? 14;
  const grappes = new Supercluster<ProprietesLieu, ProprietesLieu>({
    // Radius in screen pixels: Leaflet's tiles are 256 px (supercluster's default extent, 512, would
    // halve it and multiply the markers drawn).
    extent: 256,
    radius: options.rayon ?? 60,
    maxZoom: zoomMaxGroupes,
    map: (p) => ({ lieu: p.lieu, nombreServices: p.nombreServices }),
    reduce: (cumul, p) => {
      cumul.nombreServices += p.nombreServices;
    },
  });
  grappes.load(
    lieux.map((lieu, i) => ({
      type: "Feature" as const,
      geometry: { type: "Point" as const, coordinates: [lieu.lon, lieu.lat] },
      properties: { lieu: i, nombreServices: lieu.points.length },
    })),
  );
  return { lieux, lieuDuService, zoomMaxGroupes, grappes };
}

/** Clusters and places within a box [west, south, east, north] at a (whole) zoom level. */
export function elementsVisibles(
  index: IndexCarte,
  boite: [number, number, number, number],
  zoom: number,
): ElementCarte[] {
  if (index.lieux.length === 0) return [];
  const z = Math.max(0, Math.round(zoom));
  return index.grappes.getClusters(boite, z).map((f): ElementCarte => {
    const [lon, lat] = f.geometry.coordinates as [number, number];
    const p = f.properties;
    if ("cluster" in p && p.cluster) {
      return { type: "groupe", cle: `g${p.cluster_id}`, id: p.cluster_id, lat, lon, nombreServices: p.nombreServices };
    }
    const lieu = (p as ProprietesLieu).lieu;
    return { type: "lieu", cle: `l${lieu}`, lieu, lat, lon };
  });
}

/** Zoom level at which a cluster splits (to zoom in on a click). */
export function zoomDEclatement(index: IndexCarte, idGroupe: number): number {
  return index.grappes.getClusterExpansionZoom(idGroupe);
}

/**
 * Lowest zoom, from `zoomDepart` up, at which a place has its own marker (not inside a cluster): where
 * "Voir sur la carte" must zoom to for its popup to open.
 */
export function zoomDeDegroupement(index: IndexCarte, lieu: number, zoomDepart: number): number {
  const l = index.lieux[lieu];
  if (!l) return zoomDepart;
  // supercluster stores float32 coordinates (about 2e-5° of precision): a wider box than that.
  const e = 1e-4;
  const boite: [number, number, number, number] = [l.lon - e, l.lat - e, l.lon + e, l.lat + e];
  const plafond = index.zoomMaxGroupes + 1;
  for (let z = Math.max(0, Math.round(zoomDepart)); z < plafond; z++) {
    const seul = index.grappes
      .getClusters(boite, z)
      .some((f) => !("cluster" in f.properties && f.properties.cluster) && f.properties.lieu === lieu);
    if (seul) return z;
  }
  return Math.max(plafond, Math.round(zoomDepart));
}

/** Smallest box holding every point, or null when there is none with valid coordinates. */
export function boiteEnglobante(points: readonly { lat: number; lon: number }[]): Boite | null {
  let sud = Infinity;
  let ouest = Infinity;
  let nord = -Infinity;
  let est = -Infinity;
  for (const p of points) {
    if (!coordonneesValides(p)) continue;
    if (p.lat < sud) sud = p.lat;
    if (p.lat > nord) nord = p.lat;
    if (p.lon < ouest) ouest = p.lon;
    if (p.lon > est) est = p.lon;
  }
  return Number.isFinite(sud) ? [[sud, ouest], [nord, est]] : null;
}

/** Box of `rayonKm` around a position (the chosen commune when no result is in person). */
export function boiteAutour(centre: { lat: number; lon: number }, rayonKm: number): Boite {
  const dLat = rayonKm / 111.32;
  const dLon = rayonKm / (111.32 * Math.max(0.01, Math.cos((centre.lat * Math.PI) / 180)));
  return [
    [Math.max(-90, centre.lat - dLat), Math.max(-180, centre.lon - dLon)],
    [Math.min(90, centre.lat + dLat), Math.min(180, centre.lon + dLon)],
  ];
}

/** The box the map fits when results change: the points and the commune, or the commune and 30 km. */
export function boiteACadrer(
  points: readonly { lat: number; lon: number }[],
  commune?: { lat: number; lon: number } | null,
  rayonKm = 30,
): Boite | null {
  const avecCommune = commune && coordonneesValides(commune) ? [...points, commune] : points;
  if (points.some(coordonneesValides)) return boiteEnglobante(avecCommune);
  return commune && coordonneesValides(commune) ? boiteAutour(commune, rayonKm) : null;
}
