/** The built site (dist/, from the shipped catalogue): one page per service, structure and commune; open-data exports. */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { envDeConstruction } from "./env-construction";
import { createHash } from "node:crypto";
import { runInNewContext } from "node:vm";
import { pathToFileURL } from "node:url";
import { criteresPrecalcules, nomDesPremiersResultats } from "../../src/domain/recherche/premiers-resultats";
import { lireCriteres } from "../../src/domain/recherche/url";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { communes } from "../../src/domain/communes";
import { themes } from "../../src/domain/taxonomy";
import { COLONNES_DUMP } from "../../src/domain/data-inclusion/format-dump";
import { relireCsv, surColonnes } from "../outils/relire-export";
import { validerDossier } from "../../src/domain/validation";
import { construireCatalogue } from "../../src/domain/catalogue";
import { servicesPourLaCommune } from "../../src/domain/coverage";
import { numeroCourt } from "../../src/domain/numeros-courts";
import { serviceDansLeTheme } from "../../src/domain/regroupements";
import { PLAFOND_PAR_THEME, SERVICES_PAR_PAGE } from "../../src/domain/communes-pages";
import { nombreEnClair } from "../../src/domain/text";
import { siteConfig } from "../../site.config";

const dist = new URL("../../dist/", import.meta.url);
const lire = (chemin: string) => readFileSync(new URL(chemin, dist), "utf8");
const slugs = (dossier: string) =>
  readdirSync(new URL(`../../content/${dossier}/`, import.meta.url))
    .filter((f) => f.endsWith(".md"))
    .map((f) => f.replace(/\.md$/, ""));

