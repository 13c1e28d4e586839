/**
 * « Copier le lien »: copies an absolute link and says so (visible and announced). Shown only once the
 * island runs; without JavaScript the link itself is on the page, to select and copy by hand.
 */
import { useEffect, useRef, useState } from "react";
import Annonce, { annoncer, type MessageAnnonce } from "../selection/Annonce";
import { useDansLeNavigateur } from "../selection/useMaSelection";
import { copierLien } from "./copier";

export default function BoutonCopier({ lien, nom, libelle = "Copier le lien" }: { lien: string; nom?: string; libelle?: string }) {
  const pret = useDansLeNavigateur();
  const [message, setMessage] = useState<MessageAnnonce | undefined>();
  const [copie, setCopie] = useState(false);
  const minuteur = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(minuteur.current), []);
  if (!pret) return null;
  async function copier() {
    const { copie, message } = await copierLien(lien);
    setMessage((m) => annoncer(m, message));
    setCopie(copie);
    clearTimeout(minuteur.current);
    minuteur.current = setTimeout(() => setCopie(false), DUREE_LIEN_COPIE_MS);
  }
  return (
    <span className="bouton-copier">
      <BoutonDeCopie lien={lien} nom={nom} libelle={libelle} copie={copie} onClick={copier} />
      <Annonce message={message} />
    </span>
  );
}

/** How long the button says « Lien copié ». */
export const DUREE_LIEN_COPIE_MS = 3000;

/** The button alone (result cards share one live region for the list). */
export function BoutonDeCopie({ lien, nom, libelle = "Copier le lien", copie, onClick }: { lien: string; nom?: string; libelle?: string; copie: boolean; onClick: () => void }) {
  return (
    <button type="button" className="bouton-secondaire" onClick={onClick} data-lien={lien}>
      {copie ? "Lien copié" : libelle}
      {nom && <span className="visually-hidden"> : {nom}</span>}
    </button>
  );
}
