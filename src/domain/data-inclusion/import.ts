/**
 * The import of data·inclusion records into the catalogue, without the file system: records arrive one
 * by one (`recevoir`, as the readers stream them), then `terminer` works out what to write, given the
 * catalogue's files and the last import's state (etat.ts). The command (scripts/import.ts) reads and writes.
 *
 * What it guarantees: only what concerns the territory (territoire.ts) unless `tout`; duplicates merged
 * (doublons.ts); one file per record, written by the CMS's own file format so that a later save changes
 * only what a partner changed; fields of our own never touched; a field edited here since the last import
 * never overwritten (a conflict is reported); the same input twice writes the same bytes; every written
 * file passes the validator (a record it refuses is reported, its file left as it was).
 */
import { createHash } from "node:crypto";
import { NOMS_CHAMPS, type Collection } from "../cms/champs";
import { NOMS_CHAMPS_ADRESSE } from "../schema";
import { CHAMP_CORPS, CHAMP_TEXTE_ORIGINAL, versFichier } from "../cms/format";
import { MOTIF_SLUG, slugifier } from "../text";
import { lireFrontMatter } from "../validation/frontmatter";
import { validerFichiers } from "../validation/catalogue";
import { CHAMPS_HORS_V1, depuisDataInclusion, type ProblemeEnregistrement } from "./correspondance";
import { regrouperDoublons, type MembreGroupe } from "./doublons";
import { CHAMP_CORPS_ETAT, cleEtat, empreinte, etatVide, type EntreeEtat, type EtatImport } from "./etat";
import type { Genre } from "./format-dump";
import type { EnregistrementBrut, Lot } from "./lecture";
import { serviceHorsTerritoire, structureDansLeTerritoire, type CentreDeCommune, type RaisonHorsTerritoire } from "./territoire";

export interface OptionsImport {
  /** Today in Paris (YYYY-MM-DD): dates in the future are refused. */
  aujourdhui: string;
  /** Our own data·inclusion source (site.config.ts): its records are ours, imported only when absent. */
  sourceDuSite: string;
  /** Keep everything, whatever the territory. */
  tout?: boolean;
  /** Ignore services whose `score_qualite` is below this (and those without a score). */
  scoreMin?: number;
  /** Delete the files of records gone from a source the input covers whole. */
  supprimerAbsents?: boolean;
  /** Centre of any French commune (for records located outside the territory). */
  centre: CentreDeCommune;
  /** How the catalogue's folder is shown in messages (`content`). */
  dossierAffiche?: string;
}

/** The catalogue as read: `structures/<slug>.md` and `services/<slug>.md` → text. */
export type FichiersCatalogue = ReadonlyMap<string, string>;

export interface LigneRapport {
  origine: string;
  genre: Genre;
  /** The record's id, else « n° 12 ». */
  enregistrement: string;
  nom?: string;
  /** The structure's name, to group the report by organisation. */
  structure?: string;
  champ?: string;
  message: string;
}

export interface Conflit {
  genre: Genre;
  id: string;
  fichier: string;
  nom: string;
  structure?: string;
  champs: string[];
}

export interface Disparu {
  genre: Genre;
  id: string;
  fichier: string;
  supprime: boolean;
  /** Why a gone structure's file is kept even with --supprimer-absents. */
  garde?: string;
}

export interface Compteurs {
  crees: number;
  misAJour: number;
  inchanges: number;
  repares: number;
  conflits: number;
  refuses: number;
  horsTerritoire: number;
  doublonsFusionnes: number;
  disparus: number;
}

export interface RapportImport {
  entrees: { origine: string; format: string; genre: Genre; nombre: number; complet: boolean }[];
  compteurs: Compteurs;
  horsTerritoire: { structures: number; services: Record<RaisonHorsTerritoire, number> };
  score?: { min: number; sousLeMin: number; sansScore: number };
  refus: LigneRapport[];
  conflits: Conflit[];
  reparations: LigneRapport[];
  avertissements: LigneRapport[];
  disparus: Disparu[];
  /** Records deleted here since they were imported: not created again. */
  supprimesIci: { genre: Genre; id: string; fichier: string }[];
  /** Our own records already in the catalogue (imported only when absent). */
  dejaPresents: number;
  clesInconnues: string[];
  remarques: string[];
}

