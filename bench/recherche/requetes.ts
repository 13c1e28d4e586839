/**
 * The fixed queries of the search benchmark: what people and counsellors type in the words field,
 * with accents and without, with the typos of a phone keyboard, half of them with a commune in the
 * URL (the page then filters by that commune's coverage), half without.
 */

export interface RequeteBench {
  q: string;
  /** INSEE code of the commune in the URL (`?commune=`), or none. */
  commune?: string;
}

/** Communes of the URL: the prefecture, the sub-prefectures and a few towns of the Vienne. */
export const COMMUNES_BENCH: readonly { code: string; nom: string }[] = [
  { code: "86194", nom: "Poitiers" },
  { code: "86066", nom: "Châtellerault" },
  { code: "86137", nom: "Loudun" },
  { code: "86165", nom: "Montmorillon" },
  { code: "86078", nom: "Civray" },
  { code: "86070", nom: "Chauvigny" },
];

/** Words as typed: correct, unaccented, and with typos (kept apart only to say how many of each). */
const CORRECTES = [
  "permis",
  "cv",
  "logement",
  "loyer",
  "hébergement d'urgence",
  "santé mentale",
  "addiction",
  "formation",
  "français",
  "numérique",
  "garage solidaire",
  "scooter",
  "rsa",
  "mission locale",
  "budget",
  "surendettement",
  "aide alimentaire",
  "garde d'enfants",
  "violences",
  "démarches administratives",
  "entretien d'embauche",
  "créer une entreprise",
  "bénévolat",
  "confiance en soi",
  "bilan de compétences",
  "apprentissage",
  "chantier d'insertion",
  "illettrisme",
  "accès aux droits",
  "mobilité",
];

const SANS_ACCENTS = ["hebergement", "sante", "francais langue etrangere", "demenagement", "energie", "creche"];

const AVEC_FAUTES = [
  "permsi",
  "logment",
  "sante mental",
  "formaton",
  "numerik",
  "hebergemnt urgence",
  "adiction",
  "surendetement",
  "alimentair",
  "entretient embauche",
  "benevola",
  "mision locale",
  "violence conjugal",
  "aprentissage",
  "garde enfant",
  "demarche administrative",
];

/** Every query, alternately without and with a commune (communes in turn): half each. */
export const REQUETES_BENCH: readonly RequeteBench[] = [...CORRECTES, ...SANS_ACCENTS, ...AVEC_FAUTES].map((q, i) =>
  i % 2 === 0 ? { q } : { q, commune: COMMUNES_BENCH[Math.floor(i / 2) % COMMUNES_BENCH.length]!.code },
);

/**
 * The wide screen (map beside the list) types one query in four, as many with a commune as without
 * (odd positions have one): with one in eight, only ~20 of its keys gave a new list, and their p95 was
 * their maximum. The bare page (floor of the measure), one in eight.
 */
export const REQUETES_ECRAN_LARGE = REQUETES_BENCH.filter((_, i) => i % 8 === 1 || i % 8 === 4);
export const REQUETES_PLANCHER = REQUETES_BENCH.filter((_, i) => i % 8 === 0);
/**
 * The phone with the list on screen while typing, and its floor: the queries with a commune (half of them),
 * whose list is a commune's page of cards, as the floor's (the search page of a commune, made static).
 */
export const REQUETES_LISTE_A_L_ECRAN = REQUETES_BENCH.filter((r) => r.commune);

export const COMPOSITION_REQUETES = {
  total: REQUETES_BENCH.length,
  correctes: CORRECTES.length,
  sansAccents: SANS_ACCENTS.length,
  avecFautes: AVEC_FAUTES.length,
  avecCommune: REQUETES_BENCH.filter((r) => r.commune).length,
  frappes: REQUETES_BENCH.reduce((n, r) => n + [...r.q].length, 0),
};
