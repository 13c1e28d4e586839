import { describe, expect, it } from "vitest";
import { Importation, type OptionsImport, type ResultatImport } from "../../src/domain/data-inclusion/import";
import { etatVide, type EtatImport } from "../../src/domain/data-inclusion/etat";
import type { EnregistrementBrut, Lot } from "../../src/domain/data-inclusion/lecture";
import type { Genre } from "../../src/domain/data-inclusion/format-dump";
import { ligneResume } from "../../src/domain/data-inclusion/rapport";
import { validerFichiers } from "../../src/domain/validation";

// Records in data·inclusion v1 shape, as the readers hand them; fictional values (phones 05 36 49 xx xx).
const AUJOURDHUI = "2026-12-07";
const CENTRES: Record<string, { lat: number; lon: number }> = {
  "75111": { lat: 48.859, lon: 2.38 },
  "79191": { lat: 46.323, lon: -0.459 },
  "69381": { lat: 45.767, lon: 4.834 },
};
const OPTIONS: OptionsImport = { aujourdhui: AUJOURDHUI, sourceDuSite: "carto-insertion-86", centre: (c) => CENTRES[c] };

const structurePoitiers = {
  id: "dora--s-poitiers",
  source: "dora",
  nom: "Association Tremplin Poitiers",
  siret: "12345678900011",
  commune: "Poitiers",
  code_postal: "86000",
  code_insee: "86194",
  adresse: "3 rue des Carmes",
  latitude: 46.58,
  longitude: 0.34,
  telephone: "05 36 49 10 01",
  date_maj: "2026-10-02",
  description: "Association d'insertion par l'activité économique.",
  lien_source: "https://dora.inclusion.beta.gouv.fr/structures/s-poitiers",
};
const servicePoitiers = {
  id: "dora--v-atelier-cv",
  source: "dora",
  structure_id: "dora--s-poitiers",
  nom: "Atelier CV et lettre de motivation",
  description: "Un atelier collectif pour rédiger son CV et sa lettre de motivation.",
  thematiques: ["trouver-un-emploi--repondre-a-des-offres-demploi"],
  modes_accueil: ["en-presentiel"],
  zone_eligibilite: ["86"],
  date_maj: "2026-10-05",
  lien_source: "https://dora.inclusion.beta.gouv.fr/services/v-atelier-cv",
};
const structureParis = {
  id: "france-travail--siege",
  source: "france-travail",
  nom: "France Travail (direction nationale)",
  commune: "Paris",
  code_postal: "75011",
  code_insee: "75111",
  date_maj: "2026-09-01",
};
const serviceNational = {
  id: "france-travail--3949",
  source: "france-travail",
  structure_id: "france-travail--siege",
  nom: "Conseil par téléphone au 3949",
  description: "Un conseiller répond aux demandeurs d'emploi par téléphone, du lundi au vendredi.",
  thematiques: ["trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs"],
  modes_accueil: ["a-distance"],
  zone_eligibilite: ["france"],
  telephone: "3949",
  date_maj: "2026-09-01",
};
const serviceNiort = {
  id: "dora--v-niort",
  source: "dora",
  structure_id: "dora--s-niort",
  nom: "Permanence logement à Niort",
  description: "Une permanence pour les habitants des Deux-Sèvres.",
  thematiques: ["logement-hebergement--louer-un-logement"],
  modes_accueil: ["en-presentiel"],
  zone_eligibilite: ["79"],
  date_maj: "2026-09-01",
};
const structureNiort = { id: "dora--s-niort", source: "dora", nom: "CCAS de Niort", code_insee: "79191", code_postal: "79000", commune: "Niort", date_maj: "2026-09-01" };
const structureLyon = { id: "dora--s-lyon", source: "dora", nom: "Association lyonnaise", code_insee: "69381", code_postal: "69001", commune: "Lyon", date_maj: "2026-09-01" };

const brut = (genre: Genre, champs: Record<string, unknown>, rang = 1, origine = "dump/test.json"): EnregistrementBrut => ({ genre, champs, origine, rang });
const lot = (genre: Genre, nombre: number, complet = true): Lot => ({
  origine: `dump/${genre}s.json`,
  genre,
  format: "dump-json",
  complet,
  nombre,
  clesInconnues: [],
  remarques: [],
});

interface Execution {
  resultat: ResultatImport;
  fichiers: Map<string, string>;
  etat: EtatImport;
}

