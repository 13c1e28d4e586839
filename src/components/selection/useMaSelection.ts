/**
 * « Ma sélection » in an island: undefined while hydrating server HTML (the server knows nothing of
 * it), then live. Read through useSyncExternalStore, so that an island rendered in the browser only
 * (the search's result cards) gets it at its first render, without a second one from an effect.
 */
import { useSyncExternalStore } from "react";
import type { MaSelection } from "../../domain/selection/selection";
import { instantaneSelection, suivreSelection } from "./magasin";

const surLeServeur = () => undefined;

// Preact's useSyncExternalStore reads the browser's snapshot while rendering on the server too: without
// a window, the server's (nothing) is given instead.
const dansLeNavigateur = typeof window !== "undefined";

export function useMaSelection(): MaSelection | undefined {
  return useSyncExternalStore(suivreSelection, dansLeNavigateur ? instantaneSelection : surLeServeur, surLeServeur);
}

const sAbonnerARien = () => () => {};

/** False while hydrating server HTML, true in the browser: for controls that only work with JavaScript. */
export function useDansLeNavigateur(): boolean {
  return useSyncExternalStore(
    sAbonnerARien,
    () => dansLeNavigateur,
    () => false,
  );
}
