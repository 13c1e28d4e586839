import { describe, expect, it } from "vitest";
import { verifierHoraires } from "../../src/domain/horaires";
import { intervallesDeLaBibliotheque } from "../../src/domain/horaires/ouvertures";
import { problemesDeSaisie, regleVide, saisieVide, valeurDepuisSaisie, type Saisie } from "../../src/domain/horaires/saisie";
import { saisieDepuisValeur } from "../../src/domain/horaires/saisie-lecture";
import { horairesDuCatalogue } from "../outils/horaires-catalogue";
import { valeursGenerees } from "./horaires-oracle";

/** A Monday, as in horaires.test.ts. */
const JOUR = "2026-12-07";
const memeSens = (a: string, b: string) =>
  JSON.stringify([...intervallesDeLaBibliotheque(a, JOUR, 400)]) === JSON.stringify([...intervallesDeLaBibliotheque(b, JOUR, 400)]);

/** Rows in a fixed order: the form read back lists them as the page does (by first day). */
const dansLOrdre = (s: Saisie | undefined) => s && { ...s, regles: [...s.regles].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) };

describe("saisie des horaires : lecture d'une valeur", () => {
  it("lit des jours, des rangs du mois, une saison, les fériés et des fermetures datées", () => {
    const s = saisieDepuisValeur('Mar-Oct Th[2,4] 09:30-12:30; PH off; 2026 Dec 21-2027 Jan 04 off "Fermeture de fin d\'année"', JOUR);
    expect(s).toEqual({
      saison: { de: 2, a: 9 },
      regles: [{ jours: [3], rangs: [2, 4], plages: [{ debut: 570, fin: 750 }], commentaire: "" }],
      feriesFermes: true,
      fermetures: [{ du: "2026-12-21", au: "2027-01-04", message: "Fermeture de fin d'année" }],
    } satisfies Saisie);
  });

  it("sépare en lignes sans jour commun ce que la syntaxe remplace (« Mo-Fr …; We … »)", () => {
    const s = saisieDepuisValeur("Mo-Fr 09:00-12:00; We 14:00-17:00", JOUR)!;
    expect(s.regles.map((r) => r.jours)).toEqual([[0, 1, 3, 4], [2]]);
    expect(valeurDepuisSaisie(s)).toBe("Mo,Tu,Th,Fr 09:00-12:00; We 14:00-17:00");
  });

  it("ouvre en mode expert ce que le formulaire ne peut pas dire exactement", () => {
    for (const v of ["Mo-Fr 09:00-12:00 || \"sur rendez-vous\"", "Mo[5] 09:00-12:00", "Mo-Fr sunrise-sunset", "week 1-53/2 We 14:00-17:00", "Mo 09:00-12:00; 2026 Dec 21 off; Tu 09:00-12:00", "jeudi 9h-12h"]) {
      expect(saisieDepuisValeur(v, JOUR), v).toBeUndefined();
    }
  });

  it("une valeur vide est un formulaire vide, qui s'écrit vide", () => {
    expect(saisieDepuisValeur("", JOUR)).toEqual(saisieVide());
    expect(valeurDepuisSaisie(saisieVide())).toBe("");
  });
});

