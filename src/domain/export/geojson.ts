/**
 * The catalogue as GeoJSON (RFC 7946) for GIS tools: one feature per record, in the records' order, every
 * field of the data·inclusion v1 record as a property (lists as JSON arrays), plus `position_approchee`.
 *
 * The point is the place's coordinates, else its commune's centre (`Lieu.position`, the one the site's map
 * uses): then `position_approchee` is true, and the properties `latitude`/`longitude` stay null as in the
 * record. A record with no place at all (a service given only remotely) keeps its feature with
 * `geometry: null`, which RFC 7946 allows ("unlocated" feature): QGIS, GDAL/ogr2ogr and geopandas load it
 * as a row without a point, web maps (Leaflet, MapLibre) skip it, and the file holds the same records as
 * the CSV and the JSON, as data·inclusion's own GeoJSON dump does.
 */
import type { Lieu, Service, Structure } from "../catalogue";
import { exporterService, exporterStructure, type OptionsExport } from "./enregistrements";

export interface PointGeoJson {
  type: "Point";
  /** [longitude, latitude], WGS 84 (EPSG:4326). */
  coordinates: [number, number];
}

export interface ProprietesPosition {
  /** True: the point is the commune's centre, not the place itself; null when there is no point. */
  position_approchee: boolean | null;
}

export interface FeatureGeoJson<P> {
  type: "Feature";
  geometry: PointGeoJson | null;
  properties: P & ProprietesPosition;
}

export interface FeatureCollectionGeoJson<P> {
  type: "FeatureCollection";
  features: FeatureGeoJson<P>[];
}

/** One feature: the record as properties, the place's position as point. */
export function featureDe<P extends object>(enregistrement: P, lieu: Lieu | undefined): FeatureGeoJson<P> {
  const position = lieu?.position;
  return {
    type: "Feature",
    geometry: position ? { type: "Point", coordinates: [position.lon, position.lat] } : null,
    properties: { ...enregistrement, position_approchee: position ? lieu!.positionApprochee : null },
  };
}

export function geojsonServices(services: readonly Service[], o: OptionsExport) {
  return collection(services.map((s) => featureDe(exporterService(s, o), s.lieu)));
}

export function geojsonStructures(structures: readonly Structure[], o: OptionsExport) {
  return collection(structures.map((s) => featureDe(exporterStructure(s, o), s.lieu)));
}

function collection<P>(features: FeatureGeoJson<P>[]): FeatureCollectionGeoJson<P> {
  return { type: "FeatureCollection", features };
}

/** The file's text: one feature per line (as GDAL writes it), readable and diffable, yet compact. */
export function geojsonEnTexte(fc: FeatureCollectionGeoJson<unknown>): string {
  const lignes = fc.features.map((f) => JSON.stringify(f));
  return `{"type":"FeatureCollection","features":[\n${lignes.join(",\n")}\n]}\n`;
}
