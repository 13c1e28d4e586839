/**
 * The query, on the main thread at every keystroke: filters as bitsets (one bit per service), the
 * coverage of a commune computed once per commune with `couverture()` (the rule of the commune pages)
 * and cached, disjunctive facet counts, and the order of the results.
 *
 * Semantics: commune → `couverture()` (zone + 50 km, or remote); theme → any need of the theme's
 * categories; besoins → any of them; publics → a selected public, and services for everyone match
 * every public; types, frais → the service's value is selected; modes → the service offers a selected
 * mode. Values of a group are ORed, groups are ANDed. A non-empty `q` keeps only the services of the
 * text search's result map (when that map is given; without it, `q` is ignored).
 *
 * Order: see `Reponse.resultats`; in both, the services reached by an emergency number come first when a
 * need sought is among theirs (urgence.ts, the commune pages' rule too): the search's need (theme or
 * needs), or the needs the words point to (mots-courants.ts).
 */
import { communeParCode, type Commune } from "../communes";
import { couverture } from "../coverage";
import { besoins as tousLesBesoins, frais, modesAccueil, publics, themeDuCode, themes, typesDeService, TOUS_PUBLICS, type Valeur } from "../taxonomy";
import type { IndexRecherche, ServiceIndexe } from "./index-recherche";
import { besoinsDesMots } from "./mots-courants";
import { rangDUrgence, urgencesEnTete } from "../urgence";

export interface Criteres {
  /** INSEE code of the commune. */
  commune?: string;
  /** Theme slug. */
  theme?: string;
  /** `categorie--besoin` codes. */
  besoins: string[];
  q: string;
  publics: string[];
  types: string[];
  frais: string[];
  modes: string[];
}

export const CRITERES_VIDES: Criteres = Object.freeze({
  besoins: Object.freeze([]) as unknown as string[],
  q: "",
  publics: Object.freeze([]) as unknown as string[],
  types: Object.freeze([]) as unknown as string[],
  frais: Object.freeze([]) as unknown as string[],
  modes: Object.freeze([]) as unknown as string[],
}) as Criteres;

export interface Resultat {
  /** Index in `index.services`. */
  i: number;
  /** Distance from the commune's centre to the in-person place, when within 50 km. */
  distanceKm?: number;
  /** Text relevance, when words were searched. */
  score?: number;
}

export type GroupeFiltre = "publics" | "types" | "frais" | "modes";
export const GROUPES_FILTRES: readonly GroupeFiltre[] = ["publics", "types", "frais", "modes"];

/** Each filter group's heading, on the search page's filters and in what an empty result suggests removing. */
export const LEGENDES_DES_GROUPES: Readonly<Record<GroupeFiltre, string>> = { publics: "Public", types: "Type de service", frais: "Frais", modes: "Accueil" };

/** Each filter group's reference list (the taxonomy's): what the URL accepts and what the index counts. */
export const VALEURS_DES_GROUPES: Readonly<Record<GroupeFiltre, readonly Valeur[]>> = {
  publics,
  types: typesDeService,
  frais,
  modes: modesAccueil,
};

/**
 * The values the search page offers as filters: each group's whole list, except « tous-publics » (services
 * for everyone already match every public; the URL still accepts it).
 */
export function valeursFiltrables(groupe: GroupeFiltre): readonly Valeur[] {
  return groupe === "publics" ? publics.filter((v) => v.value !== TOUS_PUBLICS) : VALEURS_DES_GROUPES[groupe];
}

export interface Reponse {
  /** With words: by relevance band, then distance, then name. Without: distance, then name; no distance last. */
  resultats: Resultat[];
  /** For each value of each group: how many results if that value were selected in its group (other groups applied). */
  compteurs: Record<GroupeFiltre, Record<string, number>>;
  /** For each need: how many results if that need alone were chosen (commune, words and filters applied). */
  compteursBesoins: Record<string, number>;
  /** For each theme: how many results if that theme were chosen, without needs (commune, words and filters applied). */
  compteursThemes: Record<string, number>;
  /** The commune the results were computed for (undefined when none or unknown). */
  commune?: Commune;
  /** True when the words filtered the results (q non-empty and the text results given). */
  texteApplique: boolean;
}

