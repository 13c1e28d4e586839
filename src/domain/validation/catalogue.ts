/**
 * The catalogue validator: every rule a listing must meet before it is published, on the files'
 * text alone (no file system here — see lecture.ts). Every problem of every file is collected,
 * with its file, line and field, in French; only the entries without any error are returned.
 *
 * Rules, in the order they are checked:
 * - where a file is (`…/structures/*.md`, `…/services/*.md`) and its name (the slug);
 * - the front matter (YAML, then the zod schemas of src/domain/schema) and the Markdown body;
 * - across files: a service's structure exists, no two files share a slug, zone codes and places
 *   are consistent with the territory's communes (src/domain/communes.ts), an in-person service has a place,
 *   a former name (`anciens_slugs`) leads to one service only, no two services share a selection code.
 *
 * Today's date: `date_maj` must not be in the future. The schema (champs.ts `dateMaj`) compares with the
 * real clock; so that a caller can fix "today" (`options.aujourdhui`, for tests and reproducible runs),
 * the validator hands the schema a neutral past day for a well-formed `date_maj` and compares the
 * real value with its own reference day itself — one code path, whether the option is given or not.
 */
import { serviceFrontmatter, structureFrontmatter, LONGUEUR_MAX_DESCRIPTION, LONGUEUR_MIN_DESCRIPTION, NOMS_CHAMPS_ADRESSE } from "../schema";
import type { ServiceFrontmatter, StructureFrontmatter } from "../schema";
import { idDataInclusion, lieuDe, slugStable, type EntreeService, type EntreeStructure } from "../catalogue";
import { codeDeService } from "../selection/code";
import { siteConfig } from "../../../site.config.ts";
import { communeParCode, communeParNom, communes, communesParCodePostal, departement, epciParSiren, epcis, type Commune } from "../communes";
import { estJourValide, jourDepuisValeur, jourDuSite } from "../dates";
import { distanceKm } from "../geo";
import { verifierHoraires } from "../horaires";
import { avisTermines, JOURS_AVANT_RELANCE_AVIS, titreAvis } from "../avis";
import { MOTIF_SLUG, slugifier } from "../text";
import { genreDeZone } from "../zone";
import { lireFrontMatter, type FrontMatter } from "./frontmatter";
import { citer, nombre, pluriel, problemesDepuisZod, suggestion, type CheminChamp, type Probleme, type ProblemeLocal } from "./messages";

export interface FichierCatalogue {
  /** Path as it should be shown, e.g. `content/services/atelier-cv.md` (`/` or `\` separators). */
  chemin: string;
  texte: string;
}

export interface OptionsValidation {
  /** Reference day (YYYY-MM-DD) for "not in the future"; default: today in Paris. */
  aujourdhui?: string;
  /** data·inclusion source of the ids, from which selection codes are computed; default: site.config.ts's. */
  source?: string;
}

export interface ResultatValidation {
  /** Sorted by file, then line. */
  problemes: Probleme[];
  /** The structures without any error (warnings allowed), by slug. */
  structures: EntreeStructure[];
  /** The services without any error whose structure is valid too, by slug. */
  services: EntreeService[];
}

/** Beyond this distance from every commune centre of the territory, coordinates are suspicious. */
export const DISTANCE_MAX_KM = 20;

type Genre = "structure" | "service";

const DOSSIERS: Readonly<Record<string, Genre>> = { structures: "structure", services: "service" };


/** A well-formed past day given to the schema instead of the real `date_maj` (see the header). */
const JOUR_NEUTRE = "2000-01-01";

interface Fiche {
  chemin: string;
  dossier: string;
  nomFichier: string;
  genre: Genre;
  slug: string;
  lu: FrontMatter;
  /** The front matter as parsed from YAML, before the schema. */
  brut?: Record<string, unknown>;
  donnees?: StructureFrontmatter | ServiceFrontmatter;
  /** Fields (`publics`) and items (`publics.2`) the schema already rejected: later rules skip them. */
  enErreur: Set<string>;
  problemes: ProblemeLocal[];
}

const aErreur = (f: Fiche) => f.problemes.some((p) => p.gravite === "erreur");

/**
 * An imported record (it has a data·inclusion `id`): the import already kept it because it concerns the
 * territory, so a place or zone outside the territory is expected (a national body's head office, a
 * service of a neighbouring département open to ours) and not worth a warning.
 */
const estImportee = (f: Fiche) => typeof f.brut?.id === "string" && f.brut.id.trim() !== "";

function ajouter(f: Fiche, gravite: Probleme["gravite"], message: string, chemin?: CheminChamp, ligne?: number): void {
  const l = ligne ?? (chemin ? f.lu.ligneDe(chemin) : undefined);
  f.problemes.push({
    gravite,
    message,
    ...(l !== undefined ? { ligne: l } : {}),
    ...(chemin && chemin.length > 0 ? { champ: String(chemin[0]) } : {}),
  });
}

