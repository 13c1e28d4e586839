import type { APIRoute } from "astro";
import { getIndexRecherche } from "../../../../lib/index-recherche";

/** The first page of results of each commune and commune + theme (src/domain/recherche/premiers-resultats.ts). */
export async function getStaticPaths() {
  const { premiers } = await getIndexRecherche();
  return premiers.fichiers.map(({ nom, json }) => ({ params: { empreinte: premiers.hash, fichier: nom.replace(/\.json$/, "") }, props: { json } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response((props as { json: string }).json, { headers: { "Content-Type": "application/json; charset=utf-8" } });
