/**
 * The records refused by the last import, read from its committed JSON report
 * (`<catalogue>/import-data-inclusion/rapport.json`, data-inclusion/rapport.ts `jsonRapport`), and attached
 * to what the Département chases: the catalogue's service of the same id, else the structure of the same name
 * (the report names each record's structure), else a structure the catalogue does not hold.
 */
import type { Catalogue } from "../catalogue";
import type { LigneRapport } from "../data-inclusion/import";
import { normaliser } from "../text";

export type RapportLu = { present: false } | { present: true; refus: LigneRapport[] };

const estLigne = (l: unknown): l is LigneRapport =>
  typeof l === "object" && l !== null && typeof (l as LigneRapport).message === "string" && typeof (l as LigneRapport).enregistrement === "string";

/** The report's text (undefined: no report) → its refused lines, or a French error naming the file. */
export function lireRapportImport(texte: string | undefined, chemin: string): RapportLu {
  if (texte === undefined) return { present: false };
  let donnees: unknown;
  try {
    donnees = JSON.parse(texte);
  } catch (e) {
    throw new Error(`${chemin} : rapport d'import illisible (JSON invalide : ${(e as Error).message}) ; relancez npm run import pour le réécrire`);
  }
  const refus = (donnees as { refus?: unknown } | null)?.refus;
  if (!Array.isArray(refus) || !refus.every(estLigne)) {
    throw new Error(`${chemin} refus: attendu une liste de lignes { origine, genre, enregistrement, structure, champ, message } ; relancez npm run import pour réécrire le rapport`);
  }
  return { present: true, refus };
}

export interface RefusRattaches {
  /** By service slug: refused versions of a record the catalogue holds. */
  parService: Map<string, LigneRapport[]>;
  /** By structure slug: the structure's other refused records. */
  parStructure: Map<string, LigneRapport[]>;
  /** By structure name as the report gives it: structures the catalogue does not hold (« Structure inconnue » when unnamed). */
  horsCatalogue: Map<string, LigneRapport[]>;
}

export const STRUCTURE_INCONNUE = "Structure inconnue";

function ajouter<K>(m: Map<K, LigneRapport[]>, cle: K, l: LigneRapport) {
  const liste = m.get(cle) ?? [];
  liste.push(l);
  m.set(cle, liste);
}

export function rattacherRefus(refus: readonly LigneRapport[], catalogue: Catalogue): RefusRattaches {
  const servicesParId = new Map(catalogue.services.map((s) => [s.id, s]));
  const structuresParId = new Map(catalogue.structures.map((s) => [s.id, s]));
  const structuresParNom = new Map<string, string>();
  for (const s of catalogue.structures) if (!structuresParNom.has(normaliser(s.nom))) structuresParNom.set(normaliser(s.nom), s.slug);
  const r: RefusRattaches = { parService: new Map(), parStructure: new Map(), horsCatalogue: new Map() };
  for (const l of refus) {
    const service = l.genre === "service" ? servicesParId.get(l.enregistrement) : undefined;
    if (service) {
      ajouter(r.parService, service.slug, l);
      continue;
    }
    const structure = (l.genre === "structure" ? structuresParId.get(l.enregistrement)?.slug : undefined) ?? (l.structure ? structuresParNom.get(normaliser(l.structure)) : undefined);
    if (structure) ajouter(r.parStructure, structure, l);
    else ajouter(r.horsCatalogue, l.structure ?? (l.genre === "structure" ? l.nom : undefined) ?? STRUCTURE_INCONNUE, l);
  }
  return r;
}
