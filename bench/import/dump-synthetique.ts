/**
 * A synthetic national data·inclusion dump (schema v1), in the weekly open-data dump's exact layout
 * (`structures-inclusion-<date>.{json,csv}`, `services-inclusion-<date>.{json,csv}`, see ecriture-dump.ts),
 * for the import benchmark: by default ~66,000 structures and ~90,000 services over every French
 * département, the Vienne's share as in real life, and the oddities an import must survive.
 *
 *   npx tsx bench/import/dump-synthetique.ts --sortie <dossier> [--petit] [--structures N] [--services N]
 *       [--graine S] [--date AAAA-MM-JJ] [--modifie] [--formats json,csv]
 *
 * What is in it (counts in `manifeste.json`, written beside the files):
 * - structures in communes of all France (today's communes at the 2018 centroids, communes-france.ts),
 *   so that `code_insee`, `code_postal`, `commune` and coordinates agree; exactly `partVienne` of them
 *   (1 %) in the Vienne, their services mostly there too;
 * - services: national remote ones (`modes_accueil: ["a-distance"]`, `zone_eligibilite: ["france"]`,
 *   exactly `partDistance`, 4 %); services of the neighbouring départements (79, 37, 36, 87, 16) whose
 *   zone includes the Vienne (`86`, one of its EPCI or communes); a few held in the Vienne by a structure
 *   of a neighbouring département;
 * - ids `source--local` over the dump's sources (soliguide and agefiph are not in the open data);
 *   descriptions of a few hundred to a few thousand characters, multi-line, some in HTML; opening hours in
 *   OSM syntax and some not; valid v1 codes (src/data/data-inclusion via taxonomy.ts);
 * - duplicates (a structure published again by another source: same SIRET, same commune and address);
 * - records with problems: an unknown thématique, no `modes_accueil`, a bad `date_maj` (in the future,
 *   1970-01-01, or `31/12/2024`) — more of them in the Vienne, so that an import meets them.
 * `--modifie` writes the dump of the week after: a few hundred records changed upstream (description,
 * hours, phone, `date_maj`), a few services gone and a few new ones, mostly in the Vienne's share.
 *
 * Deterministic: the same options give the same bytes (one seeded PRNG for the records, another for the
 * week-after changes, so that the two dumps share every unchanged record). Written as it is generated.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { mulberry32, Ponderation, Tirage, graineDepuisTexte } from "../../src/domain/aleatoire";
import { COLONNES_DUMP } from "../../src/domain/data-inclusion/format-dump";
import { estJourValide } from "../../src/domain/dates";
import { besoins, categories, modesMobilisation, publics as publicsListe, typesDeService } from "../../src/domain/taxonomy";
import { slugifier } from "../../src/domain/text";
import { chargerFrance, type CommuneFrance } from "./communes-france";
import { ecrivainDump } from "./ecriture-dump";
import { identifiantLocal, SOURCES, sourceDuGenre, type Source } from "./sources";
import { ajouterJours, dateInvalide, dateMaj, description, longueurDescription, rendre, siret, telephone, type Contexte } from "./textes";
import * as V from "./vocabulaire";

export interface OptionsDump {
  structures: number;
  services: number;
  graine: number;
  /** The dump's date (its file names); `date_maj` values fall before it. A Monday, as data·inclusion publishes. */
  date: string;
  /** The département whose share is tuned (and counted in the manifest). */
  departement: string;
  voisins: readonly string[];
  /** Share of structures located in `departement` (exact). */
  partVienne: number;
  /** Share of services that are national remote services (exact). */
  partDistance: number;
  /** Share of the neighbours' services whose zone includes `departement`. */
  partVoisinsCouvrant: number;
  /** The dump of the week after, with a few hundred records changed. */
  modifie: boolean;
  formats: readonly ("json" | "csv")[];
}

export const OPTIONS_PAR_DEFAUT: OptionsDump = {
  structures: 66_000,
  services: 90_000,
  graine: 1,
  date: "2026-11-30",
  departement: "86",
  voisins: ["79", "37", "36", "87", "16"],
  partVienne: 0.01,
  partDistance: 0.04,
  partVoisinsCouvrant: 0.12,
  modifie: false,
  formats: ["json", "csv"],
};

