/**
 * « Signaler une erreur »: an e-mail link (no server) a person follows from a service's page. It goes to
 * the service's address, else its structure's, with the Département in copy, or to the Département alone
 * when neither has one; its subject and body name the service, its page and identifier, and guide the
 * person through what is wrong.
 */

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

export function lienSignalement(s: Signalement): string {
  const destinataire = s.courrielDeLaFiche ?? s.courrielDepartement;
  const copie = s.courrielDeLaFiche && s.courrielDeLaFiche !== s.courrielDepartement ? s.courrielDepartement : undefined;
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
  const parametres = [
    ...(copie ? [`cc=${encodeURIComponent(copie)}`] : []),
    `subject=${encodeURIComponent(`Erreur sur la fiche « ${s.nomService} »`)}`,
    `body=${encodeURIComponent(corps)}`,
  ];
  return `mailto:${encodeURIComponent(destinataire).replace(/%40/g, "@")}?${parametres.join("&")}`;
}
