/**
 * The open-data files, in one list: what `/donnees/<nom>` serves and what the `/donnees/` page lists
 * (record count, size), built once from the catalogue so that both say the same thing.
 */
import type { Catalogue } from "../catalogue";
import { csvServices, csvStructures } from "./csv";
import { exporterService, exporterStructure, type OptionsExport } from "./enregistrements";
import { geojsonEnTexte, geojsonServices, geojsonStructures } from "./geojson";

export type FormatFichier = "json" | "csv" | "geojson";
export type GenreFichier = "services" | "structures";

export const TYPES_CONTENU: Readonly<Record<FormatFichier, string>> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  geojson: "application/geo+json",
};

export interface FichierOuvert {
  /** `services.csv`: the file's name under `/donnees/`. */
  nom: string;
  genre: GenreFichier;
  format: FormatFichier;
  /** Records in the file (every file of a genre holds them all). */
  nombre: number;
  contenu: string;
  /** Size in bytes (UTF-8). */
  octets: number;
}

/** Every file: for each genre, JSON, CSV, GeoJSON. */
export function fichiersOuverts(catalogue: Catalogue, o: OptionsExport): FichierOuvert[] {
  const services = catalogue.services.map((s) => exporterService(s, o));
  const structures = catalogue.structures.map((s) => exporterStructure(s, o));
  const contenus: Record<GenreFichier, Record<FormatFichier, string>> = {
    services: {
      // Indented by one space: readable in a browser, 10 % larger than compact.
      json: JSON.stringify(services, null, 1),
      csv: csvServices(services),
      geojson: geojsonEnTexte(geojsonServices(catalogue.services, o)),
    },
    structures: {
      json: JSON.stringify(structures, null, 1),
      csv: csvStructures(structures),
      geojson: geojsonEnTexte(geojsonStructures(catalogue.structures, o)),
    },
  };
  const nombres: Record<GenreFichier, number> = { services: services.length, structures: structures.length };
  const encodeur = new TextEncoder();
  return (["services", "structures"] as const).flatMap((genre) =>
    (["json", "csv", "geojson"] as const).map((format) => {
      const contenu = contenus[genre][format];
      return { nom: `${genre}.${format}`, genre, format, nombre: nombres[genre], contenu, octets: encodeur.encode(contenu).length };
    }),
  );
}

const unDecimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const entier = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

/** "850 octets", "4,2 ko", "37 ko", "1,3 Mo" (1 ko = 1 000 octets). */
export function tailleEnClair(octets: number): string {
  if (octets < 1000) return `${octets} octet${octets > 1 ? "s" : ""}`;
  const enClair = (valeur: number, unite: string) => `${(valeur < 10 ? unDecimal : entier).format(valeur)} ${unite}`;
  // 999 600 octets are "1 Mo", not "1 000 ko".
  return Math.round(octets / 1e3) < 1000 ? enClair(octets / 1e3, "ko") : enClair(octets / 1e6, "Mo");
}
