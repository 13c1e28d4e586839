/** « Ma sélection » in a React island: undefined until mounted (the server knows nothing of it), then live. */
import { useEffect, useState } from "react";
import type { MaSelection } from "../../domain/selection/selection";
import { lireSelection, suivreSelection } from "./magasin";

export function useMaSelection(): MaSelection | undefined {
  const [selection, setSelection] = useState<MaSelection | undefined>(undefined);
  useEffect(() => {
    setSelection(lireSelection());
    return suivreSelection(setSelection);
  }, []);
  return selection;
}
