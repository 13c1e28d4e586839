/**
 * « Relancer »: one prefilled e-mail per structure, from the Département, listing its listings to check, what
 * to fix and each one's edit link in the partners' space. Mail clients and browsers cut long `mailto:` links
 * (some at 2,000 characters): past `LONGUEUR_MAX_MAILTO` the list stops and says how many more there are,
 * all of them in the CSV (csv.ts).
 */
import { BOUTON_CONFIRMATION } from "../freshness";
import { lienCourriel } from "../courriel";
import { pluriel } from "../validation/messages";
import type { StructureAVoir } from "./bilan";

export const LONGUEUR_MAX_MAILTO = 1800;

export interface OptionsRelance {
  nomDuSite: string;
  courrielDepartement: string;
  /** Edit links in /admin/ (Decap's entry route). */
  urlEdition: (collection: "structures" | "services", slug: string) => string;
  longueurMax?: number;
}

/** One listing's lines in the e-mail: its name, what to fix, its edit link. */
function paragraphe(nom: string, aCorriger: string, lien: string): string[] {
  return [`- ${nom} : ${aCorriger}`, `  ${lien}`];
}

/** What to fix, in one line (e-mail, CSV). */
export const aCorrigerEnUneLigne = (signaux: readonly { libelle: string }[]) => signaux.map((s) => s.libelle).join(" ; ");

export interface Relance {
  href: string;
  /** To the structure, or to the Département when the structure has no address. */
  destinataire: string;
  versLaStructure: boolean;
  /** Listings named in the e-mail, and those left for the CSV. */
  listees: number;
  restantes: number;
}

export function relance(s: StructureAVoir, o: OptionsRelance): Relance | undefined {
  if (!s.structure) return undefined;
  const structure = s.structure;
  const max = o.longueurMax ?? LONGUEUR_MAX_MAILTO;
  const destinataire = structure.courriel ?? o.courrielDepartement;
  const paragraphes: string[][] = [];
  if (s.signaux.length > 0) paragraphes.push(paragraphe(`Fiche de la structure « ${structure.nom} »`, aCorrigerEnUneLigne(s.signaux), o.urlEdition("structures", structure.slug)));
  for (const v of s.services) paragraphes.push(paragraphe(v.service.nom, aCorrigerEnUneLigne(v.signaux), o.urlEdition("services", v.service.slug)));
  const sujet = `${o.nomDuSite} : ${pluriel(paragraphes.length, "fiche")} à vérifier`;
  const corps = (lignes: string[], restantes: number) =>
    [
      "Bonjour,",
      "",
      `Sur ${o.nomDuSite}, ${paragraphes.length > 1 ? "ces fiches de votre structure demandent" : "cette fiche de votre structure demande"} une mise à jour :`,
      "",
      ...lignes,
      ...(restantes > 0 ? ["", `… et ${pluriel(restantes, "autre fiche", "autres fiches")} : la liste complète est dans le tableau joint (relances.csv).`] : []),
      "",
      `Chaque lien ouvre la fiche dans l'espace partenaires. Si rien n'a changé, cliquez sur « ${BOUTON_CONFIRMATION} ».`,
      "",
      "Merci.",
    ].join("\r\n");
  const lien = (n: number) => lienCourriel({ a: destinataire, sujet, corps: corps(paragraphes.slice(0, n).flat(), paragraphes.length - n) });
  let n = paragraphes.length;
  while (n > 0 && lien(n).length > max) n--;
  return { href: lien(n), destinataire, versLaStructure: structure.courriel !== undefined, listees: n, restantes: paragraphes.length - n };
}
