/**
 * The hours a service or structure page shows: its own, else (for a service received at its structure's
 * place) the structure's, else a sentence that says they are missing and what to do before travelling.
 */
import type { Lieu, Service, Structure } from "../catalogue";
import { lireHoraires, type HorairesLus } from "../horaires";
import { lienTelephone, telephoneEnClair } from "../telephone";
import { normaliser } from "../text";
import { contactDuService } from "../contact";

export interface LienHoraires {
  libelle: string;
  href: string;
}

export type HorairesFiche =
  | (HorairesLus & {
      renseignes: true;
      /** The structure's hours, shown for a service received at its place. */
      deLaStructure: boolean;
    })
  | {
      renseignes: false;
      /** « Horaires non renseignés : téléphonez au » + lien + « avant de vous déplacer. » */
      conseil: { avant: string; lien?: LienHoraires; apres: string };
      /** Hours are given, in a form the page cannot say (sun times): the validator warns about them. */
      illisibles?: true;
    };

const adresseComparable = (l: Lieu) => [l.adresse, l.code_postal, l.commune].map((v) => normaliser(v ?? "")).join("|");

/**
 * Is the service received where its structure receives? Yes when it has no address of its own (it inherits
 * the structure's), or when its street address, postcode and commune are the structure's (spelling aside).
 * A service with only a commune, or not received in person, is not « at the same place ».
 */
export function auLieuDeLaStructure(service: Pick<Service, "modes_accueil" | "lieu" | "lieuHerite">, structure: Pick<Structure, "lieu"> | undefined): boolean {
  if (!service.modes_accueil.includes("en-presentiel") || !structure?.lieu?.adresse) return false;
  if (service.lieuHerite) return true;
  if (!service.lieu?.adresse) return false;
  return adresseComparable(service.lieu) === adresseComparable(structure.lieu);
}

/**
 * The sentence a person reads when no hours can be shown, with the way to ask (phone, else e-mail): none were
 * given, or the value follows what the page cannot date (sun times, see horaires.ts), said as such.
 */
export function conseilSansHoraires(
  telephone: string | undefined,
  courriel: string | undefined,
  enPresentiel: boolean,
  valeurIllisible = false,
): Extract<HorairesFiche, { renseignes: false }>["conseil"] {
  const pourQuoi = enPresentiel ? "avant de vous déplacer." : "pour savoir quand joindre le service.";
  const constat = valeurIllisible ? "Horaires variables, non détaillés ici" : "Horaires non renseignés";
  if (telephone) {
    return { avant: `${constat} : téléphonez au `, lien: { libelle: telephoneEnClair(telephone), href: lienTelephone(telephone) }, apres: ` ${pourQuoi}` };
  }
  if (courriel) {
    return { avant: `${constat} : écrivez à `, lien: { libelle: courriel, href: `mailto:${courriel}` }, apres: ` ${pourQuoi}` };
  }
  return { avant: `${constat} : renseignez-vous auprès de la structure ${pourQuoi}`, apres: "" };
}

/**
 * The hours value a service follows: its own, else (received at its structure's place) its structure's — and so
 * that value's closures (avis.ts). The structure's stand in only for a service that gives none, not for hours of
 * its own the page cannot say.
 */
export function horairesSuivis(
  service: Pick<Service, "horaires_accueil" | "modes_accueil" | "lieu" | "lieuHerite">,
  structure: Pick<Structure, "lieu" | "horaires_accueil"> | undefined,
): { valeur?: string; deLaStructure: boolean } {
  const propre = service.horaires_accueil?.trim();
  if (propre) return { valeur: propre, deLaStructure: false };
  const deLaStructure = auLieuDeLaStructure(service, structure) ? structure?.horaires_accueil?.trim() : undefined;
  return deLaStructure ? { valeur: deLaStructure, deLaStructure: true } : { deLaStructure: false };
}

/** The hours of a service page on the build's day. */
export function horairesDuService(service: Service, structure: Structure | undefined, aujourdhui: string): HorairesFiche {
  const { valeur, deLaStructure } = horairesSuivis(service, structure);
  const lus = valeur ? lireHoraires(valeur, aujourdhui) : undefined;
  if (lus) return { renseignes: true, deLaStructure, ...lus };
  const contact = contactDuService(service, structure);
  return {
    renseignes: false,
    conseil: conseilSansHoraires(contact.telephone, contact.courriel, service.modes_accueil.includes("en-presentiel"), Boolean(valeur)),
    ...(valeur ? { illisibles: true as const } : {}),
  };
}

/** The hours of a structure page on the build's day. */
export function horairesDeLaStructure(structure: Structure, aujourdhui: string): HorairesFiche {
  const lus = structure.horaires_accueil ? lireHoraires(structure.horaires_accueil, aujourdhui) : undefined;
  if (lus) return { renseignes: true, deLaStructure: false, ...lus };
  const valeur = Boolean(structure.horaires_accueil?.trim());
  return {
    renseignes: false,
    conseil: conseilSansHoraires(structure.telephone, structure.courriel, structure.lieu !== undefined, valeur),
    ...(valeur ? { illisibles: true as const } : {}),
  };
}

/** The hours as plain lines (selection sheet, share texts): the words, else the dated openings, else the advice. */
export function horairesEnLignes(h: HorairesFiche): string[] {
  if (!h.renseignes) return [`${h.conseil.avant}${h.conseil.lien?.libelle ?? ""}${h.conseil.apres}`];
  const majuscule = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
  const lignes = h.lignes.map((l) => `${majuscule(l.jours)} : ${l.heures}`);
  if (h.feries) lignes.push(h.feries);
  if (h.lignes.length === 0) {
    lignes.push(h.prochaines.length > 0 ? `Prochaines ouvertures : ${h.prochaines.join(" ; ")}` : "Aucune ouverture prévue dans les douze prochains mois.");
  }
  if (h.deLaStructure) lignes.unshift("Horaires de la structure, où le service est rendu :");
  return lignes;
}
