/**
 * The « aujourd'hui » line of a page's hours, computed in the browser from intervals the build computed
 * (the library never reaches the browser). Plain data in, words out: unit-tested like the rest.
 */
import { jourPlus, type MomentParis } from "../dates";
import { heure, jourEnClair } from "./mots";

/** Openings of the days from `du` to `au` (Paris wall clock); a day of that range without an entry is closed. */
export interface CalendrierHoraires {
  du: string;
  au: string;
  /** [day, start, end (minutes, ≤ 1440), comment]. */
  ouvertures: [string, number, number, string?][];
}

const suffixe = (commentaire?: string) => (commentaire ? ` (${commentaire})` : "");

/** « Aujourd'hui : ouvert jusqu'à 12 h 30. », « … fermé en ce moment, ouvre à 14 h. »…; undefined outside the calendar. */
export function phraseAujourdhui(c: CalendrierHoraires, maintenant: MomentParis): string | undefined {
  if (maintenant.jour < c.du || maintenant.jour > c.au) return undefined;
  const { jour, minutes } = maintenant;
  const apres = c.ouvertures
    .filter(([j, , fin]) => j > jour || (j === jour && fin > minutes))
    .sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
  const [premier] = apres;
  if (premier && premier[0] === jour && premier[1] <= minutes) {
    const [, debut, fin, commentaire] = premier;
    if (debut === 0 && fin === 1440 && commentaire) return `Aujourd'hui : ${commentaire}.`;
    // A whole day (24/7, a night shelter's line): « jusqu'à minuit demain » would read as a closing time.
    if (debut === 0 && fin === 1440) return "Aujourd'hui : ouvert toute la journée.";
    // Open past midnight: say when it closes the next morning.
    const suite = fin === 1440 ? apres.find(([j, d]) => j === jourPlus(jour, 1) && d === 0) : undefined;
    const jusqua = suite ? `${heure(suite[2])} demain` : heure(fin);
    return `Aujourd'hui : ouvert jusqu'à ${jusqua}${suffixe(commentaire)}.`;
  }
  if (premier && premier[0] === jour) {
    return `Aujourd'hui : fermé en ce moment, ouvre à ${heure(premier[1])}${suffixe(premier[3])}.`;
  }
  if (!premier) return "Aujourd'hui : fermé.";
  const quand = premier[0] === jourPlus(jour, 1) ? "demain" : `le ${jourEnClair(premier[0], jour)}`;
  const a = premier[1] === 0 && premier[2] === 1440 ? "" : ` à ${heure(premier[1])}`;
  return `Aujourd'hui : fermé. Prochaine ouverture : ${quand}${a}${suffixe(premier[3])}.`;
}
