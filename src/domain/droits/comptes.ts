/**
 * The rights file, `comptes.yml` at the root of the catalogue folder: which forge accounts (GitHub,
 * GitLab… logins) speak for which structures. The Département's accounts may change anything; a partner
 * account only the listings of its structures (checked on every change request: verification.ts).
 *
 * ```yaml
 * departement:
 *   - cd86-insertion
 * partenaires:
 *   - compte: ccas-loudun
 *     structures:
 *       - ccas-de-loudun
 * ```
 *
 * Reading collects every problem with its line and field, in French, as the catalogue validator does.
 * Logins are compared case-insensitively (forges do); the file keeps them as written. The questions
 * (`structuresDuCompte`, `estDuDepartement`, `parlePour`) live in acces.ts, free of this reader's
 * dependencies, and are re-exported here.
 */
import { z } from "zod";
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { MOTIF_SLUG } from "../text";
import { traduireErreurYaml } from "../validation/frontmatter";
import type { Comptes } from "./acces";
import { citer, decrireValeur, plusProche, suggestion, valeurA, type CheminChamp, type ProblemeLocal } from "../validation/messages";

export { estDuDepartement, parlePour, structuresDuCompte, type Comptes } from "./acces";

/** Its name in the catalogue folder, beside structures/ and services/. */
export const FICHIER_COMPTES = "comptes.yml";

/**
 * A forge login: GitHub allows letters, digits and single hyphens, GitLab and Forgejo also « _ » and « . »;
 * all start and end with a letter or a digit. No space, no « @ ».
 */
export const MOTIF_COMPTE = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,98}[A-Za-z0-9])?$/;

const CHAMPS_RACINE = ["departement", "partenaires"] as const;
const CHAMPS_PARTENAIRE = ["compte", "structures"] as const;
const EXEMPLE_PARTENAIRE = "« - compte: ccas-loudun » puis, en dessous, « structures: » et une ligne « - <structure> » par structure";

export interface OptionsComptes {
  /** The catalogue's structure slugs: a slug outside them is an error (with « vouliez-vous dire »). Unchecked when absent. */
  structures?: readonly string[];
  /** Structure names by slug, so that a name written instead of a slug finds its slug. */
  nomsDesStructures?: ReadonlyMap<string, string>;
  /** How the structures folder is shown in messages (`content/structures/`). */
  dossierStructures?: string;
}

/** Why a login is not one, or undefined. */
export function problemeDeCompte(valeur: string): string | undefined {
  const v = valeur.trim();
  const exemple = "ex. : ccas-loudun";
  if (v === "") return `identifiant vide : écrivez l'identifiant (login) du compte sur la forge, ${exemple}`;
  if (MOTIF_COMPTE.test(v)) return undefined;
  if (v.startsWith("@") && MOTIF_COMPTE.test(v.slice(1))) return `${citer(v)} : écrivez l'identifiant sans « @ » : ${citer(v.slice(1))}`;
  if (v.includes("@")) {
    return `${citer(v)} est une adresse électronique, pas un identifiant de compte : écrivez l'identifiant (login) avec lequel la personne se connecte à la forge, ${exemple}`;
  }
  if (/\s/.test(v)) return `${citer(v)} contient une espace : écrivez l'identifiant (login) du compte, pas le nom affiché de la personne, ${exemple}`;
  return `${citer(v)} n'est pas un identifiant de compte : lettres, chiffres, « - », « _ » ou « . », en commençant et finissant par une lettre ou un chiffre, 100 caractères au plus, ${exemple}`;
}

/** « ligne 4 » (« plus haut » without lines), to point at the first of two equal entries. */
const ouEst = (ligneDe?: (chemin: CheminChamp) => number | undefined) => (chemin: CheminChamp) => {
  const l = ligneDe?.(chemin);
  return l !== undefined ? `ligne ${l}` : "plus haut";
};

/** YAML reads `departement:` with nothing under it as null, and a login of digits as a number. */
const videEnListe = (v: unknown) => (v === null ? [] : v);
const nombreEnTexte = (v: unknown) => (typeof v === "number" ? String(v) : v);