/** A report with nothing counted yet: where an import starts (and what a test fills in). */
export function rapportImportVide(): RapportImport {
  return {
    entrees: [],
    compteurs: { crees: 0, misAJour: 0, inchanges: 0, repares: 0, conflits: 0, refuses: 0, horsTerritoire: 0, doublonsFusionnes: 0, disparus: 0 },
    horsTerritoire: { structures: 0, services: { zone: 0, distance: 0, "sans-lieu": 0 } },
    refus: [],
    conflits: [],
    reparations: [],
    avertissements: [],
    disparus: [],
    supprimesIci: [],
    dejaPresents: 0,
    clesInconnues: [],
    remarques: [],
  };
}

export interface ResultatImport {
  /** `structures/<slug>.md` → new text (created or updated files only). */
  ecritures: Map<string, string>;
  suppressions: string[];
  etat: EtatImport;
  rapport: RapportImport;
}

// ---------------------------------------------------------------------------------------------

const COLLECTION: Record<Genre, Collection> = { structure: "structures", service: "services" };
const cheminFichier = (genre: Genre, slug: string) => `${COLLECTION[genre]}/${slug}.md`;

/** Fields of ours the import never writes (nor compares). */
const CHAMPS_PROPRES = new Set<string>([...CHAMPS_HORS_V1, "date_maj", "doublons"]);
const champsImportes = (genre: Genre) => [...NOMS_CHAMPS[COLLECTION[genre]].filter((c) => !CHAMPS_PROPRES.has(c)), CHAMP_CORPS_ETAT];

const texte = (v: unknown): string | undefined => {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
};

/** A record's name in the report: its id, else its position. */
const designation = (e: EnregistrementBrut) => texte(e.champs.id) ?? `n° ${e.rang}`;

interface Fiche {
  genre: Genre;
  slug: string;
  texte: string;
  donnees: Record<string, unknown>;
  corps: string;
}

interface Cible {
  genre: Genre;
  id: string;
  brut: EnregistrementBrut;
  /** Front matter the import owns (origin included), body under CHAMP_CORPS_ETAT. */
  valeurs: Record<string, unknown>;
  dateMaj: string;
  doublons: string[];
  /** The file that holds it (existing or planned). */
  slug: string;
  existant?: Fiche;
  /** Our own source: written once when absent, never compared. */
  propre: boolean;
  reparations: ProblemeEnregistrement[];
  avertissements: ProblemeEnregistrement[];
}

/**
 * A structure outside the territory, kept small until a service of the territory needs it: its place (for
 * the territory rule) as an object, the rest as JSON text — a national dump's 66,000 structures as objects
 * took half the import's memory, and ~1 % of them are ever used.
 */
interface StructureEnReserve {
  lieu: Readonly<Record<string, unknown>>;
  json: string;
  origine: string;
  rang: number;
}

/**
 * A copy of what is kept of a record, sharing no memory with the text it was read from: the JSON reader's
 * strings are slices of its 64 KB chunks, so one id kept per record held the whole dump's text in memory
 * (2.3 GB peak for a national dump). Applied only to what outlives the reading.
 */
function detacher<T>(valeur: T): T {
  return typeof valeur === "string" ? (Buffer.from(valeur, "utf8").toString("utf8") as T) : (JSON.parse(JSON.stringify(valeur)) as T);
}


export class Importation {
  /** Structures located in the territory (or all of them with `tout`), as read. */
  private readonly structures = new Map<string, EnregistrementBrut>();
  private readonly enReserve = new Map<string, StructureEnReserve>();
  /** Services that concern the territory (the others are only counted as they arrive: a national dump is ~90,000). */
  private readonly services: EnregistrementBrut[] = [];
  /** Services whose structure had not been read yet when they arrived: sorted at the end. */
  private readonly enAttente: EnregistrementBrut[] = [];
  private readonly idsDesServices = new Set<string>();
  /** Services read twice (the same id in two inputs, e.g. the dump's CSV and JSON): the first is kept. */
  private relusDeuxFois = 0;
  private readonly vus: Record<Genre, Set<string>> = { structure: new Set(), service: new Set() };
  private readonly lots: Lot[] = [];
  private readonly refus: LigneRapport[] = [];
  private readonly nomsDesStructures = new Map<string, string>();
  private readonly horsTerritoire: Record<RaisonHorsTerritoire, number> = { zone: 0, distance: 0, "sans-lieu": 0 };
  private readonly score = { sousLeMin: 0, sansScore: 0 };
  private readonly structuresUtiles = new Set<string>();
  // The catalogue as it is: files by slug, imported ones by id (and merged duplicates' ids), ours by their own id.
  private readonly existantes: Record<Genre, Map<string, Fiche>> = { structure: new Map(), service: new Map() };
  private readonly parId: Record<Genre, Map<string, Fiche>> = { structure: new Map(), service: new Map() };
  private readonly slugsPris: Record<Genre, Set<string>> = { structure: new Set(), service: new Set() };