/** One run against a catalogue held in memory; the catalogue and state after it. */
function importer(
  structures: Record<string, unknown>[],
  services: Record<string, unknown>[],
  avant: { fichiers?: Map<string, string>; etat?: EtatImport } = {},
  options: Partial<OptionsImport> = {},
  complet = true,
): Execution {
  const fichiers = new Map(avant.fichiers ?? []);
  const imp = new Importation(fichiers, avant.etat ?? etatVide(), { ...OPTIONS, ...options });
  structures.forEach((s, i) => imp.recevoir(brut("structure", s, i + 1, "dump/structures.json")));
  services.forEach((s, i) => imp.recevoir(brut("service", s, i + 1, "dump/services.json")));
  imp.ajouterLot(lot("structure", structures.length, complet));
  imp.ajouterLot(lot("service", services.length, complet));
  const resultat = imp.terminer();
  for (const [chemin, texte] of resultat.ecritures) fichiers.set(chemin, texte);
  for (const chemin of resultat.suppressions) fichiers.delete(chemin);
  return { resultat, fichiers, etat: resultat.etat };
}

const TOUT = [[structurePoitiers, structureParis, structureNiort, structureLyon], [servicePoitiers, serviceNational, serviceNiort]] as const;

describe("import : territoire", () => {
  const { resultat, fichiers } = importer([...TOUT[0]], [...TOUT[1]]);

  it("garde le service local et le service national à distance, avec leurs structures, et compte le reste", () => {
    expect([...fichiers.keys()].sort()).toEqual([
      "services/atelier-cv-et-lettre-de-motivation.md",
      "services/conseil-par-telephone-au-3949.md",
      "structures/association-tremplin-poitiers.md",
      "structures/france-travail-direction-nationale-paris.md",
    ]);
    expect(resultat.rapport.horsTerritoire).toEqual({ structures: 2, services: { zone: 1, distance: 0, "sans-lieu": 0 } });
    expect(ligneResume(resultat.rapport)).toBe(
      "Import data·inclusion : 4 créés, 0 mis à jour, 0 inchangé, 0 réparé, 0 conflit, 0 refusé, 3 hors territoire, 0 doublon fusionné, 0 disparu.",
    );
  });

  it("écrit des fiches que le validateur accepte, avec leur origine", () => {
    const r = validerFichiers([...fichiers].map(([c, texte]) => ({ chemin: `content/${c}`, texte })), { aujourdhui: AUJOURDHUI });
    expect(r.problemes).toEqual([]);
    expect(r.services).toHaveLength(2);
    const atelier = fichiers.get("services/atelier-cv-et-lettre-de-motivation.md")!;
    expect(atelier).toContain("structure: association-tremplin-poitiers\n");
    expect(atelier).toContain("source: dora\nid: dora--v-atelier-cv\nlien_source: https://dora.inclusion.beta.gouv.fr/services/v-atelier-cv\nstructure_id: dora--s-poitiers\n");
    expect(atelier).toMatch(/---\n\nUn atelier collectif pour rédiger son CV et sa lettre de motivation\.\n$/);
  });

  it("--tout garde tout", () => {
    const { fichiers: tous } = importer([...TOUT[0]], [...TOUT[1]], {}, { tout: true });
    expect([...tous.keys()].filter((c) => c.startsWith("structures/"))).toHaveLength(4);
    expect([...tous.keys()].filter((c) => c.startsWith("services/"))).toHaveLength(3);
  });
});

