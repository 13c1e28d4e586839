/**
 * `/selection/fiches/<code>.json`: a service's key facts (selection/fiche-courte.ts) for the /selection/ page,
 * which fetches only the services of the selection. An unknown code is a 404: « Cette offre n'est plus disponible ».
 */
import type { APIRoute, GetStaticPaths } from "astro";
import type { Service } from "../../../domain/catalogue";
import { ficheCourte } from "../../../domain/selection/fiche-courte";
import { aujourdhui } from "../../../lib/aujourdhui";
import { getCatalogue } from "../../../lib/catalogue";
import { pagesDuCatalogue } from "../../../lib/dossier-catalogue";
import { urls } from "../../../lib/urls";

export const getStaticPaths = (async () => {
  const catalogue = await getCatalogue();
  if (!pagesDuCatalogue) return [];
  return catalogue.services.map((service) => ({ params: { code: service.code }, props: { service } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ service: Service }> = async ({ props }) => {
  const catalogue = await getCatalogue();
  const fiche = ficheCourte(props.service, catalogue.structureParSlug(props.service.structureSlug), {
    aujourdhui,
    urlService: urls.service,
    urlStructure: urls.structure,
    urlTheme: urls.theme,
  });
  return new Response(JSON.stringify(fiche), { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