/**
 * The file's schema. `ligneDe` (when reading a file) lets « en double » messages give the first line.
 * Here the cross-entry rules (duplicates, an account in both lists) run once every entry has the right
 * shape; lireComptes also runs them on a file with wrong entries.
 */
export function schemaComptes(options: OptionsComptes & { ligneDe?: (chemin: CheminChamp) => number | undefined } = {}) {
  const dossier = options.dossierStructures ?? "structures/";
  const connues = options.structures ? new Set(options.structures) : undefined;
  const ou = ouEst(options.ligneDe);

  const compte = z.preprocess(
    nombreEnTexte,
    z
      .string({
        required_error: "champ obligatoire : l'identifiant (login) du compte sur la forge, ex. : « - compte: ccas-loudun »",
        invalid_type_error: "doit être l'identifiant (login) d'un compte de la forge, ex. : ccas-loudun",
      })
      .superRefine((v, ctx) => {
        const probleme = problemeDeCompte(v);
        if (probleme) ctx.addIssue({ code: z.ZodIssueCode.custom, message: probleme });
      })
      .transform((v) => v.trim()),
  );

  const structure = z.string({ invalid_type_error: `doit être l'identifiant d'une structure : le nom de son fichier dans ${dossier}, sans .md` }).superRefine((v, ctx) => {
    const candidats = options.structures ?? [];
    const proche = candidats.length > 0 ? plusProche(v, candidats, options.nomsDesStructures) : undefined;
    const conseil = proche !== undefined && proche !== v ? ` : vouliez-vous dire ${citer(proche)} ?` : "";
    if (!MOTIF_SLUG.test(v)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `${citer(v)} n'est pas un identifiant de structure (le nom de son fichier dans ${dossier}, sans .md : minuscules, chiffres et tirets)${conseil}`,
      });
    } else if (connues && !connues.has(v)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `${citer(v)} n'est pas une structure du catalogue${conseil || ` (les structures permises sont les fichiers de ${dossier}, sans .md)`}`,
      });
    }
  });

  const partenaire = z
    .object(
      {
        compte,
        structures: z.preprocess(
          videEnListe,
          z
            .array(structure, {
              required_error: `champ obligatoire : les structures pour lesquelles ce compte parle (noms des fichiers de ${dossier}, sans .md), une ligne « - <structure> » chacune`,
              invalid_type_error: "doit être une liste : une ligne « - <structure> » par structure",
            })
            .min(1, `au moins une structure : les noms des fichiers de ${dossier} (sans .md) pour lesquelles ce compte parle`),
        ),
      },
      { invalid_type_error: `chaque partenaire s'écrit ${EXEMPLE_PARTENAIRE}` },
    )
    .strict();

  return z
    .object(
      {
        departement: z.preprocess(
          videEnListe,
          z
            .array(compte, {
              required_error: "champ obligatoire : la liste des comptes du Département, une ligne « - <compte> » chacun",
              invalid_type_error: "doit être une liste : une ligne « - <compte> » par compte du Département",
            })
            .min(1, "au moins un compte du Département : sans lui, personne n'aurait le droit de modifier ce fichier"),
        ),
        partenaires: z
          .preprocess(
            videEnListe,
            z.array(partenaire, { invalid_type_error: `doit être une liste de partenaires ; chacun s'écrit ${EXEMPLE_PARTENAIRE}` }),
          )
          .optional()
          .transform((v) => v ?? []),
      },
      { invalid_type_error: "le fichier doit contenir les champs « departement: » et « partenaires: »" },
    )
    .strict()
    .superRefine((comptes, ctx) => {
      for (const { chemin, message } of problemesCroises(comptes, ou)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...chemin], message });
    });
}

interface ProblemeCroise {
  chemin: (string | number)[];
  message: string;
}

/**
 * Rules across entries: an account listed twice, an account both of the Département and of a partner,
 * a structure listed twice for one account. Entries of the wrong shape are `undefined` and skipped, so
 * that these rules also run on a file whose other entries are wrong (every problem shows at once).
 */
