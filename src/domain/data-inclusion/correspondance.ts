/**
 * data·inclusion v1 → our catalogue: one record (a structure or a service, as the API or the open-data
 * dump gives it) becomes our front matter values (same field names), a Markdown body (`description`)
 * and its origin (`source`, `id`, `lien_source`, `structure_id`). The reverse is export.ts.
 *
 * Our schema (src/domain/schema) judges the mapped values, and the validator's wording
 * (validation/messages.ts) says why, so that an import's report reads like `npm run validate`:
 * - a problem on a field the catalogue requires (nom, date_maj; services: thematiques, modes_accueil
 *   and the description) refuses the record;
 * - a problem on an optional field drops that field, with a warning « champ ignoré : … »;
 * - except the fields that restrict who may use a service (publics, publics_precisions, conditions_acces,
 *   zone_eligibilite): without them the listing would claim more than its producer says (« Tous publics »,
 *   no condition, no territorial limit), so a problem there refuses the record;
 * - in a list, a wrong code is dropped alone (« valeur ignorée : … »); a list that is left with no code is
 *   a missing field: refused when required (thematiques, modes_accueil) or restricting (publics,
 *   zone_eligibilite), dropped otherwise. Keeping the valid thematiques is safe: the service is then listed
 *   under fewer needs than its producer gave, never under a need it did not give.
 * Mending (reparations.ts) only rewrites values whose meaning is certain; HTML becomes Markdown or text (html.ts);
 * a v0 record is refused as a whole (v0.ts).
 */
import type { z } from "zod";
import { LONGUEUR_MAX_DESCRIPTION, LONGUEUR_MIN_DESCRIPTION, NOMS_CHAMPS_ORIGINE, serviceFrontmatter, structureFrontmatter } from "../schema";
import { url } from "../schema/champs";
import { estJourValide } from "../dates";
import { besoins } from "../taxonomy";
import { citer, decrireValeur, nombre, pluriel, problemeDepuisIssue } from "../validation/messages";
import type { Genre } from "./format-dump";
import { contientHtml, htmlEnMarkdown, htmlEnTexte } from "./html";
import { aDuMojibake, CARACTERE_ILLISIBLE, codeDonneEnNombre, lireJour, reparerMojibake, reparerTelephone } from "./reparations";
import { problemesV0 } from "./v0";

export interface Origine {
  source: string;
  id: string;
  lien_source?: string;
  /** Services: the data·inclusion id of the structure that runs it. */
  structure_id?: string;
}

export interface ProblemeEnregistrement {
  champ?: string;
  /** French, in the validator's words. */
  message: string;
}

export type ResultatCorrespondance =
  | {
      ok: true;
      /** Our front matter values, only the fields present, in the schema's order; no `structure`, no origin. */
      donnees: Record<string, unknown>;
      /** Markdown body: the service's description, the structure's presentation ("" when none). */
      corps: string;
      origine: Origine;
      /** Values mended without guessing. */
      reparations: ProblemeEnregistrement[];
      /** Optional fields or values dropped, a description cut upstream. */
      avertissements: ProblemeEnregistrement[];
    }
  | { ok: false; origine?: Partial<Origine>; problemes: ProblemeEnregistrement[] };

export interface OptionsCorrespondance {
  /** Reference day for "not in the future", YYYY-MM-DD in Paris. */
  aujourdhui: string;
}

const SCHEMAS = { structure: structureFrontmatter, service: serviceFrontmatter } as const;

/** Fields of ours that data·inclusion v1 has not: never read from a record, never written nor compared by the import. */
export const CHAMPS_HORS_V1 = ["resume", "anciens_slugs", "avis"] as const;

/**
 * Fields of ours never produced from a record's own field: those v1 has not (`structure` is added by the
 * import), and the origin fields (in `origine`; a structure's `doublons` are merged by the import).
 */
