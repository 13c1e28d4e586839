/** Everyday words → needs: the reviewed table, and what a person finds with such words. */
import { describe, expect, it } from "vitest";
import { validerDossier } from "../../src/domain/validation";
import { construireCatalogue } from "../../src/domain/catalogue";
import { servicesPourLaCommune } from "../../src/domain/coverage";
import { communeParCode } from "../../src/domain/communes";
import { besoinParCode, categorieParCode } from "../../src/domain/taxonomy";
import { normaliser } from "../../src/domain/text";
import { construireIndexRecherche } from "../../src/domain/recherche/index-recherche";
import { libellesDesBesoins } from "../../src/domain/recherche/besoins";
import { BESOINS_PAR_MOT, besoinsDesMots, motsDesBesoins, MOTS_COURANTS } from "../../src/domain/recherche/mots-courants";
import { estMotVide } from "../../src/domain/recherche/mots-vides";
import { termesDuTexte } from "../../src/domain/recherche/termes";
import { CRITERES_VIDES, preparerIndex, rechercher } from "../../src/domain/recherche/requete";
import { chercherTexte, creerIndexTexte } from "../../src/domain/recherche/texte";
import { suggestionsDeBesoins } from "../../src/domain/recherche/suggestions-besoins";
import { siteConfig } from "../../site.config";

const HEBERGEMENT = "logement-hebergement--rechercher-une-solution-dhebergement-temporaire";
const ALIMENTATION = "equipement-et-alimentation--alimentation";
const LOUDUN = "86137";

describe("the table of everyday words", () => {
  const mots = Object.keys(MOTS_COURANTS);

  it("has at least 60 words, each pointing to needs that exist in the taxonomy (need or category codes)", () => {
    expect(mots.length).toBeGreaterThanOrEqual(60);
    for (const [mot, codes] of Object.entries(MOTS_COURANTS)) {
      expect(codes.length, mot).toBeGreaterThan(0);
      for (const code of codes) expect(besoinParCode(code) ?? categorieParCode(code), `${mot} → ${code}`).toBeDefined();
      expect(new Set(codes).size, mot).toBe(codes.length);
    }
    for (const besoins of BESOINS_PAR_MOT.values()) for (const code of besoins) expect(besoinParCode(code), code).toBeDefined();
  });

  it("holds each word once, as one search term that a query gives back unchanged (not a stop word)", () => {
    const termes = mots.map((m) => termesDuTexte(m));
    for (const [k, t] of termes.entries()) {
      expect(t, mots[k]).toHaveLength(1);
      expect(estMotVide(t[0]!), mots[k]).toBe(false);
      expect(termesDuTexte(t[0]!), mots[k]).toEqual(t);
    }
    const uniques = new Set(termes.map((t) => t[0]));
    expect(uniques.size).toBe(mots.length);
    expect([...BESOINS_PAR_MOT.keys()].sort()).toEqual([...uniques].sort());
  });

  it("reads a query's words whatever their accents, case and plural", () => {
    const soins = besoinsDesMots("médecin");
    expect(soins).toEqual(["sante--acces-aux-soins"]);
    expect(besoinsDesMots("MEDECINS")).toEqual(soins);
    expect(besoinsDesMots("Médecins ")).toEqual(soins);
    expect(besoinsDesMots("des papiers pour la CAF")).toEqual([...new Set([...besoinsDesMots("papier"), ...besoinsDesMots("caf")])]);
    expect(besoinsDesMots("argent").length).toBe(categorieParCode("difficultes-financieres")!.besoins.length);
    expect(besoinsDesMots("atelier cv")).toEqual([]);
  });

  it("gives each need's words back to the text index", () => {
    expect(motsDesBesoins([HEBERGEMENT])).toEqual(expect.arrayContaining(["dormir", "abri", "sdf"]));
    expect(motsDesBesoins([ALIMENTATION])).toContain("manger");
    expect(motsDesBesoins([])).toEqual([]);
  });
});

