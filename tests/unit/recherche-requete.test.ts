/** The search query: the commune pages' coverage rule, the filters' semantics and the facet counts. */
import { describe, expect, it } from "vitest";
import { validerDossier } from "../../src/domain/validation";
import { construireCatalogue, type Service } from "../../src/domain/catalogue";
import { communeParCode, communes } from "../../src/domain/communes";
import { couverture, servicesPourLaCommune } from "../../src/domain/coverage";
import { besoins, frais, modesAccueil, publics, themeDuCode, themes, TOUS_PUBLICS, typesDeService } from "../../src/domain/taxonomy";
import { construireIndexRecherche, type IndexRecherche } from "../../src/domain/recherche/index-recherche";
import { CRITERES_VIDES, GROUPES_FILTRES, preparerIndex, rechercher, type Criteres } from "../../src/domain/recherche/requete";
import { siteConfig } from "../../site.config";
import { resultatsParTheme } from "../../src/domain/communes-pages";
import { numeroCourt } from "../../src/domain/numeros-courts";

const lecture = validerDossier("content");
const catalogue = construireCatalogue(lecture.structures, lecture.services, siteConfig.source);
const index = construireIndexRecherche(catalogue);
const prepare = preparerIndex(index);

const slugs = (c: Criteres, texte?: Map<number, number>) => rechercher(prepare, c, texte).resultats.map((r) => index.services[r.i]!.s);
const criteres = (c: Partial<Criteres>): Criteres => ({ ...CRITERES_VIDES, ...c });

/** The filters' semantics written plainly over the catalogue's services, to check the bitsets against. */
function convient(s: Service, c: Criteres): boolean {
  if (c.commune && !couverture(s, communeParCode(c.commune)!)) return false;
  if (c.theme && !s.thematiques.some((t) => themeDuCode(t)?.slug === c.theme)) return false;
  if (c.besoins.length > 0 && !s.thematiques.some((t) => c.besoins.includes(t))) return false;
  if (c.publics.length > 0) {
    const pourTous = !s.publics || s.publics.length === 0 || s.publics.includes(TOUS_PUBLICS);
    if (!pourTous && !s.publics!.some((p) => c.publics.includes(p))) return false;
  }
  if (c.types.length > 0 && !(s.type && c.types.includes(s.type))) return false;
  if (c.frais.length > 0 && !(s.frais && c.frais.includes(s.frais))) return false;
  if (c.modes.length > 0 && !s.modes_accueil.some((m) => c.modes.includes(m))) return false;
  return true;
}
const attendus = (c: Criteres) => catalogue.services.filter((s) => convient(s, c)).map((s) => s.slug);

/**
 * The emergency rule written plainly: services whose own phone is an emergency number of the table and that
 * have a need sought (the chosen needs, else the theme's) first, those at a distance before the others.
 */
function urgencesDabord(slugs: string[], c: Criteres): string[] {
  const parSlug = new Map(catalogue.services.map((s) => [s.slug, s]));
  const vise = (t: string) => (c.besoins.length > 0 ? c.besoins.includes(t) : c.theme !== undefined && themeDuCode(t)?.slug === c.theme);
  const urgent = (slug: string) => {
    const s = parSlug.get(slug)!;
    return Boolean(s.telephone && numeroCourt(s.telephone)?.urgence) && s.thematiques.some(vise);
  };
  const aDistance = (slug: string) => parSlug.get(slug)!.modes_accueil.includes("a-distance");
  return [
    ...slugs.filter((s) => urgent(s) && aDistance(s)),
    ...slugs.filter((s) => urgent(s) && !aDistance(s)),
    ...slugs.filter((s) => !urgent(s)),
  ];
}

