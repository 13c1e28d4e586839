/**
 * Reads a data·inclusion input (a JSON file, a CSV file in the dump's layout, or a folder of such files)
 * into a stream of raw records, and says per file what it was (Lot).
 *
 * Records reach `visiter` while the file is read: on an ErreurEntree, some records of the input have already
 * been visited. Gather them, and write nothing until `lireEntree` has resolved.
 */
import type { Stats } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { citer } from "../validation/messages";
import { MOTIF_NOM_DUMP, type Genre } from "./format-dump";
import { ErreurEntree, estObjet, genreIndique, type EnregistrementBrut, type Lot } from "./enregistrement";
import { enteteCsv, lireCsv } from "./lecture-csv";
import { parcourirJson } from "./lecture-json";
import { Recueil } from "./recueil";

export { ErreurEntree, type EnregistrementBrut, type FormatLot, type Genre, type Lot } from "./enregistrement";

export async function lireEntree(chemin: string, visiter: (e: EnregistrementBrut) => void): Promise<Lot[]> {
  let infos: Stats;
  try {
    infos = await stat(chemin);
  } catch (erreur) {
    throw new ErreurEntree(`${chemin}: ${messageSysteme(erreur, "fichier ou dossier introuvable")}`);
  }
  const structuresVues = new Set<string>();
  if (infos.isDirectory()) return lireDossier(chemin, structuresVues, visiter);
  return lireFichier(chemin, infos, structuresVues, visiter);
}

// ---------------------------------------------------------------------------------------------
// One file.

async function lireFichier(
  chemin: string,
  infos: Stats,
  structuresVues: Set<string>,
  visiter: (e: EnregistrementBrut) => void,
): Promise<Lot[]> {
  if (infos.size === 0) throw new ErreurEntree(`${chemin}: fichier vide`);
  const format = await detecterFormat(chemin);
  const dump = MOTIF_NOM_DUMP.exec(basename(chemin));
  const genreDuNom: Genre | undefined = dump ? (dump[1] === "structures" ? "structure" : "service") : undefined;
  const recueil = new Recueil({ origine: chemin, genre: genreDuNom, sourceGenre: "nom", structuresVues, visiter });
  const remarqueDump = dump ? `export data·inclusion du ${dump[2]} (sans les sources soliguide et agefiph, que l'export exclut)` : undefined;

  if (format === "csv") {
    const contenu = await lireCsv(chemin, recueil);
    if (recueil.nombre === 0) throw new ErreurEntree(`${chemin}: aucune ligne après l'en-tête`);
    const remarques: string[] = [];
    if (remarqueDump) remarques.push(remarqueDump);
    else remarques.push(`CSV à la façon de l'export, mais pas à son nom (${genreDuNomAttendu(recueil.genre)}-inclusion-AAAA-MM-JJ.csv) : lu comme un extrait partiel`);
    if (contenu.cellulesIllisibles > 0) {
      remarques.push(`${contenu.cellulesIllisibles} cellules contiennent des caractères illisibles (�) : le fichier n'était pas en UTF-8 (ré-enregistré par un tableur ?)`);
    }
    return recueil.lots("dump-csv", dump !== null, remarques);
  }

  const contenu = await parcourirJson(chemin, (valeur, rang) => recueil.element(valeur, rang));
  if (recueil.nombre === 0) {
    throw new ErreurEntree(
      contenu.forme === "page" ? `${chemin}: page de l'API sans aucun élément (« items » vide)` : `${chemin}: tableau vide : aucune structure ni aucun service`,
    );
  }
  if (contenu.forme === "page") {
    const { page, pages } = contenu.meta;
    const remarques: string[] = [];
    if (typeof page === "number" && typeof pages === "number" && pages > 1) {
      remarques.push(`page ${page} sur ${pages} : les autres pages manquent`);
    }
    return recueil.lots("api-page", false, remarques);
  }
  if (remarqueDump && recueil.resultatsRecherche === 0) return recueil.lots("dump-json", true, [remarqueDump]);
  const remarques: string[] = [];
  // Only the dump's file name makes an array complete: a renamed file may as well be a filtered extract.
  if (recueil.colonnesDuDump && recueil.resultatsRecherche === 0) {
    remarques.push(
      `tableau aux colonnes de l'export, mais pas à son nom (${genreDuNomAttendu(recueil.genre)}-inclusion-AAAA-MM-JJ.json) : lu comme un extrait partiel`,
    );
  }
  return recueil.lots("json-tableau", false, remarques);
}

function genreDuNomAttendu(genre: Genre | undefined): string {
  return genre === "service" ? "services" : "structures";
}

