/**
 * What a commune's pages show, so that no page grows with the catalogue (a national import brings
 * thousands of remote services, which serve every commune):
 * - the commune page, per theme, the nearest services up to `PLAFOND_PAR_THEME` and how many there are;
 * - past the cap, the theme's numbered pages, `SERVICES_PAR_PAGE` services each, from the first:
 *   /communes/<commune>/<theme>/, /communes/<commune>/<theme>/2/… (a theme within the cap has none: the
 *   commune page shows it whole).
 * The order is servicesPourLaCommune's (nearest first, those without a place within 50 km last), the
 * search's own, with the services reached by an emergency number first (urgence.ts: the theme's needs are
 * the needs sought); membership is serviceDansLeTheme's, so a service with needs in two themes is in both.
 */
import type { Commune } from "./communes";
import { servicesPourLaCommune, type ServiceCouvert } from "./coverage";
import type { Service } from "./catalogue";
import { serviceDansLeTheme } from "./regroupements";
import { themeDuCode, themes, type Theme } from "./taxonomy";
import { joignableEnUrgence, rangDUrgence, urgencesEnTete } from "./urgence";

/**
 * Services per theme on a commune page. Eight cards are about three and a half phone screens (a card is
 * ~330 px high at 360×740), so a commune page with its six themes stays under 50 cards (~45 KB of HTML)
 * whatever the catalogue. On the demonstration catalogue, half the communes and themes have at most 8
 * services with a place within 50 km: the cap shows all of them, the cut falls on remote ones.
 */
export const PLAFOND_PAR_THEME = 8;

/**
 * Services per numbered page: ~45 KB of HTML at most. A 10,000-service catalogue gives up to ~2,400 services
 * in a commune and theme, 1.6 million in all: 50 a page makes ~32,000 pages, and the build 9 % longer than
 * with every service on the commune pages; 20 a page made ~79,000 pages and the build 25 % longer, each
 * page costing its frame and its file (docs/benchmarks.md).
 */
export const SERVICES_PAR_PAGE = 50;

type ServicePourPages = Pick<Service, "nom" | "zone_eligibilite" | "modes_accueil" | "lieu" | "thematiques" | "telephone">;

export interface ThemeDeLaCommune<S> {
  theme: Theme;
  /** The nearest services, at most the cap, in result order. */
  premiers: ServiceCouvert<S>[];
  /** How many services of the theme serve the commune. */
  total: number;
  /** Number of the theme's numbered pages: 0 when the commune page lists them all (total ≤ cap). */
  pages: number;
}

export interface PageDuTheme<S> {
  theme: Theme;
  /** 1 for the first page. */
  numero: number;
  /** Number of pages of this theme. */
  pages: number;
  total: number;
  /** Rank (from 1) of this page's first service among the theme's. */
  premierRang: number;
  services: ServiceCouvert<S>[];
}

/** The commune's services of each theme, in the themes' order, themes without any left out; emergency ones first. */
function groupesParTheme<S extends ServicePourPages>(resultats: readonly ServiceCouvert<S>[]): { theme: Theme; resultats: ServiceCouvert<S>[] }[] {
  return themes
    .map((theme) => {
      const vise = (besoin: string) => themeDuCode(besoin) === theme;
      const duTheme = resultats.filter((r) => serviceDansLeTheme(r.service, theme));
      const rang = ({ service: s }: ServiceCouvert<S>) =>
        rangDUrgence({ urgence: joignableEnUrgence(s), aDistance: s.modes_accueil.includes("a-distance"), thematiques: s.thematiques }, vise);
      return { theme, resultats: urgencesEnTete(duTheme, rang) };
    })
    .filter((g) => g.resultats.length > 0);
}

/** Number of numbered pages of a theme with `total` services: none within the cap. */
export function nombreDePages(total: number, plafond = PLAFOND_PAR_THEME, parPage = SERVICES_PAR_PAGE): number {
  return total > plafond ? Math.ceil(total / parPage) : 0;
}

function resumes<S extends ServicePourPages>(resultats: readonly ServiceCouvert<S>[], plafond: number, parPage: number): ThemeDeLaCommune<S>[] {
  return groupesParTheme(resultats).map(({ theme, resultats }) => ({
    theme,
    premiers: resultats.slice(0, plafond),
    total: resultats.length,
    pages: nombreDePages(resultats.length, plafond, parPage),
  }));
}

/** Per theme, its nearest services up to `plafond`, its count and its number of pages. */
export function resultatsParTheme<S extends ServicePourPages>(
  services: readonly S[],
  commune: Commune,
  plafond = PLAFOND_PAR_THEME,
  parPage = SERVICES_PAR_PAGE,
): ThemeDeLaCommune<S>[] {
  return pageDeLaCommune(services, commune, plafond, parPage).parTheme;
}

/** The commune page: how many services serve the commune (each once), and `resultatsParTheme`. */
export function pageDeLaCommune<S extends ServicePourPages>(
  services: readonly S[],
  commune: Commune,
  plafond = PLAFOND_PAR_THEME,
  parPage = SERVICES_PAR_PAGE,
): { total: number; parTheme: ThemeDeLaCommune<S>[] } {
  const resultats = servicesPourLaCommune(services, commune);
  return { total: resultats.length, parTheme: resumes(resultats, plafond, parPage) };
}

/** Every numbered page of the commune's themes past the cap, in order: together, each such theme's services once. */
export function pagesDesThemes<S extends ServicePourPages>(
  services: readonly S[],
  commune: Commune,
  plafond = PLAFOND_PAR_THEME,
  parPage = SERVICES_PAR_PAGE,
): PageDuTheme<S>[] {
  return groupesParTheme(servicesPourLaCommune(services, commune)).flatMap(({ theme, resultats }) => {
    const pages = nombreDePages(resultats.length, plafond, parPage);
    return Array.from({ length: pages }, (_, i) => ({
      theme,
      numero: i + 1,
      pages,
      total: resultats.length,
      premierRang: i * parPage + 1,
      services: resultats.slice(i * parPage, (i + 1) * parPage),
    }));
  });
}
