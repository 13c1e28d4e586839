/**
 * A synthetic but valid catalogue of any size, for the search benchmarks (issue 3): N services and
 * M structures spread over the territory's communes, written as the Markdown files partners write.
 *
 * The words are the demonstration catalogue's own: service names, summaries, description sentences,
 * publics, conditions, mobilisation details and opening hours are taken from the parsed demo entries
 * and recombined across the services of the same category, with the communes they mention replaced
 * by the new service's commune (and its neighbours), so that search indexes built from it have an
 * honest size. The structured fields (type, publics, fees, modes, zone kinds…) follow a demo service
 * of the same category, so the mix of in-person / remote services and of zones is the demo's.
 *
 * Pure: no file system, no clock (the caller gives today's date), one small seeded PRNG; the same
 * entries, options and seed always give the same files.
 */
import { Scalar, stringify } from "yaml";
import type { EntreeService, EntreeStructure } from "./catalogue";
import { communes as toutesCommunes, communesDeLEpci, epcis, type Commune } from "./communes";
import { ajouterMois, joursEntre } from "./dates";
import type { ServiceFrontmatter, StructureFrontmatter } from "./schema";
import { LONGUEUR_MAX_RESUME } from "./schema";
import { besoins, categories, categorieParCode } from "./taxonomy";
import { slugifier } from "./text";
import { MOTIF_CODE_INSEE } from "./code-insee";
import { mulberry32, Ponderation, Tirage } from "./aleatoire";

export { graineDepuisTexte, mulberry32, type Aleatoire } from "./aleatoire";
import { siteConfig } from "../../site.config";

export interface OptionsCatalogueSynthetique {
  /** Number of services to write. */
  services: number;
  /** Number of structures; default max(20, services / 4). */
  structures?: number;
  /** PRNG seed (any 32-bit integer); default 1. */
  graine?: number;
  /** Today (YYYY-MM-DD, Paris): `date_maj` falls within the 5 months before it. */
  aujourdhui: string;
  /** Département code for département-wide zones; default the site configuration's territory. */
  codeDepartement?: string;
}

export interface FichierGenere {
  /** Relative to the catalogue folder: `structures/<slug>.md` or `services/<slug>.md`. */
  chemin: string;
  texte: string;
}

export const nombreDeStructuresParDefaut = (services: number) => Math.max(20, Math.floor(services / 4));

// ---------------------------------------------------------------------------------------------
// Texts with communes in them: "Permanence à Mirebeau" becomes a template with one commune slot.

type Morceau = string | { commune: string; preposition?: "de" | "à"; majuscule?: boolean };
type Gabarit = readonly Morceau[];

const echapper = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Reperage {
  motif: RegExp;
  parNom: Map<string, Commune>;
}

function reperage(communes: readonly Commune[]): Reperage {
  const parNom = new Map<string, Commune>();
  for (const c of communes) if (!parNom.has(c.nom)) parNom.set(c.nom, c);
  const noms = [...parNom.keys()].sort((a, b) => b.length - a.length).map(echapper);
  // A preposition before the name ("de ", "d'", "à ") is captured, so that it can agree with the new name.
  const motif = new RegExp(`(\\b[dD]e |\\b[dD]['’]|(?<![\\p{L}])[àÀ] )?(?<![\\p{L}\\p{N}\\-])(?<!Grand[ \\-])(${noms.join("|")})(?![\\p{L}\\p{N}\\-])`, "gu");
  return { motif, parNom };
}

function gabarit(texte: string, r: Reperage): Gabarit {
  const morceaux: Morceau[] = [];
  let dernier = 0;
  for (const m of texte.matchAll(r.motif)) {
    const commune = r.parNom.get(m[2]!);
    if (!commune) continue;
    morceaux.push(texte.slice(dernier, m.index));
    const prep = m[1];
    if (prep === undefined) morceaux.push({ commune: commune.code });
    else morceaux.push({ commune: commune.code, preposition: /^[dD]/.test(prep) ? "de" : "à", majuscule: /^[DÀ]/.test(prep) });
    dernier = m.index + m[0].length;
  }
  morceaux.push(texte.slice(dernier));
  return morceaux.filter((m) => m !== "");
}

const aUneCommune = (g: Gabarit) => g.some((m) => typeof m !== "string");

