/**
 * Dated closures inside an `opening_hours` value: rules such as `2026 Dec 21-2027 Jan 04 off "Congés"` at the
 * value's end (a later rule would reopen their days). They are how a temporary closure is stored, so that it
 * travels with the hours in the data·inclusion export. Read from the library's own tokens (no second parser).
 */
import { construire } from "./bibliotheque";
import { deux } from "./saisie";

type Jeton = [unknown, string];
type EntreeJetons = [Jeton[], boolean];

export interface Fermeture {
  /** YYYY-MM-DD, `au` ≥ `du`. */
  du: string;
  au: string;
  message: string;
}

/** Offsets of the `;` that separate rules (outside comments). */
function separateurs(valeur: string): number[] {
  const positions: number[] = [];
  let dansCommentaire = false;
  for (let i = 0; i < valeur.length; i++) {
    if (valeur[i] === '"') dansCommentaire = !dansCommentaire;
    else if (valeur[i] === ";" && !dansCommentaire) positions.push(i);
  }
  return positions;
}

/** A dated closure rule, from its tokens; undefined for any other rule. */
function fermetureDepuisJetons(jetons: Jeton[]): Fermeture | undefined {
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

export interface HorairesSepares {
  /** The value without its trailing dated closures ("" when it held nothing else). */
  reste: string;
  /** The dated closures, in the value's order. */
  fermetures: Fermeture[];
  /** Offset in the value where the closures begin (the library's warnings give such offsets). */
  debut?: number;
}

const separes = new Map<string, HorairesSepares | undefined>();

/**
 * The regular hours and the dated closures of a value; undefined when the library cannot read it, or when a
 * closure follows a rule the split cannot rewrite (`||` fallbacks, `,` additional rules).
 */
export function separerFermetures(valeur: string): HorairesSepares | undefined {
  if (separes.has(valeur)) return separes.get(valeur);
  let resultat: HorairesSepares | undefined;
  try {
    const oh = construire(valeur);
    // `get_internals`: see lecture.ts.
    const regles = (oh as unknown as { prettifyValue(a: { get_internals: true }): [unknown, EntreeJetons[]] }).prettifyValue({ get_internals: true })[1];
    const fermetures: Fermeture[] = [];
    let n = regles.length;
    while (n > 0) {
      const [jetons, secours] = regles[n - 1]!;
      const f = !secours && jetons[0]?.[1] !== "rule separator" ? fermetureDepuisJetons(jetons) : undefined;
      if (!f) break;
      fermetures.unshift(f);
      n--;
    }
    if (fermetures.length === 0) resultat = { reste: valeur, fermetures };
    else if (regles.slice(0, n).some(([jetons, secours]) => secours || jetons[0]?.[1] === "rule separator")) resultat = undefined;
    else {
      const prettifier = oh as unknown as { prettifyValue(a: { rule_index: number }): string };
      const reste = Array.from({ length: n }, (_, k) => prettifier.prettifyValue({ rule_index: k }).trim()).join("; ");
      const fins = separateurs(valeur);
      // One `;` per rule boundary: the closures start after the separator before the first of them.
      const debut = fins.length === regles.length - 1 ? (n === 0 ? 0 : fins[n - 1]! + 1) : undefined;
      resultat = { reste, fermetures, ...(debut !== undefined ? { debut } : {}) };
    }
  } catch {
    resultat = undefined;
  }
  if (separes.size > 5_000) separes.clear();
  separes.set(valeur, resultat);
  return resultat;
}
