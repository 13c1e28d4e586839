/** The first page of each commune (and commune + theme) computed at build time: the same as the search over the whole index. */
import { describe, expect, it } from "vitest";
import { validerDossier } from "../../src/domain/validation";
import { construireCatalogue } from "../../src/domain/catalogue";
import { communes } from "../../src/domain/communes";
import { themeParSlug, themes } from "../../src/domain/taxonomy";
import { construireIndexRecherche } from "../../src/domain/recherche/index-recherche";
import { separerTermes } from "../../src/domain/recherche/decoupage";
import { CRITERES_VIDES, preparerIndex, rechercher, type Criteres } from "../../src/domain/recherche/requete";
import {
  calculerPremiersResultats,
  criteresAPrecalculer,
  criteresPrecalcules,
  nomDesPremiersResultats,
  repondA,
  reponseDesPremiers,
  RESULTATS_PAR_PAGE,
  type PremiersResultats,
} from "../../src/domain/recherche/premiers-resultats";
import { siteConfig } from "../../site.config";

const lecture = validerDossier("content");
const catalogue = construireCatalogue(lecture.structures, lecture.services, siteConfig.source);
const { index } = separerTermes(construireIndexRecherche(catalogue));
const prepare = preparerIndex(index);
const criteres = (c: Partial<Criteres>): Criteres => ({ ...CRITERES_VIDES, ...c });

/** What a card shows of each result: the service (with its structure's and needs' names, not positions) and its distance. */
function cartes(services: { s: string; st: number; b: number[] }[], structures: string[], besoins: string[], distances: (number | undefined)[]) {
  return services.map((s, k) => ({ ...s, st: structures[s.st], b: s.b.map((b) => besoins[b]), distance: distances[k] }));
}

describe("premiers résultats", () => {
  it("are written for every commune, alone and with each theme, under distinct names", () => {
    const tous = criteresAPrecalculer();
    expect(tous).toHaveLength(communes.length * (themes.length + 1));
    expect(new Set(tous.map(nomDesPremiersResultats)).size).toBe(tous.length);
    expect(nomDesPremiersResultats({ commune: "86066", theme: "logement" })).toBe("86066-logement.json");
  });

  it("show, for every commune and theme, the search's first page, total and counts over the whole index", () => {
    for (const c of criteresAPrecalculer()) {
      const complet = rechercher(prepare, criteres(c));
      const page = complet.resultats.slice(0, RESULTATS_PAR_PAGE);
      const fichier: PremiersResultats = JSON.parse(JSON.stringify(calculerPremiersResultats(prepare, c)));
      const { index: petit, reponse, total } = reponseDesPremiers(fichier);
      const nom = nomDesPremiersResultats(c);
      expect(total, nom).toBe(complet.resultats.length);
      expect(
        cartes(reponse.resultats.map((r) => petit.services[r.i]!), petit.structures, petit.besoins, reponse.resultats.map((r) => r.distanceKm)),
        nom,
      ).toEqual(
        cartes(
          page.map((r) => index.services[r.i]!),
          index.structures,
          index.besoins,
          page.map((r) => r.distanceKm),
        ),
      );
      expect(reponse.commune?.code, nom).toBe(c.commune);
      expect(reponse.compteursThemes, nom).toEqual(Object.fromEntries(Object.entries(complet.compteursThemes).filter(([, n]) => n > 0)));
      for (const g of ["publics", "types", "frais", "modes"] as const) {
        for (const [valeur, n] of Object.entries(complet.compteurs[g])) expect(reponse.compteurs[g][valeur] ?? 0, `${nom} ${g} ${valeur}`).toBe(n);
      }
      const besoinsDuTheme = c.theme ? themeParSlug(c.theme)!.categories.flatMap((cat) => cat.besoins.map((b) => b.value)) : [];
      for (const code of besoinsDuTheme) expect(reponse.compteursBesoins[code] ?? 0, `${nom} ${code}`).toBe(complet.compteursBesoins[code]);
    }
    // Every commune (265) times every theme, each a full search: seconds, not the default 5 s, on a busy machine.
  }, 60_000);

  it("hold only what the first page shows: its services, their structures and needs, the theme's needs' counts", () => {
    const commune = calculerPremiersResultats(prepare, { commune: "86066" });
    expect(commune.index.services.length).toBe(Math.min(RESULTATS_PAR_PAGE, commune.total));
    expect(commune.index.structures.length).toBeLessThanOrEqual(commune.index.services.length);
    expect(new Set(commune.index.services.flatMap((s) => s.b)).size).toBe(commune.index.besoins.length);
    expect(commune.compteursBesoins).toEqual({});
    const avecTheme = calculerPremiersResultats(prepare, { commune: "86066", theme: "logement" });
    expect(Object.keys(avecTheme.compteursBesoins).length).toBeGreaterThan(0);
    for (const code of Object.keys(avecTheme.compteursBesoins)) expect(code.startsWith("logement-hebergement--")).toBe(true);
  });

  it("answer a commune with or without a theme, whatever the words, and nothing else", () => {
    expect(criteresPrecalcules(criteres({ commune: "86066" }))).toEqual({ commune: "86066" });
    expect(criteresPrecalcules(criteres({ commune: "86066", theme: "logement", q: "loyer" }))).toEqual({ commune: "86066", theme: "logement" });
    expect(criteresPrecalcules(criteres({}))).toBeUndefined();
    expect(criteresPrecalcules(criteres({ theme: "logement" }))).toBeUndefined();
    expect(criteresPrecalcules(criteres({ commune: "86066", besoins: ["logement-hebergement--etre-accompagne-pour-se-loger"] }))).toBeUndefined();
    expect(criteresPrecalcules(criteres({ commune: "86066", frais: ["gratuit"] }))).toBeUndefined();
    const fichier = calculerPremiersResultats(prepare, { commune: "86066", theme: "logement" });
    expect(repondA(fichier, criteres({ commune: "86066", theme: "logement", q: "loyer" }))).toBe(true);
    expect(repondA(fichier, criteres({ commune: "86066" }))).toBe(false);
    expect(repondA(fichier, criteres({ commune: "86194", theme: "logement" }))).toBe(false);
    expect(repondA(fichier, criteres({ commune: "86066", theme: "logement", publics: ["jeunes"] }))).toBe(false);
  });
});
