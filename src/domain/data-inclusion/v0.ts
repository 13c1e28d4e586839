/**
 * Records in data·inclusion's former schema (v0): its own field names, gone from v1. Such a record is
 * refused, one problem per v0 field naming what replaced it (../reference: data-inclusion-formats.md,
 * table v0 → v1), so that whoever exported it knows to export v1 instead.
 */

/** v0 field → the v1 field(s) that replaced it, in words; undefined when v1 dropped it. */
const CHAMPS_V0: Readonly<Record<string, string | undefined>> = {
  _di_surrogate_id: "« id » (« source--id », deux tirets)",
  types: "« type » (un seul type)",
  profils: "« publics »",
  profils_precisions: "« publics_precisions »",
  frais_autres: "« frais_precisions »",
  pre_requis: "« conditions_acces »",
  justificatifs: "« conditions_acces »",
  prise_rdv: "« lien_mobilisation »",
  formulaire_en_ligne: "« lien_mobilisation »",
  page_web: "« lien_mobilisation »",
  recurrence: "« horaires_accueil »",
  contact_public: undefined,
  cumulable: undefined,
  date_creation: undefined,
  date_suspension: undefined,
  presentation_resume: "« description »",
  presentation_detail: "« description »",
  typologie: "« reseaux_porteurs »",
  labels_nationaux: "« reseaux_porteurs »",
  labels_autres: undefined,
  horaires_ouverture: "« horaires_accueil »",
  accessibilite: "« accessibilite_lieu »",
  antenne: undefined,
  rna: undefined,
};

/** Families of v0 fields: `modes_orientation_beneficiaire`, `zone_diffusion_code`… */
const PREFIXES_V0: ReadonlyArray<readonly [string, string]> = [
  ["modes_orientation_", "« modes_mobilisation », « mobilisable_par » et « mobilisation_precisions »"],
  ["zone_diffusion_", "« zone_eligibilite » (une liste de codes)"],
];

const EXPORTEZ = "exportez les données en v1";

/** v0 wrote `frais` as a list (`['gratuit', 'adhesion']`); a CSV cell keeps it as the list's text. */
function fraisEnListe(valeur: unknown): boolean {
  return Array.isArray(valeur) || (typeof valeur === "string" && /^\s*\[.*\]\s*$/s.test(valeur));
}

/** One problem per v0 field of the record (none for a v1 record). */
export function problemesV0(champs: Readonly<Record<string, unknown>>): { champ: string; message: string }[] {
  const problemes: { champ: string; message: string }[] = [];
  for (const champ of Object.keys(champs)) {
    const prefixe = PREFIXES_V0.find(([p]) => champ.startsWith(p));
    if (!(champ in CHAMPS_V0) && !prefixe) continue;
    const remplacant = prefixe ? prefixe[1] : CHAMPS_V0[champ];
    const devenir = remplacant ? `remplacé par ${remplacant} en v1` : "supprimé en v1";
    problemes.push({ champ, message: `champ du schéma data·inclusion v0, ${devenir} : ${EXPORTEZ}` });
  }
  if (fraisEnListe(champs.frais)) {
    problemes.push({
      champ: "frais",
      message: `liste de frais du schéma data·inclusion v0, remplacée par un seul code en v1 (gratuit ou payant) : ${EXPORTEZ}`,
    });
  }
  return problemes;
}
