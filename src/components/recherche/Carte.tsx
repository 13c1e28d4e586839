/**
 * The search page's map: in-person results clustered with supercluster, the chosen commune, popups that
 * highlight the card. Client only and loaded lazily (`React.lazy(() => import("./Carte"))`): Leaflet
 * touches `window` when imported, so nothing imported at startup may import this module (types are
 * fine with `import type`, or take them from `src/domain/carte.ts`).
 *
 * Markers are drawn imperatively in one Leaflet layer: React renders this component when its props
 * change, never per marker, and the visible clusters are recomputed on `moveend` only (a pan or a zoom,
 * animated or not, ends with one), from an index rebuilt only when the `points` array changes.
 */
import "leaflet/dist/leaflet.css";
import "./Carte.css";
import L from "leaflet";
import { memo, useEffect, useMemo, useRef, useState } from "react";
import { MapContainer, TileLayer, ZoomControl, useMap } from "react-leaflet";
import { siteConfig } from "../../../site.config";
import {
  boiteACadrer,
  creerIndexCarte,
  elementsVisibles,
  zoomDEclatement,
  zoomDeDegroupement,
  type Boite,
  type ElementCarte,
  type IndexCarte,
  type Lieu,
  type PointCarte,
} from "../../domain/carte";

export type { PointCarte } from "../../domain/carte";

export interface PropsCarte {
  points: PointCarte[];
  commune?: { nom: string; lat: number; lon: number };
  /** Slug of a result to fly to and open (the card's "Voir sur la carte"); null for none. */
  centrerSur?: string | null;
  /** Called with the slug when a person opens a marker (click, Enter or Space). */
  onSelection?: (slug: string) => void;
}

const FRANCE: [number, number] = [46.6, 2.4];
const RAYON_AUTOUR_COMMUNE_KM = 30;
/** fitBounds never zooms closer than this: one result or a close cluster still shows its surroundings. */
const ZOOM_MAX_CADRAGE = 14;
const MARGE_CADRAGE: [number, number] = [32, 32];

const mouvementReduit = () =>
  typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

// ——— Icons (shared: Leaflet builds one element per marker from them) ———

const iconeLieu = (() => {
  const cache = new Map<number, L.DivIcon>();
  return (nombre: number) => {
    let icone = cache.get(nombre);
    if (!icone) {
      icone = L.divIcon({
        className: "carte-marqueur",
        html:
          '<span class="carte-marqueur__epingle" aria-hidden="true"></span>' +
          (nombre > 1 ? `<span class="carte-marqueur__nombre" aria-hidden="true">${nombre}</span>` : ""),
        iconSize: [28, 34],
        iconAnchor: [14, 34],
        popupAnchor: [0, -30],
      });
      cache.set(nombre, icone);
    }
    return icone;
  };
})();

const iconeGroupe = (() => {
  const cache = new Map<number, L.DivIcon>();
  return (nombre: number) => {
    let icone = cache.get(nombre);
    if (!icone) {
      const taille = nombre < 10 ? 32 : nombre < 100 ? 38 : nombre < 1000 ? 44 : 52;
      const classe = nombre < 100 ? "" : nombre < 1000 ? " carte-groupe--moyen" : " carte-groupe--grand";
      icone = L.divIcon({
        className: `carte-groupe${classe}`,
        html: `<span aria-hidden="true">${nombre}</span>`,
        iconSize: [taille, taille],
        iconAnchor: [taille / 2, taille / 2],
      });
      cache.set(nombre, icone);
    }
    return icone;
  };
})();

// ——— Popups (built as DOM, never from HTML strings of data) ———

function element<K extends keyof HTMLElementTagNameMap>(
  balise: K,
  classe: string,
  texte?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(balise);
  e.className = classe;
  if (texte !== undefined) e.textContent = texte;
  return e;
}

function contenuPopup(lieu: Lieu, cible: string | null): HTMLElement {
  const liste = element("ul", "carte-popup");
  for (const p of lieu.points) {
    const item = element("li", "carte-popup__service" + (p.slug === cible ? " carte-popup__service--cible" : ""));
    const lien = element("a", "carte-popup__nom", p.nom);
    lien.href = `/services/${encodeURIComponent(p.slug)}/`;
    item.append(lien, element("span", "carte-popup__structure", p.structure));
    if (p.distance) item.append(element("span", "carte-popup__distance", p.distance));
    liste.append(item);
  }
  return liste;
}