/** "de Mirebeau", "d'Availles-Limouzine", "du Vigeant", "aux Ormes", "à La Roche-Posay". */
export function avecPreposition(preposition: "de" | "à", nom: string): string {
  const article = /^(Le|Les) (.*)$/.exec(nom);
  if (article) {
    const [, le, reste] = article;
    if (preposition === "de") return `${le === "Le" ? "du" : "des"} ${reste}`;
    return `${le === "Le" ? "au" : "aux"} ${reste}`;
  }
  if (preposition === "de") return /^[AEIOUYÂÊÎÔÛÉÈÀ]/.test(nom) || /^L['’]/.test(nom) ? `d'${nom}` : `de ${nom}`;
  return `à ${nom}`;
}

/** Replaces the template's communes: the first one met by `principale`, the others by neighbours. */
class Remplacement {
  private readonly correspondances = new Map<string, Commune>();
  constructor(
    private readonly principale: Commune,
    private readonly t: Tirage,
  ) {}
  private commune(code: string): Commune {
    let c = this.correspondances.get(code);
    if (!c) {
      if (this.correspondances.size === 0) c = this.principale;
      else {
        const voisines = this.principale.epci ? communesDeLEpci(this.principale.epci) : [];
        c = voisines.length > 0 ? this.t.un(voisines) : this.principale;
      }
      this.correspondances.set(code, c);
    }
    return c;
  }
  rendre(g: Gabarit): string {
    let s = "";
    for (const m of g) {
      if (typeof m === "string") s += m;
      else {
        const nom = this.commune(m.commune).nom;
        const texte = m.preposition ? avecPreposition(m.preposition, nom) : nom;
        s += m.majuscule ? texte.charAt(0).toUpperCase() + texte.slice(1) : texte;
      }
    }
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary from the demo entries.

/** A description piece: one sentence, or an introduction with its bullet list (kept whole). */
interface Unite {
  gabarit: Gabarit;
  /** A sentence that opened a description: a good first sentence. */
  ouverture: boolean;
  /** A list block: written as its own paragraph. */
  bloc: boolean;
}

const FIN_DE_PHRASE = /(?<=[.!?…])\s+(?=[A-ZÀÂÉÈÊÎÔÛÇ«"(0-9])/u;

function decouperCorps(corps: string, r: Reperage): Unite[] {
  const paragraphes = corps
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const unites: Unite[] = [];
  let premiere = true;
  for (let i = 0; i < paragraphes.length; i++) {
    const p = paragraphes[i]!;
    const estListe = (x: string | undefined) => x !== undefined && /^\s*([-*+]|\d+[.)])\s/.test(x);
    if (estListe(p)) continue; // consumed with its introduction below (or dropped when it has none)
    const phrases = p.replace(/\s*\n\s*/g, " ").split(FIN_DE_PHRASE);
    const suivant = paragraphes[i + 1];
    let intro: string | undefined;
    if (estListe(suivant) && phrases[phrases.length - 1]!.trim().endsWith(":")) intro = phrases.pop();
    for (const phrase of phrases) {
      if (phrase.trim().length < 15) continue;
      unites.push({ gabarit: gabarit(phrase.trim(), r), ouverture: premiere, bloc: false });
      premiere = false;
    }
    if (intro !== undefined) {
      unites.push({ gabarit: gabarit(`${intro.trim()}\n\n${suivant!.trim()}`, r), ouverture: false, bloc: true });
      i++;
    }
  }
  return unites;
}

interface ModeleService {
  entree: EntreeService;
  donnees: ServiceFrontmatter;
  categories: string[];
  aUnLieu: boolean;
  nom: Gabarit;
  resume?: Gabarit;
  /** Its own description's first sentence. */
  ouverture?: Unite;
}

interface ModeleStructure {
  entree: EntreeStructure;
  donnees: StructureFrontmatter;
  nom: Gabarit;
  presentation: Gabarit;
}

interface Vocabulaire {
  modelesParCategorie: Map<string, ModeleService[]>;
  poidsCategories: Map<string, number>;
  unitesParCategorie: Map<string, Unite[]>;
  resumes: Map<string, Gabarit[]>;
  publicsPrecisions: Map<string, Gabarit[]>;
  conditions: Map<string, Gabarit[]>;
  fraisPrecisions: Map<string, Gabarit[]>;
  mobilisationPrecisions: Map<string, Gabarit[]>;
  contacts: string[];
  horairesServices: string[];
  horairesStructures: string[];
  adresses: Gabarit[];
  complements: string[];
  structures: ModeleStructure[];
}

function ajouterA<T>(index: Map<string, T[]>, cle: string, valeur: T): void {
  const liste = index.get(cle);
  if (liste) liste.push(valeur);
  else index.set(cle, [valeur]);
}

const categorieDe = (besoin: string) => besoin.split("--")[0]!;

function vocabulaire(structures: readonly EntreeStructure[], services: readonly EntreeService[], r: Reperage): Vocabulaire {
  const v: Vocabulaire = {
    modelesParCategorie: new Map(),
    poidsCategories: new Map(),
    unitesParCategorie: new Map(),
    resumes: new Map(),
    publicsPrecisions: new Map(),
    conditions: new Map(),
    fraisPrecisions: new Map(),
    mobilisationPrecisions: new Map(),
    contacts: [],
    horairesServices: [],
    horairesStructures: [],
    adresses: [],
    complements: [],
    structures: [],
  };
  for (const e of structures) {
    const d = e.donnees;
    v.structures.push({ entree: e, donnees: d, nom: gabarit(d.nom, r), presentation: gabarit(e.corps.trim(), r) });
    if (d.horaires_accueil) v.horairesStructures.push(d.horaires_accueil);
    if (d.adresse) v.adresses.push(gabarit(d.adresse, r));
    if (d.complement_adresse) v.complements.push(d.complement_adresse);
  }
  for (const e of services) {
    const d = e.donnees;
    const cats = [...new Set(d.thematiques.map(categorieDe))];
    const unites = decouperCorps(e.corps, r);
    const modele: ModeleService = {
      entree: e,
      donnees: d,
      categories: cats,
      aUnLieu: d.commune !== undefined || d.latitude !== undefined,
      nom: gabarit(d.nom, r),
      ...(d.resume ? { resume: gabarit(d.resume, r) } : {}),
      ...(unites[0]?.ouverture && !unites[0].bloc ? { ouverture: unites[0] } : {}),
    };
    for (const c of cats) {
      ajouterA(v.modelesParCategorie, c, modele);
      v.poidsCategories.set(c, (v.poidsCategories.get(c) ?? 0) + 1);
      for (const u of unites) ajouterA(v.unitesParCategorie, c, u);
      if (d.resume) ajouterA(v.resumes, c, gabarit(d.resume, r));
      if (d.publics_precisions) ajouterA(v.publicsPrecisions, c, gabarit(d.publics_precisions, r));
      if (d.conditions_acces) ajouterA(v.conditions, c, gabarit(d.conditions_acces, r));
      if (d.frais_precisions) ajouterA(v.fraisPrecisions, `${c}|${d.frais ?? ""}`, gabarit(d.frais_precisions, r));
      if (d.mobilisation_precisions) ajouterA(v.mobilisationPrecisions, c, gabarit(d.mobilisation_precisions, r));
    }
    if (d.horaires_accueil) v.horairesServices.push(d.horaires_accueil);
    if (d.contact_nom_prenom) v.contacts.push(d.contact_nom_prenom);
    if (d.adresse) v.adresses.push(gabarit(d.adresse, r));
    if (d.complement_adresse) v.complements.push(d.complement_adresse);
  }
  if (v.structures.length === 0 || v.modelesParCategorie.size === 0) {
    throw new Error("catalogue synthétique : le catalogue de démonstration doit contenir au moins une structure et un service valides");
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Writing the files.

// YAML front matter, laid out as partners write it (`champ: valeur`, lists as `  - valeur`).
// Each value is serialised by the `yaml` package, except the plain texts that obviously need no
// quotes (the bulk of them): the package costs ~0.2 ms a file, too slow for 10,000 services.

/** Begins with a letter, no character that YAML could read otherwise, not a keyword. */
const TEXTE_SANS_GUILLEMETS = /^\p{L}[^\n\r\t#:"`[\]{}\\]*(?<!\s)$/u;
const MOTS_RESERVES = /^(true|false|null|yes|no|on|off|y|n|~)$/i;
const scalaires = new Map<string, string>();

/** One value as YAML text: strings starting with a digit (codes, phone numbers, days) double-quoted. */
export function scalaireYaml(valeur: string | number | boolean): string {
  if (typeof valeur !== "string") return stringify(valeur).trimEnd();
  if (TEXTE_SANS_GUILLEMETS.test(valeur) && !MOTS_RESERVES.test(valeur)) return valeur;
  let texte = scalaires.get(valeur);
  if (texte === undefined) {
    let noeud: string | Scalar = valeur;
    if (/^\d/.test(valeur)) {
      noeud = new Scalar(valeur);
      noeud.type = Scalar.QUOTE_DOUBLE;
    }
    texte = stringify(noeud, { lineWidth: 0 }).trimEnd();
    if (texte.includes("\n")) texte = JSON.stringify(valeur);
    if (scalaires.size < 50_000) scalaires.set(valeur, texte);
  }
  return texte;
}

/** The front matter's lines (fields left undefined are omitted). */
export function enYaml(champs: Record<string, unknown>): string {
  let yaml = "";
  for (const [cle, valeur] of Object.entries(champs)) {
    if (valeur === undefined) continue;
    if (Array.isArray(valeur)) {
      yaml += `${cle}:\n`;
      for (const element of valeur) yaml += `  - ${scalaireYaml(element as string)}\n`;
    } else yaml += `${cle}: ${scalaireYaml(valeur as string | number | boolean)}\n`;
  }
  return yaml;
}

const fichier = (dossier: string, slug: string, champs: Record<string, unknown>, corps: string): FichierGenere => ({
  chemin: `${dossier}/${slug}.md`,
  texte: `---\n${enYaml(champs)}---\n${corps.trim()}\n`,
});

/** Unique slugs: `base`, else `base-2`, `base-3`… (cut at a word boundary when too long). */
class Slugs {
  private readonly pris = new Set<string>();
  private readonly suivants = new Map<string, number>();
  constructor(private readonly max = 80) {}
  unique(base: string): string {
    let racine = base;
    if (racine.length > this.max) {
      const coupe = racine.slice(0, this.max);
      racine = coupe.slice(0, Math.max(coupe.lastIndexOf("-"), this.max / 2));
    }
    racine = racine.replace(/-+$/, "") || "fiche";
    if (!this.pris.has(racine)) {
      this.pris.add(racine);
      return racine;
    }
    for (let k = this.suivants.get(racine) ?? 2; ; k++) {
      const candidat = `${racine}-${k}`;
      if (!this.pris.has(candidat)) {
        this.pris.add(candidat);
        this.suivants.set(racine, k + 1);
        return candidat;
      }
    }
  }
}

const hote = (slug: string) => slug.slice(0, 40).replace(/-+$/, "");
const arrondi = (x: number) => Math.round(x * 1e5) / 1e5;
const telephone = (t: Tirage) => `05 36 49 ${String(t.entier(100)).padStart(2, "0")} ${String(t.entier(100)).padStart(2, "0")}`;

interface StructureGeneree {
  slug: string;
  modele: ModeleStructure;
  commune: Commune;
}

interface Lieu {
  commune: Commune;
  champs: Record<string, unknown>;
}

function lieu(commune: Commune, v: Vocabulaire, t: Tirage): Lieu {
  const remplacement = new Remplacement(commune, t);
  const adresse = v.adresses.length > 0 ? remplacement.rendre(t.un(v.adresses)) : `${t.entre(1, 40)} place de la Mairie`;
  return {
    commune,
    champs: {
      adresse: adresse.length <= 250 ? adresse : `${t.entre(1, 40)} place de la Mairie`,
      complement_adresse: v.complements.length > 0 && t.proba(0.05) ? t.un(v.complements) : undefined,
      code_postal: t.un(commune.codesPostaux),
      commune: commune.nom,
      code_insee: commune.code,
      // Within ~600 m of the commune's centre.
      latitude: arrondi(commune.centre.lat + (t.suivant() - 0.5) * 0.01),
      longitude: arrondi(commune.centre.lon + (t.suivant() - 0.5) * 0.014),
    },
  };
}

/** Reads a text and its gabarit through one commune replacement, within a length limit. */
function rendreBorne(g: Gabarit | undefined, remplacement: Remplacement, max: number): string | undefined {
  if (!g) return undefined;
  const s = remplacement.rendre(g).trim();
  return s.length > 0 && s.length <= max ? s : undefined;
}

/**
 * Paragraphs of sentences drawn from the demo descriptions of the service's categories (mostly the
 * main one); half the time it opens as its pattern's description does.
 */
function description(modele: ModeleService, categoriesDuService: readonly string[], v: Vocabulaire, remplacement: Remplacement, t: Tirage): string {
  const pools = categoriesDuService.map((c) => v.unitesParCategorie.get(c) ?? []).filter((p) => p.length > 0);
  if (pools.length === 0) return "Service d'accompagnement proposé aux habitants du territoire.";
  const principal = pools[0]!;
  const dejaPris = new Set<Unite>();
  const tirer = (filtre: (u: Unite) => boolean): Unite | undefined => {
    for (let essai = 0; essai < 12; essai++) {
      const pool = pools.length > 1 && t.proba(0.2) ? t.un(pools.slice(1)) : principal;
      const u = t.un(pool);
      if (!dejaPris.has(u) && filtre(u)) {
        dejaPris.add(u);
        return u;
      }
    }
    return undefined;
  };
  const nombreParagraphes = t.proba(0.15) ? 1 : t.proba(0.7) ? 2 : 3;
  const paragraphes: string[] = [];
  const ouverture = modele.ouverture && t.proba(0.5) ? modele.ouverture : undefined;
  if (ouverture) dejaPris.add(ouverture);
  for (let p = 0; p < nombreParagraphes; p++) {
    const phrases: string[] = [];
    const nombrePhrases = p === 0 ? t.entre(2, 3) : t.entre(1, 3);
    for (let i = 0; i < nombrePhrases; i++) {
      const u = p === 0 && i === 0 && ouverture ? ouverture : tirer((x) => !x.bloc && (p > 0 || i > 0 || x.ouverture)) ?? tirer((x) => !x.bloc);
      if (u) phrases.push(remplacement.rendre(u.gabarit));
    }
    if (phrases.length > 0) paragraphes.push(phrases.join(" "));
    if (p === 0 && t.proba(0.12)) {
      const bloc = tirer((x) => x.bloc);
      if (bloc) paragraphes.push(remplacement.rendre(bloc.gabarit));
    }
  }
  const texte = paragraphes.join("\n\n").trim();
  return texte.length >= 5 ? texte.slice(0, 9_000) : "Service d'accompagnement proposé aux habitants du territoire.";
}

/** The demo zone's kinds, applied around the new service's commune. */
function zone(modele: ServiceFrontmatter, commune: Commune, codeDepartement: string, t: Tirage): string[] | undefined {
  const source = modele.zone_eligibilite;
  if (!source || source.length === 0) return undefined;
  const codes: string[] = [];
  const ajouter = (code: string | null | undefined) => {
    if (code && !codes.includes(code)) codes.push(code);
  };
  for (const code of source) {
    if (code === "france") ajouter("france");
    else if (/^\d{9}$/.test(code)) {
      if (codes.some((c) => /^\d{9}$/.test(c)) || !commune.epci) ajouter(t.un(epcis).siren);
      else ajouter(commune.epci);
    } else if (MOTIF_CODE_INSEE.test(code)) {
      if (!codes.some((c) => c.length === 5)) ajouter(commune.code);
      else ajouter(t.un(commune.epci ? communesDeLEpci(commune.epci) : [commune]).code);
    } else ajouter(codeDepartement);
  }
  return codes;
}

/** Replaces one need of a category by another of the same category, now and then, for variety. */
function thematiques(modele: ServiceFrontmatter, categorie: string, t: Tirage): string[] {
  const liste = [...modele.thematiques];
  if (t.proba(0.35)) {
    const candidats = (categorieParCode(categorie)?.besoins ?? []).filter((b) => !liste.includes(b.value));
    const index = liste.findIndex((b) => categorieDe(b) === categorie);
    if (candidats.length > 0 && index >= 0) liste[index] = t.un(candidats).value;
  }
  return liste;
}

export interface CatalogueSynthetique {
  fichiers: FichierGenere[];
  /** How many structures and services, and over how many communes. */
  resume: { structures: number; services: number; communes: number; categories: number };
}

/**
 * The catalogue's files from the demo entries (valid ones, e.g. from `validerDossier("content")`).
 * Structures first, then services, each in generation order.
 */
export function genererCatalogueSynthetique(
  demoStructures: readonly EntreeStructure[],
  demoServices: readonly EntreeService[],
  options: OptionsCatalogueSynthetique,
): CatalogueSynthetique {
  const nombreServices = Math.max(0, Math.floor(options.services));
  const nombreStructures = Math.max(1, Math.floor(options.structures ?? nombreDeStructuresParDefaut(nombreServices)));
  const codeDepartement = options.codeDepartement ?? siteConfig.territoire.codeDepartement;
  const t = new Tirage(mulberry32(options.graine ?? 1));
  const r = reperage(toutesCommunes);
  const v = vocabulaire(
    [...demoStructures].sort((a, b) => (a.slug < b.slug ? -1 : 1)),
    [...demoServices].sort((a, b) => (a.slug < b.slug ? -1 : 1)),
    r,
  );

  // Days within the last 5 months.
  const debut = ajouterMois(options.aujourdhui, -5);
  const etendue = Math.max(0, joursEntre(debut, options.aujourdhui) - 1);
  const jourAuHasard = () => {
    const d = new Date(`${options.aujourdhui}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - t.entier(etendue + 1));
    return d.toISOString().slice(0, 10);
  };

  // Places: more in the larger communes, some in every kind of commune.
  const parPopulation = new Ponderation(toutesCommunes, (c) => Math.sqrt(Math.max(c.population, 50)));
  const fichiers: FichierGenere[] = [];
  const communesUtilisees = new Set<string>();

  // Structures: every demo structure used as a pattern in turn, each in a commune.
  const slugsStructures = new Slugs();
  const structures: StructureGeneree[] = [];
  const structuresParModele = new Map<string, StructureGeneree[]>();
  const nomsPris = new Set<string>();
  let ordreModeles: ModeleStructure[] = [];
  for (let i = 0; i < nombreStructures; i++) {
    if (ordreModeles.length === 0) ordreModeles = t.melanger(v.structures);
    const modele = ordreModeles.pop()!;
    let commune = parPopulation.tirer(t);
    let nom = "";
    for (let essai = 0; essai < 6; essai++) {
      nom = new Remplacement(commune, t).rendre(modele.nom);
      if (!aUneCommune(modele.nom)) nom = `${modele.donnees.nom} – ${commune.nom}`;
      if (!nomsPris.has(nom) && nom.length <= 150) break;
      commune = parPopulation.tirer(t);
    }
    if (nom.length > 150) nom = `${modele.donnees.nom.slice(0, 120)} – ${commune.nom}`.slice(0, 150);
    nomsPris.add(nom);
    const slug = slugsStructures.unique(slugifier(nom));
    const remplacement = new Remplacement(commune, t);
    const place = lieu(commune, v, t);
    communesUtilisees.add(commune.code);
    const d = modele.donnees;
    const champs: Record<string, unknown> = {
      nom,
      ...place.champs,
      telephone: d.telephone !== undefined || t.proba(0.8) ? telephone(t) : undefined,
      courriel: d.courriel !== undefined ? `contact.${hote(slug)}@example.org` : undefined,
      site_web: d.site_web !== undefined ? `https://${hote(slug)}.example.org` : undefined,
      horaires_accueil: d.horaires_accueil !== undefined && v.horairesStructures.length > 0 ? t.un(v.horairesStructures) : undefined,
      accessibilite_lieu: d.accessibilite_lieu !== undefined ? `https://acceslibre.example.org/${hote(slug)}` : undefined,
      reseaux_porteurs: d.reseaux_porteurs && d.reseaux_porteurs.length > 0 ? [...d.reseaux_porteurs] : undefined,
      date_maj: jourAuHasard(),
    };
    fichiers.push(fichier("structures", slug, champs, remplacement.rendre(modele.presentation)));
    const generee: StructureGeneree = { slug, modele, commune };
    structures.push(generee);
    ajouterA(structuresParModele, modele.entree.slug, generee);
  }

  // Services: a category (each one at least once, then as often as in the demo), a demo service
  // of that category as the pattern, a structure of the same kind, a place, and recombined words.
  const codesCategories = categories.map((c) => c.value).filter((c) => v.modelesParCategorie.has(c));
  const parFrequence = new Ponderation(codesCategories, (c) => v.poidsCategories.get(c) ?? 0);
  const premieres = t.melanger(codesCategories);
  const slugsServices = new Slugs();
  const categoriesUtilisees = new Set<string>();
  const besoinsConnus = new Set(besoins.map((b) => b.value));

  for (let i = 0; i < nombreServices; i++) {
    const categorie = i < premieres.length ? premieres[i]! : parFrequence.tirer(t);
    const modele = t.un(v.modelesParCategorie.get(categorie)!);
    const d = modele.donnees;
    const structure = t.un(structuresParModele.get(d.structure) ?? structures);
    const enPresentiel = d.modes_accueil.includes("en-presentiel");
    const propre = enPresentiel && modele.aUnLieu ? lieu(t.proba(0.6) && structure.commune.epci ? t.un(communesDeLEpci(structure.commune.epci)) : parPopulation.tirer(t), v, t) : undefined;
    const commune = propre?.commune ?? structure.commune;
    communesUtilisees.add(commune.code);
    const remplacement = new Remplacement(commune, t);

    let nom = remplacement.rendre(modele.nom);
    if (!aUneCommune(modele.nom) && enPresentiel && t.proba(0.5)) nom = `${nom} ${avecPreposition("à", commune.nom)}`;
    if (nom.length > 150) nom = d.nom;
    const slug = slugsServices.unique(slugifier(nom));

    const themes = thematiques(d, categorie, t).filter((b) => besoinsConnus.has(b));
    for (const b of themes) categoriesUtilisees.add(categorieDe(b));
    const cats = [categorie, ...new Set(themes.map(categorieDe).filter((c) => c !== categorie))];
    const texteDe = (index: Map<string, Gabarit[]>, cle: string, present: boolean, max = 2000) =>
      present ? rendreBorne(index.get(cle) ? t.un(index.get(cle)!) : undefined, remplacement, max) : undefined;

    const utiliseLien = d.modes_mobilisation?.includes("utiliser-lien-mobilisation") ?? false;
    const champs: Record<string, unknown> = {
      nom,
      structure: structure.slug,
      resume: modele.resume && t.proba(0.5) ? rendreBorne(modele.resume, remplacement, LONGUEUR_MAX_RESUME) : texteDe(v.resumes, categorie, d.resume !== undefined, LONGUEUR_MAX_RESUME),
      thematiques: themes,
      type: d.type,
      publics: d.publics ? [...d.publics] : undefined,
      publics_precisions: texteDe(v.publicsPrecisions, categorie, d.publics_precisions !== undefined),
      conditions_acces: texteDe(v.conditions, categorie, d.conditions_acces !== undefined),
      frais: d.frais,
      frais_precisions: texteDe(v.fraisPrecisions, `${categorie}|${d.frais ?? ""}`, d.frais_precisions !== undefined),
      modes_accueil: [...d.modes_accueil],
      zone_eligibilite: zone(d, commune, codeDepartement, t),
      modes_mobilisation: d.modes_mobilisation ? [...d.modes_mobilisation] : undefined,
      mobilisable_par: d.mobilisable_par ? [...d.mobilisable_par] : undefined,
      lien_mobilisation: utiliseLien || d.lien_mobilisation !== undefined ? `https://${hote(structure.slug)}.example.org/${t.un(["rendez-vous", "inscription", "contact", "demande"])}` : undefined,
      mobilisation_precisions: texteDe(v.mobilisationPrecisions, categorie, d.mobilisation_precisions !== undefined),
      horaires_accueil: d.horaires_accueil !== undefined && v.horairesServices.length > 0 ? t.un(v.horairesServices) : undefined,
      telephone: d.telephone !== undefined ? telephone(t) : undefined,
      courriel: d.courriel !== undefined ? `${t.un(["contact", "accueil", "rdv", "inscriptions"])}.${hote(slug)}@example.org` : undefined,
      contact_nom_prenom: d.contact_nom_prenom !== undefined && v.contacts.length > 0 ? t.un(v.contacts) : undefined,
      ...(propre?.champs ?? {}),
      volume_horaire_hebdomadaire: d.volume_horaire_hebdomadaire,
      nombre_semaines: d.nombre_semaines,
      date_maj: jourAuHasard(),
    };
    fichiers.push(fichier("services", slug, champs, description(modele, cats, v, remplacement, t)));
  }

  return {
    fichiers,
    resume: { structures: structures.length, services: nombreServices, communes: communesUtilisees.size, categories: categoriesUtilisees.size },
  };
}
