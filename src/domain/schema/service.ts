/** A service: `content/services/<slug>.md`. The Markdown body is its description (5–10,000 characters). */
import { z } from "zod";
import {
  besoins,
  frais,
  modesAccueil,
  modesMobilisation,
  personnesMobilisatrices,
  publics,
  TOUS_PUBLICS,
  typesDeService,
} from "../taxonomy";
import { FORMES_DE_ZONE, genreDeZone } from "../zone";
import { code, codeEnTexte, codes, courriel, dateMaj, facultatif, horaires, jour, nom, signalerRepetitions, slug, telephone, texte, url } from "./champs";
import { champsAdresse, verifierAdresse } from "./adresse";
import { champsOrigine, identifiantDataInclusion, verifierOrigine } from "./origine";

export const LONGUEUR_MAX_RESUME = 280;
export const LONGUEUR_MIN_DESCRIPTION = 5;
/** A notice is read on a search card too: a sentence or two. */
export const LONGUEUR_MAX_MESSAGE_AVIS = 200;
export const NOMBRE_MAX_AVIS = 3;

/** A temporary change announced until a day (« permanence déplacée à la mairie jusqu'au 15 janvier »): avis.ts. */
const avis = z
  .object({
    du: facultatif(jour),
    au: jour,
    message: texte(LONGUEUR_MAX_MESSAGE_AVIS).min(1, "champ obligatoire (ce qui change, en une ou deux phrases)"),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.du && a.au < a.du) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["au"], message: `la fin (${a.au}) est avant le début (${a.du})` });
  });
export const LONGUEUR_MAX_DESCRIPTION = 10_000;

const codeDeZone = z.preprocess(
  codeEnTexte,
  z.string({ invalid_type_error: `doit être un ${FORMES_DE_ZONE}` }).superRefine((v, ctx) => {
    if (!genreDeZone(v)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `« ${v} » n'est pas un ${FORMES_DE_ZONE}` });
  }),
);

/** A notice's keys, in the order files write them. */
export const CLES_AVIS = Object.keys(avis.innerType().shape) as readonly (keyof z.output<typeof avis>)[];

export const serviceFrontmatter = z
  .object({
    nom,
    structure: slug,
    resume: facultatif(texte(LONGUEUR_MAX_RESUME)),
    thematiques: codes(besoins, "besoin (thématique)", 1),
    type: facultatif(code(typesDeService, "type de service")),
    publics: facultatif(
      codes(publics, "public", 1).superRefine((liste, ctx) => {
        if (liste.includes(TOUS_PUBLICS) && liste.length > 1) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: "« tous-publics » ne peut pas être combiné avec d'autres publics" });
        }
      }),
    ),
    publics_precisions: facultatif(texte(2000)),
    conditions_acces: facultatif(texte(2000)),
    frais: facultatif(code(frais, "frais")),
    frais_precisions: facultatif(texte(2000)),
    modes_accueil: codes(modesAccueil, "mode d'accueil", 1),
    ...champsAdresse,
    telephone: facultatif(telephone),
    courriel: facultatif(courriel),
    contact_nom_prenom: facultatif(texte(150)),
    zone_eligibilite: facultatif(
      z.array(codeDeZone, { invalid_type_error: "doit être une liste de codes" }).superRefine(signalerRepetitions),
    ),
    modes_mobilisation: facultatif(codes(modesMobilisation, "mode de mobilisation", 1)),
    mobilisable_par: facultatif(codes(personnesMobilisatrices, "personne mobilisatrice", 1)),
    lien_mobilisation: facultatif(url),
    mobilisation_precisions: facultatif(texte(2000)),
    horaires_accueil: facultatif(horaires),
    avis: facultatif(
      z
        .array(avis, { invalid_type_error: "doit être une liste d'avis (du, au, message)" })
        .max(NOMBRE_MAX_AVIS, `${NOMBRE_MAX_AVIS} avis au plus : retirez ceux qui sont terminés`),
    ),
    volume_horaire_hebdomadaire: facultatif(
      z.number({ invalid_type_error: "doit être un nombre d'heures (ex. : 6 ou 3.5)" }).min(0, "ne peut pas être négatif").max(168, "une semaine compte 168 heures"),
    ),
    nombre_semaines: facultatif(
      z.number({ invalid_type_error: "doit être un nombre entier de semaines" }).int("doit être un nombre entier de semaines").min(1, "1 semaine au moins"),
    ),
    // The file's former names, oldest first: old links and the open-data id (taken from the first name) keep working.
    anciens_slugs: facultatif(
      z.array(slug, { invalid_type_error: "doit être une liste d'anciens noms de fichier (sans .md)" }).superRefine(signalerRepetitions),
    ),
    date_maj: dateMaj,
    ...champsOrigine,
    structure_id: facultatif(identifiantDataInclusion),
  })
  .strict()
  .superRefine((s, ctx) => {
    verifierAdresse(s, ctx);
    verifierOrigine(s, ctx);
    if (s.modes_mobilisation?.includes("utiliser-lien-mobilisation") && !s.lien_mobilisation) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["lien_mobilisation"],
        message: "obligatoire quand modes_mobilisation contient « utiliser-lien-mobilisation »",
      });
    }
  });

export type ServiceFrontmatter = z.output<typeof serviceFrontmatter>;
export type ServiceFrontmatterSaisie = z.input<typeof serviceFrontmatter>;
