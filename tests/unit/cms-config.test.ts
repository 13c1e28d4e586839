/**
 * Decap CMS's generated configuration (src/domain/cms/config.ts, `npm run cms:config`):
 * committed file up to date, every schema field editable, slugs by the project's rule, backend from the environment.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { siteConfig } from "../../site.config";
import { CHAMPS_CMS, CHAMPS_TECHNIQUES, CORPS_DU_FORMULAIRE, NOMS_CHAMPS, OPTIONS_THEMATIQUES, OPTIONS_ZONE, ORDRE_FORMULAIRE, TITRE_TECHNIQUE, type Collection } from "../../src/domain/cms/champs";
import {
  configBackendDepuisEnv,
  ENTETE_CONFIG,
  genererConfigCms,
  libelleDuFormulaire,
  MENTION_OBLIGATOIRE,
  MODELE_SLUG,
  OPTIONS_SLUG,
  RESUME_AVIS,
  texteConfigCms,
  type ConfigBackend,
  WIDGET_CONFIRMATION,
} from "../../src/domain/cms/config";
import { CHAMP_IDENTIFIANT, CHAMP_TECHNIQUE, CHAMP_TEXTE_ORIGINAL, champsAvantEnregistrement } from "../../src/domain/cms/format";
import { communes, departement, epcis } from "../../src/domain/communes";
import { serviceFrontmatter, structureFrontmatter } from "../../src/domain/schema";
import { besoins, categories, modesAccueil, publics, reseauxPorteurs } from "../../src/domain/taxonomy";
import { MOTIF_SLUG, slugifier } from "../../src/domain/text";
import { NOMS_CHAMPS_DE_LISTE } from "../../src/domain/cms/liste";
import { genreDeZone } from "../../src/domain/zone";
import { LONGUEUR_MAX_MESSAGE_AVIS, NOMBRE_MAX_AVIS } from "../../src/domain/schema/service";

const RACINE = join(import.meta.dirname, "../..");
const SCHEMAS = { structures: structureFrontmatter, services: serviceFrontmatter } as const;

type Champ = Record<string, unknown> & { name: string; widget: string };
type CollectionDecap = Record<string, unknown> & { name: Collection; fields: Champ[] };

const backendParDefaut = () => configBackendDepuisEnv({}, siteConfig.cms);
const config = genererConfigCms({ backend: backendParDefaut(), siteUrl: siteConfig.urlPublique }) as Record<string, unknown> & {
  collections: CollectionDecap[];
};
const collection = (nom: Collection) => config.collections.find((c) => c.name === nom)!;
/** The form's fields, those of the folded technical block included (not the fields of a list's items). */
const tousLesChamps = (c: Collection): Champ[] => collection(c).fields.flatMap((f) => [f, ...(f.name === CHAMP_TECHNIQUE ? (f.fields as Champ[]) : [])]);
const champ = (c: Collection, nom: string) => tousLesChamps(c).find((f) => f.name === nom)!;

