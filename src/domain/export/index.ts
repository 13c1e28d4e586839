/** Open data: the v1 records (enregistrements.ts), written as CSV (csv.ts) and GeoJSON (geojson.ts), and the list of files (fichiers.ts). */
export * from "./enregistrements";
export * from "./csv";
export * from "./geojson";
export * from "./fichiers";
