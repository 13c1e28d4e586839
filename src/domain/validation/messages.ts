/**
 * Problems of the catalogue validator, and the translation of zod's issues into messages a partner's
 * IT person can act on: the field first, then what is expected and what was received, in French.
 *
 * The schemas (src/domain/schema) already word most messages in French; zod's generic English
 * messages (a missing field, a wrong type, an unknown field…) are rewritten here, and the lists of
 * codes get a "vouliez-vous dire" suggestion. A wrong need in `thematiques` lists the needs of the
 * category meant rather than all 69.
 */
import { z } from "zod";
import {
  besoins,
  categorieDuCode,
  categorieParCode,
  categories,
  frais,
  modesAccueil,
  modesMobilisation,
  personnesMobilisatrices,
  publics,
  reseauxPorteurs,
  typesDeService,
  type Valeur,
} from "../taxonomy";
import { normaliser, slugifier } from "../text";

export type Gravite = "erreur" | "avertissement";

export interface Probleme {
  /** Path of the file, as shown to the person (e.g. `content/services/atelier-cv.md`). */
  fichier: string;
  /** 1-based line in the file, when the problem has a place. */
  ligne?: number;
  /** Front matter field concerned (top-level name, e.g. `publics`). */
  champ?: string;
  message: string;
  gravite: Gravite;
  /** What kind of problem, for a reader that treats one apart (/qualite/ flags ended notices itself). */
  code?: "avis-termine";
  /** The listing the file holds, for a reader that groups problems by listing (/qualite/). */
  fiche?: { collection: "structures" | "services"; slug: string };
}

/** A problem found inside one file, before the file's path is attached. */
export type ProblemeLocal = Omit<Probleme, "fichier">;

export type CheminChamp = readonly (string | number)[];

// ---------------------------------------------------------------------------------------------
// Small wording helpers.

/** « valeur », truncated when long. */
export function citer(valeur: unknown, max = 80): string {
  const texte = typeof valeur === "string" ? valeur : valeur instanceof Date ? valeur.toISOString().slice(0, 10) : JSON.stringify(valeur);
  const court = texte.length > max ? `${texte.slice(0, max - 1)}…` : texte;
  return `« ${court} »`;
}

/** What a YAML value is, for "(reçu : …)". */
export function decrireValeur(valeur: unknown): string {
  if (valeur === undefined) return "rien";
  if (valeur === null) return "une valeur vide";
  if (typeof valeur === "string") return valeur.trim() === "" ? "un texte vide" : `le texte ${citer(valeur)}`;
  if (typeof valeur === "number") return `le nombre ${String(valeur)}`;
  if (typeof valeur === "boolean") return `la valeur ${valeur ? "true" : "false"} (oui/non)`;
  if (valeur instanceof Date) return `la date ${citer(valeur)}`;
  if (Array.isArray(valeur)) return valeur.length === 0 ? "une liste vide" : `une liste de ${pluriel(valeur.length, "valeur")}`;
  if (typeof valeur === "object") {
    const cles = Object.keys(valeur);
    return cles.length === 0
      ? "un ensemble vide"
      : `un ensemble de champs (${cles.slice(0, 3).map((c) => citer(c)).join(", ")}${cles.length > 3 ? "…" : ""})`;
  }
  return `la valeur ${citer(String(valeur))}`;
}

/** "1 erreur", "2 erreurs", "0 fichier". */
export function pluriel(n: number, mot: string, motPluriel = `${mot}s`): string {
  return `${n} ${n >= 2 ? motPluriel : mot}`;
}

/** "86 000" style thousands for long counts. */
export function nombre(n: number): string {
  return n.toLocaleString("fr-FR").replace(/\u202f|\u00a0/g, " ");
}

// ---------------------------------------------------------------------------------------------
// "Did you mean": edit distance on normalised forms, then prefixes.

function distance(a: string, b: string): number {
  // Optimal string alignment (Levenshtein + transposition of two neighbours).
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cout = a[i - 1] === b[j - 1] ? 0 : 1;
      const ligne = d[i]!;
      const precedente = d[i - 1]!;
      let v = Math.min(precedente[j]! + 1, ligne[j - 1]! + 1, precedente[j - 1]! + cout);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      ligne[j] = v;
    }
  }
  return d[m]![n]!;
}

