/**
 * « Ajouter à ma sélection » / « Retirer de ma sélection » for one service (result cards, service
 * pages). The label says the state; the change is announced. Nothing is shown before the island runs:
 * without JavaScript there is no selection.
 */
import { useState } from "react";
// From selection.ts, not lien.ts: lien.ts reads the communes, which a service page's island does not need.
import { contientService } from "../../domain/selection/selection";
import Annonce, { annoncer, type MessageAnnonce } from "./Annonce";
import { basculerDansLaSelection, type ServiceABasculer } from "./magasin";
import { useMaSelection } from "./useMaSelection";

export default function BoutonSelection(service: ServiceABasculer) {
  const selection = useMaSelection();
  const [message, setMessage] = useState<MessageAnnonce | undefined>();
  if (!selection) return null;
  const basculer = () => {
    const texte = basculerDansLaSelection(service);
    setMessage((m) => annoncer(m, texte));
  };
  return (
    <span className="bouton-selection">
      <BoutonBasculer nom={service.nom} dedans={contientService(selection, service.code)} onClick={basculer} />
      <Annonce message={message} />
    </span>
  );
}

/** The button alone (result cards share one live region for the list). */
export function BoutonBasculer({ nom, dedans, onClick }: { nom: string; dedans: boolean; onClick: () => void }) {
  return (
    <button type="button" className={dedans ? "bouton-secondaire dans-selection" : "bouton-secondaire"} onClick={onClick}>
      {dedans ? "Retirer de ma sélection" : "Ajouter à ma sélection"}
      <span className="visually-hidden"> : {nom}</span>
    </button>
  );
}