describe("public/admin/config.yml", () => {
  it("le fichier livré est celui que produit npm run cms:config (sans variables CMS_*)", () => {
    const livre = readFileSync(join(RACINE, "public/admin/config.yml"), "utf8");
    expect(livre, "public/admin/config.yml n'est pas à jour : lancez « npm run cms:config »").toBe(texteConfigCms(config));
    expect(livre.startsWith(ENTETE_CONFIG)).toBe(true);
    expect(livre).toContain("généré par npm run cms:config, ne pas modifier à la main");
    expect(parse(livre)).toEqual(config);
  });

  it("le script écrit ce fichier, vérifie qu'il est à jour (--check), et refuse une variable invalide en disant laquelle", () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("CMS_")));
    const sortie = execFileSync(process.execPath, ["--import", "tsx", "scripts/generate-cms-config.ts", "--check"], { cwd: RACINE, env, encoding: "utf8" });
    expect(sortie).toContain("à jour");
    const refus = spawnSync(process.execPath, ["--import", "tsx", "scripts/generate-cms-config.ts", "--check"], {
      cwd: RACINE,
      env: { ...env, CMS_BACKEND: "bitbucket" },
      encoding: "utf8",
    });
    expect(refus.status).toBe(1);
    expect(refus.stderr).toContain("CMS_BACKEND : « bitbucket » n'est pas un hébergeur pris en charge (valeurs permises : github, gitlab, gitea, forgejo)");
  }, 30_000);

  it("réglages généraux : français, relecture avant publication, adresse du site, logo, serveur local", () => {
    expect(config).toMatchObject({
      locale: "fr",
      publish_mode: "editorial_workflow",
      site_url: siteConfig.urlPublique,
      display_url: siteConfig.urlPublique,
      logo: { src: "/favicon.svg" },
      local_backend: { url: "http://127.0.0.1:8081/api/v1" },
      slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    });
    expect(config.media_folder).toBeTypeOf("string"); // required by Decap even without file fields
  });

  it("deux collections de dossier au format du projet, créables, non supprimables depuis le CMS", () => {
    for (const nom of ["structures", "services"] as const) {
      expect(collection(nom)).toMatchObject({
        folder: `content/${nom}`,
        extension: "md",
        format: `carto-md-${nom}`,
        create: true,
        delete: false,
        identifier_field: "nom",
        slug: `{{fields.${CHAMP_IDENTIFIANT}}}`,
      });
      // Bare keys: Decap's search reads them as data paths (`fields.nom` would search nothing).
      expect(collection(nom).summary).toMatch(/^\{\{nom\}\}/);
    }
  });
});