/** The raw value of a field the schema accepted (undefined when absent or rejected). */
function valeur(f: Fiche, champ: string, index?: number): unknown {
  if (!f.brut || f.enErreur.has(champ)) return undefined;
  const v = f.brut[champ];
  if (index === undefined) return v;
  if (f.enErreur.has(`${champ}.${index}`) || !Array.isArray(v)) return undefined;
  return v[index];
}

/** Codes as text: YAML reads an unquoted 86194 as a number. */
function texteCode(v: unknown): string | undefined {
  if (typeof v === "number" && Number.isInteger(v) && v > 0) return String(v);
  if (typeof v === "string" && v.trim() !== "") return v.trim();
  return undefined;
}

const estRenseigne = (v: unknown) => v !== undefined && v !== null && !(typeof v === "string" && v.trim() === "");

function aUneAdresseBrute(brut: Record<string, unknown> | undefined): boolean {
  return brut !== undefined && NOMS_CHAMPS_ADRESSE.some((c) => estRenseigne(brut[c]));
}

// ---------------------------------------------------------------------------------------------
// Territory.

const CODE_DEPARTEMENT = departement.code;
/** Neutral wording, whatever the département's gender: « du territoire (Vienne, 86) ». */
const TERRITOIRE = `du territoire (${departement.nom}, ${CODE_DEPARTEMENT})`;

function departementDuCodeCommune(code: string): string {
  return code.startsWith("97") ? code.slice(0, 3) : code.slice(0, 2);
}

function estCodePostalDuDepartement(cp: string): boolean {
  if (CODE_DEPARTEMENT === "2A" || CODE_DEPARTEMENT === "2B") return cp.startsWith("20");
  return cp.startsWith(CODE_DEPARTEMENT);
}

const nomsDesCommunes = communes.map((c) => c.nom);

function procheCommune(lat: number, lon: number): { commune: Commune; km: number } | undefined {
  let meilleur: { commune: Commune; km: number } | undefined;
  for (const commune of communes) {
    const km = distanceKm({ lat, lon }, commune.centre);
    if (!meilleur || km < meilleur.km) meilleur = { commune, km };
  }
  return meilleur;
}

const codesPostauxDe = (c: Commune) => `${c.codesPostaux.length > 1 ? "codes postaux" : "code postal"} de ${c.nom} : ${c.codesPostaux.join(", ")}`;

// ---------------------------------------------------------------------------------------------
// One file.

function lireFiche(chemin: string, dossier: string, nomFichier: string, genre: Genre, texte: string, aujourdhui: string): Fiche {
  const slug = nomFichier.slice(0, -".md".length);
  const lu = lireFrontMatter(texte);
  const f: Fiche = { chemin, dossier, nomFichier, genre, slug, lu, enErreur: new Set(), problemes: [...lu.problemes] };

  const illisible = texte.indexOf("\uFFFD");
  if (illisible !== -1) {
    ajouter(
      f,
      "erreur",
      "caractères illisibles : le fichier n'est pas enregistré en UTF-8 ; ré-enregistrez-le en UTF-8 puis vérifiez les accents",
      undefined,
      texte.slice(0, illisible).split("\n").length,
    );
  }

  if (lu.donnees) {
    f.brut = lu.donnees;
    verifierSchema(f, aujourdhui);
  }
  verifierCorps(f);
  verifierHorairesAvertissements(f);
  verifierAvisTermines(f, aujourdhui);
  return f;
}

function verifierSchema(f: Fiche, aujourdhui: string): void {
  const brut = f.brut!;
  const schema = f.genre === "structure" ? structureFrontmatter : serviceFrontmatter;
  const champsPermis = Object.keys(schema.innerType().shape);
  const contexte = {
    donnees: brut,
    champsPermis,
    corps: f.genre === "structure" ? "la présentation de la structure" : "la description du service",
    ligneDe: f.lu.ligneDe,
  };

  const jour = jourDepuisValeur(brut.date_maj);
  const entree = jour ? { ...brut, date_maj: JOUR_NEUTRE } : brut;
  const resultat = schema.safeParse(entree);
  if (resultat.success) {
    f.donnees = jour ? { ...resultat.data, date_maj: jour } : resultat.data;
  } else {
    const issues = [...resultat.error.issues];
    const vus = new Set(issues.map((i) => i.path.join(".")));
    // A field of the wrong type stops zod before the whole-object rules (address, lien_mobilisation):
    // run again without the rejected fields, so that every problem shows at once.
    const rejetes = new Set(issues.filter((i) => i.path.length > 0).map((i) => String(i.path[0])));
    if (rejetes.size > 0) {
      const reduite: Record<string, unknown> = { ...entree };
      for (const champ of rejetes) delete reduite[champ];
      const second = schema.safeParse(reduite);
      if (!second.success) {
        for (const issue of second.error.issues) {
          const champ = issue.path.length > 0 ? String(issue.path[0]) : undefined;
          if (champ !== undefined && !rejetes.has(champ) && !vus.has(issue.path.join("."))) issues.push(issue);
        }
      }
    }
    for (const issue of issues) {
      // A rejected item (`zone_eligibilite.2`) leaves the other items of its list to be checked.
      if (issue.path.length === 1) f.enErreur.add(String(issue.path[0]));
      else if (issue.path.length > 1) f.enErreur.add(issue.path.slice(0, 2).join("."));
    }
    f.problemes.push(...problemesDepuisZod(issues, contexte));
  }

  if (jour && jour > aujourdhui) {
    f.enErreur.add("date_maj");
    ajouter(f, "erreur", `la date ${jour} est dans le futur (aujourd'hui : ${aujourdhui}) : indiquez le jour de la dernière mise à jour de la fiche`, ["date_maj"]);
    f.donnees = undefined;
  }
}

