import type { APIRoute } from "astro";
import { reponseFichierOuvert } from "../../lib/export";

export const GET: APIRoute = () => reponseFichierOuvert("services.json");
