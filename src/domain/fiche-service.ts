/**
 * What a service page says, in the order DORA uses: for whom, where and when, how to mobilise it,
 * fees, zone, description, contact, structure, freshness. A plain view model (strings and lists),
 * so that the static page and the CMS preview render it from one component.
 */
import type { Service, Structure } from "./catalogue";
import { avisAffiches, avisEnCours, type AvisAffiche } from "./avis";
import { dateEnClair } from "./dates";
import { EXPLICATION_A_VERIFIER, estAVerifier } from "./freshness";
import type { Position } from "./geo";
import { horairesDuService, type HorairesFiche } from "./horaires/fiche";
import { markdownEnHtml } from "./markdown";
import {
  besoinParCode,
  frais as listeFrais,
  libelle,
  modesAccueil,
  publics as listePublics,
  themeDuCode,
  typesDeService,
} from "./taxonomy";
import { numeroCourt } from "./numeros-courts";
import { lienTelephone, telephoneEnClair } from "./telephone";
import { zonesEnClair } from "./zone";
import { contactDuService } from "./contact";

export interface Lien {
  libelle: string;
  href: string;
}

export interface FicheService {
  nom: string;
  resume: string;
  structure: { nom: string; href: string };
  thematiques: { code: string; libelle: string; theme: string; themeHref: string }[];
  type?: string;
  /** Current notices, soonest first (avis.ts): shown before anything else. */
  avis: AvisAffiche[];
  /** `explication`: what « à vérifier » means, shown beside it (only when it is to be checked). */
  miseAJour: { date: string; le: string; aVerifier: boolean; explication?: string };
  pourQui: { publics: string[]; precisions?: string; conditions?: string };
  ouEtQuand: {
    modes: string[];
    adresse?: string[];
    positionApprochee: boolean;
    /** Directions to the place on OpenStreetMap, when its exact position is known… */
    itineraire?: Lien;
    /** …else why none is offered (only for a place one goes to). */
    sansItineraire?: string;
    /** Always there: the hours in words and dated openings, or the sentence saying they are missing and what to do. */
    horaires: HorairesFiche;
    rythme?: string;
  };
  mobilisation: {
    /** What a professional (counsellor) does to mobilise it; empty when not mobilisable by them. */
    professionnels: string[];
    /** What the person does; empty when only a professional can mobilise it. */
    usagers: string[];
    lien?: Lien;
    precisions?: string;
  };
  frais?: { libelle: string; precisions?: string };
  zone: string[];
  descriptionHtml: string;
  /** `telephone.quoi`: who a short national number reaches (« Samu social : hébergement d'urgence »). */
  contact: { nom?: string; telephone?: Lien & { quoi?: string }; courriel?: Lien };
}

function adresseEnLignes(lieu: Service["lieu"]): string[] | undefined {
  if (!lieu) return undefined;
  const lignes = [lieu.adresse, lieu.complement_adresse, [lieu.code_postal, lieu.commune].filter(Boolean).join(" ")].filter(
    (l): l is string => Boolean(l && l.trim()),
  );
  return lignes.length ? lignes : undefined;
}

function rythme(service: Service): string | undefined {
  const morceaux: string[] = [];
  if (service.volume_horaire_hebdomadaire !== undefined) {
    morceaux.push(`${String(service.volume_horaire_hebdomadaire).replace(".", ",")} h par semaine`);
  }
  if (service.nombre_semaines !== undefined) {
    morceaux.push(`pendant ${service.nombre_semaines} semaine${service.nombre_semaines > 1 ? "s" : ""}`);
  }
  return morceaux.length ? morceaux.join(" ") : undefined;
}

/**
 * The OpenStreetMap directions page with the place as destination (the person types or locates the start there).
 * A plain link: nothing is requested from OpenStreetMap until it is followed.
 */
export function lienItineraire(position: Position): string {
  const arrondi = (x: number) => String(Math.round(x * 1e6) / 1e6);
  return `https://www.openstreetmap.org/directions?to=${arrondi(position.lat)}%2C${arrondi(position.lon)}`;
}

function itineraire(lieu: Service["lieu"]): Pick<FicheService["ouEtQuand"], "itineraire" | "sansItineraire"> {
  if (lieu?.position && !lieu.positionApprochee) {
    return { itineraire: { libelle: "Itinéraire vers ce lieu (OpenStreetMap)", href: lienItineraire(lieu.position) } };
  }
  if (lieu?.position) return { sansItineraire: "Pas d'itinéraire : seule la commune de ce lieu est connue, pas sa position exacte." };
  return { sansItineraire: "Pas d'itinéraire : la position de ce lieu n'est pas connue." };
}

