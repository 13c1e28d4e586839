/** Free-text search over the shipped catalogue: accents, typos, plurals, stop words, ranking. */
import { describe, expect, it, vi } from "vitest";
import { validerDossier } from "../../src/domain/validation";
import { construireCatalogue } from "../../src/domain/catalogue";
import { normaliser } from "../../src/domain/text";
import { construireIndexRecherche } from "../../src/domain/recherche/index-recherche";
import { BANDES_PERTINENCE, CRITERES_VIDES, preparerIndex, rechercher } from "../../src/domain/recherche/requete";
import { chercherTexte, chercheurTexte, creerIndexTexte, creerIndexTexteParTranches, PREFIXES_PREPARES_MAX } from "../../src/domain/recherche/texte";
import { REQUETES_BENCH } from "../../bench/recherche/requetes";
import { siteConfig } from "../../site.config";

const lecture = validerDossier("content");
const catalogue = construireCatalogue(lecture.structures, lecture.services, siteConfig.source);
const index = construireIndexRecherche(catalogue);
const prepare = preparerIndex(index);
const mini = creerIndexTexte(index);

/** Slugs found for `q`, best first (relevance, then distance when a commune is given). */
function chercher(q: string, commune?: string): string[] {
  return rechercher(prepare, { ...CRITERES_VIDES, q, commune }, chercherTexte(mini, q)).resultats.map((r) => index.services[r.i]!.s);
}
const service = (slug: string) => index.services.find((s) => s.s === slug)!;
const texteCarte = (slug: string) => {
  const s = service(slug);
  return normaliser(`${s.n} ${index.structures[s.st]} ${s.c ?? ""}`);
};

