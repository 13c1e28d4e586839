/**
 * Texts to send a service or a selection by e-mail or text message, with their `mailto:` and `sms:` links.
 * Plain text only (never HTML). Text messages stay within two segments — beyond, some phones and
 * operators drop or garble them — by shortening names, never the link.
 */
import type { FicheCourte } from "../selection/fiche-courte";
import { mesurerSms, type MesureSms } from "./sms";

export const MAX_SEGMENTS_SMS = 2;

export interface Courriel {
  sujet: string;
  corps: string;
  href: string;
}

export interface Sms {
  texte: string;
  href: string;
  mesure: MesureSms;
}

/** "…" is not in the GSM alphabet: in a text that is, "..." keeps the 160-character messages. */
const ELLIPSES = { "UCS-2": "…", "GSM-7": "..." } as const;

/** `mailto:` with subject and body. encodeURIComponent, not URLSearchParams: "+" for spaces breaks mail clients; line breaks as %0D%0A (RFC 6068). */
export function lienCourriel(sujet: string, corps: string): string {
  const encoder = (t: string) => encodeURIComponent(t.replace(/\r?\n/g, "\r\n"));
  return `mailto:?subject=${encoder(sujet)}&body=${encoder(corps)}`;
}

/** `sms:?&body=…`: the form both Android and iOS read, without a recipient. */
export function lienSms(texte: string): string {
  return `sms:?&body=${encodeURIComponent(texte)}`;
}

function sms(texte: string): Sms {
  return { texte, href: lienSms(texte), mesure: mesurerSms(texte) };
}

const tientEnSms = (texte: string) => mesurerSms(texte).segments <= MAX_SEGMENTS_SMS;

/** A text cut to `n` characters (code points) plus an ellipsis. */
function couper(texte: string, n: number, ellipse: string): string {
  const c = Array.from(texte);
  return c.length <= n ? texte : `${c.slice(0, n).join("").trimEnd()}${ellipse}`;
}

/**
 * Shortens the longest of `champs` one character at a time, down to `minimum` characters each,
 * until `rendre(champs)` fits in MAX_SEGMENTS_SMS; undefined when it never does.
 */
function raccourcir(champs: readonly string[], minimum: number, rendre: (champs: string[]) => string): string | undefined {
  const longueurs = champs.map((c) => Array.from(c).length);
  const ellipse = ELLIPSES[mesurerSms(rendre([...champs])).encodage];
  for (;;) {
    const texte = rendre(champs.map((c, i) => couper(c, longueurs[i]!, ellipse)));
    if (tientEnSms(texte)) return texte;
    let plusLong = -1;
    longueurs.forEach((l, i) => {
      if (l > minimum && (plusLong === -1 || l > longueurs[plusLong]!)) plusLong = i;
    });
    if (plusLong === -1) return undefined;
    longueurs[plusLong]!--;
  }
}

const lignes = (...l: (string | undefined | false)[]) => l.filter((x): x is string => typeof x === "string" && x !== "").join("\n");

// ---------------------------------------------------------------------------------------------
// One service.

export function courrielDuService(f: FicheCourte, lien: string): Courriel {
  const sujet = `${f.nom} — ${f.structure}`;
  const bloc = (titre: string, contenu: string[] | undefined) => (contenu && contenu.length > 0 ? `${titre} :\n${contenu.join("\n")}` : undefined);
  const corps = [
    lignes(f.nom, `Proposé par ${f.structure}`),
    f.resume,
    bloc("Adresse", f.adresse),
    f.distanciel ? (f.enPresentiel ? "Sur place ou à distance." : "À distance.") : undefined,
    bloc("Comment en bénéficier", f.mobilisation.map((l) => `- ${l}`)),
    bloc("Horaires", f.horaires?.map((l) => `- ${l}`)),
    lignes(f.contact.telephone && `Téléphone : ${f.contact.telephone.libelle}`, f.contact.courriel && `Courriel : ${f.contact.courriel.libelle}`),
    `Toutes les informations : ${lien}`,
  ]
    .filter((p): p is string => Boolean(p))
    .join("\n\n");
  return { sujet, corps, href: lienCourriel(sujet, corps) };
}

/** Name, structure, phone if any, link; names shortened if needed to fit two text messages. */
export function smsDuService(f: FicheCourte, lien: string): Sms {
  const tel = f.contact.telephone ? `Tél. ${f.contact.telephone.libelle}` : undefined;
  const texte =
    raccourcir([f.nom, f.structure], 1, ([nom, structure]) => lignes(nom, structure, tel, lien)) ??
    raccourcir([f.nom], 1, ([nom]) => lignes(nom, tel, lien)) ??
    lignes(lien);
  return sms(texte);
}

// ---------------------------------------------------------------------------------------------
// A selection.

const offres = (n: number) => (n > 1 ? `${n} offres d'insertion sélectionnées` : `${n} offre d'insertion sélectionnée`);

export function courrielDeSelection(fiches: readonly FicheCourte[], lien: string, note?: string): Courriel {
  const sujet = `${offres(fiches.length).replace(/^./, (c) => c.toUpperCase())} pour vous`;
  const liste = fiches.map((f, i) =>
    lignes(`${i + 1}. ${f.nom} — ${f.structure}`, f.contact.telephone && `   Téléphone : ${f.contact.telephone.libelle}`, f.adresse && `   ${f.adresse.join(", ")}`),
  );
  const corps = [note?.trim(), liste.join("\n"), `Toutes les informations, à imprimer ou à garder : ${lien}`]
    .filter((p): p is string => Boolean(p))
    .join("\n\n");
  return { sujet, corps, href: lienCourriel(sujet, corps) };
}

/** Header, the names (shortened, then fewer « et N autres »), the note if room is left, the link. */
export function smsDeSelection(fiches: readonly FicheCourte[], lien: string, note?: string): Sms {
  const entete = `${offres(fiches.length)} :`;
  const noms = fiches.map((f) => f.nom);
  const rendre = (n: number, avecNote: boolean) => (champs: string[]) =>
    lignes(
      avecNote && note?.trim(),
      entete,
      ...champs.map((c) => `- ${c}`),
      n > 0 && n < fiches.length && `et ${fiches.length - n} ${fiches.length - n > 1 ? "autres" : "autre"}`,
      lien,
    );
  let texte = raccourcir(noms, 20, rendre(noms.length, true)) ?? raccourcir(noms, 12, rendre(noms.length, false));
  for (let n = noms.length - 1; texte === undefined && n >= 0; n--) texte = raccourcir(noms.slice(0, n), 12, rendre(n, false));
  return sms(texte ?? lignes(entete, lien));
}
