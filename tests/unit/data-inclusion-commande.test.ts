/**
 * `npm run import` as a person runs it: files in, files out, one summary line, exit status. Inputs are
 * the real records gathered in tests/fixtures/data-inclusion/ (SOURCES.md says where each comes from);
 * none of them is in the Vienne, so most runs use --tout.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executerImport } from "../../src/domain/data-inclusion/commande";
import type { LigneRapport } from "../../src/domain/data-inclusion/import";
import { ligneProbleme } from "../../src/domain/data-inclusion/rapport";
import { validerDossier } from "../../src/domain/validation";

const F = "tests/fixtures/data-inclusion";
const ENV = { CARTO_AUJOURDHUI: "2026-12-07" };

async function lancer(...args: string[]) {
  const sortie: string[] = [];
  const erreurs: string[] = [];
  const statut = await executerImport(args, { ecrire: (l) => sortie.push(l), erreur: (l) => erreurs.push(l) }, ENV);
  return { statut, sortie, erreurs };
}

/** Every file of a folder, by relative path → content. */
function contenu(dossier: string): Record<string, string> {
  const r: Record<string, string> = {};
  const parcourir = (d: string, prefixe: string) => {
    if (!existsSync(d)) return;
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) parcourir(p, `${prefixe}${n}/`);
      else r[`${prefixe}${n}`] = readFileSync(p, "utf8");
    }
  };
  parcourir(dossier, "");
  return r;
}

const nouveauDossier = () => mkdtempSync(join(tmpdir(), "carto-import-"));