  constructor(
    private readonly fichiers: FichiersCatalogue,
    private readonly etat: EtatImport,
    private readonly options: OptionsImport,
  ) {
    for (const [chemin, contenu] of fichiers) {
      const m = /^(structures|services)\/([^/]+)\.md$/.exec(chemin);
      if (!m) continue;
      const genre: Genre = m[1] === "structures" ? "structure" : "service";
      const slug = m[2]!;
      this.slugsPris[genre].add(slug.toLowerCase());
      const lu = lireFrontMatter(contenu);
      if (!lu.donnees) continue;
      const fiche: Fiche = { genre, slug, texte: contenu, donnees: lu.donnees, corps: lu.corps };
      this.existantes[genre].set(slug, fiche);
      const id = texte(lu.donnees.id);
      if (id) this.parId[genre].set(id, fiche);
      else {
        const anciens = Array.isArray(lu.donnees.anciens_slugs) ? lu.donnees.anciens_slugs : [];
        this.parId[genre].set(`${options.sourceDuSite}--${texte(anciens[0]) ?? slug}`, fiche);
      }
      if (genre === "structure" && Array.isArray(lu.donnees.doublons)) {
        for (const d of lu.donnees.doublons) if (texte(d)) this.parId.structure.set(texte(d)!, fiche);
      }
    }
  }

  /** One record as read. Structures are all kept until the end (services need their place). */
  recevoir(lu: EnregistrementBrut): void {
    const idLu = texte(lu.champs.id);
    const id = idLu === undefined ? undefined : detacher(idLu);
    const e = lu;
    if (id) this.vus[e.genre].add(id);
    if (e.genre === "structure") {
      if (!id) {
        this.refuser(e, "id", "champ obligatoire : l'identifiant data·inclusion de la structure");
        return;
      }
      // The same structure twice (a nested one of several services, or two inputs): the first one read.
      if (!this.structures.has(id) && !this.enReserve.has(id)) {
        if (this.options.tout || structureDansLeTerritoire(e.champs)) this.structures.set(id, { ...e, champs: detacher(e.champs) });
        else {
          const lieu = detacher(Object.fromEntries(NOMS_CHAMPS_ADRESSE.filter((c) => e.champs[c] !== undefined).map((c) => [c, e.champs[c]])));
          this.enReserve.set(id, { lieu, json: JSON.stringify(e.champs), origine: e.origine, rang: e.rang });
        }
      }
      const nom = texte(e.champs.nom);
      if (nom) this.nomsDesStructures.set(id, detacher(nom));
    } else if (!id || !this.idsDesServices.has(id)) {
      if (id) this.idsDesServices.add(id);
      const sid = texte(e.champs.structure_id);
      if (sid && !this.structureDe(sid)) this.enAttente.push({ ...e, champs: detacher(e.champs) });
      else this.trier(e);
    } else {
      this.relusDeuxFois++;
    }
  }

  private structureDe(sid: string): Readonly<Record<string, unknown>> | undefined {
    return this.structures.get(sid)?.champs ?? this.enReserve.get(sid)?.lieu ?? this.parId.structure.get(sid)?.donnees;
  }

  /** Keeps a service that passes the score and concerns the territory; counts the others. */
  private trier(e: EnregistrementBrut): void {
    const o = this.options;
    if (o.scoreMin !== undefined) {
      const score = typeof e.champs.score_qualite === "number" ? e.champs.score_qualite : Number.NaN;
      if (Number.isNaN(score)) {
        this.score.sansScore++;
        return;
      }
      if (score < o.scoreMin) {
        this.score.sousLeMin++;
        return;
      }
    }
    const sid = texte(e.champs.structure_id);
    const structure = sid ? this.structureDe(sid) : undefined;
    if (!o.tout) {
      const raison = serviceHorsTerritoire(e.champs, structure, o.centre);
      // Placed by its structure, which is nowhere: refused later (structure unknown), not « out of the territory ».
      if (raison && !(raison === "sans-lieu" && sid && !structure)) {
        this.horsTerritoire[raison]++;
        return;
      }
    }
    this.services.push({ ...e, champs: detacher(e.champs) });
    if (sid) this.structuresUtiles.add(detacher(sid));
  }