function problemesCroises(
  comptes: { departement: readonly (string | undefined)[]; partenaires: readonly ({ compte?: string; structures: readonly (string | undefined)[] } | undefined)[] },
  ou: (chemin: CheminChamp) => string,
): ProblemeCroise[] {
  const problemes: ProblemeCroise[] = [];
  const cle = (login: string) => login.trim().toLowerCase();
  const duDepartement = new Map<string, number>();
  comptes.departement.forEach((login, i) => {
    if (login === undefined) return;
    const premier = duDepartement.get(cle(login));
    if (premier !== undefined) problemes.push({ chemin: ["departement", i], message: `${citer(login)} en double (déjà ${ou(["departement", premier])}) : gardez une seule ligne` });
    else duDepartement.set(cle(login), i);
  });
  const desPartenaires = new Map<string, number>();
  comptes.partenaires.forEach((p, i) => {
    if (p === undefined) return;
    if (p.compte !== undefined) {
      const chemin = ["partenaires", i, "compte"];
      const aussiDepartement = duDepartement.get(cle(p.compte));
      const premier = desPartenaires.get(cle(p.compte));
      if (aussiDepartement !== undefined) {
        problemes.push({
          chemin,
          message:
            `${citer(p.compte)} est aussi un compte du Département (${ou(["departement", aussiDepartement])}) : ` +
            "un compte est soit du Département (il peut tout modifier), soit d'un partenaire ; retirez-le de l'une des deux listes",
        });
      } else if (premier !== undefined) {
        problemes.push({ chemin, message: `compte ${citer(p.compte)} en double (déjà ${ou(["partenaires", premier, "compte"])}) : regroupez toutes ses structures sous une seule entrée` });
      } else {
        desPartenaires.set(cle(p.compte), i);
      }
    }
    const vues = new Map<string, number>();
    p.structures.forEach((s, j) => {
      if (s === undefined) return;
      const avant = vues.get(s);
      if (avant !== undefined) {
        problemes.push({ chemin: ["partenaires", i, "structures", j], message: `${citer(s)} en double (déjà ${ou(["partenaires", i, "structures", avant])}) : gardez une seule ligne` });
      } else {
        vues.set(s, j);
      }
    });
  });
  return problemes;
}

/** The raw data as far as it has the shape the cross-entry rules need (see problemesCroises). */
function formeBrute(donnees: unknown): Parameters<typeof problemesCroises>[0] {
  const objet = (v: unknown) => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  const texte = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
  const liste = (v: unknown) => (Array.isArray(v) ? v : []);
  const racine = objet(donnees) ?? {};
  return {
    departement: liste(racine.departement).map(texte),
    partenaires: liste(racine.partenaires).map((p) => {
      const o = objet(p);
      if (!o) return undefined;
      const compte = texte(o.compte);
      return { ...(compte !== undefined ? { compte } : {}), structures: liste(o.structures).map((s) => (typeof s === "string" ? s : undefined)) };
    }),
  };
}

/** What the schema gives is the shared `Comptes` (acces.ts), and nothing else: checked both ways by the compiler. */
type Lu = z.output<ReturnType<typeof schemaComptes>>;
type Egaux<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaConformeAuContrat: Egaux<Lu, Comptes> = true;
void schemaConformeAuContrat;

export interface LectureComptes {
  /** Present when the file has no error. */
  comptes?: Comptes;
  /** Each with its 1-based line when it has one, and its field (`departement`, `compte`, `structures`…). */
  problemes: ProblemeLocal[];
}

