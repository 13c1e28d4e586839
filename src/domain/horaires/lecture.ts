/**
 * A structured form of an `opening_hours` value, from the library's own reading (its tokens, through
 * `prettifyValue({ get_internals: true })`), that words can say exactly: lines of days (weekdays, nth
 * weekday of the month, months) with their hours, no two lines sharing a day, and « closed on public
 * holidays ». Only the shapes this form can hold are read; anything else (fallback rules `||`, open
 * ends, weeks, dates, school holidays, sun times, overlaps the words could not say…) gives `undefined`,
 * and the page lists the next openings computed by the library instead.
 *
 * `intervallesAnnonces` is what the form claims for a day: the oracle test holds it against the library.
 */
import { construire } from "./bibliotheque";
import { fusionner, MINUTES_PAR_JOUR, type Intervalle } from "./jours";

export interface Plage {
  /** Minutes since midnight; `fin` may pass 1440 (open over midnight: 18:30-09:00 is 1110–1980). */
  debut: number;
  fin: number;
}

/** A weekday (0 = Monday) on every week, or on some weeks of the month (1 = first, -1 = last). */
export interface JourLu {
  jour: number;
  rangs?: number[];
}

export interface LigneLue {
  /** Months (0 = January) when the line applies; absent: all year. */
  mois?: number[];
  jours: JourLu[];
  plages: Plage[];
  /** A comment without a state: the library calls these hours « unknown » ("sur rendez-vous"). */
  inconnu: boolean;
  commentaire?: string;
}

export interface Lecture {
  /** No two lines apply to the same day. */
  lignes: LigneLue[];
  feriesFermes: boolean;
}

/* ---------- Selectors and the library's override rule ---------- */

const TOUS_LES_MOIS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const TOUS_LES_RANGS = [1, 2, 3, 4, 5];

/** Weekday → ranks of the month (null: every week). */
type Jours = Map<number, Set<number> | null>;

interface Selecteur {
  mois: Set<number>;
  jours: Jours;
}

interface Regle {
  selecteur: Selecteur;
  avecDate: boolean;
  feries: boolean;
  additionnelle: boolean;
  ferme: boolean;
  plages: Plage[];
  commentaire?: string;
  inconnu: boolean;
}

type Jeton = [unknown, string, ...unknown[]];

function tousLesJours(): Jours {
  return new Map([0, 1, 2, 3, 4, 5, 6].map((j) => [j, null]));
}

function plageCirculaire(de: number, a: number, taille: number): number[] {
  const r: number[] = [];
  for (let i = de; ; i = (i + 1) % taille) {
    r.push(i);
    if (i === a) return r;
  }
}

