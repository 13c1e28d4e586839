/**
 * The search page's island: criteria (commune, theme and needs, words, filters) live in the URL;
 * results come from src/domain/recherche (the coverage rule of src/domain/coverage.ts), the free-text
 * index is built in slices after the first results and queried within each keystroke's task, only the
 * first cards are rendered, and the map loads lazily, out of the typing path.
 */
import { lazy, memo, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { communeParCode, type Commune } from "../../domain/communes";
import { distanceEnClair } from "../../domain/geo";
import type { IndexRecherche, ServiceIndexe } from "../../domain/recherche/index-recherche";
import { preparerIndex, rechercher, CRITERES_VIDES, GROUPES_FILTRES, LEGENDES_DES_GROUPES, type Criteres, type IndexPrepare, type Reponse, type Resultat } from "../../domain/recherche/requete";
import { ecrireCriteres, lireCriteres } from "../../domain/recherche/url";
import { motsCherches, motsPendantLaFrappe } from "../../domain/recherche/mots-cherches";
import type { ChercheurTexte } from "../../domain/recherche/texte";
import { themeParSlug, themes } from "../../domain/taxonomy";
import ComboboxCommune from "./ComboboxCommune";
import { urls, urlsPubliques } from "../../lib/urls";
import { BoutonBasculer } from "../selection/BoutonSelection";
import { BoutonDeCopie, DUREE_LIEN_COPIE_MS } from "../partage/BoutonCopier";
import { copierLien } from "../partage/copier";
import Annonce, { annoncer, type MessageAnnonce } from "../selection/Annonce";
import { basculerDansLaSelection } from "../selection/magasin";
import { useMaSelection } from "../selection/useMaSelection";
import { contientService } from "../../domain/selection/selection";
import { rattacherTermes, type TermesRecherche } from "../../domain/recherche/decoupage";
import { repondA, reponseDesPremiers, RESULTATS_PAR_PAGE, type PremiersResultats } from "../../domain/recherche/premiers-resultats";
import type { PointCarte } from "./Carte";
import { useCartesALEcran } from "./useCartesALEcran";
import FiltresLateraux from "./FiltresLateraux";
import SuggestionsDeBesoins from "./SuggestionsDeBesoins";
import ResumeCriteres, { BoutonVoirResultats, useCriteresReplies } from "./ResumeCriteres";
import { apresLImage, pendantLesTempsMorts } from "./tempsMorts";
import TexteAvecTelephones from "./TexteAvecTelephones";
import { vueCarteDeLIndex } from "../../domain/carte-service";
import { ETIQUETTE_A_VERIFIER, EXPLICATION_A_VERIFIER } from "../../domain/freshness";

const Carte = lazy(() => import("./Carte"));

interface TexteTrouve {
  q: string;
  /** What the answer depends on (ChercheurTexte.cle). */
  cle: string;
  scores: Map<number, number>;
}

declare global {
  interface Window {
    /** Started by the page's head (src/pages/recherche/index.astro), before this island loads. */
    __cartoIndexRecherche?: ChargementCommence;
  }
}

interface ChargementCommence {
  url: string;
  /** The index being fetched and decoded; not started when the head fetched a first page of results. */
  donnees?: Promise<IndexRecherche>;
  /** The first page of results of the URL's commune (and theme), when precomputed. */
  premiers?: Promise<unknown>;
  /** Once `premiers` has settled: the file, or null when it could not be had. */
  premiersDecodes?: PremiersResultats | null;
}

function commence(): ChargementCommence | undefined {
  return typeof window === "undefined" ? undefined : window.__cartoIndexRecherche;
}

function decoder(r: Response): Promise<IndexRecherche> {
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return r.json() as Promise<IndexRecherche>;
}

/** The index: the one the page started fetching, else fetched now (content-hashed, cached by the browser). */
function chargerIndex(url: string): Promise<IndexRecherche> {
  const c = commence();
  if (c?.url !== url) return fetch(url).then(decoder);
  c.donnees ??= fetch(url).then(decoder);
  return c.donnees;
}

function criteresDepuisUrl(): Criteres {
  return typeof window === "undefined" ? CRITERES_VIDES : lireCriteres(new URLSearchParams(window.location.search));
}

export default function Recherche({ urlIndex, urlTermes }: { urlIndex: string; urlTermes: string }) {
  const [criteres, setCriteres] = useState<Criteres>(criteresDepuisUrl);
  const { replie, deplier, replier } = useCriteresReplies(criteres);
  const [index, setIndex] = useState<{ brut: IndexRecherche; prepare: IndexPrepare } | undefined>();
  // The first page of results, precomputed (src/domain/recherche/premiers-resultats.ts): shown until the
  // whole index is decoded, which waits for them to be painted.
  const [premiers, setPremiers] = useState(() => commence()?.premiersDecodes ?? undefined);
  const [attentePremiers, setAttentePremiers] = useState(() => Boolean(commence()?.premiers) && commence()?.premiersDecodes === undefined);
  useEffect(() => {
    const c = commence();
    if (!attentePremiers || !c?.premiers) return;
    c.premiers.then(() => {
      setPremiers(c.premiersDecodes ?? undefined);
      setAttentePremiers(false);
    });
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const [erreurChargement, setErreurChargement] = useState<string | undefined>();
  const [nbAffiches, setNbAffiches] = useState(RESULTATS_PAR_PAGE);
  const [carteOuverte, setCarteOuverte] = useState(false);
  const [ecranLarge, setEcranLarge] = useState(false);
  // On phones the filters sit in a closed <details>: their checkboxes (and counts, which change at
  // every key) are only rendered once it is opened.
  const [filtresOuverts, setFiltresOuverts] = useState(false);
  const [centrerSur, setCentrerSur] = useState<string | null>(null);
  const [selection, setSelection] = useState<string | null>(null);

  // The index: fetched once (content-hashed, cached by the browser), decoded for fast filtering. With a
  // first page of results, once that page is painted (effects run after the paint).
  useEffect(() => {
    if (attentePremiers) return;
    let annule = false;
    chargerIndex(urlIndex)
      .then((brut) => !annule && setIndex({ brut, prepare: preparerIndex(brut) }))
      .catch((e) => !annule && setErreurChargement(String(e)));
    return () => {
      annule = true;
    };
  }, [urlIndex, attentePremiers]);

  // The text index, once the first results are shown: its code and the descriptions' terms are
  // fetched then, and it is built in slices, so that the page answers keys meanwhile. It is then
  // queried within the keystroke's own task: a worker's round trip cost more than the query itself
  // (bench: 1 ms per query at 2,000 services, against 7 ms median, 25 ms p95 to get a worker's answer).
  const [moteurTexte, setMoteurTexte] = useState<{ chercher: ChercheurTexte } | undefined>();
  useEffect(() => {
    if (!index || moteurTexte) return;
    let annule = false;
    const termes = fetch(urlTermes).then((r) => {
      if (!r.ok) throw new Error(`${urlTermes} : HTTP ${r.status}`);
      return r.json() as Promise<TermesRecherche>;
    });
    Promise.all([import("../../domain/recherche/texte"), termes])
      .then(async ([texte, termes]) => {
        const { mini, prefixesCourants } = await texte.creerIndexTexteParTranches(rattacherTermes(index.brut, termes));
        if (!annule) setMoteurTexte({ chercher: texte.chercheurTexte(mini, prefixesCourants) });
      })
      .catch((e) => !annule && setErreurChargement(String(e)));
    return () => {
      annule = true;
    };
  }, [index, urlTermes]); // eslint-disable-line react-hooks/exhaustive-deps

  // While the words are being typed, a short word that finds nothing waits for the pause (« lo » on the
  // way to « logement » would flash « Aucun service »): src/domain/recherche/mots-cherches.ts.
  const [frappeEnCours, setFrappeEnCours] = useState(false);
  const q = frappeEnCours && moteurTexte ? motsPendantLaFrappe(criteres.q, moteurTexte.chercher.estUnTerme) : motsCherches(criteres.q);
  // Searched again only when the terms change: a space, « a » or « de » typed leaves the list as it is.
  const cleTexte = moteurTexte ? moteurTexte.chercher.cle(q) : q;
  const texte: TexteTrouve | undefined = useMemo(() => {
    if (!q || !moteurTexte) return undefined;
    const debut = performance.now();
    const scores = moteurTexte.chercher(q);
    performance.mark("carto:texte", { detail: { q, dureeMs: performance.now() - debut } });
    return { q, cle: cleTexte, scores };
  }, [cleTexte, moteurTexte]); // eslint-disable-line react-hooks/exhaustive-deps

  // While the page is idle: the answers of the catalogue's most common first three letters (the costliest
  // keys), and between two keys, what the next ones will need (the finished words' whole-word answers:
  // which words are finished is the searcher's rule, ChercheurTexte.preparer).
  useEffect(() => (moteurTexte ? pendantLesTempsMorts(moteurTexte.chercher.preparerUnPrefixe) : undefined), [moteurTexte]);
  // The effects that change at every key only schedule work: layout effects, so that a keystroke leaves
  // Preact no effect to run in a task of its own after the paint.
  useLayoutEffect(() => {
    if (!moteurTexte) return;
    const mots = criteres.q;
    return pendantLesTempsMorts(() => {
      moteurTexte.chercher.preparer(mots);
      return false;
    });
  }, [criteres.q, moteurTexte]);

  // Back, forward: the URL is the state.
  useEffect(() => {
    const onPopState = () => {
      setFrappeEnCours(false);
      setCriteres(criteresDepuisUrl());
    };
    window.addEventListener("popstate", onPopState);
    const large = window.matchMedia("(min-width: 64rem)");
    setEcranLarge(large.matches);
    const onChange = () => setEcranLarge(large.matches);
    large.addEventListener("change", onChange);
    return () => {
      window.removeEventListener("popstate", onPopState);
      large.removeEventListener("change", onChange);
    };
  }, []);

  const minuteurUrl = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const urlEnAttente = useRef<string | undefined>(undefined);
  // Also written when the field loses focus: following a result right after typing keeps the words.
  // Typing has paused then: every word applies.
  const ecrireUrlEnAttente = useCallback(() => {
    setFrappeEnCours(false);
    clearTimeout(minuteurUrl.current);
    if (urlEnAttente.current) window.history.replaceState(null, "", urlEnAttente.current);
    urlEnAttente.current = undefined;
  }, []);
  const changer = useCallback((modif: Partial<Criteres>, historique: "push" | "replace" = "push") => {
    setCriteres((avant) => {
      const apres = { ...avant, ...modif };
      const requete = ecrireCriteres(apres);
      const url = `${window.location.pathname}${requete ? `?${requete}` : ""}`;
      clearTimeout(minuteurUrl.current);
      urlEnAttente.current = undefined;
      // While typing, the URL is written once the typing pauses: rewriting it at every key costs the
      // browser a favicon and history update each time.
      if (historique === "push") window.history.pushState(null, "", url);
      else {
        urlEnAttente.current = url;
        minuteurUrl.current = setTimeout(ecrireUrlEnAttente, 400);
      }
      return apres;
    });
    if (modif.q === undefined || Object.keys(modif).length > 1) setNbAffiches(RESULTATS_PAR_PAGE);
    // Another criterion chosen: the typing is over (its pending URL is replaced by this one).
    if (historique === "push") setFrappeEnCours(false);
  }, []);

  // Until the text index is built, words leave the results unfiltered (the list says it is busy).
  // Timings go to the User Timing API (devtools, npm run bench:search).
  const texteApplique = q ? texte : undefined;
  const attendTexte = Boolean(q) && texte?.cle !== cleTexte;
  const scores = texteApplique?.scores;
  const { q: _mots, ...criteresSansMots } = criteres;
  const cleCriteres = JSON.stringify(criteresSansMots);
  const reponseComplete: Reponse | undefined = useMemo(() => {
    if (!index) return undefined;
    const debut = performance.now();
    const r = rechercher(index.prepare, { ...criteres, q: texteApplique?.q ?? "" }, texteApplique?.scores);
    performance.mark("carto:requete", { detail: { q: texteApplique?.q ?? "", dureeMs: performance.now() - debut } });
    return r;
  }, [index, cleCriteres, texteApplique]); // eslint-disable-line react-hooks/exhaustive-deps
  const pagePrecalculee = useMemo(
    () => (!index && premiers && repondA(premiers, criteres) ? reponseDesPremiers(premiers) : undefined),
    [index, premiers, cleCriteres], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const reponse = reponseComplete ?? pagePrecalculee?.reponse;
  /** The index the results point into: the whole one, or the first page's own. */
  const indexAffiche = index ? index.brut : pagePrecalculee?.index;
  const total = reponseComplete ? reponseComplete.resultats.length : (pagePrecalculee?.total ?? 0);

  const dejaAffiche = useRef(false);
  useLayoutEffect(() => {
    if (!reponse) return;
    const detail = { q: texteApplique?.q ?? "", n: total, aJour: !attendTexte, source: reponseComplete ? "index" : "premiers" };
    const premiere = !dejaAffiche.current;
    dejaAffiche.current = true;
    performance.mark("carto:liste", { detail });
    apresLImage(() => {
      performance.mark("carto:liste-peinte", { detail });
      if (premiere) performance.mark("carto:premiers-resultats", { detail });
    });
  }, [reponse]); // eslint-disable-line react-hooks/exhaustive-deps
  // Typing paused: every word applies, and the list answers them (a last key may leave the terms, and so the
  // list, as they were: « permis » searches as « permi »). Marked once painted, for the benchmark's end of a query.
  useLayoutEffect(() => {
    if (frappeEnCours || !reponse) return;
    const detail = { q, aJour: !attendTexte };
    apresLImage(() => performance.mark("carto:mots-poses", { detail }));
  }, [frappeEnCours]); // eslint-disable-line react-hooks/exhaustive-deps

  const commune = criteres.commune ? communeParCode(criteres.commune) : undefined;
  const theme = criteres.theme ? themeParSlug(criteres.theme) : undefined;
  const carteVisible = index !== undefined && (ecranLarge || carteOuverte);

  // The map follows the results once typing settles, never on each key. This effect changes at every key
  // and only sets a timer: a layout effect, as the others (a passive one would leave Preact an effect task
  // to run after each keystroke's paint, on wide screens where the map is shown).
  const resultatsPourCarte = carteVisible ? reponse?.resultats : undefined;
  const [pointsCarte, setPointsCarte] = useState<PointCarte[]>([]);
  useLayoutEffect(() => {
    if (!carteVisible || !index || !resultatsPourCarte) return;
    const minuteur = setTimeout(() => {
      const points: PointCarte[] = [];
      for (const r of resultatsPourCarte) {
        const s = index.brut.services[r.i]!;
        if (s.l && s.m !== 2) {
          points.push({
            slug: s.s,
            nom: s.n,
            structure: index.brut.structures[s.st] ?? "",
            lat: s.l[0],
            lon: s.l[1],
            distance: r.distanceKm !== undefined ? distanceEnClair(r.distanceKm) : undefined,
          });
        }
      }
      setPointsCarte(points);
    }, 250);
    return () => clearTimeout(minuteur);
  }, [carteVisible, index, resultatsPourCarte]);

  // The count is said once the list holds what it says: the cards off screen come at idle time
  // (ListeResultats), and a count said before them was read, and heard, beside a shorter list.
  const [listeComplete, setListeComplete] = useState<Reponse | undefined>();
  const listeAJour = reponse !== undefined && listeComplete === reponse;
  const annonce = !reponse
    ? "Chargement des services…"
    : !listeAJour
      ? "Recherche en cours…"
      : total === 0
        ? "Aucun service ne correspond à ces critères"
        : `${total} service${total > 1 ? "s" : ""} trouvé${total > 1 ? "s" : ""}${commune ? ` pour ${commune.nom}` : ""}`;
  // Screen readers hear the count once the results have settled, not at every key.
  const [annonceStable, setAnnonceStable] = useState("");
  useLayoutEffect(() => {
    if (!listeAJour || attendTexte) return;
    const minuteur = setTimeout(() => setAnnonceStable(annonce), 400);
    return () => clearTimeout(minuteur);
  }, [annonce, attendTexte, listeAJour]);

  // Stable (state setters only), so that a card that stays in the list is not rendered again at each key.
  const voirSurLaCarte = useCallback((slug: string) => {
    setCarteOuverte(true);
    // Reset first, so that the same card's button works a second time.
    setCentrerSur(null);
    requestAnimationFrame(() => setCentrerSur(slug));
    setSelection(slug);
  }, []);
  const changerCommune = useCallback((c: Commune | undefined) => changer({ commune: c?.code }), [changer]);

  // The map's props stay the same from one key to the next (the callback reads the list through a ref), so
  // that the map, shown beside the list on wide screens, is not rendered again at every key.
  const listeCourante = useRef({ reponse, index, nbAffiches });
  listeCourante.current = { reponse, index, nbAffiches };
  const surSelectionCarte = useCallback((slug: string) => {
    setSelection(slug);
    const { reponse, index, nbAffiches } = listeCourante.current;
    if (!reponse || !index) return;
    const position = reponse.resultats.findIndex((r) => index.brut.services[r.i]!.s === slug);
    if (position >= nbAffiches) setNbAffiches(Math.ceil((position + 1) / RESULTATS_PAR_PAGE) * RESULTATS_PAR_PAGE);
    requestAnimationFrame(() => document.getElementById(`resultat-${slug}`)?.scrollIntoView({ block: "nearest" }));
  }, []);
  const communeSurLaCarte = useMemo(() => (commune ? { nom: commune.nom, lat: commune.centre.lat, lon: commune.centre.lon } : undefined), [commune]);

  // The counts of the themes (in the select, closed while typing) and of the filters follow the words once
  // typing pauses: updating them at every key cost the keystroke ~1 ms on a phone (the select's seven
  // options), ~2.5 ms of median on a wide screen, where the ~25 filters are shown (bench, 2,000 services).
  const compteursPoses = useRef<Reponse | undefined>(undefined);
  if (!frappeEnCours || !compteursPoses.current) compteursPoses.current = reponse;
  const compteursThemes = compteursPoses.current?.compteursThemes;
  const reponseDesFiltres = compteursPoses.current;

  // The filters' own criteria: unchanged (the same object) while words are typed, so that the filters are not
  // rendered again at every key.
  const { besoins, publics, types, frais, modes } = criteres;
  const filtresChoisis = useMemo(
    () => ({ besoins, publics, types, frais, modes }),
    [besoins, publics, types, frais, modes],
  );

  return (
    <div className="recherche">
      <form
        id="criteres-recherche"
        className={`criteres${replie ? " replie" : ""}`}
        role="search"
        aria-label="Critères de recherche"
        onSubmit={(e) => {
          e.preventDefault();
          if (!ecranLarge) replier();
        }}
      >
        {replie && <ResumeCriteres commune={commune} theme={theme} deplier={deplier} />}
        <div className="criteres-principaux">
          <ComboboxCommune commune={commune} onChange={changerCommune} />
          <div className="champ champ-besoin">
            <label htmlFor="recherche-theme">Besoin</label>
            <select
              id="recherche-theme"
              value={criteres.theme ?? ""}
              onChange={(e) => changer({ theme: e.target.value || undefined, besoins: [] })}
            >
              <option value="">Tous les besoins</option>
              {themes.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.label}
                  {compteursThemes ? ` (${compteursThemes[t.slug] ?? 0})` : ""}
                </option>
              ))}
            </select>
          </div>
          <div className="champ">
            <label htmlFor="recherche-mots">Mots-clés</label>
            <input
              id="recherche-mots"
              type="search"
              value={criteres.q}
              placeholder="ex. : permis, CV, loyer"
              onChange={(e) => {
                setFrappeEnCours(true);
                changer({ q: e.target.value }, "replace");
              }}
              onBlur={ecrireUrlEnAttente}
            />
          </div>
        </div>
        {!replie && <BoutonVoirResultats />}
      </form>

      <div className="corps-recherche">
      <FiltresLateraux
        theme={theme}
        criteres={filtresChoisis}
        compteurs={reponseDesFiltres}
        montres={filtresOuverts || ecranLarge}
        ouverts={ecranLarge}
        surBascule={setFiltresOuverts}
        changer={changer}
      />

      {erreurChargement && (
        <p className="erreur" role="alert">
          Les services n'ont pas pu être chargés ({erreurChargement}). Vérifiez votre connexion et rechargez la page, ou passez par les{" "}
          <a href="/thematiques/">thématiques</a> et les <a href="/communes/">communes</a>.
        </p>
      )}

      <div className={`resultats-et-carte${carteVisible ? " avec-carte" : ""}`}>
        <section className="resultats" aria-labelledby="titre-resultats" aria-busy={!listeAJour || attendTexte || (!index && !erreurChargement)}>
          <div className="resultats-entete">
            <h2 id="titre-resultats" tabIndex={-1}>{annonce}</h2>
            {!ecranLarge && index && (
              <button type="button" className="bouton-secondaire" aria-expanded={carteOuverte} aria-controls="zone-carte" onClick={() => setCarteOuverte((o) => !o)}>
                {carteOuverte ? "Masquer la carte" : "Carte"}
              </button>
            )}
          </div>
          {index && reponse && total === 0 && <Suggestions criteres={criteres} index={index.prepare} scores={scores} changer={changer} />}
          {index && reponse && total === 0 && <SuggestionsDeBesoins criteres={criteres} index={index.prepare} changer={changer} />}
          {reponse && indexAffiche && (
            <ListeResultats
              reponse={reponse}
              index={indexAffiche}
              nbAffiches={nbAffiches}
              selection={selection}
              communeRecherchee={commune?.code}
              voirSurLaCarte={carteVisible || !ecranLarge ? voirSurLaCarte : undefined}
              mots={texteApplique?.q ?? ""}
              motsAJour={!attendTexte}
              frappeEnCours={frappeEnCours}
              surListeComplete={setListeComplete}
            />
          )}
          {reponse && total > nbAffiches && (
            <button type="button" className="bouton-secondaire plus" onClick={() => setNbAffiches((n) => n + RESULTATS_PAR_PAGE)}>
              Afficher {Math.min(RESULTATS_PAR_PAGE, total - nbAffiches)} services de plus ({total - nbAffiches} restants)
            </button>
          )}
        </section>
        {carteVisible && (
          <section id="zone-carte" className="zone-carte" aria-label="Carte des services en présentiel">
            <Suspense fallback={<p>Chargement de la carte…</p>}>
              <Carte
                points={pointsCarte}
                commune={communeSurLaCarte}
                centrerSur={centrerSur}
                onSelection={surSelectionCarte}
              />
            </Suspense>
          </section>
        )}
      </div>
      </div>

      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {annonceStable}
      </div>
    </div>
  );
}

/**
 * Cards rendered within a keystroke's own task: those up to the last card on screen (useCartesALEcran),
 * none when the list is off screen (on a phone it starts below the words field). The others of the page
 * (cards already shown excepted) are rendered once the typing has paused, when the page is idle, so that what
 * the screen shows is painted without waiting for cards off screen, and the next key does not wait behind
 * them (rendered after each key's paint, they sometimes still were when the next key came: bench, p95
 * −1.4 ms on average over six paired runs on a phone at 2,000 services). Until it is known which cards are on screen
 * (first results, a list that was empty), about what a wide screen shows: four.
 */
const CARTES_DANS_LA_FRAPPE = 4;

const ListeResultats = memo(function ListeResultats({
  reponse,
  index,
  nbAffiches,
  selection,
  communeRecherchee,
  voirSurLaCarte,
  mots,
  motsAJour,
  frappeEnCours,
  surListeComplete,
}: {
  reponse: Reponse;
  index: IndexRecherche;
  nbAffiches: number;
  selection: string | null;
  /** INSEE code of the commune searched for: a service added to « Ma sélection » brings it along, for distances. */
  communeRecherchee?: string;
  voirSurLaCarte?: (slug: string) => void;
  /** The words the results are for, and whether they answer the field's words: for the `carto:cartes-peintes` mark. */
  mots: string;
  motsAJour: boolean;
  /** Words are being typed (no pause yet): the cards off screen wait. */
  frappeEnCours: boolean;
  /** Told the answer whose page of cards is all in the list (undefined while some wait): when its count may be said. */
  surListeComplete: (r: Reponse | undefined) => void;
}) {
  // One store subscription and one live region for the list, not two of each per card.
  const maSelection = useMaSelection();
  const [message, setMessage] = useState<MessageAnnonce | undefined>();
  const [lienCopie, setLienCopie] = useState<string | null>(null);
  const minuteurCopie = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(minuteurCopie.current), []);
  const basculer = useCallback(
    (s: ServiceIndexe) => {
      const texte = basculerDansLaSelection({ code: s.co, nom: s.n, commune: communeRecherchee });
      setMessage((m) => annoncer(m, texte));
    },
    [communeRecherchee],
  );
  const copier = useCallback(async (s: ServiceIndexe) => {
    const { copie, message } = await copierLien(urlsPubliques.service(s.s));
    setMessage((m) => annoncer(m, message));
    setLienCopie(copie ? s.s : null);
    clearTimeout(minuteurCopie.current);
    minuteurCopie.current = setTimeout(() => setLienCopie(null), DUREE_LIEN_COPIE_MS);
  }, []);

  // The whole page of cards once painted (see CARTES_DANS_LA_FRAPPE); `montees`: the cards in the DOM,
  // `derniers`: the results they show, and of which index.
  const [complete, setComplete] = useState<Reponse | undefined>();
  const montees = useRef<ReadonlySet<string>>(new Set());
  const derniers = useRef<{ index: IndexRecherche; rendus: readonly Resultat[] } | undefined>(undefined);
  const { liste, cartesALEcran } = useCartesALEcran();
  const page = reponse.resultats.slice(0, nbAffiches);
  let rendus: readonly Resultat[] = page;
  let enAttente = false;
  if (complete !== reponse) {
    const dansLaFrappe = cartesALEcran() ?? CARTES_DANS_LA_FRAPPE;
    if (dansLaFrappe === 0 && derniers.current?.index === index) {
      // The list is off screen: its cards stay as they were (unchanged props: nothing rendered, nothing to
      // lay out) until the typing pauses.
      rendus = derniers.current.rendus;
      enAttente = true;
    } else {
      rendus = page.filter((r, k) => k < dansLaFrappe || montees.current.has(index.services[r.i]!.s));
      enAttente = rendus.length < page.length;
    }
  }
  useLayoutEffect(() => {
    montees.current = new Set(rendus.map((r) => index.services[r.i]!.s));
    derniers.current = { index, rendus };
  });
  // A state setter: the same value twice renders nothing, so a keystroke whose cards wait costs no render.
  useLayoutEffect(() => surListeComplete(enAttente ? undefined : reponse));
  // Every card of the page rendered: marked once painted (User Timing; npm run bench:search reports it
  // next to the keystroke's own paint, which may leave cards off screen for later).
  const pageMarquee = useRef<Reponse | undefined>(undefined);
  useLayoutEffect(() => {
    if (enAttente || pageMarquee.current === reponse) return;
    pageMarquee.current = reponse;
    const detail = { q: mots, aJour: motsAJour };
    apresLImage(() => performance.mark("carto:cartes-peintes", { detail }));
  });
  // The other cards once the typing has paused, when the page is idle (a layout effect, as the page's own
  // that change at every key: see Recherche).
  useLayoutEffect(() => {
    if (!enAttente || frappeEnCours) return;
    return pendantLesTempsMorts(() => {
      setComplete(reponse);
      return false;
    });
  }, [enAttente, reponse, frappeEnCours]);

  return (
    <>
      <ol ref={liste} className="liste-services" aria-label="Résultats">
        {rendus.map((r) => {
          const s = index.services[r.i]!;
          return (
            <li key={s.s}>
              <CarteResultat
                service={s}
                index={index}
                avecDistance={communeRecherchee !== undefined}
                distanceKm={r.distanceKm}
                surLaCarte={s.l && s.m !== 2 ? voirSurLaCarte : undefined}
                selectionne={selection === s.s}
                dansLaSelection={maSelection ? contientService(maSelection, s.co) : undefined}
                basculer={basculer}
                lienCopie={lienCopie === s.s}
                copier={copier}
              />
            </li>
          );
        })}
      </ol>
      <Annonce message={message} />
    </>
  );
});