function verifierCorps(f: Fiche): void {
  if (f.lu.ligneCorps === undefined) return;
  const longueur = f.lu.corps.trim().length;
  // The body's first written line; the closing `---` when the body is empty.
  const premiere = f.lu.corps.split("\n").findIndex((l) => l.trim() !== "");
  const ligne = premiere === -1 ? f.lu.ligneCorps - 1 : f.lu.ligneCorps + premiere;
  const quoi = f.genre === "service" ? "description" : "présentation";
  const ou = "sous l'en-tête (après la ligne « --- » qui le ferme)";
  const contenu = f.genre === "service" ? "ce que propose le service, pour qui et comment" : "la structure";
  if (longueur === 0) {
    if (f.genre === "service") {
      ajouter(f, "erreur", `description manquante : ${ou}, décrivez ${contenu} (${LONGUEUR_MIN_DESCRIPTION} caractères au moins)`, undefined, ligne);
    }
    return;
  }
  if (longueur < LONGUEUR_MIN_DESCRIPTION) {
    ajouter(
      f,
      "erreur",
      `${quoi} trop courte (${pluriel(longueur, "caractère")}, ${LONGUEUR_MIN_DESCRIPTION} au moins) : ${ou}, décrivez ${contenu}`,
      undefined,
      ligne,
    );
  } else if (longueur > LONGUEUR_MAX_DESCRIPTION) {
    ajouter(
      f,
      "erreur",
      `${quoi} trop longue (${nombre(longueur)} caractères) : ${nombre(LONGUEUR_MAX_DESCRIPTION)} caractères au plus ; gardez l'essentiel`,
      undefined,
      ligne,
    );
  }
}

function verifierHorairesAvertissements(f: Fiche): void {
  const v = valeur(f, "horaires_accueil");
  if (typeof v !== "string" || v.trim() === "") return;
  const r = verifierHoraires(v.trim());
  if (r.ok) for (const a of r.avertissements) ajouter(f, "avertissement", a, ["horaires_accueil"]);
}

/** A notice or closure ended a month ago says nothing any more: ask for it to be removed (avis.ts). */
function verifierAvisTermines(f: Fiche, aujourdhui: string): void {
  if (!f.donnees) return;
  for (const a of avisTermines(f.donnees, aujourdhui)) {
    const ou = a.genre === "fermeture" ? "horaires_accueil" : "avis";
    const quoi = `l'avis ${citer(titreAvis(a, aujourdhui))}${a.message ? ` (${citer(a.message, 60)})` : ""}`;
    const message = `${quoi} a pris fin il y a plus de ${JOURS_AVANT_RELANCE_AVIS} jours : retirez-le ${a.genre === "fermeture" ? "des horaires" : "de la fiche"}`;
    const ligne = f.lu.ligneDe([ou]);
    f.problemes.push({ gravite: "avertissement", message, champ: ou, code: "avis-termine", ...(ligne !== undefined ? { ligne } : {}) });
  }
}

// ---------------------------------------------------------------------------------------------
// Places and zones.