describe("site construit", () => {
  it("has one page per service, structure, commune and theme", () => {
    const manquantes = [
      ...slugs("services").map((s) => `services/${s}/index.html`),
      ...slugs("structures").map((s) => `structures/${s}/index.html`),
      ...communes.map((c) => `communes/${c.slug}/index.html`),
      ...themes.map((t) => `thematiques/${t.slug}/index.html`),
      "index.html",
      "donnees/index.html",
      "accessibilite/index.html",
      "a-propos/index.html",
      "contribuer/index.html",
      "recherche/index.html",
      "404.html",
    ].filter((p) => !existsSync(new URL(p, dist)));
    expect(manquantes).toEqual([]);
    expect(slugs("services").length).toBeGreaterThanOrEqual(120);
    expect(slugs("structures").length).toBeGreaterThanOrEqual(30);
  });

  it("shows the demonstration notice and every commune on the home page", () => {
    const accueil = lire("index.html");
    expect(accueil).toContain("Données de démonstration");
    for (const c of communes) expect(accueil).toContain(`href="/communes/${c.slug}/"`);
  });

  it("lets the search page fetch all its island's modules at once (modulepreload), without the map's", () => {
    const page = lire("recherche/index.html");
    const ilot = /<astro-island[^>]*component-url="([^"]+)"[^>]*renderer-url="([^"]+)"/.exec(page);
    expect(ilot).not.toBeNull();
    const precharges = [...page.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]!);
    // The component, Preact's renderer and what they import (Preact among them): more than the two.
    expect(precharges).toEqual(expect.arrayContaining([ilot![1], ilot![2]]));
    expect(precharges.length).toBeGreaterThan(3);
    for (const module of precharges) expect(existsSync(new URL(`.${module}`, dist)), module).toBe(true);
    // The islands run on Preact: React DOM (200 KB) stays in the partners' space, off the public pages.
    const code = precharges.map((m) => readFileSync(new URL(`.${m}`, dist), "utf8")).join("\n");
    expect(code).not.toContain("react.transitional.element");
    expect(page).toContain("&quot;value&quot;:&quot;preact&quot;");
    // The map (Leaflet) loads only when shown: never preloaded.
    expect(precharges.filter((m) => /Carte|leaflet/i.test(m))).toEqual([]);
  });

  it("writes the first page of results of every commune, alone and with each theme, where the search page asks for it", () => {
    const page = lire("recherche/index.html");
    const dossier = /data-premiers="([^"]+)"/.exec(page)?.[1];
    expect(dossier).toMatch(/^\/recherche\/premiers\/[0-9a-f]{12}\/$/);
    const attendus = communes.flatMap((c) => [`${c.code}.json`, ...themes.map((t) => `${c.code}-${t.slug}.json`)]);
    expect(attendus.filter((f) => !existsSync(new URL(`.${dossier}${f}`, dist)))).toEqual([]);
    const chatellerault = JSON.parse(lire(`.${dossier}86066-emploi.json`));
    expect(chatellerault).toMatchObject({ v: 1, commune: "86066", theme: "emploi" });
    expect(chatellerault.total).toBeGreaterThan(chatellerault.index.services.length);
  });

  it("has the search page's head ask, for any URL, for the first page the search itself would show (the same rule, in the page's own script)", () => {
    // The head's inline script runs before any module: it repeats the rule of criteresPrecalcules and the
    // file name of nomDesPremiersResultats. Here it runs as built, against the domain's functions.
    const page = lire("recherche/index.html");
    const [, attributs, code] = /<script (data-index=[^>]*)>([\s\S]*?)<\/script>/.exec(page)!;
    const dataset = Object.fromEntries([...attributs!.matchAll(/data-([a-z]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    const demande = (search: string): string | undefined => {
      const demandes: string[] = [];
      const fenetre: Record<string, unknown> = {};
      const attente = () => new Promise<never>(() => {});
      runInNewContext(code!, {
        window: fenetre,
        document: { currentScript: { dataset } },
        location: { search },
        URLSearchParams,
        fetch: (url: string) => (demandes.push(url), { then: () => ({ then: attente, catch: attente }) }),
      });
      const premiers = demandes.filter((u) => u.startsWith(dataset.premiers!));
      return premiers.length === 1 ? premiers[0]!.slice(dataset.premiers!.length) : undefined;
    };
    const urls = [
      "?commune=86066",
      "?commune=86066&theme=logement",
      "?commune=86066&theme=logement&q=loyer",
      "?commune=86066&theme=logement&q=",
      "?commune=86066&theme=inconnu",
      "?commune=86066&publics=jeunes",
      "?commune=86066&besoins=logement-hebergement--louer-un-logement",
      "?theme=logement",
      "?q=permis",
      "",
      "?commune=99999",
    ];
    for (const u of urls) {
      const attendu = criteresPrecalcules(lireCriteres(new URLSearchParams(u)));
      const fichier = demande(u);
      // The head may leave out a page the search could use (it then decodes the index), never ask for another.
      if (fichier !== undefined) expect(fichier, u).toBe(attendu && nomDesPremiersResultats(attendu));
      if (["?commune=86066", "?commune=86066&theme=logement", "?commune=86066&theme=logement&q=loyer"].includes(u)) expect(fichier, u).toBeDefined();
      if (!attendu) expect(fichier, u).toBeUndefined();
    }
  });

  it("gives the public pages inline scripts and styles whose hashes are the ones docs/deploiement.md lists for a Content-Security-Policy", () => {
    const doc = readFileSync(new URL("../../docs/deploiement.md", import.meta.url), "utf8");
    const empreintes = new Set<string>();
    for (const f of readdirSync(dist, { recursive: true }) as string[]) {
      if (!f.endsWith(".html") || f.startsWith("admin")) continue;
      for (const [, , contenu] of lire(f).matchAll(/<(script|style)\b[^>]*>([\s\S]*?)<\/\1>/g))
        if (contenu) empreintes.add(`'sha256-${createHash("sha256").update(contenu).digest("base64")}'`);
    }
    expect(empreintes.size).toBeGreaterThan(0);
    // The search page's script keeps its data in attributes: the hash does not change with the catalogue.
    expect([...empreintes].filter((e) => !doc.includes(e))).toEqual([]);
  });

  it("exports every service and structure in the data·inclusion v1 format", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const schema = (nom: string) => JSON.parse(readFileSync(new URL(`../fixtures/data-inclusion-schema/${nom}`, import.meta.url), "utf8"));
    const validerService= ajv.compile<object>(schema("service.json"));
    const validerStructure= ajv.compile<object>(schema("structure.json"));
    const services: { id: string; structure_id: string }[] = JSON.parse(lire("donnees/services.json"));
    const structures: { id: string }[] = JSON.parse(lire("donnees/structures.json"));
    expect(services).toHaveLength(slugs("services").length);
    expect(structures).toHaveLength(slugs("structures").length);
    const invalides: string[] = [];
    for (const s of services) if (!validerService({ ...s })) invalides.push(`service ${s.id}: ${ajv.errorsText(validerService.errors)}`);
    for (const s of structures) if (!validerStructure({ ...s })) invalides.push(`structure ${s.id}: ${ajv.errorsText(validerStructure.errors)}`);
    expect(invalides).toEqual([]);
    const ids = new Set(structures.map((s) => s.id));
    expect(services.filter((s) => !ids.has(s.structure_id)).map((s) => s.id)).toEqual([]);
  });

  it("exports the same records as CSV, in the national dump's layout, and as GeoJSON", () => {
    for (const [genre, colonnes] of [["services", COLONNES_DUMP.service], ["structures", COLONNES_DUMP.structure]] as const) {
      const json: Record<string, unknown>[] = JSON.parse(lire(`donnees/${genre}.json`));
      const csv = lire(`donnees/${genre}.csv`);
      expect(csv.charCodeAt(0), `${genre}.csv sans BOM`).not.toBe(0xfeff);
      expect(csv).not.toContain("\r");
      const relu = relireCsv(csv);
      expect(relu.colonnes).toEqual(colonnes);
      expect(relu.lignes).toEqual(json.map((e) => surColonnes(e, colonnes)));

      const geojson = JSON.parse(lire(`donnees/${genre}.geojson`));
      expect(geojson.type).toBe("FeatureCollection");
      expect(geojson.features.map(({ properties: { position_approchee: _, ...record } }: { properties: Record<string, unknown> }) => record)).toEqual(json);
      for (const f of geojson.features as { geometry: { coordinates: [number, number] } | null; properties: Record<string, unknown> }[]) {
        const { latitude, longitude, position_approchee, id } = f.properties;
        if (f.geometry === null) expect(position_approchee, String(id)).toBeNull();
        else if (position_approchee === false) expect(f.geometry.coordinates, String(id)).toEqual([longitude, latitude]);
        else expect(position_approchee, String(id)).toBe(true);
      }
      // The demonstration catalogue places every service and structure.
      expect(geojson.features.filter((f: { geometry: unknown }) => f.geometry === null)).toEqual([]);
    }
  });

  it("lists every open-data file on /donnees/, with its size, the licence and the date", () => {
    const page = lire("donnees/index.html");
    for (const nom of ["services.json", "structures.json", "services.csv", "structures.csv", "services.geojson", "structures.geojson"]) {
      expect(page, nom).toContain(`href="/donnees/${nom}"`);
      expect(existsSync(new URL(`donnees/${nom}`, dist)), nom).toBe(true);
    }
    expect(page).toContain('href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/"');
    expect(page).toMatch(/mis à jour le \d{1,2} \S+ 20\d\d/);
    expect(page).toMatch(/\d+ ko/);
    expect(page).toContain(`${slugs("services").length} services`);
  });
});

/**
 * The shipped catalogue's themes fit in one numbered page each. To check a build whose themes run to several
 * pages, point these tests at it and at its catalogue, e.g. a 10,000-service one (32,000 pages, ~1 min):
 *   CARTO_TESTS_SANS_BUILD=1 CARTO_TESTS_DIST=/tmp/communes-dist CARTO_TESTS_CATALOGUE=/tmp/cat10k \
 *   npx vitest run --project site tests/e2e/build.test.ts -t "pages des communes" --testTimeout 600000
 */
describe("pages des communes", () => {
  const distCommunes = process.env.CARTO_TESTS_DIST ? pathToFileURL(`${process.env.CARTO_TESTS_DIST.replace(/\/+$/, "")}/`) : dist;
  const lireCommunes = (chemin: string) => readFileSync(new URL(chemin, distCommunes), "utf8");
  // The oracle: the coverage rule and the theme membership over the catalogue the site was built from.
  const lecture = validerDossier(process.env.CARTO_TESTS_CATALOGUE || "content");
  const catalogue = construireCatalogue(lecture.structures, lecture.services, siteConfig.source);
  // Services reached by an emergency number (their own phone in the domain table) first: the line at a
  // distance, then those at a place (src/domain/urgence.ts).
  const urgent = (s: (typeof catalogue.services)[number]) => Boolean(s.telephone && numeroCourt(s.telephone)?.urgence);
  const aDistance = (s: (typeof catalogue.services)[number]) => s.modes_accueil.includes("a-distance");
  const urgencesDabord = <R extends { service: (typeof catalogue.services)[number] }>(l: R[]) => [
    ...l.filter((r) => urgent(r.service) && aDistance(r.service)),
    ...l.filter((r) => urgent(r.service) && !aDistance(r.service)),
    ...l.filter((r) => !urgent(r.service)),
  ];
  const attendus = new Map(
    communes.map((c) => {
      const tous = servicesPourLaCommune(catalogue.services, c);
      return [c.slug, new Map(themes.map((t) => [t.slug, urgencesDabord(tous.filter((r) => serviceDansLeTheme(r.service, t))).map((r) => r.service.slug)]))];
    }),
  );
  /** The service slugs of a list of cards, in order. */
  const cartes = (html: string) => [...html.matchAll(/<h3>\s*<a href="\/services\/([^"/]+)\/">/g)].map((m) => m[1]!);
  /** Text of HTML without tags, as Astro escapes it. */
  const texte = (html: string) => html.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const sections = (html: string) => new Map([...html.matchAll(/<section aria-labelledby="([^"]+)">([\s\S]*?)<\/section>/g)].map((m) => [m[1]!, m[2]!]));

  it("lists on each commune page, per theme, the nearest services up to the cap, then links to the theme's whole list", () => {
    let coupes = 0;
    for (const c of communes) {
      const parTheme = sections(lireCommunes(`communes/${c.slug}/index.html`));
      for (const t of themes) {
        const tous = attendus.get(c.slug)!.get(t.slug)!;
        const html = parTheme.get(t.slug);
        expect(html === undefined, `${c.slug} ${t.slug}`).toBe(tous.length === 0);
        if (html === undefined) continue;
        expect(cartes(html), `${c.slug} ${t.slug}`).toEqual(tous.slice(0, PLAFOND_PAR_THEME));
        const lien = /<a class="bouton-secondaire" href="([^"]+)">([^<]+)<\/a>/.exec(html);
        if (tous.length > PLAFOND_PAR_THEME) {
          coupes++;
          expect(lien?.[1]).toBe(`/communes/${c.slug}/${t.slug}/`);
          expect(texte(lien?.[2] ?? "")).toBe(`Voir les ${nombreEnClair(tous.length)} services ${t.label} pour ${c.nom}`);
        } else {
          expect(lien, `${c.slug} ${t.slug}`).toBeNull();
        }
      }
    }
    expect(coupes).toBeGreaterThan(100);
  });

  it("lists on a theme's numbered pages, following « page suivante », exactly the theme's services for the commune, in order", () => {
    let pagesVues = 0;
    for (const c of communes) {
      for (const t of themes) {
        const tous = attendus.get(c.slug)!.get(t.slug)!;
        const dossier = `communes/${c.slug}/${t.slug}/`;
        if (tous.length <= PLAFOND_PAR_THEME) {
          expect(existsSync(new URL(dossier, distCommunes)), dossier).toBe(false);
          continue;
        }
        const nombre = Math.ceil(tous.length / SERVICES_PAR_PAGE);
        const vus: string[] = [];
        let chemin: string | undefined = `/${dossier}`;
        for (let n = 1; chemin; n++) {
          const html = lireCommunes(`.${chemin}index.html`);
          pagesVues++;
          const liste = cartes(html);
          expect(liste.length, chemin).toBeLessThanOrEqual(SERVICES_PAR_PAGE);
          vus.push(...liste);
          const h1 = texte(/<h1>([^<]*)<\/h1>/.exec(html)![1]!);
          expect(h1, chemin).toBe(`Services ${t.label} pour ${c.nom}${nombre > 1 ? `, page ${n} sur ${nombre}` : ""}`);
          const precedente = /<link rel="prev" href="([^"]+)">/.exec(html)?.[1];
          expect(precedente, chemin).toBe(n === 1 ? undefined : n === 2 ? `/${dossier}` : `/${dossier}${n - 1}/`);
          chemin = /<link rel="next" href="([^"]+)">/.exec(html)?.[1];
          if (chemin) expect(html).toMatch(new RegExp(`<a [^>]*href="${chemin}" rel="next">Page suivante`));
          if (n === nombre) expect(chemin, dossier).toBeUndefined();
          else expect(chemin, dossier).toBe(`/${dossier}${n + 1}/`);
        }
        expect(vus, dossier).toEqual(tous);
        expect(existsSync(new URL(`${dossier}${nombre + 1}/`, distCommunes)), dossier).toBe(false);
      }
    }
    expect(pagesVues).toBeGreaterThan(100);
  });
});

describe("construction sur un catalogue invalide", () => {
  it("stops before building, with the validator's readable messages", () => {
    const r = spawnSync(process.execPath, ["node_modules/astro/astro.js", "build", "--outDir", "/tmp/carto-build-casse"], {
      env: envDeConstruction({ CARTO_CATALOGUE: "tests/fixtures/catalogues/casse" }),
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.status).not.toBe(0);
    const sortie = `${r.stdout}\n${r.stderr}`;
    expect(sortie).toMatch(/tests\/fixtures\/catalogues\/casse\/services\/[a-z0-9-]+\.md:\d+ publics: « jeunesse » n'est pas une valeur permise/);
    expect(sortie).toMatch(/contient des erreurs/);
    expect(existsSync("/tmp/carto-build-casse/index.html")).toBe(false);
  });
});