const nomAccessible = (lieu: Lieu) =>
  lieu.points.length === 1
    ? (lieu.points[0]?.nom ?? "")
    : `${lieu.points.length} services à cette adresse : ${lieu.points.map((p) => p.nom).join(" ; ")}`;

/**
 * Accessible name, and for tests and the integrator: `data-nombre` (services the marker or cluster
 * stands for: their sum over the map is the number of results drawn) and `data-slugs` (a place's).
 */
function etiqueter(marqueur: L.Marker, texte: string, nombre: number, slugs?: string) {
  const e = marqueur.getElement();
  if (!e) return;
  e.setAttribute("aria-label", texte);
  e.dataset.nombre = String(nombre);
  if (slugs !== undefined) e.dataset.slugs = slugs;
}

// ——— The layer of clusters and places ———

interface PropsCouche {
  index: IndexCarte;
  commune: PropsCarte["commune"];
  points: PointCarte[];
  centrerSur: string | null;
  onSelection: ((slug: string) => void) | undefined;
  /** What the map was created on: not fitted again on mount. */
  cadrageInitial: { points: PointCarte[]; commune: PropsCarte["commune"] };
}

function CoucheResultats({ index, commune, points, centrerSur, onSelection, cadrageInitial }: PropsCouche) {
  const carte = useMap();
  const rappelSelection = useRef(onSelection);
  rappelSelection.current = onSelection;

  /** Drawn markers by element key, reused while they stay in view. */
  const marqueurs = useRef(new Map<string, L.Marker>());
  /** Place whose popup opens once the map has flown to it (centrerSur). */
  const aOuvrir = useRef<{ lieu: number; slug: string } | null>(null);
  /** Move focus back to the map after a cluster opened with the keyboard disappears. */
  const rendreFocus = useRef(false);

  // Container: a named region; popup close button in French; Escape in a popup.
  useEffect(() => {
    const conteneur = carte.getContainer();
    conteneur.setAttribute("role", "region");
    conteneur.setAttribute("aria-label", "Carte des résultats");
    const surOuverture = (e: L.PopupEvent) => {
      const bouton = e.popup.getElement()?.querySelector(".leaflet-popup-close-button");
      bouton?.setAttribute("aria-label", "Fermer");
      bouton?.setAttribute("title", "Fermer");
    };
    carte.on("popupopen", surOuverture);
    // Escape inside a popup closes it (Leaflet only listens while the map itself has the focus).
    const surTouche = (e: KeyboardEvent) => {
      if (e.key === "Escape" && e.target instanceof Element && e.target.closest(".leaflet-popup")) {
        e.preventDefault();
        carte.closePopup();
      }
    };
    conteneur.addEventListener("keydown", surTouche);
    // The map may be shown after being hidden (the phone's "Carte" toggle): keep Leaflet's size right.
    const observateur = typeof ResizeObserver === "function" ? new ResizeObserver(() => carte.invalidateSize()) : null;
    observateur?.observe(conteneur);
    return () => {
      carte.off("popupopen", surOuverture);
      conteneur.removeEventListener("keydown", surTouche);
      observateur?.disconnect();
    };
  }, [carte]);

  // The drawing: on every moveend, and anew (a new layer) when the index changes, since a new index
  // numbers its places and clusters anew.
  useEffect(() => {
    const groupe = L.layerGroup().addTo(carte);
    const dessines = marqueurs.current;
    dessines.clear();

    const creerMarqueur = (el: ElementCarte): L.Marker => {
      if (el.type === "groupe") {
        const nom = `${el.nombreServices} services ici : zoomer pour les voir`;
        const m = L.marker([el.lat, el.lon], { icon: iconeGroupe(el.nombreServices), title: nom, keyboard: true });
        const ouvrir = (clavier: boolean) => {
          const zoom = Math.min(zoomDEclatement(index, el.id), carte.getMaxZoom());
          rendreFocus.current = clavier;
          if (mouvementReduit()) carte.setView([el.lat, el.lon], zoom);
          else carte.flyTo([el.lat, el.lon], zoom, { duration: 0.5 });
        };
        m.on("click", () => ouvrir(false));
        m.on("keypress", (e) => {
          if ((e as L.LeafletKeyboardEvent).originalEvent.key === "Enter") ouvrir(true);
        });
        m.on("add", () => {
          etiqueter(m, nom, el.nombreServices);
          m.getElement()?.addEventListener("keydown", (e) => {
            if (e.key === " ") {
              e.preventDefault();
              ouvrir(true);
            }
          });
        });
        return m;
      }
      const lieu = index.lieux[el.lieu]!;
      const nom = nomAccessible(lieu);
      const m = L.marker([el.lat, el.lon], {
        icon: iconeLieu(lieu.points.length),
        title: nom,
        alt: nom,
        keyboard: true,
        riseOnHover: true,
      });
      m.bindPopup(() => contenuPopup(lieu, aOuvrir.current?.lieu === el.lieu ? aOuvrir.current.slug : null), {
        maxWidth: 280,
        autoPanPadding: [16, 16],
      });
      const choisir = () => {
        const premier = lieu.points[0];
        if (premier) rappelSelection.current?.(premier.slug);
      };
      // From the keyboard, focus goes into the popup (its links come after every marker in the DOM)
      // and back to the marker when it closes (close button, Escape).
      const entrerDansLaPopup = () => m.getPopup()?.getElement()?.querySelector<HTMLElement>("a.carte-popup__nom")?.focus();
      m.on("click", choisir);
      // Enter opens the popup (Leaflet's own handler, which runs first) and selects; Space, expected of
      // a button, does both too.
      m.on("keypress", (e) => {
        if ((e as L.LeafletKeyboardEvent).originalEvent.key !== "Enter") return;
        choisir();
        entrerDansLaPopup();
      });
      m.on("popupopen", () => m.getElement()?.classList.add("carte-marqueur--choisi"));
      m.on("popupclose", (e) => {
        const icone = m.getElement();
        icone?.classList.remove("carte-marqueur--choisi");
        const actif = document.activeElement;
        if (icone?.isConnected && actif && (e as L.PopupEvent).popup.getElement()?.contains(actif)) {
          icone.focus({ preventScroll: true });
        }
      });
      m.on("add", () => {
        etiqueter(m, nom, lieu.points.length, lieu.points.map((p) => p.slug).join(" "));
        if (m.isPopupOpen()) m.getElement()?.classList.add("carte-marqueur--choisi");
        m.getElement()?.addEventListener("keydown", (e) => {
          if (e.key === " ") {
            e.preventDefault();
            m.openPopup();
            choisir();
            entrerDansLaPopup();
          }
        });
      });
      return m;
    };

    const actualiser = () => {
      // A margin around the view, so that a short pan shows markers already there.
      const limites = carte.getBounds().pad(0.2);
      const elements = elementsVisibles(
        index,
        [limites.getWest(), limites.getSouth(), limites.getEast(), limites.getNorth()],
        carte.getZoom(),
      );
      const presents = new Set<string>();
      for (const el of elements) {
        presents.add(el.cle);
        if (!dessines.has(el.cle)) {
          const m = creerMarqueur(el);
          dessines.set(el.cle, m);
          groupe.addLayer(m);
        }
      }
      for (const [cle, m] of dessines) {
        if (!presents.has(cle)) {
          groupe.removeLayer(m);
          dessines.delete(cle);
        }
      }
      const cible = aOuvrir.current;
      if (cible) {
        const m = dessines.get(`l${cible.lieu}`);
        if (m) {
          m.openPopup();
          aOuvrir.current = null;
        }
      }
      if (rendreFocus.current) {
        rendreFocus.current = false;
        const actif = document.activeElement;
        if (!actif || actif === document.body || !carte.getContainer().contains(actif)) {
          carte.getContainer().focus({ preventScroll: true });
        }
      }
    };
    actualiser();
    carte.on("moveend", actualiser);
    return () => {
      carte.off("moveend", actualiser);
      groupe.remove();
      dessines.clear();
    };
  }, [carte, index]);

  // Fit the results (or the commune and 30 km) when they change; not on mount, the map was created so.
  const dernierCadrage = useRef(cadrageInitial);
  useEffect(() => {
    const precedent = dernierCadrage.current;
    if (precedent.points === points && memeCommune(precedent.commune, commune)) return;
    dernierCadrage.current = { points, commune };
    const boite = boiteACadrer(points, commune, RAYON_AUTOUR_COMMUNE_KM);
    if (boite) carte.fitBounds(boite, { padding: MARGE_CADRAGE, maxZoom: ZOOM_MAX_CADRAGE, animate: false });
  }, [carte, points, commune]);

  // The chosen commune's mark, under the services' markers.
  const communeLat = commune?.lat;
  const communeLon = commune?.lon;
  const communeNom = commune?.nom;
  useEffect(() => {
    if (communeLat === undefined || communeLon === undefined || communeNom === undefined) return;
    const repere = document.createElement("span");
    repere.className = "carte-commune__repere";
    repere.setAttribute("role", "img");
    repere.setAttribute("aria-label", `Commune choisie : ${communeNom}`);
    const m = L.marker([communeLat, communeLon], {
      icon: L.divIcon({ className: "carte-commune", html: repere, iconSize: [24, 24], iconAnchor: [12, 12] }),
      interactive: false,
      keyboard: false,
      zIndexOffset: -1000,
    }).addTo(carte);
    return () => {
      m.remove();
    };
  }, [carte, communeLat, communeLon, communeNom]);

  // "Voir sur la carte": fly to the place, low enough for it to have its own marker, then open it.
  // Done once per value of centrerSur; if the slug is not among the points yet (the map was just opened
  // by this very button and its points come a moment later), done when they come.
  const centrageFait = useRef<string | null>(null);
  useEffect(() => {
    if (!centrerSur) {
      centrageFait.current = null;
      return;
    }
    if (centrageFait.current === centrerSur) return;
    const lieu = index.lieuDuService.get(centrerSur);
    const l = lieu === undefined ? undefined : index.lieux[lieu];
    if (lieu === undefined || !l) return;
    centrageFait.current = centrerSur;
    aOuvrir.current = { lieu, slug: centrerSur };
    const zoom = Math.min(carte.getMaxZoom(), zoomDeDegroupement(index, lieu, carte.getZoom()));
    const deja = marqueurs.current.get(`l${lieu}`);
    if (deja && zoom === carte.getZoom() && carte.getBounds().contains([l.lat, l.lon])) {
      // Already in view on its own: open it here (a pan to it may follow, to fit the popup).
      deja.closePopup();
      deja.openPopup();
      aOuvrir.current = null;
      return;
    }
    if (mouvementReduit()) carte.setView([l.lat, l.lon], zoom, { animate: false });
    else carte.flyTo([l.lat, l.lon], zoom, { duration: 0.6 });
  }, [carte, centrerSur, index]);

  return null;
}