/** One rule's tokens, or undefined when the rule holds something the structured form cannot say. */
function lireRegle(jetons: Jeton[], additionnelle: boolean): Regle | undefined {
  let i = 0;
  const type = (k = 0) => jetons[i + k]?.[1];
  const val = (k = 0) => jetons[i + k]?.[0];
  if (type() === "rule separator") {
    if (val() !== ",") return undefined;
    i++;
  }
  if (type() === "24/7") {
    i++;
    if (i !== jetons.length) return undefined;
    return {
      selecteur: { mois: new Set(TOUS_LES_MOIS), jours: tousLesJours() },
      avecDate: false, feries: false, additionnelle, ferme: false, plages: [{ debut: 0, fin: MINUTES_PAR_JOUR }], inconnu: false,
    };
  }
  let mois: Set<number> | undefined;
  while (type() === "month") {
    const de = val() as number;
    let a = de;
    i++;
    if (type() === "-" && type(1) === "month") {
      a = val(1) as number;
      i += 2;
    }
    mois ??= new Set();
    for (const m of plageCirculaire(de, a, 12)) mois.add(m);
    if (type() === "," && type(1) === "month") i++;
    else break;
  }
  if (mois && type() === "timesep") i++; // "Nov-Mar: Mo-Su …"
  let feries = false;
  if (type() === "holiday") {
    if (val() !== "PH" || mois) return undefined;
    feries = true;
    i++;
  }
  let jours: Jours | undefined;
  while (type() === "weekday") {
    const de = ((val() as number) + 6) % 7;
    jours ??= new Map();
    i++;
    if (type() === "-" && type(1) === "weekday") {
      for (const j of plageCirculaire(de, ((val(1) as number) + 6) % 7, 7)) jours.set(j, null);
      i += 2;
    } else if (type() === "[") {
      i++;
      const rangs = new Set<number>();
      for (;;) {
        const signe = type() === "-" ? -1 : 1;
        if (signe < 0) i++;
        if (type() !== "number") return undefined;
        const r = val() as number;
        i++;
        if (signe > 0 && type() === "-" && type(1) === "number") {
          for (let k = r; k <= (val(1) as number); k++) rangs.add(k);
          i += 2;
        } else {
          rangs.add(signe * r);
        }
        if (type() === ",") i++;
        else break;
      }
      if (type() !== "]") return undefined;
      i++;
      const deja = jours.get(de);
      if (jours.has(de) && deja === null) continue;
      jours.set(de, new Set([...(deja ?? []), ...rangs]));
    } else {
      jours.set(de, null);
    }
    if (type() === "," && type(1) === "weekday") i++;
    else break;
  }
  const plages: Plage[] = [];
  while (type() === "number" && type(1) === "timesep" && type(2) === "number" && type(3) === "-" &&
    type(4) === "number" && type(5) === "timesep" && type(6) === "number") {
    const debut = (val() as number) * 60 + (val(2) as number);
    let fin = (val(4) as number) * 60 + (val(6) as number);
    if (fin === debut) return undefined;
    if (fin < debut) fin += MINUTES_PAR_JOUR;
    plages.push({ debut, fin });
    i += 7;
    if (type() === "," && type(1) === "number") i++;
    else break;
  }
  let ferme = false;
  let etatExplicite = false;
  if (type() === "state") {
    const etat = val();
    if (etat === "off" || etat === "closed") ferme = true;
    else if (etat !== "open") return undefined;
    etatExplicite = true;
    i++;
  }
  let commentaire: string | undefined;
  if (type() === "comment") {
    commentaire = String(val()).trim() || undefined;
    i++;
  }
  if (i !== jetons.length) return undefined;
  if (ferme && (commentaire || plages.length > 0)) return undefined; // a closing comment or closed hours: not said
  return {
    selecteur: { mois: mois ?? new Set(TOUS_LES_MOIS), jours: jours ?? tousLesJours() },
    avecDate: mois !== undefined || jours !== undefined || feries,
    feries,
    additionnelle,
    ferme,
    plages: plages.length > 0 ? plages : [{ debut: 0, fin: MINUTES_PAR_JOUR }],
    ...(commentaire ? { commentaire } : {}),
    inconnu: commentaire !== undefined && !etatExplicite,
  };
}

interface LigneInterne {
  selecteur: Selecteur;
  plages: Plage[];
  inconnu: boolean;
  commentaire?: string;
}

/**
 * `ligne` minus the days of `retire` (a later rule replaces the earlier ones on its days), as lines, or
 * undefined when the rest cannot be said (a rank counted from the end against one counted from the start).
 */
