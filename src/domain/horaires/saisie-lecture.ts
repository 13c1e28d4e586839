/**
 * Reading a value into the editable form (saisie.ts): the structured form lecture.ts derives from the
 * library's tokens, plus the dated closures at the end of the value, checked day by day against the library.
 */
import { lire } from "./lecture";
import { MINUTES_PAR_JOUR } from "./jours";
import { intervallesDeLaBibliotheque } from "./ouvertures";
import { separerFermetures } from "./fermetures";
import { problemesDeSaisie, RANGS, saisieVide, valeurDepuisSaisie, type RegleSaisie, type Saisie } from "./saisie";

/** Days over which a read form is checked against the library (a year and a bit: seasons, last weekdays). */
const HORIZON = 400;

function memes(a: Map<string, unknown>, b: Map<string, unknown>): boolean {
  return JSON.stringify([...a]) === JSON.stringify([...b]);
}

/** The form of a value, or undefined when it cannot hold the value exactly (then: expert mode). */
export function saisieDepuisValeur(valeur: string, aujourdhui: string): Saisie | undefined {
  if (valeur.trim() === "") return saisieVide();
  const separe = separerFermetures(valeur);
  if (!separe) return undefined;
  const { reste, fermetures } = separe;
  const saisie: Saisie = { ...saisieVide(), fermetures: fermetures.map((f) => ({ ...f })) };
  if (reste.trim() !== "") {
    const lecture = lire(reste);
    if (!lecture) return undefined;
    saisie.feriesFermes = lecture.feriesFermes;
    const mois = lecture.lignes[0]?.mois;
    for (const l of lecture.lignes) {
      if (JSON.stringify(l.mois) !== JSON.stringify(mois)) return undefined; // one season for the whole value
      if (l.commentaire && !l.inconnu) return undefined; // "open \"…\"": not held
      const plages = l.plages.length === 1 && l.plages[0]!.debut === 0 && l.plages[0]!.fin === MINUTES_PAR_JOUR && l.commentaire ? [] : l.plages;
      const parRangs = new Map<string, RegleSaisie>();
      for (const j of l.jours) {
        const rangs = j.rangs ?? [];
        if (rangs.some((r) => !(RANGS as readonly number[]).includes(r))) return undefined;
        const cle = rangs.join(",");
        const regle = parRangs.get(cle) ?? { jours: [], rangs, plages: plages.map((p) => ({ ...p })), commentaire: l.commentaire ?? "" };
        regle.jours.push(j.jour);
        parRangs.set(cle, regle);
      }
      saisie.regles.push(...parRangs.values());
    }
    if (mois) {
      const debut = mois.find((m) => !mois.includes((m + 11) % 12));
      if (debut === undefined) return undefined;
      const fin = (debut + mois.length - 1) % 12;
      for (let k = 0; k < mois.length; k++) if (!mois.includes((debut + k) % 12)) return undefined; // one run of months
      saisie.saison = { de: debut, a: fin };
    }
  }
  // Held exactly: what the form writes is what the library reads in the value, day by day.
  try {
    const ecrite = valeurDepuisSaisie(saisie);
    if (problemesDeSaisie(saisie).length > 0) return undefined;
    if (!memes(intervallesDeLaBibliotheque(valeur, aujourdhui, HORIZON), intervallesDeLaBibliotheque(ecrite, aujourdhui, HORIZON))) return undefined;
  } catch {
    return undefined;
  }
  return saisie;
}
