import type { APIRoute } from "astro";
import { getCatalogue } from "../../lib/catalogue";
import { exporterStructure } from "../../domain/export";
import { optionsExport } from "../../lib/export";

export const GET: APIRoute = async () => {
  const catalogue = await getCatalogue();
  return new Response(JSON.stringify(catalogue.structures.map((s) => exporterStructure(s, optionsExport)), null, 1), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