export interface OptionsFiche {
  /** The build's day (YYYY-MM-DD, Paris) for the freshness mark and the dated openings. */
  aujourdhui: string;
  /** URL of a structure's page. */
  urlStructure: (slug: string) => string;
  /** URL of a theme's page. */
  urlTheme: (slug: string) => string;
}

export function ficheService(service: Service, structure: Structure | undefined, options: OptionsFiche): FicheService {
  const { telephone, courriel } = contactDuService(service, structure);
  const enPresentiel = service.modes_accueil.includes("en-presentiel");

  const horaires = horairesDuService(service, structure, options.aujourdhui);
  // « aux horaires d'accueil » only when the page shows them; otherwise how to learn them first.
  const sePresenter = !enPresentiel
    ? "Se présenter à la structure"
    : horaires.renseignes
      ? "Se présenter sur place, aux horaires d'accueil"
      : telephone
        ? `Se présenter sur place, après avoir téléphoné au ${telephoneEnClair(telephone)} pour connaître les horaires`
        : "Se présenter sur place, après s'être renseigné sur les horaires (non renseignés ici)";

  // data·inclusion: the contact of the service, or failing that of its structure.
  const actions: string[] = [];
  for (const mode of service.modes_mobilisation ?? []) {
    if (mode === "telephoner") actions.push(telephone ? `Téléphoner au ${telephoneEnClair(telephone)}` : "Téléphoner");
    else if (mode === "envoyer-un-courriel") actions.push(courriel ? `Envoyer un courriel à ${courriel}` : "Envoyer un courriel");
    else if (mode === "se-presenter") actions.push(sePresenter);
    else if (mode === "utiliser-lien-mobilisation") actions.push("Remplir le formulaire en ligne");
  }
  const parQui = service.mobilisable_par ?? [];
  const adresse = enPresentiel ? adresseEnLignes(service.lieu) : undefined;
  const aVerifier = estAVerifier(service.date_maj, options.aujourdhui);

  return {
    nom: service.nom,
    resume: service.resume,
    structure: { nom: structure?.nom ?? service.structureSlug, href: options.urlStructure(service.structureSlug) },
    thematiques: service.thematiques.map((code) => {
      const theme = themeDuCode(code);
      return {
        code,
        libelle: besoinParCode(code)?.label ?? code,
        theme: theme?.label ?? "",
        themeHref: theme ? options.urlTheme(theme.slug) : "",
      };
    }),
    type: service.type ? libelle(typesDeService, service.type) : undefined,
    avis: avisAffiches(avisEnCours(service, structure, options.aujourdhui), options.aujourdhui),
    miseAJour: {
      date: service.date_maj,
      le: dateEnClair(service.date_maj),
      aVerifier,
      explication: aVerifier ? EXPLICATION_A_VERIFIER : undefined,
    },
    pourQui: {
      publics: (service.publics ?? ["tous-publics"]).map((p) => libelle(listePublics, p)),
      precisions: service.publics_precisions,
      conditions: service.conditions_acces,
    },
    ouEtQuand: {
      modes: service.modes_accueil.map((m) => libelle(modesAccueil, m)),
      adresse,
      positionApprochee: Boolean(service.lieu?.positionApprochee),
      ...(adresse ? itineraire(service.lieu) : {}),
      horaires,
      rythme: rythme(service),
    },
    mobilisation: {
      professionnels: parQui.includes("professionnels") ? actions : [],
      usagers: parQui.includes("usagers") ? actions : [],
      lien: service.lien_mobilisation ? { libelle: "Formulaire en ligne", href: service.lien_mobilisation } : undefined,
      precisions: service.mobilisation_precisions,
    },
    frais: service.frais ? { libelle: libelle(listeFrais, service.frais), precisions: service.frais_precisions } : undefined,
    zone: zonesEnClair(service.zone_eligibilite),
    descriptionHtml: markdownEnHtml(service.description, 3),
    contact: {
      nom: service.contact_nom_prenom,
      telephone: telephone
        ? { libelle: telephoneEnClair(telephone), href: lienTelephone(telephone), quoi: numeroCourt(telephone)?.libelle }
        : undefined,
      courriel: courriel ? { libelle: courriel, href: `mailto:${courriel}` } : undefined,
    },
  };
}