/** `--petit`: a tenth of the national size, for quick runs. */
export const TAILLE_PETITE = { structures: 6_600, services: 9_000 } as const;

export interface CompteVienne {
  /** Structures whose `code_insee` is in the département. */
  structuresSituees: number;
  /** … of which duplicates of another one (same SIRET and commune). */
  structuresDoublons: number;
  /** Structures located in the département or holding a service that concerns it. */
  structuresConcernees: number;
  /** Services whose `code_insee` is in the département. */
  servicesSitues: number;
  /** … of which held by a structure located elsewhere. */
  servicesSituesStructureAilleurs: number;
  /** Services located elsewhere (or nowhere) whose zone is `france`. */
  servicesADistanceFrance: number;
  /** Services located elsewhere whose zone names the département, one of its EPCI or communes. */
  servicesZoneCouvrante: number;
  /** Services located in the département, or whose zone covers it (`france` included). */
  servicesConcernes: number;
  /** Among the concerned services (and concerned structures for dates). */
  problemes: { thematiqueInconnue: number; sansModesAccueil: number; dateInvalideServices: number; dateInvalideStructures: number };
}

export interface FichierDump {
  nom: string;
  octets: number;
  enregistrements: number;
}

export interface Manifeste {
  date: string;
  options: OptionsDump;
  fichiers: FichierDump[];
  structures: number;
  services: number;
  /** Records by source. */
  sources: { structures: Record<string, number>; services: Record<string, number> };
  doublons: number;
  problemes: { thematiqueInconnue: number; sansModesAccueil: number; dateInvalideServices: number; dateInvalideStructures: number; horairesNonOsm: number };
  servicesEnHtml: number;
  vienne: CompteVienne;
  /** With `modifie`: what changed from the week before. */
  modifications?: { structuresModifiees: number; servicesModifies: number; servicesSupprimes: number; servicesAjoutes: number; dansLaVienne: number };
  dureeMs: number;
}

export const nomsFichiers = (date: string, format: "json" | "csv") => ({
  structures: `structures-inclusion-${date}.${format}`,
  services: `services-inclusion-${date}.${format}`,
});

const trier = (compte: Record<string, number>) => Object.fromEntries(Object.entries(compte).sort(([a], [b]) => (a < b ? -1 : 1)));
const arrondi5 = (x: number) => Math.round(x * 1e5) / 1e5;

// ---------------------------------------------------------------------------------------------
// Generation

/** true for exactly round(n × part) of the indices 0…n-1, spread evenly. */
const tranche = (i: number, part: number) => Math.floor((i + 1) * part) > Math.floor(i * part);

interface StructureGeneree {
  id: string;
  source: Source;
  genre: V.GenreStructure;
  nom: string;
  commune: CommuneFrance;
  adresse: string | null;
  codePostal: string;
  lat: number | null;
  lon: number | null;
  siret: string | null;
  situee: boolean;
  /** In one of the neighbouring départements. */
  voisine: boolean;
  dateInvalide: boolean;
}

const THEMATIQUES_INCONNUES = ["mobilite--louer-un-vehicule", "numerique--utiliser-le-numerique", "sante--bien-etre", "accompagnement-social-et-professionnel-personnalise"];
const REGION_NOUVELLE_AQUITAINE = ["16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"];
const besoinsParCategorie = new Map(categories.map((c) => [c.value, c.besoins]));
const PUBLICS_SPECIFIQUES = publicsListe.map((p) => p.value).filter((p) => p !== "tous-publics");

