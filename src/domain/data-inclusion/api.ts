/**
 * Fetches every structure or every service of the data·inclusion API (v1), page by page, into raw records.
 * Pages (data-inclusion-formats.md §1(a)): `{items, total, page, size, pages}` where `pages` is
 * ceil(total / requested size) and the returned `size` is only len(items); the last page may be short.
 */
import { pluriel } from "../validation/messages";
import { ErreurEntree, type EnregistrementBrut, type Genre, type Lot } from "./enregistrement";
import { Recueil } from "./recueil";

export interface OptionsApi {
  /** e.g. `https://api.data.inclusion.gouv.fr` */
  base: string;
  token?: string;
  genre: Genre;
  /** Page size, 1..10000 (default 5000, the API's own default). */
  taille?: number;
  fetch?: typeof fetch;
  /** Waits between tries; injected by tests so that they do not sleep. */
  attendre?: (ms: number) => Promise<void>;
  /** Tries per page, the first included (default 5). */
  essaisMax?: number;
}

const TAILLE_PAR_DEFAUT = 5000;
const ESSAIS_PAR_DEFAUT = 5;
/** A page of 10,000 services is tens of MB: a slow line needs minutes, a stalled one must not hang the import. */
const DELAI_MAX_MS = 300_000;

const dormir = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function recupererApi(options: OptionsApi, visiter: (e: EnregistrementBrut) => void): Promise<Lot> {
  const { genre, token } = options;
  const taille = options.taille ?? TAILLE_PAR_DEFAUT;
  const chercher = options.fetch ?? fetch;
  const attendre = options.attendre ?? dormir;
  const essaisMax = Math.max(1, options.essaisMax ?? ESSAIS_PAR_DEFAUT);
  if (!Number.isInteger(taille) || taille < 1 || taille > 10_000) {
    throw new ErreurEntree(`taille de page ${taille} : l'API data·inclusion accepte de 1 à 10000`);
  }
  // No `code_departement`: it keeps the items whose own `code_insee` is in the département, so it misses
  // remote services and those of neighbouring départements whose zone covers ours. The import filters by territory.
  const route = `${options.base.replace(/\/+$/, "")}/api/v1/${genre === "structure" ? "structures" : "services"}`;
  const hote = hoteDe(options.base);
  const entetes: Record<string, string> = { Accept: "application/json" };
  if (token) entetes.Authorization = `Bearer ${token}`;

  const recueil = new Recueil({ origine: route, genre, sourceGenre: "route", structuresVues: new Set(), visiter, structuresImbriquees: false });
  let nouveauxEssais = 0;
  const statutsPassagers = new Set<number>();

  /** One page's body, after retrying what may pass (429, 5xx, network, cut-off body). */
  async function demander(url: string): Promise<unknown> {
    for (let essai = 1; ; essai++) {
      const dernier = essai >= essaisMax;
      let reponse: Response;
      try {
        reponse = await chercher(url, { headers: entetes, signal: AbortSignal.timeout(DELAI_MAX_MS) });
      } catch (erreur) {
        if (dernier) {
          throw new ErreurEntree(
            `${hote}: impossible de joindre l'API data·inclusion (${causeReseau(erreur)}, ${essai} essais) : vérifiez la connexion et l'adresse ${options.base}`,
          );
        }
        nouveauxEssais++;
        await attendre(attenteExponentielle(essai));
        continue;
      }
      if (reponse.ok) {
        try {
          return await reponse.json();
        } catch {
          if (dernier) throw new ErreurEntree(`${url}: réponse illisible de l'API (JSON invalide ou coupé, ${essai} essais)`);
          nouveauxEssais++;
          await attendre(attenteExponentielle(essai));
          continue;
        }
      }
      await reponse.body?.cancel().catch(() => {});
      if (reponse.status === 401) {
        throw new ErreurEntree(
          `${url}: le jeton data·inclusion est refusé (401) : ${token ? "jeton expiré ou mal copié" : "aucun jeton fourni"} ; vérifiez la variable d'environnement DATA_INCLUSION_TOKEN`,
        );
      }
      if (reponse.status === 403) {
        throw new ErreurEntree(`${url}: ce jeton n'a pas accès à l'API (403, portée « api » requise) : un jeton de widget ne suffit pas`);
      }
      if (reponse.status === 429 || reponse.status >= 500) {
        if (dernier) throw new ErreurEntree(`${url}: l'API répond encore ${reponse.status} après ${essai} essais : réessayez plus tard`);
        statutsPassagers.add(reponse.status);
        nouveauxEssais++;
        await attendre(retryAfter(reponse.headers.get("retry-after")) ?? attenteExponentielle(essai));
        continue;
      }
      throw new ErreurEntree(`${url}: l'API a répondu ${reponse.status}${reponse.statusText ? ` ${reponse.statusText}` : ""}`);
    }
  }

  let total = 0;
  let pagesLues = 0;
  for (let page = 1; ; page++) {
    const url = `${route}?page=${page}&size=${taille}`;
    const corps = await demander(url);
    if (!estPage(corps)) {
      throw new ErreurEntree(`${url}: réponse inattendue de l'API : ce n'est pas une page { items, total, page, size, pages }`);
    }
    pagesLues++;
    corps.items.forEach((item, i) => recueil.element(item, i + 1, url));
    total = corps.total;
    const pages = typeof corps.pages === "number" ? corps.pages : Math.ceil(corps.total / taille);
    // DORA's client stops on an empty page; `pages` saves the extra request.
    if (corps.items.length === 0 || page >= pages) break;
  }

  if (recueil.nombre === 0) throw new ErreurEntree(`${route}: l'API n'a renvoyé aucun enregistrement (total ${total})`);
  const remarques = [
    `${pluriel(recueil.nombre, genre)} en ${pluriel(pagesLues, "page")} de ${taille}`,
    `les données de la source soliguide ne sont servies qu'aux jetons que data·inclusion autorise : sans cette autorisation, elles manquent ici`,
  ];
  if (nouveauxEssais > 0) {
    const statuts = [...statutsPassagers].sort().join(", ");
    remarques.push(`${pluriel(nouveauxEssais, "nouvelle tentative", "nouvelles tentatives")} après des erreurs passagères${statuts ? ` (${statuts})` : ""}`);
  }
  // Pages are offsets over a list ordered by id: data changing meanwhile shifts them, and records may be missed.
  const complet = recueil.nombre === total;
  if (!complet) {
    remarques.push(`total annoncé par l'API : ${total} ; enregistrements reçus : ${recueil.nombre} (données modifiées pendant la récupération ?) : lot partiel, relancez l'import`);
  }
  const [lot] = recueil.lots("api", complet, remarques);
  return lot!;
}