describe("chaque champ du schéma a son champ dans le CMS, et réciproquement", () => {
  for (const nom of ["structures", "services"] as const) {
    it(nom, () => {
      const schema = Object.keys(SCHEMAS[nom].innerType().shape);
      const cms = tousLesChamps(nom).map((f) => f.name).filter((n) => !NOMS_CHAMPS_DE_LISTE.includes(n));
      const internes = ["body", CHAMP_TEXTE_ORIGINAL, CHAMP_IDENTIFIANT, CHAMP_TECHNIQUE];
      // Every schema field once, in the form's order (champs.ts), not the files' (the schema's).
      expect(cms.filter((n) => !internes.includes(n)).sort()).toEqual([...schema].sort());
      expect(new Set(cms).size).toBe(cms.length);
      expect(cms.filter((n) => n !== CHAMP_TECHNIQUE)).toEqual([
        ...ORDRE_FORMULAIRE[nom].flatMap((p) => p.champs).map((c) => (c === CORPS_DU_FORMULAIRE ? "body" : c)),
        CHAMP_TEXTE_ORIGINAL,
        CHAMP_IDENTIFIANT,
      ]);
      expect(cms.slice(-2)).toEqual([CHAMP_TEXTE_ORIGINAL, CHAMP_IDENTIFIANT]);
      // The lists' fields (liste.ts) are hidden fields of their own, after the form's.
      expect(tousLesChamps(nom).filter((f) => NOMS_CHAMPS_DE_LISTE.includes(f.name)).map((f) => f.widget)).toEqual(NOMS_CHAMPS_DE_LISTE.map(() => "hidden"));
      expect(NOMS_CHAMPS[nom]).toEqual(schema);
      for (const f of tousLesChamps(nom)) {
        expect(f.label, f.name).toMatch(/\S/);
        expect(typeof f.required, f.name).toBe("boolean");
        if (f.widget !== "hidden") expect(f.hint, f.name).toMatch(/\S/);
      }
    });
  }

  it("le tableau des champs couvre l'union des deux schémas, sans champ en trop", () => {
    const union = new Set([...NOMS_CHAMPS.structures, ...NOMS_CHAMPS.services]);
    expect(new Set(Object.keys(CHAMPS_CMS))).toEqual(union);
  });

  it("obligatoire dans le formulaire quand le schéma l'exige ; date_maj montrée avec la confirmation en un clic, remplie à l'enregistrement", () => {
    const obligatoires = (nom: Collection) => tousLesChamps(nom).filter((f) => f.required).map((f) => f.name);
    expect(obligatoires("services")).toEqual(["nom", "structure", "body", "thematiques", "modes_accueil"]);
    expect(obligatoires("structures")).toEqual(["nom"]);
    // Required fields say so in their label; the others do not (Decap's « (optionnel) » is hidden by the admin's CSS).
    for (const nom of ["structures", "services"] as const) {
      for (const f of tousLesChamps(nom)) {
        expect(String(f.label).endsWith(` ${MENTION_OBLIGATOIRE}`), `${nom} ${f.name} : ${f.label}`).toBe(f.required === true);
      }
    }
    expect(champ("services", "nom").label).toBe(`${CHAMPS_CMS.nom.parCollection.services.label} ${MENTION_OBLIGATOIRE}`);
    expect(libelleDuFormulaire("services", "telephone")).toBe(CHAMPS_CMS.telephone.label);
    for (const nom of ["structures", "services"] as const) {
      expect(champ(nom, "date_maj")).toMatchObject({ widget: WIDGET_CONFIRMATION, required: false });
      expect(champ(nom, CHAMP_TEXTE_ORIGINAL)).toMatchObject({ widget: "hidden", required: false });
    }
    expect(champ("services", "body")).toMatchObject({ widget: "markdown", label: `Description ${MENTION_OBLIGATOIRE}` });
    expect(champ("structures", "body")).toMatchObject({ widget: "markdown", label: "Présentation" });
  });

  it("widgets : listes de référence en {label, value}, structure en relation, coordonnées en nombres (pas de carte)", () => {
    expect(champ("services", "thematiques")).toMatchObject({ widget: "select", multiple: true, min: 1 });
    expect(champ("services", "thematiques").options).toEqual(OPTIONS_THEMATIQUES);
    expect(OPTIONS_THEMATIQUES.map((o) => o.value)).toEqual(besoins.map((b) => b.value));
    const logement = categories.find((c) => c.value === "logement-hebergement")!;
    expect(OPTIONS_THEMATIQUES).toContainEqual({ label: `${logement.label} — ${logement.besoins[0]!.label}`, value: logement.besoins[0]!.value });
    expect(champ("services", "publics")).toMatchObject({ widget: "select", multiple: true, required: false });
    expect(champ("services", "publics").options).toEqual(publics.map((p) => ({ label: p.label, value: p.value })));
    expect(champ("services", "modes_accueil").options).toEqual(modesAccueil.map((p) => ({ label: p.label, value: p.value })));
    expect(champ("structures", "reseaux_porteurs").options).toHaveLength(reseauxPorteurs.length);
    expect(champ("services", "type")).toMatchObject({ widget: "select", multiple: false, required: false });
    expect(champ("services", "structure")).toMatchObject({
      widget: "relation",
      collection: "structures",
      value_field: "{{slug}}",
      search_fields: ["nom"],
    });
    for (const nom of ["structures", "services"] as const) {
      expect(champ(nom, "latitude")).toMatchObject({ widget: "number", value_type: "float", min: -90, max: 90 });
      expect(champ(nom, "longitude")).toMatchObject({ widget: "number", value_type: "float", min: -180, max: 180 });
      expect(collection(nom).fields.some((f) => f.widget === "map")).toBe(false);
    }
    expect(champ("services", "nombre_semaines")).toMatchObject({ widget: "number", value_type: "int" });
  });

  it("avis temporaires : trois au plus, jours saisis sans heure (écrits AAAA-MM-JJ), fin et message obligatoires, résumé lisible une fois plié", async () => {
    const avis = champ("services", "avis");
    expect(avis).toMatchObject({ widget: "list", required: false, max: NOMBRE_MAX_AVIS, summary: RESUME_AVIS });
    const sous = avis.fields as Champ[];
    expect(sous.map((f) => [f.name, f.required])).toEqual([["du", false], ["au", true], ["message", true]]);
    for (const f of sous) {
      expect(String(f.label).endsWith(` ${MENTION_OBLIGATOIRE}`), f.name).toBe(f.required);
      expect(f.hint, f.name).toMatch(/\S/);
    }
    // A date input with no time: no time zone can move the day (and no « UTC » shown beside it).
    for (const f of sous.slice(0, 2)) expect(f).toMatchObject({ widget: "datetime", format: "YYYY-MM-DD", time_format: false });
    for (const f of sous.slice(0, 2)) expect(f.picker_utc).toBeUndefined();
    const [motif, message] = sous[2]!.pattern as [string, string];
    expect(new RegExp(motif).test("x".repeat(LONGUEUR_MAX_MESSAGE_AVIS))).toBe(true);
    expect(new RegExp(motif).test("x".repeat(LONGUEUR_MAX_MESSAGE_AVIS + 1))).toBe(false);
    expect(message).toContain(String(LONGUEUR_MAX_MESSAGE_AVIS));
    // The folded item's title, by Decap's own template code, on the item as the list widget hands it (decap-cms-widget-list handleSummary).
    const module = "decap-cms-lib-widgets/dist/esm/stringTemplate.js";
    const { compileStringTemplate } = (await import(/* @vite-ignore */ module)) as Record<string, (...args: unknown[]) => string>;
    const { fromJS } = (await import("immutable")) as unknown as { fromJS: (v: unknown) => unknown };
    const titre = (item: Record<string, unknown>) => compileStringTemplate!(RESUME_AVIS, null, "", fromJS(item));
    expect(titre({ au: "2027-01-04", message: "Permanence déplacée à la mairie." })).toBe("Jusqu'au 04/01/2027 : Permanence déplacée à la mairie.");
    expect(titre({ au: "2027-01-04", message: "x".repeat(LONGUEUR_MAX_MESSAGE_AVIS) }).length).toBeLessThan(120);
  });

  it("zone d'éligibilité : la France, le département, ses EPCI, ses communes « Nom (code postal) »", () => {
    const zone = champ("services", "zone_eligibilite");
    expect(zone).toMatchObject({ widget: "select", multiple: true, required: false });
    expect(zone.options).toEqual(OPTIONS_ZONE);
    const valeurs = OPTIONS_ZONE.map((o) => o.value);
    expect(valeurs.slice(0, 2)).toEqual(["france", departement.code]);
    for (const e of epcis) expect(valeurs).toContain(e.siren);
    expect(OPTIONS_ZONE.length).toBe(2 + epcis.length + communes.length);
    expect(OPTIONS_ZONE).toContainEqual({ label: "Poitiers (86000)", value: "86194" });
    expect(new Set(valeurs).size).toBe(valeurs.length);
    for (const v of valeurs) expect(genreDeZone(v), v).toBeDefined();
  });

  it("chaque option offerte est acceptée par le schéma", () => {
    const base = {
      nom: "Atelier",
      structure: "x",
      thematiques: [besoins[0]!.value],
      modes_accueil: ["a-distance"],
      date_maj: "2026-01-01",
    };
    for (const [nom, c] of Object.entries({ thematiques: 0, publics: 0, type: 0, frais: 0, modes_accueil: 0, modes_mobilisation: 0, mobilisable_par: 0, zone_eligibilite: 0 })) {
      void c;
      const f = champ("services", nom);
      for (const o of f.options as { value: string }[]) {
        const valeur = f.multiple ? [o.value] : o.value;
        const extra = nom === "modes_mobilisation" && o.value === "utiliser-lien-mobilisation" ? { lien_mobilisation: "https://exemple.fr/rdv" } : {};
        const r = serviceFrontmatter.safeParse({ ...base, [nom]: valeur, ...extra });
        expect(r.success, `${nom} ${o.value}`).toBe(true);
      }
    }
  });
});

