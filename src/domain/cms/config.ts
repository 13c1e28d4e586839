/**
 * Decap CMS's configuration, generated from the domain: the collections' fields come from the schemas
 * and champs.ts (French labels and hints, reference lists as `{label, value}` options), the git host
 * from the environment or site.config.ts. `npm run cms:config` writes it to public/admin/config.yml.
 */
import { stringify } from "yaml";
import type { SiteConfig } from "../../../site.config.ts";
import { champObligatoire, CORPS, CORPS_DU_FORMULAIRE, definitionChamp, ORDRE_FORMULAIRE, type ChampDuFormulaire, type Collection, type NomChamp } from "./champs";
import { CHAMP_CORPS, CHAMP_IDENTIFIANT, CHAMP_TECHNIQUE, CHAMP_TEXTE_ORIGINAL } from "./format";
import { CHAMPS_DE_LISTE, LIBELLES_CHAMPS_DE_LISTE, MOTIF_A_VERIFIER } from "./liste";
import { LONGUEUR_MAX_MESSAGE_AVIS, NOMBRE_MAX_AVIS } from "../schema/service";

// ---------------------------------------------------------------------------------------------
// Backend: the git host where partners' edits are saved, as drafts to review.

export const BACKENDS = ["github", "gitlab", "gitea", "forgejo"] as const;
export type NomBackend = (typeof BACKENDS)[number];

/** Decap's `backend` section (Decap's own key names). */
export interface ConfigBackend {
  /** Gitea and Forgejo use Decap's "forgejo" backend: its "gitea" backend has no editorial workflow (Decap 3.16). */
  name: "github" | "gitlab" | "forgejo";
  repo: string;
  branch: string;
  base_url?: string;
  auth_endpoint?: string;
  auth_type?: "pkce";
  app_id?: string;
  api_root?: string;
}

/** The environment variables, by setting. */
export const VARIABLES_CMS = {
  backend: "CMS_BACKEND",
  depot: "CMS_REPO",
  branche: "CMS_BRANCH",
  urlAuthentification: "CMS_BASE_URL",
  cheminAuthentification: "CMS_AUTH_ENDPOINT",
  idApplication: "CMS_APP_ID",
  racineApi: "CMS_API_ROOT",
} as const satisfies Record<keyof SiteConfig["cms"], string>;

type Reglage = keyof typeof VARIABLES_CMS;

const HOTES: Record<NomBackend, string> = { github: "GitHub", gitlab: "GitLab", gitea: "Gitea", forgejo: "Forgejo" };

function estUrlHttp(valeur: string): boolean {
  try {
    const u = new URL(valeur);
    const local = u.hostname === "127.0.0.1" || u.hostname === "localhost";
    return u.protocol === "https:" || (u.protocol === "http:" && local);
  } catch {
    return false;
  }
}

/**
 * The backend from the environment (`CMS_BACKEND`, `CMS_REPO`, `CMS_BRANCH`, `CMS_BASE_URL`,
 * `CMS_AUTH_ENDPOINT`, `CMS_APP_ID`, `CMS_API_ROOT`), each defaulting to site.config.ts's `cms` entry.
 * When CMS_BACKEND names another host than the default, the default's OAuth and API settings
 * (which belong to that other host) are not used. Every problem is reported at once, in French,
 * naming the variable (or the site.config.ts entry) and what is allowed.
 */
