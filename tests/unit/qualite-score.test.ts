/**
 * data·inclusion's quality score (src/domain/qualite/score.ts) against its rules in
 * gip-inclusion/data-inclusion-schema src/data_inclusion/schema/v1/score_qualite.py @ 846d0ec.
 */
import { describe, expect, it } from "vitest";
import { arrondi2, CRITERES, scoreAge, scoreQualite, type ServiceNote } from "../../src/domain/qualite";
import { jourPlus } from "../../src/domain/dates";

const JOUR = "2026-12-08";

const base = (extra: Partial<ServiceNote> = {}): ServiceNote => ({
  source: "carto-insertion-86",
  adresse: "12 rue de la Gare",
  modes_accueil: ["en-presentiel"],
  modes_mobilisation: ["se-presenter", "telephoner"],
  mobilisable_par: ["usagers"],
  publics: ["tous-publics"],
  thematiques: ["numerique--acquerir-un-equipement"],
  courriel: null,
  lien_mobilisation: null,
  telephone: "0549000000",
  date_maj: JOUR,
  frais: "gratuit",
  frais_precisions: null,
  description: "x".repeat(300),
  ...extra,
});

const critere = (nom: string, s: ServiceNote, jour = JOUR) => CRITERES.find((c) => c.nom === nom)!.evaluer(s, jour);

describe("data·inclusion's criteria", () => {
  it("lists data·inclusion's ten criteria in its order", () => {
    expect(CRITERES.map((c) => c.nom)).toEqual([
      "adresse_bien_definie",
      "modes_mobilisation_bien_definis",
      "au_moins_un_public",
      "au_moins_une_thematique",
      "au_moins_un_moyen_de_contact",
      "courriel_bien_defini",
      "date_maj_recente",
      "frais_bien_definis",
      "description_bien_definie",
      "telephone_bien_defini",
    ]);
  });

  it("adresse_bien_definie applies to in-person reception or « se présenter », and wants a street address", () => {
    expect(critere("adresse_bien_definie", base())).toBe(1);
    expect(critere("adresse_bien_definie", base({ adresse: null }))).toBe(0);
    expect(critere("adresse_bien_definie", base({ modes_accueil: ["a-distance"], modes_mobilisation: ["telephoner"] }))).toBeNull();
    expect(critere("adresse_bien_definie", base({ modes_accueil: ["a-distance"], modes_mobilisation: ["se-presenter"], adresse: null }))).toBe(0);
  });

  it("modes_mobilisation_bien_definis: 0, 0.5 or 1 for neither, one or both of modes_mobilisation and mobilisable_par", () => {
    expect(critere("modes_mobilisation_bien_definis", base({ modes_mobilisation: null, mobilisable_par: null }))).toBe(0);
    expect(critere("modes_mobilisation_bien_definis", base({ mobilisable_par: null }))).toBe(0.5);
    expect(critere("modes_mobilisation_bien_definis", base({ modes_mobilisation: null }))).toBe(0.5);
    expect(critere("modes_mobilisation_bien_definis", base())).toBe(1);
  });

  it("au_moins_un_public, au_moins_une_thematique, au_moins_un_moyen_de_contact", () => {
    expect(critere("au_moins_un_public", base({ publics: null }))).toBe(0);
    expect(critere("au_moins_un_public", base())).toBe(1);
    expect(critere("au_moins_une_thematique", base({ thematiques: [] }))).toBe(0);
    expect(critere("au_moins_une_thematique", base())).toBe(1);
    expect(critere("au_moins_un_moyen_de_contact", base({ telephone: null }))).toBe(0);
    expect(critere("au_moins_un_moyen_de_contact", base({ telephone: null, courriel: "a@example.org" }))).toBe(1);
    expect(critere("au_moins_un_moyen_de_contact", base({ telephone: null, lien_mobilisation: "https://example.org" }))).toBe(1);
  });

  it("courriel_bien_defini and telephone_bien_defini apply only to their mobilisation mode", () => {
    expect(critere("courriel_bien_defini", base())).toBeNull();
    expect(critere("courriel_bien_defini", base({ modes_mobilisation: ["envoyer-un-courriel"] }))).toBe(0);
    expect(critere("courriel_bien_defini", base({ modes_mobilisation: ["envoyer-un-courriel"], courriel: "a@example.org" }))).toBe(1);
    expect(critere("telephone_bien_defini", base())).toBe(1);
    expect(critere("telephone_bien_defini", base({ telephone: null }))).toBe(0);
    expect(critere("telephone_bien_defini", base({ modes_mobilisation: ["se-presenter"], telephone: null }))).toBeNull();
  });

  it("date_maj_recente: 1 up to six months (180 days), linear to 0 at two years (730), none for agefiph and france-travail", () => {
    const age = (jours: number) => critere("date_maj_recente", base({ date_maj: jourPlus(JOUR, -jours) }));
    expect(age(0)).toBe(1);
    expect(age(179)).toBe(1);
    // data·inclusion gives 0 at exactly 180 days (two strict comparisons); we keep the line continuous (docs/qualite.md).
    expect(age(180)).toBe(1);
    expect(age(181)).toBeCloseTo(549 / 550, 12);
    expect(age(455)).toBe(0.5);
    expect(age(729)).toBeCloseTo(1 / 550, 12);
    expect(age(730)).toBe(0);
    expect(age(2000)).toBe(0);
    expect(scoreAge(-3)).toBe(1);
    expect(critere("date_maj_recente", base({ source: "agefiph", date_maj: "2020-01-01" }))).toBeNull();
    expect(critere("date_maj_recente", base({ source: "france-travail", date_maj: "2020-01-01" }))).toBeNull();
  });

  it("frais_bien_definis: absent 0, payant without details 0.5, payant with details 1, gratuit 1", () => {
    expect(critere("frais_bien_definis", base({ frais: null }))).toBe(0);
    expect(critere("frais_bien_definis", base({ frais: "payant" }))).toBe(0.5);
    expect(critere("frais_bien_definis", base({ frais: "payant", frais_precisions: "5 € par séance" }))).toBe(1);
    expect(critere("frais_bien_definis", base({ frais: "gratuit" }))).toBe(1);
  });

  it("description_bien_definie: 1–49 → 0, 50–199 → 0.5, 200–1999 → 1, 2000–10000 → 0.5, counted in characters as Python does", () => {
    const longueur = (n: number) => critere("description_bien_definie", base({ description: "x".repeat(n) }));
    expect([5, 49, 50, 199, 200, 1999, 2000, 10_000].map(longueur)).toEqual([0, 0, 0.5, 0.5, 1, 1, 0.5, 0.5]);
    // 100 emoji are 100 characters for Python (200 UTF-16 units for JavaScript's .length).
    expect(critere("description_bien_definie", base({ description: "😀".repeat(100) }))).toBe(0.5);
  });
});