const forme = (s: string) => slugifier(s).replace(/-/g, "");

/**
 * The candidate closest to `mot`, accents, case, dashes and underscores aside, when it is close
 * enough to be a likely typo (about one mistake per four letters), or when one starts with the other.
 * `libelles` lets a label written instead of its code find the code ("Demandeurs d'emploi").
 */
export function plusProche(mot: string, candidats: readonly string[], libelles?: ReadonlyMap<string, string>): string | undefined {
  const cible = forme(mot);
  if (cible === "") return undefined;
  let meilleur: string | undefined;
  let meilleureDistance = Number.POSITIVE_INFINITY;
  for (const candidat of candidats) {
    const formes = [forme(candidat)];
    const libelle = libelles?.get(candidat);
    if (libelle) formes.push(forme(libelle));
    for (const f of formes) {
      const d = distance(cible, f);
      if (d < meilleureDistance) {
        meilleureDistance = d;
        meilleur = candidat;
      }
    }
  }
  if (meilleur !== undefined && meilleureDistance <= Math.max(2, Math.floor(cible.length / 4))) return meilleur;
  // A truncated or extended word: "zone" -> zone_eligibilite, "france-travail-poitiers" -> …-pont-neuf.
  if (cible.length >= 4) {
    const prefixes = candidats.filter((c) => {
      const f = forme(c);
      return f.startsWith(cible) || cible.startsWith(f);
    });
    if (prefixes.length === 1) return prefixes[0];
  }
  return undefined;
}

export function suggestion(mot: string, candidats: readonly string[], libelles?: ReadonlyMap<string, string>): string {
  const proche = plusProche(mot, candidats, libelles);
  return proche !== undefined && proche !== mot ? ` : vouliez-vous dire ${citer(proche)} ?` : "";
}

// ---------------------------------------------------------------------------------------------
// Reference lists by field, for suggestions.

const LISTES_PAR_CHAMP: Readonly<Record<string, readonly Valeur[]>> = {
  thematiques: besoins,
  type: typesDeService,
  publics,
  frais,
  modes_accueil: modesAccueil,
  modes_mobilisation: modesMobilisation,
  mobilisable_par: personnesMobilisatrices,
  reseaux_porteurs: reseauxPorteurs,
};

const libellesDe = (liste: readonly Valeur[]) => new Map(liste.map((v) => [v.value, v.label]));

/** A wrong `thematiques` value: name the category meant and list its needs only. */
export function messageBesoin(valeur: string): string {
  const codes = besoins.map((b) => b.value);
  const categorieMeme = categorieParCode(valeur.trim());
  if (categorieMeme) {
    return (
      `${citer(valeur)} est une catégorie (${categorieMeme.label}) : indiquez un ou plusieurs besoins précis de cette catégorie ` +
      `(besoins permis : ${categorieMeme.besoins.map((b) => b.value).join(", ")})`
    );
  }
  const categorie = categorieDuCode(valeur.trim());
  if (categorie) {
    const siens = categorie.besoins.map((b) => b.value);
    return (
      `${citer(valeur)} n'est pas un besoin de la catégorie « ${categorie.value} » (${categorie.label})` +
      suggestion(valeur, siens, libellesDe(categorie.besoins)) +
      ` (besoins permis dans cette catégorie : ${siens.join(", ")})`
    );
  }
  // Unknown category: maybe a typo in the category part of a real need, else list the 16 categories.
  const procheBesoin = plusProche(valeur, codes, libellesDe(besoins));
  if (procheBesoin) return `${citer(valeur)} n'est pas un besoin permis : vouliez-vous dire ${citer(procheBesoin)} ?`;
  const partieCategorie = valeur.split("--")[0] ?? valeur;
  return (
    `${citer(valeur)} n'est pas un besoin permis : catégorie ${citer(partieCategorie)} inconnue` +
    suggestion(partieCategorie, categories.map((c) => c.value), libellesDe(categories)) +
    ` (un besoin s'écrit « categorie--besoin » ; catégories permises : ${categories.map((c) => c.value).join(", ")})`
  );
}

