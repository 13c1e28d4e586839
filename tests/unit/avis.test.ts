/**
 * Notices (avis.ts): closures written in the hours and the `avis` field, shown from the build's day to their
 * last day, the hours' words and openings beside them, and the validator's reminder a month after they end.
 */
import { describe, expect, it } from "vitest";
import { siteConfig } from "../../site.config";
import { avisEnCours, avisTermines, titreAvis, type Avis } from "../../src/domain/avis";
import { construireCatalogue, type EntreeService, type EntreeStructure } from "../../src/domain/catalogue";
import { jourPlus } from "../../src/domain/dates";
import { lireHoraires, verifierHoraires } from "../../src/domain/horaires";
import { separerFermetures } from "../../src/domain/horaires/fermetures";
import { intervallesDeLaBibliotheque } from "../../src/domain/horaires/ouvertures";
import { serviceFrontmatter, structureFrontmatter } from "../../src/domain/schema";
import { validerFichiers } from "../../src/domain/validation";

const JOUR = "2026-12-10";
const NOEL = '2026 Dec 21-2027 Jan 04 off "Fermé pour les fêtes"';

describe("fermetures dans les horaires", () => {
  it("separates the regular hours from the dated closures at the end of the value", () => {
    expect(separerFermetures(`Mo-Fr 09:00-12:00; PH off; ${NOEL}; 2027 May 14 off`)).toEqual({
      reste: "Mo-Fr 09:00-12:00; PH off",
      debut: "Mo-Fr 09:00-12:00; PH off;".length,
      fermetures: [
        { du: "2026-12-21", au: "2027-01-04", message: "Fermé pour les fêtes" },
        { du: "2027-05-14", au: "2027-05-14", message: "" },
      ],
    });
    expect(separerFermetures("Mo-Fr 09:00-12:00")).toEqual({ reste: "Mo-Fr 09:00-12:00", fermetures: [] });
    // A yearly closure (no year) is part of the regular hours, not a notice.
    expect(separerFermetures("Mo-Fr 09:00-12:00; Dec 24 off")?.fermetures).toEqual([]);
  });

  it("leaves a past closure to the validator's own rule, and keeps the library's warning on any other past dated rule", () => {
    expect(verifierHoraires('Mo-Fr 09:00-12:00; 2025 Dec 21-2026 Jan 04 off "Congés; fêtes"')).toEqual({ ok: true, avertissements: [] });
    const saison = verifierHoraires("2025 Apr 01-2025 Oct 31 Mo-Fr 09:00-12:00; 2025 Dec 21-2026 Jan 04 off");
    expect(saison).toEqual({ ok: true, avertissements: ["Cette plage de dates est entièrement dans le passé."] });
  });

  it("keeps the page's words of the regular hours, and dates openings and « aujourd'hui » around the closure", () => {
    const avec = lireHoraires(`Mo-Fr 09:00-12:00; ${NOEL}`, "2026-12-17")!;
    const sans = lireHoraires("Mo-Fr 09:00-12:00", "2026-12-17")!;
    expect(avec.lignes).toEqual(sans.lignes);
    expect(avec.lignes.length).toBeGreaterThan(0);
    // Thursday 17, Friday 18, then Tuesday 5 January (the library's answer: Monday 4 is still closed).
    expect(avec.prochaines).toHaveLength(3);
    expect(avec.prochaines[2]).toMatch(/^mardi 5 janvier/);
    const jours = intervallesDeLaBibliotheque(`Mo-Fr 09:00-12:00; ${NOEL}`, "2026-12-21", 16);
    expect([...jours].filter(([, l]) => l.length > 0).map(([j]) => j)[0]).toBe("2027-01-05");
    expect(avec.calendrier.ouvertures.filter(([j]) => j >= "2026-12-21" && j <= "2027-01-04")).toEqual([]);
  });
});

const structure = (horaires?: string): EntreeStructure => ({
  slug: "mds",
  donnees: structureFrontmatter.parse({
    nom: "Maison de la solidarité",
    adresse: "1 rue Carnot",
    code_postal: "86000",
    commune: "Poitiers",
    date_maj: "2026-11-01",
    ...(horaires ? { horaires_accueil: horaires } : {}),
  }),
  corps: "",
});
const service = (extra: Record<string, unknown>): EntreeService => ({
  slug: "accueil",
  donnees: serviceFrontmatter.parse({
    nom: "Accueil social",
    structure: "mds",
    thematiques: ["difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"],
    modes_accueil: ["en-presentiel"],
    date_maj: "2026-11-01",
    ...extra,
  }),
  corps: "Accueil.",
});
const enCours = (s: EntreeService, st: EntreeStructure = structure()) => {
  const c = construireCatalogue([st], [s], siteConfig.source);
  return avisEnCours(c.services[0]!, c.structures[0], JOUR);
};