/** The coverage of one commune: computed once with `couverture()`, reused while the person types. */
interface CouvertureCommune {
  couverts: Uint32Array;
  /** Distance in km, NaN when covered without a place within 50 km (or not covered). */
  distances: Float64Array;
  /** The covered services, in the commune page's order (distance, name; no distance last). */
  ordre: Uint32Array;
}

export interface IndexPrepare {
  readonly index: IndexRecherche;
  readonly services: readonly ServiceIndexe[];
  readonly structures: readonly string[];
  /** Number of services and of 32-bit words per bitset. */
  readonly n: number;
  readonly mots: number;
  /** Position of each service in French alphabetical order of names (ties: index order). */
  readonly rangNom: Uint32Array;
  /** Services in name order. */
  readonly ordreNom: Uint32Array;
  readonly tous: Uint32Array;
  readonly parTheme: ReadonlyMap<string, Uint32Array>;
  readonly parBesoin: ReadonlyMap<string, Uint32Array>;
  readonly parValeur: Readonly<Record<GroupeFiltre, ReadonlyMap<string, Uint32Array>>>;
  /** The service-shaped objects given to `couverture()`. */
  readonly pourCouverture: readonly Parameters<typeof couverture>[0][];
  /** The services reached by an emergency number (index `u`), with their need codes. */
  readonly urgences: readonly { i: number; aDistance: boolean; thematiques: readonly string[] }[];
  /** Coverage per commune code, most recently used last. */
  readonly couvertures: Map<string, CouvertureCommune>;
}

/** How many communes' coverage stays cached (a commune changes rarely while typing). */
const COMMUNES_EN_CACHE = 16;
/** Relevance bands: results whose score is within the same band of the best are ordered by distance. */
export const BANDES_PERTINENCE = 4;

const MODES: Record<1 | 2 | 3, string[]> = { 1: ["en-presentiel"], 2: ["a-distance"], 3: ["en-presentiel", "a-distance"] };

// --- bitsets ---------------------------------------------------------------------------------

function bitset(mots: number): Uint32Array {
  return new Uint32Array(mots);
}

function poser(b: Uint32Array, i: number): void {
  b[i >>> 5]! |= 1 << (i & 31);
}

