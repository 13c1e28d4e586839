/**
 * The validator's only file-system part: reads `<dossier>/structures/` and `<dossier>/services/`
 * (subfolders included, so that a misplaced file is reported rather than silently skipped), and the
 * rights file `<dossier>/comptes.yml` when there is one (src/domain/droits/comptes.ts).
 * Paths are shown relative to the working directory when inside it (`content/services/x.md`).
 * Synchronous: the Astro integration calls it from a synchronous hook.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { FICHIER_COMPTES, lireComptes } from "../droits/comptes";
import { validerFichiers, type FichierCatalogue, type OptionsValidation, type ResultatValidation } from "./catalogue";
import type { Probleme } from "./messages";

export interface LectureCatalogue {
  fichiers: FichierCatalogue[];
  /** Missing or unreadable folders and files. */
  problemes: Probleme[];
}

const SOUS_DOSSIERS = ["structures", "services"] as const;

/** `content/services/x.md` when under the working directory, else the absolute path; always with `/`. */
function cheminAffiche(absolu: string): string {
  const relatif = relative(process.cwd(), absolu);
  const choisi = relatif !== "" && !relatif.startsWith("..") && !isAbsolute(relatif) ? relatif : absolu;
  return choisi.split(sep).join("/");
}

function messageErreur(erreur: unknown): string {
  const code = (erreur as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EACCES" || code === "EPERM") return "droits insuffisants pour le lire";
  return erreur instanceof Error ? erreur.message : String(erreur);
}

export function lireDossierCatalogue(dossier: string): LectureCatalogue {
  const racine = resolve(dossier);
  const fichiers: FichierCatalogue[] = [];
  const problemes: Probleme[] = [];

  if (!existsSync(racine) || !statSync(racine).isDirectory()) {
    problemes.push({
      fichier: cheminAffiche(racine),
      gravite: "erreur",
      message: `dossier du catalogue introuvable : il doit contenir les dossiers structures/ et services/ (lancé depuis ${process.cwd()})`,
    });
    return { fichiers, problemes };
  }

  function parcourir(dossierAbsolu: string): void {
    let entrees;
    try {
      entrees = readdirSync(dossierAbsolu, { withFileTypes: true });
    } catch (erreur) {
      problemes.push({ fichier: cheminAffiche(dossierAbsolu), gravite: "erreur", message: `dossier illisible : ${messageErreur(erreur)}` });
      return;
    }
    entrees.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entree of entrees) {
      const absolu = join(dossierAbsolu, entree.name);
      if (entree.isDirectory()) {
        parcourir(absolu);
        continue;
      }
      try {
        // Invalid UTF-8 becomes U+FFFD, which the validator reports with its line.
        fichiers.push({ chemin: cheminAffiche(absolu), texte: readFileSync(absolu, "utf8") });
      } catch (erreur) {
        problemes.push({ fichier: cheminAffiche(absolu), gravite: "erreur", message: `fichier illisible : ${messageErreur(erreur)}` });
      }
    }
  }

  for (const nom of SOUS_DOSSIERS) {
    const sousDossier = join(racine, nom);
    if (!existsSync(sousDossier) || !statSync(sousDossier).isDirectory()) {
      problemes.push({
        fichier: cheminAffiche(sousDossier),
        gravite: "erreur",
        message: `dossier ${nom}/ introuvable : les fiches ${nom === "structures" ? "des structures" : "des services"} se placent dans ${cheminAffiche(sousDossier)}/<identifiant>.md`,
      });
      continue;
    }
    parcourir(sousDossier);
  }
  return { fichiers, problemes };
}

/**
 * The rights file's problems: its structures must be files of `structures/` (any of them, so that a
 * listing's own error is not reported twice). No file, no problem: a catalogue may do without rights.
 */
function problemesDesComptes(racine: string, lecture: LectureCatalogue, resultat: ResultatValidation): Probleme[] {
  const chemin = join(racine, FICHIER_COMPTES);
  if (!existsSync(chemin)) return [];
  const fichier = cheminAffiche(chemin);
  let texte: string;
  try {
    texte = readFileSync(chemin, "utf8");
  } catch (erreur) {
    return [{ fichier, gravite: "erreur", message: `fichier illisible : ${messageErreur(erreur)}` }];
  }
  const dossierStructures = `${cheminAffiche(join(racine, "structures"))}/`;
  const structures = lecture.fichiers
    .filter((f) => f.chemin.startsWith(dossierStructures) && f.chemin.endsWith(".md") && !f.chemin.slice(dossierStructures.length).includes("/"))
    .map((f) => f.chemin.slice(dossierStructures.length, -".md".length));
  const nomsDesStructures = new Map(resultat.structures.map((s) => [s.slug, s.donnees.nom]));
  return lireComptes(texte, { structures, nomsDesStructures, dossierStructures }).problemes.map((p) => ({ fichier, ...p }));
}

/** Reads and validates a catalogue folder (`content` by default in the script), rights file included. */
export function validerDossier(dossier: string, options: OptionsValidation = {}): ResultatValidation {
  const lecture = lireDossierCatalogue(dossier);
  const resultat = validerFichiers(lecture.fichiers, options);
  const problemes = [...lecture.problemes, ...resultat.problemes, ...problemesDesComptes(resolve(dossier), lecture, resultat)].sort((a, b) =>
    a.fichier !== b.fichier ? (a.fichier < b.fichier ? -1 : 1) : (a.ligne ?? 0) - (b.ligne ?? 0),
  );
  return { ...resultat, problemes };
}