describe("l'ordre du formulaire : le service, pour qui, où et quand, comment, puis le technique, plié", () => {
  it("un service s'ouvre sur son nom, sa structure, son résumé et sa description", () => {
    expect(collection("services").fields.slice(0, 4).map((f) => f.name)).toEqual(["nom", "structure", "resume", "body"]);
    expect(collection("structures").fields.slice(0, 2).map((f) => f.name)).toEqual(["nom", "body"]);
  });

  it("les champs techniques sont à la fin, dans un bloc replié dont le format de fichier remet les champs au premier niveau", () => {
    for (const nom of ["structures", "services"] as const) {
      const champs = collection(nom).fields.filter((f) => f.widget !== "hidden");
      const bloc = champs.at(-1)!;
      expect(bloc).toMatchObject({ name: CHAMP_TECHNIQUE, widget: "object", collapsed: true, required: false, label: TITRE_TECHNIQUE });
      const dedans = (bloc.fields as Champ[]).map((f) => f.name);
      expect(dedans).toEqual(expect.arrayContaining(["code_insee", "latitude", "longitude", "source", "id", "lien_source"]));
      for (const n of dedans) expect(CHAMPS_TECHNIQUES.has(n as never), n).toBe(true);
      // Nothing the partner must fill hides in the folded block.
      expect((bloc.fields as Champ[]).filter((f) => f.required)).toEqual([]);
    }
    expect(champ("services", "anciens_slugs")).toBeDefined();
    expect((champ("services", CHAMP_TECHNIQUE).fields as Champ[]).map((f) => f.name)).toContain("anciens_slugs");
  });

  it("chaque partie ne cite que des champs de sa collection, chacun une fois", () => {
    for (const nom of ["structures", "services"] as const) {
      const cites = ORDRE_FORMULAIRE[nom].flatMap((p) => p.champs);
      expect(new Set(cites).size, nom).toBe(cites.length);
      expect(cites.filter((c) => c !== CORPS_DU_FORMULAIRE).sort()).toEqual([...NOMS_CHAMPS[nom]].sort());
    }
  });
});

