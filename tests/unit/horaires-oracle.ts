/**
 * The oracle of the opening-hours words: for each value and each day of a range, what the structured form
 * (and so the words printed from it) claims, against what the opening_hours library says. Run in this
 * process and in child processes under other time zones (horaires.test.ts).
 */
import { lireHoraires, verifierHoraires } from "../../src/domain/horaires";
import { jourPlus } from "../../src/domain/dates";
import { intervallesAnnonces, lire } from "../../src/domain/horaires/lecture";
import { intervallesDeLaBibliotheque, joursFeries } from "../../src/domain/horaires/ouvertures";

export interface ResultatOracle {
  valeur: string;
  /** false: the value is not said in words (the page lists the next openings instead). */
  enMots: boolean;
  lignes: string[];
  prochaines: string[];
  /** Days where the words claim something else than the library: "jour: annoncé ≠ bibliothèque". */
  ecarts: string[];
  /** The library's open intervals over the range, as text (to compare between time zones). */
  bibliotheque: string;
}

export function oracle(valeurs: string[], debut: string, nombre: number): ResultatOracle[] {
  const feries = joursFeries(debut, nombre);
  return valeurs.map((valeur) => {
    const lecture = lire(valeur);
    const jours = intervallesDeLaBibliotheque(valeur, debut, nombre);
    const ecarts: string[] = [];
    if (lecture) {
      for (let n = 0; n < nombre; n++) {
        const jour = jourPlus(debut, n);
        const annonce = JSON.stringify(intervallesAnnonces(lecture, jour, feries.has(jour)));
        const dit = JSON.stringify(jours.get(jour));
        if (annonce !== dit) ecarts.push(`${jour}: ${annonce} ≠ ${dit}`);
      }
    }
    const lu = lireHoraires(valeur, debut);
    return {
      valeur,
      enMots: lecture !== undefined,
      lignes: (lu?.lignes ?? []).map((l) => `${l.jours} : ${l.heures}`),
      prochaines: lu?.prochaines ?? [],
      ecarts: ecarts.slice(0, 3),
      bibliotheque: JSON.stringify([...jours]),
    };
  });
}

/** Values of every shape the words say, combined: months, weekdays, nth weekdays, overrides, additions, PH, comments, night. */
export function valeursGenerees(): string[] {
  const mois = ["", "Mar-Oct ", "Nov-Mar ", "Jan,Jul-Aug ", "Sep "];
  const jours = ["Mo-Fr", "Tu[1,3]", "Th[2,4]", "Fr[-1]", "Sa", "Mo,We", "Su-Tu", "We[1],Fr", "Mo[2-3]", "Tu[-1,1]"];
  const heures = ["09:00-12:00", "09:30-12:30,14:00-17:00", "08:45-17:15", '10:00-12:00 "sur rendez-vous"', "18:30-09:00"];
  const suites = ["", "; We 14:00-17:00", "; Th[2] off", "; Sa off", ", We 13:00-15:00", '; Sa "sur rendez-vous"', "; Dec off", "; Tu[1] 14:00-16:00"];
  const valeurs: string[] = [];
  let k = 0;
  for (const m of mois) {
    for (const j of jours) {
      for (const h of heures) {
        // A diagonal through the combinations keeps the test to a few hundred values covering every pair.
        const suite = suites[k % suites.length]!;
        const ferie = k % 3 === 0 ? "; PH off" : "";
        valeurs.push(`${m}${j} ${h}${suite}${ferie}`);
        k++;
      }
    }
  }
  valeurs.push("24/7", "24/7; PH off", "Mo-Su 22:00-02:00", '"sur rendez-vous"', 'Mo-Fr 09:00-12:00; Sa "sur rendez-vous"; PH off');
  // Some combinations are refused by the library ("Sep Tu[1,3]"): only valid values reach a page.
  return valeurs.filter((v) => verifierHoraires(v).ok);
}
