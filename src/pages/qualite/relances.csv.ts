/** The « Relancer » list for a mail merge: the same rows as /qualite/ (src/domain/qualite/csv.ts). */
import type { APIRoute } from "astro";
import { csvRelances } from "../../domain/qualite";
import { getBilanQualite, optionsCsv } from "../../lib/qualite";

export const GET: APIRoute = async () => new Response(csvRelances(await getBilanQualite(), optionsCsv), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