/** JSON or CSV, from the first bytes (a downloaded dump may have lost its extension); else an ErreurEntree. */
async function detecterFormat(chemin: string): Promise<"json" | "csv"> {
  const fichier = await open(chemin, "r");
  let octets: Buffer;
  try {
    const tampon = Buffer.alloc(4096);
    const { bytesRead } = await fichier.read(tampon, 0, tampon.length, 0);
    octets = tampon.subarray(0, bytesRead);
  } finally {
    await fichier.close();
  }
  const autreExport = "prenez l'export .json ou .csv de data·inclusion";
  if (octets.subarray(0, 4).toString("latin1") === "PK\x03\x04") {
    throw new ErreurEntree(`${chemin}: ni du JSON ni du CSV (un classeur .xlsx ou une archive .zip ?) : ${autreExport}`);
  }
  if (octets.subarray(0, 4).toString("latin1") === "PAR1") {
    throw new ErreurEntree(`${chemin}: ni du JSON ni du CSV (un fichier Parquet) : ${autreExport}`);
  }
  if (octets.includes(0)) throw new ErreurEntree(`${chemin}: ni du JSON ni du CSV (fichier binaire) : ${autreExport}`);

  const texte = octets.toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (texte === "" && octets.length < 4096) throw new ErreurEntree(`${chemin}: fichier vide (seulement des espaces)`);
  if (texte.startsWith("[") || texte.startsWith("{")) return "json";
  const debut = citer(texte.split(/\r?\n/, 1)[0] ?? "", 40);
  const extension = extname(chemin).toLowerCase();
  if (extension === ".json") throw new ErreurEntree(`${chemin}: ce n'est pas du JSON : le fichier commence par ${debut}`);
  if (extension === ".csv" || (texte.split(/\r?\n/, 1)[0] ?? "").includes(",")) return "csv";
  throw new ErreurEntree(`${chemin}: ni du JSON ni du CSV : le fichier commence par ${debut}`);
}

// ---------------------------------------------------------------------------------------------
// A folder: its .json and .csv files, structures before services (so that services find their structure
// already read), then by name.

async function lireDossier(dossier: string, structuresVues: Set<string>, visiter: (e: EnregistrementBrut) => void): Promise<Lot[]> {
  let entrees;
  try {
    entrees = await readdir(dossier, { withFileTypes: true });
  } catch (erreur) {
    throw new ErreurEntree(`${dossier}: dossier illisible : ${messageSysteme(erreur, "erreur de lecture")}`);
  }
  entrees.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const ignores: string[] = [];
  const fichiers: { chemin: string; nom: string; genre: Genre | undefined }[] = [];
  for (const entree of entrees) {
    if (entree.isFile() && /\.(json|csv)$/i.test(entree.name)) {
      const chemin = join(dossier, entree.name);
      fichiers.push({ chemin, nom: entree.name, genre: await sonderGenre(chemin) });
    } else {
      ignores.push(entree.isDirectory() ? `${entree.name}/` : entree.name);
    }
  }
  if (fichiers.length === 0) {
    const detail = ignores.length > 0 ? ` (seulement : ${ignores.join(", ")})` : " (dossier vide)";
    throw new ErreurEntree(`${dossier}: le dossier ne contient aucun fichier .json ni .csv${detail}`);
  }
  const ordre = (g: Genre | undefined) => (g === "structure" ? 0 : 1);
  fichiers.sort((a, b) => ordre(a.genre) - ordre(b.genre) || (a.nom < b.nom ? -1 : a.nom > b.nom ? 1 : 0));

  const lots: Lot[] = [];
  for (const fichier of fichiers) {
    lots.push(...(await lireFichier(fichier.chemin, await stat(fichier.chemin), structuresVues, visiter)));
  }
  if (ignores.length > 0) lots[0]!.remarques.unshift(`dossier ${dossier} : fichiers ignorés (ni .json ni .csv) : ${ignores.join(", ")}`);
  return lots;
}

/** The genre of a file, from its name or its first record / header; undefined when unreadable (reported later). */
async function sonderGenre(chemin: string): Promise<Genre | undefined> {
  const dump = MOTIF_NOM_DUMP.exec(basename(chemin));
  if (dump) return dump[1] === "structures" ? "structure" : "service";
  try {
    if ((await detecterFormat(chemin)) === "csv") {
      const entete = await enteteCsv(chemin);
      return entete ? (genreIndique(Object.fromEntries(entete.map((c) => [c, null])))?.genre ?? "structure") : undefined;
    }
    let genre: Genre | undefined;
    await parcourirJson(chemin, (valeur) => {
      if (estObjet(valeur)) {
        const champs = !("id" in valeur) && estObjet(valeur.service) ? valeur.service : valeur;
        genre = genreIndique(champs)?.genre ?? "structure";
      }
      return false;
    });
    return genre;
  } catch {
    return undefined;
  }
}

function messageSysteme(erreur: unknown, parDefaut: string): string {
  const code = (erreur as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "fichier ou dossier introuvable";
  if (code === "EACCES" || code === "EPERM") return "droits insuffisants pour le lire";
  return erreur instanceof Error ? erreur.message : parDefaut;
}
