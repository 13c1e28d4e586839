/**
 * `npm run import -- <source>… [--catalogue <dossier>] [--tout] [--dry-run] [--supprimer-absents] [--score-min <0..1>] [--api]`:
 * reads the inputs (lecture.ts, api.ts), works out the changes (import.ts), prints the refused records and one
 * summary line, then writes the files, the state and the report — or nothing at all when an input is unusable.
 * The file-system side of the import; scripts/import.ts only passes it the command line.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { jourDuSite } from "../dates";
import { recupererApi } from "./api";
import { texteEtat, lireEtat } from "./etat";
import { Importation, type OptionsImport } from "./import";
import { ErreurEntree, lireEntree } from "./lecture";
import { jsonRapport, ligneProbleme, ligneResume, texteRapport } from "./rapport";
import type { Position } from "../geo";

/** Beside the catalogue's structures/ and services/: what the last import wrote (committed with it). */
export const DOSSIER_IMPORT = "import-data-inclusion";
export const FICHIERS_IMPORT = { etat: "etat.json", rapport: "rapport.md", rapportJson: "rapport.json" } as const;

export const USAGE =
  "Usage : npm run import -- <fichier ou dossier data·inclusion>… [--api] [--catalogue <dossier>] [--tout] [--dry-run] [--supprimer-absents] [--score-min <0 à 1>]";

export interface Arguments {
  sources: string[];
  api: boolean;
  catalogue: string;
  tout: boolean;
  simulation: boolean;
  supprimerAbsents: boolean;
  scoreMin?: number;
}

/** The command line, or an error message naming the bad argument. */
export function lireArguments(argv: readonly string[]): Arguments | string {
  const a: Arguments = { sources: [], api: false, catalogue: "content", tout: false, simulation: false, supprimerAbsents: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") continue;
    if (arg === "--api") a.api = true;
    else if (arg === "--tout") a.tout = true;
    else if (arg === "--dry-run") a.simulation = true;
    else if (arg === "--supprimer-absents") a.supprimerAbsents = true;
    else if (arg === "--catalogue") {
      const v = argv[++i];
      if (!v || v.startsWith("--")) return "--catalogue attend un dossier (ex. : --catalogue /tmp/catalogue)";
      a.catalogue = v;
    } else if (arg === "--score-min") {
      const v = argv[++i];
      const n = v === undefined ? Number.NaN : Number(v.replace(",", "."));
      if (!(n >= 0 && n <= 1)) return `--score-min attend un nombre de 0 à 1 (ex. : --score-min 0.5), reçu : ${v === undefined ? "rien" : `« ${v} »`}`;
      a.scoreMin = n;
    } else if (arg.startsWith("--")) return `option inconnue « ${arg} »`;
    else a.sources.push(arg);
  }
  if (a.sources.length === 0 && !a.api) return "indiquez au moins un fichier ou dossier data·inclusion, ou --api";
  return a;
}

let centres: Record<string, readonly number[]> | undefined;
/** Centres of every French commune (2018 codes), from the copy in data/geo/ (IGN, INSEE; Licence Ouverte). */
function centreDeCommune(code: string): Position | undefined {
  centres ??= (JSON.parse(readFileSync(new URL("../../../data/geo/communes-centres-france-2018.json", import.meta.url), "utf8")) as { centres: Record<string, number[]> }).centres;
  const c = centres[code];
  return c ? { lon: c[0]!, lat: c[1]! } : undefined;
}

/** `<dossier>/structures/*.md` and `services/*.md` as `structures/<slug>.md` → text. */
function lireCatalogue(dossier: string): Map<string, string> {
  const fichiers = new Map<string, string>();
  for (const sous of ["structures", "services"]) {
    const d = join(dossier, sous);
    if (!existsSync(d)) continue;
    for (const nom of readdirSync(d).sort()) if (nom.endsWith(".md")) fichiers.set(`${sous}/${nom}`, readFileSync(join(d, nom), "utf8"));
  }
  return fichiers;
}

const affiche = (chemin: string) => {
  const r = relative(process.cwd(), chemin);
  return (r && !r.startsWith("..") ? r : chemin).split(sep).join("/");
};

