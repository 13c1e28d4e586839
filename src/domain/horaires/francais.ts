/**
 * Hours typed in French words (« lundi au vendredi 9h-12h 14h-17h », « 2e et 4e jeudi 9h30-12h30 »,
 * « fermé les jours fériés »), written in the standard syntax: the validator's suggested fix. Deliberately
 * narrow: any word it does not know gives no suggestion rather than a guess (a wrong suggestion is worse
 * than none). The validator still checks what this writes.
 */
import { valeurDepuisSaisie, type PlageSaisie, type RegleSaisie, type Saisie } from "./saisie";

const JOURS: Record<string, number> = {};
[
  ["lundi", "lun", "lu", "mo"],
  ["mardi", "mar", "ma", "tu"],
  ["mercredi", "mer", "me", "we"],
  ["jeudi", "jeu", "je", "th"],
  ["vendredi", "ven", "ve", "fr"],
  ["samedi", "sam", "sa"],
  ["dimanche", "dim", "di", "su"],
].forEach((mots, j) => mots.forEach((m) => (JOURS[m] = j)));

const RANGS: Record<string, number> = {
  "1er": 1, "1re": 1, "1ere": 1, premier: 1, premiere: 1,
  "2e": 2, "2eme": 2, "2nd": 2, deuxieme: 2, second: 2,
  "3e": 3, "3eme": 3, troisieme: 3,
  "4e": 4, "4eme": 4, quatrieme: 4,
  dernier: -1, derniere: -1,
};

/** Words that carry nothing here (« du lundi au vendredi, de 9 h à 12 h », « du mois »). */
const VIDES = new Set(["le", "les", "la", "l", "du", "de", "d", "des", "mois", "chaque", "tous", "toutes", "ouvert", "ouverte", "et", ":"]);
const INTERVALLE = new Set(["au", "a", "-", "jusqu"]);

type Mot = { t: "jour"; j: number } | { t: "rang"; r: number } | { t: "heure"; m: number } | { t: "a" } | { t: "fin" } | { t: "ferme" } | { t: "feries" };

function mots(texte: string): Mot[] | undefined {
  const normal = texte
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[–—]/g, "-")
    .replace(/[’']/g, " ")
    .replace(/(\d)\s*h\s*(\d{2})\b/g, "$1:$2")
    .replace(/(\d)\s*h\b/g, "$1:00")
    .replace(/\bmidi\b/g, "12:00")
    .replace(/\bjours? (feries?|ferie)\b/g, "feries")
    .replace(/([;,.\-/:])(?!\d)/g, " $1 ")
    .replace(/(\d)-/g, "$1 - ");
  const resultat: Mot[] = [];
  for (const m of normal.split(/\s+/).filter(Boolean)) {
    if (m in JOURS || (m.endsWith("s") && m.slice(0, -1) in JOURS && m.length > 4)) resultat.push({ t: "jour", j: JOURS[m] ?? JOURS[m.slice(0, -1)]! });
    else if (m in RANGS) resultat.push({ t: "rang", r: RANGS[m]! });
    else if (/^\d{1,2}(:\d{2})?$/.test(m)) {
      const [h, min] = m.split(":").map(Number) as [number, number?];
      if (h > 24 || (min ?? 0) > 59) return undefined;
      resultat.push({ t: "heure", m: h * 60 + (min ?? 0) });
    } else if (INTERVALLE.has(m)) resultat.push({ t: "a" });
    else if (m === ";" || m === "." || m === "/" || m === ",") resultat.push({ t: "fin" });
    else if (m === "ferme" || m === "fermee" || m === "fermeture") resultat.push({ t: "ferme" });
    else if (m === "feries") resultat.push({ t: "feries" });
    else if (!VIDES.has(m)) return undefined; // a word not known here: no guess
  }
  return resultat;
}

/** The standard syntax of hours said in French words, or undefined when the words are not all understood. */
export function horairesDepuisLeFrancais(texte: string): string | undefined {
  const liste = mots(texte);
  if (!liste || liste.length === 0) return undefined;
  const saisie: Saisie = { saison: null, regles: [], feriesFermes: false, fermetures: [] };
  let regle: RegleSaisie | undefined;
  let rangs: number[] = [];
  let i = 0;
  const suivant = () => liste[i];
  while (i < liste.length) {
    const m = liste[i]!;
    if (m.t === "ferme") {
      if (liste[i + 1]?.t !== "feries") return undefined;
      saisie.feriesFermes = true;
      i += 2;
    } else if (m.t === "rang") {
      if (regle && regle.plages.length > 0) regle = undefined;
      rangs.push(m.r);
      i++;
    } else if (m.t === "jour") {
      if (!regle || regle.plages.length > 0) {
        regle = { jours: [], rangs: [], plages: [], commentaire: "" };
        saisie.regles.push(regle);
      }
      if (rangs.length > 0) {
        // « 2e et 4e jeudi »: one row per set of ranks.
        if (regle.jours.length > 0 && regle.rangs.join() !== rangs.join()) return undefined;
        regle.rangs = [...rangs];
        rangs = [];
      } else if (regle.rangs.length > 0) return undefined;
      i++;
      if (suivant()?.t === "a" && liste[i + 1]?.t === "jour") {
        if (regle.rangs.length > 0) return undefined;
        const fin = (liste[i + 1] as { j: number }).j;
        for (let j = m.j; ; j = (j + 1) % 7) {
          regle.jours.push(j);
          if (j === fin) break;
        }
        i += 2;
      } else regle.jours.push(m.j);
    } else if (m.t === "heure") {
      if (!regle || regle.jours.length === 0 || rangs.length > 0) return undefined;
      if (liste[i + 1]?.t !== "a" || liste[i + 2]?.t !== "heure") return undefined;
      const debut = m.m;
      let fin = (liste[i + 2] as { m: number }).m;
      if (fin === debut) return undefined;
      if (fin < debut) fin += 24 * 60;
      regle.plages.push({ debut, fin } satisfies PlageSaisie);
      i += 3;
    } else if (m.t === "fin") {
      i++;
    } else return undefined;
  }
  if (rangs.length > 0 || saisie.regles.some((r) => r.plages.length === 0 || r.jours.length === 0)) return undefined;
  if (saisie.regles.length === 0 && !saisie.feriesFermes) return undefined;
  const jours = saisie.regles.flatMap((r) => r.jours);
  if (new Set(jours).size !== jours.length) return undefined; // a day in two rows: the syntax's later row would replace the first
  return valeurDepuisSaisie(saisie);
}