const CHAMPS_PROPRES: ReadonlySet<string> = new Set(["structure", ...CHAMPS_HORS_V1, ...NOMS_CHAMPS_ORIGINE]);

const OBLIGATOIRES: Readonly<Record<Genre, ReadonlySet<string>>> = {
  structure: new Set(["nom", "date_maj"]),
  service: new Set(["nom", "date_maj", "thematiques", "modes_accueil"]),
};

/** Fields that restrict a service's audience or area, and what dropping them would claim. */
const RESTRICTIFS: Readonly<Record<string, string>> = {
  publics: "sans lui, le service serait affiché « Tous publics »",
  publics_precisions: "sans lui, le service paraîtrait ouvert sans condition",
  conditions_acces: "sans lui, le service paraîtrait ouvert sans condition",
  zone_eligibilite: "sans lui, le service serait proposé sans limite de territoire",
};

/** v1 makes these optional; the catalogue cannot show a service without them. */
const ABSENTS: Readonly<Record<string, string>> = {
  thematiques: "absent ; le catalogue exige au moins un besoin (thématique) data·inclusion (sans lui, le service n'apparaît sous aucune thématique)",
  modes_accueil: "absent ; le catalogue exige en-presentiel et/ou a-distance (sans lui, le service n'est proposé dans aucune commune)",
};

/**
 * Stand-ins for a refused required field: zod checks the whole-record rules (address, lien_mobilisation)
 * only when every field passes, and every reason of a refusal is reported at once.
 */
const SUPPLEANTS: Readonly<Record<string, unknown>> = { nom: "Nom refusé", thematiques: [besoins[0]!.value], modes_accueil: ["a-distance"] };

/** One-paragraph texts: HTML there becomes plain text. */
const CHAMPS_PARAGRAPHE: ReadonlySet<string> = new Set(["publics_precisions", "conditions_acces", "frais_precisions", "mobilisation_precisions"]);

const CODES_EN_NOMBRE: Readonly<Record<string, string>> = { code_postal: "code postal", code_insee: "code INSEE", siret: "SIRET" };

const ADRESSE_POSTALE = ["adresse", "complement_adresse", "code_postal", "commune"] as const;
const MESSAGE_ADRESSE = "champ obligatoire quand une adresse est donnée";
const MESSAGE_PAIRE = "latitude et longitude vont ensemble";
const MODE_LIEN = "utiliser-lien-mobilisation";

/** The schema compares `date_maj` with the real clock; the day is checked here against `aujourdhui` instead. */
const JOUR_NEUTRE = "2000-01-01";
const STRUCTURE_PROVISOIRE = "a-determiner";

const CORPS: Readonly<Record<Genre, string>> = { structure: "la présentation de la structure", service: "la description du service" };

const CHAMPS_ORIGINE = ["source", "id", "structure_id", "lien_source"] as const;
const INDICATIONS_ORIGINE: Readonly<Record<string, string>> = {
  source: "la source data·inclusion de la fiche (ex. : dora)",
  id: "l'identifiant data·inclusion de la fiche (ex. : dora--atelier-cv)",
  structure_id: "l'identifiant data·inclusion de la structure qui porte le service",
};

/** Our schema's fields, origin aside (it has its own place, first). */
function champsDuSchema(genre: Genre): string[] {
  const origine: ReadonlySet<string> = new Set(NOMS_CHAMPS_ORIGINE);
  return Object.keys(SCHEMAS[genre].innerType().shape).filter((c) => !origine.has(c));
}

/** null, "", "  " and [] are absent; texts (and texts in lists) are trimmed. */
function valeurLue(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string") return v.trim() === "" ? undefined : v.trim();
  if (Array.isArray(v)) {
    const elements = v.map((e: unknown) => (typeof e === "string" ? e.trim() : e)).filter((e) => e !== "" && e !== null && e !== undefined);
    return elements.length === 0 ? undefined : elements;
  }
  return v;
}

