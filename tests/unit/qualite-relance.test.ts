/**
 * « Relancer » (src/domain/qualite/relance.ts), its CSV (csv.ts) and the import's refused records
 * (rapport-import.ts), on a small catalogue.
 */
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { siteConfig } from "../../site.config";
import { construireCatalogue } from "../../src/domain/catalogue";
import { jsonRapport } from "../../src/domain/data-inclusion/rapport";
import { rapportImportVide, type LigneRapport, type RapportImport } from "../../src/domain/data-inclusion/import";
import { bilanQualite, csvRelances, LONGUEUR_MAX_MAILTO, lireRapportImport, relance, STRUCTURE_INCONNUE, type RapportLu } from "../../src/domain/qualite";
import { validerFichiers } from "../../src/domain/validation";

const JOUR = "2026-12-08";
const structure = (slug: string, nom: string, lignes = "") => ({
  chemin: `content/structures/${slug}.md`,
  texte: `---\nnom: ${JSON.stringify(nom)}\ncode_postal: "86100"\ncommune: Châtellerault\ndate_maj: 2026-11-01\n${lignes}---\n`,
});
const service = (slug: string, structureSlug: string, nom: string, date = "2026-01-15") => ({
  chemin: `content/services/${slug}.md`,
  texte: `---\nnom: ${JSON.stringify(nom)}\nstructure: ${structureSlug}\nthematiques: [numerique--acquerir-un-equipement]\nmodes_accueil: [a-distance]\nmodes_mobilisation: [telephoner]\ntelephone: "0549000000"\nhoraires_accueil: "Mo 09:00-12:00"\ndate_maj: ${date}\n---\nUne description suffisante du service.\n`,
});

const fichiers = [
  structure("grande", "Grande association", "courriel: grande@example.org\n"),
  structure("sans-courriel", 'Atelier "Le Lien", Poitiers'),
  structure("a-jour", "Association à jour", "courriel: ok@example.org\n"),
  ...Array.from({ length: 30 }, (_, i) => service(`grande-${String(i + 1).padStart(2, "0")}`, "grande", `Permanence numéro ${i + 1} de la grande association`)),
  service("lien-1", "sans-courriel", "Atelier d'écriture, « débutants »"),
  service("ok-1", "a-jour", "Service à jour", "2026-11-20"),
];
const validation = validerFichiers(fichiers, { aujourdhui: JOUR });
const catalogue = construireCatalogue(validation.structures, validation.services, siteConfig.source);
const exportation = { urlService: (s: string) => `https://x.org/services/${s}/`, urlStructure: (s: string) => `https://x.org/structures/${s}/` };
const urlEdition = (c: "structures" | "services", s: string) => `https://x.org/admin/#/collections/${c}/entries/${s}`;
const bilanAvec = (rapport: RapportLu) => bilanQualite(catalogue, { aujourdhui: JOUR, problemes: validation.problemes, rapport, export: exportation });
const bilan = bilanAvec({ present: false });
const options = { nomDuSite: "Carto Insertion Vienne", courrielDepartement: "dep@example.org", urlEdition };
const corps = (href: string) => new URL(href).searchParams.get("body")!;

describe("« Relancer »", () => {
  it("fixture: valid, and every service but one past six months", () => {
    expect(validation.problemes.filter((p) => p.gravite === "erreur")).toEqual([]);
    expect(bilan.servicesAVoir).toBe(31);
  });

  it("writes to the structure, lists its listings with what to fix and their edit links", () => {
    const s = bilan.structures.find((s) => s.nom === 'Atelier "Le Lien", Poitiers')!;
    const r = relance(s, options)!;
    expect(r.destinataire).toBe("dep@example.org");
    expect(r.versLaStructure).toBe(false);
    expect(r.href.startsWith("mailto:dep@example.org?subject=")).toBe(true);
    expect(new URL(r.href).searchParams.get("subject")).toBe("Carto Insertion Vienne : 1 fiche à vérifier");
    expect(corps(r.href)).toContain("- Atelier d'écriture, « débutants » : à vérifier (plus de 6 mois)\r\n  https://x.org/admin/#/collections/services/entries/lien-1\r\n");
  });

  it("stays under the mail clients' length: lists the first listings and says how many more the CSV holds", () => {
    const s = bilan.structures.find((s) => s.nom === "Grande association")!;
    const r = relance(s, options)!;
    expect(r.destinataire).toBe("grande@example.org");
    expect(r.href.length).toBeLessThanOrEqual(LONGUEUR_MAX_MAILTO);
    expect(r.listees).toBeGreaterThan(0);
    expect(r.listees + r.restantes).toBe(30);
    expect(r.restantes).toBeGreaterThan(0);
    const texte = corps(r.href);
    expect(texte.match(/entries\/grande-\d\d/g)).toHaveLength(r.listees);
    expect(texte).toContain(`… et ${r.restantes} autres fiches : la liste complète est dans le tableau joint (relances.csv).`);
    // One listing more would not fit.
    expect(relance(s, { ...options, longueurMax: r.href.length - 1 })!.listees).toBe(r.listees - 1);
    // Without a cap, all 30.
    expect(relance(s, { ...options, longueurMax: Infinity })!.restantes).toBe(0);
  });
});

