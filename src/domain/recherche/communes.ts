/**
 * The commune combobox's look-up: by name (accents, case, dashes, apostrophes and small typos aside),
 * by postal code or by INSEE code. Exact and prefix matches come first, then fuzzy ones (fuse.js);
 * population breaks ties, so that the town people mean comes before the hamlet.
 */
import Fuse from "fuse.js";
import { communes, type Commune } from "../communes";
import { normaliser } from "../text";

interface EntreeCommune {
  commune: Commune;
  /** Normalised name: "l isle jourdain". */
  nom: string;
  /** Without spaces: "lislejourdain". */
  compact: string;
  /** " l isle jourdain": a word starts where " " + query is found. */
  avecEspace: string;
  codes: readonly string[];
}

let entrees: EntreeCommune[] | undefined;
let fuse: Fuse<EntreeCommune> | undefined;

function preparer(): { entrees: EntreeCommune[]; fuse: Fuse<EntreeCommune> } {
  if (!entrees || !fuse) {
    entrees = communes.map((commune) => {
      const nom = normaliser(commune.nom);
      return { commune, nom, compact: nom.replace(/ /g, ""), avecEspace: ` ${nom}`, codes: [commune.code, ...commune.anciensCodes] };
    });
    fuse = new Fuse(entrees, { keys: ["nom"], includeScore: true, ignoreLocation: true, threshold: 0.4, minMatchCharLength: 2 });
  }
  return { entrees, fuse };
}

/** "st martin" → "saint martin", "ste radegonde" → "sainte radegonde". */
function developper(q: string): string {
  return q.replace(/(^| )st( |$)/g, "$1saint$2").replace(/(^| )ste( |$)/g, "$1sainte$2");
}

const parPopulation = (a: Commune, b: Commune) => b.population - a.population;

function parCode(chiffres: string): Commune[] {
  const rangs = new Map<Commune, number>();
  for (const { commune, codes } of preparer().entrees) {
    let rang = Infinity;
    // Postal codes first: people type them more than INSEE codes (86100 is Châtellerault's).
    if (commune.codesPostaux.includes(chiffres)) rang = 0;
    else if (codes.includes(chiffres)) rang = 1;
    else if (commune.codesPostaux.some((cp) => cp.startsWith(chiffres)) || codes.some((c) => c.startsWith(chiffres))) rang = 2;
    if (rang < Infinity) rangs.set(commune, rang);
  }
  return [...rangs.keys()].sort((a, b) => rangs.get(a)! - rangs.get(b)! || parPopulation(a, b));
}

function parNom(q: string): Commune[] {
  const { entrees, fuse } = preparer();
  const compact = q.replace(/ /g, "");
  const rangs = new Map<Commune, number>();
  for (const e of entrees) {
    let rang = Infinity;
    if (e.nom === q || e.compact === compact) rang = 0;
    else if (e.nom.startsWith(q) || e.compact.startsWith(compact)) rang = 1;
    else if (e.avecEspace.includes(` ${q}`)) rang = 2;
    if (rang < Infinity) rangs.set(e.commune, rang);
  }
  const directs = [...rangs.keys()].sort((a, b) => rangs.get(a)! - rangs.get(b)! || parPopulation(a, b));
  if (q.length < 3) return directs;
  // Typos: fuse.js scores (0 = perfect), in steps of 0.1 so that population decides among near-equals.
  const flous = fuse
    .search(q)
    .filter((r) => !rangs.has(r.item.commune))
    .map((r) => ({ commune: r.item.commune, palier: Math.round((r.score ?? 1) * 10) }))
    .sort((a, b) => a.palier - b.palier || parPopulation(a.commune, b.commune))
    .map((r) => r.commune);
  return [...directs, ...flous];
}

/**
 * The communes matching what a person typed, best first: digits → postal code or INSEE code (exact,
 * then prefix); letters → name (exact, prefix, word prefix, then fuzzy). "Châtellerault (86100)" works
 * too: the digits then narrow the names.
 */
export function chercherCommunes(q: string, max = 8): Commune[] {
  const texte = normaliser(q);
  const chiffres = texte.match(/\b(\d{2,5}|2[ab]\d{0,3})\b/)?.[1]?.toUpperCase();
  const lettres = developper(
    texte
      .replace(/\b(\d+|2[ab]\d{0,3})\b/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
  );
  if (!lettres) return chiffres ? parCode(chiffres).slice(0, max) : [];
  let trouvees = parNom(lettres);
  if (chiffres) {
    const filtrees = trouvees.filter((c) => [...c.codesPostaux, c.code, ...c.anciensCodes].some((code) => code.startsWith(chiffres)));
    if (filtrees.length > 0) trouvees = filtrees;
  }
  return trouvees.slice(0, max);
}
