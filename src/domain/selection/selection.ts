/**
 * The person's own selection of services, kept in the browser (localStorage) from page to page.
 * Pure functions over an immutable value; reading and writing the storage never throw (private
 * browsing, full quota, storage disabled, a value written by another version or another site's script).
 * Light enough for every page's script: the commune is checked by its form only (contenu.ts), the
 * selection page resolves it.
 */
import { formeDeCommune, lireCodes, LONGUEUR_MAX_NOTE, MAX_SERVICES_PAR_SELECTION, nettoyerNote } from "./contenu";
import type { SelectionPartagee } from "./lien";

export { LONGUEUR_MAX_NOTE, MAX_SERVICES_PAR_SELECTION };

export const CLE_MA_SELECTION = "carto-insertion:selection";

export interface MaSelection {
  codes: string[];
  /** INSEE code of a commune (checked against the territory where it is used). */
  commune?: string;
  note?: string;
}

export const SELECTION_VIDE: MaSelection = Object.freeze({ codes: Object.freeze([]) as unknown as string[] });

/** Any value cleaned into a selection: valid codes without repeats, a known commune, a clean note. */
function nettoyer(valeur: unknown): MaSelection {
  if (!valeur || typeof valeur !== "object" || Array.isArray(valeur)) return SELECTION_VIDE;
  const v = valeur as Record<string, unknown>;
  const codes = Array.isArray(v.codes) ? lireCodes(v.codes).codes : [];
  const commune = formeDeCommune(v.commune);
  const { note } = nettoyerNote(v.note);
  return { codes, ...(commune ? { commune } : {}), ...(note ? { note } : {}) };
}

export function lireMaSelection(stockage: Pick<Storage, "getItem"> | undefined): MaSelection {
  try {
    const texte = stockage?.getItem(CLE_MA_SELECTION);
    return texte ? nettoyer(JSON.parse(texte)) : SELECTION_VIDE;
  } catch {
    return SELECTION_VIDE;
  }
}

export function ecrireMaSelection(stockage: Pick<Storage, "setItem"> | undefined, sel: MaSelection): void {
  try {
    stockage?.setItem(CLE_MA_SELECTION, JSON.stringify(nettoyer(sel)));
  } catch {
    // Private browsing or full quota: the selection lives on in the page until it is closed.
  }
}

export function contientService(sel: MaSelection, code: string): boolean {
  return sel.codes.includes(code);
}

/** Whether the selection holds the maximum: adding does nothing then. */
export function selectionPleine(sel: MaSelection): boolean {
  return sel.codes.length >= MAX_SERVICES_PAR_SELECTION;
}

/** The selection with the service added at the end (unchanged if already in, full, or not a code). */
export function ajouterService(sel: MaSelection, code: string): MaSelection {
  if (contientService(sel, code) || selectionPleine(sel)) return sel;
  const codes = lireCodes([...sel.codes, code]).codes;
  return codes.length === sel.codes.length ? sel : { ...sel, codes };
}

export function retirerService(sel: MaSelection, code: string): MaSelection {
  return contientService(sel, code) ? { ...sel, codes: sel.codes.filter((c) => c !== code) } : sel;
}

/** The service moved one place up (-1) or down (1); unchanged at either end or when absent. */
export function deplacerService(sel: MaSelection, code: string, decalage: -1 | 1): MaSelection {
  const i = sel.codes.indexOf(code);
  const j = i + decalage;
  if (i === -1 || j < 0 || j >= sel.codes.length) return sel;
  const codes = [...sel.codes];
  [codes[i], codes[j]] = [codes[j]!, codes[i]!];
  return { ...sel, codes };
}

/** "Add this shared sheet to my selection": its services after mine, my commune and note first. */
export function fusionnerSelections(a: MaSelection, b: SelectionPartagee): MaSelection {
  return nettoyer({ codes: [...a.codes, ...b.codes], commune: a.commune ?? b.commune, note: a.note ?? b.note });
}