function soustraire(ligne: LigneInterne, retire: Selecteur): LigneInterne[] | undefined {
  const communs = new Set([...ligne.selecteur.mois].filter((m) => retire.mois.has(m)));
  if (communs.size === 0) return [ligne];
  const jours: Jours = new Map(ligne.selecteur.jours);
  for (const [jour, rangsRetires] of retire.jours) {
    if (!jours.has(jour)) continue;
    if (rangsRetires === null) {
      jours.delete(jour);
      continue;
    }
    const rangs = jours.get(jour) ?? new Set(TOUS_LES_RANGS);
    const signes = new Set([...rangs, ...rangsRetires].map(Math.sign));
    if (signes.size > 1) return undefined;
    const reste = new Set([...rangs].filter((r) => !rangsRetires.has(r)));
    if (reste.size === 0) jours.delete(jour);
    else jours.set(jour, reste);
  }
  const resultat: LigneInterne[] = [];
  const autresMois = new Set([...ligne.selecteur.mois].filter((m) => !retire.mois.has(m)));
  if (autresMois.size > 0) resultat.push({ ...ligne, selecteur: { mois: autresMois, jours: ligne.selecteur.jours } });
  if (jours.size > 0) resultat.push({ ...ligne, selecteur: { mois: communs, jours } });
  return resultat;
}

/* ---------- From lines that may overlap to lines that do not ---------- */

const cleMois = (mois: Set<number>) => [...mois].sort((a, b) => a - b).join(",");

function intervallesDeLigne(l: LigneInterne): Intervalle[] {
  return l.plages.map((p) => ({ debut: p.debut, fin: p.fin, inconnu: l.inconnu, ...(l.commentaire ? { commentaire: l.commentaire } : {}) }));
}

/** One day's hours from several lines: undefined when they overlap (the words could not say which wins). */
function reunir(intervalles: Intervalle[]): Intervalle[] | undefined {
  const tries = [...intervalles].sort((a, b) => a.debut - b.debut);
  for (let k = 1; k < tries.length; k++) {
    const avant = tries[k - 1]!;
    const i = tries[k]!;
    if (i.debut < avant.fin && (i.inconnu !== avant.inconnu || i.commentaire !== avant.commentaire)) return undefined;
  }
  const r = fusionner(tries);
  // An all-day comment ("sur rendez-vous") beside hours would read as two claims on the same day.
  if (r.length > 1 && r.some((i) => i.debut === 0 && i.fin >= MINUTES_PAR_JOUR)) return undefined;
  return r;
}

const cleIntervalles = (l: Intervalle[]) => JSON.stringify(l.map((i) => [i.debut, i.fin, i.inconnu, i.commentaire ?? null]));

function rangsSeChevauchent(a: Set<number> | null, b: Set<number> | null): boolean {
  if (a === null || b === null) return true;
  if ([...a, ...b].some((r) => r < 0) && [...a, ...b].some((r) => r > 0)) return true; // last may be 4th or 5th
  return [...a].some((r) => b.has(r));
}

function ordonner(lignes: LigneLue[]): LigneLue[] {
  const premier = (l: LigneLue) => Math.min(...l.jours.map((j) => j.jour + (j.rangs ? 0.5 : 0)));
  const debutMois = (l: LigneLue) => l.mois?.[0] ?? -1;
  return lignes.sort((a, b) => debutMois(a) - debutMois(b) || premier(a) - premier(b) || (a.plages[0]?.debut ?? 0) - (b.plages[0]?.debut ?? 0));
}