describe("import : idempotent, mises à jour, conflits", () => {
  const premier = importer([...TOUT[0]], [...TOUT[1]]);

  it("le même import deux fois ne change aucun fichier", () => {
    const second = importer([...TOUT[0]], [...TOUT[1]], premier);
    expect(second.resultat.ecritures.size).toBe(0);
    expect(second.fichiers).toEqual(premier.fichiers);
    expect(second.etat).toEqual(premier.etat);
    expect(second.resultat.rapport.compteurs).toMatchObject({ crees: 0, misAJour: 0, inchanges: 4 });
  });

  it("un changement chez la source met à jour le champ, et seulement lui", () => {
    const change = { ...servicePoitiers, telephone: "05 36 49 10 02", date_maj: "2026-11-20" };
    const second = importer([...TOUT[0]], [change, serviceNational], premier);
    const chemin = "services/atelier-cv-et-lettre-de-motivation.md";
    const avant = premier.fichiers.get(chemin)!;
    const apres = second.fichiers.get(chemin)!;
    expect(second.resultat.rapport.compteurs.misAJour).toBe(1);
    expect(apres).toContain('telephone: "05 36 49 10 02"');
    expect(apres.split("\n").filter((l) => !avant.includes(l))).toEqual(['telephone: "05 36 49 10 02"', "date_maj: 2026-11-20"]);
  });

  it("une modification locale est gardée ; si la source change aussi ce champ, un conflit nomme le champ", () => {
    const chemin = "services/atelier-cv-et-lettre-de-motivation.md";
    const fichiers = new Map(premier.fichiers);
    // A partner edits the name and the date in the CMS.
    fichiers.set(chemin, fichiers.get(chemin)!.replace("nom: Atelier CV et lettre de motivation", "nom: Atelier CV (mardi matin)").replace("date_maj: 2026-10-05", "date_maj: 2026-12-01"));
    const inchange = importer([...TOUT[0]], [...TOUT[1]], { fichiers, etat: premier.etat });
    expect(inchange.resultat.ecritures.size).toBe(0);
    expect(inchange.resultat.rapport.conflits).toEqual([]);

    const renomme = { ...servicePoitiers, nom: "Atelier CV et lettre", date_maj: "2026-11-15" };
    const conflit = importer([...TOUT[0]], [renomme, serviceNational], { fichiers, etat: premier.etat });
    expect(conflit.fichiers.get(chemin)).toBe(fichiers.get(chemin)); // the local name and the later local date kept
    expect(conflit.resultat.rapport.conflits).toEqual([
      expect.objectContaining({ id: "dora--v-atelier-cv", fichier: "atelier-cv-et-lettre-de-motivation", champs: ["nom"] }),
    ]);
    expect(conflit.resultat.rapport.compteurs.conflits).toBe(1);
    // Reported again while both sides differ: the same input twice gives the same report.
    const encore = importer([...TOUT[0]], [renomme, serviceNational], { fichiers: conflit.fichiers, etat: conflit.etat });
    expect(encore.resultat.rapport.conflits).toHaveLength(1);
    expect(encore.fichiers).toEqual(conflit.fichiers);
  });

  it("les champs propres au site (résumé, avis temporaire) ne sont jamais touchés", () => {
    const chemin = "services/atelier-cv-et-lettre-de-motivation.md";
    const fichiers = new Map(premier.fichiers);
    const avis = "avis:\n  - au: 2026-12-31\n    message: Atelier déplacé salle B.\n";
    fichiers.set(chemin, fichiers.get(chemin)!.replace("structure: association", "resume: Le mardi matin, sur inscription.\nstructure: association").replace("date_maj:", `${avis}date_maj:`));
    const change = { ...servicePoitiers, description: "Un atelier collectif, désormais le jeudi, pour rédiger son CV." };
    const second = importer([...TOUT[0]], [change, serviceNational], { fichiers, etat: premier.etat });
    const apres = second.fichiers.get(chemin)!;
    expect(apres).toContain("resume: Le mardi matin, sur inscription.\n");
    expect(apres).toContain(avis);
    expect(second.resultat.rapport.conflits).toEqual([]);
    expect(apres).toMatch(/\n\nUn atelier collectif, désormais le jeudi, pour rédiger son CV\.\n$/);
  });
});

