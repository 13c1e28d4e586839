/**
 * « Ma sélection » in a React island: undefined while hydrating server HTML (the server knows nothing of
 * it), then live. Read through useSyncExternalStore, so that an island rendered in the browser only
 * (the search's result cards) gets it at its first render, without a second one from an effect.
 */
import { useSyncExternalStore } from "react";
import type { MaSelection } from "../../domain/selection/selection";
import { instantaneSelection, suivreSelection } from "./magasin";

const surLeServeur = () => undefined;

export function useMaSelection(): MaSelection | undefined {
  return useSyncExternalStore(suivreSelection, instantaneSelection, surLeServeur);
}

const sAbonnerARien = () => () => {};

/** False while hydrating server HTML, true in the browser: for controls that only work with JavaScript. */
export function useDansLeNavigateur(): boolean {
  return useSyncExternalStore(
    sAbonnerARien,
    () => true,
    () => false,
  );
}