function estPose(b: Uint32Array, i: number): boolean {
  return (b[i >>> 5]! & (1 << (i & 31))) !== 0;
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

function compterEt(a: Uint32Array, b: Uint32Array): number {
  let n = 0;
  for (let w = 0; w < a.length; w++) n += popcount32(a[w]! & b[w]!);
  return n;
}

function etDans(cible: Uint32Array, b: Uint32Array): void {
  for (let w = 0; w < cible.length; w++) cible[w]! &= b[w]!;
}

function ouDans(cible: Uint32Array, b: Uint32Array): void {
  for (let w = 0; w < cible.length; w++) cible[w]! |= b[w]!;
}

function ajouterA(table: Map<string, Uint32Array>, cle: string, i: number, mots: number): void {
  let b = table.get(cle);
  if (!b) table.set(cle, (b = bitset(mots)));
  poser(b, i);
}

/** ORs `bits` into the bitset of `cle` (made when missing). */
function fusionnerDans(table: Map<string, Uint32Array>, cle: string, bits: Uint32Array, mots: number): void {
  let b = table.get(cle);
  if (!b) table.set(cle, (b = bitset(mots)));
  ouDans(b, bits);
}

// --- preparation -----------------------------------------------------------------------------

/** Decodes the index once: bitsets per theme, need and filter value, name order, coverage inputs. */
export function preparerIndex(index: IndexRecherche): IndexPrepare {
  const services = index.services;
  const n = services.length;
  const mots = Math.max(1, Math.ceil(n / 32));
  const tous = bitset(mots);
  for (let i = 0; i < n; i++) poser(tous, i);

  // The index lists the services in French alphabetical order (the catalogue's): their rank is their
  // name order. Sorting here would cost a collator (30–120 ms to make in a fresh page) and n·log n.
  const ordreNom = Uint32Array.from(services.keys());
  const rangNom = new Uint32Array(n);
  ordreNom.forEach((i, rang) => (rangNom[i] = rang));

  const parBesoin = new Map<string, Uint32Array>();
  const parTheme = new Map<string, Uint32Array>();
  const themeDeCategorie = new Map(themes.flatMap((t) => t.categories.map((c) => [c.value, t.slug] as const)));
  const parValeur: Record<GroupeFiltre, Map<string, Uint32Array>> = {
    publics: new Map(),
    types: new Map(),
    frais: new Map(),
    modes: new Map(),
  };
  // Every value of the reference lists has a bitset, empty when unused: counts show 0, not nothing.
  for (const b of tousLesBesoins) parBesoin.set(b.value, bitset(mots));
  for (const t of themes) parTheme.set(t.slug, bitset(mots));
  for (const groupe of GROUPES_FILTRES) {
    for (const v of VALEURS_DES_GROUPES[groupe]) parValeur[groupe].set(v.value, bitset(mots));
  }
  const publicsCibles = publics.map((p) => p.value);

  // Needs by their position in `index.besoins` first (no string work per service), named after the loop;
  // likewise the services for everyone, added to every public at the end (not one by one).
  const parPositionBesoin = index.besoins.map(() => bitset(mots));
  const pourTousLesPublics = bitset(mots);
  const pourCouverture: Parameters<typeof couverture>[0][] = [];
  const urgences: IndexPrepare["urgences"][number][] = [];
  services.forEach((s, i) => {
    if (s.u === 1) urgences.push({ i, aDistance: (s.m & 2) !== 0, thematiques: s.b.map((b) => index.besoins[b] ?? "") });
    for (const b of s.b) {
      const bits = parPositionBesoin[b];
      if (bits) poser(bits, i);
    }
    // A service for everyone (no publics, or tous-publics) matches every public.
    if (s.p && s.p.length > 0 && !s.p.includes(TOUS_PUBLICS)) for (const p of s.p) ajouterA(parValeur.publics, p, i, mots);
    else poser(pourTousLesPublics, i);
    if (s.t) ajouterA(parValeur.types, s.t, i, mots);
    if (s.f) ajouterA(parValeur.frais, s.f, i, mots);
    for (const m of MODES[s.m] ?? []) ajouterA(parValeur.modes, m, i, mots);
    pourCouverture.push({
      zone_eligibilite: s.z,
      modes_accueil: MODES[s.m] ?? [],
      lieu: s.l ? { position: { lat: s.l[0], lon: s.l[1] }, positionApprochee: s.a === 1 } : undefined,
    });
  });
  index.besoins.forEach((code, position) => {
    const bits = parPositionBesoin[position]!;
    fusionnerDans(parBesoin, code, bits, mots);
    const theme = themeDeCategorie.get(code.split("--")[0] ?? "");
    if (theme) fusionnerDans(parTheme, theme, bits, mots);
  });
  for (const p of publicsCibles) fusionnerDans(parValeur.publics, p, pourTousLesPublics, mots);

  return {
    index,
    services,
    structures: index.structures,
    n,
    mots,
    rangNom,
    ordreNom,
    tous,
    parTheme,
    parBesoin,
    parValeur,
    pourCouverture,
    urgences,
    couvertures: new Map(),
  };
}

/** The coverage of a commune, from the cache or computed with `couverture()` for every service. */
export function couvertureDeLaCommune(prepare: IndexPrepare, commune: Commune): CouvertureCommune {
  const cache = prepare.couvertures;
  const connue = cache.get(commune.code);
  if (connue) {
    cache.delete(commune.code);
    cache.set(commune.code, connue);
    return connue;
  }
  const { n, mots, ordreNom, pourCouverture } = prepare;
  const couverts = bitset(mots);
  const distances = new Float64Array(n).fill(NaN);
  const proches: number[] = [];
  const loin: number[] = [];
  // In name order, so that a stable sort by distance leaves equal distances by name.
  for (let k = 0; k < n; k++) {
    const i = ordreNom[k]!;
    const c = couverture(pourCouverture[i]!, commune);
    if (!c) continue;
    poser(couverts, i);
    if (c.distanceKm === undefined) loin.push(i);
    else {
      distances[i] = c.distanceKm;
      proches.push(i);
    }
  }
  // The commune page's order (comparerResultats): distance, then name; no distance last.
  proches.sort((a, b) => distances[a]! - distances[b]!);
  const ordre = new Uint32Array(proches.length + loin.length);
  ordre.set(proches);
  ordre.set(loin, proches.length);
  const resultat = { couverts, distances, ordre };
  cache.set(commune.code, resultat);
  if (cache.size > COMMUNES_EN_CACHE) cache.delete(cache.keys().next().value!);
  return resultat;
}

// --- query -----------------------------------------------------------------------------------

/** OR of the bitsets of the selected values; undefined when nothing is selected (no filter). */
function union(table: ReadonlyMap<string, Uint32Array>, valeurs: readonly string[], mots: number): Uint32Array | undefined {
  if (valeurs.length === 0) return undefined;
  const b = bitset(mots);
  for (const v of valeurs) {
    const bv = table.get(v);
    if (bv) ouDans(b, bv);
  }
  return b;
}

function compter(table: ReadonlyMap<string, Uint32Array>, base: Uint32Array): Record<string, number> {
  const compte: Record<string, number> = {};
  for (const [valeur, b] of table) compte[valeur] = compterEt(base, b);
  return compte;
}

export function rechercher(prepare: IndexPrepare, criteres: Criteres, texte?: Map<number, number>): Reponse {
  const { n, mots, tous, parValeur } = prepare;

  // Always applied: the commune's coverage and the words.
  const base = tous.slice();
  const commune = criteres.commune ? communeParCode(criteres.commune) : undefined;
  const couvertureCommune = commune ? couvertureDeLaCommune(prepare, commune) : undefined;
  if (couvertureCommune) etDans(base, couvertureCommune.couverts);
  const texteApplique = criteres.q.trim() !== "" && texte !== undefined;
  if (texteApplique) {
    const trouves = bitset(mots);
    for (const i of texte.keys()) if (i >= 0 && i < n) poser(trouves, i);
    etDans(base, trouves);
  }

  // The groups: need (theme and needs), then each filter group.
  let besoin: Uint32Array | undefined;
  const theme = criteres.theme ? prepare.parTheme.get(criteres.theme) : undefined;
  const besoinsChoisis = union(prepare.parBesoin, criteres.besoins, mots);
  if (theme || besoinsChoisis) {
    besoin = theme ? theme.slice() : besoinsChoisis!;
    if (theme && besoinsChoisis) etDans(besoin, besoinsChoisis);
  }
  const groupes = GROUPES_FILTRES.map((g) => union(parValeur[g], criteres[g], mots));

  const final = base.slice();
  if (besoin) etDans(final, besoin);
  for (const g of groupes) if (g) etDans(final, g);

  /** The results with every group applied except one (the disjunctive base of that group's counts). */
  const sauf = (exclu: number): Uint32Array => {
    // exclu: -1 = need group, 0..3 = filter groups.
    if (exclu === -1 ? !besoin : !groupes[exclu]) return final;
    const b = base.slice();
    if (exclu !== -1 && besoin) etDans(b, besoin);
    groupes.forEach((g, k) => {
      if (g && k !== exclu) etDans(b, g);
    });
    return b;
  };

  const compteurs = {} as Record<GroupeFiltre, Record<string, number>>;
  GROUPES_FILTRES.forEach((g, k) => (compteurs[g] = compter(parValeur[g], sauf(k))));
  const sansBesoin = sauf(-1);
  const compteursBesoins = compter(prepare.parBesoin, sansBesoin);
  const compteursThemes = compter(prepare.parTheme, sansBesoin);

  const ordonnes = texteApplique
    ? ordonnerParPertinence(prepare, final, texte, couvertureCommune)
    : ordonnerParDistance(prepare, final, couvertureCommune);
  const resultats = urgencesDEnTete(prepare, ordonnes, besoinsVises(criteres, texteApplique));

  return { resultats, compteurs, compteursBesoins, compteursThemes, commune, texteApplique };
}

/**
 * The needs a search seeks, for urgence.ts: its chosen needs, else its theme's; and the needs its words
 * point to, when the words apply. Undefined when it seeks none (a commune alone: the commune page's order).
 */
export function besoinsVises(criteres: Pick<Criteres, "theme" | "besoins" | "q">, texteApplique = true): ((besoin: string) => boolean) | undefined {
  const desMots = texteApplique ? besoinsDesMots(criteres.q) : [];
  const choisis = new Set([...criteres.besoins, ...desMots]);
  const theme = criteres.besoins.length === 0 ? criteres.theme : undefined;
  if (choisis.size === 0 && !theme) return undefined;
  return (besoin) => choisis.has(besoin) || (theme !== undefined && themeDuCode(besoin)?.slug === theme);
}

/** urgence.ts's rule over the results: only the few emergency services are looked at. */
function urgencesDEnTete(prepare: IndexPrepare, resultats: Resultat[], vise: ((besoin: string) => boolean) | undefined): Resultat[] {
  if (!vise || prepare.urgences.length === 0) return resultats;
  const rangs = new Map<number, number>();
  for (const u of prepare.urgences) {
    const rang = rangDUrgence({ urgence: true, aDistance: u.aDistance, thematiques: u.thematiques }, vise);
    if (rang < 2) rangs.set(u.i, rang);
  }
  return rangs.size === 0 ? resultats : urgencesEnTete(resultats, (r) => rangs.get(r.i) ?? 2);
}

function ordonnerParDistance(prepare: IndexPrepare, final: Uint32Array, couv: CouvertureCommune | undefined): Resultat[] {
  const resultats: Resultat[] = [];
  const ordre = couv ? couv.ordre : prepare.ordreNom;
  for (let k = 0; k < ordre.length; k++) {
    const i = ordre[k]!;
    if (!estPose(final, i)) continue;
    const d = couv ? couv.distances[i]! : NaN;
    resultats.push(d === d ? { i, distanceKm: d } : { i });
  }
  return resultats;
}

/** The relevance band of a score: 0 for the best quarter of the best score, then 1, 2, 3. */
function bande(score: number, meilleur: number): number {
  if (!(meilleur > 0)) return 0;
  return Math.min(BANDES_PERTINENCE - 1, Math.floor((1 - score / meilleur) * BANDES_PERTINENCE));
}

function ordonnerParPertinence(
  prepare: IndexPrepare,
  final: Uint32Array,
  texte: Map<number, number>,
  couv: CouvertureCommune | undefined,
): Resultat[] {
  const { n, rangNom } = prepare;
  let meilleur = 0;
  const trouves: { i: number; score: number; bande: number; d: number }[] = [];
  for (const [i, score] of texte) {
    if (i < 0 || i >= n || !estPose(final, i)) continue;
    if (score > meilleur) meilleur = score;
    trouves.push({ i, score, bande: 0, d: couv ? couv.distances[i]! : NaN });
  }
  for (const t of trouves) t.bande = bande(t.score, meilleur);
  trouves.sort((a, b) => {
    if (a.bande !== b.bande) return a.bande - b.bande;
    const sa = a.d === a.d;
    const sb = b.d === b.d;
    if (sa && sb && a.d !== b.d) return a.d - b.d;
    if (sa !== sb) return sa ? -1 : 1;
    return b.score - a.score || rangNom[a.i]! - rangNom[b.i]!;
  });
  return trouves.map((t) => (t.d === t.d ? { i: t.i, distanceKm: t.d, score: t.score } : { i: t.i, score: t.score }));
}