const COMBINAISONS: Criteres[] = [
  criteres({}),
  criteres({ commune: "86066" }),
  criteres({ commune: "86194", theme: "logement" }),
  criteres({ commune: "86137", theme: "emploi", publics: ["jeunes"] }),
  criteres({ theme: "mobilite", frais: ["gratuit"] }),
  criteres({ commune: "86160", publics: ["demandeurs-emploi", "seniors"], modes: ["en-presentiel"] }),
  criteres({ commune: "86066", theme: "vie-quotidienne", besoins: ["difficultes-financieres--ameliorer-sa-gestion-budgetaire", "famille--garde-denfants"] }),
  criteres({ besoins: ["mobilite--preparer-un-permis"], types: ["aide-financiere", "accompagnement"] }),
  criteres({ commune: "86281", types: ["atelier"], frais: ["payant", "gratuit"], modes: ["a-distance"] }),
  criteres({ publics: [TOUS_PUBLICS] }),
  criteres({ commune: "86194", theme: "sante", publics: ["femmes"], types: ["accompagnement"], frais: ["gratuit"], modes: ["en-presentiel", "a-distance"] }),
];

describe("rechercher — commune", () => {
  it("lists, for every commune, exactly the commune page's services in the same order and at the same distance", () => {
    for (const commune of communes) {
      const page = servicesPourLaCommune(catalogue.services, commune);
      const reponse = rechercher(prepare, criteres({ commune: commune.code }));
      expect(
        reponse.resultats.map((r) => [index.services[r.i]!.s, r.distanceKm]),
        commune.nom,
      ).toEqual(page.map((p) => [p.service.slug, p.distanceKm]));
    }
  });

  it("lists, for every commune and theme, exactly the commune page's services of that theme in the same order", () => {
    for (const commune of communes) {
      const parTheme = resultatsParTheme(catalogue.services, commune, Infinity);
      for (const theme of themes) {
        const page = parTheme.find((g) => g.theme === theme)?.premiers ?? [];
        const reponse = rechercher(prepare, criteres({ commune: commune.code, theme: theme.slug }));
        expect(reponse.resultats.map((r) => [index.services[r.i]!.s, r.distanceKm]), `${commune.nom} ${theme.slug}`).toEqual(
          page.map((p) => [p.service.slug, p.distanceKm]),
        );
      }
    }
  });

  it("gives the commune's results again from the cache, and for a former commune's code", () => {
    const premiere = slugs(criteres({ commune: "86066" }));
    slugs(criteres({ commune: "86194" }));
    expect(slugs(criteres({ commune: "86066" }))).toEqual(premiere);
    expect(slugs(criteres({ commune: "86215" }))).toEqual(slugs(criteres({ commune: "86005" })));
  });

  it("ignores an unknown commune", () => {
    const reponse = rechercher(prepare, criteres({ commune: "99999" }));
    expect(reponse.commune).toBeUndefined();
    expect(reponse.resultats).toHaveLength(index.services.length);
  });

  it("without commune, lists every service in name order, without distance", () => {
    const reponse = rechercher(prepare, CRITERES_VIDES);
    expect(reponse.resultats.map((r) => index.services[r.i]!.s)).toEqual(catalogue.services.map((s) => s.slug));
    expect(reponse.resultats.every((r) => r.distanceKm === undefined && r.score === undefined)).toBe(true);
  });
});

describe("rechercher — filters", () => {
  it("applies theme, needs, publics, types, fees and modes as the plain rule says, in the commune page's order", () => {
    for (const c of COMBINAISONS) {
      const trouves = slugs(c);
      expect(new Set(trouves).size).toBe(trouves.length);
      expect([...trouves].sort(), JSON.stringify(c)).toEqual(attendus(c).sort());
      if (c.commune) {
        const ordre = servicesPourLaCommune(catalogue.services, communeParCode(c.commune)!).map((r) => r.service.slug);
        expect(trouves, JSON.stringify(c)).toEqual(urgencesDabord(ordre.filter((s) => trouves.includes(s)), c));
      } else {
        expect(trouves).toEqual(urgencesDabord(attendus(c), c));
      }
    }
  });

  it("narrows, and every combination in the list has results to narrow", () => {
    for (const c of COMBINAISONS.slice(0, 8)) expect(slugs(c).length, JSON.stringify(c)).toBeGreaterThan(0);
    expect(slugs(criteres({ commune: "86066", theme: "logement" })).length).toBeLessThan(slugs(criteres({ commune: "86066" })).length);
  });

  it("lets services for everyone match every public, and only them match « tous-publics »", () => {
    const pourTous = catalogue.services.filter((s) => !s.publics || s.publics.includes(TOUS_PUBLICS)).map((s) => s.slug);
    expect(pourTous.length).toBeGreaterThan(0);
    expect(slugs(criteres({ publics: [TOUS_PUBLICS] }))).toEqual(pourTous);
    const jeunes = slugs(criteres({ publics: ["jeunes"] }));
    for (const s of pourTous) expect(jeunes).toContain(s);
  });

  it("matches a mode when the service offers it, whatever else it offers", () => {
    const presentiel = slugs(criteres({ modes: ["en-presentiel"] }));
    const distance = slugs(criteres({ modes: ["a-distance"] }));
    const lesDeux = catalogue.services.filter((s) => s.modes_accueil.length === 2).map((s) => s.slug);
    expect(lesDeux.length).toBeGreaterThan(0);
    for (const s of lesDeux) {
      expect(presentiel).toContain(s);
      expect(distance).toContain(s);
    }
    expect(slugs(criteres({ modes: ["en-presentiel", "a-distance"] }))).toHaveLength(index.services.length);
  });
});