describe("avis en cours", () => {
  it("shows closures and notices until their last day included, soonest first", () => {
    const s = service({
      horaires_accueil: `Mo-Fr 09:00-12:00; ${NOEL}`,
      avis: [
        { au: "2026-12-15", message: "Permanence déplacée à la mairie." },
        { du: "2026-11-01", au: "2026-12-09", message: "Terminé hier." },
      ],
    });
    expect(enCours(s).map((a) => [a.genre, a.au])).toEqual([
      ["changement", "2026-12-15"],
      ["fermeture", "2027-01-04"],
    ]);
    const leDernierJour = construireCatalogue([structure()], [s], siteConfig.source);
    expect(avisEnCours(leDernierJour.services[0]!, undefined, "2027-01-04").map((a) => a.genre)).toEqual(["fermeture"]);
    expect(avisEnCours(leDernierJour.services[0]!, undefined, "2027-01-05")).toEqual([]);
  });

  it("takes the structure's closures for a service received at its place without hours of its own, not otherwise", () => {
    expect(enCours(service({}), structure(`Mo-Fr 09:00-17:00; ${NOEL}`)).map((a) => a.au)).toEqual(["2027-01-04"]);
    expect(enCours(service({ horaires_accueil: "We 14:00-17:00" }), structure(`Mo-Fr 09:00-17:00; ${NOEL}`))).toEqual([]);
    expect(enCours(service({ adresse: "5 place du Marché", code_postal: "86000", commune: "Poitiers" }), structure(`Mo-Fr 09:00-17:00; ${NOEL}`))).toEqual([]);
  });

  it("says the dates in French, with the year only when it is not the build's", () => {
    const a = (x: Partial<Avis>): Avis => ({ genre: "fermeture", au: "2027-01-04", message: "", ...x });
    expect(titreAvis(a({ du: "2026-12-21" }), JOUR)).toBe("Fermé du 21 décembre au 4 janvier 2027 inclus");
    expect(titreAvis(a({ du: "2026-12-01" }), JOUR)).toBe("Fermé jusqu'au 4 janvier 2027 inclus");
    expect(titreAvis(a({ du: "2026-12-24", au: "2026-12-24" }), JOUR)).toBe("Fermé le 24 décembre");
    expect(titreAvis({ genre: "changement", au: "2026-12-15", message: "…" }, JOUR)).toBe("Changement temporaire jusqu'au 15 décembre inclus");
    expect(titreAvis({ genre: "changement", du: "2027-02-01", au: "2027-02-28", message: "…" }, JOUR)).toBe("Changement temporaire du 1er février au 28 février 2027 inclus");
    expect(titreAvis({ genre: "changement", du: "2026-12-14", au: "2026-12-14", message: "…" }, JOUR)).toBe("Changement temporaire le 14 décembre");
    // Ended (as /qualite/ lists them): the dates, never « jusqu'au », which reads as current.
    expect(titreAvis(a({ du: "2026-10-19", au: "2026-10-30" }), JOUR)).toBe("Fermé du 19 octobre au 30 octobre inclus");
  });
});

describe("avis terminés", () => {
  const fiche = { horaires_accueil: "Mo-Fr 09:00-12:00; 2026 Oct 19-2026 Oct 30 off", avis: [{ au: "2026-11-10", message: "Déménagement." }] };
  it("are those ended more than 30 days ago (or any ended one, with no grace)", () => {
    expect(avisTermines(fiche, "2026-11-29").map((a) => a.au)).toEqual([]);
    expect(avisTermines(fiche, "2026-11-30").map((a) => a.au)).toEqual(["2026-10-30"]);
    expect(avisTermines(fiche, jourPlus("2026-11-10", 31)).map((a) => a.au)).toEqual(["2026-10-30", "2026-11-10"]);
    expect(avisTermines(fiche, "2026-11-11", 0).map((a) => a.au)).toEqual(["2026-10-30", "2026-11-10"]);
  });

  it("get a warning from the validator naming the file, the field and what to do; the listing stays published", () => {
    const texte = (avis: string) =>
      `---\nnom: Accueil social\nstructure: mds\nthematiques: [difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives]\nmodes_accueil: [a-distance]\nhoraires_accueil: "Mo-Fr 09:00-12:00; 2026 Oct 19-2026 Oct 30 off"\n${avis}date_maj: 2026-11-01\n---\nAccueil.\n`;
    const fichiers = (avis: string) => [
      { chemin: "content/structures/mds.md", texte: "---\nnom: Maison de la solidarité\ndate_maj: 2026-11-01\n---\n" },
      { chemin: "content/services/accueil.md", texte: texte(avis) },
    ];
    const r = validerFichiers(fichiers("avis:\n  - au: 2026-11-10\n    message: Déménagement.\n"), { aujourdhui: "2026-12-11" });
    expect(r.services.map((s) => s.slug)).toEqual(["accueil"]);
    const avertissements = r.problemes.filter((p) => p.fichier === "content/services/accueil.md").map((p) => `${p.gravite} ${p.champ}: ${p.message}`);
    expect(avertissements).toEqual([
      "avertissement horaires_accueil: l'avis « Fermé du 19 octobre au 30 octobre inclus » a pris fin il y a plus de 30 jours : retirez-le des horaires",
      "avertissement avis: l'avis « Changement temporaire terminé le 10 novembre » (« Déménagement. ») a pris fin il y a plus de 30 jours : retirez-le de la fiche",
    ]);
    expect(validerFichiers(fichiers("avis:\n  - au: 2026-11-10\n    message: Déménagement.\n"), { aujourdhui: "2026-11-29" }).problemes).toEqual([]);
  });

  it("refuses a notice without an end, ending before it starts, or without a message, saying which field", () => {
    const r = serviceFrontmatter.safeParse({
      nom: "Accueil social",
      structure: "mds",
      thematiques: ["difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"],
      modes_accueil: ["a-distance"],
      date_maj: "2026-11-01",
      avis: [{ message: "Sans fin." }, { du: "2026-12-20", au: "2026-12-10", message: "À l'envers." }, { au: "2026-12-31", message: "" }],
    });
    expect(r.success).toBe(false);
    const messages = r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toEqual([
      "avis.0.au: champ obligatoire (une date, ex. : 2027-01-04)",
      "avis.1.au: la fin (2026-12-10) est avant le début (2026-12-20)",
      "avis.2.message: champ obligatoire (ce qui change, en une ou deux phrases)",
    ]);
  });
});
