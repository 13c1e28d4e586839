/**
 * Where an imported record comes from (data·inclusion v1 names): its `source`, its `id` there, its page
 * (`lien_source`), and for a service its `structure_id`. The import writes them and a re-import finds the
 * file again by them; the open-data export publishes the record under them. Listings created here have
 * none: their id is `<our source>--<file name>`.
 */
import { z } from "zod";
import { facultatif, signalerRepetitions, url } from "./champs";

/** A data·inclusion source: `dora`, `france-travail`, `mission-locale`… */
export const MOTIF_SOURCE = /^[a-z0-9][a-z0-9_-]*$/;

export const sourceDataInclusion = z
  .string({ invalid_type_error: "doit être le nom d'une source data·inclusion (ex. : dora)" })
  .trim()
  .regex(MOTIF_SOURCE, "doit être le nom d'une source data·inclusion, en minuscules (ex. : dora, france-travail)");

/** A v1 id: `<source>--<id at the source>`. */
export const identifiantDataInclusion = z
  .string({ invalid_type_error: "doit être un identifiant data·inclusion (ex. : dora--3f2a…)" })
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]*--\S.*$/, "doit être un identifiant data·inclusion de la forme <source>--<identifiant> (ex. : dora--3f2a…)");

export const champsOrigine = {
  source: facultatif(sourceDataInclusion),
  id: facultatif(identifiantDataInclusion),
  lien_source: facultatif(url),
};

export const NOMS_CHAMPS_ORIGINE = ["source", "id", "lien_source", "structure_id", "doublons"] as const;

/** The ids of the duplicates merged into a structure's file (data·inclusion's `doublons`). */
export const doublons = facultatif(
  z.array(identifiantDataInclusion, { invalid_type_error: "doit être une liste d'identifiants data·inclusion" }).superRefine(signalerRepetitions),
);

export interface Origine {
  source?: string;
  id?: string;
  lien_source?: string;
  structure_id?: string;
  doublons?: string[];
}

/**
 * `source` and `id` go together, and the id is one of that source's. A missing one is reported on its own
 * name (the validator then leaves the other alone rather than report the pair twice).
 */
export function verifierOrigine(o: Origine, ctx: z.RefinementCtx): void {
  const avecId = ["lien_source", "structure_id", "doublons"] as const;
  if (o.source !== undefined && o.id === undefined) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["id"], message: "manquant : une fiche avec source a aussi l'identifiant qu'elle a chez cette source (ou retirez source)" });
  }
  if (o.id !== undefined && o.source === undefined) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["source"], message: "manquant : une fiche avec id a aussi sa source data·inclusion (ou retirez id)" });
  }
  if (o.id !== undefined && o.source !== undefined && !o.id.startsWith(`${o.source}--`)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["id"], message: `« ${o.id} » n'est pas un identifiant de la source « ${o.source} » (attendu : ${o.source}--…)` });
  }
  if (o.id === undefined) {
    for (const champ of avecId) {
      if (o[champ] !== undefined) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [champ], message: "réservé aux fiches importées de data·inclusion (avec source et id)" });
      }
    }
  }
}