describe("rechercher — facet counts", () => {
  it("counts, for each value, the results that selecting it in its group would give", () => {
    const listes = { publics, types: typesDeService, frais, modes: modesAccueil };
    for (const c of COMBINAISONS) {
      const reponse = rechercher(prepare, c);
      for (const groupe of GROUPES_FILTRES) {
        for (const v of listes[groupe]) {
          const choix = { ...c, [groupe]: [v.value] };
          expect(reponse.compteurs[groupe][v.value], `${JSON.stringify(c)} ${groupe}=${v.value}`).toBe(attendus(choix).length);
        }
      }
      for (const t of themes) {
        expect(reponse.compteursThemes[t.slug], `${JSON.stringify(c)} theme=${t.slug}`).toBe(
          attendus({ ...c, theme: t.slug, besoins: [] }).length,
        );
      }
      for (const b of besoins) {
        expect(reponse.compteursBesoins[b.value], `${JSON.stringify(c)} besoin=${b.value}`).toBe(
          attendus({ ...c, theme: undefined, besoins: [b.value] }).length,
        );
      }
    }
  });

  it("agrees with the result count of the selection it describes", () => {
    const c = criteres({ commune: "86066", theme: "emploi" });
    const reponse = rechercher(prepare, c);
    for (const v of ["gratuit", "payant"]) expect(reponse.compteurs.frais[v]).toBe(slugs({ ...c, frais: [v] }).length);
    expect(reponse.compteursThemes.emploi).toBe(reponse.resultats.length);
  });
});

describe("rechercher — words", () => {
  const texte = new Map(
    index.services.flatMap((s, i) => (s.s.includes("permis") || s.s.includes("garage") ? [[i, 10 + (i % 3)] as [number, number]] : [])),
  );

  it("keeps only the text results when words are typed and the text results are given", () => {
    const reponse = rechercher(prepare, criteres({ q: "permis", commune: "86066" }), texte);
    expect(reponse.texteApplique).toBe(true);
    const attendu = attendus(criteres({ commune: "86066" })).filter((s) => s.includes("permis") || s.includes("garage"));
    expect(reponse.resultats.map((r) => index.services[r.i]!.s).sort()).toEqual(attendu.sort());
    expect(reponse.resultats.every((r) => r.score !== undefined)).toBe(true);
    // The counts are counted among the text results too.
    expect(reponse.compteursThemes.mobilite).toBeLessThanOrEqual(reponse.resultats.length);
  });

  it("ignores the text results without words, and words without text results", () => {
    expect(rechercher(prepare, criteres({ q: "  " }), texte).resultats).toHaveLength(index.services.length);
    const enAttente = rechercher(prepare, criteres({ q: "permis" }));
    expect(enAttente.texteApplique).toBe(false);
    expect(enAttente.resultats).toHaveLength(index.services.length);
  });

  it("orders by relevance, then distance", () => {
    const commune = communeParCode("86066")!;
    const scores = new Map<number, number>();
    index.services.forEach((_, i) => scores.set(i, i % 2 === 0 ? 10 : 1));
    const reponse = rechercher(prepare, criteres({ q: "x", commune: commune.code }), scores);
    const rangs = reponse.resultats.map((r) => [r.score === 10 ? 0 : 1, r.distanceKm ?? Infinity] as const);
    const tries = [...rangs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(rangs).toEqual(tries);
  });
});