/** Reads the text of a rights file. */
export function lireComptes(texte: string, options: OptionsComptes = {}): LectureComptes {
  const source = texte.startsWith("\uFEFF") ? texte.slice(1) : texte;
  const compteur = new LineCounter();
  const doc = parseDocument(source, { lineCounter: compteur, prettyErrors: false });
  const ligneA = (position: number) => compteur.linePos(position).line;

  const premiere = doc.errors[0];
  if (premiere) {
    const ligne = ligneA(premiere.pos[0]);
    return { problemes: [{ gravite: "erreur", ligne, message: `YAML illisible : ${traduireErreurYaml(premiere, source.split("\n")[ligne - 1])}` }] };
  }

  /** The line of a field or list item; the closest enclosing one when it is missing. */
  function ligneDe(chemin: CheminChamp): number | undefined {
    let noeud: unknown = doc.contents;
    let ligne: number | undefined;
    for (const segment of chemin) {
      let suivant: unknown;
      if (isMap(noeud)) {
        const paire = noeud.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!isPair(paire) || !isNode(paire.key) || !paire.key.range) break;
        ligne = ligneA(paire.key.range[0]);
        suivant = paire.value;
      } else if (isSeq(noeud) && typeof segment === "number") {
        suivant = noeud.items[segment];
        if (!isNode(suivant) || !suivant.range) break;
        ligne = ligneA(suivant.range[0]);
      } else {
        break;
      }
      noeud = suivant;
    }
    return ligne;
  }

  let donnees: unknown;
  try {
    donnees = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return { problemes: [{ gravite: "erreur", ligne: 1, message: "YAML illisible : une valeur qui commence par « * » ou « & » doit être mise entre guillemets" }] };
  }
  if (donnees === null || donnees === undefined) {
    return {
      problemes: [
        {
          gravite: "erreur",
          ligne: 1,
          message: "fichier vide : il doit contenir « departement: » (les comptes du Département) et « partenaires: » (les comptes des partenaires et leurs structures)",
        },
      ],
    };
  }

  const resultat = schemaComptes({ ...options, ligneDe }).safeParse(donnees);
  if (resultat.success) return { comptes: resultat.data, problemes: [] };
  const issues: z.ZodIssue[] = [...resultat.error.issues];
  // The schema skips the cross-entry rules when an entry has the wrong shape: run them on what can be read.
  const vues = new Set(issues.map((i) => `${i.path.join(".")} ${i.message}`));
  for (const { chemin, message } of problemesCroises(formeBrute(donnees), ouEst(ligneDe))) {
    if (!vues.has(`${chemin.join(".")} ${message}`)) issues.push({ code: z.ZodIssueCode.custom, path: chemin, message });
  }
  const problemes = issues.flatMap((issue) => problemesDeIssue(issue, donnees, ligneDe));
  problemes.sort((a, b) => (a.ligne ?? 0) - (b.ligne ?? 0));
  return { problemes };
}

/** The field a problem is about: the last named segment (`structures` for partenaires.2.structures.0). */
function champDe(chemin: CheminChamp): string | undefined {
  for (let i = chemin.length - 1; i >= 0; i--) if (typeof chemin[i] === "string") return chemin[i] as string;
  return undefined;
}

function problemesDeIssue(issue: z.ZodIssue, donnees: unknown, ligneDe: (chemin: CheminChamp) => number | undefined): ProblemeLocal[] {
  const avecLieu = (chemin: CheminChamp, message: string): ProblemeLocal => {
    // The whole file (a list instead of fields): its first line.
    const ligne = chemin.length === 0 ? 1 : ligneDe(chemin);
    const champ = champDe(chemin);
    return { gravite: "erreur", message, ...(ligne !== undefined ? { ligne } : {}), ...(champ !== undefined ? { champ } : {}) };
  };
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    const permis: readonly string[] = issue.path.length === 0 ? CHAMPS_RACINE : CHAMPS_PARTENAIRE;
    return issue.keys.map((cle) => avecLieu([...issue.path, cle], `champ inconnu ${citer(cle)}${suggestion(cle, permis)} (champs permis : ${permis.join(", ")})`));
  }
  const recu = valeurA(donnees, issue.path);
  if (issue.code === z.ZodIssueCode.invalid_type && recu !== undefined) {
    return [avecLieu(issue.path, `${issue.message} (reçu : ${decrireValeur(recu)})`)];
  }
  return [avecLieu(issue.path, issue.message)];
}
