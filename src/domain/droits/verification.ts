/**
 * Rights per organisation, on one change request: given the files changed between two commits and the
 * author's login, which changes the author may make (rules in the header of comptes.ts). Each file of the
 * catalogue needs rights on:
 * - `structures/<slug>.md`: that structure (before and after, when renamed);
 * - `services/<slug>.md`: its `structure` field before AND after (moving a service to another organisation
 *   needs both);
 * - anything else in the catalogue folder (comptes.yml itself, the import's files, a misplaced file):
 *   the Département.
 * Files outside the catalogue are not this check's business; they are listed apart for the reviewer.
 *
 * The rights are those of the base commit (the caller reads comptes.yml there): an author cannot grant
 * himself rights in the change he proposes. Plain functions on texts; scripts/verifier-droits.ts reads git.
 */
import { lireFrontMatter } from "../validation/frontmatter";
import { pluriel } from "../validation/messages";
import { estDuDepartement, structuresDuCompte, type Comptes } from "./acces";
import { FICHIER_COMPTES } from "./comptes";

export type Statut = "ajoute" | "modifie" | "supprime" | "renomme";

export interface Changement {
  statut: Statut;
  /** Path from the repository's root, `/` separators; for a rename, the new path. */
  chemin: string;
  /** Renamed: the path before. */
  ancienChemin?: string;
  /** Text before (absent when added): needed for services. */
  avant?: string;
  /** Text after (absent when deleted): needed for services. */
  apres?: string;
}

export interface ContexteDroits {
  /** The author's login on the forge. */
  auteur: string;
  /** The rights file of the base commit; undefined when it is missing or unreadable (`raisonSansComptes` says which). */
  comptes: Comptes | undefined;
  raisonSansComptes?: string;
  /** The catalogue folder from the repository's root (`content`; `.` when the repository is the catalogue). */
  dossier: string;
  /** A structure's name for the messages (« CCAS de Loudun »); its slug when unknown. */
  nomDeStructure?: (slug: string) => string | undefined;
}

export type Verdict = "accepte" | "refuse" | "hors-catalogue";

export interface Decision {
  chemin: string;
  ancienChemin?: string;
  verdict: Verdict;
  /** One French sentence for the reviewer. */
  message: string;
}

export interface ResultatDroits {
  /** In the order of the changes. */
  decisions: Decision[];
  refuses: Decision[];
  acceptes: Decision[];
  horsCatalogue: Decision[];
  /** One French line: what was checked and the outcome. */
  resume: string;
}

/** What one side (before or after) of a changed file asks for. */
type Besoin =
  | { genre: "hors" }
  | { genre: "departement" }
  | { genre: "structure"; slug: string }
  | { genre: "service"; structure: string | undefined };

/** Files outside the catalogue named in the summary; the others are counted. */
const HORS_CATALOGUE_MONTRES = 10;

const MOTIF_FICHE = /^(structures|services)\/([^/]+)\.md$/;

function prefixe(dossier: string): string {
  const d = dossier.replace(/\\/g, "/").replace(/^\.\/?/, "").replace(/\/+$/, "");
  return d === "" ? "" : `${d}/`;
}

function besoinDe(chemin: string, texte: string | undefined, dossier: string): Besoin {
  const p = prefixe(dossier);
  if (!chemin.startsWith(p)) return { genre: "hors" };
  const m = MOTIF_FICHE.exec(chemin.slice(p.length));
  if (!m) return { genre: "departement" };
  if (m[1] === "structures") return { genre: "structure", slug: m[2]! };
  const structure = texte === undefined ? undefined : lireFrontMatter(texte).donnees?.structure;
  return { genre: "service", structure: typeof structure === "string" && structure.trim() !== "" ? structure.trim() : undefined };
}

const guillemets = (texte: string) => `« ${texte} »`;

/** « A », « A » et « B », « A », « B » et « C ». */
function enumerer(noms: readonly string[]): string {
  if (noms.length <= 1) return noms.join("");
  return `${noms.slice(0, -1).join(", ")} et ${noms[noms.length - 1]}`;
}

