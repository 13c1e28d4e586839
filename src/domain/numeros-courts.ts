/**
 * Short national numbers a service may be reached by (data·inclusion `telephone` accepts them): shown as
 * tap-to-call links like any number, and the emergency ones put their services first for the needs they serve.
 */

export interface NumeroCourt {
  /** Digits only, as dialled. */
  numero: string;
  /** What a person reaches, in everyday words. */
  libelle: string;
  /** Reached at any hour for an emergency: such services come first in results. */
  urgence: boolean;
}

export const NUMEROS_COURTS: readonly NumeroCourt[] = [
  { numero: "115", libelle: "Samu social : hébergement d'urgence", urgence: true },
  { numero: "119", libelle: "Allô Enfance en danger", urgence: true },
  { numero: "3919", libelle: "Violences Femmes Info", urgence: true },
  { numero: "15", libelle: "Samu : urgence médicale", urgence: true },
  { numero: "17", libelle: "Police secours", urgence: true },
  { numero: "18", libelle: "Pompiers", urgence: true },
  { numero: "112", libelle: "Numéro d'urgence européen", urgence: true },
  { numero: "114", libelle: "Urgences par SMS ou visio (personnes sourdes ou malentendantes)", urgence: true },
  { numero: "3114", libelle: "Prévention du suicide", urgence: true },
  { numero: "116117", libelle: "Médecin de garde, le soir et le week-end", urgence: false },
  { numero: "3977", libelle: "Maltraitance des personnes âgées ou handicapées", urgence: false },
  { numero: "3949", libelle: "France Travail", urgence: false },
  { numero: "3230", libelle: "Caf", urgence: false },
  { numero: "3646", libelle: "Assurance maladie", urgence: false },
  { numero: "3960", libelle: "Assurance retraite", urgence: false },
  { numero: "3939", libelle: "Allô Service public", urgence: false },
];

const parNumero = new Map(NUMEROS_COURTS.map((n) => [n.numero, n]));

/** The table's entry for a number written any way ("1 15", "3919"), or undefined. */
export function numeroCourt(telephone: string): NumeroCourt | undefined {
  return parNumero.get(telephone.replace(/[\s.\-]/g, ""));
}

/** True when the number is one of the table's emergency numbers. */
export function estNumeroDUrgence(telephone: string | undefined): boolean {
  return telephone !== undefined && numeroCourt(telephone)?.urgence === true;
}
