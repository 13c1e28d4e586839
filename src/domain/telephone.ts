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
