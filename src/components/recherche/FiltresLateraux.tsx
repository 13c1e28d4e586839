/**
 * The search page's filters: the chosen theme's needs, then publics, types, fees and modes, each value
 * with the number of results it would give (none: it cannot be ticked, and a sentence says why). Memoised: while words are typed its props stay the same (the
 * counts follow the words once typing pauses), so that the ~25 checkboxes shown on a wide screen are not
 * rendered again at every key.
 */
import { memo, useRef } from "react";
import { GROUPES_FILTRES, LEGENDES_DES_GROUPES, valeursFiltrables, type Criteres, type GroupeFiltre, type Reponse } from "../../domain/recherche/requete";
import type { Theme } from "../../domain/taxonomy";

export type FiltresChoisis = Pick<Criteres, "besoins" | GroupeFiltre>;

export default memo(function FiltresLateraux({
  theme,
  criteres,
  compteurs,
  montres,
  ouverts,
  surBascule,
  changer,
}: {
  theme: Theme | undefined;
  criteres: FiltresChoisis;
  /** The answer whose counts are shown (undefined before the first one). */
  compteurs: Reponse | undefined;
  /** The checkboxes are rendered: on a phone only once « Filtres » is opened. */
  montres: boolean;
  /** « Filtres » open from the start (wide screens). */
  ouverts: boolean;
  surBascule: (ouvert: boolean) => void;
  changer: (modif: Partial<Criteres>) => void;
}) {
  // The needs count too: on phones they sit behind the same « Filtres (n) » button.
  const nbFiltres = criteres.besoins.length + criteres.publics.length + criteres.types.length + criteres.frais.length + criteres.modes.length;
  const details = useRef<HTMLDetailsElement>(null);
  const fermerEtVoirLesResultats = () => {
    if (details.current) details.current.open = false;
    document.getElementById("titre-resultats")?.focus();
  };
  const unAZero = GROUPES_FILTRES.some((g) => valeursFiltrables(g).some((v) => aZero(compteurs?.compteurs[g][v.value], criteres[g].includes(v.value))));
  return (
    <form className="filtres-lateraux" aria-label="Affiner la recherche" onSubmit={(e) => e.preventDefault()}>
      <details ref={details} className="filtres" open={ouverts || undefined} onToggle={(e) => surBascule(e.currentTarget.open)}>
        <summary>
          Filtres{nbFiltres > 0 && ` (${nbFiltres})`}
          {nbFiltres > 0 && <span className="visually-hidden"> actif{nbFiltres > 1 ? "s" : ""}</span>}
        </summary>
        {montres && (
          <div className="filtres-grille">
            {theme && (
              <fieldset className="filtre">
                <legend>Précisez le besoin ({theme.label})</legend>
                <ul>
                  {theme.categories.flatMap((c) =>
                    c.besoins.map((b) => {
                      const n = compteurs?.compteursBesoins[b.value] ?? 0;
                      const coche = criteres.besoins.includes(b.value);
                      if (n === 0 && !coche) return null;
                      return (
                        <CaseFiltre key={b.value} libelle={b.label} nombre={n} coche={coche} onChange={() => changer({ besoins: basculer(criteres.besoins, b.value) })} />
                      );
                    }),
                  )}
                </ul>
              </fieldset>
            )}
            {unAZero && (
              <p id={ID_RAISON_ZERO} className="filtres-zero">
                Les choix à (0) ne donnent aucun service avec les autres critères : ils ne peuvent pas être cochés.
              </p>
            )}
            {GROUPES_FILTRES.map((groupe) => (
              <fieldset key={groupe} className="filtre">
                <legend>{LEGENDES_DES_GROUPES[groupe]}</legend>
                <ul>
                  {valeursFiltrables(groupe).map((v) => {
                    const coche = criteres[groupe].includes(v.value);
                    const n = compteurs?.compteurs[groupe][v.value];
                    return (
                      <CaseFiltre key={v.value} libelle={v.label} nombre={n} coche={coche} onChange={() => changer({ [groupe]: basculer(criteres[groupe], v.value) })} />
                    );
                  })}
                </ul>
              </fieldset>
            ))}
            {/* Phones: the list lies below the filters; this closes them and goes to it. */}
            <button type="button" className="bouton-principal voir-resultats" onClick={fermerEtVoirLesResultats}>
              Voir les résultats
            </button>
          </div>
        )}
      </details>
    </form>
  );
});

/** A value in or out of a multiple choice. */
function basculer(liste: readonly string[], valeur: string): string[] {
  return liste.includes(valeur) ? liste.filter((v) => v !== valeur) : [...liste, valeur];
}

const ID_RAISON_ZERO = "filtres-raison-zero";

/**
 * A value that would give no result cannot be ticked (a tick leading to « Aucun service » without a word of why);
 * one already ticked can still be unticked, so that the person can get out.
 */
function aZero(nombre: number | undefined, coche: boolean): boolean {
  return (nombre ?? 1) === 0 && !coche;
}

/** One filter value: a checkbox with the number of results it would give. */
function CaseFiltre({ libelle, nombre, coche, onChange }: { libelle: string; /** Undefined before the first answer. */ nombre: number | undefined; coche: boolean; onChange: () => void }) {
  const bloquee = aZero(nombre, coche);
  return (
    <li>
      <label>
        <input type="checkbox" checked={coche} onChange={onChange} disabled={bloquee} aria-describedby={bloquee ? ID_RAISON_ZERO : undefined} />{" "}
        {libelle} <span className="compte">({nombre ?? 0})</span>
      </label>
    </li>
  );
}