describe("the score", () => {
  it("rounds as Python's round: the nearest hundredth, exact ties to the even one", () => {
    expect([0.125, 0.375, 0.625, 0.875, 2.675, 0.9636, 1 / 3, 1].map(arrondi2)).toEqual([0.12, 0.38, 0.62, 0.88, 2.67, 0.96, 0.33, 1]);
  });

  it("is the mean of the applicable criteria, each rounded to 2 decimals, rounded to 2 decimals", () => {
    // 200 days: (730 − 200) / 550 = 0.9636… → 0.96; 150 characters → 0.5; no e-mail mode → 9 criteria.
    const s = scoreQualite(base({ date_maj: jourPlus(JOUR, -200), description: "x".repeat(150) }), JOUR);
    expect(s.criteres.filter((c) => c.valeur === null).map((c) => c.nom)).toEqual(["courriel_bien_defini"]);
    expect(s.valeur).toBe(arrondi2((1 + 1 + 1 + 1 + 1 + 0.96 + 1 + 0.5 + 1) / 9));
    expect(s.valeur).toBe(0.94);
  });

  it("gives 0.62 where the mean is exactly 0.625 (Python rounds the tie to even)", () => {
    // 8 criteria apply (no e-mail or phone mode): address 0, mobilisation 1, public 0, theme 1, contact 0, date 1, fees 1, description 1.
    const s = scoreQualite(base({ adresse: null, modes_mobilisation: ["se-presenter"], publics: null, telephone: null }), JOUR);
    expect(s.criteres.filter((c) => c.valeur !== null)).toHaveLength(8);
    expect(s.valeur).toBe(0.62);
  });

  it("leaves out the date for agefiph's records", () => {
    const s = scoreQualite(base({ source: "agefiph", date_maj: "2019-01-01", frais: null }), JOUR);
    expect(s.valeur).toBe(arrondi2(7 / 8));
  });
});
