/**
 * Commune field: the WAI-ARIA combobox pattern (list autocomplete). Arrow keys move through the
 * suggestions, Enter picks, Escape closes then clears; the number of suggestions is announced.
 */
import { memo, useId, useMemo, useRef, useState } from "react";
import type { Commune } from "../../domain/communes";
import { chercherCommunes } from "../../domain/recherche/communes";

interface Props {
  commune: Commune | undefined;
  onChange: (commune: Commune | undefined) => void;
  /** Name of a hidden input carrying the INSEE code, for a plain form submission. */
  name?: string;
  label?: string;
}

function ComboboxCommune({ commune, onChange, name, label = "Commune" }: Props) {
  const id = useId();
  const idListe = `${id}-liste`;
  const [saisie, setSaisie] = useState(commune ? libelle(commune) : "");
  const [ouvert, setOuvert] = useState(false);
  const [actif, setActif] = useState(-1);
  const champ = useRef<HTMLInputElement>(null);
  const [communeAffichee, setCommuneAffichee] = useState(commune);

  // The commune may change from outside (back button): show it.
  if (commune !== communeAffichee) {
    setCommuneAffichee(commune);
    setSaisie(commune ? libelle(commune) : "");
  }

  const suggestions = useMemo(() => (ouvert && saisie.trim() ? chercherCommunes(saisie, 8) : []), [saisie, ouvert]);

  function choisir(c: Commune) {
    setSaisie(libelle(c));
    setOuvert(false);
    setActif(-1);
    onChange(c);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (!ouvert) setOuvert(true);
      setActif((a) => (suggestions.length ? (a + 1) % suggestions.length : -1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActif((a) => (suggestions.length ? (a <= 0 ? suggestions.length - 1 : a - 1) : -1));
    } else if (e.key === "Enter") {
      const choix = suggestions[actif] ?? (suggestions.length > 0 && ouvert ? suggestions[0] : undefined);
      if (choix) {
        e.preventDefault();
        choisir(choix);
      }
    } else if (e.key === "Escape") {
      if (ouvert && suggestions.length) {
        setOuvert(false);
        setActif(-1);
      } else {
        setSaisie("");
        if (commune) onChange(undefined);
      }
    }
  }

  const annonce = !ouvert || !saisie.trim()
    ? ""
    : suggestions.length === 0
      ? "Aucune commune ne correspond"
      : `${suggestions.length} commune${suggestions.length > 1 ? "s" : ""} proposée${suggestions.length > 1 ? "s" : ""}, flèches haut et bas pour choisir`;

  return (
    <div className="combobox">
      <label htmlFor={`${id}-champ`}>{label}</label>
      <span className="aide" id={`${id}-aide`}>Nom, code postal ou code INSEE</span>
      <div className="combobox-champ">
        <input
          ref={champ}
          id={`${id}-champ`}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={ouvert && suggestions.length > 0}
          aria-controls={idListe}
          aria-describedby={`${id}-aide`}
          aria-activedescendant={actif >= 0 && suggestions[actif] ? `${id}-option-${suggestions[actif]!.code}` : undefined}
          value={saisie}
          onChange={(e) => {
            setSaisie(e.target.value);
            setOuvert(true);
            setActif(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOuvert(false), 150)}
          onFocus={() => saisie && !commune && setOuvert(true)}
        />
        {commune && (
          <button
            type="button"
            className="bouton-effacer"
            onClick={() => {
              setSaisie("");
              onChange(undefined);
              champ.current?.focus();
            }}
          >
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">Effacer la commune</span>
          </button>
        )}
      </div>
      <ul id={idListe} role="listbox" aria-label="Communes proposées" className="combobox-liste" hidden={!ouvert || suggestions.length === 0}>
        {suggestions.map((c, i) => (
          <li
            key={c.code}
            id={`${id}-option-${c.code}`}
            role="option"
            aria-selected={i === actif}
            className={i === actif ? "actif" : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              choisir(c);
            }}
          >
            {c.nom} <span className="cp">{c.codesPostaux.join(", ")}</span>
          </li>
        ))}
      </ul>
      <div className="visually-hidden" role="status" aria-live="polite">
        {annonce}
      </div>
      {name && <input type="hidden" name={name} value={commune?.code ?? ""} />}
    </div>
  );
}

// The search page renders at every key: with a stable `onChange`, the field is left alone.
export default memo(ComboboxCommune);

function libelle(c: Commune): string {
  return `${c.nom} (${c.codesPostaux[0]})`;
}