  /** What one input was (read once it is read whole). */
  ajouterLot(lot: Lot): void {
    this.lots.push(lot);
  }

  private refuser(e: EnregistrementBrut, champ: string | undefined, message: string, structureId?: string): void {
    const sid = structureId ?? (e.genre === "service" ? texte(e.champs.structure_id) : texte(e.champs.id));
    this.refus.push({
      origine: e.origine,
      genre: e.genre,
      enregistrement: designation(e),
      ...(texte(e.champs.nom) ? { nom: texte(e.champs.nom) } : {}),
      ...(sid && this.nomsDesStructures.get(sid) ? { structure: this.nomsDesStructures.get(sid) } : {}),
      ...(champ ? { champ } : {}),
      message,
    });
  }

  terminer(): ResultatImport {
    const o = this.options;
    const rapport: RapportImport = {
      ...rapportImportVide(),
      entrees: this.lots.map((l) => ({ origine: l.origine, format: l.format, genre: l.genre, nombre: l.nombre, complet: l.complet })),
      refus: this.refus,
      clesInconnues: [...new Set(this.lots.flatMap((l) => l.clesInconnues))].sort(),
      remarques: [
        ...new Set(this.lots.flatMap((l) => l.remarques)),
        ...(this.relusDeuxFois > 0 ? [`${this.relusDeuxFois} service(s) lu(s) deux fois (même id dans deux entrées) : le premier lu est gardé`] : []),
      ],
    };

    const { existantes, parId, slugsPris } = this;
    for (const e of this.enAttente) this.trier(e);
    this.enAttente.length = 0;
    const servicesGardes = this.services;
    const structuresUtiles = this.structuresUtiles;
    rapport.horsTerritoire.services = { ...this.horsTerritoire };
    if (o.scoreMin !== undefined) rapport.score = { min: o.scoreMin, ...this.score };

    // Structures: located here, or running a kept service.
    const structuresGardees = [...this.structures.values()];
    for (const [id, r] of this.enReserve) {
      if (structuresUtiles.has(id)) structuresGardees.push({ genre: "structure", champs: JSON.parse(r.json) as Record<string, unknown>, origine: r.origine, rang: r.rang });
      else rapport.horsTerritoire.structures++;
    }
    this.enReserve.clear();

    const idsGardes = new Set(structuresGardees.map((e) => texte(e.champs.id)!));
    // Duplicates: groups over the kept structures and the catalogue's.
    const membres: MembreGroupe[] = structuresGardees.map((e) => {
      const id = texte(e.champs.id)!;
      const doublons = Array.isArray(e.champs.doublons)
        ? e.champs.doublons.map((d) => (d && typeof d === "object" ? texte((d as Record<string, unknown>).id) : texte(d))).filter((d): d is string => !!d)
        : [];
      return { id, siret: texte(e.champs.siret), codeInsee: texte(e.champs.code_insee), doublons, fichier: parId.structure.get(id)?.slug };
    });
    const idsDesMembres = new Set(membres.map((m) => m.id));
    for (const fiche of existantes.structure.values()) {
      const id = texte(fiche.donnees.id);
      if (!id || idsDesMembres.has(id)) continue;
      membres.push({ id, siret: texte(fiche.donnees.siret), codeInsee: texte(fiche.donnees.code_insee), doublons: [], fichier: fiche.slug });
    }
    const principal = regrouperDoublons(membres);

    // What each kept record should become.
    const cibles: Cible[] = [];
    const slugDeStructure = new Map<string, string>();
    const structuresRefusees = new Set<string>();
    const nouveauxSlugs: Record<Genre, Set<string>> = { structure: new Set(), service: new Set() };
    const reserverSlug = (genre: Genre, brut: EnregistrementBrut, id: string): string => {
      const base = slugLisible(texte(brut.champs.nom) ?? genre, texte(brut.champs.commune));
      let slug = base;
      const pris = (s: string) => slugsPris[genre].has(s) || nouveauxSlugs[genre].has(s);
      for (let n = 6; pris(slug); n += 2) slug = `${base}-${createHash("sha1").update(id).digest("hex").slice(0, n)}`;
      nouveauxSlugs[genre].add(slug);
      return slug;
    };

    const ordreIds = (a: EnregistrementBrut, b: EnregistrementBrut) => (texte(a.champs.id)! < texte(b.champs.id)! ? -1 : 1);
    const membresDe = new Map<string, string[]>();
    for (const [id, tete] of principal) if (id !== tete) membresDe.set(tete, [...(membresDe.get(tete) ?? []), id]);

    for (const e of [...structuresGardees].sort(ordreIds)) {
      const id = texte(e.champs.id)!;
      const tete = principal.get(id) ?? id;
      if (tete !== id) {
        rapport.compteurs.doublonsFusionnes++;
        continue; // its services follow the group's file, resolved below
      }
      const cible = this.cible(e, id, parId.structure.get(id));
      if (!cible) {
        structuresRefusees.add(id);
        for (const membre of membresDe.get(id) ?? []) structuresRefusees.add(membre);
        continue;
      }
      const existant = parId.structure.get(id);
      cible.doublons = [...new Set([...(membresDe.get(id) ?? []).filter((m) => idsGardes.has(m)), ...listeTextes(existant?.donnees.doublons)])].sort();
      cible.slug = existant?.slug ?? (cible.propre ? slugPropre(e, o.sourceDuSite, "structure") : reserverSlug("structure", e, id));
      cible.existant = existant;
      slugDeStructure.set(id, cible.slug);
      for (const membre of membresDe.get(id) ?? []) slugDeStructure.set(membre, cible.slug);
      cibles.push(cible);
    }

    for (const e of [...servicesGardes].sort((a, b) => ordreIdsSurs(a, b))) {
      const id = texte(e.champs.id);
      const sid = texte(e.champs.structure_id);
      const slugStructure = sid ? (slugDeStructure.get(sid) ?? parId.structure.get(sid)?.slug) : undefined;
      // Every reason at once: the record's own problems first (a v0 record's structure_id is not a v1 id).
      const sansStructure =
        sid && structuresRefusees.has(principal.get(sid) ?? sid)
          ? `la structure « ${sid} » est refusée (voir sa ligne) : le service ne peut être publié sans elle`
          : sid && !slugStructure
            ? `la structure « ${sid} » n'est ni dans les données lues ni dans le catalogue : importez aussi le fichier des structures`
            : undefined;
      const cible = this.cible(e, id ?? "", id ? parId.service.get(id) : undefined, sansStructure ? [{ champ: "structure_id", message: sansStructure }] : []);
      if (!cible) continue;
      cible.valeurs.structure = slugStructure;
      const existant = parId.service.get(cible.id);
      cible.existant = existant;
      cible.slug = existant?.slug ?? (cible.propre ? slugPropre(e, o.sourceDuSite, "service") : reserverSlug("service", e, cible.id));
      if (cible.propre && !existant) {
        const local = cible.id.slice(o.sourceDuSite.length + 2);
        if (local !== cible.slug) cible.valeurs.anciens_slugs = [local];
      }
      cibles.push(cible);
    }

    // Files to write: created, or updated field by field against the last import.
    const ecritures = new Map<string, string>();
    const etat: EtatImport = { version: this.etat.version, structures: { ...this.etat.structures }, services: { ...this.etat.services } };
    const issue = new Map<string, { cible: Cible; cree: boolean; conflit?: Conflit }>();
    for (const c of cibles) {
      const chemin = cheminFichier(c.genre, c.slug);
      const entreeEtat = this.etat[cleEtat(c.genre)][c.id];
      if (c.propre) {
        if (c.existant) {
          rapport.dejaPresents++;
          continue;
        }
        ecritures.set(chemin, nouveauFichier(c));
        issue.set(chemin, { cible: c, cree: true });
        continue;
      }
      if (!c.existant) {
        if (entreeEtat && !this.fichiers.has(cheminFichier(c.genre, entreeEtat.fichier))) {
          rapport.supprimesIci.push({ genre: c.genre, id: c.id, fichier: entreeEtat.fichier });
          continue;
        }
        ecritures.set(chemin, nouveauFichier(c));
        issue.set(chemin, { cible: c, cree: true });
        etat[cleEtat(c.genre)][c.id] = { fichier: c.slug, empreintes: empreintesDe(c.genre, c.valeurs) };
        continue;
      }
      const { texte: nouveau, entree, conflit } = mettreAJour(c, c.existant, entreeEtat, this.nomsDesStructures);
      etat[cleEtat(c.genre)][c.id] = entree;
      if (nouveau !== c.existant.texte) {
        ecritures.set(chemin, nouveau);
        issue.set(chemin, { cible: c, cree: false, conflit });
      } else {
        rapport.compteurs.inchanges++;
        if (conflit) rapport.conflits.push(conflit);
      }
    }

    // Every written file must pass the validator, with the rest of the catalogue: a refused one is not written.
    const dossier = o.dossierAffiche ?? "content";
    for (let tour = 0; tour < 5 && ecritures.size > 0; tour++) {
      const tous = new Map(this.fichiers);
      for (const [chemin, t] of ecritures) tous.set(chemin, t);
      const resultat = validerFichiers(
        [...tous].map(([chemin, t]) => ({ chemin: `${dossier}/${chemin}`, texte: t })),
        { aujourdhui: o.aujourdhui, source: o.sourceDuSite },
      );
      let retire = false;
      for (const [chemin] of ecritures) {
        const erreurs = resultat.problemes.filter((p) => p.gravite === "erreur" && p.fichier === `${dossier}/${chemin}`);
        if (erreurs.length === 0) continue;
        const { cible, cree } = issue.get(chemin)!;
        for (const p of erreurs) {
          this.refuser(cible.brut, p.champ, cree ? p.message : `mise à jour refusée, la fiche reste telle qu'elle était : ${p.message}`);
        }
        ecritures.delete(chemin);
        if (cree) delete etat[cleEtat(cible.genre)][cible.id];
        else if (this.etat[cleEtat(cible.genre)][cible.id]) etat[cleEtat(cible.genre)][cible.id] = this.etat[cleEtat(cible.genre)][cible.id]!;
        issue.delete(chemin);
        retire = true;
      }
      if (!retire) break;
    }
    // A structure kept only for services that were all refused concerns the territory no more.
    if (!o.tout) {
      // The structures the catalogue's services will name: the files written now, the others as they were.
      const references = new Set<string>();
      for (const { cible } of issue.values()) if (cible.genre === "service") references.add(String(cible.valeurs.structure));
      for (const fiche of existantes.service.values()) {
        if (!issue.has(cheminFichier("service", fiche.slug))) references.add(String(fiche.donnees.structure));
      }
      for (const [chemin, { cible, cree }] of issue) {
        if (!cree || cible.genre !== "structure" || references.has(cible.slug) || structureDansLeTerritoire(cible.brut.champs)) continue;
        ecritures.delete(chemin);
        issue.delete(chemin);
        delete etat.structures[cible.id];
        rapport.horsTerritoire.structures++;
      }
    }
    for (const { cible, cree, conflit } of issue.values()) {
      if (cree) rapport.compteurs.crees++;
      else rapport.compteurs.misAJour++;
      if (conflit) rapport.conflits.push(conflit);
    }

    // Mended values and dropped fields, for the records kept.
    for (const c of cibles) {
      const ligne = (p: ProblemeEnregistrement): LigneRapport => ({
        origine: c.brut.origine,
        genre: c.genre,
        enregistrement: c.id,
        ...(texte(c.brut.champs.nom) ? { nom: texte(c.brut.champs.nom) } : {}),
        ...(this.nomStructure(c) ? { structure: this.nomStructure(c) } : {}),
        ...(p.champ ? { champ: p.champ } : {}),
        message: p.message,
      });
      if (c.reparations.length > 0) rapport.compteurs.repares++;
      rapport.reparations.push(...c.reparations.map(ligne));
      rapport.avertissements.push(...c.avertissements.map(ligne));
    }

    // Records gone from a source the input covers whole.
    const suppressions: string[] = [];
    const complet: Record<Genre, boolean> = {
      structure: this.lots.some((l) => l.genre === "structure" && l.complet),
      service: this.lots.some((l) => l.genre === "service" && l.complet),
    };
    for (const genre of ["service", "structure"] as const) {
      if (!complet[genre]) continue;
      for (const [id, entree] of Object.entries(this.etat[cleEtat(genre)])) {
        if (this.vus[genre].has(id)) continue;
        const fiche = existantes[genre].get(entree.fichier);
        if (!fiche) continue;
        const disparu: Disparu = { genre, id, fichier: entree.fichier, supprime: false };
        if (o.supprimerAbsents) {
          const services = genre === "structure" ? [...existantes.service.values()].filter((s) => s.donnees.structure === entree.fichier && !suppressions.includes(cheminFichier("service", s.slug))) : [];
          if (services.length > 0) {
            disparu.garde = `la structure a encore ${services.length} service(s) dans le catalogue (${services.map((s) => s.slug).join(", ")})`;
          } else {
            suppressions.push(cheminFichier(genre, entree.fichier));
            delete etat[cleEtat(genre)][id];
            disparu.supprime = true;
          }
        }
        rapport.disparus.push(disparu);
      }
    }
    rapport.compteurs.disparus = rapport.disparus.length;

    rapport.compteurs.refuses = new Set(this.refus.map((r) => `${r.genre}|${r.origine}|${r.enregistrement}`)).size;
    rapport.compteurs.conflits = rapport.conflits.length;
    rapport.compteurs.horsTerritoire = rapport.horsTerritoire.structures + Object.values(rapport.horsTerritoire.services).reduce((a, b) => a + b, 0);
    const parStructurePuisId = (a: LigneRapport, b: LigneRapport) =>
      (a.structure ?? "").localeCompare(b.structure ?? "", "fr") || a.genre.localeCompare(b.genre) || a.enregistrement.localeCompare(b.enregistrement) || (a.champ ?? "").localeCompare(b.champ ?? "");
    rapport.refus.sort(parStructurePuisId);
    rapport.reparations.sort(parStructurePuisId);
    rapport.avertissements.sort(parStructurePuisId);
    rapport.conflits.sort((a, b) => a.genre.localeCompare(b.genre) || a.id.localeCompare(b.id));
    return { ecritures, suppressions, etat, rapport };
  }