// Each value is read over 400 days by the library, twice: seconds on a loaded machine.
describe("saisie des horaires : aller-retour", () => {
  const catalogue = horairesDuCatalogue();

  it(`chacune des ${catalogue.length} valeurs du catalogue s'ouvre dans le formulaire et se réécrit avec le même sens`, () => {
    expect(catalogue.length).toBeGreaterThan(50);
    for (const v of catalogue) {
      const s = saisieDepuisValeur(v, JOUR);
      expect(s, v).toBeDefined();
      const ecrite = valeurDepuisSaisie(s!);
      expect(verifierHoraires(ecrite).ok, `${v} → ${ecrite}`).toBe(true);
      expect(memeSens(v, ecrite), `${v} → ${ecrite}`).toBe(true);
      // Written again from what it wrote: the same text (the form is stable).
      expect(valeurDepuisSaisie(saisieDepuisValeur(ecrite, JOUR)!)).toBe(ecrite);
    }
  }, 60_000);

  it("les valeurs déjà écrites comme le formulaire les écrit se réécrivent à l'octet près", () => {
    const identiques = catalogue.filter((v) => valeurDepuisSaisie(saisieDepuisValeur(v, JOUR)!) === v);
    // Most of the catalogue is in the form's own spelling; the rest differ in spelling only (checked above).
    expect(identiques.length).toBeGreaterThan(catalogue.length * 0.8);
    expect(identiques).toContain("Th[2,4] 09:30-12:30");
    expect(identiques).toContain("24/7");
  }, 60_000);

  it("des formulaires générés s'écrivent en valeurs valides que la bibliothèque lit comme eux", () => {
    const jours = [[0, 1, 2, 3, 4], [1, 3], [5], [2, 4], [0, 1, 2, 3, 4, 5, 6]];
    const rangs = [[], [2, 4], [1, 3], [-1], [1]];
    const plages = [[{ debut: 540, fin: 720 }], [{ debut: 570, fin: 750 }, { debut: 840, fin: 1020 }], [{ debut: 525, fin: 1035 }]];
    const saisons = [null, { de: 2, a: 9 }, { de: 10, a: 2 }];
    let n = 0;
    for (const [k, j] of jours.entries()) {
      for (const r of rangs) {
        for (const p of plages) {
          const s: Saisie = {
            saison: saisons[n % 3]!,
            regles: [{ jours: j, rangs: r, plages: p, commentaire: n % 4 === 0 ? "sur rendez-vous" : "" }, ...(k === 2 ? [] : [{ ...regleVide(), jours: [6], plages: [{ debut: 600, fin: 660 }] }])],
            feriesFermes: n % 2 === 0,
            fermetures: n % 5 === 0 ? [{ du: "2026-12-24", au: "2027-01-02", message: "Congés" }] : [],
          };
          if (k === 4 && s.regles.length > 1) s.regles.pop(); // Sunday is already in the row
          n++;
          expect(problemesDeSaisie(s)).toEqual([]);
          const v = valeurDepuisSaisie(s);
          expect(verifierHoraires(v).ok, v).toBe(true);
          // The library reads what the form says: the same form comes back.
          expect(dansLOrdre(saisieDepuisValeur(v, JOUR)), v).toEqual(dansLOrdre(s));
        }
      }
    }
    expect(n).toBe(75);
  }, 60_000);

  it("les valeurs de l'oracle des mots que le formulaire accepte gardent leur sens", () => {
    let lues = 0;
    for (const v of valeursGenerees()) {
      const s = saisieDepuisValeur(v, JOUR);
      if (!s) continue;
      lues++;
      expect(memeSens(v, valeurDepuisSaisie(s)), v).toBe(true);
    }
    expect(lues).toBeGreaterThan(20);
  }, 60_000);
});

describe("saisie des horaires : problèmes dits en français", () => {
  it("refuse une ligne sans jour, un jour sur deux lignes et une fermeture à l'envers", () => {
    const s: Saisie = {
      ...saisieVide(),
      regles: [{ ...regleVide(), jours: [] }, { ...regleVide(), jours: [0, 3] }, { ...regleVide(), jours: [3], rangs: [2] }],
      fermetures: [{ du: "2027-01-04", au: "2026-12-21", message: "" }],
    };
    expect(problemesDeSaisie(s)).toEqual([
      "Ligne 1 : cochez au moins un jour.",
      "Lignes 2 et 3 : le jeudi est dans les deux ; mettez toutes ses plages sur une seule ligne.",
      "Fermeture 1 : la date de fin est avant la date de début.",
    ]);
  });

  it("accepte le 2e jeudi sur une ligne et le 4e sur une autre, et les écrit", () => {
    const s: Saisie = { ...saisieVide(), regles: [{ ...regleVide(), jours: [3], rangs: [2] }, { ...regleVide(), jours: [3], rangs: [4], plages: [{ debut: 840, fin: 1020 }] }] };
    expect(problemesDeSaisie(s)).toEqual([]);
    expect(valeurDepuisSaisie(s)).toBe("Th[2] 09:00-12:00; Th[4] 14:00-17:00");
  });
});

describe("heures d'une plage choisies dans le formulaire", () => {
  it("a range whose end comes before its start passes midnight, whichever time is changed", async () => {
    const { avecDebut, avecFin, valeurDepuisSaisie, regleVide, saisieVide } = await import("../../src/domain/horaires/saisie");
    expect(avecFin({ debut: 18 * 60 + 30, fin: 20 * 60 }, 9 * 60)).toEqual({ debut: 1110, fin: 1440 + 540 });
    expect(avecDebut({ debut: 9 * 60, fin: 12 * 60 }, 14 * 60)).toEqual({ debut: 840, fin: 1440 + 720 });
    expect(avecDebut({ debut: 18 * 60, fin: 1440 + 9 * 60 }, 8 * 60)).toEqual({ debut: 480, fin: 540 });
    // What the widget writes for « 18:30 à 09:00 » on Fridays.
    const s = saisieVide();
    s.regles = [{ ...regleVide(), jours: [4], plages: [avecFin({ debut: 1110, fin: 1200 }, 540)] }];
    expect(valeurDepuisSaisie(s)).toBe("Fr 18:30-09:00");
  });
});