export interface Sortie {
  ecrire(ligne: string): void;
  erreur(ligne: string): void;
}

/** Runs the import; returns the exit status (0: the inputs were readable, 1: otherwise, 2: bad arguments). */
export async function executerImport(argv: readonly string[], sortie: Sortie, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const a = lireArguments(argv);
  if (typeof a === "string") {
    sortie.erreur(`npm run import : ${a}`);
    sortie.erreur(USAGE);
    return 2;
  }
  let aujourdhui: string;
  try {
    aujourdhui = jourDuSite(env);
  } catch (erreur) {
    sortie.erreur(`npm run import : ${(erreur as Error).message}`);
    return 2;
  }
  const dossier = resolve(a.catalogue);
  const dossierImport = join(dossier, DOSSIER_IMPORT);
  const cheminEtat = join(dossierImport, FICHIERS_IMPORT.etat);
  const { siteConfig } = await import("../../../site.config.ts");
  let importation: Importation;
  try {
    const etat = lireEtat(existsSync(cheminEtat) ? readFileSync(cheminEtat, "utf8") : undefined, affiche(cheminEtat));
    const options: OptionsImport = {
      aujourdhui,
      sourceDuSite: siteConfig.source,
      tout: a.tout,
      ...(a.scoreMin !== undefined ? { scoreMin: a.scoreMin } : {}),
      supprimerAbsents: a.supprimerAbsents,
      centre: centreDeCommune,
      dossierAffiche: affiche(dossier),
    };
    importation = new Importation(lireCatalogue(dossier), etat, options);
    for (const source of a.sources) {
      for (const lot of await lireEntree(source, (e) => importation.recevoir(e))) importation.ajouterLot(lot);
    }
    if (a.api) {
      const base = env.DATA_INCLUSION_API_URL || siteConfig.dataInclusion.urlApi;
      for (const genre of ["structure", "service"] as const) {
        importation.ajouterLot(await recupererApi({ base, token: env.DATA_INCLUSION_TOKEN, genre }, (e) => importation.recevoir(e)));
      }
    }
  } catch (e) {
    if (e instanceof ErreurEntree || e instanceof Error) {
      sortie.erreur(`Import arrêté, rien n'est écrit : ${e.message}`);
      return 1;
    }
    throw e;
  }

  const resultat = importation.terminer();
  const { rapport } = resultat;
  const MONTRES = 20;
  for (const l of rapport.refus.slice(0, MONTRES)) sortie.ecrire(`refusé : ${ligneProbleme(l)}`);
  const cheminRapport = join(dossierImport, FICHIERS_IMPORT.rapport);
  if (rapport.refus.length > MONTRES) sortie.ecrire(`… et ${rapport.refus.length - MONTRES} autres problèmes : voir ${affiche(cheminRapport)}`);
  for (const c of rapport.conflits) sortie.ecrire(`conflit : ${c.genre === "structure" ? "structures" : "services"}/${c.fichier}.md (${c.id}) : ${c.champs.join(", ")} modifiés ici et chez la source ; la valeur d'ici est gardée`);

  if (!a.simulation) {
    for (const [chemin, texte] of resultat.ecritures) {
      const cible = join(dossier, chemin);
      mkdirSync(dirname(cible), { recursive: true });
      writeFileSync(cible, texte);
    }
    for (const chemin of resultat.suppressions) rmSync(join(dossier, chemin), { force: true });
    for (const sous of ["structures", "services"]) mkdirSync(join(dossier, sous), { recursive: true });
    mkdirSync(dossierImport, { recursive: true });
    const ecrireSiChange = (chemin: string, texte: string) => {
      if (!existsSync(chemin) || readFileSync(chemin, "utf8") !== texte) writeFileSync(chemin, texte);
    };
    ecrireSiChange(cheminEtat, texteEtat(resultat.etat));
    ecrireSiChange(cheminRapport, texteRapport(rapport));
    ecrireSiChange(join(dossierImport, FICHIERS_IMPORT.rapportJson), jsonRapport(rapport));
  }
  sortie.ecrire(`${ligneResume(rapport, a.simulation)}${a.simulation ? "" : ` Rapport : ${affiche(cheminRapport)}`}`);
  return 0;
}
