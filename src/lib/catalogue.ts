/** The catalogue for Astro pages: the content collections turned into domain objects, once per build. */
import { getCollection } from "astro:content";
import { construireCatalogue, type Catalogue } from "../domain/catalogue";
import { siteConfig } from "../../site.config";

let enCours: Promise<Catalogue> | undefined;

export function getCatalogue(): Promise<Catalogue> {
  enCours ??= (async () => {
    const [structures, services] = await Promise.all([getCollection("structures"), getCollection("services")]);
    return construireCatalogue(
      structures.map((e) => ({ slug: e.id, donnees: e.data, corps: e.body ?? "" })),
      services.map((e) => ({ slug: e.id, donnees: e.data, corps: e.body ?? "" })),
      siteConfig.source,
    );
  })();
  return enCours;
}
