/** The site's URLs, in one place. */
import type { Commune } from "../domain/communes";

export const urls = {
  service: (slug: string) => `/services/${slug}/`,
  structure: (slug: string) => `/structures/${slug}/`,
  theme: (slug: string) => `/thematiques/${slug}/`,
  commune: (c: Pick<Commune, "slug">) => `/communes/${c.slug}/`,
};
