import { describe, expect, it } from "vitest";
import { verifierHoraires } from "../../src/domain/horaires";
import { horairesDepuisLeFrancais } from "../../src/domain/horaires/francais";
import { lire } from "../../src/domain/horaires/lecture";
import { phraseDeLigne } from "../../src/domain/horaires/mots";

const refus = (v: string) => {
  const r = verifierHoraires(v);
  if (r.ok) throw new Error(`${v} devrait être refusé`);
  return r;
};
const enClair = (v: string) => lire(v)?.lignes.map(phraseDeLigne);

describe("les propositions du validateur sont justes ou absentes", () => {
  it.each([
    ["jeudi 9h-12h", "Th 09:00-12:00", ["le jeudi, de 9 h à 12 h"]],
    ["lundi au vendredi 9h-12h 14h-17h", "Mo-Fr 09:00-12:00,14:00-17:00", ["du lundi au vendredi, de 9 h à 12 h et de 14 h à 17 h"]],
    ["du lundi au vendredi de 9h à 12h et de 14h à 17h", "Mo-Fr 09:00-12:00,14:00-17:00", ["du lundi au vendredi, de 9 h à 12 h et de 14 h à 17 h"]],
    ["2e et 4e jeudi 9h30-12h30", "Th[2,4] 09:30-12:30", ["le 2e et le 4e jeudi du mois, de 9 h 30 à 12 h 30"]],
    ["le dernier vendredi du mois 9h30-12h", "Fr[-1] 09:30-12:00", ["le dernier vendredi du mois, de 9 h 30 à 12 h"]],
    ["Mardi et jeudi : 14h - 17h", "Tu,Th 14:00-17:00", ["le mardi et le jeudi, de 14 h à 17 h"]],
    ["Lundi au vendredi : 9h-12h / 14h-17h. Fermé les jours fériés.", "Mo-Fr 09:00-12:00,14:00-17:00; PH off", ["du lundi au vendredi, de 9 h à 12 h et de 14 h à 17 h"]],
    ["Mo-Fr 9-12", "Mo-Fr 09:00-12:00", ["du lundi au vendredi, de 9 h à 12 h"]],
    ["Lu-Ve 09:00-12:00", "Mo-Fr 09:00-12:00", ["du lundi au vendredi, de 9 h à 12 h"]],
    ["Mo–Fr 09:00–12:00", "Mo-Fr 09:00-12:00", ["du lundi au vendredi, de 9 h à 12 h"]],
  ])("« %s » → %s, qui se lit comme ce qui était écrit", (saisi, propose, phrases) => {
    const r = refus(saisi);
    expect(r.suggestion).toBe(propose);
    expect(r.message).toContain(`Proposition à vérifier : ${propose}`);
    expect(verifierHoraires(propose).ok).toBe(true);
    expect(enClair(propose)).toEqual(phrases);
  });

  it("« fermé les jours fériés » → PH off", () => {
    expect(refus("fermé les jours fériés").suggestion).toBe("PH off");
  });

  it('ne répète plus les devinettes absurdes de la bibliothèque (« "Mo" pour "e" », « "," plutôt que "u" »)', () => {
    expect(refus("2e et 4e jeudi 9h30-12h30").message).not.toContain('pour "e"');
    expect(refus("lundi au vendredi 9h-12h 14h-17h").message).not.toContain('plutôt que "u"');
    // The sound hints stay.
    expect(refus("jeudi 9h-12h").message).toContain('Veuillez utiliser l\'abréviation anglaise "Th" pour "jeudi".');
  });

  it.each([
    "un mercredi sur deux 14h-17h", // no syntax says « every other week » from a date the partner has in mind
    "mardi 9h-12h sauf vacances scolaires",
    "lundi 9h",
    "lundi 9h-12h; lundi 14h-17h", // the syntax would keep only the afternoon: not what was meant
    "sur rendez-vous le matin",
  ])("« %s » : aucune proposition plutôt qu'une fausse", (saisi) => {
    const r = refus(saisi);
    expect(r.suggestion).toBeUndefined();
    expect(r.message).not.toContain("Proposition à vérifier");
  });

  it("le traducteur refuse tout mot qu'il ne connaît pas", () => {
    expect(horairesDepuisLeFrancais("jeudi 9h-12h")).toBe("Th 09:00-12:00");
    expect(horairesDepuisLeFrancais("jeudi matin 9h-12h")).toBeUndefined();
    expect(horairesDepuisLeFrancais("9h-12h")).toBeUndefined();
  });
});