export function configBackendDepuisEnv(env: Record<string, string | undefined>, defaut: SiteConfig["cms"]): ConfigBackend {
  const problemes: string[] = [];
  const lire = (reglage: Reglage): { valeur?: string; source: string } => {
    const variable = VARIABLES_CMS[reglage];
    const brute = env[variable]?.trim();
    if (brute) return { valeur: brute, source: variable };
    const parDefaut = defaut[reglage]?.trim();
    return { valeur: parDefaut || undefined, source: `site.config.ts (cms.${reglage}, ou la variable ${variable})` };
  };

  const backend = lire("backend");
  let nom: NomBackend = "github";
  if (!backend.valeur) {
    problemes.push(`${VARIABLES_CMS.backend} manquant : indiquez l'hébergeur git du catalogue (valeurs permises : ${BACKENDS.join(", ")})`);
  } else if (!(BACKENDS as readonly string[]).includes(backend.valeur)) {
    problemes.push(`${backend.source} : « ${backend.valeur} » n'est pas un hébergeur pris en charge (valeurs permises : ${BACKENDS.join(", ")})`);
  } else {
    nom = backend.valeur as NomBackend;
  }
  const memeHote = nom === defaut.backend;
  // The default's OAuth and API settings only go with the default's host.
  const lireHote = (reglage: Reglage) => {
    const lu = lire(reglage);
    return memeHote || lu.source === VARIABLES_CMS[reglage] ? lu : { valeur: undefined, source: VARIABLES_CMS[reglage] };
  };

  const depot = lire("depot");
  const motifDepot = nom === "gitlab" ? /^[\w.-]+(?:\/[\w.-]+)+$/ : /^[\w.-]+\/[\w.-]+$/;
  const exempleDepot = nom === "gitlab" ? "groupe/carto-insertion ou groupe/sous-groupe/carto-insertion" : "departement-86/carto-insertion";
  if (!depot.valeur) {
    problemes.push(`${VARIABLES_CMS.depot} manquant : indiquez le dépôt du catalogue sous la forme propriétaire/nom (ex. : ${exempleDepot})`);
  } else if (!motifDepot.test(depot.valeur)) {
    problemes.push(`${depot.source} : « ${depot.valeur} » n'est pas un dépôt de la forme propriétaire/nom (ex. : ${exempleDepot})`);
  }

  const branche = lire("branche");
  const valeurBranche = branche.valeur ?? "main";
  if (!/^[\w.][\w./-]*$/.test(valeurBranche) || valeurBranche.includes("..") || valeurBranche.endsWith("/") || valeurBranche.endsWith(".lock")) {
    problemes.push(`${branche.source} : « ${valeurBranche} » n'est pas un nom de branche git valide (ex. : main)`);
  }

  const url = lireHote("urlAuthentification");
  if (url.valeur && !estUrlHttp(url.valeur)) {
    problemes.push(`${url.source} : « ${url.valeur} » n'est pas une adresse https:// (ex. : https://auth.exemple.fr)`);
  } else if (url.valeur && nom === "github" && new URL(url.valeur).origin !== url.valeur.replace(/\/+$/, "")) {
    // Decap accepts the OAuth window's message only from exactly this origin.
    problemes.push(
      `${url.source} : « ${url.valeur} » doit être une origine, sans chemin (ex. : https://auth.exemple.fr) ; le chemin va dans ${VARIABLES_CMS.cheminAuthentification}`,
    );
  }
  const chemin = lireHote("cheminAuthentification");
  const valeurChemin = chemin.valeur?.replace(/^\/+/, "");
  if (valeurChemin !== undefined && !/^[\w.~-]+(?:\/[\w.~-]+)*$/.test(valeurChemin)) {
    problemes.push(`${chemin.source} : « ${chemin.valeur} » n'est pas un chemin d'adresse (ex. : auth ou oauth/authorize)`);
  }
  const application = lireHote("idApplication");
  if (application.valeur && !/^[\w.-]+$/.test(application.valeur)) {
    problemes.push(`${application.source} : « ${application.valeur} » n'est pas un identifiant d'application OAuth (lettres, chiffres, « - », « _ », « . »)`);
  } else if (!application.valeur && nom !== "github") {
    problemes.push(
      `${VARIABLES_CMS.idApplication} manquant : ${HOTES[nom]} demande l'identifiant (client ID) de l'application OAuth créée pour le CMS (voir docs/deploiement.md)`,
    );
  }
  const api = lireHote("racineApi");
  if (api.valeur && !estUrlHttp(api.valeur)) {
    problemes.push(`${api.source} : « ${api.valeur} » n'est pas une adresse https:// (ex. : https://git.exemple.fr/api/v1)`);
  } else if (!api.valeur && (nom === "gitea" || nom === "forgejo")) {
    problemes.push(`${VARIABLES_CMS.racineApi} manquant : indiquez l'adresse de l'API de votre instance ${HOTES[nom]} (ex. : https://git.exemple.fr/api/v1)`);
  } else if (api.valeur && (nom === "gitea" || nom === "forgejo") && !/\/api\/v\d+\/?$/.test(api.valeur)) {
    problemes.push(`${api.source} : « ${api.valeur} » doit se terminer par /api/v1 (ex. : https://git.exemple.fr/api/v1)`);
  }

  if (problemes.length > 0) {
    throw new Error(`Configuration du CMS invalide :\n${problemes.map((p) => `- ${p}`).join("\n")}`);
  }

  const commun = { repo: depot.valeur!, branch: valeurBranche };
  switch (nom) {
    case "github":
      return {
        name: "github",
        ...commun,
        ...(url.valeur ? { base_url: url.valeur.replace(/\/+$/, "") } : {}),
        ...(valeurChemin ? { auth_endpoint: valeurChemin } : {}),
        ...(api.valeur ? { api_root: api.valeur.replace(/\/+$/, "") } : {}),
      };
    case "gitlab":
      return {
        name: "gitlab",
        ...commun,
        auth_type: "pkce",
        app_id: application.valeur!,
        ...(url.valeur ? { base_url: url.valeur.replace(/\/+$/, "") } : {}),
        ...(valeurChemin ? { auth_endpoint: valeurChemin } : {}),
        ...(api.valeur ? { api_root: api.valeur.replace(/\/+$/, "") } : {}),
      };
    case "gitea":
    case "forgejo":
      // Decap's Forgejo backend (Gitea's API, PKCE OAuth at <instance>/login/oauth/authorize) has the
      // editorial workflow; it derives the instance's address from api_root.
      return { name: "forgejo", ...commun, app_id: application.valeur!, api_root: api.valeur!.replace(/\/+$/, "") };
  }
}