function lignesSansChevauchement(internes: LigneInterne[]): LigneLue[] | undefined {
  // Lines of different month sets must not share a day.
  for (let a = 0; a < internes.length; a++) {
    for (let b = a + 1; b < internes.length; b++) {
      const la = internes[a]!.selecteur;
      const lb = internes[b]!.selecteur;
      if (cleMois(la.mois) === cleMois(lb.mois)) continue;
      if (![...la.mois].some((m) => lb.mois.has(m))) continue;
      for (const [jour, rangs] of la.jours) {
        if (lb.jours.has(jour) && rangsSeChevauchent(rangs, lb.jours.get(jour)!)) return undefined;
      }
    }
  }
  const parMois = new Map<string, LigneInterne[]>();
  for (const l of internes) parMois.set(cleMois(l.selecteur.mois), [...(parMois.get(cleMois(l.selecteur.mois)) ?? []), l]);
  const resultat: LigneLue[] = [];
  for (const groupe of parMois.values()) {
    const mois = [...groupe[0]!.selecteur.mois].sort((a, b) => a - b);
    // Each (weekday, ranks) of the group with its hours; every-week days first, then the ranked ones.
    const parJour = new Map<number, Intervalle[]>();
    const classes: { jour: number; rangs: Set<number>; intervalles: Intervalle[] }[] = [];
    for (const l of groupe) {
      for (const [jour, rangs] of l.selecteur.jours) {
        if (rangs === null) parJour.set(jour, [...(parJour.get(jour) ?? []), ...intervallesDeLigne(l)]);
      }
    }
    for (const l of groupe) {
      for (const [jour, rangs] of l.selecteur.jours) {
        if (rangs === null) continue;
        if (parJour.has(jour)) return undefined;
        const meme = classes.find((c) => c.jour === jour && [...c.rangs].every((r) => rangs.has(r)) && c.rangs.size === rangs.size);
        if (meme) {
          meme.intervalles.push(...intervallesDeLigne(l));
          continue;
        }
        if (classes.some((c) => c.jour === jour && rangsSeChevauchent(c.rangs, rangs))) return undefined;
        classes.push({ jour, rangs: new Set(rangs), intervalles: intervallesDeLigne(l) });
      }
    }
    const parHeures = new Map<string, { intervalles: Intervalle[]; jours: JourLu[] }>();
    const ajouter = (intervalles: Intervalle[] | undefined, jour: JourLu): boolean => {
      if (!intervalles) return false;
      const cle = cleIntervalles(intervalles);
      const entree = parHeures.get(cle) ?? { intervalles, jours: [] };
      const memeJour = entree.jours.find((j) => j.jour === jour.jour && j.rangs && jour.rangs);
      if (memeJour) memeJour.rangs = [...memeJour.rangs!, ...jour.rangs!].sort((a, b) => (a < 0 ? 10 - a : a) - (b < 0 ? 10 - b : b));
      else entree.jours.push(jour);
      parHeures.set(cle, entree);
      return true;
    };
    for (const [jour, intervalles] of [...parJour].sort((a, b) => a[0] - b[0])) {
      if (!ajouter(reunir(intervalles), { jour })) return undefined;
    }
    for (const c of classes) {
      const rangs = [...c.rangs].sort((a, b) => (a < 0 ? 10 - a : a) - (b < 0 ? 10 - b : b));
      if (!ajouter(reunir(c.intervalles), { jour: c.jour, rangs })) return undefined;
    }
    for (const { intervalles, jours } of parHeures.values()) {
      const inconnu = intervalles[0]!.inconnu;
      const commentaire = intervalles[0]!.commentaire;
      // One state and one comment per line, so that the words say them once.
      if (intervalles.some((i) => i.inconnu !== inconnu || i.commentaire !== commentaire)) return undefined;
      resultat.push({
        ...(mois.length < 12 ? { mois } : {}),
        jours,
        plages: intervalles.map((i) => ({ debut: i.debut, fin: i.fin })),
        inconnu,
        ...(commentaire ? { commentaire } : {}),
      });
    }
  }
  return ordonner(resultat);
}

/* ---------- The whole value ---------- */

type EntreeJetons = [Jeton[], boolean, ...unknown[]];

