/**
 * A shared selection of services as a link: `/selection/?s=ab12cd34.ef56gh78&commune=86194#note=…`.
 * Codes (selection/code.ts) keep the link short enough for a QR code; the commune lets the page say
 * distances; the note sits in the fragment, which browsers never send to a server.
 * Everything returned is plain text: consumers must never render it as HTML.
 */
import { communeParCode, departement } from "../communes";
import { formeDeCommune, LIBELLE_NOTE, lireCodes, LONGUEUR_MAX_NOTE, MAX_SERVICES_PAR_SELECTION, nettoyerNote } from "./contenu";

export { LIBELLE_NOTE, LONGUEUR_MAX_NOTE, MAX_SERVICES_PAR_SELECTION };

export interface SelectionPartagee {
  codes: string[];
  /** INSEE code of a commune of the territory. */
  commune?: string;
  note?: string;
}

export interface LectureSelection {
  selection: SelectionPartagee;
  /** French sentences for the person opening the link (plain text). */
  problemes: string[];
}

export const CHEMIN_SELECTION = "/selection/";

/** Today's INSEE code of a commune of the territory (a merged commune's former code gives today's), else undefined. */
function communeDeLaSelection(code: unknown): string | undefined {
  const forme = formeDeCommune(code);
  return forme ? communeParCode(forme)?.code : undefined;
}

/** `s` separator: "." is never percent-encoded and never a code character. */
const SEPARATEUR = ".";

/** The selection as a link keeps it: valid codes, no repeats, a known commune, a clean note. */
function normaliser(sel: SelectionPartagee): SelectionPartagee {
  const commune = communeDeLaSelection(sel.commune);
  const { note } = nettoyerNote(sel.note);
  return { codes: lireCodes(sel.codes).codes, ...(commune ? { commune } : {}), ...(note ? { note } : {}) };
}

/** Path + query + fragment, e.g. `/selection/?s=ab12cd34.ef56gh78&commune=86194#note=…`. */
export function cheminDeSelection(sel: SelectionPartagee): string {
  const { codes, commune, note } = normaliser(sel);
  let chemin = `${CHEMIN_SELECTION}?s=${codes.join(SEPARATEUR)}`;
  if (commune) chemin += `&commune=${encodeURIComponent(commune)}`;
  // encodeURIComponent, not URLSearchParams: a space must stay %20, not "+".
  if (note) chemin += `#note=${encodeURIComponent(note)}`;
  return chemin;
}

/** Absolute link from the site's public URL (site.config.ts `urlPublique`). */
export function lienDeSelection(sel: SelectionPartagee, urlPublique: string): string {
  return urlPublique.replace(/\/+$/, "") + cheminDeSelection(sel);
}

const citerCourt = (texte: string) => `« ${Array.from(texte).length > 24 ? `${Array.from(texte).slice(0, 24).join("")}…` : texte} »`;

/** Reads `location.search` and `location.hash`; never throws. */
export function lireSelectionPartagee(search: string, hash: string): LectureSelection {
  const problemes: string[] = [];
  const requete = new URLSearchParams(String(search ?? "").replace(/^\?/, ""));
  const fragment = new URLSearchParams(String(hash ?? "").replace(/^#/, ""));

  const s = requete.get("s") ?? "";
  const lus = lireCodes(s.split(SEPARATEUR));
  for (const illisible of lus.illisibles) problemes.push(`Le lien contient un identifiant illisible : ${citerCourt(illisible)}. Il est ignoré.`);
  if (lus.enTrop > 0) {
    problemes.push(`Le lien contient plus de ${MAX_SERVICES_PAR_SELECTION} offres : seules les ${MAX_SERVICES_PAR_SELECTION} premières sont affichées.`);
  }
  if (lus.codes.length === 0 && lus.illisibles.length === 0) {
    problemes.push("Ce lien ne contient aucune offre : il est peut-être incomplet. Demandez à la personne qui vous l'a envoyé de le partager à nouveau.");
  }

  const communeBrute = requete.get("commune")?.trim();
  const commune = communeDeLaSelection(communeBrute);
  if (communeBrute && !commune) {
    problemes.push(`La commune du lien (${citerCourt(communeBrute)}) n'est pas une commune ${departement.deNom} : elle est ignorée.`);
  }

  const lue = nettoyerNote(fragment.get("note") ?? undefined);
  if (lue.coupee) problemes.push(`La note du lien était trop longue : seuls ses ${LONGUEUR_MAX_NOTE} premiers caractères sont affichés.`);

  return {
    selection: { codes: lus.codes, ...(commune ? { commune } : {}), ...(lue.note ? { note: lue.note } : {}) },
    problemes,
  };
}

/** The link as people read it (« mardi à 10 h », not « mardi%20%C3%A0%2010%20h »); the href stays exact. */
export function lienLisible(lien: string): string {
  const diese = lien.indexOf("#");
  const [adresse, fragment] = diese < 0 ? [lien, undefined] : [lien.slice(0, diese), lien.slice(diese + 1)];
  try {
    return decodeURI(adresse) + (fragment === undefined ? "" : `#${decodeURIComponent(fragment)}`);
  } catch {
    return lien;
  }
}