// ---------------------------------------------------------------------------------------------
// Collections.

/** The custom widget that shows a value without letting it be edited (registered in src/cms/admin.ts). */
export const WIDGET_LECTURE_SEULE = "lecture-seule";
/** The hours widget (src/cms/horaires.ts): days and hours chosen, the standard syntax written. */
export const WIDGET_HORAIRES = "horaires";

/** The file format of each collection (registered in src/cms/admin.ts): one per collection, as reading adds collection-specific list fields. */
export const FORMATS_FICHIER: Record<Collection, string> = { structures: "carto-md-structures", services: "carto-md-services" };

/** The custom widget that shows `date_maj` and confirms an unchanged listing in one click (src/cms/confirmation.ts). */
export const WIDGET_CONFIRMATION = "confirmation";

/** The name's widget: a text input that refuses, for a new listing, a name whose address is taken (src/cms/nom-unique.ts). */
export const WIDGET_NOM = "nom-unique";

/**
 * Required fields say so in their label; optional ones say nothing (the admin's stylesheet hides Decap's
 * « (optionnel) », src/cms/formulaire.css): a partner sees at once the few fields to fill.
 */
export const MENTION_OBLIGATOIRE = "(obligatoire)";

/** A field's label as the form shows it. */
export function libelleDuFormulaire(collection: Collection, nom: ChampDuFormulaire): string {
  const { label, obligatoire } = nom === CORPS_DU_FORMULAIRE ? CORPS[collection] : { label: definitionChamp(collection, nom).label, obligatoire: champObligatoire(collection, nom) };
  return obligatoire ? `${label} ${MENTION_OBLIGATOIRE}` : label;
}

/** The local decap-server (`npm run cms`), used only when the CMS is opened on 127.0.0.1 or localhost. */
export const URL_BACKEND_LOCAL = "http://127.0.0.1:8081/api/v1";

