/**
 * The first page of results of each commune, alone or with a theme, computed at build time with the
 * search's own query (`rechercher`), so that the search page shows them from a file of a few kilobytes
 * instead of waiting for the whole index (hundreds of kilobytes to fetch and decode: bench, 2,000
 * services). They are the search's entry points: the home page's form and the commune and theme
 * links lead to `?commune=…` or `?commune=…&theme=…`. Every other criterion needs the whole index.
 */
import { communeParCode, communes } from "../communes";
import { themeParSlug, themes } from "../taxonomy";
import type { IndexRecherche, ServiceIndexe } from "./index-recherche";
import { CRITERES_VIDES, GROUPES_FILTRES, rechercher, type Criteres, type GroupeFiltre, type IndexPrepare, type Reponse } from "./requete";

/**
 * Results per page of the search (the page's « Afficher plus » adds as many): four phone screens. The
 * cards a key press mounts were the largest part of its work (bench: ~8 ms per key with 20 cards).
 */
export const RESULTATS_PAR_PAGE = 10;

/** The criteria a file is computed for. */
export interface CriteresPrecalcules {
  /** INSEE code of a commune of the territory. */
  commune: string;
  /** Theme slug. */
  theme?: string;
}

export interface PremiersResultats extends CriteresPrecalcules {
  v: 1;
  /** Number of results, all pages. */
  total: number;
  /** The first page's services, in result order, in the whole index's format (structures and needs by position). */
  index: IndexRecherche;
  /** Distance in km of each service of `index`, null when it has none (remote, or no place within 50 km). */
  distances: (number | null)[];
  /** As in `Reponse`, zero counts left out. */
  compteurs: Record<GroupeFiltre, Record<string, number>>;
  /** The theme's needs only (the page shows no other need), none without a theme; zero counts left out. */
  compteursBesoins: Record<string, number>;
  compteursThemes: Record<string, number>;
}

/** Every file: each commune of the territory alone, then with each theme. */
export function criteresAPrecalculer(): CriteresPrecalcules[] {
  return communes.flatMap((c) => [{ commune: c.code }, ...themes.map((t) => ({ commune: c.code, theme: t.slug }))]);
}

/**
 * The file's name, in its folder. The search page's head builds the same name from the URL before any
 * module is loaded (src/pages/recherche/index.astro): `<commune>.json`, `<commune>-<theme>.json`.
 */
export function nomDesPremiersResultats({ commune, theme }: CriteresPrecalcules): string {
  return `${commune}${theme ? `-${theme}` : ""}.json`;
}

/**
 * The criteria whose first page is precomputed: a commune, maybe a theme, nothing else. Words are not
 * looked at: they apply once the text index is built, which needs the whole index anyway.
 */
export function criteresPrecalcules(c: Criteres): CriteresPrecalcules | undefined {
  if (!c.commune || c.besoins.length > 0) return undefined;
  if (GROUPES_FILTRES.some((g) => c[g].length > 0)) return undefined;
  return c.theme ? { commune: c.commune, theme: c.theme } : { commune: c.commune };
}

/** True when the file answers these criteria (the words apart: see `criteresPrecalcules`). */
export function repondA(p: PremiersResultats, c: Criteres): boolean {
  const attendus = criteresPrecalcules(c);
  return attendus !== undefined && attendus.commune === p.commune && attendus.theme === p.theme;
}

function besoinsDuTheme(compte: Record<string, number>, theme: string): Record<string, number> {
  const codes = themeParSlug(theme)?.categories.flatMap((c) => c.besoins.map((b) => b.value)) ?? [];
  return Object.fromEntries(codes.map((code) => [code, compte[code] ?? 0]));
}

const sansZeros = (compte: Record<string, number>) => Object.fromEntries(Object.entries(compte).filter(([, n]) => n > 0));

export function calculerPremiersResultats(prepare: IndexPrepare, criteres: CriteresPrecalcules, taille = RESULTATS_PAR_PAGE): PremiersResultats {
  const reponse = rechercher(prepare, { ...CRITERES_VIDES, ...criteres });
  const page = reponse.resultats.slice(0, taille);
  // Structures and needs renumbered among this page's services only.
  const structures: string[] = [];
  const besoins: string[] = [];
  const position = (liste: string[], valeur: string) => {
    const k = liste.indexOf(valeur);
    return k >= 0 ? k : liste.push(valeur) - 1;
  };
  const services = page.map(({ i }): ServiceIndexe => {
    const s = prepare.services[i]!;
    return { ...s, st: position(structures, prepare.structures[s.st] ?? ""), b: s.b.map((b) => position(besoins, prepare.index.besoins[b]!)) };
  });
  return {
    v: 1,
    ...criteres,
    total: reponse.resultats.length,
    index: { v: 1, structures, besoins, services },
    distances: page.map((r) => r.distanceKm ?? null),
    compteurs: Object.fromEntries(GROUPES_FILTRES.map((g) => [g, sansZeros(reponse.compteurs[g])])) as PremiersResultats["compteurs"],
    compteursBesoins: sansZeros(criteres.theme ? besoinsDuTheme(reponse.compteursBesoins, criteres.theme) : {}),
    compteursThemes: sansZeros(reponse.compteursThemes),
  };
}

/**
 * What the page shows from a file: its small index and the answer over it (results numbered in that
 * index), as `rechercher` would give over the whole one for the first page.
 */
export function reponseDesPremiers(p: PremiersResultats): { index: IndexRecherche; reponse: Reponse; total: number } {
  const reponse: Reponse = {
    resultats: p.index.services.map((_, i) => {
      const d = p.distances[i];
      return d === null || d === undefined ? { i } : { i, distanceKm: d };
    }),
    compteurs: p.compteurs,
    compteursBesoins: p.compteursBesoins,
    compteursThemes: p.compteursThemes,
    commune: communeParCode(p.commune),
    texteApplique: false,
  };
  return { index: p.index, reponse, total: p.total };
}
