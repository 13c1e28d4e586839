/** Freshness: a listing not updated for more than six months must be checked before it is trusted. */
import { ajouterMois } from "./dates";

export const MOIS_AVANT_VERIFICATION = 6;

/** True when `dateMaj` is more than six months before `aujourdhui` (both YYYY-MM-DD, Paris days). */
export function estAVerifier(dateMaj: string, aujourdhui: string): boolean {
  return dateMaj < ajouterMois(aujourdhui, -MOIS_AVANT_VERIFICATION);
}

/** The mark on a listing past six months (pages, cards, the CMS's lists). */
export const ETIQUETTE_A_VERIFIER = "à vérifier";

/** What « à vérifier » means, in visible words beside the mark (a tooltip reaches neither touch nor keyboard). */
export const EXPLICATION_A_VERIFIER = `informations de plus de ${MOIS_AVANT_VERIFICATION} mois : appelez avant de vous déplacer`;

/** The date people trust on a listing: that of its last save or confirmation. */
export const MENTION_VERIFICATION = "Informations vérifiées le";

/** The partners' space's one-click confirmation (src/cms/confirmation.ts), named in the guide and reminders. */
export const BOUTON_CONFIRMATION = "Je confirme que ces informations sont à jour";