// ---------------------------------------------------------------------------------------------
// Zod issues -> problems.

export interface ContexteZod {
  /** The raw front matter (as parsed from YAML), to say what was received. */
  donnees: unknown;
  /** The fields the schema accepts, for unknown fields. */
  champsPermis: readonly string[];
  /** What the Markdown body is called for this kind of file ("la description", "la présentation"). */
  corps: string;
  ligneDe(chemin: CheminChamp): number | undefined;
}

/** The value at a zod issue's path in the data it was read from. */
export function valeurA(donnees: unknown, chemin: CheminChamp): unknown {
  let v = donnees;
  for (const segment of chemin) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[segment];
  }
  return v;
}

const TYPES_ATTENDUS: Readonly<Record<string, string>> = {
  string: "un texte",
  number: "un nombre",
  integer: "un nombre entier",
  float: "un nombre",
  boolean: "oui ou non (true / false)",
  array: "une liste",
  object: "un ensemble de champs",
  date: "une date",
};

const INDICATIONS_OBLIGATOIRES: Readonly<Record<string, string>> = {
  nom: "le nom affiché sur le site, 3 à 150 caractères",
  structure: "l'identifiant de la structure qui porte ce service, c'est-à-dire le nom de son fichier sans .md (ex. : mission-locale-poitiers)",
  thematiques: "au moins un besoin, ex. : thematiques: [trouver-un-emploi--repondre-a-des-offres-demploi]",
  modes_accueil: "en-presentiel et/ou a-distance, ex. : modes_accueil: [en-presentiel]",
};

/** True when zod produced its own English message (no French message given by the schema). */
function estMessageGenerique(issue: z.ZodIssue): boolean {
  try {
    return issue.message === z.defaultErrorMap(issue, { defaultError: issue.message, data: undefined }).message;
  } catch {
    return false;
  }
}

function limite(n: number | bigint): string {
  return nombre(Number(n));
}

function messageGenerique(issue: z.ZodIssue, recu: unknown): string {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return `doit être ${TYPES_ATTENDUS[issue.expected] ?? issue.expected}`;
    case z.ZodIssueCode.too_small:
      if (issue.type === "array") return issue.minimum === 1 ? "au moins une valeur" : `au moins ${limite(issue.minimum)} valeurs`;
      if (issue.type === "string") return `${limite(issue.minimum)} caractères au moins`;
      return issue.inclusive ? `doit être supérieur ou égal à ${limite(issue.minimum)}` : `doit être supérieur à ${limite(issue.minimum)}`;
    case z.ZodIssueCode.too_big:
      if (issue.type === "array") return `${limite(issue.maximum)} valeurs au plus`;
      if (issue.type === "string") return `${limite(issue.maximum)} caractères au plus`;
      return issue.inclusive ? `doit être inférieur ou égal à ${limite(issue.maximum)}` : `doit être inférieur à ${limite(issue.maximum)}`;
    case z.ZodIssueCode.invalid_enum_value:
      return `${citer(recu)} n'est pas une valeur permise (valeurs permises : ${issue.options.join(", ")})`;
    case z.ZodIssueCode.invalid_literal:
      return `doit valoir ${citer(issue.expected)}`;
    case z.ZodIssueCode.invalid_string:
      return "format invalide";
    case z.ZodIssueCode.not_multiple_of:
      return `doit être un multiple de ${limite(issue.multipleOf)}`;
    case z.ZodIssueCode.not_finite:
      return "doit être un nombre fini";
    case z.ZodIssueCode.invalid_date:
      return "date invalide";
    case z.ZodIssueCode.invalid_union:
    case z.ZodIssueCode.invalid_union_discriminator:
    case z.ZodIssueCode.invalid_intersection_types:
      return "valeur invalide";
    default:
      return "valeur invalide";
  }
}

