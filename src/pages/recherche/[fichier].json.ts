import type { APIRoute } from "astro";
import { getIndexRecherche } from "../../lib/index-recherche";

export async function getStaticPaths() {
  const { index, termes } = await getIndexRecherche();
  return [
    { params: { fichier: `index-${index.hash}` }, props: { json: index.json } },
    { params: { fichier: `termes-${termes.hash}` }, props: { json: termes.json } },
  ];
}

export const GET: APIRoute = ({ props }) =>
  new Response((props as { json: string }).json, { headers: { "Content-Type": "application/json; charset=utf-8" } });