describe("what a person finds with everyday words (demonstration catalogue)", () => {
  const lecture = validerDossier("content");
  const catalogue = construireCatalogue(lecture.structures, lecture.services, siteConfig.source);
  const index = construireIndexRecherche(catalogue);
  const prepare = preparerIndex(index);
  const mini = creerIndexTexte(index);
  const parSlug = new Map(catalogue.services.map((s) => [s.slug, s]));
  const chercher = (q: string, commune?: string) =>
    rechercher(prepare, { ...CRITERES_VIDES, q, commune }, chercherTexte(mini, q)).resultats.map((r) => index.services[r.i]!.s);
  const texteDe = (slug: string) => {
    const s = index.services.find((x) => x.s === slug)!;
    const besoins = libellesDesBesoins(s.b.map((b) => index.besoins[b]!)).join(" ");
    return normaliser(`${s.n} ${index.structures[s.st]} ${besoins} ${s.r} ${s.k ?? ""} ${s.c ?? ""}`);
  };

  it("« dormir » at Loudun finds every shelter service serving Loudun, the 115 first", () => {
    const trouves = chercher("dormir", LOUDUN);
    const abris = servicesPourLaCommune(catalogue.services, communeParCode(LOUDUN)!)
      .filter((r) => r.service.thematiques.includes(HEBERGEMENT))
      .map((r) => r.service.slug);
    expect(abris.length).toBeGreaterThan(3);
    expect(trouves[0]).toBe("veille-sociale-115-hebergement-urgence");
    expect(trouves).toEqual(expect.arrayContaining(abris));
    // While typing « dorm », the same services already.
    expect(chercher("dorm", LOUDUN)).toEqual(expect.arrayContaining(abris));
  });

  it("« papiers », « psy », « voitures », « Docteur » reach the services of their needs", () => {
    for (const q of ["papiers", "psy", "voitures", "Docteur", "CAF", "internet", "travail", "argent"]) {
      const trouves = chercher(q);
      const besoins = besoinsDesMots(q);
      expect(trouves.length, q).toBeGreaterThan(0);
      // Every service of those needs is found; each found one has such a need or says the word itself (as a
      // prefix: the word is still being typed).
      const attendus = catalogue.services.filter((s) => s.thematiques.some((t) => besoins.includes(t))).map((s) => s.slug);
      expect(trouves, q).toEqual(expect.arrayContaining(attendus));
      const terme = termesDuTexte(q)[0]!;
      for (const slug of trouves) {
        expect(parSlug.get(slug)!.thematiques.some((t) => besoins.includes(t)) || texteDe(slug).includes(terme.slice(0, 4)), `${q}: ${slug}`).toBe(true);
      }
    }
  });

  it("ranks a service that says the word itself above those that only have its need (« colis »)", () => {
    const trouves = chercher("colis");
    expect(trouves.length).toBeGreaterThan(2);
    expect(texteDe(trouves[0]!)).toContain("colis");
    expect(texteDe(trouves.at(-1)!)).not.toContain("colis");
  });

  it("does not take a word of the table for a typo of another (« manger » is not « danger »)", () => {
    const trouves = chercher("manger");
    expect(trouves.length).toBeGreaterThan(0);
    for (const slug of trouves) expect(parSlug.get(slug)!.thematiques.includes(ALIMENTATION) || texteDe(slug).includes("manger"), slug).toBe(true);
  });
});

describe("suggestionsDeBesoins", () => {
  const lecture = validerDossier("content");
  const catalogue = construireCatalogue(lecture.structures, lecture.services, siteConfig.source);
  const prepare = preparerIndex(construireIndexRecherche(catalogue));

  it("offers the needs of the words as their own search at the same commune, with what it finds", () => {
    const [hebergement, ...autres] = suggestionsDeBesoins(prepare, { commune: LOUDUN, q: "dormir" });
    expect(autres).toEqual([]);
    expect(hebergement!.besoin.value).toBe(HEBERGEMENT);
    expect(hebergement!.criteres).toEqual({ ...CRITERES_VIDES, commune: LOUDUN, theme: "logement", besoins: [HEBERGEMENT] });
    expect(hebergement!.n).toBe(rechercher(prepare, hebergement!.criteres).resultats.length);
    expect(hebergement!.n).toBeGreaterThan(3);
  });

  it("offers nothing for words outside the table, nor a need without services at the commune", () => {
    expect(suggestionsDeBesoins(prepare, { commune: LOUDUN, q: "xyzzy" })).toEqual([]);
    expect(suggestionsDeBesoins(prepare, { commune: LOUDUN, q: "manger" })).toEqual([]);
    expect(suggestionsDeBesoins(prepare, { q: "manger" }).map((s) => s.besoin.value)).toEqual([ALIMENTATION]);
  });
});