/** Writes the dump into `dossier` (created) and returns its manifest (also written there as manifeste.json). */
export function genererDump(racine: string, dossier: string, options: OptionsDump): Manifeste {
  const debut = performance.now();
  const o = options;
  const dateFichiers = o.modifie ? ajouterJours(o.date, 7) : o.date;
  const france = chargerFrance(racine);
  const t = new Tirage(mulberry32(o.graine));
  // The week-after changes draw from their own sequence: the records themselves stay the same.
  const tm = new Tirage(mulberry32(graineDepuisTexte(`modifications-${o.graine}`)));

  const cible = france.departements.get(o.departement);
  if (!cible) throw new Error(`Département inconnu : ${o.departement}`);
  const communesCible = france.communesParDepartement.get(o.departement)!;
  const codesCible = new Set(communesCible.map((c) => c.code));
  const epciCible = new Set(france.epciParDepartement.get(o.departement) ?? []);
  const autres = france.communes.filter((c) => c.departement !== o.departement);
  const poidsCommune = (c: CommuneFrance) => Math.pow(Math.max(c.population, 50), 0.7);
  const tirageCible = new Ponderation(communesCible, poidsCommune);
  const tirageAutres = new Ponderation(autres, poidsCommune);
  const voisins = new Set(o.voisins);
  const genres = new Ponderation(V.GENRES_STRUCTURES, (g) => g.poids);
  const generales = new Ponderation(SOURCES, (s) => s.poids);
  const departementDe = (c: CommuneFrance) => france.departements.get(c.departement)!;

  mkdirSync(dossier, { recursive: true });
  const fichiers = { json: nomsFichiers(dateFichiers, "json"), csv: nomsFichiers(dateFichiers, "csv") };
  const base = (genre: "structures" | "services") => join(dossier, fichiers.json[genre].replace(/\.json$/, ""));
  const sortieStructures = ecrivainDump(base("structures"), COLONNES_DUMP.structure, o.formats);

  const sources = { structures: {} as Record<string, number>, services: {} as Record<string, number> };
  const problemes = { thematiqueInconnue: 0, sansModesAccueil: 0, dateInvalideServices: 0, dateInvalideStructures: 0, horairesNonOsm: 0 };
  const vienne: CompteVienne = {
    structuresSituees: 0, structuresDoublons: 0, structuresConcernees: 0, servicesSitues: 0, servicesSituesStructureAilleurs: 0,
    servicesADistanceFrance: 0, servicesZoneCouvrante: 0, servicesConcernes: 0,
    problemes: { thematiqueInconnue: 0, sansModesAccueil: 0, dateInvalideServices: 0, dateInvalideStructures: 0 },
  };
  const modifications = { structuresModifiees: 0, servicesModifies: 0, servicesSupprimes: 0, servicesAjoutes: 0, dansLaVienne: 0 };
  let doublons = 0;
  let servicesEnHtml = 0;

  const horaires = (pValide: number, pInvalide: number): string | null => {
    const x = t.suivant();
    if (x < pValide) return t.un(V.HORAIRES_VALIDES);
    return x < pValide + pInvalide ? t.un(V.HORAIRES_INVALIDES) : null;
  };
  const nonOsm = new Set(V.HORAIRES_INVALIDES);
  const domaine = (nom: string) => {
    const slug = slugifier(nom);
    const coupe = slug.lastIndexOf("-", 30);
    return `${slug.length <= 30 ? slug : slug.slice(0, coupe > 10 ? coupe : 30)}.example.org`;
  };

  /** The week after: a changed record (description, hours, phone, date). */
  const modifier = (e: Record<string, unknown>, c: CommuneFrance) => {
    const jour = ajouterJours(dateFichiers, -1 - tm.entier(6));
    e.date_maj = jour;
    if (typeof e.description === "string") e.description = `${e.description}\n\nMise à jour du ${jour} : ${tm.un(["nouveaux horaires de permanence", "changement d'interlocuteur", "nouvelles dates d'ateliers", "accueil sans rendez-vous le mardi"])}.`;
    e.horaires_accueil = tm.un(V.HORAIRES_VALIDES);
    if (e.telephone !== null) e.telephone = telephone(departementDe(c), tm);
  };

  // --- Structures ---------------------------------------------------------------------------------
  const structures: StructureGeneree[] = [];
  const siretsCible: StructureGeneree[] = [];
  const siretsAutres: StructureGeneree[] = [];
  const poidsServices: number[] = [];
  for (let i = 0; i < o.structures; i++) {
    const situee = tranche(i, o.partVienne);
    const avecSiret = situee ? siretsCible : siretsAutres;
    const original = avecSiret.length > 0 && t.proba(situee ? 0.05 : 0.015) ? t.un(avecSiret) : undefined;
    const genre = original?.genre ?? genres.tirer(t);
    let source = sourceDuGenre(genre, t, generales);
    if (original && source === original.source) source = original.source === SOURCES[0] ? SOURCES[1]! : SOURCES[0]!;
    const commune = original?.commune ?? (situee ? tirageCible.tirer(t) : tirageAutres.tirer(t));
    const departement = departementDe(commune);
    const nomPropre = t.un(V.NOMS_PROPRES);
    const contexte: Contexte = { commune, departement, nom: nomPropre };
    let nom = original ? (t.proba(0.5) ? original.nom.toUpperCase() : rendre(t.un(genre.noms), contexte)) : rendre(t.un(genre.noms), contexte);
    if (nom.length > 150) nom = nom.slice(0, 150).trimEnd();
    const local = identifiantLocal(source, i, commune, t);
    const id = `${source.nom}--${local}`;
    const adresse = original ? original.adresse : t.proba(0.97) ? `${t.entre(1, 120)} ${t.un(["rue", "avenue", "place", "boulevard", "allée", "impasse"])} ${t.un(["de la République", "Victor-Hugo", "Jean-Jaurès", "des Écoles", "du Général-de-Gaulle", "de la Mairie", "Pasteur", "des Tilleuls", "de l'Église", "du 8-Mai-1945"])}` : null;
    const avecPosition = original ? original.lat !== null : t.proba(0.97);
    const lat = original ? original.lat : avecPosition ? arrondi5(commune.lat + (t.suivant() - 0.5) * 0.02) : null;
    const lon = original ? original.lon : avecPosition ? arrondi5(commune.lon + (t.suivant() - 0.5) * 0.028) : null;
    const numeroSiret = original ? original.siret : t.proba(0.75) ? siret(t) : null;
    const codePostal = original?.codePostal ?? t.un(commune.codesPostaux);
    const html = t.proba(source.html);
    const mauvaiseDate = t.proba(situee ? 0.02 : 0.003);
    const e: Record<string, unknown> = {
      courriel: t.proba(0.7) ? `${t.un(["contact", "accueil", "secretariat", "direction"])}@${domaine(nom)}` : null,
      horaires_accueil: horaires(0.4, 0.06),
      id,
      lien_source: source.hote && t.proba(0.8) ? `https://${source.hote}/structures/${encodeURIComponent(local)}` : null,
      description: t.proba(0.9)
        ? description([...genre.presentation, ...genre.presentation, ...V.PHRASES_COMMUNES.slice(0, 6)], longueurDescription(t, 550), html, { ...contexte, structure: nom }, t)
        : null,
      siret: numeroSiret,
      source: source.nom,
      date_maj: mauvaiseDate ? dateInvalide(o.date, t) : dateMaj(o.date, t),
      reseaux_porteurs: genre.reseau ? (t.proba(0.9) ? [genre.reseau] : [genre.reseau, "france-service"].filter((x, k, l) => l.indexOf(x) === k)) : t.proba(0.3) ? [] : null,
      telephone: t.proba(0.85) ? telephone(departement, t) : null,
      site_web: t.proba(0.5) ? `https://www.${domaine(nom)}/` : null,
      accessibilite_lieu: t.proba(0.15) ? `https://acceslibre.example.org/app/${commune.departement}-${slugifier(commune.nom)}/a/${genre.reseau ?? "association"}/erp/${slugifier(nom).slice(0, 40)}/` : null,
      nom,
      longitude: lon,
      latitude: lat,
      complement_adresse: adresse && t.proba(0.15) ? t.un(["Bâtiment B", "2e étage", "Maison des associations", "Entrée par la cour", "Espace Simone-Veil"]) : null,
      commune: commune.nom,
      adresse,
      code_postal: codePostal,
      code_insee: commune.code,
    };
    const structure: StructureGeneree = {
      id, source, genre, nom, commune, adresse, codePostal, lat, lon, siret: numeroSiret, situee,
      voisine: voisins.has(commune.departement), dateInvalide: mauvaiseDate,
    };
    structures.push(structure);
    if (numeroSiret && !original) avecSiret.push(structure);
    // Services per structure: a third have none, most one or two, a few many.
    const x = t.suivant();
    poidsServices.push(x < 0.33 ? 0 : x < 0.97 ? 1 + Math.floor(-Math.log(Math.max(t.suivant(), 1e-9)) * 1.2) : t.entre(8, 30));
    if (original) doublons++;
    if (mauvaiseDate) problemes.dateInvalideStructures++;
    sources.structures[source.nom] = (sources.structures[source.nom] ?? 0) + 1;
    if (situee) {
      vienne.structuresSituees++;
      if (original) vienne.structuresDoublons++;
    }
    if (o.modifie && tm.proba(situee ? 0.05 : 0.001)) {
      modifier(e, commune);
      modifications.structuresModifiees++;
      if (situee) modifications.dansLaVienne++;
    }
    if (nonOsm.has(e.horaires_accueil as string)) problemes.horairesNonOsm++;
    sortieStructures.ecrire(e);
  }
  const tailleStructures = sortieStructures.fermer();

  // --- Services -----------------------------------------------------------------------------------
  const sortieServices = ecrivainDump(base("services"), COLONNES_DUMP.service, o.formats);
  const indices = structures.map((_, k) => k);
  const tirageStructure = new Ponderation(indices, (k) => poidsServices[k]!);
  const structuresConcernees = new Set<number>();
  structures.forEach((s, k) => s.situee && structuresConcernees.add(k));
  const structuresCible = indices.filter((k) => structures[k]!.situee);
  // National remote services come from a few national structures (platforms, helplines: 0.2 % of the
  // structures, none of them in the département), mostly in big cities.
  const indicesNationales = indices.filter((k) => !structures[k]!.situee && tranche(k + 250, 0.002));
  const nombreNationales = indicesNationales.length;
  const nationales = new Ponderation(indicesNationales, (k) => structures[k]!.commune.population + 1);

  /** A service of structure `k`; `compter` adds it to the manifest's counts, once written. */
  const service = (k: number, numero: number, distance: boolean, idLocal?: string): { e: Record<string, unknown>; concerne: boolean; compter: () => void } => {
    const s = structures[k]!;
    // Where: the structure's address mostly; a permanence elsewhere in its département; in the Vienne for
    // a few services of the neighbours' structures; nowhere for half the remote services.
    let commune = s.commune;
    let memeAdresse = true;
    let situe = true;
    if (distance) situe = t.proba(0.5);
    else if (s.voisine && t.proba(0.02)) {
      commune = tirageCible.tirer(t);
      memeAdresse = false;
    } else {
      const x = t.suivant();
      if (x < 0.2) {
        commune = t.un(france.communesParDepartement.get(s.commune.departement)!);
        memeAdresse = false;
      } else if (x < 0.24) situe = false;
    }
    const departement = departementDe(commune);
    const categorie = t.proba(0.8) ? t.un(s.genre.categories) : t.un(categories).value;
    const themes = new Set<string>();
    const nombreThemes = t.proba(0.6) ? 1 : t.entre(2, 4);
    for (let n = 0; n < nombreThemes; n++) {
      const cat = n === 0 || t.proba(0.7) ? categorie : t.un(categories).value;
      themes.add(t.un(besoinsParCategorie.get(cat)!).value);
    }
    const premier = [...themes][0]!;
    const besoin = besoins.find((b) => b.value === premier)!.label;
    const type = t.proba(0.95) ? t.un(typesDeService).value : null;
    const contexte: Contexte = { commune, departement, structure: s.nom, besoin };
    let nom: string;
    const programmes = V.PROGRAMMES[categorie] ?? [];
    if (programmes.length > 0 && t.proba(0.3)) nom = t.un(programmes) + (t.proba(0.4) ? ` – ${commune.nom}` : "");
    else nom = rendre(t.un(V.NOMS_SERVICES_PAR_TYPE[type ?? "accompagnement"]!), contexte);
    if (nom.length > 150) nom = nom.slice(0, 149).trimEnd() + "…";

    const html = t.proba(s.source.html);
    const phrases = [...(V.PHRASES_PAR_CATEGORIE[categorie] ?? []), ...(V.PHRASES_PAR_CATEGORIE[categorie] ?? []), ...V.PHRASES_COMMUNES];
    const texte = description(phrases, longueurDescription(t, 1_050), html, contexte, t);

    const modesMob = t.proba(0.9) ? t.melanger(modesMobilisation.map((m) => m.value)).slice(0, t.entre(1, 3)) : null;
    const zone = (): string[] | null => {
      if (distance) return ["france"];
      if (s.voisine && !codesCible.has(commune.code) && t.proba(o.partVoisinsCouvrant)) {
        const x = t.suivant();
        if (x < 0.4) return [commune.departement, o.departement];
        if (x < 0.6) return REGION_NOUVELLE_AQUITAINE.includes(commune.departement) ? [...REGION_NOUVELLE_AQUITAINE] : [commune.departement, o.departement];
        if (x < 0.8) return [commune.departement, t.un([...epciCible])];
        return t.melanger(communesCible).slice(0, t.entre(1, 3)).map((c) => c.code);
      }
      const x = t.suivant();
      if (x < 0.35) return [commune.departement];
      if (x < 0.6 && commune.epci) return [commune.epci];
      if (x < 0.75) return [commune.code];
      if (x < 0.85) {
        const memes = commune.epci ? france.communesParDepartement.get(commune.departement)!.filter((c) => c.epci === commune.epci) : [commune];
        return [...new Set([commune.code, ...t.melanger(memes).slice(0, t.entre(1, 2)).map((c) => c.code)])];
      }
      return situe ? null : [commune.departement];
    };
    const zoneEligibilite = zone();
    const dansCible = situe && codesCible.has(commune.code);
    const problemeTheme = t.proba(dansCible ? 0.03 : 0.004);
    const sansModes = !distance && t.proba(dansCible ? 0.03 : 0.008);
    const mauvaiseDate = t.proba(dansCible ? 0.02 : 0.003);
    const thematiques = [...themes];
    if (problemeTheme) thematiques[t.entier(thematiques.length)] = t.un(THEMATIQUES_INCONNUES);
    const fraisCode = t.suivant() < 0.75 ? "gratuit" : t.proba(0.4) ? "payant" : null;
    const publicsCodes = t.proba(0.1) ? null : t.proba(0.4) ? ["tous-publics"] : t.melanger(PUBLICS_SPECIFIQUES).slice(0, t.entre(1, 3));
    const lienMobilisation = modesMob?.includes("utiliser-lien-mobilisation") || t.proba(0.1) ? `https://${domaine(s.nom)}/${t.un(["rendez-vous", "inscription", "contact", "demande"])}` : null;
    const adresse = !situe ? null : memeAdresse ? s.adresse : `${t.entre(1, 60)} ${t.un(["rue", "place", "avenue"])} ${t.un(["de la Mairie", "du Marché", "des Écoles", "Gambetta"])}`;
    const lat = !situe ? null : memeAdresse ? s.lat : arrondi5(commune.lat + (t.suivant() - 0.5) * 0.02);
    const lon = !situe ? null : memeAdresse ? s.lon : arrondi5(commune.lon + (t.suivant() - 0.5) * 0.028);
    const e: Record<string, unknown> = {
      lien_mobilisation: lienMobilisation,
      horaires_accueil: horaires(0.3, 0.04),
      source: s.source.nom,
      structure_id: s.id,
      lien_source: s.source.hote && t.proba(0.8) ? `https://${s.source.hote}/services/${numero.toString(36)}` : null,
      conditions_acces: t.proba(0.4) ? t.un(V.CONDITIONS) : null,
      date_maj: mauvaiseDate ? dateInvalide(o.date, t) : dateMaj(o.date, t),
      id: `${s.source.nom}--${idLocal ?? identifiantLocal(s.source, numero, commune, t)}`,
      description: texte,
      thematiques,
      // A service open remotely with no zone would concern every commune of France (the coverage rule):
      // the producers that leave the zone out describe places, so those are in person only.
      modes_accueil: sansModes
        ? null
        : distance
          ? ["a-distance"]
          : zoneEligibilite === null
            ? ["en-presentiel"]
            : t.un([["en-presentiel"], ["en-presentiel"], ["en-presentiel"], ["en-presentiel", "a-distance"], ["a-distance", "en-presentiel"], ["a-distance"]]),
      modes_mobilisation: modesMob,
      mobilisable_par: t.proba(0.1) ? null : t.un([["professionnels"], ["usagers"], ["professionnels", "usagers"], ["usagers", "professionnels"]]),
      mobilisation_precisions: t.proba(0.4) ? t.un(V.PRECISIONS_MOBILISATION) : null,
      publics: publicsCodes,
      publics_precisions: t.proba(0.25) ? t.un(V.PRECISIONS_PUBLICS) : null,
      type,
      frais: fraisCode,
      frais_precisions: fraisCode === "payant" || t.proba(0.05) ? t.un(V.PRECISIONS_FRAIS) : null,
      nombre_semaines: t.proba(0.15) ? t.entre(1, 52) : null,
      volume_horaire_hebdomadaire: t.proba(0.15) ? t.entre(1, 70) / 2 : null,
      zone_eligibilite: zoneEligibilite,
      nom,
      longitude: lon,
      latitude: lat,
      complement_adresse: situe && t.proba(0.1) ? t.un(["Salle polyvalente", "1er étage", "Local de la permanence", "Mairie annexe"]) : null,
      commune: situe ? commune.nom : null,
      adresse,
      code_postal: situe ? (memeAdresse ? s.codePostal : t.un(commune.codesPostaux)) : null,
      code_insee: situe ? commune.code : null,
      contact_nom_prenom: t.proba(0.25) ? `${t.un(V.PRENOMS)} ${t.un(V.NOMS_DE_FAMILLE)}` : null,
      courriel: t.proba(0.55) ? `${t.un(["contact", "accueil", "rdv", "inscriptions"])}@${domaine(s.nom)}` : null,
      telephone: t.proba(0.65) ? telephone(departement, t) : null,
      score_qualite: Math.round((0.3 + 0.7 * t.suivant()) * 100) / 100,
    };

    // Does it concern the département? Counted from the values written, not from the intentions above.
    const situeCible = typeof e.code_insee === "string" && codesCible.has(e.code_insee);
    const z = zoneEligibilite ?? [];
    const france_ = z.includes("france");
    const couvre = z.some((c) => c === o.departement || codesCible.has(c) || epciCible.has(c));
    const concerne = situeCible || france_ || couvre;
    const compter = () => {
      sources.services[s.source.nom] = (sources.services[s.source.nom] ?? 0) + 1;
      if (html) servicesEnHtml++;
      if (problemeTheme) problemes.thematiqueInconnue++;
      if (sansModes) problemes.sansModesAccueil++;
      if (mauvaiseDate) problemes.dateInvalideServices++;
      if (!concerne) return;
      vienne.servicesConcernes++;
      structuresConcernees.add(k);
      if (situeCible) {
        vienne.servicesSitues++;
        if (!s.situee) vienne.servicesSituesStructureAilleurs++;
      } else if (france_) vienne.servicesADistanceFrance++;
      else vienne.servicesZoneCouvrante++;
      if (problemeTheme) vienne.problemes.thematiqueInconnue++;
      if (sansModes) vienne.problemes.sansModesAccueil++;
      if (mauvaiseDate) vienne.problemes.dateInvalideServices++;
    };
    return { e, concerne, compter };
  };

  for (let i = 0; i < o.services; i++) {
    const distance = tranche(i, o.partDistance);
    const k = distance && nombreNationales > 0 && t.proba(0.97) ? nationales.tirer(t) : tirageStructure.tirer(t);
    const { e, concerne, compter } = service(k, i, distance);
    if (o.modifie) {
      const x = tm.suivant();
      const pSupprime = concerne ? 0.004 : 0.0002;
      const pModifie = concerne ? 0.05 : 0.002;
      if (x < pSupprime) {
        modifications.servicesSupprimes++;
        if (concerne) modifications.dansLaVienne++;
        continue;
      }
      if (x < pSupprime + pModifie) {
        modifier(e, structures[k]!.commune);
        modifications.servicesModifies++;
        if (concerne) modifications.dansLaVienne++;
      }
    }
    compter();
    if (nonOsm.has(e.horaires_accueil as string)) problemes.horairesNonOsm++;
    sortieServices.ecrire(e);
  }
  if (o.modifie) {
    // New services of structures located in the département, drawn after every other record.
    const nouveaux = Math.max(1, Math.round(o.services * 0.0002));
    for (let n = 0; n < nouveaux; n++) {
      const k = structuresCible[tm.entier(structuresCible.length)]!;
      const { e, compter } = service(k, o.services + n, false, `nouveau-${n + 1}`);
      e.date_maj = ajouterJours(dateFichiers, -1);
      compter();
      if (nonOsm.has(e.horaires_accueil as string)) problemes.horairesNonOsm++;
      sortieServices.ecrire(e);
      modifications.servicesAjoutes++;
      modifications.dansLaVienne++;
    }
  }
  const tailleServices = sortieServices.fermer();

  vienne.structuresConcernees = structuresConcernees.size;
  for (const k of structuresConcernees) if (structures[k]!.dateInvalide) vienne.problemes.dateInvalideStructures++;

  const listeFichiers: FichierDump[] = [];
  for (const format of o.formats) {
    listeFichiers.push({ nom: fichiers[format].structures, octets: tailleStructures[format] ?? 0, enregistrements: sortieStructures.nombre });
    listeFichiers.push({ nom: fichiers[format].services, octets: tailleServices[format] ?? 0, enregistrements: sortieServices.nombre });
  }
  const manifeste: Manifeste = {
    date: dateFichiers,
    options: o,
    fichiers: listeFichiers,
    structures: sortieStructures.nombre,
    services: sortieServices.nombre,
    sources: { structures: trier(sources.structures), services: trier(sources.services) },
    doublons,
    problemes,
    servicesEnHtml,
    vienne,
    ...(o.modifie ? { modifications } : {}),
    dureeMs: Math.round(performance.now() - debut),
  };
  writeFileSync(join(dossier, "manifeste.json"), `${JSON.stringify(manifeste, null, 2)}\n`);
  return manifeste;
}

