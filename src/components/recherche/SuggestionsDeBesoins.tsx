/**
 * An empty result whose words are everyday words (« dormir », « papiers »): the needs they point to, each a
 * link to that need's search at the same commune (src/domain/recherche/suggestions-besoins.ts). A link, so
 * that it can be opened apart too; followed in place, the page changes its criteria without reloading.
 */
import type { Criteres, IndexPrepare } from "../../domain/recherche/requete";
import { suggestionsDeBesoins } from "../../domain/recherche/suggestions-besoins";
import { urlDeRecherche } from "../../domain/recherche/url";

export default function SuggestionsDeBesoins({
  criteres,
  index,
  changer,
}: {
  criteres: Criteres;
  index: IndexPrepare;
  changer: (m: Partial<Criteres>) => void;
}) {
  const suggestions = suggestionsDeBesoins(index, criteres);
  if (suggestions.length === 0) return null;
  return (
    <div className="encadre suggestions-besoins">
      <p id="suggestions-besoins">Vous cherchez peut-être :</p>
      <ul aria-labelledby="suggestions-besoins">
        {suggestions.map((s) => (
          <li key={s.besoin.value}>
            <a
              href={urlDeRecherche(s.criteres)}
              onClick={(e) => {
                if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
                e.preventDefault();
                changer(s.criteres);
              }}
            >
              {s.besoin.label}
            </a>{" "}
            ({s.n} service{s.n > 1 ? "s" : ""})
          </li>
        ))}
      </ul>
    </div>
  );
}
