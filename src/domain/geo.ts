/** Distances on the Earth's surface: haversine on a sphere of mean radius, precise to ~0.5 %. */

export interface Position {
  readonly lat: number;
  readonly lon: number;
}

const RAYON_TERRE_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

export function distanceKm(a: Position, b: Position): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * RAYON_TERRE_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** "à 800 m", "à 3 km", "à 12 km": what a person needs, not decimals. */
export function distanceEnClair(km: number): string {
  if (km < 1) return `à ${Math.max(100, Math.round((km * 1000) / 100) * 100)} m`;
  if (km < 10) return `à ${km.toFixed(1).replace(".0", "").replace(".", ",")} km`;
  return `à ${Math.round(km)} km`;
}
