/** The synthetic catalogue of the search benchmarks: valid, deterministic, rich in words, all over the territory. */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  avecPreposition,
  enYaml,
  genererCatalogueSynthetique,
  graineDepuisTexte,
  mulberry32,
  nombreDeStructuresParDefaut,
} from "../../src/domain/catalogue-synthetique";
import { communeDuLieu, construireCatalogue } from "../../src/domain/catalogue";
import { joursEntre } from "../../src/domain/dates";
import { validerDossier, validerFichiers } from "../../src/domain/validation";
import { categories } from "../../src/domain/taxonomy";
import { normaliser } from "../../src/domain/text";
import { siteConfig } from "../../site.config";

const AUJOURDHUI = "2026-11-30";
const demo = validerDossier("content");
const generer = (services: number, graine = 7, structures?: number) =>
  genererCatalogueSynthetique(demo.structures, demo.services, { services, graine, aujourdhui: AUJOURDHUI, ...(structures ? { structures } : {}) });

const resultat = generer(300);
const validation = validerFichiers(
  resultat.fichiers.map((f) => ({ chemin: `synthetique/${f.chemin}`, texte: f.texte })),
  { aujourdhui: AUJOURDHUI },
);
const catalogue = construireCatalogue(validation.structures, validation.services, siteConfig.source);
const corps = (texte: string) => texte.slice(texte.indexOf("\n---\n") + 5);

describe("catalogue synthétique", () => {
  it("passes the validator with no error and no warning", () => {
    expect(validation.problemes.filter((p) => p.gravite === "erreur")).toEqual([]);
    expect(validation.problemes).toEqual([]);
    expect(validation.services).toHaveLength(300);
    expect(validation.structures).toHaveLength(nombreDeStructuresParDefaut(300));
    expect(nombreDeStructuresParDefaut(40)).toBe(20);
    expect(nombreDeStructuresParDefaut(10_000)).toBe(2_500);
  });

  it("is deterministic for a seed and changes with it", () => {
    expect(generer(300).fichiers).toEqual(resultat.fichiers);
    const autre = generer(300, 8).fichiers;
    expect(autre).toHaveLength(resultat.fichiers.length);
    expect(autre.filter((f, i) => f.texte === resultat.fichiers[i]!.texte).length).toBeLessThan(10);
    expect(graineDepuisTexte("42")).toBe(42);
    expect(graineDepuisTexte("benchmarks")).toBe(graineDepuisTexte("benchmarks"));
    const a = mulberry32(1);
    const b = mulberry32(1);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it("uses a rich vocabulary: the demo's phrases recombined", () => {
    const descriptions = resultat.fichiers.filter((f) => f.chemin.startsWith("services/")).map((f) => corps(f.texte));
    const mots = new Set(descriptions.flatMap((d) => normaliser(d).split(" ").filter((m) => m.length > 0)));
    expect(mots.size).toBeGreaterThan(2_000);
    // Recombined, not copied: most descriptions differ from every demo description.
    const demoCorps = new Set(demo.services.map((s) => s.corps.trim()));
    expect(descriptions.filter((d) => demoCorps.has(d.trim())).length).toBeLessThan(15);
    expect(new Set(descriptions).size).toBeGreaterThan(290);
  });

  it("uses every category and the demo's mix of in-person and remote services", () => {
    const utilisees = new Set(catalogue.services.flatMap((s) => s.thematiques.map((t) => t.split("--")[0])));
    expect(categories.filter((c) => !utilisees.has(c.value)).map((c) => c.value)).toEqual([]);
    const part = (modes: string[]) => catalogue.services.filter((s) => [...s.modes_accueil].sort().join() === modes.join()).length / 300;
    expect(part(["en-presentiel"])).toBeGreaterThan(0.5);
    expect(part(["a-distance", "en-presentiel"])).toBeGreaterThan(0.1);
    expect(part(["a-distance"])).toBeGreaterThan(0.01);
  });

  it("spreads places over the territory, consistently, with a mix of zones", () => {
    const lieux = [...catalogue.services, ...catalogue.structures].flatMap((s) => (s.lieu ? [s.lieu] : []));
    for (const lieu of lieux) {
      const commune = communeDuLieu(lieu)!;
      expect(commune.nom).toBe(lieu.commune);
      expect(commune.codesPostaux).toContain(lieu.code_postal);
      expect(Math.abs(lieu.latitude! - commune.centre.lat)).toBeLessThan(0.01);
      expect(Math.abs(lieu.longitude! - commune.centre.lon)).toBeLessThan(0.01);
    }
    expect(new Set(lieux.map((l) => l.code_insee)).size).toBeGreaterThan(60);
    const genres = new Set(
      catalogue.services.map((s) => {
        const z = s.zone_eligibilite ?? [];
        if (z.length === 0) return "aucune";
        if (z.includes(siteConfig.territoire.codeDepartement)) return "departement";
        return z[0]!.length === 9 ? "epci" : z[0]!.length === 5 ? "commune" : z[0]!;
      }),
    );
    for (const g of ["aucune", "commune", "epci", "departement"]) expect(genres, g).toContain(g);
  });

  it("dates every listing within the last five months", () => {
    for (const s of [...catalogue.services, ...catalogue.structures]) {
      const jours = joursEntre(s.date_maj, AUJOURDHUI);
      expect(jours).toBeGreaterThanOrEqual(0);
      expect(jours).toBeLessThan(155);
    }
  });

  it("writes front matter that reads back as written, codes as strings", () => {
    const champs = {
      nom: "Atelier « CV » : Poitiers",
      resume: "true",
      code_postal: "86000",
      adresse: "12 rue des Écoles",
      horaires_accueil: "We[2,4] 09:00-12:00",
      conditions_acces: "Sur orientation # d'un conseiller",
      thematiques: ["numerique--x", "- a"],
      latitude: 46.58,
      date_maj: "2026-11-01",
    };
    const texte = enYaml(champs);
    expect(parse(texte)).toEqual(champs);
    expect(texte).toContain('code_postal: "86000"');
    expect(texte).toContain('date_maj: "2026-11-01"');
    const service = resultat.fichiers.find((f) => f.chemin.startsWith("services/") && f.texte.includes("code_insee:"))!;
    expect(service.texte).toMatch(/^code_insee: "\d{5}"$/m);
  });

  it("says « à », « de » right before any commune name", () => {
    expect(avecPreposition("de", "Availles-Limouzine")).toBe("d'Availles-Limouzine");
    expect(avecPreposition("de", "Le Vigeant")).toBe("du Vigeant");
    expect(avecPreposition("à", "Les Ormes")).toBe("aux Ormes");
    expect(avecPreposition("à", "La Roche-Posay")).toBe("à La Roche-Posay");
    expect(avecPreposition("de", "Poitiers")).toBe("de Poitiers");
  });

  // Its speed is measured by the search benchmark (npm run bench:search), not here.
  it("scales to 10,000 services over the whole territory", () => {
    const grand = generer(10_000, 3);
    expect(grand.fichiers).toHaveLength(12_500);
    expect(grand.resume.communes).toBeGreaterThan(200);
  }, 60_000);
});