  private nomStructure(c: Cible): string | undefined {
    const sid = c.genre === "service" ? texte(c.brut.champs.structure_id) : c.id;
    return sid ? this.nomsDesStructures.get(sid) : undefined;
  }

  /** The record mapped to our front matter, or undefined (refused, reported). */
  private cible(e: EnregistrementBrut, id: string, existant: Fiche | undefined, autres: ProblemeEnregistrement[] = []): Cible | undefined {
    const r = depuisDataInclusion(e.genre, e.champs, { aujourdhui: this.options.aujourdhui });
    if (!r.ok || autres.length > 0) {
      for (const p of [...(r.ok ? [] : r.problemes), ...autres]) this.refuser(e, p.champ, p.message);
      return undefined;
    }
    const propre = r.origine.source === this.options.sourceDuSite;
    const { date_maj: dateMaj, ...donnees } = r.donnees as Record<string, unknown> & { date_maj: string };
    const valeurs: Record<string, unknown> = { ...donnees, [CHAMP_CORPS_ETAT]: r.corps };
    if (!propre) {
      valeurs.source = r.origine.source;
      valeurs.id = r.origine.id;
      valeurs.lien_source = r.origine.lien_source;
      if (e.genre === "service") valeurs.structure_id = r.origine.structure_id;
    }
    return {
      genre: e.genre,
      id: r.origine.id || id,
      brut: e,
      valeurs,
      dateMaj,
      doublons: [],
      slug: existant?.slug ?? "",
      existant,
      propre,
      reparations: r.reparations,
      avertissements: r.avertissements,
    };
  }
}