function verifierLieu(f: Fiche): void {
  if (!f.brut) return;
  const cp = texteCode(valeur(f, "code_postal"));
  const insee = texteCode(valeur(f, "code_insee"));
  const v = valeur(f, "commune");
  const nom = typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
  const lat = valeur(f, "latitude");
  const lon = valeur(f, "longitude");

  let commune: Commune | undefined;
  let horsTerritoire = false;

  if (insee) {
    commune = communeParCode(insee);
    if (commune && commune.code !== insee.toUpperCase()) {
      ajouter(f, "avertissement", `« ${insee} » est l'ancien code INSEE d'une commune fusionnée dans ${commune.nom} : indiquez le code actuel « ${commune.code} »`, ["code_insee"]);
    } else if (!commune && departementDuCodeCommune(insee) === CODE_DEPARTEMENT) {
      const parNom = nom ? communeParNom(nom) : [];
      const indice = parNom.length > 0 ? ` (code INSEE de ${parNom.map((c) => `${c.nom} : ${c.code}`).join(", ")})` : "";
      ajouter(f, "erreur", `« ${insee} » n'est le code INSEE d'aucune commune ${TERRITOIRE}${indice}`, ["code_insee"]);
    } else if (!commune) {
      horsTerritoire = true;
      if (!estImportee(f)) {
        ajouter(
          f,
          "avertissement",
          `hors du territoire : « ${insee} » est une commune du département ${departementDuCodeCommune(insee)}, pas ${TERRITOIRE} ; vérifiez le code`,
          ["code_insee"],
        );
      }
    }
  }

  if (nom && !horsTerritoire) {
    const homonymes = communeParNom(nom);
    if (commune) {
      if (!homonymes.some((h) => h.code === commune!.code)) {
        const indice = homonymes.length > 0 ? ` (code INSEE de ${homonymes.map((c) => `${c.nom} : ${c.code}`).join(", ")})` : "";
        ajouter(
          f,
          "erreur",
          `« ${nom} » ne correspond pas au code_insee « ${insee} », qui est celui de ${commune.nom}${indice} : corrigez l'un ou l'autre`,
          ["commune"],
        );
      }
    } else if (homonymes.length === 0) {
      const candidatsCp = cp ? communesParCodePostal(cp) : [];
      const dansLeTerritoire = !cp || candidatsCp.length > 0 || estCodePostalDuDepartement(cp);
      if (dansLeTerritoire && !insee) {
        const indice =
          candidatsCp.length > 0
            ? ` ; ${candidatsCp.length > 1 ? "communes" : "commune"} du code postal ${cp} : ${candidatsCp.map((c) => c.nom).join(", ")}`
            : suggestion(nom, nomsDesCommunes) || " : écrivez son nom officiel (ex. : Châtellerault, Saint-Julien-l'Ars)";
        ajouter(f, "erreur", `« ${nom} » n'est pas le nom officiel d'une commune ${TERRITOIRE}${indice}`, ["commune"]);
      }
    } else {
      commune = homonymes.find((h) => cp !== undefined && h.codesPostaux.includes(cp)) ?? homonymes[0];
    }
  }

  if (cp && !horsTerritoire) {
    const candidats = communesParCodePostal(cp);
    if (commune) {
      if (!commune.codesPostaux.includes(cp)) {
        const autres = candidats.length > 0 ? ` ; ${cp} est le code postal de : ${candidats.map((c) => c.nom).join(", ")}` : "";
        ajouter(f, "erreur", `le code postal « ${cp} » ne correspond pas à ${commune.nom} (${codesPostauxDe(commune)})${autres}`, ["code_postal"]);
      }
    } else if (candidats.length === 0) {
      if (estCodePostalDuDepartement(cp)) {
        ajouter(f, "erreur", `« ${cp} » n'est le code postal d'aucune commune ${TERRITOIRE}`, ["code_postal"]);
      } else {
        horsTerritoire = true;
        if (!estImportee(f)) {
          ajouter(f, "avertissement", `hors du territoire : « ${cp} » n'est pas un code postal ${TERRITOIRE} ; vérifiez l'adresse`, ["code_postal"]);
        }
      }
    }
  }

  if (typeof lat === "number" && typeof lon === "number") {
    const proche = procheCommune(lat, lon);
    if (proche && proche.km > DISTANCE_MAX_KM) {
      if (estImportee(f)) return;
      const inverse = procheCommune(lon, lat);
      const conseil =
        inverse && inverse.km <= DISTANCE_MAX_KM
          ? "latitude et longitude semblent inversées (en France métropolitaine, la latitude est autour de 42 à 51, la longitude de -5 à 8)"
          : "vérifiez-les (degrés décimaux, ex. : latitude 46.58, longitude 0.34)";
      ajouter(
        f,
        "avertissement",
        `les coordonnées (${lat}, ${lon}) sont à ${nombre(Math.round(proche.km))} km de ${proche.commune.nom}, la commune ${TERRITOIRE} la plus proche : ${conseil}`,
        ["latitude"],
      );
    } else if (commune) {
      const km = distanceKm({ lat, lon }, commune.centre);
      if (km > DISTANCE_MAX_KM) {
        ajouter(
          f,
          "avertissement",
          `les coordonnées (${lat}, ${lon}) sont à ${Math.round(km)} km du centre de ${commune.nom}, la commune indiquée : vérifiez-les`,
          ["latitude"],
        );
      }
    }
  }
}

