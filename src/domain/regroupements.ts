/** Groupings the pages show: services by theme and by need, communes by initial. */
import type { Service } from "./catalogue";
import type { Commune } from "./communes";
import { themes, type Besoin, type Theme } from "./taxonomy";
import { normaliser } from "./text";

/** How many services each theme has (a service with needs in two themes counts in both). */
export function nombreDeServicesParTheme(services: readonly Pick<Service, "thematiques">[]): Map<string, number> {
  return new Map(themes.map((t) => [t.slug, services.filter((s) => serviceDansLeTheme(s, t)).length]));
}

export function serviceDansLeTheme(service: Pick<Service, "thematiques">, theme: Theme): boolean {
  return service.thematiques.some((code) => theme.categories.some((c) => code.startsWith(`${c.value}--`)));
}

/** The theme's needs that have services, each with its services (in the given order). */
export function servicesDuThemeParBesoin<S extends Pick<Service, "thematiques">>(
  services: readonly S[],
  theme: Theme,
): { categorie: Theme["categories"][number]; besoins: { besoin: Besoin; services: S[] }[] }[] {
  return theme.categories
    .map((categorie) => ({
      categorie,
      besoins: categorie.besoins
        .map((besoin) => ({ besoin, services: services.filter((s) => s.thematiques.includes(besoin.value)) }))
        .filter((g) => g.services.length > 0),
    }))
    .filter((g) => g.besoins.length > 0);
}

/** Communes grouped by the initial of their name (accents aside), in order. */
export function communesParInitiale(communes: readonly Commune[]): { initiale: string; communes: Commune[] }[] {
  const groupes = new Map<string, Commune[]>();
  for (const c of communes) {
    const initiale = normaliser(c.nom).charAt(0).toUpperCase();
    groupes.set(initiale, [...(groupes.get(initiale) ?? []), c]);
  }
  return [...groupes.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([initiale, communes]) => ({ initiale, communes }));
}

/**
 * The main town of each intercommunality (its most populous commune), the largest first: the home page's
 * shortcuts, one per part of the territory. Communes outside any EPCI are left to the full list.
 */
export function communesPrincipales(communes: readonly Commune[]): Commune[] {
  const parEpci = new Map<string, Commune>();
  for (const c of communes) {
    if (c.epci === null) continue;
    const retenue = parEpci.get(c.epci);
    if (!retenue || c.population > retenue.population) parEpci.set(c.epci, c);
  }
  return [...parEpci.values()].sort((a, b) => b.population - a.population);
}