/** Decides for every changed file. */
export function verifierDroits(changements: readonly Changement[], contexte: ContexteDroits): ResultatDroits {
  const { auteur, comptes, dossier } = contexte;
  const nom = (slug: string) => guillemets(contexte.nomDeStructure?.(slug) ?? slug);
  const cheminComptes = `${prefixe(dossier)}${FICHIER_COMPTES}`;
  const duDepartement = comptes !== undefined && estDuDepartement(comptes, auteur);
  const siennes = comptes === undefined ? [] : structuresDuCompte(comptes, auteur);
  const sesStructures = siennes === "toutes" ? [] : siennes;

  // Who the author is, said first in each refusal.
  let qui: string;
  if (comptes === undefined) {
    qui = `${contexte.raisonSansComptes ?? `${cheminComptes} est absent du commit de base`} : aucun compte n'a de droit sur le catalogue ; le compte ${guillemets(auteur)}`;
  } else if (sesStructures.length === 0) {
    qui = `Le compte ${guillemets(auteur)} ne parle pour aucune structure (il n'est pas dans ${cheminComptes} du commit de base) ; il`;
  } else {
    qui = `Le compte ${guillemets(auteur)} parle pour ${enumerer(sesStructures.map(nom))} ; il`;
  }

  const decisions: Decision[] = changements.map((c) => {
    const cheminAvant = c.ancienChemin ?? c.chemin;
    const avant = c.statut === "ajoute" ? undefined : besoinDe(cheminAvant, c.avant, dossier);
    const apres = c.statut === "supprime" ? undefined : besoinDe(c.chemin, c.apres, dossier);
    const besoins = [avant, apres].filter((b): b is Besoin => b !== undefined && b.genre !== "hors");
    const base = { chemin: c.chemin, ...(c.ancienChemin !== undefined ? { ancienChemin: c.ancienChemin } : {}) };

    const fait = decrireAction(c);
    if (besoins.length === 0) return { ...base, verdict: "hors-catalogue", message: `${fait}, hors du catalogue : non vérifié ici, à relire par le Département` };

    const objet = decrireObjet(avant, apres, nom);
    if (duDepartement) return { ...base, verdict: "accepte", message: `${fait}${objet} : compte du Département, accepté` };

    const illisible = besoins.some((b) => b.genre === "service" && b.structure === undefined);
    const reserve = besoins.some((b) => b.genre === "departement");
    const requises = new Set(besoins.flatMap((b) => (b.genre === "structure" ? [b.slug] : b.genre === "service" && b.structure ? [b.structure] : [])));
    const manquantes = [...requises].filter((s) => !sesStructures.includes(s));
    if (!illisible && !reserve && manquantes.length === 0) return { ...base, verdict: "accepte", message: `${fait}${objet} : accepté` };

    let raison = "";
    if (illisible && !reserve) raison = " (corrigez l'en-tête : `npm run validate` dit ce qui ne va pas)";
    else if (avant?.genre === "service" && apres?.genre === "service" && avant.structure !== apres.structure) {
      raison = " (déplacer un service demande de parler pour les deux structures)";
    }
    return { ...base, verdict: "refuse", message: `${qui} ${fait.charAt(0).toLowerCase()}${fait.slice(1)}${objet} : refusé${raison}.` };
  });

  const refuses = decisions.filter((d) => d.verdict === "refuse");
  const acceptes = decisions.filter((d) => d.verdict === "accepte");
  const horsCatalogue = decisions.filter((d) => d.verdict === "hors-catalogue");
  const dansCatalogue = refuses.length + acceptes.length;
  const catalogue = prefixe(dossier) || "./";
  const role = duDepartement ? "compte du Département" : sesStructures.length > 0 ? `parle pour ${enumerer(sesStructures.map(nom))}` : "aucun droit sur le catalogue";

  let resume: string;
  if (dansCatalogue === 0) resume = `Droits : aucun fichier du catalogue (${catalogue}) modifié.`;
  else if (refuses.length === 0) {
    resume = `Droits : ${pluriel(dansCatalogue, "fichier")} du catalogue modifié${dansCatalogue > 1 ? "s" : ""} par ${guillemets(auteur)} (${role}), tous permis.`;
  } else {
    resume =
      `Droits : ${pluriel(refuses.length, "fichier refusé", "fichiers refusés")} sur ${pluriel(dansCatalogue, "fichier")} du catalogue modifié${dansCatalogue > 1 ? "s" : ""} ` +
      `par ${guillemets(auteur)} (${role}) ; ${comptes === undefined ? "aucun droit lisible au commit de base" : `droits lus dans ${cheminComptes} du commit de base`}.`;
  }
  if (horsCatalogue.length > 0) {
    const montres = horsCatalogue.slice(0, HORS_CATALOGUE_MONTRES).map((d) => d.chemin);
    const autres = horsCatalogue.length - montres.length;
    resume +=
      ` ${pluriel(horsCatalogue.length, "fichier")} hors du catalogue, non vérifié${horsCatalogue.length > 1 ? "s" : ""} ici (à relire par le Département) : ` +
      `${montres.join(", ")}${autres > 0 ? ` et ${pluriel(autres, "autre")}` : ""}.`;
  }
  return { decisions, refuses, acceptes, horsCatalogue, resume };
}

function decrireAction(c: Changement): string {
  switch (c.statut) {
    case "ajoute":
      return `Ajoute ${c.chemin}`;
    case "supprime":
      return `Supprime ${c.chemin}`;
    case "renomme":
      return `Renomme ${c.ancienChemin ?? "?"} en ${c.chemin}`;
    default:
      return `Modifie ${c.chemin}`;
  }
}

/** « , service de « X » », « , fiche de la structure « X » », « , réservé au Département »… */
function decrireObjet(avant: Besoin | undefined, apres: Besoin | undefined, nom: (slug: string) => string): string {
  const cotes = [avant, apres].filter((b): b is Besoin => b !== undefined && b.genre !== "hors");
  if (cotes.some((b) => b.genre === "departement")) return ", réservé au Département";
  if (cotes.some((b) => b.genre === "service" && b.structure === undefined)) {
    return ", service dont la structure ne se lit pas (en-tête illisible ou champ « structure » absent)";
  }
  const structuresDe = (genre: "service" | "structure") =>
    [...new Set(cotes.flatMap((b) => (b.genre === "service" && genre === "service" ? [b.structure!] : b.genre === "structure" && genre === "structure" ? [b.slug] : [])))];
  const services = structuresDe("service");
  const structures = structuresDe("structure");
  if (services.length === 2) return ` et déplace ce service de ${nom(services[0]!)} vers ${nom(services[1]!)}`;
  if (services.length === 1) return `, service de ${nom(services[0]!)}`;
  if (structures.length === 2) return `, fiche de la structure ${nom(structures[0]!)} renommée en ${nom(structures[1]!)}`;
  return `, fiche de la structure ${nom(structures[0]!)}`;
}

/** The lines to print: one per refused file, then the summary. */
export function lignesDuResultat(resultat: ResultatDroits): string[] {
  return [...resultat.refuses.map((d) => d.message), resultat.resume];
}