// ---------------------------------------------------------------------------------------------

const ordreIdsSurs = (a: EnregistrementBrut, b: EnregistrementBrut) => {
  const ia = texte(a.champs.id) ?? "";
  const ib = texte(b.champs.id) ?? "";
  return ia < ib ? -1 : ia > ib ? 1 : a.rang - b.rang;
};

const listeTextes = (v: unknown): string[] => (Array.isArray(v) ? v.map(texte).filter((x): x is string => x !== undefined) : []);

/** A readable file name: the record's name, its commune when the name lacks it; at most ~70 characters, cut between words. */
export function slugLisible(nom: string, commune?: string): string {
  const couper = (s: string, max: number) => (s.length <= max ? s : s.slice(0, max + 1).replace(/-[^-]*$/, "") || s.slice(0, max));
  const n = slugifier(nom);
  const c = commune ? slugifier(commune) : "";
  if (!c || n.includes(c)) return couper(n, 70) || "fiche";
  return n ? `${couper(n, Math.max(20, 69 - c.length))}-${couper(c, 40)}` : couper(c, 70);
}

/** Our own record's file name: its page's (in `lien_source`), else its id's. */
function slugPropre(e: EnregistrementBrut, source: string, genre: Genre): string {
  const local = (texte(e.champs.id) ?? "").slice(source.length + 2);
  if (genre === "service") {
    const page = /\/services\/([^/?#]+)\/?$/.exec(texte(e.champs.lien_source) ?? "")?.[1];
    if (page && MOTIF_SLUG.test(page)) return page;
  }
  return MOTIF_SLUG.test(local) ? local : slugifier(local) || "fiche";
}

function valeursFormulaire(c: Cible): Record<string, unknown> {
  const { [CHAMP_CORPS_ETAT]: corps, ...champs } = c.valeurs;
  return { ...champs, ...(c.doublons.length > 0 ? { doublons: c.doublons } : {}), date_maj: c.dateMaj, [CHAMP_CORPS]: corps };
}

function nouveauFichier(c: Cible): string {
  return versFichier(valeursFormulaire(c));
}

const EMPREINTE_ABSENT = empreinte("", undefined);

/** Fingerprints of the fields present (an absent field has none). */
function empreintesDe(genre: Genre, valeurs: Record<string, unknown>): Record<string, string> {
  const resultat: Record<string, string> = {};
  for (const champ of champsImportes(genre)) {
    const h = empreinte(champ, valeurs[champ]);
    if (h !== EMPREINTE_ABSENT) resultat[champ] = h;
  }
  return resultat;
}

const jourDe = (v: unknown): string | undefined => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v.trim()) ? v.trim() : v instanceof Date ? v.toISOString().slice(0, 10) : undefined);