function memeCommune(a: PropsCarte["commune"], b: PropsCarte["commune"]): boolean {
  if (!a || !b) return a === b;
  return a.lat === b.lat && a.lon === b.lon && a.nom === b.nom;
}

// ——— The component ———

/** Memoised: the search page renders at every key, and the map's props change only once typing settles. */
export default memo(function Carte({ points, commune, centrerSur = null, onSelection }: PropsCarte) {
  const { tuiles, centre, zoom } = siteConfig.carte;
  // Rebuilt only when the results change (a new array), never while typing elsewhere.
  const index = useMemo(
    () => creerIndexCarte(points, { zoomMaxGroupes: Math.max(0, Math.min(14, tuiles.maxZoom - 1)) }),
    [points, tuiles.maxZoom],
  );
  // The first view, computed once: MapContainer ignores later changes of bounds/center.
  const [depart] = useState(() => {
    const boite: Boite | null = boiteACadrer(points, commune, RAYON_AUTOUR_COMMUNE_KM);
    return { boite, points, commune };
  });

  return (
    <div className="carte-recherche">
      <MapContainer
        {...(depart.boite
          ? { bounds: depart.boite, boundsOptions: { padding: MARGE_CADRAGE, maxZoom: ZOOM_MAX_CADRAGE } }
          : { center: centre ?? FRANCE, zoom: zoom ?? 6 })}
        maxZoom={tuiles.maxZoom}
        minZoom={3}
        zoomControl={false}
      >
        <TileLayer url={tuiles.url} attribution={tuiles.attribution} maxZoom={tuiles.maxZoom} />
        <ZoomControl position="topleft" zoomInTitle="Zoom avant" zoomOutTitle="Zoom arrière" />
        <CoucheResultats
          index={index}
          commune={commune}
          points={points}
          centrerSur={centrerSur}
          onSelection={onSelection}
          cadrageInitial={{ points: depart.points, commune: depart.commune }}
        />
      </MapContainer>
    </div>
  );
});