// ---------------------------------------------------------------------------------------------
// Command line

const USAGE =
  "Usage : npx tsx bench/import/dump-synthetique.ts --sortie <dossier> [--petit] [--structures N] [--services N] [--graine S] [--date AAAA-MM-JJ] [--modifie] [--formats json,csv]";

export function lireOptions(argv: readonly string[]): { sortie?: string; options: OptionsDump } {
  const options: { -readonly [K in keyof OptionsDump]: OptionsDump[K] } = { ...OPTIONS_PAR_DEFAUT };
  let sortie: string | undefined;
  const liste = argv.filter((a) => a !== "--");
  const entier = (nom: string, v: string | undefined) => {
    if (!v || !/^\d+$/.test(v) || Number(v) < 1) throw new Error(`--${nom} attend un nombre entier positif (reçu : « ${v ?? ""} »)`);
    return Number(v);
  };
  for (let i = 0; i < liste.length; i++) {
    const a = liste[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`argument inattendu « ${a} »`);
    const valeur = () => m[2] ?? liste[++i];
    switch (m[1]) {
      case "sortie":
        sortie = valeur();
        break;
      case "petit":
        Object.assign(options, TAILLE_PETITE);
        break;
      case "structures":
        options.structures = entier("structures", valeur());
        break;
      case "services":
        options.services = entier("services", valeur());
        break;
      case "graine":
        options.graine = graineDepuisTexte(valeur() ?? "");
        break;
      case "date": {
        const d = valeur() ?? "";
        if (!estJourValide(d)) throw new Error(`--date attend une date AAAA-MM-JJ (reçu : « ${d} »)`);
        options.date = d;
        break;
      }
      case "modifie":
        options.modifie = true;
        break;
      case "formats": {
        const f = (valeur() ?? "").split(",");
        if (f.length === 0 || f.some((x) => x !== "json" && x !== "csv")) throw new Error("--formats attend json, csv ou json,csv");
        options.formats = f as ("json" | "csv")[];
        break;
      }
      default:
        throw new Error(`option inconnue --${m[1]}`);
    }
  }
  return { sortie, options };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  let lu: ReturnType<typeof lireOptions>;
  try {
    lu = lireOptions(process.argv.slice(2));
    if (!lu.sortie) throw new Error("--sortie est obligatoire");
  } catch (erreur) {
    console.error(`${(erreur as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const racine = resolve(import.meta.dirname, "../..");
  const m = genererDump(racine, resolve(lu.sortie!), lu.options);
  for (const f of m.fichiers) console.log(`${f.nom} : ${f.enregistrements.toLocaleString("fr-FR")} enregistrements, ${(f.octets / 1e6).toFixed(1)} Mo`);
  const v = m.vienne;
  console.log(
    `Département ${m.options.departement} : ${v.structuresSituees} structures situées, ${v.servicesConcernes} services concernés ` +
      `(${v.servicesSitues} situés, ${v.servicesADistanceFrance} à distance France, ${v.servicesZoneCouvrante} de zone couvrante) ; ` +
      `${(m.dureeMs / 1000).toFixed(1)} s.`,
  );
}