interface Page {
  items: unknown[];
  total: number;
  page?: unknown;
  size?: unknown;
  pages?: unknown;
}

function estPage(corps: unknown): corps is Page {
  if (typeof corps !== "object" || corps === null) return false;
  const page = corps as Record<string, unknown>;
  return Array.isArray(page.items) && typeof page.total === "number";
}

function attenteExponentielle(essai: number): number {
  return 1000 * 2 ** (essai - 1);
}

/** `Retry-After` in seconds or as an HTTP date, in ms; undefined when absent or unreadable. */
function retryAfter(valeur: string | null): number | undefined {
  if (valeur === null || valeur.trim() === "") return undefined;
  if (/^\d+$/.test(valeur.trim())) return Number(valeur) * 1000;
  const date = Date.parse(valeur);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function hoteDe(base: string): string {
  try {
    return new URL(base).host;
  } catch {
    return base;
  }
}

function causeReseau(erreur: unknown): string {
  const e = erreur as { name?: string; cause?: { code?: string; message?: string } } | undefined;
  if (e?.name === "TimeoutError") return `aucune réponse en ${DELAI_MAX_MS / 1000} s`;
  switch (e?.cause?.code) {
    case "ECONNREFUSED":
      return "connexion refusée";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "nom d'hôte inconnu";
    case "ECONNRESET":
      return "connexion coupée";
    case "ETIMEDOUT":
    case "UND_ERR_CONNECT_TIMEOUT":
      return "délai de connexion dépassé";
  }
  return e?.cause?.message ?? (erreur instanceof Error ? erreur.message : String(erreur));
}
