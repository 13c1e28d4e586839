/**
 * Texts to send a service or a selection by e-mail or text message, with their `mailto:` and `sms:` links.
 * Plain text only (never HTML). Text messages stay within two segments where they can — beyond, some
 * phones and operators drop or garble them — by writing typography in the GSM alphabet, then shortening
 * names after a whole word, then naming fewer services; never the link, never the note.
 */
import type { FicheCourte } from "../selection/fiche-courte";
import { lienDeSelection, type SelectionPartagee } from "../selection/lien";
import { mesurerSms, versGsm, type MesureSms } from "./sms";
import { lienCourriel } from "../courriel";

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

/** `sms:?&body=…`: the form both Android and iOS read, without a recipient. */
export function lienSms(texte: string): string {
  return `sms:?&body=${encodeURIComponent(texte)}`;
}

function sms(texte: string): Sms {
  return { texte, href: lienSms(texte), mesure: mesurerSms(texte) };
}

const tientEnSms = (texte: string) => mesurerSms(texte).segments <= MAX_SEGMENTS_SMS;

// What a shortened name should not end on: « Accompagnement des... » reads worse than « Accompagnement... ».
const MOTS_PENDANTS = new Set(["à", "au", "aux", "avec", "dans", "de", "des", "du", "en", "et", "la", "le", "les", "ou", "par", "pour", "sans", "sur", "vers"]);
const PONCTUATION_PENDANTE = /[,;:.(\[–—-]+$/u;

/** The first `n` words of a name and an ellipsis, without a dangling « : », « – » or « des »; the whole name when n covers it. */
export function premiersMots(nom: string, n: number, ellipse: string): string {
  const mots = nom.trim().split(/\s+/);
  if (n >= mots.length) return nom.trim();
  const debut = mots.slice(0, Math.max(1, n));
  const pendant = (mot: string) => MOTS_PENDANTS.has(mot.toLowerCase()) || mot.replace(PONCTUATION_PENDANTE, "") === "";
  while (debut.length > 1 && pendant(debut[debut.length - 1]!)) debut.pop();
  return `${debut.join(" ").replace(PONCTUATION_PENDANTE, "") || debut.join(" ")}${ellipse}`;
}

// The note field re-renders the texts at each keystroke: the same names are shortened again and again.
const retenus = new Map<string, string>();
function premiersMotsRetenus(nom: string, n: number, ellipse: string): string {
  const cle = `${n}\u0000${ellipse}\u0000${nom}`;
  let texte = retenus.get(cle);
  if (texte === undefined) {
    if (retenus.size > 20_000) retenus.clear();
    retenus.set(cle, (texte = premiersMots(nom, n, ellipse)));
  }
  return texte;
}

/**
 * Drops the last word of the longest of `champs`, one word at a time, until `rendre(champs)` fits in
 * MAX_SEGMENTS_SMS; a name keeps at least `plancher` characters of whole words (and always its first word).
 * Undefined when it never fits. Names are cut between words only: the link says the rest.
 */
function raccourcir(champs: readonly string[], plancher: number, rendre: (champs: string[]) => string): string | undefined {
  const mots = champs.map((c) => c.trim().split(/\s+/).length);
  const ellipse = ELLIPSES[mesurerSms(rendre([...champs])).encodage];
  const rendu = (i: number, n: number) => premiersMotsRetenus(champs[i]!, n, ellipse);
  const peutPerdreUnMot = (i: number, n: number) => n > 1 && Array.from(rendu(i, n - 1).slice(0, -ellipse.length)).length >= plancher;
  // Every name at its shortest first: when even that does not fit, nothing will (and the note field, which
  // re-renders the texts at each keystroke, is not slowed by hopeless tries).
  const auPlusCourt = mots.map((n, i) => {
    while (peutPerdreUnMot(i, n)) n--;
    return n;
  });
  if (!tientEnSms(rendre(champs.map((_, i) => rendu(i, auPlusCourt[i]!))))) return undefined;
  for (;;) {
    const courants = champs.map((_, i) => rendu(i, mots[i]!));
    const texte = rendre(courants);
    if (tientEnSms(texte)) return texte;
    let plusLong = -1;
    mots.forEach((n, i) => {
      if (peutPerdreUnMot(i, n) && (plusLong === -1 || Array.from(courants[i]!).length > Array.from(courants[plusLong]!).length)) plusLong = i;
    });
    if (plusLong === -1) return undefined;
    mots[plusLong]!--;
  }
}

/**
 * The first text that fits among `essais` (most complete first): the texts as written when the complete one
 * fits, else with their typography in the GSM alphabet (versGsm). Each essai gets the writing to apply to its
 * words; the last one is returned even when it does not fit.
 */
type Ecriture = (texte: string) => string;

function premierQuiTient(complet: (t: Ecriture) => string, essais: ((t: Ecriture) => string | undefined)[], dernier: (t: Ecriture) => string): Sms {
  const telQuel = complet((texte) => texte);
  if (tientEnSms(telQuel)) return sms(telQuel);
  for (const essai of essais) {
    const texte = essai(versGsm);
    if (texte !== undefined) return sms(texte);
  }
  return sms(dernier(versGsm));
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
  return { sujet, corps, href: lienCourriel({ sujet, corps }) };
}

/** Name, structure, phone if any, link; names shortened after a whole word if needed to fit two text messages. */
export function smsDuService(f: FicheCourte, lien: string): Sms {
  const tel = f.contact.telephone ? `Tél. ${f.contact.telephone.libelle}` : undefined;
  const rendre = (champs: string[]) => lignes(...champs, tel, lien);
  return premierQuiTient(
    () => rendre([f.nom, f.structure]),
    [
      (t) => raccourcir([t(f.nom), t(f.structure)], 20, rendre),
      (t) => raccourcir([t(f.nom), t(f.structure)], 0, rendre),
      (t) => raccourcir([t(f.nom)], 0, rendre),
    ],
    () => rendre([]),
  );
}

// ---------------------------------------------------------------------------------------------
// A selection.

const offres = (n: number) => (n > 1 ? `${n} offres d'insertion sélectionnées` : `${n} offre d'insertion sélectionnée`);

/**
 * The link an e-mail or a text message sends: the selection's services and commune, not its note, which the
 * message writes in words instead (in the link, it would read « mardi%20%C3%A0%2010%20h »).
 */
export function lienDuMessage(selection: SelectionPartagee, urlPublique: string): string {
  return lienDeSelection({ codes: selection.codes, ...(selection.commune ? { commune: selection.commune } : {}) }, urlPublique);
}

/** The note first, then each service's name, structure, phone, address and page, then the selection's link. */
export function courrielDeSelection(fiches: readonly FicheCourte[], selection: SelectionPartagee, urlPublique: string): Courriel {
  const sujet = `${offres(fiches.length).replace(/^./, (c) => c.toUpperCase())} pour vous`;
  const racine = urlPublique.replace(/\/+$/, "");
  const liste = fiches.map((f, i) =>
    lignes(
      `${i + 1}. ${f.nom} — ${f.structure}`,
      f.contact.telephone && `   Téléphone : ${f.contact.telephone.libelle}`,
      f.adresse && `   ${f.adresse.join(", ")}`,
      `   ${racine}${f.href}`,
    ),
  );
  const corps = [selection.note?.trim(), liste.join("\n"), `Toutes les informations, à imprimer ou à garder : ${lienDuMessage(selection, urlPublique)}`]
    .filter((p): p is string => Boolean(p))
    .join("\n\n");
  return { sujet, corps, href: lienCourriel({ sujet, corps }) };
}

/**
 * The note (whole), a header, the names (whole, then shortened after a word, then fewer with « et N autres »)
 * and the link (whole): within two messages where it can be, dropping the names, then the header, if it must.
 */
export function smsDeSelection(fiches: readonly FicheCourte[], selection: SelectionPartagee, urlPublique: string): Sms {
  const lien = lienDuMessage(selection, urlPublique);
  const note = selection.note?.trim();
  const entete = `${offres(fiches.length)} :`;
  // The note, the header and the names as written (or in GSM), once: the tries below render them many times.
  const ecrits = new Map<Ecriture, { note?: string; entete: string; noms: string[] }>();
  const ecrit = (t: Ecriture) => {
    if (!ecrits.has(t)) ecrits.set(t, { ...(note ? { note: t(note) } : {}), entete: t(entete), noms: fiches.map((f) => t(f.nom)) });
    return ecrits.get(t)!;
  };
  const rendre = (t: Ecriture, n: number) => (champs: string[]) =>
    lignes(
      ecrit(t).note,
      ecrit(t).entete,
      ...champs.map((c) => `- ${c}`),
      n > 0 && n < fiches.length && `et ${fiches.length - n} ${fiches.length - n > 1 ? "autres" : "autre"}`,
      lien,
    );
  const noms = (t: Ecriture, n: number) => ecrit(t).noms.slice(0, n);
  // As many names as fit with at least 20, then 12 characters of whole words each; only then down to their first word.
  const nombres = Array.from({ length: fiches.length }, (_, i) => fiches.length - i);
  // No name at all; then not even the header (25 services: the link alone takes 275 characters).
  const sansNoms = (t: Ecriture) => rendre(t, 0)([]);
  const essais: ((t: Ecriture) => string | undefined)[] = [...nombres.flatMap((n) => [[n, 20], [n, 12]] as const), ...nombres.map((n) => [n, 0] as const)].map(
    // When the text without any name does not fit, no text with names will.
    ([n, plancher]) => (t: Ecriture) => (tientEnSms(sansNoms(t)) ? raccourcir(noms(t, n), plancher, rendre(t, n)) : undefined),
  );
  const sansEntete = (t: Ecriture) => lignes(ecrit(t).note, lien);
  for (const texte of [sansNoms, sansEntete]) essais.push((t) => (tientEnSms(texte(t)) ? texte(t) : undefined));
  return premierQuiTient((t) => rendre(t, fiches.length)(noms(t, fiches.length)), essais, sansNoms);
}
