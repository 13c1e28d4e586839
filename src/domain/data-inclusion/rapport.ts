/**
 * The import's report, in French: one summary line for the terminal, and the full report committed beside
 * the catalogue (Markdown for the Département's review and the sync pull request, JSON for a quality page).
 * The committed report says what the catalogue's state is against the input (refused records, conflicts,
 * gone records), never what one run did (created, updated): the same input twice writes the same bytes.
 */
import { nombre, pluriel } from "../validation/messages";
import { RAISONS_HORS_TERRITOIRE, type RaisonHorsTerritoire } from "./territoire";
import type { LigneRapport, RapportImport } from "./import";

/** `<source file> <record id> <field>: <message>`, the validator's shape. */
export function ligneProbleme(l: LigneRapport): string {
  const nom = l.enregistrement.startsWith("n° ") && l.nom ? ` « ${l.nom} »` : "";
  return `${l.origine} ${l.enregistrement}${nom} ${l.champ ? `${l.champ}: ` : ""}${l.message}`;
}

/** The one line that ends a run. */
export function ligneResume(r: RapportImport, simulation = false): string {
  const c = r.compteurs;
  const morceaux = [
    pluriel(c.crees, "créé"),
    `${nombre(c.misAJour)} mis à jour`,
    pluriel(c.inchanges, "inchangé"),
    pluriel(c.repares, "réparé"),
    pluriel(c.conflits, "conflit"),
    pluriel(c.refuses, "refusé"),
    `${nombre(c.horsTerritoire)} hors territoire`,
    pluriel(c.doublonsFusionnes, "doublon fusionné", "doublons fusionnés"),
    pluriel(c.disparus, "disparu"),
  ];
  return `${simulation ? "Simulation (rien n'est écrit) — import" : "Import"} data·inclusion : ${morceaux.join(", ")}.`;
}

const puce = (t: string) => `- ${t}`;
const section = (titre: string, lignes: string[]) => (lignes.length > 0 ? [`## ${titre}`, "", ...lignes, ""] : []);

/** Lines grouped under each structure's name, as the Département chases organisations. */
function parStructure(lignes: readonly LigneRapport[]): string[] {
  const sortie: string[] = [];
  let courante: string | undefined = "\u0000";
  for (const l of lignes) {
    if (l.structure !== courante) {
      courante = l.structure;
      sortie.push("", `### ${l.structure ?? "Structure inconnue"}`, "");
    }
    sortie.push(puce(`\`${ligneProbleme(l)}\``));
  }
  return sortie.slice(1);
}

/** The committed report (Markdown). */
export function texteRapport(r: RapportImport): string {
  const services = r.horsTerritoire.services;
  const raisons = (Object.keys(services) as RaisonHorsTerritoire[]).filter((k) => services[k] > 0);
  const etat = [
    `${pluriel(r.compteurs.refuses, "enregistrement refusé", "enregistrements refusés")}, ${pluriel(r.compteurs.conflits, "conflit")}, ` +
      `${pluriel(r.compteurs.repares, "enregistrement réparé", "enregistrements réparés")}, ${pluriel(r.compteurs.doublonsFusionnes, "doublon fusionné", "doublons fusionnés")}, ` +
      `${pluriel(r.compteurs.disparus, "disparu")}.`,
    `Hors du territoire : ${pluriel(r.horsTerritoire.structures, "structure")} (ni située dans le territoire, ni porteuse d'un service qui le concerne)` +
      (raisons.length > 0 ? `, services : ${raisons.map((k) => `${nombre(services[k])} (${RAISONS_HORS_TERRITOIRE[k]})`).join(", ")}` : ", aucun service") +
      ".",
  ];
  if (r.score) {
    etat.push(`Score de qualité minimal ${r.score.min} : ${pluriel(r.score.sousLeMin, "service")} sous ce score, ${pluriel(r.score.sansScore, "service")} sans score, ignorés.`);
  }
  if (r.dejaPresents > 0) etat.push(`${pluriel(r.dejaPresents, "fiche")} de ce site, déjà dans le catalogue, laissée(s) telle(s) quelle(s).`);
  const lignes = [
    "# Rapport d'import data·inclusion",
    "",
    "Écrit par `npm run import` ; relisez-le avant de publier. Chaque ligne : `fichier lu, identifiant, champ : message`.",
    "",
    "## Données lues",
    "",
    ...r.entrees.map((e) => puce(`${e.origine} : ${pluriel(e.nombre, e.genre === "structure" ? "structure" : "service")} (${e.format}${e.complet ? ", complet" : ", partiel"})`)),
    "",
    "## Bilan",
    "",
    ...etat.map(puce),
    "",
    ...section("Refusés", parStructure(r.refus)),
    ...section(
      "Conflits (modifiés ici et chez la source : la valeur d'ici est gardée)",
      r.conflits.map((c) =>
        puce(`${c.genre === "structure" ? "structures" : "services"}/${c.fichier}.md (${c.id}, « ${c.nom} »${c.structure ? `, ${c.structure}` : ""}) : ${c.champs.join(", ")}`),
      ),
    ),
    ...section(
      "Disparus de la source",
      r.disparus.map((d) =>
        puce(`${d.genre === "structure" ? "structures" : "services"}/${d.fichier}.md (${d.id}) : ${d.supprime ? "supprimé" : d.garde ? `gardé : ${d.garde}` : "gardé (supprimé seulement avec --supprimer-absents)"}`),
      ),
    ),
    ...section(
      "Supprimés ici depuis un import (pas recréés)",
      r.supprimesIci.map((s) => puce(`${s.genre === "structure" ? "structures" : "services"}/${s.fichier}.md (${s.id}) : retirez son entrée de etat.json pour le réimporter`)),
    ),
    ...section("Valeurs réparées", parStructure(r.reparations)),
    ...section("Champs ignorés et avertissements", parStructure(r.avertissements)),
    ...section("Colonnes ou clés inconnues (ignorées)", r.clesInconnues.length > 0 ? [r.clesInconnues.map((c) => `\`${c}\``).join(", ")] : []),
    ...section("Remarques", r.remarques.map(puce)),
  ];
  return `${lignes.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

/** The committed report as data, for a quality page: everything but what a run did. */
export function jsonRapport(r: RapportImport): string {
  const { compteurs, ...reste } = r;
  const { crees: _c, misAJour: _m, inchanges: _i, ...etat } = compteurs;
  return `${JSON.stringify({ compteurs: etat, ...reste }, null, 1)}\n`;
}