/** The structured form of a value, or undefined when it holds a shape the words cannot say exactly. */
export function lire(valeur: string): Lecture | undefined {
  let jetons: EntreeJetons[];
  try {
    // `get_internals` is documented in the library's source, not in its types: the tokens of each rule.
    const oh = construire(valeur) as unknown as { prettifyValue(a: { get_internals: true }): [unknown, EntreeJetons[]] };
    jetons = oh.prettifyValue({ get_internals: true })[1];
  } catch {
    return undefined;
  }
  const regles: Regle[] = [];
  for (const [liste, secours] of jetons) {
    if (liste.length === 0) continue;
    if (secours) return undefined; // "||": depends on what the previous rules leave open
    const additionnelle = liste[0]?.[1] === "rule separator";
    const regle = lireRegle(liste, additionnelle);
    if (!regle) return undefined;
    regles.push(regle);
  }
  if (regles.length === 0) return undefined;
  let lignes: LigneInterne[] = [];
  let feriesFermes = false;
  for (const [k, r] of regles.entries()) {
    if (r.feries) {
      // Only "PH off" as the last rule: said « fermé les jours fériés ».
      const seul = r.selecteur.mois.size === 12 && [...r.selecteur.jours.values()].every((v) => v === null) && r.selecteur.jours.size === 7;
      if (!r.ferme || r.additionnelle || k !== regles.length - 1 || !seul) return undefined;
      feriesFermes = true;
      continue;
    }
    // The library's rule for a rule without any day or month selector depends on its neighbours: not said.
    if (!r.avecDate && regles.filter((x) => !x.feries).length > 1) return undefined;
    if (r.plages.some((p) => p.fin > MINUTES_PAR_JOUR) && regles.filter((x) => !x.feries).length > 1) return undefined;
    if (r.additionnelle) {
      if (r.ferme) return undefined;
    } else {
      const restes: LigneInterne[] = [];
      for (const l of lignes) {
        const reste = soustraire(l, r.selecteur);
        if (!reste) return undefined;
        restes.push(...reste);
      }
      lignes = restes;
    }
    if (!r.ferme) {
      lignes.push({ selecteur: r.selecteur, plages: r.plages, inconnu: r.inconnu, ...(r.commentaire ? { commentaire: r.commentaire } : {}) });
    }
  }
  const finales = lignesSansChevauchement(lignes);
  return finales ? { lignes: finales, feriesFermes } : undefined;
}

/* ---------- What the form claims, day by day ---------- */

function joursDuMois(annee: number, mois: number): number {
  return new Date(Date.UTC(annee, mois + 1, 0)).getUTCDate();
}

function ligneSApplique(l: LigneLue, jour: string): boolean {
  const [a, m, j] = jour.split("-").map(Number) as [number, number, number];
  if (l.mois && !l.mois.includes(m - 1)) return false;
  const jourSemaine = (new Date(Date.UTC(a, m - 1, j)).getUTCDay() + 6) % 7;
  const rang = Math.floor((j - 1) / 7) + 1;
  const rangDepuisLaFin = -(Math.floor((joursDuMois(a, m - 1) - j) / 7) + 1);
  return l.jours.some((jl) => jl.jour === jourSemaine && (!jl.rangs || jl.rangs.includes(rang) || jl.rangs.includes(rangDepuisLaFin)));
}

function veille(jour: string): string {
  const [a, m, j] = jour.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(a, m - 1, j - 1)).toISOString().slice(0, 10);
}

/** The intervals the structured form (and so the words) claims for `jour`; `ferie` says whether it is a public holiday. */
export function intervallesAnnonces(lecture: Lecture, jour: string, ferie: boolean): Intervalle[] {
  if (lecture.feriesFermes && ferie) return [];
  const resultat: Intervalle[] = [];
  const etat = (l: LigneLue) => ({ inconnu: l.inconnu, ...(l.commentaire ? { commentaire: l.commentaire } : {}) });
  for (const l of lecture.lignes) {
    if (ligneSApplique(l, jour)) {
      for (const p of l.plages) resultat.push({ debut: p.debut, fin: Math.min(p.fin, MINUTES_PAR_JOUR), ...etat(l) });
    }
    if (ligneSApplique(l, veille(jour))) {
      for (const p of l.plages) if (p.fin > MINUTES_PAR_JOUR) resultat.push({ debut: 0, fin: p.fin - MINUTES_PAR_JOUR, ...etat(l) });
    }
  }
  return fusionner(resultat);
}