/** U+FFFD cannot be mended; UTF-8 read as Latin-1 can, when re-reading it gives clean text. */
function texteLisible(texte: string): { texte: string; reparation?: string } | { erreur: string } {
  if (texte.includes(CARACTERE_ILLISIBLE)) {
    return { erreur: `caractères illisibles (« ${CARACTERE_ILLISIBLE} » à la place de lettres) : texte mal encodé avant la publication, à corriger chez le producteur` };
  }
  if (!aDuMojibake(texte)) return { texte };
  const relu = reparerMojibake(texte);
  if (relu === undefined) {
    return { erreur: "accents mal encodés (« Ã© » pour « é ») que la relecture en UTF-8 ne répare pas : à corriger chez le producteur" };
  }
  return { texte: relu, reparation: `accents mal encodés réparés : ${citer(texte)} → ${citer(relu)}` };
}

/** What is said about one record, sorted by field at the end. */
class Releve {
  problemes: ProblemeEnregistrement[] = [];
  reparations: ProblemeEnregistrement[] = [];
  avertissements: ProblemeEnregistrement[] = [];

  probleme(champ: string | undefined, message: string): void {
    this.problemes.push(champ === undefined ? { message } : { champ, message });
  }
  reparation(champ: string, message: string): void {
    this.reparations.push({ champ, message });
  }
  avertissement(champ: string, message: string): void {
    this.avertissements.push({ champ, message });
  }
  /** A dropped field's mending is no longer news. */
  oublierReparations(champ: string): void {
    this.reparations = this.reparations.filter((r) => r.champ !== champ);
  }
}

// ---------------------------------------------------------------------------------------------
// Origin

function lireOrigine(genre: Genre, champs: Readonly<Record<string, unknown>>, releve: Releve): Partial<Origine> {
  const origine: Partial<Origine> = {};
  for (const champ of CHAMPS_ORIGINE) {
    if (champ === "structure_id" && genre !== "service") continue;
    const brut = champs[champ];
    const v = valeurLue(brut);
    if (champ === "lien_source") {
      if (v === undefined) continue;
      const lu = url.safeParse(v);
      if (lu.success) origine.lien_source = lu.data;
      else releve.avertissement(champ, `champ ignoré : ${lu.error.issues[0]?.message ?? "adresse web invalide"}`);
      continue;
    }
    if (typeof v === "string") origine[champ] = v;
    else if (v === undefined) releve.probleme(champ, `champ obligatoire${brut === null ? " (laissé vide)" : ""} : ${INDICATIONS_ORIGINE[champ]}`);
    else releve.probleme(champ, `doit être un texte (reçu : ${decrireValeur(brut)})`);
  }
  return origine;
}

// ---------------------------------------------------------------------------------------------
// Body

/** The description as Markdown ("" when absent or refused). */
function lireCorps(genre: Genre, brut: unknown, releve: Releve): string {
  const rejeter = (message: string): string => {
    if (genre === "service") releve.probleme("description", message);
    else releve.avertissement("description", `champ ignoré : ${message}`);
    return "";
  };
  const v = valeurLue(brut);
  if (v === undefined) {
    if (genre === "service") {
      releve.probleme(
        "description",
        `champ obligatoire : ce que propose le service, pour qui et comment (${LONGUEUR_MIN_DESCRIPTION} à ${nombre(LONGUEUR_MAX_DESCRIPTION)} caractères)`,
      );
    }
    return "";
  }
  if (typeof v !== "string") return rejeter(`doit être un texte (reçu : ${decrireValeur(brut)})`);
  if (typeof brut === "string" && brut.length === LONGUEUR_MAX_DESCRIPTION && brut.endsWith("…")) {
    releve.avertissement(
      "description",
      `description coupée par data·inclusion à ${nombre(LONGUEUR_MAX_DESCRIPTION)} caractères : le texte complet est chez le producteur`,
    );
  }
  const lisible = texteLisible(v);
  if ("erreur" in lisible) return rejeter(lisible.erreur);
  if (lisible.reparation) releve.reparation("description", lisible.reparation);
  const markdown = contientHtml(lisible.texte) ? htmlEnMarkdown(lisible.texte) : lisible.texte;
  const longueur = markdown.length;
  if (longueur < LONGUEUR_MIN_DESCRIPTION) {
    return rejeter(`description trop courte (${pluriel(longueur, "caractère")}, ${LONGUEUR_MIN_DESCRIPTION} au moins)`);
  }
  if (longueur > LONGUEUR_MAX_DESCRIPTION) {
    return rejeter(`description trop longue (${nombre(longueur)} caractères) : ${nombre(LONGUEUR_MAX_DESCRIPTION)} caractères au plus`);
  }
  return markdown;
}

