/**
 * « Copier le lien »: copies an absolute link and says so (visible and announced). Shown only once the
 * island runs; without JavaScript the link itself is on the page, to select and copy by hand.
 */
import { useEffect, useRef, useState } from "react";
import Annonce, { annoncer, type MessageAnnonce } from "../selection/Annonce";
import { useDansLeNavigateur } from "../selection/useMaSelection";
import { copierTexte } from "./copier";

export default function BoutonCopier({ lien, nom, libelle = "Copier le lien" }: { lien: string; nom?: string; libelle?: string }) {
  const pret = useDansLeNavigateur();
  const [message, setMessage] = useState<MessageAnnonce | undefined>();
  const [copie, setCopie] = useState(false);
  const minuteur = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(minuteur.current), []);
  if (!pret) return null;
  async function copier() {
    const ok = await copierTexte(lien);
    setMessage((m) => annoncer(m, ok ? "Lien copié dans le presse-papiers." : `Le lien n'a pas pu être copié : sélectionnez-le et copiez-le (${lien}).`));
    setCopie(ok);
    clearTimeout(minuteur.current);
    minuteur.current = setTimeout(() => setCopie(false), 3000);
  }
  return (
    <span className="bouton-copier">
      <button type="button" className="bouton-secondaire" onClick={copier} data-lien={lien}>
        {copie ? "Lien copié" : libelle}
        {nom && <span className="visually-hidden"> : {nom}</span>}
      </button>
      <Annonce message={message} />
    </span>
  );
}