/**
 * One result. Its props are the index's own objects and strings and stable callbacks (unchanged from
 * one key to the next), so that a card still in the list is not rendered again: only new cards are.
 */
const CarteResultat = memo(function CarteResultat({
  service: s,
  index,
  ...p
}: {
  service: ServiceIndexe;
  /** The index `service` comes from: its structure names and need codes. */
  index: Pick<IndexRecherche, "structures" | "besoins">;
  /** A commune is searched for: the card says the distance, or « À distance ». */
  avecDistance: boolean;
  distanceKm?: number;
  surLaCarte?: (slug: string) => void;
  selectionne: boolean;
  /** Undefined until « Ma sélection » is read (no button then). */
  dansLaSelection: boolean | undefined;
  basculer: (s: ServiceIndexe) => void;
  lienCopie: boolean;
  copier: (s: ServiceIndexe) => void;
}) {
  const carte = vueCarteDeLIndex(s, index, p.avecDistance, p.distanceKm);
  const { slug, nom } = carte;
  return (
    <article id={`resultat-${slug}`} className={`carte-service${p.selectionne ? " selectionne" : ""}`}>
      <h3>
        <a href={urls.service(slug)}>{nom}</a>
      </h3>
      <p className="structure">
        {carte.structure}
        {carte.commune && ` · ${carte.commune}`}
      </p>
      {carte.avis && (
        <p className="avis-carte">
          <strong>{carte.avis.titre}</strong>
          {carte.avis.message && <> : <TexteAvecTelephones texte={carte.avis.message} /></>}
        </p>
      )}
      <p className="resume">
        <TexteAvecTelephones texte={carte.resume} />
      </p>
      {(carte.mention || carte.aVerifier) && (
        <p className="meta">
          {carte.mention && <span className="distance">{carte.mention}</span>}
          {carte.aVerifier && (
            <span>
              <span className="etiquette etiquette--alerte">{ETIQUETTE_A_VERIFIER}</span> <span className="explication-verifier">{EXPLICATION_A_VERIFIER}</span>
            </span>
          )}
        </p>
      )}
      <ul className="etiquettes" aria-label="Besoins">
        {carte.besoins.map((b) => (
          <li key={b.code} className="etiquette">
            {b.libelle}
          </li>
        ))}
      </ul>
      <div className="actions-carte">
        {p.dansLaSelection !== undefined && <BoutonBasculer nom={nom} dedans={p.dansLaSelection} onClick={() => p.basculer(s)} />}
        <BoutonDeCopie lien={urlsPubliques.service(slug)} nom={nom} copie={p.lienCopie} onClick={() => p.copier(s)} />
        {p.surLaCarte && (
          <button type="button" className="bouton-lien" aria-label={`Voir sur la carte : ${nom}`} onClick={() => p.surLaCarte!(slug)}>
            Voir sur la carte
          </button>
        )}
      </div>
    </article>
  );
});