describe("the CSV", () => {
  const csv = csvRelances(bilan, { urlService: exportation.urlService, urlStructure: exportation.urlStructure, urlEdition });

  it("has one row per listing to check, quoted where a cell holds a comma or a double quote", () => {
    expect(csv.startsWith("\uFEFFstructure,courriel_structure,service,page,edition,a_corriger,score,date_maj\n")).toBe(true);
    expect(csv).toContain(`"Atelier ""Le Lien"", Poitiers",,"Atelier d'écriture, « débutants »",https://x.org/services/lien-1/,https://x.org/admin/#/collections/services/entries/lien-1,à vérifier (plus de 6 mois),`);
    const lignes = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(lignes).toHaveLength(31);
    expect(lignes.map((l) => l.service)).not.toContain("Service à jour");
    expect(lignes.filter((l) => l.structure === "Grande association").every((l) => l.courriel_structure === "grande@example.org")).toBe(true);
    expect(lignes.find((l) => l.service === "Atelier d'écriture, « débutants »")!.date_maj).toBe("2026-01-15");
  });
});

describe("the import's refused records", () => {
  const ligne = (l: Partial<LigneRapport>): LigneRapport => ({ origine: "services.json", genre: "service", enregistrement: "source--x", message: "champ obligatoire", ...l });
  const rapport = (refus: LigneRapport[]): RapportImport => {
    const vide = rapportImportVide();
    return {
      ...vide,
      entrees: [{ origine: "services.json", format: "json", genre: "service", nombre: 3, complet: true }],
      compteurs: { ...vide.compteurs, refuses: refus.length },
      refus,
    };
  };

  it("says when the catalogue has no report", () => {
    expect(lireRapportImport(undefined, "content/import-data-inclusion/rapport.json")).toEqual({ present: false });
    expect(bilanAvec({ present: false }).rapportPresent).toBe(false);
  });

  it("attaches refused lines to the service of the same id, else to the structure of the same name, else to a structure not in the catalogue", () => {
    const idService = catalogue.serviceParSlug("lien-1")!.id;
    const texte = jsonRapport(
      rapport([
        ligne({ enregistrement: idService, structure: 'Atelier "Le Lien", Poitiers', champ: "telephone", message: "numéro invalide" }),
        ligne({ enregistrement: "source--nouveau", nom: "Nouveau service", structure: "GRANDE association", champ: "thematiques", message: "valeur inconnue" }),
        ligne({ enregistrement: "source--ailleurs", structure: "Structure venue d'ailleurs" }),
        ligne({ enregistrement: "n° 4" }),
      ]),
    );
    const lu = lireRapportImport(texte, "content/import-data-inclusion/rapport.json");
    const b = bilanAvec(lu);
    expect(b.rapportPresent).toBe(true);
    expect(b.refuses).toBe(4);
    const lien = b.structures.find((s) => s.nom === 'Atelier "Le Lien", Poitiers')!;
    expect(lien.services[0]!.signaux.map((g) => g.code)).toEqual(["a-verifier", "refuse-import"]);
    expect(lien.services[0]!.signaux[1]!.details).toEqual([`services.json ${idService} telephone: numéro invalide`]);
    const grande = b.structures.find((s) => s.nom === "Grande association")!;
    expect(grande.signaux.map((g) => g.code)).toEqual(["refuse-import"]);
    expect(grande.signaux[0]!.details).toEqual(["services.json source--nouveau thematiques: valeur inconnue"]);
    const ailleurs = b.structures.find((s) => s.nom === "Structure venue d'ailleurs")!;
    expect(ailleurs.structure).toBeUndefined();
    expect(relance(ailleurs, options)).toBeUndefined();
    expect(b.structures.find((s) => s.nom === STRUCTURE_INCONNUE)!.signaux[0]!.details).toEqual(["services.json n° 4 champ obligatoire"]);
    // The structure's own line comes first in its e-mail and in the CSV.
    expect(corps(relance(grande, { ...options, longueurMax: Infinity })!.href)).toMatch(/^Bonjour,\r\n\r\n.*\r\n\r\n- Fiche de la structure « Grande association » : refusé au dernier import\r\n  https:\/\/x.org\/admin\/#\/collections\/structures\/entries\/grande\r\n/);
    const csv = parse(csvRelances(b, { urlService: exportation.urlService, urlStructure: exportation.urlStructure, urlEdition }).slice(1), { columns: true }) as Record<string, string>[];
    expect(csv.find((l) => l.structure === "Grande association")).toMatchObject({ service: "", a_corriger: "refusé au dernier import" });
    expect(csv.find((l) => l.structure === "Structure venue d'ailleurs")).toMatchObject({ courriel_structure: "", service: "", edition: "" });
  });

  it("names the file when the report cannot be read", () => {
    expect(() => lireRapportImport("{", "content/import-data-inclusion/rapport.json")).toThrow(/^content\/import-data-inclusion\/rapport.json : rapport d'import illisible/);
    expect(() => lireRapportImport('{"refus": [1]}', "r.json")).toThrow(/^r.json refus: attendu une liste/);
  });
});
