/**
 * `npm run generate:catalogue -- --services N --out <dossier> [--structures M] [--graine S] [--source content]`:
 * writes a synthetic but valid catalogue (`<dossier>/structures/*.md`, `<dossier>/services/*.md`) made
 * of the demonstration catalogue's phrases recombined, for the search benchmarks.
 * The same seed gives the same files on the same day (dates are relative to today in Paris).
 * The logic is in src/domain/catalogue-synthetique.ts.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { genererCatalogueSynthetique, graineDepuisTexte, nombreDeStructuresParDefaut } from "../src/domain/catalogue-synthetique.ts";
import { aujourdhuiAParis } from "../src/domain/dates.ts";
import { formaterProbleme, validerDossier } from "../src/domain/validation/index.ts";

const USAGE =
  "Usage : npm run generate:catalogue -- --services N --out <dossier> [--structures M] [--graine S] [--source <catalogue de démonstration, par défaut content>]";

function lireArguments(argv: readonly string[]): Record<string, string> {
  const args: Record<string, string> = {};
  const liste = argv.filter((a) => a !== "--");
  for (let i = 0; i < liste.length; i++) {
    const a = liste[i]!;
    if (a === "--help" || a === "-h") {
      console.log(USAGE);
      process.exit(0);
    }
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`argument inattendu « ${a} »`);
    const valeur = m[2] ?? liste[++i];
    if (valeur === undefined) throw new Error(`--${m[1]} attend une valeur`);
    args[m[1]!] = valeur;
  }
  for (const cle of Object.keys(args)) {
    if (!["services", "out", "structures", "graine", "source"].includes(cle)) throw new Error(`option inconnue --${cle}`);
  }
  return args;
}

function entierPositif(texte: string | undefined, nom: string): number | undefined {
  if (texte === undefined) return undefined;
  if (!/^\d+$/.test(texte) || Number(texte) < 1) throw new Error(`--${nom} attend un nombre entier positif (reçu : « ${texte} »)`);
  return Number(texte);
}

let args: Record<string, string>;
let services: number;
let structures: number | undefined;
try {
  args = lireArguments(process.argv.slice(2));
  services = entierPositif(args.services, "services") ?? NaN;
  structures = entierPositif(args.structures, "structures");
  if (Number.isNaN(services) || !args.out) throw new Error("--services et --out sont obligatoires");
} catch (erreur) {
  console.error(`${(erreur as Error).message}\n${USAGE}`);
  process.exit(2);
}

const source = resolve(args.source ?? "content");
const sortie = resolve(args.out);
if (sortie === source) {
  console.error(`Refus d'écrire dans le catalogue source ${source} : choisissez un autre dossier pour --out.`);
  process.exit(2);
}

const debut = performance.now();
const demo = validerDossier(source);
const erreurs = demo.problemes.filter((p) => p.gravite === "erreur");
if (erreurs.length > 0) {
  for (const p of erreurs.slice(0, 10)) console.error(formaterProbleme(p));
  console.error(`Le catalogue de démonstration ${source} contient des erreurs : seules ses fiches valides servent de modèles.`);
}
const lecture = performance.now();

const graine = args.graine !== undefined ? graineDepuisTexte(args.graine) : 1;
const aujourdhui = aujourdhuiAParis();
const resultat = genererCatalogueSynthetique(demo.structures, demo.services, {
  services,
  structures: structures ?? nombreDeStructuresParDefaut(services),
  graine,
  aujourdhui,
});
const generation = performance.now();

// Files of an earlier run in the same folder would mix with these ones: those not rewritten are removed.
const anciens = new Set<string>();
for (const dossier of ["structures", "services"]) {
  const chemin = join(sortie, dossier);
  if (existsSync(chemin)) for (const nom of readdirSync(chemin)) anciens.add(join(chemin, nom));
}
let octets = 0;
const dossiersCrees = new Set<string>();
for (const f of resultat.fichiers) {
  const chemin = join(sortie, f.chemin);
  const dossier = dirname(chemin);
  if (!dossiersCrees.has(dossier)) {
    mkdirSync(dossier, { recursive: true });
    dossiersCrees.add(dossier);
  }
  writeFileSync(chemin, f.texte);
  anciens.delete(chemin);
  octets += Buffer.byteLength(f.texte);
}
for (const chemin of anciens) rmSync(chemin, { recursive: true, force: true });
const fin = performance.now();

const ms = (x: number) => `${Math.round(x)} ms`;
const { resume } = resultat;
console.log(
  `Catalogue synthétique écrit dans ${sortie} : ${resume.structures} structures, ${resume.services} services, ` +
    `${resume.communes} communes, ${resume.categories} catégories, ${(octets / 1024 / 1024).toFixed(1)} Mo ` +
    `(graine ${graine}, date ${aujourdhui}) — lecture de ${args.source ?? "content"} ${ms(lecture - debut)}, ` +
    `génération ${ms(generation - lecture)}, écriture ${ms(fin - generation)}` +
    (anciens.size > 0 ? ` (${anciens.size} fichiers d'une génération précédente supprimés).` : "."),
);