/** "(reçu : …)" and a hint when the type is wrong. */
function complementType(issue: z.ZodInvalidTypeIssue, champ: string, recu: unknown): string {
  let texte = ` (reçu : ${decrireValeur(recu)})`;
  if (issue.expected === "array" && (typeof recu === "string" || typeof recu === "number")) {
    texte += ` ; écrivez une liste, ex. : ${champ}: [${String(recu).trim() || "…"}], ou une valeur par ligne précédée de « - »`;
  } else if (issue.expected === "string" && typeof recu === "object" && recu !== null && !Array.isArray(recu)) {
    texte += " ; si le texte contient « : », mettez-le entre guillemets";
  } else if (issue.expected === "string" && Array.isArray(recu)) {
    texte += " ; une seule valeur est attendue, pas une liste";
  }
  return texte;
}

export function problemeDepuisIssue(issue: z.ZodIssue, contexte: ContexteZod): ProblemeLocal[] {
  const champ = issue.path.length > 0 ? String(issue.path[0]) : undefined;
  const ligne = contexte.ligneDe(issue.path);
  const recu = valeurA(contexte.donnees, issue.path);
  const probleme = (message: string, autres: Partial<ProblemeLocal> = {}): ProblemeLocal => ({
    gravite: "erreur",
    message,
    ...(ligne !== undefined ? { ligne } : {}),
    ...(champ !== undefined ? { champ } : {}),
    ...autres,
  });

  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    return issue.keys.map((cle) => {
      const ligneCle = contexte.ligneDe([...issue.path, cle]);
      let conseil = suggestion(cle, contexte.champsPermis);
      if (!conseil && ["description", "presentation", "présentation", "texte", "contenu", "body"].includes(normaliser(cle))) {
        conseil = ` : ${contexte.corps} s'écrit sous l'en-tête, après la ligne « --- » qui le ferme`;
      }
      return {
        gravite: "erreur" as const,
        champ: cle,
        ...(ligneCle !== undefined ? { ligne: ligneCle } : {}),
        message: `champ inconnu ${citer(cle)}${conseil} (champs permis : ${contexte.champsPermis.join(", ")})`,
      };
    });
  }

  if (issue.code === z.ZodIssueCode.invalid_type && (issue.received === "undefined" || issue.received === "null")) {
    const indication = champ !== undefined ? INDICATIONS_OBLIGATOIRES[champ] : undefined;
    const vide = issue.received === "null" ? " (laissé vide)" : "";
    return [probleme(`champ obligatoire${vide}${indication ? ` : ${indication}` : ""}`)];
  }

  const generique = estMessageGenerique(issue);
  let message = generique ? messageGenerique(issue, recu) : issue.message;

  if (issue.code === z.ZodIssueCode.invalid_type) {
    message += complementType(issue, champ ?? "champ", recu);
  } else if (issue.code === z.ZodIssueCode.invalid_string && !message.includes(citer(recu))) {
    // "n'est pas une adresse électronique valide" needs its subject: the value itself.
    message = message.startsWith("n'est pas") ? `${citer(recu)} ${message}` : `${message} (reçu : ${decrireValeur(recu)})`;
  } else if ((issue.code === z.ZodIssueCode.too_big || issue.code === z.ZodIssueCode.too_small) && issue.type === "string" && typeof recu === "string") {
    message += ` (actuellement : ${nombre(recu.trim().length)})`;
  } else if (issue.code === z.ZodIssueCode.custom && typeof recu === "string" && champ !== undefined) {
    // A code outside its reference list: the schema's message lists the values; add the likely one.
    const liste = LISTES_PAR_CHAMP[champ];
    const estHorsListe = (issue.params as { valeur?: unknown } | undefined)?.valeur === recu;
    if (liste && estHorsListe) {
      message = champ === "thematiques" ? messageBesoin(recu) : message + suggestion(recu, liste.map((v) => v.value), libellesDe(liste)).replace(/^ : /, " ; ");
    }
  } else if (issue.code === z.ZodIssueCode.invalid_enum_value && typeof recu === "string") {
    message += suggestion(recu, issue.options.map(String)).replace(/^ : /, " ; ");
  }
  return [probleme(message)];
}

/** Every issue of a failed parse, in the order of the fields in the file. */
export function problemesDepuisZod(issues: readonly z.ZodIssue[], contexte: ContexteZod): ProblemeLocal[] {
  return issues.flatMap((issue) => problemeDepuisIssue(issue, contexte));
}
