/**
 * The browser side of « Ma sélection »: reads and writes it in localStorage through the domain
 * (src/domain/selection/selection.ts: validation, never throws), and tells the page when it changes,
 * in this tab (a window event) and in the others (the `storage` event). No cookie, nothing sent.
 */
import {
  ajouterService,
  CLE_MA_SELECTION,
  contientService,
  ecrireMaSelection,
  lireMaSelection,
  MAX_SERVICES_PAR_SELECTION,
  retirerService,
  selectionPleine,
  SELECTION_VIDE,
  type MaSelection,
} from "../../domain/selection/selection";

/** Dispatched on `window` after each change made in this tab; `detail` is the new selection. */
export const EVENEMENT_SELECTION = "carto:selection";

function stockage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Storage disabled (privacy settings): the selection lives as long as the page.
    return undefined;
  }
}

let enMemoire: MaSelection = SELECTION_VIDE;

export function lireSelection(): MaSelection {
  const s = stockage();
  return s ? lireMaSelection(s) : enMemoire;
}

/** The selection as last read: the same object until it changes (what useSyncExternalStore needs). */
let instantane: MaSelection | undefined;

export function instantaneSelection(): MaSelection {
  instantane ??= lireSelection();
  return instantane;
}

/** Applies a change to the stored selection, saves it and tells the page. */
export function modifierSelection(changement: (avant: MaSelection) => MaSelection): MaSelection {
  const apres = changement(lireSelection());
  const s = stockage();
  if (s) ecrireMaSelection(s, apres);
  else enMemoire = apres;
  instantane = undefined;
  window.dispatchEvent(new CustomEvent<MaSelection>(EVENEMENT_SELECTION, { detail: apres }));
  return apres;
}

/** Calls `rappel` with the selection after each change, from this tab or another; returns the unsubscribe. */
export function suivreSelection(rappel: (selection: MaSelection) => void): () => void {
  const ici = () => rappel(instantaneSelection());
  const ailleurs = (e: StorageEvent) => {
    if (e.key !== CLE_MA_SELECTION && e.key !== null) return;
    instantane = undefined;
    rappel(instantaneSelection());
  };
  window.addEventListener(EVENEMENT_SELECTION, ici);
  window.addEventListener("storage", ailleurs);
  return () => {
    window.removeEventListener(EVENEMENT_SELECTION, ici);
    window.removeEventListener("storage", ailleurs);
  };
}

/** « 3 services », « 1 service », « aucun service ». */
export function nombreDeServices(n: number): string {
  return n === 0 ? "aucun service" : `${n} service${n > 1 ? "s" : ""}`;
}

export interface ServiceABasculer {
  code: string;
  nom: string;
  /** INSEE code of the commune searched for (result cards): the selection then measures distances from it. */
  commune?: string;
}

/**
 * « Ajouter / Retirer » pressed for one service: adds it (with the commune searched for) or removes it,
 * and returns what to announce. A full selection is left as it is and says so.
 */
export function basculerDansLaSelection({ code, nom, commune }: ServiceABasculer): string {
  const avant = instantaneSelection();
  const dedans = contientService(avant, code);
  if (!dedans && selectionPleine(avant)) {
    return `Votre sélection est pleine (${MAX_SERVICES_PAR_SELECTION} services au plus) : retirez-en un pour ajouter « ${nom} ».`;
  }
  const apres = modifierSelection((s) => (dedans ? retirerService(s, code) : { ...ajouterService(s, code), ...(commune ? { commune } : {}) }));
  const n = nombreDeServices(apres.codes.length);
  return dedans ? `« ${nom} » retiré de votre sélection (${n}).` : `« ${nom} » ajouté à votre sélection (${n}).`;
}
