import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recupererApi, type OptionsApi } from "../../src/domain/data-inclusion/api.ts";
import { ErreurEntree, type EnregistrementBrut } from "../../src/domain/data-inclusion/lecture.ts";

// A stand-in for the data·inclusion API on 127.0.0.1: each request takes the next scripted answer for its
// path and query, and is recorded with its headers.
interface Reponse {
  statut: number;
  corps?: unknown;
  entetes?: Record<string, string>;
}
let serveur: Server;
let base: string;
let scenario: Map<string, Reponse[]>;
let requetes: { url: string; entetes: IncomingHttpHeaders }[];

beforeAll(async () => {
  serveur = createServer((req, res) => {
    requetes.push({ url: req.url ?? "", entetes: req.headers });
    const reponse = scenario.get(req.url ?? "")?.shift() ?? { statut: 404, corps: { detail: "Not Found" } };
    res.writeHead(reponse.statut, { "content-type": "application/json", ...reponse.entetes });
    res.end(reponse.corps === undefined ? "" : JSON.stringify(reponse.corps));
  });
  await new Promise<void>((resolve) => serveur.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => serveur.close(() => resolve())));
beforeEach(() => {
  scenario = new Map();
  requetes = [];
});

const JETON = "jeton-de-test";

/** A `/api/v1/services` item as the API serves it (v1 fields + adresse_certifiee + score_qualite); fictional values. */
function service(n: number): Record<string, unknown> {
  return {
    source: "dora", id: `dora--service-${n}`, structure_id: "dora--structure-1", nom: `Service ${n}`, description: "Une description de test.",
    lien_source: null, date_maj: "2026-01-05", type: "accompagnement", thematiques: ["numerique--utiliser-le-numerique"], frais: "gratuit",
    frais_precisions: null, publics: ["tous-publics"], publics_precisions: null, conditions_acces: null, commune: "Poitiers",
    code_postal: "86000", code_insee: "86194", adresse: null, complement_adresse: null, longitude: null, latitude: null,
    telephone: `05 36 49 70 0${n}`, courriel: `service${n}@example.org`, modes_accueil: ["en-presentiel"], zone_eligibilite: ["86"],
    contact_nom_prenom: null, lien_mobilisation: null, modes_mobilisation: ["telephoner"], mobilisable_par: ["usagers"],
    mobilisation_precisions: null, volume_horaire_hebdomadaire: null, nombre_semaines: null, horaires_accueil: null,
    adresse_certifiee: false, score_qualite: 0.5,
  };
}

/** Page `page` of `total` items asked `taille` at a time, with the API's quirks: size = len(items), pages = ceil(total / taille). */
function page(page: number, total: number, taille: number, premier = (page - 1) * taille + 1): Reponse {
  const items = Array.from({ length: Math.max(0, Math.min(taille, total - premier + 1)) }, (_, i) => service(premier + i));
  return { statut: 200, corps: { items, total, page, size: items.length, pages: Math.ceil(total / taille) } };
}

function prevoir(chemin: string, ...reponses: Reponse[]): void {
  scenario.set(chemin, [...(scenario.get(chemin) ?? []), ...reponses]);
}

async function recuperer(options: Partial<OptionsApi> = {}) {
  const attentes: number[] = [];
  const enregistrements: EnregistrementBrut[] = [];
  const lot = await recupererApi(
    { base, token: JETON, genre: "service", taille: 2, attendre: async (ms) => void attentes.push(ms), ...options },
    (e) => enregistrements.push(e),
  );
  return { lot, enregistrements, attentes };
}

async function erreur(options: Partial<OptionsApi> = {}): Promise<string> {
  try {
    await recuperer(options);
  } catch (e) {
    expect(e).toBeInstanceOf(ErreurEntree);
    return (e as Error).message;
  }
  throw new Error("récupéré sans erreur");
}

describe("recupererApi", () => {
  it("lit les 3 pages jusqu'à page >= pages, avec le jeton, sans code_departement", async () => {
    prevoir("/api/v1/services?page=1&size=2", page(1, 5, 2));
    prevoir("/api/v1/services?page=2&size=2", page(2, 5, 2));
    prevoir("/api/v1/services?page=3&size=2", page(3, 5, 2));
    const { lot, enregistrements, attentes } = await recuperer();

    expect(requetes.map((r) => r.url)).toEqual([
      "/api/v1/services?page=1&size=2",
      "/api/v1/services?page=2&size=2",
      "/api/v1/services?page=3&size=2",
    ]);
    expect(requetes.every((r) => r.entetes.authorization === `Bearer ${JETON}`)).toBe(true);
    expect(attentes).toEqual([]);
    expect(enregistrements.map((e) => [e.genre, e.champs.id, e.origine, e.rang])).toEqual([
      ["service", "dora--service-1", `${base}/api/v1/services?page=1&size=2`, 1],
      ["service", "dora--service-2", `${base}/api/v1/services?page=1&size=2`, 2],
      ["service", "dora--service-3", `${base}/api/v1/services?page=2&size=2`, 1],
      ["service", "dora--service-4", `${base}/api/v1/services?page=2&size=2`, 2],
      ["service", "dora--service-5", `${base}/api/v1/services?page=3&size=2`, 1],
    ]);
    expect(enregistrements[0]?.champs).toEqual(service(1));
    expect(lot).toEqual({
      origine: `${base}/api/v1/services`,
      genre: "service",
      format: "api",
      complet: true,
      nombre: 5,
      clesInconnues: [],
      remarques: [
        "5 services en 3 pages de 2",
        "les données de la source soliguide ne sont servies qu'aux jetons que data·inclusion autorise : sans cette autorisation, elles manquent ici",
      ],
    });
  });

  it("demande /api/v1/structures par pages de 5000 par défaut", async () => {
    const structure = { id: "dora--s", source: "dora", nom: "Structure", date_maj: "2026-01-05", score_qualite: 0, doublons: [], adresse_certifiee: true };
    prevoir("/api/v1/structures?page=1&size=5000", { statut: 200, corps: { items: [structure], total: 1, page: 1, size: 1, pages: 1 } });
    const { lot, enregistrements } = await recuperer({ genre: "structure", taille: undefined });
    expect(enregistrements).toEqual([{ genre: "structure", champs: structure, origine: `${base}/api/v1/structures?page=1&size=5000`, rang: 1 }]);
    expect(lot).toMatchObject({ genre: "structure", complet: true, nombre: 1, clesInconnues: [] });
  });

  it("s'arrête sur une page vide ; un total non atteint rend le lot partiel", async () => {
    prevoir("/api/v1/services?page=1&size=2", page(1, 5, 2));
    prevoir("/api/v1/services?page=2&size=2", { statut: 200, corps: { items: [], total: 5, page: 2, size: 0, pages: 3 } });
    const { lot } = await recuperer();
    expect(requetes).toHaveLength(2);
    expect(lot.complet).toBe(false);
    expect(lot.remarques.at(-1)).toBe(
      "total annoncé par l'API : 5 ; enregistrements reçus : 2 (données modifiées pendant la récupération ?) : lot partiel, relancez l'import",
    );
  });

  it("réessaie après un 429 en suivant Retry-After", async () => {
    prevoir("/api/v1/services?page=1&size=2", { statut: 429, corps: { detail: "Too Many Requests" }, entetes: { "retry-after": "0" } }, page(1, 2, 2));
    const { lot, attentes } = await recuperer();
    expect(attentes).toEqual([0]);
    expect(requetes).toHaveLength(2);
    expect(lot).toMatchObject({ complet: true, nombre: 2 });
    expect(lot.remarques).toContain("1 nouvelle tentative après des erreurs passagères (429)");
  });

  it("réessaie après un 500, avec une attente croissante, puis abandonne après essaisMax", async () => {
    prevoir("/api/v1/services?page=1&size=2", { statut: 500 }, page(1, 2, 2));
    const reussite = await recuperer();
    expect(reussite.attentes).toEqual([1000]);
    expect(reussite.lot).toMatchObject({ complet: true, nombre: 2 });

    prevoir("/api/v1/services?page=1&size=2", { statut: 500 }, { statut: 502 }, { statut: 503 });
    expect(await erreur({ essaisMax: 3 })).toBe(`${base}/api/v1/services?page=1&size=2: l'API répond encore 503 après 3 essais : réessayez plus tard`);
  });

  it("401 : jeton refusé, sans nouvel essai", async () => {
    prevoir("/api/v1/services?page=1&size=2", { statut: 401, corps: { detail: "Not authenticated" } });
    expect(await erreur()).toBe(
      `${base}/api/v1/services?page=1&size=2: le jeton data·inclusion est refusé (401) : jeton expiré ou mal copié ; vérifiez la variable d'environnement DATA_INCLUSION_TOKEN`,
    );
    expect(requetes).toHaveLength(1);

    prevoir("/api/v1/services?page=1&size=2", { statut: 401 });
    expect(await erreur({ token: undefined })).toBe(
      `${base}/api/v1/services?page=1&size=2: le jeton data·inclusion est refusé (401) : aucun jeton fourni ; vérifiez la variable d'environnement DATA_INCLUSION_TOKEN`,
    );
    expect(requetes[1]?.entetes.authorization).toBeUndefined();
  });

  it("403 : jeton sans la portée « api »", async () => {
    prevoir("/api/v1/services?page=1&size=2", { statut: 403, corps: { detail: "Not enough permissions" } });
    expect(await erreur()).toBe(
      `${base}/api/v1/services?page=1&size=2: ce jeton n'a pas accès à l'API (403, portée « api » requise) : un jeton de widget ne suffit pas`,
    );
  });

  it("hôte injoignable : une ligne qui le nomme, après les essais", async () => {
    const ferme = createServer();
    await new Promise<void>((resolve) => ferme.listen(0, "127.0.0.1", resolve));
    const port = (ferme.address() as AddressInfo).port;
    await new Promise<void>((resolve) => ferme.close(() => resolve()));

    const attentes: number[] = [];
    const message = await erreur({ base: `http://127.0.0.1:${port}`, essaisMax: 3, attendre: async (ms) => void attentes.push(ms) });
    expect(message).toBe(
      `127.0.0.1:${port}: impossible de joindre l'API data·inclusion (connexion refusée, 3 essais) : vérifiez la connexion et l'adresse http://127.0.0.1:${port}`,
    );
    expect(attentes).toEqual([1000, 2000]);
  });

  it("une réponse qui n'est pas une page, ou un autre statut, arrête tout", async () => {
    prevoir("/api/v1/services?page=1&size=2", { statut: 200, corps: [service(1)] });
    expect(await erreur()).toBe(
      `${base}/api/v1/services?page=1&size=2: réponse inattendue de l'API : ce n'est pas une page { items, total, page, size, pages }`,
    );
    prevoir("/api/v1/services?page=1&size=2", { statut: 422, corps: { detail: [] } });
    expect(await erreur()).toBe(`${base}/api/v1/services?page=1&size=2: l'API a répondu 422 Unprocessable Entity`);
    prevoir("/api/v1/services?page=1&size=2", { statut: 200, corps: { items: [], total: 0, page: 1, size: 0, pages: 0 } });
    expect(await erreur()).toBe(`${base}/api/v1/services: l'API n'a renvoyé aucun enregistrement (total 0)`);
    expect(await erreur({ taille: 20_000 })).toBe("taille de page 20000 : l'API data·inclusion accepte de 1 à 10000");
  });
});
