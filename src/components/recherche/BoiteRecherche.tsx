/** The home page's search box: a commune and a need, leading to /recherche/ with them in the URL. */
import { useState } from "react";
import type { Commune } from "../../domain/communes";
import { themes } from "../../domain/taxonomy";
import ComboboxCommune from "./ComboboxCommune";

export default function BoiteRecherche() {
  const [commune, setCommune] = useState<Commune | undefined>();
  return (
    <form className="boite-recherche" action="/recherche/" method="get" role="search" aria-label="Rechercher un service">
      <ComboboxCommune commune={commune} onChange={setCommune} name="commune" label="Votre commune" />
      <div className="champ">
        <label htmlFor="boite-theme">Votre besoin</label>
        <select id="boite-theme" name="theme" defaultValue="">
          <option value="">Tous les besoins</option>
          {themes.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="bouton-principal">
        Rechercher
      </button>
    </form>
  );
}