describe("chercherTexte", () => {
  it("finds nothing for nothing", () => {
    expect(chercherTexte(mini, "").size).toBe(0);
    expect(chercherTexte(mini, "   ").size).toBe(0);
    expect(chercher("de la")).toEqual([]);
  });

  it("tolerates a typo in a place name (« chatelleraut »)", () => {
    const trouves = chercher("chatelleraut");
    expect(trouves.length).toBeGreaterThan(5);
    for (const slug of trouves.slice(0, 5)) expect(texteCarte(slug)).toContain("chatellerault");
    expect(chercher("chatelleraut").slice(0, 5)).toEqual(chercher("Châtellerault").slice(0, 5));
  });

  it("ignores accents and case (« sante » finds « Santé »)", () => {
    const sante = chercher("sante");
    expect(sante).toEqual(chercher("SANTÉ"));
    const avecBesoinSante = catalogue.services.filter((s) => s.thematiques.some((t) => t.startsWith("sante--"))).map((s) => s.slug);
    expect(avecBesoinSante.length).toBeGreaterThan(3);
    for (const slug of avecBesoinSante) expect(sante).toContain(slug);
  });

  it("finds the driving-licence services for « permis », those named so first", () => {
    const trouves = chercher("permis");
    const nommes = index.services.filter((s) => normaliser(s.n).includes("permis")).map((s) => s.s);
    expect(nommes.length).toBeGreaterThanOrEqual(3);
    for (const slug of nommes) expect(trouves).toContain(slug);
    expect(normaliser(service(trouves[0]!).n)).toContain("permis");
  });

  it("finds the garage solidaire for « garage », and while it is being typed", () => {
    const garages = index.services.filter((s) => /garage/i.test(index.structures[s.st]!)).map((s) => s.s);
    expect(garages.length).toBeGreaterThan(0);
    expect(chercher("garage").slice(0, garages.length).sort()).toEqual(garages.sort());
    expect(chercher("gara").slice(0, garages.length).sort()).toEqual(garages.sort());
  });

  it("folds plurals, drops stop words and tolerates small typos", () => {
    expect(chercher("logements")).toEqual(chercher("logement"));
    expect(chercher("le permis de conduire")).toEqual(chercher("permis conduire"));
    const logement = chercher("logement");
    expect(chercher("logemnt").slice(0, 5).filter((s) => logement.includes(s))).toHaveLength(5);
    expect(chercher("formaton").length).toBeGreaterThan(0);
  });

  it("wants every word, and falls back to any word when no service has them all", () => {
    const permis = chercher("permis");
    const conduire = chercher("permis conduire");
    expect(conduire.length).toBeGreaterThan(0);
    expect(conduire.length).toBeLessThan(permis.length);
    for (const s of conduire) expect(permis).toContain(s);
    expect(chercher("permis zzzzzzzz").sort()).toEqual(permis.sort());
  });

  it("finds a service by the distinctive terms of its description", () => {
    const avecTermes = index.services.filter((s) => s.k);
    expect(avecTermes.length).toBeGreaterThan(index.services.length * 0.9);
    for (const s of avecTermes) {
      for (const terme of s.k!.split(" ")) expect(chercher(`${terme} `), `${s.s}: ${terme}`).toContain(s.s);
    }
  });

  it("ranks by relevance, then distance from the commune", () => {
    for (const [q, commune] of [
      ["permis", "86066"],
      ["logement", "86194"],
      ["emploi", "86137"],
      ["accompagnement", "86066"],
    ] as const) {
      const reponse = rechercher(prepare, { ...CRITERES_VIDES, q, commune }, chercherTexte(mini, q));
      expect(reponse.resultats.length, q).toBeGreaterThan(2);
      const meilleur = Math.max(...reponse.resultats.map((r) => r.score!));
      const cles = reponse.resultats.map((r) => [
        Math.min(BANDES_PERTINENCE - 1, Math.floor((1 - r.score! / meilleur) * BANDES_PERTINENCE)),
        r.distanceKm ?? Infinity,
      ]);
      expect(cles, q).toEqual([...cles].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
      expect(reponse.resultats[0]!.score).toBeGreaterThan(meilleur / 2);
    }
  });

  it("gives MiniSearch's own multi-word scores while keeping each word's answer, at every key of the benchmark's queries", () => {
    const chercheur = chercheurTexte(mini);
    let saisies = 0;
    for (const { q } of REQUETES_BENCH) {
      for (let n = 1; n <= q.length; n++) {
        const saisie = q.slice(0, n);
        if (saisie.trim() === "") continue;
        const enCours = !/\s$/.test(saisie);
        // What MiniSearch computes for the whole query at once (the search before word answers were kept).
        const options = {
          prefix: (terme: string, i: number, termes: string[]) => enCours && i === termes.length - 1 && terme.length >= 3,
          combineWith: "AND" as const,
        };
        let attendus = mini.search(saisie, options);
        if (attendus.length === 0) attendus = mini.search(saisie, { ...options, combineWith: "OR" });
        const obtenus = chercheur(saisie);
        expect([...obtenus.keys()].sort(), saisie).toEqual(attendus.map((r) => r.id as number).sort());
        for (const r of attendus) expect(obtenus.get(r.id as number), saisie).toBeCloseTo(r.score, 9);
        saisies++;
      }
    }
    expect(saisies).toBeGreaterThan(300);
  });

  it("prepares a finished word's whole-word answer, so that the next word's keys search that word alone", () => {
    const chercheur = chercheurTexte(mini);
    const attendu = chercheurTexte(creerIndexTexte(index))("logement acc");
    const cherche = vi.spyOn(mini, "search");
    try {
      chercheur.preparer("logement ");
      expect(cherche).toHaveBeenCalledTimes(1);
      cherche.mockClear();
      expect(chercheur("logement acc")).toEqual(attendu);
      // « acc », as a prefix: « logement » is already known.
      expect(cherche.mock.calls.map((c) => c[0])).toEqual(["acc"]);
    } finally {
      cherche.mockRestore();
    }
  });

  it("keeps for good the answers of the catalogue's most common first three letters, prepared one at a time", async () => {
    const { mini: miniParTranches, prefixesCourants } = await creerIndexTexteParTranches(index);
    expect(prefixesCourants.length).toBeGreaterThan(10);
    expect(prefixesCourants.length).toBeLessThanOrEqual(PREFIXES_PREPARES_MAX);
    for (const p of prefixesCourants) expect(p).toMatch(/^[a-z0-9]{3}$/);
    // Counted over the catalogue's words: « accompagnement », « accès »… start with « acc » far more
    // often than « zyg… » with anything.
    expect(prefixesCourants.slice(0, 10)).toContain("acc");
    const chercheur = chercheurTexte(miniParTranches, prefixesCourants);
    let pieces = 0;
    while (chercheur.preparerUnPrefixe()) pieces++;
    expect(pieces + 1).toBe(prefixesCourants.length);
    expect(chercheur.preparerUnPrefixe()).toBe(false);
    const cherche = vi.spyOn(miniParTranches, "search");
    try {
      for (const q of ["acc", "logement acc"]) expect(chercheur(q), q).toEqual(chercheurTexte(mini)(q));
      // « acc » was prepared; « logement », whole, and « acce », longer than three letters, were not.
      expect(cherche.mock.calls.map((c) => c[0])).toEqual(["logement"]);
      chercheur("acce");
      expect(cherche.mock.calls.map((c) => c[0])).toEqual(["logement", "acce"]);
    } finally {
      cherche.mockRestore();
    }
  });

  it("gives the same answer to words of the same key, so that a page need not search them again", () => {
    const chercheur = chercheurTexte(mini);
    expect(chercheur.cle("aide a")).toBe(chercheur.cle("Aide"));
    expect(chercheur.cle("aide de")).toBe(chercheur.cle("aide"));
    expect(chercheur.cle("aide ")).not.toBe(chercheur.cle("aide"));
    expect(chercheur.cle("aide al")).not.toBe(chercheur.cle("aide"));
    const parCle = new Map<string, { saisie: string; ids: string[] }>();
    let partagees = 0;
    for (const { q } of REQUETES_BENCH) {
      for (let n = 1; n <= q.length; n++) {
        const saisie = q.slice(0, n);
        const ids = [...chercheurTexte(mini)(saisie)].map(([id, score]) => `${id}:${score.toFixed(9)}`).sort();
        const deja = parCle.get(chercheur.cle(saisie));
        if (deja) {
          expect(ids, `${saisie} / ${deja.saisie}`).toEqual(deja.ids);
          partagees++;
        } else parCle.set(chercheur.cle(saisie), { saisie, ids });
      }
    }
    expect(partagees).toBeGreaterThan(20);
  });
});

