/**
 * Reading a value into the editable form (saisie.ts): the structured form lecture.ts derives from the
 * library's tokens, plus the dated closures at the end of the value, checked day by day against the library.
 */
import { construire } from "./validation";
import { lire } from "./lecture";
import { MINUTES_PAR_JOUR } from "./jours";
import { intervallesDeLaBibliotheque } from "./ouvertures";
import { deux, problemesDeSaisie, RANGS, saisieVide, valeurDepuisSaisie, type FermetureSaisie, type RegleSaisie, type Saisie } from "./saisie";

/** Days over which a read form is checked against the library (a year and a bit: seasons, last weekdays). */
const HORIZON = 400;

type Jeton = [unknown, string];
type EntreeJetons = [Jeton[], boolean];

/** A dated closure rule ("2026 Dec 21-2027 Jan 04 off \"…\""), from its tokens; undefined for any other rule. */
function fermetureDepuisJetons(jetons: Jeton[]): FermetureSaisie | undefined {
  let i = 0;
  const type = (k = 0) => jetons[i + k]?.[1];
  const val = (k = 0) => jetons[i + k]?.[0];
  const date = (): string | undefined => {
    if (type() !== "year" || type(1) !== "month" || type(2) !== "number") return undefined;
    const jour = `${val() as number}-${deux((val(1) as number) + 1)}-${deux(val(2) as number)}`;
    i += 3;
    return jour;
  };
  const du = date();
  if (!du) return undefined;
  let au = du;
  if (type() === "-") {
    i++;
    const fin = date();
    if (!fin) return undefined;
    au = fin;
  }
  if (type() !== "state" || (val() !== "off" && val() !== "closed")) return undefined;
  i++;
  let message = "";
  if (type() === "comment") {
    message = String(val()).trim();
    i++;
  }
  if (i !== jetons.length || au < du) return undefined;
  return { du, au, message };
}

function memes(a: Map<string, unknown>, b: Map<string, unknown>): boolean {
  return JSON.stringify([...a]) === JSON.stringify([...b]);
}

/** The form of a value, or undefined when it cannot hold the value exactly (then: expert mode). */
export function saisieDepuisValeur(valeur: string, aujourdhui: string): Saisie | undefined {
  if (valeur.trim() === "") return saisieVide();
  let regles: EntreeJetons[];
  let oh: ReturnType<typeof construire>;
  try {
    oh = construire(valeur);
    // `get_internals`: see lecture.ts.
    regles = (oh as unknown as { prettifyValue(a: { get_internals: true }): [unknown, EntreeJetons[]] }).prettifyValue({ get_internals: true })[1];
  } catch {
    return undefined;
  }
  // Dated closures come last (a later rule would reopen their days); the rules before them are the rest.
  const fermetures: FermetureSaisie[] = [];
  let n = regles.length;
  while (n > 0) {
    const [jetons, secours] = regles[n - 1]!;
    const f = !secours && jetons[0]?.[1] !== "rule separator" ? fermetureDepuisJetons(jetons) : undefined;
    if (!f) break;
    fermetures.unshift(f);
    n--;
  }
  let reste = valeur;
  if (fermetures.length > 0) {
    if (regles.slice(0, n).some(([jetons, secours]) => secours || jetons[0]?.[1] === "rule separator")) return undefined;
    const prettifier = oh as unknown as { prettifyValue(a: { rule_index: number }): string };
    reste = Array.from({ length: n }, (_, k) => prettifier.prettifyValue({ rule_index: k }).trim()).join("; ");
  }
  const saisie: Saisie = { ...saisieVide(), fermetures };
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
