/**
 * Field schemas shared by structures and services, with French messages that a partner can act on.
 * A field left empty ('' or null, as the CMS writes a touched empty field) counts as absent.
 */
import { z } from "zod";
import type { Valeur } from "../taxonomy";
import { estJourValide, jourDepuisValeur, jourDuSite } from "../dates";
import { verifierHoraires } from "../horaires";
import { MOTIF_SLUG } from "../text";
import { MOTIF_CODE_INSEE } from "../code-insee";
import { estTelephoneFrancais, EXPLICATION_TELEPHONE } from "../telephone";

/** Turns '' and null into undefined, so that an emptied field is simply absent. */
export function facultatif<T extends z.ZodTypeAny>(schema: T) {
  return z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());
}

const citer = (v: unknown) => (typeof v === "string" ? `« ${v} »` : `« ${JSON.stringify(v)} »`);

export const texte = (max?: number) => {
  let s = z.string({ invalid_type_error: "doit être un texte" }).trim();
  if (max) s = s.max(max, `${max} caractères au plus`);
  return s;
};

export const nom = z
  .string({ required_error: "champ obligatoire", invalid_type_error: "doit être un texte" })
  .trim()
  .min(3, "3 caractères au moins")
  .max(150, "150 caractères au plus");

export const slug = z
  .string({ required_error: "champ obligatoire", invalid_type_error: "doit être un texte" })
  .regex(MOTIF_SLUG, "doit être un identifiant en minuscules sans accent, mots séparés par des tirets (ex. : mission-locale-poitiers)");

/** One code of a reference list; the message lists what is allowed. */
export function code(valeurs: readonly Valeur[], quoi: string) {
  const permis = new Set(valeurs.map((v) => v.value));
  return z.string({ invalid_type_error: `doit être un code de ${quoi}` }).superRefine((v, ctx) => {
    if (!permis.has(v)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `${citer(v)} n'est pas une valeur permise (valeurs permises : ${[...permis].join(", ")})`,
        params: { valeur: v, liste: quoi },
      });
    }
  });
}

/** A list of codes, each from the reference list, no repeats. */
export function codes(valeurs: readonly Valeur[], quoi: string, min = 0) {
  const liste = z.array(code(valeurs, quoi), { invalid_type_error: "doit être une liste" });
  return (min > 0 ? liste.min(min, min === 1 ? "au moins une valeur" : `au moins ${min} valeurs`) : liste).superRefine(signalerRepetitions);
}

/** Reports each repeated item of a list, on the repeat's own line. */
export function signalerRepetitions(liste: readonly string[], ctx: z.RefinementCtx): void {
  const vus = new Set<string>();
  liste.forEach((v, i) => {
    if (vus.has(v)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [i], message: `${citer(v)} est répété` });
    vus.add(v);
  });
}

export const url = z
  .string({ invalid_type_error: "doit être une adresse web" })
  .trim()
  .superRefine((v, ctx) => {
    let ok = false;
    try {
      const u = new URL(v);
      ok = (u.protocol === "https:" || u.protocol === "http:") && u.hostname.includes(".");
    } catch {
      ok = false;
    }
    if (!ok) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${citer(v)} n'est pas une adresse web en http(s) (ex. : https://www.exemple.fr/page)` });
  });

/** An e-mail address (flag-free: the CMS form's pattern is this regex's source). */
export const MOTIF_COURRIEL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-zA-Z]{2,}$/;
export const EXPLICATION_COURRIEL = "n'est pas une adresse électronique valide (ex. : accueil@structure.fr)";
export const courriel = z
  .string({ invalid_type_error: "doit être une adresse électronique" })
  .trim()
  .regex(MOTIF_COURRIEL, EXPLICATION_COURRIEL);

/**
 * French phone numbers: 10 digits starting with 0 (spaces, dots or dashes allowed), +33 followed by 9 digits,
 * or a short number (3 to 4 digits: 115, 3949).
 */
export const telephone = z
  .string({ invalid_type_error: "doit être un texte : mettez le numéro entre guillemets (ex. : \"05 49 00 00 00\")" })
  .trim()
  .superRefine((v, ctx) => {
    if (!estTelephoneFrancais(v)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${citer(v)} ${EXPLICATION_TELEPHONE}` });
  });

/**
 * A required day (YYYY-MM-DD; YAML reads an unquoted one as a date, taken back as the same day); `quoi` and
 * `exemple` word the messages, `verifier` adds a rule on a well-formed day.
 */
function jourObligatoire(quoi: string, exemple: string, verifier?: (jour: string, ctx: z.RefinementCtx) => void) {
  return z
    .unknown()
    .superRefine((v, ctx) => {
      if (v === undefined || v === null || v === "") {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `champ obligatoire (${quoi}, ex. : ${exemple})` });
        return;
      }
      const jour = jourDepuisValeur(v);
      if (!jour) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${citer(typeof v === "string" ? v : String(v))} n'est pas une date au format AAAA-MM-JJ (ex. : ${exemple})` });
        return;
      }
      verifier?.(jour, ctx);
    })
    .transform((v) => jourDepuisValeur(v) as string);
}

/** A day (YYYY-MM-DD) not after today in Paris. */
export const dateMaj = jourObligatoire("date de mise à jour", "2026-10-01", (jour, ctx) => {
  const aujourdhui = jourDuSite();
  if (jour > aujourdhui) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `la date ${jour} est dans le futur (aujourd'hui : ${aujourdhui})` });
});

/** A day of a notice (avis). */
export const jour = jourObligatoire("une date", "2027-01-04");

/** Codes: YAML turns unquoted 86194 into a number; take it back as text when no digit is lost. */
const codeEnTexte = (v: unknown) => (typeof v === "number" && Number.isInteger(v) && v > 0 ? String(v) : v);

/** A postal code (the CMS form's pattern is this regex's source). */
export const MOTIF_CODE_POSTAL = /^\d{5}$/;

export const codePostal = z.preprocess(
  codeEnTexte,
  z.string({ invalid_type_error: "doit être un code postal de 5 chiffres" }).regex(MOTIF_CODE_POSTAL, "doit être un code postal de 5 chiffres (ex. : 86000)"),
);

export const codeInsee = z.preprocess(
  codeEnTexte,
  z
    .string({ invalid_type_error: "doit être un code INSEE de 5 caractères" })
    .regex(MOTIF_CODE_INSEE, "doit être un code INSEE de commune de 5 caractères (ex. : 86194)"),
);

export const latitude = z
  .number({ invalid_type_error: "doit être un nombre (degrés décimaux, ex. : 46.58)" })
  .min(-90, "doit être entre -90 et 90")
  .max(90, "doit être entre -90 et 90");
export const longitude = z
  .number({ invalid_type_error: "doit être un nombre (degrés décimaux, ex. : 0.34)" })
  .min(-180, "doit être entre -180 et 180")
  .max(180, "doit être entre -180 et 180");

export const horaires = z
  .string({ invalid_type_error: "doit être un texte au format OpenStreetMap opening_hours" })
  .trim()
  .superRefine((v, ctx) => {
    const r = verifierHoraires(v);
    if (!r.ok) ctx.addIssue({ code: z.ZodIssueCode.custom, message: r.message });
  });

export { codeEnTexte, estJourValide };
