/**
 * « Signaler une erreur »: an e-mail link (no server) a person follows from a service's page. It goes to
 * the service's address, else its structure's, with the Département in copy, or to the Département alone
 * when neither has one; its subject and body name the service, its page and identifier, and guide the
 * person through what is wrong.
 */
import { lienCourriel } from "./courriel";

/** What can be wrong, in the order people meet it. */
export const CE_QUI_EST_FAUX = ["le téléphone", "l'adresse", "les horaires", "le service n'existe plus", "autre chose"] as const;

export interface Signalement {
  nomService: string;
  nomStructure: string;
  /** The page's public address. */
  page: string;
  /** The service's data·inclusion identifier. */
  identifiant: string;
  /** The service's e-mail, else its structure's. */
  courrielDeLaFiche?: string;
  /** The Département's address (site.config.ts, `editeur.courriel`). */
  courrielDepartement: string;
  nomDuSite: string;
}

/** The Département is in copy when the report goes to another address than its own. */
const departementEnCopie = (s: Pick<Signalement, "courrielDeLaFiche" | "courrielDepartement">) =>
  s.courrielDeLaFiche !== undefined && s.courrielDeLaFiche !== s.courrielDepartement;

/** Who receives the report, for the page's sentence: `duService` when the address is the service's own. */
export function quiRecoitLeSignalement(s: Pick<Signalement, "courrielDeLaFiche" | "courrielDepartement">, duService: boolean): string {
  if (!departementEnCopie(s)) return "au Département";
  return `${duService ? "au service" : "à la structure"}, avec le Département en copie`;
}

export function lienSignalement(s: Signalement): string {
  const destinataire = s.courrielDeLaFiche ?? s.courrielDepartement;
  const copie = departementEnCopie(s) ? s.courrielDepartement : undefined;
  const corps = [
    "Bonjour,",
    "",
    `Sur ${s.nomDuSite}, la fiche « ${s.nomService} » (${s.nomStructure}) contient une information à corriger.`,
    "",
    `Page : ${s.page}`,
    `Identifiant : ${s.identifiant}`,
    "",
    "Ce qui est faux (gardez la ligne qui convient) :",
    ...CE_QUI_EST_FAUX.map((c) => `- ${c}`),
    "",
    "La bonne information, si vous la connaissez :",
    "",
    "",
    "Merci.",
  ].join("\r\n");
  return lienCourriel({ a: destinataire, ...(copie ? { cc: copie } : {}), sujet: `Erreur sur la fiche « ${s.nomService} »`, corps });
}