describe("npm run import : fichiers, bilan, code de sortie", () => {
  it("écrit le catalogue et son rapport, que le validateur accepte ; relancé, ne change aucun octet", async () => {
    const c = nouveauDossier();
    const premier = await lancer(`${F}/dump`, "--catalogue", c, "--tout");
    expect(premier.statut).toBe(0);
    expect(premier.sortie.at(-1)).toBe(
      `Import data·inclusion : 26 créés, 0 mis à jour, 0 inchangé, 0 réparé, 0 conflit, 0 refusé, 0 hors territoire, 0 doublon fusionné, 0 disparu. Rapport : ${c}/import-data-inclusion/rapport.md`,
    );
    const apres = contenu(c);
    expect(Object.keys(apres).filter((f) => f.startsWith("services/"))).toHaveLength(13);
    expect(Object.keys(apres).filter((f) => f.startsWith("import-data-inclusion/"))).toEqual([
      "import-data-inclusion/etat.json",
      "import-data-inclusion/rapport.json",
      "import-data-inclusion/rapport.md",
    ]);
    expect(validerDossier(c, { aujourdhui: "2026-12-07" }).problemes).toEqual([]);

    const second = await lancer(`${F}/dump`, "--catalogue", c, "--tout");
    expect(second.sortie.at(-1)).toMatch(/^Import data·inclusion : 0 créé, 0 mis à jour, 26 inchangés, /);
    expect(contenu(c)).toEqual(apres);
    rmSync(c, { recursive: true });
  });

  it("sans --tout, ne garde que ce qui concerne le territoire, et compte le reste", async () => {
    const c = nouveauDossier();
    const r = await lancer(`${F}/dump/services-inclusion-2026-11-30.csv`, `${F}/dump/structures-inclusion-2026-11-30.csv`, "--catalogue", c);
    expect(r.sortie.at(-1)).toMatch(/ 0 créé, .* 26 hors territoire, /);
    const rapport = readFileSync(join(c, "import-data-inclusion/rapport.md"), "utf8");
    expect(rapport).toContain("Hors du territoire : 13 structures (ni située dans le territoire, ni porteuse d'un service qui le concerne), services : 12 (zone d'éligibilité sans commune du territoire), 1 (lieu d'accueil à plus de 50 km de toute commune du territoire, et pas à distance).");
    rmSync(c, { recursive: true });
  });

  it("refuse chaque enregistrement cassé d'une ligne « fichier id champ: message », répare sans deviner, et écrit les autres", async () => {
    const c = nouveauDossier();
    const r = await lancer(`${F}/reels/structures.json`, `${F}/casse/services.json`, "--catalogue", c, "--tout");
    expect(r.statut).toBe(0);
    // The terminal shows the first 20 lines; the report has them all, in the same words.
    expect(r.sortie.filter((l) => l.startsWith("refusé : "))).toHaveLength(20);
    expect(r.sortie).toContain(`… et 10 autres problèmes : voir ${c}/import-data-inclusion/rapport.md`);
    const rapportJson = JSON.parse(readFileSync(join(c, "import-data-inclusion/rapport.json"), "utf8")) as { refus: LigneRapport[] };
    const refus = rapportJson.refus.map((l) => `refusé : ${ligneProbleme(l)}`);
    const casse = (n: string) => refus.filter((l) => l.includes(`--casse-${n}`));
    expect(casse("02")).toEqual([
      `refusé : ${F}/casse/services.json carif-oref--14_SE_0001116944--casse-02-nom-manquant nom: champ obligatoire : le nom affiché sur le site, 3 à 150 caractères`,
    ]);
    expect(casse("03")).toEqual([
      `refusé : ${F}/casse/services.json carif-oref--07_763179S--casse-03-date-maj-future date_maj: la date 2062-01-20 est dans le futur (aujourd'hui : 2026-12-07)`,
    ]);
    expect(casse("05")).toEqual([
      `refusé : ${F}/casse/services.json carif-oref--14_SE_0001597312--casse-05-structure-orpheline structure_id: la structure « carif-oref--14_OF_0000099999 » n'est ni dans les données lues ni dans le catalogue : importez aussi le fichier des structures`,
    ]);
    // A v0 record: each v0 field names its v1 successor.
    expect(casse("06")).toContainEqual(expect.stringContaining("types: champ du schéma data·inclusion v0, remplacé par « type »"));
    expect(r.sortie.at(-1)).toMatch(/ 3 réparés, 0 conflit, 5 refusés, /);
    const rapport = readFileSync(join(c, "import-data-inclusion/rapport.md"), "utf8");
    expect(rapport).toContain("casse-04-date-maj-epoch-ms date_maj: « 1769558400000 » (millisecondes depuis 1970) lu comme le jour 2026-01-28 à Paris");
    expect(rapport).toContain("casse-09-telephone-format telephone: « +33 (0)5 36 49 00 01 » réécrit « 05 36 49 00 01 »");
    expect(rapport).toContain("casse-08-horaires-invalides horaires_accueil: champ ignoré :");
    expect(rapport).toContain("casse-07-description-coupee description: description coupée par data·inclusion à 10 000 caractères");
    expect(validerDossier(c, { aujourdhui: "2026-12-07" }).problemes.filter((p) => p.gravite === "erreur")).toEqual([]);
    rmSync(c, { recursive: true });
  });

  it("--dry-run dit la même chose et n'écrit rien", async () => {
    const c = join(nouveauDossier(), "catalogue");
    const r = await lancer(`${F}/dump`, "--catalogue", c, "--tout", "--dry-run");
    expect(r.sortie.at(-1)).toBe("Simulation (rien n'est écrit) — import data·inclusion : 26 créés, 0 mis à jour, 0 inchangé, 0 réparé, 0 conflit, 0 refusé, 0 hors territoire, 0 doublon fusionné, 0 disparu.");
    expect(existsSync(c)).toBe(false);
  });

  it("une entrée inutilisable arrête tout, en une ligne, sans rien écrire (code 1) ; de mauvais arguments, code 2", async () => {
    const c = nouveauDossier();
    cpSync(`${F}/dump`, join(c, "entree"), { recursive: true });
    const tronque = join(c, "entree", "services-inclusion-2026-11-30.json");
    writeFileSync(tronque, readFileSync(tronque, "utf8").slice(0, 5000));
    const r = await lancer(join(c, "entree"), "--catalogue", join(c, "cat"), "--tout");
    expect(r.statut).toBe(1);
    expect(r.erreurs).toHaveLength(1);
    expect(r.erreurs[0]).toMatch(/^Import arrêté, rien n'est écrit : .*services-inclusion-2026-11-30\.json/);
    expect(existsSync(join(c, "cat"))).toBe(false);

    const args = await lancer("--score-min", "2");
    expect(args.statut).toBe(2);
    expect(args.erreurs[0]).toBe("npm run import : --score-min attend un nombre de 0 à 1 (ex. : --score-min 0.5), reçu : « 2 »");
    rmSync(c, { recursive: true });
  });
});

describe("npm run import -- --api (serveur de remplacement sur 127.0.0.1)", () => {
  let serveur: Server;
  let base: string;
  let jetonAccepte = "bon-jeton";
  beforeAll(async () => {
    const pages = (chemin: string) => JSON.parse(readFileSync(`${F}/${chemin}`, "utf8"));
    serveur = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      if (req.headers.authorization !== `Bearer ${jetonAccepte}`) {
        res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ detail: "Not authenticated" }));
        return;
      }
      const structures = pages("api-page-structures.json");
      const corps =
        url.pathname === "/api/v1/structures"
          ? { ...structures, total: structures.items.length, pages: 1, page: 1 }
          : pages(["api-page-services.json", "api-page-services-2.json", "api-page-services-3-vide.json"][Number(url.searchParams.get("page")) - 1] ?? "api-page-services-3-vide.json");
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(corps));
    });
    await new Promise<void>((r) => serveur.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => serveur.close(() => r())));

  async function lancerApi(jeton: string, c: string) {
    const sortie: string[] = [];
    const erreurs: string[] = [];
    const statut = await executerImport(["--api", "--catalogue", c, "--tout"], { ecrire: (l) => sortie.push(l), erreur: (l) => erreurs.push(l) }, {
      ...ENV,
      DATA_INCLUSION_API_URL: base,
      DATA_INCLUSION_TOKEN: jeton,
    });
    return { statut, sortie, erreurs };
  }

  it("lit toutes les pages et importe", async () => {
    const c = nouveauDossier();
    const r = await lancerApi("bon-jeton", c);
    expect(r.erreurs).toEqual([]);
    expect(r.statut).toBe(0);
    expect(r.sortie.at(-1)).toMatch(/^Import data·inclusion : \d+ créés, /);
    expect(Object.keys(contenu(c)).some((f) => f.startsWith("services/"))).toBe(true);
    rmSync(c, { recursive: true });
  });

  it("un jeton refusé arrête l'import en une ligne, sans rien écrire", async () => {
    const c = join(nouveauDossier(), "cat");
    jetonAccepte = "autre";
    const r = await lancerApi("mauvais", c);
    jetonAccepte = "bon-jeton";
    expect(r.statut).toBe(1);
    expect(r.erreurs).toHaveLength(1);
    expect(r.erreurs[0]).toMatch(/^Import arrêté, rien n'est écrit : .*401/);
    expect(existsSync(c)).toBe(false);
  });
});
