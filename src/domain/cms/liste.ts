/**
 * What the CMS's lists show and search beside a listing's own fields: its structure by name, whether
 * it is up to date (the site's six-month rule), the partner's own listings first. Decap can only
 * show, sort, group and search the entry's data, so these are added to it when a file is read
 * (src/cms/admin.ts) and never written back (format.ts skips them).
 */
import { dateEnClair } from "../dates";
import { ETIQUETTE_A_VERIFIER, estAVerifier } from "../freshness";
import type { Collection } from "./champs";

/** The entry's extra keys, by role. Their `_` prefix keeps them apart from the schema's fields. */
export const CHAMPS_DE_LISTE = {
  /** The structure's name (a service's structure; a structure's own name). */
  structure: "_structure_nom",
  /** « à vérifier · mis à jour le … » or « à jour · … ». */
  etat: "_etat",
  /** "oui" for the connected partner's listings. */
  mesFiches: "_mes_fiches",
  /** Sort key: the partner's listings first, then the oldest update first. */
  ordre: "_ordre",
  /** Words the search looks at beyond the summary: the summary line and the body's words. */
  mots: "_mots",
} as const;

export const NOMS_CHAMPS_DE_LISTE: readonly string[] = Object.values(CHAMPS_DE_LISTE);

/** Their labels, for Decap's sort and group menus. */
export const LIBELLES_CHAMPS_DE_LISTE: Readonly<Record<(typeof CHAMPS_DE_LISTE)[keyof typeof CHAMPS_DE_LISTE], string>> = {
  [CHAMPS_DE_LISTE.structure]: "Structure",
  [CHAMPS_DE_LISTE.etat]: "État",
  [CHAMPS_DE_LISTE.mesFiches]: "Mes fiches",
  [CHAMPS_DE_LISTE.ordre]: "Ordre",
  [CHAMPS_DE_LISTE.mots]: "Mots",
};

export interface ContexteListe {
  /** Structure slug → name, as of the build (a structure created since shows its slug). */
  nomsDesStructures: Readonly<Record<string, string>>;
  /** The connected account's structures ("toutes" for the Département, [] when unknown). */
  mesStructures: "toutes" | readonly string[];
  /** The partner's day, YYYY-MM-DD (Europe/Paris). */
  aujourdhui: string;
}

/** A Decap view filter's pattern for listings to check. */
export const MOTIF_A_VERIFIER = `^${ETIQUETTE_A_VERIFIER}`;

function texte(valeur: unknown): string {
  return typeof valeur === "string" ? valeur : "";
}

/** The extra keys for one entry, from its data as read from its file. */
export function champsDeListe(collection: Collection, donnees: Record<string, unknown>, contexte: ContexteListe): Record<string, string> {
  const nom = texte(donnees.nom);
  const slugStructure = collection === "services" ? texte(donnees.structure) : undefined;
  const nomStructure = slugStructure !== undefined ? (contexte.nomsDesStructures[slugStructure] ?? slugStructure) : nom;
  const miennes = contexte.mesStructures;
  const mienne =
    miennes === "toutes" ||
    (slugStructure !== undefined ? miennes.includes(slugStructure) : miennes.some((s) => contexte.nomsDesStructures[s] === nom));
  const jour = texte(donnees.date_maj);
  const valide = /^\d{4}-\d{2}-\d{2}$/.test(jour);
  const etat = !valide
    ? "jamais enregistrée ici"
    : estAVerifier(jour, contexte.aujourdhui)
      ? `${ETIQUETTE_A_VERIFIER} · mise à jour le ${dateEnClair(jour)}`
      : `à jour · ${dateEnClair(jour)}`;
  return {
    [CHAMPS_DE_LISTE.structure]: nomStructure,
    [CHAMPS_DE_LISTE.etat]: etat,
    [CHAMPS_DE_LISTE.mesFiches]: mienne ? "oui" : "non",
    [CHAMPS_DE_LISTE.ordre]: `${mienne ? 0 : 1} ${valide ? jour : "0000-00-00"} ${nom.toLowerCase()}`,
    // The structure's slug too: partners know their listings by the files' names.
    [CHAMPS_DE_LISTE.mots]: [slugStructure ?? "", texte(donnees.resume), texte(donnees.body)].join(" ").replace(/\s+/g, " ").trim(),
  };
}