/** An empty result suggests which criterion to remove, with what it would give. */
function Suggestions({
  criteres,
  index,
  scores,
  changer,
}: {
  criteres: Criteres;
  index: IndexPrepare;
  scores?: Map<number, number>;
  changer: (m: Partial<Criteres>) => void;
}) {
  const pistes: { libelle: string; modif: Partial<Criteres> }[] = [];
  if (criteres.q.trim()) pistes.push({ libelle: `les mots « ${criteres.q.trim()} »`, modif: { q: "" } });
  if (criteres.besoins.length) pistes.push({ libelle: "les besoins précisés", modif: { besoins: [] } });
  if (criteres.theme) pistes.push({ libelle: `le besoin « ${themeParSlug(criteres.theme)?.label} »`, modif: { theme: undefined, besoins: [] } });
  for (const g of GROUPES_FILTRES) {
    if (criteres[g].length) pistes.push({ libelle: `le filtre « ${LEGENDES_DES_GROUPES[g]} »`, modif: { [g]: [] } });
  }
  if (criteres.commune) pistes.push({ libelle: `la commune`, modif: { commune: undefined } });
  const avecCompte = pistes
    .map((p) => {
      const essai = { ...criteres, ...p.modif };
      return { ...p, n: rechercher(index, essai.q.trim() ? essai : { ...essai, q: "" }, essai.q.trim() ? scores : undefined).resultats.length };
    })
    .filter((p) => p.n > 0);
  return (
    <div className="encadre">
      <p>Aucun service ne correspond à tous ces critères.</p>
      {avecCompte.length > 0 && (
        <>
          <p>Essayez de retirer :</p>
          <ul>
            {avecCompte.map((p) => (
              <li key={p.libelle}>
                <button type="button" className="bouton-lien" onClick={() => changer(p.modif)}>
                  {p.libelle} ({p.n} service{p.n > 1 ? "s" : ""})
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