describe("import : doublons, refus, disparus, score", () => {
  it("fusionne deux structures de même SIRET et même commune, et les doublons data·inclusion ; les services suivent", () => {
    const antenne = { ...structurePoitiers, id: "soliguide--77", source: "soliguide", nom: "Tremplin (antenne)" };
    const listee = { ...structurePoitiers, id: "mes-aides--5", source: "mes-aides", siret: null, nom: "Tremplin 86", doublons: [{ source: "dora", id: "dora--s-poitiers" }] };
    const serviceAntenne = { ...servicePoitiers, id: "soliguide--v1", source: "soliguide", structure_id: "soliguide--77", nom: "Aide alimentaire Tremplin", thematiques: ["equipement-et-alimentation--alimentation"] };
    const r = importer([structurePoitiers, antenne, listee], [servicePoitiers, serviceAntenne]);
    const structures = [...r.fichiers.keys()].filter((c) => c.startsWith("structures/"));
    expect(structures).toEqual(["structures/association-tremplin-poitiers.md"]);
    expect(r.fichiers.get(structures[0]!)).toContain("id: dora--s-poitiers\nlien_source: https://dora.inclusion.beta.gouv.fr/structures/s-poitiers\ndoublons:\n  - mes-aides--5\n  - soliguide--77\n");
    expect(r.fichiers.get("services/aide-alimentaire-tremplin.md")).toContain("structure: association-tremplin-poitiers\n");
    expect(r.resultat.rapport.compteurs.doublonsFusionnes).toBe(2);
    const v = validerFichiers([...r.fichiers].map(([c, texte]) => ({ chemin: `content/${c}`, texte })), { aujourdhui: AUJOURDHUI });
    expect(v.problemes).toEqual([]);
  });

  it("refuse un service dont la structure est inconnue et un service en présentiel sans lieu, une ligne chacun, et écrit les autres", () => {
    const orphelin = { ...servicePoitiers, id: "dora--orphelin", structure_id: "dora--inconnue" };
    const plateforme = { id: "france-travail--plateforme", source: "france-travail", nom: "Plateforme nationale", date_maj: "2026-09-01" };
    const sansLieu = { ...serviceNational, id: "france-travail--sur-place", structure_id: "france-travail--plateforme", modes_accueil: ["en-presentiel", "a-distance"], nom: "Accueil sur place et à distance" };
    const r = importer([structurePoitiers, plateforme], [servicePoitiers, orphelin, sansLieu]);
    expect(r.resultat.rapport.refus.map((l) => `${l.origine} ${l.enregistrement} ${l.champ}: ${l.message}`)).toEqual([
      "dump/services.json dora--orphelin structure_id: la structure « dora--inconnue » n'est ni dans les données lues ni dans le catalogue : importez aussi le fichier des structures",
      expect.stringMatching(/^dump\/services\.json france-travail--sur-place modes_accueil: « en-presentiel » sans aucun lieu/),
    ]);
    // The national platform was kept for its service only: refused, the service leaves it out of the territory.
    expect(r.resultat.rapport.compteurs).toMatchObject({ refuses: 2, crees: 2 });
    expect(r.resultat.rapport.horsTerritoire.structures).toBe(1);
    expect([...r.fichiers.keys()].some((c) => c.includes("sur-place"))).toBe(false);
  });

  it("signale un enregistrement disparu d'une source complète, et ne supprime son fichier qu'avec supprimerAbsents", () => {
    const premier = importer([...TOUT[0]], [...TOUT[1]]);
    const sans = importer([...TOUT[0]], [servicePoitiers], premier);
    expect(sans.resultat.rapport.disparus).toEqual([{ genre: "service", id: "france-travail--3949", fichier: "conseil-par-telephone-au-3949", supprime: false }]);
    expect(sans.fichiers.has("services/conseil-par-telephone-au-3949.md")).toBe(true);
    const partiel = importer([...TOUT[0]], [servicePoitiers], premier, { supprimerAbsents: true }, false);
    expect(partiel.resultat.rapport.disparus).toEqual([]);
    const supprime = importer([...TOUT[0]], [servicePoitiers], premier, { supprimerAbsents: true });
    expect(supprime.fichiers.has("services/conseil-par-telephone-au-3949.md")).toBe(false);
    expect(supprime.resultat.suppressions).toEqual(["services/conseil-par-telephone-au-3949.md"]);
  });

  it("un fichier supprimé ici depuis l'import n'est pas recréé", () => {
    const premier = importer([...TOUT[0]], [...TOUT[1]]);
    const fichiers = new Map(premier.fichiers);
    fichiers.delete("services/conseil-par-telephone-au-3949.md");
    const r = importer([...TOUT[0]], [...TOUT[1]], { fichiers, etat: premier.etat });
    expect(r.fichiers.has("services/conseil-par-telephone-au-3949.md")).toBe(false);
    expect(r.resultat.rapport.supprimesIci).toEqual([{ genre: "service", id: "france-travail--3949", fichier: "conseil-par-telephone-au-3949" }]);
  });

  it("--score-min ignore les services sous le score et ceux sans score, et le dit", () => {
    const r = importer([...TOUT[0]], [{ ...servicePoitiers, score_qualite: 0.8 }, { ...serviceNational, score_qualite: 0.2 }, serviceNiort], {}, { scoreMin: 0.5 });
    expect([...r.fichiers.keys()].filter((c) => c.startsWith("services/"))).toEqual(["services/atelier-cv-et-lettre-de-motivation.md"]);
    expect(r.resultat.rapport.score).toEqual({ min: 0.5, sousLeMin: 1, sansScore: 1 });
  });
});