/**
 * One existing file against its record: a field the file still has as last imported takes the new value;
 * a field edited here is kept (a conflict when the source changed it too); `date_maj` is the later one.
 */
function mettreAJour(
  c: Cible,
  fiche: Fiche,
  entree: EntreeEtat | undefined,
  nomsDesStructures: ReadonlyMap<string, string>,
): { texte: string; entree: EntreeEtat; conflit?: Conflit } {
  const local: Record<string, unknown> = { ...fiche.donnees, [CHAMP_CORPS_ETAT]: fiche.corps };
  // No state for this record (lost, or a file made before): take the file as the last import.
  const dernieres = entree?.empreintes ?? empreintesDe(c.genre, local);
  const absent = EMPREINTE_ABSENT;
  const changements: Record<string, unknown> = {};
  const empreintes: Record<string, string> = {};
  const enConflit: string[] = [];
  for (const champ of champsImportes(c.genre)) {
    const hl = empreinte(champ, local[champ]);
    const hu = empreinte(champ, c.valeurs[champ]);
    const h0 = dernieres[champ] ?? absent;
    let garde = hu;
    if (hl === hu) {
      garde = hu;
    } else if (hl === h0) {
      changements[champ === CHAMP_CORPS_ETAT ? CHAMP_CORPS : champ] = c.valeurs[champ];
    } else if (hu === h0) {
      garde = h0;
    } else {
      enConflit.push(champ === CHAMP_CORPS_ETAT ? "description" : champ);
      garde = h0;
    }
    if (garde !== absent) empreintes[champ] = garde;
  }
  const dateLocale = jourDe(fiche.donnees.date_maj);
  if (!dateLocale || c.dateMaj > dateLocale) changements.date_maj = c.dateMaj;
  if (c.genre === "structure") {
    const doublonsLocaux = listeTextes(fiche.donnees.doublons);
    if (c.doublons.join("\n") !== [...doublonsLocaux].sort().join("\n") && c.doublons.length > 0) changements.doublons = c.doublons;
  }
  const texteNouveau = Object.keys(changements).length > 0 ? versFichier({ ...changements, [CHAMP_TEXTE_ORIGINAL]: fiche.texte }) : fiche.texte;
  const sid = c.genre === "service" ? texte(c.brut.champs.structure_id) : c.id;
  const conflit: Conflit | undefined =
    enConflit.length > 0
      ? {
          genre: c.genre,
          id: c.id,
          fichier: fiche.slug,
          nom: texte(fiche.donnees.nom) ?? fiche.slug,
          ...(sid && nomsDesStructures.get(sid) ? { structure: nomsDesStructures.get(sid) } : {}),
          champs: enConflit,
        }
      : undefined;
  return { texte: texteNouveau, entree: { fichier: fiche.slug, empreintes }, conflit };
}