// ---------------------------------------------------------------------------------------------
// Front matter

/** The record's values under our field names, mended where the writing alone is wrong. */
function lireChamps(genre: Genre, champs: Readonly<Record<string, unknown>>, releve: Releve, ecarter: (champ: string, message: string) => void) {
  const entree: Record<string, unknown> = {};
  for (const champ of champsDuSchema(genre)) {
    if (CHAMPS_PROPRES.has(champ) || champ === "date_maj") continue;
    const brut = champs[champ];
    let v = valeurLue(brut);
    if (v === undefined) continue;
    if (typeof v === "string") {
      const lisible = texteLisible(v);
      if ("erreur" in lisible) {
        ecarter(champ, lisible.erreur);
        continue;
      }
      if (lisible.reparation) releve.reparation(champ, lisible.reparation);
      v = lisible.texte;
      if (CHAMPS_PARAGRAPHE.has(champ) && contientHtml(lisible.texte)) {
        v = valeurLue(htmlEnTexte(lisible.texte));
        if (v === undefined) continue;
      }
      if (champ === "telephone") {
        const numero = reparerTelephone(lisible.reparation ? lisible.texte : (brut as string));
        if (numero) {
          v = numero.numero;
          if (numero.reparation) releve.reparation(champ, numero.reparation);
        }
      }
    } else if (typeof v === "number" && champ in CODES_EN_NOMBRE) {
      const code = codeDonneEnNombre(v, CODES_EN_NOMBRE[champ]!);
      if (code) {
        v = code.code;
        releve.reparation(champ, code.reparation);
      }
    }
    entree[champ] = v;
  }
  return entree;
}

/** Where each field's messages go: the origin, then our schema's order, then the body. */
function rangs(genre: Genre): Map<string, number> {
  const ordre = [...CHAMPS_ORIGINE, ...champsDuSchema(genre), "description"];
  return new Map(ordre.map((c, i) => [c, i]));
}

