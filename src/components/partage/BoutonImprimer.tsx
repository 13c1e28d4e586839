/** « Imprimer »: the browser's print dialog (the print stylesheet makes a one-page sheet). Needs JavaScript. */
import { useEffect, useState } from "react";

export default function BoutonImprimer({ libelle = "Imprimer" }: { libelle?: string }) {
  const [pret, setPret] = useState(false);
  useEffect(() => setPret(true), []);
  if (!pret) return null;
  return (
    <button type="button" className="bouton-secondaire" onClick={() => window.print()}>
      {libelle}
    </button>
  );
}