describe("identifiants (slugs) : ceux de slugifier(), calculés comme Decap les calcule", () => {
  /**
   * Decap's pipeline for `slug: "{{fields.x}}"` (decap-cms-core lib/formatters.js slugFormatter):
   * compileStringTemplate (decap-cms-lib-widgets) with processSegment = prepareSlug then sanitizeSlug
   * (lib/urlHelper.js). sanitizeSlug and compileStringTemplate are Decap's own modules, imported;
   * formatters.js cannot be imported in Node (its imports need `window`), so prepareSlug is taken
   * from its source text and evaluated.
   */
  async function slugDecap() {
    const charger = (chemin: string) => import(/* @vite-ignore */ chemin) as Promise<Record<string, (...args: unknown[]) => unknown>>;
    const { sanitizeSlug, sanitizeChar } = await charger("decap-cms-core/dist/esm/lib/urlHelper.js");
    const { compileStringTemplate } = await charger("decap-cms-lib-widgets/dist/esm/stringTemplate.js");
    const { fromJS } = (await import("immutable")) as unknown as { fromJS: (v: unknown) => unknown };
    const source = readFileSync(join(RACINE, "node_modules/decap-cms-core/dist/esm/lib/formatters.js"), "utf8");
    const corps = /export function prepareSlug\(slug\) \{([\s\S]*?)\n\}/.exec(source)?.[1];
    expect(corps, "prepareSlug introuvable dans decap-cms-core").toBeDefined();
    const prepareSlug = new Function("slug", corps!) as (s: string) => string;
    const segment = (v: unknown) => sanitizeSlug!(prepareSlug(String(v)), config.slug) as string;
    return {
      slug: (modele: string, donnees: Record<string, unknown>) => compileStringTemplate!(modele, null, "", fromJS(donnees), segment) as string,
      separateurDoublon: sanitizeChar!(" ", config.slug) as string,
    };
  }

  const NOMS = [
    "L'Île-Jourdain",
    "Accès aux droits (CCAS)",
    "Atelier CV – 2ᵉ session",
    "Maison de l’emploi d'Availles-Limouzine",
    "Œuvre d'entraide : « Coup de pouce » !",
    "  Point Info. Jeunes  ",
    "Atelier_numérique ~ débutants",
    "Straße øre",
  ];

  it("après le crochet preSave, le modèle de slug des collections donne slugifier(nom)", async () => {
    const decap = await slugDecap();
    for (const nom of NOMS) {
      const donnees = { nom, ...champsAvantEnregistrement({ nom }) };
      const slug = decap.slug(MODELE_SLUG, donnees);
      expect(slug, nom).toBe(slugifier(nom));
      expect(slug, nom).toMatch(MOTIF_SLUG);
    }
    expect(decap.slug(MODELE_SLUG, { nom: "L'Île-Jourdain", ...champsAvantEnregistrement({ nom: "L'Île-Jourdain" }) })).toBe("l-ile-jourdain");
    expect(decap.slug(MODELE_SLUG, { nom: "Accès aux droits (CCAS)", ...champsAvantEnregistrement({ nom: "Accès aux droits (CCAS)" }) })).toBe(
      "acces-aux-droits-ccas",
    );
    expect(decap.slug(MODELE_SLUG, { nom: "Atelier CV – 2ᵉ session", ...champsAvantEnregistrement({ nom: "Atelier CV – 2ᵉ session" }) })).toBe(
      "atelier-cv-2-session",
    );
    // A name already taken gets "-1", "-2"…: still a valid slug.
    expect(`atelier-cv${decap.separateurDoublon}1`).toMatch(MOTIF_SLUG);
  });

  it("pourquoi pas {{fields.nom}} : Decap supprime l'apostrophe droite et garde « _ » et « ~ »", async () => {
    const decap = await slugDecap();
    const direct = (nom: string) => decap.slug("{{fields.nom}}", { nom });
    expect(OPTIONS_SLUG).toEqual(config.slug);
    expect(direct("L'Île-Jourdain")).toBe("lile-jourdain"); // slugifier: l-ile-jourdain
    expect(direct("Maison de l’emploi")).toBe("maison-de-l-emploi"); // typographic apostrophe: same as slugifier
    expect(direct("Accès aux droits (CCAS)")).toBe(slugifier("Accès aux droits (CCAS)"));
    expect(direct("Atelier CV – 2ᵉ session")).toBe(slugifier("Atelier CV – 2ᵉ session"));
    expect(direct("Atelier_numérique ~ débutants")).toBe("atelier_numerique-~-debutants"); // not a valid slug
    expect(direct("Straße")).toBe("strasse"); // slugifier: stra-e
  });
});