function verifierZone(f: Fiche): void {
  const liste = valeur(f, "zone_eligibilite");
  if (!Array.isArray(liste)) return;
  // An imported service's zone often names other départements too (a regional service): only its codes
  // that claim to be ours are checked.
  const importee = estImportee(f);
  const listeEpci = epcis.map((e) => `${e.siren} ${e.nom}`).join(", ");
  liste.forEach((_, i) => {
    const code = texteCode(valeur(f, "zone_eligibilite", i));
    if (!code) return;
    const genre = genreDeZone(code);
    const chemin = ["zone_eligibilite", i];
    if (genre === "france" || genre === undefined) return;
    if (genre === "departement") {
      if (code !== CODE_DEPARTEMENT && !importee) {
        ajouter(f, "avertissement", `hors du territoire : « ${code} » est un autre département que celui du territoire (${departement.nom}, ${CODE_DEPARTEMENT}) ; ce code ne couvre aucune commune du site`, chemin);
      }
    } else if (genre === "epci") {
      if (!epciParSiren(code) && !importee) {
        ajouter(
          f,
          "avertissement",
          `hors du territoire : « ${code} » n'est pas le code SIREN d'un EPCI ${TERRITOIRE} (EPCI du territoire : ${listeEpci})`,
          chemin,
        );
      }
    } else {
      const commune = communeParCode(code);
      if (commune && commune.code !== code.toUpperCase()) {
        ajouter(f, "avertissement", `« ${code} » est l'ancien code INSEE d'une commune fusionnée dans ${commune.nom} : indiquez le code actuel « ${commune.code} »`, chemin);
      } else if (!commune && departementDuCodeCommune(code) === CODE_DEPARTEMENT) {
        ajouter(f, "erreur", `« ${code} » n'est le code INSEE d'aucune commune ${TERRITOIRE}`, chemin);
      } else if (!commune && !importee) {
        ajouter(
          f,
          "avertissement",
          `hors du territoire : « ${code} » est une commune du département ${departementDuCodeCommune(code)}, pas ${TERRITOIRE} ; ce code ne couvre aucune commune du site`,
          chemin,
        );
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Across files.

function verifierNomsDeFichiers(fiches: readonly Fiche[]): void {
  const parCle = new Map<string, Fiche[]>();
  for (const f of fiches) {
    const cle = `${f.genre}:${f.slug.toLowerCase()}`;
    parCle.set(cle, [...(parCle.get(cle) ?? []), f]);
  }
  const slugsParGenre = (genre: Genre) => new Set(fiches.filter((f) => f.genre === genre).map((f) => f.slug));

  for (const f of fiches) {
    if (!MOTIF_SLUG.test(f.slug)) {
      const propre = slugifier(f.slug);
      let message: string;
      if (propre === "") {
        message = `nom de fichier invalide ${citer(f.nomFichier)} : donnez-lui un nom fait de lettres et de chiffres, ex. : ${f.genre === "structure" ? "mission-locale-poitiers" : "atelier-cv-poitiers"}.md`;
      } else {
        message =
          `nom de fichier invalide ${citer(f.nomFichier)} : le nom (sans .md) s'écrit en minuscules, sans accent ni espace, mots séparés par des tirets ; ` +
          `renommez le fichier en « ${propre}.md »`;
        if (slugsParGenre(f.genre).has(propre)) message += ` (attention : ${propre}.md existe déjà dans ${f.dossier}/ : fusionnez les deux fiches ou choisissez un autre nom)`;
        else if (f.genre === "structure") message += " et utilisez ce nom dans le champ structure de ses services";
      }
      ajouter(f, "erreur", message);
    }
  }

  for (const groupe of parCle.values()) {
    if (groupe.length < 2) continue;
    // The file with a valid name is the one kept; the others are reported.
    const rang = (f: Fiche) => (MOTIF_SLUG.test(f.slug) ? 0 : 1);
    const [premier, ...autres] = [...groupe].sort((a, b) => rang(a) - rang(b) || (a.chemin < b.chemin ? -1 : a.chemin > b.chemin ? 1 : 0));
    for (const f of autres) {
      const memeDossier = f.dossier === premier!.dossier;
      ajouter(
        f,
        "erreur",
        memeDossier
          ? `même nom que ${premier!.chemin} à une majuscule près : les deux fichiers se confondent sur Windows et macOS ; gardez une seule fiche`
          : `même identifiant « ${f.slug.toLowerCase()} » que ${premier!.chemin} : chaque ${f.genre} doit avoir un nom de fichier unique`,
      );
    }
  }
}

function verifierServiceEtStructure(service: Fiche, structures: ReadonlyMap<string, Fiche>, toutesStructures: readonly Fiche[], dossierStructures: string): void {
  const ref = valeur(service, "structure");
  const modes = valeur(service, "modes_accueil");
  const enPresentiel = Array.isArray(modes) && modes.includes("en-presentiel");
  const aDistance = Array.isArray(modes) && modes.includes("a-distance");
  if (typeof ref !== "string" || !MOTIF_SLUG.test(ref)) return;

  const structure = structures.get(ref);
  if (!structure) {
    const aRenommer = toutesStructures.find((s) => !MOTIF_SLUG.test(s.slug) && slugifier(s.slug) === ref);
    const indice = aRenommer
      ? ` : le fichier ${aRenommer.chemin} doit être renommé en ${ref}.md`
      : suggestion(
          ref,
          toutesStructures.map((s) => s.slug),
        ) || " : créez d'abord la fiche de la structure, ou corrigez l'identifiant";
    ajouter(service, "erreur", `la structure « ${ref} » n'existe pas (aucun fichier ${dossierStructures}/${ref}.md)${indice}`, ["structure"]);
    return;
  }

  if (enPresentiel && !aUneAdresseBrute(service.brut) && structure.brut && !aUneAdresseBrute(structure.brut)) {
    ajouter(
      service,
      "erreur",
      `« en-presentiel » sans aucun lieu : ni ce service ni sa structure « ${ref} » n'ont d'adresse, le service ne serait proposé dans aucune commune ; ` +
        `ajoutez une adresse (adresse, code_postal, commune, code_insee, latitude, longitude) ici ou dans ${structure.chemin}, ou indiquez modes_accueil: [a-distance]`,
      ["modes_accueil"],
    );
    return;
  }

  if (!aErreur(service) && aErreur(structure)) {
    ajouter(
      service,
      "avertissement",
      `la fiche de la structure « ${ref} » contient des erreurs (voir ${structure.chemin}) : ce service ne sera publié qu'une fois la structure corrigée`,
      ["structure"],
    );
    return;
  }

  // Both valid: a place that cannot be put on the map leaves an in-person-only service unlisted.
  if (enPresentiel && !aDistance && service.donnees && structure.donnees) {
    const propre = lieuDe(service.donnees);
    const lieu = propre ?? lieuDe(structure.donnees);
    if (lieu && !lieu.position) {
      ajouter(
        service,
        "avertissement",
        `le lieu ${propre ? "de ce service" : `de la structure « ${ref} »`} ne peut pas être placé sur la carte (commune non reconnue dans le territoire, pas de latitude ni de longitude) : ` +
          "ce service en présentiel ne sera proposé dans aucune commune",
        ["modes_accueil"],
      );
    }
  }
}

/**
 * Former names (`anciens_slugs`): each old address must lead to exactly one service, so a former name
 * can be neither a service's current name nor claimed by two services.
 */
function verifierAnciensSlugs(services: readonly Fiche[]): void {
  const actuels = new Map<string, Fiche>();
  for (const s of services) if (MOTIF_SLUG.test(s.slug) && !actuels.has(s.slug)) actuels.set(s.slug, s);
  const anciens = (f: Fiche) => {
    const liste = valeur(f, "anciens_slugs");
    if (!Array.isArray(liste)) return [];
    return liste.flatMap((_, i) => {
      const v = valeur(f, "anciens_slugs", i);
      return typeof v === "string" && MOTIF_SLUG.test(v) ? [{ slug: v, i }] : [];
    });
  };
  const revendications = new Map<string, Fiche[]>();
  for (const f of services) for (const { slug } of anciens(f)) revendications.set(slug, [...(revendications.get(slug) ?? []), f]);

  for (const f of services) {
    for (const { slug, i } of anciens(f)) {
      const chemin = ["anciens_slugs", i];
      const actuel = actuels.get(slug);
      if (actuel === f) {
        ajouter(f, "erreur", `« ${slug} » est le nom actuel de ce fichier : anciens_slugs ne liste que les noms précédents ; retirez-le`, chemin);
      } else if (actuel) {
        ajouter(
          f,
          "erreur",
          `« ${slug} » est le nom actuel de ${actuel.chemin} : son adresse mène déjà à ce service ; retirez-le de anciens_slugs (ou, si ce fichier est un doublon, supprimez-le)`,
          chemin,
        );
      } else {
        const autres = revendications.get(slug)!.filter((g) => g !== f);
        if (autres.length > 0) {
          ajouter(
            f,
            "erreur",
            `« ${slug} » figure aussi dans anciens_slugs de ${autres.map((g) => g.chemin).join(", ")} : un ancien nom ne mène qu'à un seul service ; ` +
              "gardez-le seulement dans la fiche qui portait ce nom",
            chemin,
          );
        }
      }
    }
  }
}

/**
 * Selection codes (selection/code.ts) are a 40-bit hash of the stable id: two services could, very rarely,
 * share one, and a shared link would not know which to open. A service not yet published changes code
 * with its file name.
 */
function verifierCodes(services: readonly Fiche[], source: string): void {
  const parCode = new Map<string, { fiche: Fiche; id: string }[]>();
  for (const f of services) {
    if (!f.donnees || !MOTIF_SLUG.test(f.slug)) continue;
    const donnees = f.donnees as ServiceFrontmatter;
    const id = donnees.id ?? idDataInclusion(source, slugStable(f.slug, donnees.anciens_slugs));
    const code = codeDeService(id);
    parCode.set(code, [...(parCode.get(code) ?? []), { fiche: f, id }]);
  }
  for (const [code, groupe] of parCode) {
    if (groupe.length < 2) continue;
    for (const { fiche, id } of groupe) {
      const autres = groupe.filter((g) => g.fiche !== fiche);
      ajouter(
        fiche,
        "erreur",
        `même code de partage « ${code} » que ${autres.map((g) => g.fiche.chemin).join(", ")} (tiré par hasard des identifiants « ${id} » et ` +
          `${autres.map((g) => `« ${g.id} »`).join(", ")}) : les liens de sélection ne sauraient pas lequel ouvrir ; ` +
          "renommez le fichier du service qui n'a pas encore été publié (son code change avec son nom)",
      );
    }
  }
}

/**
 * Imported records' origins: a re-import finds a file by its data·inclusion id, so an id (or a merged
 * duplicate's) names one file only; our own source is never an origin (our listings' ids come from their
 * file names); a service's `structure_id` is its structure's id or one of the duplicates merged into it.
 */
function verifierOrigines(fiches: readonly Fiche[], structuresParSlug: ReadonlyMap<string, Fiche>, sourceDuSite: string): void {
  for (const genre of ["structure", "service"] as const) {
    const parId = new Map<string, { fiche: Fiche; champ: CheminChamp }[]>();
    for (const f of fiches) {
      if (f.genre !== genre) continue;
      const id = valeur(f, "id");
      if (typeof id === "string") parId.set(id.trim(), [...(parId.get(id.trim()) ?? []), { fiche: f, champ: ["id"] }]);
      const doublons = valeur(f, "doublons");
      if (Array.isArray(doublons)) {
        doublons.forEach((d, i) => {
          if (typeof d === "string") parId.set(d.trim(), [...(parId.get(d.trim()) ?? []), { fiche: f, champ: ["doublons", i] }]);
        });
      }
    }
    for (const [id, groupe] of parId) {
      if (groupe.length < 2) continue;
      for (const { fiche, champ } of groupe) {
        const autres = groupe.filter((g) => g.fiche !== fiche).map((g) => g.fiche.chemin);
        const ailleurs = autres.length > 0 ? `aussi dans ${autres.join(", ")}` : "deux fois dans cette fiche";
        ajouter(fiche, "erreur", `l'identifiant data·inclusion « ${id} » figure ${ailleurs} : une fiche importée n'a qu'un fichier ; fusionnez-les`, champ);
      }
    }
  }
  for (const f of fiches) {
    const source = valeur(f, "source");
    if (typeof source === "string" && source.trim() === sourceDuSite) {
      ajouter(
        f,
        "erreur",
        `« ${sourceDuSite} » est la source de ce site : une fiche créée ici n'a ni source ni id (son identifiant vient du nom du fichier) ; retirez source, id et lien_source`,
        ["source"],
      );
    }
    if (f.genre !== "service") continue;
    const structureId = valeur(f, "structure_id");
    const ref = valeur(f, "structure");
    const structure = typeof ref === "string" ? structuresParSlug.get(ref) : undefined;
    if (typeof structureId !== "string" || !structure?.brut) continue;
    const idStructure = valeur(structure, "id");
    const doublons = valeur(structure, "doublons");
    const connus = [idStructure, ...(Array.isArray(doublons) ? doublons : [])].filter((v): v is string => typeof v === "string").map((v) => v.trim());
    if (!connus.includes(structureId.trim())) {
      ajouter(
        f,
        "avertissement",
        `« ${structureId.trim()} » n'est ni l'identifiant data·inclusion de la structure « ${ref} » (${connus.length > 0 ? connus.join(", ") : "créée ici, sans identifiant importé"}) ni un de ses doublons : ` +
          "le service a changé de structure depuis l'import ; l'export le publie sous sa structure actuelle",
        ["structure_id"],
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------

function decouper(chemin: string): { segments: string[]; nomFichier: string; dossier: string; parent: string } {
  const normal = chemin.replace(/\\/g, "/");
  const segments = normal.split("/").filter((s) => s !== "");
  const nomFichier = segments[segments.length - 1] ?? normal;
  const parent = segments[segments.length - 2] ?? "";
  const dossier = normal.slice(0, Math.max(0, normal.length - nomFichier.length)).replace(/\/$/, "") || ".";
  return { segments, nomFichier, dossier, parent };
}

function comparerProblemes(a: Probleme, b: Probleme): number {
  if (a.fichier !== b.fichier) return a.fichier < b.fichier ? -1 : 1;
  return (a.ligne ?? 0) - (b.ligne ?? 0);
}

export function validerFichiers(fichiers: readonly FichierCatalogue[], options: OptionsValidation = {}): ResultatValidation {
  const aujourdhui = options.aujourdhui ?? jourDuSite();
  if (!estJourValide(aujourdhui)) throw new Error(`validerFichiers : option aujourdhui invalide « ${aujourdhui} » (attendu : AAAA-MM-JJ)`);

  const problemes: Probleme[] = [];
  const fiches: Fiche[] = [];

  for (const fichier of fichiers) {
    const { nomFichier, dossier, parent } = decouper(fichier.chemin);
    const genre = DOSSIERS[parent];
    if (!genre) {
      problemes.push({
        fichier: fichier.chemin,
        gravite: "avertissement",
        message: "fichier ignoré : les fiches se placent directement dans le dossier structures/ ou services/ du catalogue",
      });
      continue;
    }
    if (!nomFichier.endsWith(".md")) {
      if (nomFichier.startsWith(".") && !/\.md$/i.test(nomFichier)) continue; // .gitkeep, .DS_Store: not listings
      const base = slugifier(nomFichier.replace(/\.[^.]*$/, "")) || "nom";
      const conseil = /\.(md|markdown)$/i.test(nomFichier) ? ` : renommez-le en « ${base}.md »` : " ; s'il s'agit d'une fiche, enregistrez-la en Markdown avec l'extension .md";
      problemes.push({
        fichier: fichier.chemin,
        gravite: "avertissement",
        message: `fichier ignoré : seuls les fichiers .md sont lus dans ${parent}/${conseil}`,
      });
      continue;
    }
    if (nomFichier.startsWith(".")) {
      problemes.push({
        fichier: fichier.chemin,
        gravite: "avertissement",
        message: `fichier ignoré : un nom qui commence par « . » est invisible pour le site ; renommez-le en « ${slugifier(nomFichier.slice(1, -3)) || "nom"}.md »`,
      });
      continue;
    }
    fiches.push(lireFiche(fichier.chemin, dossier, nomFichier, genre, fichier.texte, aujourdhui));
  }

  verifierNomsDeFichiers(fiches);

  const structures = fiches.filter((f) => f.genre === "structure");
  const services = fiches.filter((f) => f.genre === "service");
  const structuresParSlug = new Map<string, Fiche>();
  for (const s of structures) if (MOTIF_SLUG.test(s.slug) && !structuresParSlug.has(s.slug)) structuresParSlug.set(s.slug, s);
  const dossierStructures =
    structures[0]?.dossier ?? (services[0] ? services[0].dossier.replace(/services$/, "structures") : "structures");

  for (const f of fiches) {
    verifierLieu(f);
    if (f.genre === "service") verifierZone(f);
  }
  // Services last: whether their structure has errors is only known once the structures are checked.
  for (const s of services) verifierServiceEtStructure(s, structuresParSlug, structures, dossierStructures);
  verifierAnciensSlugs(services);
  verifierOrigines(fiches, structuresParSlug, options.source ?? siteConfig.source);
  verifierCodes(services, options.source ?? siteConfig.source);

  for (const f of fiches) {
    const fiche = { collection: f.genre === "structure" ? ("structures" as const) : ("services" as const), slug: f.slug };
    for (const p of f.problemes) problemes.push({ fichier: f.chemin, fiche, ...p });
  }
  problemes.sort(comparerProblemes);

  const valides = (liste: Fiche[]) =>
    liste
      .filter((f) => f.donnees !== undefined && !aErreur(f))
      .filter((f) => {
        if (f.genre === "structure") return true;
        const structure = structuresParSlug.get((f.donnees as ServiceFrontmatter).structure);
        return structure !== undefined && structure.donnees !== undefined && !aErreur(structure);
      })
      .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));

  return {
    problemes,
    structures: valides(structures).map((f) => ({ slug: f.slug, donnees: f.donnees as StructureFrontmatter, corps: f.lu.corps })),
    services: valides(services).map((f) => ({ slug: f.slug, donnees: f.donnees as ServiceFrontmatter, corps: f.lu.corps })),
  };
}

// ---------------------------------------------------------------------------------------------
// Output.

/** `content/services/x.md:12 publics: « jeunesse » n'est pas une valeur permise (…)`. */
export function formaterProbleme(p: Probleme): string {
  const lieu = p.ligne !== undefined ? `${p.fichier}:${p.ligne}` : p.fichier;
  const gravite = p.gravite === "avertissement" ? "avertissement : " : "";
  const champ = p.champ !== undefined ? `${p.champ}: ` : "";
  return `${lieu} ${gravite}${champ}${p.message}`;
}

/** « 2 erreurs, 1 avertissement dans 3 fichiers » or « Catalogue valide : 40 structures, 130 services ». */
export function resume(resultat: ResultatValidation): string {
  const erreurs = resultat.problemes.filter((p) => p.gravite === "erreur").length;
  const avertissements = resultat.problemes.length - erreurs;
  const fichiers = new Set(resultat.problemes.map((p) => p.fichier)).size;
  const dans = ` dans ${pluriel(fichiers, "fichier")}`;
  if (erreurs > 0) {
    return `${pluriel(erreurs, "erreur")}${avertissements > 0 ? `, ${pluriel(avertissements, "avertissement")}` : ""}${dans}`;
  }
  const valide = `Catalogue valide : ${pluriel(resultat.structures.length, "structure")}, ${pluriel(resultat.services.length, "service")}`;
  return avertissements > 0 ? `${valide} (${pluriel(avertissements, "avertissement")}${dans})` : valide;
}

export { resume as resumeValidation };
