/**
 * « Ajouter à ma sélection » / « Retirer de ma sélection » for one service (result cards, service
 * pages). The label says the state; the change is announced. Nothing is shown before the island runs:
 * without JavaScript there is no selection.
 */
import { useState } from "react";
// From selection.ts, not lien.ts: lien.ts reads the communes, which a service page's island does not need.
import { ajouterService, contientService, MAX_SERVICES_PAR_SELECTION, retirerService, selectionPleine } from "../../domain/selection/selection";
import Annonce, { annoncer, type MessageAnnonce } from "./Annonce";
import { modifierSelection, nombreDeServices } from "./magasin";
import { useMaSelection } from "./useMaSelection";

interface Props {
  code: string;
  nom: string;
  /** INSEE code of the commune searched for (result cards): the selection then measures distances from it. */
  commune?: string;
}

export default function BoutonSelection({ code, nom, commune }: Props) {
  const selection = useMaSelection();
  const [message, setMessage] = useState<MessageAnnonce | undefined>();
  if (!selection) return null;
  const dedans = contientService(selection, code);
  function basculer() {
    if (!dedans && selectionPleine(selection!)) {
      setMessage((m) => annoncer(m, `Votre sélection est pleine (${MAX_SERVICES_PAR_SELECTION} services au plus) : retirez-en un pour ajouter « ${nom} ».`));
      return;
    }
    const apres = modifierSelection((avant) =>
      dedans ? retirerService(avant, code) : { ...ajouterService(avant, code), ...(commune ? { commune } : {}) },
    );
    const n = nombreDeServices(apres.codes.length);
    setMessage((m) => annoncer(m, dedans ? `« ${nom} » retiré de votre sélection (${n}).` : `« ${nom} » ajouté à votre sélection (${n}).`));
  }
  return (
    <span className="bouton-selection">
      <button type="button" className={dedans ? "bouton-secondaire dans-selection" : "bouton-secondaire"} onClick={basculer}>
        {dedans ? "Retirer de ma sélection" : "Ajouter à ma sélection"}
        <span className="visually-hidden"> : {nom}</span>
      </button>
      <Annonce message={message} />
    </span>
  );
}
