/** The one place that builds the `opening_hours` library's object: its country and mode. */
import OpeningHours from "opening_hours";
import type { nominatim_object, optional_conf } from "opening_hours";

/** Country for public holidays (PH). No region: school holidays (SH) are not evaluated. */
const LIEU = {
  lat: "46.6",
  lon: "2.4",
  address: { country_code: "fr", state: "" },
} as unknown as nominatim_object; // The library reads lat/lon as strings, its types say number.

const CONFIGURATION: optional_conf = {
  mode: 0, // time ranges, as for the opening_hours key
  locale: "fr",
  tag_key: undefined,
  map_value: undefined,
  warnings_severity: undefined,
};

/** The library's reading of a value (throws on an invalid one). */
export function construire(valeur: string): OpeningHours {
  return new OpeningHours(valeur, LIEU, CONFIGURATION);
}
