/** A structure (organisation): `content/structures/<slug>.md`. The Markdown body is its presentation. */
import { z } from "zod";
import { reseauxPorteurs } from "../taxonomy";
import { codes, courriel, dateMaj, facultatif, horaires, nom, telephone, texte, url } from "./champs";
import { champsAdresse, verifierAdresse } from "./adresse";
import { champsOrigine, doublons, verifierOrigine } from "./origine";

export const structureFrontmatter = z
  .object({
    nom,
    siret: facultatif(
      z.preprocess(
        (v) => (typeof v === "number" ? String(v) : v),
        z.string({ invalid_type_error: "doit être un texte de 14 chiffres" }).regex(/^\d{14}$/, "doit comporter exactement 14 chiffres, sans espace"),
      ),
    ),
    ...champsAdresse,
    telephone: facultatif(telephone),
    courriel: facultatif(courriel),
    site_web: facultatif(url),
    horaires_accueil: facultatif(horaires),
    accessibilite_lieu: facultatif(url),
    reseaux_porteurs: facultatif(codes(reseauxPorteurs, "réseau porteur")),
    date_maj: dateMaj,
    ...champsOrigine,
    doublons,
  })
  .strict()
  .superRefine((s, ctx) => {
    verifierAdresse(s, ctx);
    verifierOrigine(s, ctx);
  });

export type StructureFrontmatter = z.output<typeof structureFrontmatter>;
export type StructureFrontmatterSaisie = z.input<typeof structureFrontmatter>;
