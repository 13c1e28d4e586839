import type { APIRoute } from "astro";
import { getCatalogue } from "../../lib/catalogue";
import { exporterService } from "../../domain/export";
import { optionsExport } from "../../lib/export";

export const GET: APIRoute = async () => {
  const catalogue = await getCatalogue();
  return new Response(JSON.stringify(catalogue.services.map((s) => exporterService(s, optionsExport)), null, 1), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
