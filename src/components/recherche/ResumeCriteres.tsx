/**
 * On phones, once a search is made (arrived with a commune or a need in the URL, or « Voir les résultats »
 * pressed): the commune and the need fold into one line « Loudun · Mobilité · Modifier », so that the
 * results start on the first screen. The words field stays open below it. Wide screens show the whole form
 * (global.css: .criteres.replie).
 */
import { useCallback, useState } from "react";
import type { Commune } from "../../domain/communes";
import type { Criteres } from "../../domain/recherche/requete";
import type { Theme } from "../../domain/taxonomy";

/** The fold's state: folded from the start when the URL already holds a search. */
export function useCriteresReplies(initiaux: Criteres) {
  const [replie, setReplie] = useState(() => Boolean(initiaux.commune || initiaux.theme));
  const deplier = useCallback(() => {
    setReplie(false);
    // The « Modifier » button is gone: the focus goes to the first field.
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>("#criteres-recherche [role='combobox']")?.focus());
  }, []);
  const replier = useCallback(() => {
    setReplie(true);
    requestAnimationFrame(() => document.getElementById("titre-resultats")?.focus());
  }, []);
  return { replie, deplier, replier };
}

export default function ResumeCriteres({ commune, theme, deplier }: { commune: Commune | undefined; theme: Theme | undefined; deplier: () => void }) {
  return (
    <div className="resume-criteres">
      <p>
        <span className="visually-hidden">Recherche : </span>
        {commune?.nom ?? "Toutes les communes"} · {theme?.label ?? "Tous les besoins"}
      </p>
      <button type="button" className="bouton-lien" aria-expanded="false" aria-controls="criteres-recherche" onClick={deplier}>
        Modifier<span className="visually-hidden"> la commune et le besoin</span>
      </button>
    </div>
  );
}

/** The last control of the unfolded form on phones: folds it and takes the focus to the results. */
export function BoutonVoirResultats() {
  return (
    <button type="submit" className="bouton-principal voir-resultats">
      Voir les résultats
    </button>
  );
}