function trier(liste: ProblemeEnregistrement[], rang: ReadonlyMap<string, number>): ProblemeEnregistrement[] {
  const de = (p: ProblemeEnregistrement) => (p.champ === undefined ? -1 : (rang.get(p.champ) ?? rang.size));
  return liste
    .map((p, i) => ({ p, i }))
    .sort((a, b) => de(a.p) - de(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

export function depuisDataInclusion(
  genre: Genre,
  champs: Record<string, unknown>,
  options: OptionsCorrespondance,
): ResultatCorrespondance {
  if (!estJourValide(options.aujourdhui)) throw new Error(`depuisDataInclusion : option aujourdhui invalide « ${options.aujourdhui} » (attendu : AAAA-MM-JJ)`);
  const releve = new Releve();
  const rang = rangs(genre);
  const origine = lireOrigine(genre, champs, releve);

  // A v0 record: its v0 fields say it all; checking the rest would only repeat the same cause.
  const v0 = problemesV0(champs);
  if (v0.length > 0) return { ok: false, origine, problemes: trier([...releve.problemes, ...v0], rang) };

  const obligatoires = OBLIGATOIRES[genre];
  const refuses = new Set<string>();
  let entree: Record<string, unknown> = {};

  /** A field that cannot be kept: the record is refused (required or restricting field), or the field dropped. */
  const ecarter = (champ: string, message: string) => {
    if (obligatoires.has(champ)) {
      releve.probleme(champ, message);
      refuses.add(champ);
    } else if (champ in RESTRICTIFS) {
      releve.probleme(champ, `${message} ; refusé plutôt qu'ignoré : ${RESTRICTIFS[champ]}`);
      refuses.add(champ);
    } else {
      releve.avertissement(champ, `champ ignoré : ${message}`);
    }
    delete entree[champ];
    releve.oublierReparations(champ);
  };

  entree = lireChamps(genre, champs, releve, ecarter);

  const jour = lireJour(champs.date_maj, options.aujourdhui);
  if ("erreur" in jour) releve.probleme("date_maj", jour.erreur);
  else if (jour.reparation) releve.reparation("date_maj", jour.reparation);

  if (genre === "service") {
    for (const champ of Object.keys(ABSENTS)) {
      if (entree[champ] === undefined && !refuses.has(champ)) {
        releve.probleme(champ, ABSENTS[champ]!);
        refuses.add(champ);
      }
    }
  }
  const corps = lireCorps(genre, champs.description, releve);

  const sortie = verifierAvecLeSchema(genre, entree, refuses, releve, ecarter);

  if (releve.problemes.length > 0) return { ok: false, origine, problemes: trier(releve.problemes, rang) };
  const donnees: Record<string, unknown> = {};
  for (const champ of champsDuSchema(genre)) {
    if (CHAMPS_PROPRES.has(champ)) continue;
    const v = champ === "date_maj" ? (jour as { jour: string }).jour : sortie[champ];
    if (v !== undefined) donnees[champ] = v;
  }
  return {
    ok: true,
    donnees,
    corps,
    origine: origine as Origine,
    reparations: trier(releve.reparations, rang),
    avertissements: trier(releve.avertissements, rang),
  };
}

/**
 * Parses with our schema until it passes, each round dropping what it rejected (or refusing the record):
 * zod reports the whole-record rules only once every field passes, and dropping one field (a latitude)
 * can break such a rule (the pair with longitude).
 */
function verifierAvecLeSchema(
  genre: Genre,
  entree: Record<string, unknown>,
  refuses: Set<string>,
  releve: Releve,
  ecarter: (champ: string, message: string) => void,
): Record<string, unknown> {
  const schema = SCHEMAS[genre];
  const contexteDe = (donnees: unknown) => ({ donnees, champsPermis: champsDuSchema(genre), corps: CORPS[genre], ligneDe: () => undefined });
  const obligatoires = OBLIGATOIRES[genre];

  for (let tour = 0; tour < 20; tour++) {
    const essai: Record<string, unknown> = { ...entree, date_maj: JOUR_NEUTRE };
    if (genre === "service") essai.structure = STRUCTURE_PROVISOIRE;
    for (const champ of refuses) if (champ in SUPPLEANTS) essai[champ] = SUPPLEANTS[champ];
    const resultat = schema.safeParse(essai);
    if (resultat.success) {
      const { structure: _structure, ...donnees } = resultat.data as Record<string, unknown>;
      return donnees;
    }

    // Issues by field, in the order zod gave them.
    const parChamp = new Map<string, z.ZodIssue[]>();
    for (const issue of resultat.error.issues) {
      const champ = issue.path.length > 0 ? String(issue.path[0]) : "";
      parChamp.set(champ, [...(parChamp.get(champ) ?? []), issue]);
    }
    // The validator's words, without its advice on writing a YAML list (a record is not YAML).
    const message = (issue: z.ZodIssue) =>
      problemeDepuisIssue(issue, contexteDe(essai))
        .map((p) => p.message.replace(/ ; écrivez une liste, ex\. : .*$/s, ""))
        .join(" ; ");

    let change = false;
    let adresseEcartee = false;
    for (const [champ, issues] of parChamp) {
      if (champ === "") {
        // A rule on the whole record (none today): it refuses the record, said once.
        for (const m of issues.map(message)) if (!releve.problemes.some((p) => p.message === m)) releve.probleme(undefined, m);
        continue;
      }
      const valeur = entree[champ];
      const surUnElement = (i: z.ZodIssue) => typeof i.path[1] === "number" && Array.isArray(valeur);
      const surLeChamp = issues.filter((i) => !surUnElement(i));
      const surDesElements = issues.filter(surUnElement);

      if (surLeChamp.length > 0) {
        change = true;
        const messages = surLeChamp.map(message);
        if (messages.some((m) => m.startsWith(MESSAGE_PAIRE))) {
          // Coordinates come as a pair: the one left goes too.
          for (const c of ["latitude", "longitude"] as const) {
            if (entree[c] === undefined) continue;
            const autre = c === "latitude" ? "longitude" : "latitude";
            releve.avertissement(c, `champ ignoré : ${messages[0]} (${autre} absente ou ignorée)`);
            delete entree[c];
            releve.oublierReparations(c);
          }
        } else if (messages.some((m) => m === MESSAGE_ADRESSE)) {
          // A postal address needs its postal code and commune: the postal part goes, coordinates and INSEE code stay.
          if (adresseEcartee) continue;
          adresseEcartee = true;
          const manquants = (["code_postal", "commune"] as const).filter((c) => entree[c] === undefined).join(" et ");
          for (const c of ADRESSE_POSTALE) {
            if (entree[c] !== undefined) ecarter(c, `une adresse demande son code postal et sa commune (${manquants} : absent ou ignoré)`);
          }
        } else if (champ === "lien_mobilisation") {
          if (valeur !== undefined) ecarter(champ, messages.join(" ; "));
        } else {
          // A refusal says each reason; a dropped field is one warning.
          for (const m of obligatoires.has(champ) ? messages : [messages.join(" ; ")]) ecarter(champ, m);
        }
        retirerModeLien(entree, releve);
        continue;
      }

      // Wrong items of a list: dropped alone; a list left empty is a missing field.
      change = true;
      const indices = new Set(surDesElements.map((i) => i.path[1] as number));
      const messages = surDesElements.map(message);
      const reste = (valeur as unknown[]).filter((_, i) => !indices.has(i));
      if (reste.length > 0) {
        entree[champ] = reste;
        for (const m of messages) releve.avertissement(champ, `valeur ignorée : ${m}`);
      } else if (obligatoires.has(champ) || champ in RESTRICTIFS) {
        for (const m of messages) ecarter(champ, m);
      } else {
        for (const m of messages) releve.avertissement(champ, `valeur ignorée : ${m}`);
        ecarter(champ, "aucune valeur permise");
      }
      if (champ === "modes_mobilisation") retirerModeLien(entree, releve);
    }
    if (!change) break;
  }
  if (releve.problemes.length > 0) return {}; // refused: the values are not used
  throw new Error("depuisDataInclusion : le schéma rejette encore l'enregistrement après chaque champ écarté");
}

/** `utiliser-lien-mobilisation` needs `lien_mobilisation`: without the link, the mode goes too. */
function retirerModeLien(entree: Record<string, unknown>, releve: Releve): void {
  const modes = entree.modes_mobilisation;
  if (entree.lien_mobilisation !== undefined || !Array.isArray(modes) || !modes.includes(MODE_LIEN)) return;
  const reste = modes.filter((m) => m !== MODE_LIEN);
  releve.avertissement("modes_mobilisation", `valeur ignorée : « ${MODE_LIEN} », faute de lien_mobilisation (absent ou ignoré)`);
  if (reste.length > 0) entree.modes_mobilisation = reste;
  else {
    delete entree.modes_mobilisation;
    releve.avertissement("modes_mobilisation", "champ ignoré : plus aucune valeur");
  }
}