describe("backend depuis l'environnement", () => {
  const defaut = { backend: "github", depot: "departement-86/carto-insertion", branche: "main" } as const;

  it("par défaut : site.config.ts", () => {
    expect(configBackendDepuisEnv({}, defaut)).toEqual({ name: "github", repo: "departement-86/carto-insertion", branch: "main" });
    expect(backendParDefaut()).toMatchObject({ name: siteConfig.cms.backend, repo: siteConfig.cms.depot, branch: siteConfig.cms.branche });
    // Empty variables count as unset.
    expect(configBackendDepuisEnv({ CMS_REPO: "", CMS_BRANCH: "  " }, defaut)).toEqual(configBackendDepuisEnv({}, defaut));
  });

  it("GitHub avec un proxy OAuth", () => {
    expect(
      configBackendDepuisEnv(
        { CMS_REPO: "cd86/catalogue", CMS_BRANCH: "production", CMS_BASE_URL: "https://auth.cd86.example.org/", CMS_AUTH_ENDPOINT: "/auth" },
        defaut,
      ),
    ).toEqual({ name: "github", repo: "cd86/catalogue", branch: "production", base_url: "https://auth.cd86.example.org", auth_endpoint: "auth" });
  });

  it("GitLab (PKCE, instance auto-hébergée, sous-groupes)", () => {
    expect(
      configBackendDepuisEnv(
        {
          CMS_BACKEND: "gitlab",
          CMS_REPO: "departement/insertion/carto",
          CMS_APP_ID: "a1b2c3",
          CMS_BASE_URL: "https://gitlab.cd86.example.org",
          CMS_API_ROOT: "https://gitlab.cd86.example.org/api/v4",
        },
        defaut,
      ),
    ).toEqual({
      name: "gitlab",
      repo: "departement/insertion/carto",
      branch: "main",
      auth_type: "pkce",
      app_id: "a1b2c3",
      base_url: "https://gitlab.cd86.example.org",
      api_root: "https://gitlab.cd86.example.org/api/v4",
    });
  });

  it("Gitea et Forgejo : le backend « forgejo » de Decap, le seul des deux avec la relecture", () => {
    const attendu = { name: "forgejo", repo: "cd86/carto", branch: "main", app_id: "0f3e-99", api_root: "https://git.cd86.example.org/api/v1" };
    const env = { CMS_REPO: "cd86/carto", CMS_APP_ID: "0f3e-99", CMS_API_ROOT: "https://git.cd86.example.org/api/v1/" };
    expect(configBackendDepuisEnv({ ...env, CMS_BACKEND: "gitea" }, defaut)).toEqual(attendu);
    expect(configBackendDepuisEnv({ ...env, CMS_BACKEND: "forgejo" }, defaut)).toEqual(attendu);
  });

  it("les réglages OAuth par défaut d'un autre hébergeur ne sont pas repris", () => {
    const defautGithub = { ...defaut, urlAuthentification: "https://auth.example.org", cheminAuthentification: "auth" };
    expect(configBackendDepuisEnv({ CMS_BACKEND: "gitlab", CMS_APP_ID: "abc" }, defautGithub)).toEqual({
      name: "gitlab",
      repo: "departement-86/carto-insertion",
      branch: "main",
      auth_type: "pkce",
      app_id: "abc",
    });
    expect(configBackendDepuisEnv({}, defautGithub)).toMatchObject({ base_url: "https://auth.example.org", auth_endpoint: "auth" });
  });

  it("chaque backend git garde la relecture (publish_mode: editorial_workflow)", () => {
    const backends: ConfigBackend[] = [
      configBackendDepuisEnv({}, defaut),
      configBackendDepuisEnv({ CMS_BACKEND: "gitlab", CMS_APP_ID: "x" }, defaut),
      configBackendDepuisEnv({ CMS_BACKEND: "gitea", CMS_APP_ID: "x", CMS_API_ROOT: "https://git.example.org/api/v1" }, defaut),
    ];
    for (const backend of backends) {
      const c = genererConfigCms({ backend, siteUrl: "https://exemple.fr" });
      expect(c.publish_mode).toBe("editorial_workflow");
      expect(c.backend).toMatchObject(backend);
    }
  });

  const erreur = (env: Record<string, string | undefined>, d: Parameters<typeof configBackendDepuisEnv>[1] = defaut) => {
    try {
      configBackendDepuisEnv(env, d);
    } catch (e) {
      return (e as Error).message;
    }
    return "aucune erreur";
  };

  it("valeur invalide ou manquante : message en français, avec la variable et les valeurs permises", () => {
    expect(erreur({ CMS_BACKEND: "bitbucket" })).toContain(
      "CMS_BACKEND : « bitbucket » n'est pas un hébergeur pris en charge (valeurs permises : github, gitlab, gitea, forgejo)",
    );
    expect(erreur({ CMS_REPO: "carto-insertion" })).toContain(
      "CMS_REPO : « carto-insertion » n'est pas un dépôt de la forme propriétaire/nom (ex. : departement-86/carto-insertion)",
    );
    expect(erreur({ CMS_REPO: "a/b/c" })).toContain("CMS_REPO : « a/b/c »");
    expect(erreur({ CMS_BRANCH: "ma branche" })).toContain("CMS_BRANCH : « ma branche » n'est pas un nom de branche git valide");
    expect(erreur({ CMS_BASE_URL: "http://auth.example.org" })).toContain("CMS_BASE_URL : « http://auth.example.org » n'est pas une adresse https://");
    expect(erreur({ CMS_BASE_URL: "https://auth.example.org/oauth" })).toContain(
      "CMS_BASE_URL : « https://auth.example.org/oauth » doit être une origine, sans chemin (ex. : https://auth.exemple.fr) ; le chemin va dans CMS_AUTH_ENDPOINT",
    );
    expect(erreur({ CMS_AUTH_ENDPOINT: "https://x/auth" })).toContain("CMS_AUTH_ENDPOINT");
    expect(erreur({ CMS_BACKEND: "gitlab" })).toContain("CMS_APP_ID manquant : GitLab demande l'identifiant (client ID) de l'application OAuth");
    expect(erreur({ CMS_BACKEND: "gitea", CMS_APP_ID: "x" })).toContain("CMS_API_ROOT manquant");
    expect(erreur({ CMS_BACKEND: "gitea", CMS_APP_ID: "x", CMS_API_ROOT: "https://git.example.org" })).toContain("doit se terminer par /api/v1");
  });

  it("une erreur venue de site.config.ts le dit ; plusieurs erreurs sont toutes listées", () => {
    expect(erreur({}, { backend: "svn" as never, depot: "", branche: "main" })).toBe(
      [
        "Configuration du CMS invalide :",
        "- site.config.ts (cms.backend, ou la variable CMS_BACKEND) : « svn » n'est pas un hébergeur pris en charge (valeurs permises : github, gitlab, gitea, forgejo)",
        "- CMS_REPO manquant : indiquez le dépôt du catalogue sous la forme propriétaire/nom (ex. : departement-86/carto-insertion)",
      ].join("\n"),
    );
  });
});