/** Decap's slug options; the slug itself is `_identifiant`, filled on save with `slugifier(nom)` (format.ts). */
export const OPTIONS_SLUG = { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" } as const;
export const MODELE_SLUG = `{{fields.${CHAMP_IDENTIFIANT}}}`;

const DESCRIPTIONS: Record<Collection, { label: string; label_singular: string; description: string; summary: string }> = {
  structures: {
    label: "Structures",
    label_singular: "Structure",
    description: "Les organismes qui proposent des services : coordonnées, adresse, présentation.",
    summary: `{{nom}} · {{${CHAMPS_DE_LISTE.etat}}}{{${CHAMPS_DE_LISTE.mots} | ternary('', '')}}`,
  },
  services: {
    label: "Services",
    label_singular: "Service",
    description: "Ce que proposent les structures : pour qui, où, comment en bénéficier. Chaque service est rattaché à une structure.",
    // Bare keys, not `fields.x`: Decap's search reads the summary's keys as data paths. `_mots` is searched, not shown.
    summary: `{{nom}} — {{${CHAMPS_DE_LISTE.structure}}} · {{${CHAMPS_DE_LISTE.etat}}}{{${CHAMPS_DE_LISTE.mots} | ternary('', '')}}`,
  },
};

type ChampDecap = Record<string, unknown>;

/** What the folded technical block says beside its « Déplier » button (other lists have one too). */
export const RESUME_TECHNIQUE = "Code INSEE, coordonnées, origine de la fiche…";

/** A notice folded in the list: its last day and its message (Decap's `date` filter reads the stored YYYY-MM-DD). */
export const RESUME_AVIS = "Jusqu'au {{fields.au | date('DD/MM/YYYY')}} : {{fields.message | truncate(80)}}";

function champDecap(collection: Collection, nom: NomChamp): ChampDecap {
  const def = definitionChamp(collection, nom);
  const obligatoire = champObligatoire(collection, nom);
  const base: ChampDecap = { label: libelleDuFormulaire(collection, nom), name: nom };
  const suite: ChampDecap = { required: obligatoire, hint: def.hint };
  const motif = def.motif ? { pattern: [...def.motif] } : {};
  if (nom === "horaires_accueil") return { ...base, widget: WIDGET_HORAIRES, ...suite };
  switch (def.nature) {
    case "ligne":
    case "code":
      return { ...base, widget: nom === "nom" ? WIDGET_NOM : "string", ...suite, ...motif };
    case "paragraphe":
      return { ...base, widget: "text", ...suite, ...motif };
    case "decimal":
    case "entier":
      return {
        ...base,
        widget: "number",
        ...suite,
        value_type: def.nature === "entier" ? "int" : "float",
        ...(def.min !== undefined ? { min: def.min } : {}),
        ...(def.max !== undefined ? { max: def.max } : {}),
        ...(def.pas !== undefined ? { step: def.pas } : {}),
      };
    case "choix":
      return { ...base, widget: "select", ...suite, multiple: false, options: def.options!.map((o) => ({ ...o })) };
    case "choix-multiple":
    case "zone":
      return { ...base, widget: "select", ...suite, multiple: true, ...(obligatoire ? { min: 1 } : {}), options: def.options!.map((o) => ({ ...o })) };
    case "lignes":
      // A list of one text field: Decap writes a plain list of strings.
      return {
        ...base,
        widget: "list",
        ...suite,
        allow_add: true,
        collapsed: false,
        field: { label: def.label, name: "valeur", widget: "string", ...motif },
      };
    case "structure":
      return {
        ...base,
        widget: "relation",
        ...suite,
        collection: "structures",
        value_field: "{{slug}}",
        search_fields: ["nom"],
        display_fields: ["nom"],
        options_length: 50,
      };
    case "jour":
      return { ...base, widget: WIDGET_CONFIRMATION, required: false, hint: def.hint };
    case "avis": {
      // Decap's datetime widget with `format` and `time_format: false` is the browser's date input (jj/mm/aaaa
      // in a French browser, with its calendar; `date_format` is then unused) and writes the day chosen as
      // YYYY-MM-DD: no time, so no time zone can move it (no `picker_utc`: it only shows « UTC » beside the input).
      const date = (label: string, name: string, hint: string, required: boolean) => ({
        label: required ? `${label} ${MENTION_OBLIGATOIRE}` : label, name, widget: "datetime", required, hint, format: "YYYY-MM-DD", time_format: false,
      });
      return {
        ...base,
        widget: "list",
        ...suite,
        label_singular: "avis temporaire",
        allow_add: true,
        collapsed: false,
        max: NOMBRE_MAX_AVIS,
        summary: RESUME_AVIS,
        fields: [
          date("À partir du", "du", "Laissez vide si le changement a déjà commencé.", false),
          date("Jusqu'au", "au", "Le dernier jour du changement, inclus : l'avis disparaît du site le lendemain.", true),
          {
            label: `Message ${MENTION_OBLIGATOIRE}`,
            name: "message",
            widget: "text",
            required: true,
            hint: `Ce qui change, en une ou deux phrases (${LONGUEUR_MAX_MESSAGE_AVIS} caractères au plus), par ex. : « Permanence déplacée à la mairie de Jaunay-Marigny ».`,
            pattern: [`^[\\s\\S]{1,${LONGUEUR_MAX_MESSAGE_AVIS}}$`, `Le message tient en ${LONGUEUR_MAX_MESSAGE_AVIS} caractères au plus.`],
          },
        ],
      };
    }
    case "origine":
      // Shown, never edited: src/cms/lecture-seule.ts.
      return { ...base, widget: WIDGET_LECTURE_SEULE, required: false, hint: def.hint };
  }
}

function corpsDecap(collection: Collection): ChampDecap {
  const corps = CORPS[collection];
  return {
    label: libelleDuFormulaire(collection, CORPS_DU_FORMULAIRE),
    name: CHAMP_CORPS,
    widget: "markdown",
    required: corps.obligatoire,
    hint: corps.hint,
    buttons: ["bold", "italic", "link", "heading-three", "heading-four", "bulleted-list", "numbered-list", "quote"],
    editor_components: [],
    modes: ["rich_text", "raw"],
    sanitize_preview: true,
  };
}

/** The form's fields in champs.ts's order; the folded part as one collapsed object (format.ts flattens it into the file). */
function champsDuFormulaire(collection: Collection): ChampDecap[] {
  const champ = (nom: ChampDuFormulaire) => (nom === CORPS_DU_FORMULAIRE ? corpsDecap(collection) : champDecap(collection, nom));
  return ORDRE_FORMULAIRE[collection].flatMap((partie): ChampDecap[] =>
    partie.plie
      ? [
          {
            label: partie.titre,
            name: CHAMP_TECHNIQUE,
            widget: "object",
            required: false,
            collapsed: true,
            summary: RESUME_TECHNIQUE,
            hint: "Rarement utile : le site retrouve la commune et sa position à partir de l'adresse.",
            fields: partie.champs.map(champ),
          },
        ]
      : partie.champs.map(champ),
  );
}

function collectionDecap(collection: Collection): Record<string, unknown> {
  return {
    name: collection,
    ...DESCRIPTIONS[collection],
    folder: `content/${collection}`,
    extension: "md",
    format: FORMATS_FICHIER[collection],
    create: true,
    // Deleting a published listing is not reviewed in Decap: the département removes files in the repository.
    delete: false,
    slug: MODELE_SLUG,
    identifier_field: "nom",
    sortable_fields: [
      { field: CHAMPS_DE_LISTE.ordre, label: collection === "services" ? "Mes services d'abord, les plus anciens d'abord" : "Mes structures d'abord, les plus anciennes d'abord", default_sort: true },
      { field: "nom", label: "Nom" },
      { field: "date_maj", label: "Date de mise à jour" },
      ...(collection === "services" ? [{ field: CHAMPS_DE_LISTE.structure, label: "Structure" }] : []),
    ],
    view_filters: [
      { label: collection === "services" ? "Mes services" : "Mes structures", field: CHAMPS_DE_LISTE.mesFiches, pattern: "oui" },
      { label: "À vérifier (plus de 6 mois)", field: CHAMPS_DE_LISTE.etat, pattern: MOTIF_A_VERIFIER },
    ],
    // Decap refuses an empty list of groups.
    ...(collection === "services" ? { view_groups: [{ label: "Structure", field: CHAMPS_DE_LISTE.structure }] } : {}),
    editor: { preview: true },
    fields: [
      ...champsDuFormulaire(collection),
      { label: "Texte du fichier (technique)", name: CHAMP_TEXTE_ORIGINAL, widget: "hidden", required: false },
      { label: "Identifiant (technique)", name: CHAMP_IDENTIFIANT, widget: "hidden", required: false },
      // Declared so that the lists can sort and group by them; filled on reading, never written (liste.ts).
      ...Object.entries(LIBELLES_CHAMPS_DE_LISTE).map(([name, label]) => ({ label, name, widget: "hidden", required: false })),
    ],
  };
}

/** Commit messages in French (`{{collection}}` is the collection's singular label). */
const MESSAGES_DE_COMMIT = {
  create: "{{collection}} « {{slug}} » : création",
  update: "{{collection}} « {{slug}} » : mise à jour",
  delete: "{{collection}} « {{slug}} » : suppression",
  uploadMedia: "Média « {{path}} » : ajout",
  deleteMedia: "Média « {{path}} » : suppression",
  openAuthoring: "{{message}}",
};

/** The whole Decap config, as an object (what public/admin/config.yml holds). */
export function genererConfigCms(options: { backend: ConfigBackend; siteUrl: string }): Record<string, unknown> {
  return {
    backend: { ...options.backend, commit_messages: MESSAGES_DE_COMMIT },
    // Partners save drafts; the département reviews and publishes (a pull/merge request per listing).
    publish_mode: "editorial_workflow",
    local_backend: { url: URL_BACKEND_LOCAL },
    locale: "fr",
    site_url: options.siteUrl,
    display_url: options.siteUrl,
    logo: { src: "/favicon.svg", show_in_header: true },
    // No field takes files; Decap requires a media folder all the same.
    media_folder: "public/medias",
    public_folder: "/medias",
    slug: { ...OPTIONS_SLUG },
    collections: (["structures", "services"] as const).map(collectionDecap),
  };
}

export const ENTETE_CONFIG =
  "# Configuration de Decap CMS (/admin/) : généré par npm run cms:config, ne pas modifier à la main.\n" +
  "# Sources : src/domain/cms (champs, format, config), les schémas, la taxonomie, site.config.ts (entrée cms)\n" +
  "# et les variables CMS_BACKEND, CMS_REPO, CMS_BRANCH, CMS_BASE_URL, CMS_AUTH_ENDPOINT, CMS_APP_ID, CMS_API_ROOT.\n";

/** public/admin/config.yml's text. */
export function texteConfigCms(config: Record<string, unknown>): string {
  return ENTETE_CONFIG + stringify(config, { lineWidth: 0 });
}
