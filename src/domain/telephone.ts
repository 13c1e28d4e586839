/** French phone numbers for people ("05 36 49 12 34") and for links ("tel:+33536491234"). */

export function chiffresDuTelephone(numero: string): string {
  return numero.replace(/[\s.\-]/g, "");
}

export function telephoneEnClair(numero: string): string {
  const chiffres = chiffresDuTelephone(numero);
  if (/^0\d{9}$/.test(chiffres)) return chiffres.replace(/(\d{2})(?=\d)/g, "$1 ");
  if (/^\+33\d{9}$/.test(chiffres)) return `0${chiffres.slice(3)}`.replace(/(\d{2})(?=\d)/g, "$1 ");
  return chiffres;
}

export function lienTelephone(numero: string): string {
  const chiffres = chiffresDuTelephone(numero);
  if (/^0\d{9}$/.test(chiffres)) return `tel:+33${chiffres.slice(1)}`;
  return `tel:${chiffres}`;
}

// Spaces, dots and dashes may sit anywhere in a number (« 05.49 00-00 00 », « 39 49 »).
const SEP = "[\\s.\\-]*";

/**
 * The phone numbers a listing may give: 10 digits starting with 0, +33 and 9 digits, or a short number
 * (1x, 1xx, 3xxx), with spaces, dots or dashes anywhere. One rule for the validator (schema) and the CMS
 * form (its pattern): a regex on the text as typed, so that the form needs no code of its own.
 */
export const MOTIF_TELEPHONE = new RegExp(
  `^${SEP}(?:0${SEP}[1-9](?:${SEP}\\d){8}|\\+${SEP}3${SEP}3${SEP}[1-9](?:${SEP}\\d){8}|1(?:${SEP}\\d){1,2}|3(?:${SEP}\\d){3})${SEP}$`,
);

/** What the validator and the form say of a number that is not one (after the number, or « Ce numéro »). */
export const EXPLICATION_TELEPHONE = "n'est pas un numéro de téléphone français (10 chiffres comme 05 49 00 00 00, ou numéro court comme 3949)";

export function estTelephoneFrancais(numero: string): boolean {
  return MOTIF_TELEPHONE.test(numero);
}
