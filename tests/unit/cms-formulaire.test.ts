/**
 * The CMS form's checks against the validator's (src/domain/schema): a phone number, an e-mail address,
 * a postal or INSEE code the form accepts is one the validator accepts, and the reverse; the form's
 * messages in plain French (src/cms/francais.ts over decap-cms-locales' fr); a new listing's taken name.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { siteConfig } from "../../site.config";
import { configBackendDepuisEnv, genererConfigCms } from "../../src/domain/cms/config";
import { messageNomPris } from "../../src/domain/cms/nom-pris";
import { codeInsee, codePostal, courriel, EXPLICATION_COURRIEL, telephone } from "../../src/domain/schema/champs";
import { EXPLICATION_TELEPHONE } from "../../src/domain/telephone";
import { mulberry32 } from "../../src/domain/aleatoire";
import { fusionnerPhrases, PHRASES_FRANCAISES, type Phrases } from "../../src/cms/francais";
import { slugifier } from "../../src/domain/text";
import type { z } from "zod";

type Champ = Record<string, unknown> & { name: string; fields?: Champ[]; pattern?: [string, string] };
const config = genererConfigCms({ backend: configBackendDepuisEnv({}, siteConfig.cms), siteUrl: siteConfig.urlPublique }) as { collections: { name: string; fields: Champ[] }[] };
const champs = (collection: string) => config.collections.find((c) => c.name === collection)!.fields.flatMap((f) => [f, ...(f.fields ?? [])]);
const motif = (collection: string, nom: string) => {
  const p = champs(collection).find((f) => f.name === nom)!.pattern!;
  return { accepte: (v: string) => new RegExp(p[0]).test(v), message: p[1] };
};

/** Random texts over an alphabet, with a fixed seed (the same cases at every run). */
function tirages(alphabet: string, n: number, longueurMax: number, graine: number): string[] {
  const hasard = mulberry32(graine);
  return Array.from({ length: n }, () => {
    const longueur = Math.floor(hasard() * (longueurMax + 1));
    return Array.from({ length: longueur }, () => alphabet[Math.floor(hasard() * alphabet.length)]).join("");
  });
}

/** What the validator says of a value as the form saves it (trimmed: src/domain/cms/format.ts). */
const valide = (schema: z.ZodTypeAny, v: string) => schema.safeParse(v.trim()).success;

describe("téléphone : le formulaire vérifie comme le validateur", () => {
  // The rule as the validator wrote it before it was shared (separators removed, then the digits checked): an oracle
  // independent of the shared regex.
  const ancienneRegle = (v: string) => /^(0[1-9]\d{8}|\+33[1-9]\d{8}|1\d{1,2}|3\d{3})$/.test(v.trim().replace(/[\s.\-]/g, ""));
  const cas = [
    "05 49 00 00 00",
    "05.49.00.00.00",
    "05-49-00-00-00",
    " 0549000000 ",
    "+33 5 49 00 00 00",
    "+33549000000",
    "3949",
    "39 49",
    "115",
    "1 15",
    "15",
    "jeudi",
    "05 49 00 00",
    "00 49 00 00 00",
    "+33 0 49 00 00 00",
    "05 49 00 00 00 ou 3949",
    "116117",
    "",
    ...tirages("0123456789+ .-x", 3000, 14, 86),
    ...tirages("0549 .", 3000, 16, 79),
  ];

  for (const collection of ["services", "structures"]) {
    it(`${collection} : mêmes réponses que le validateur sur ${cas.length} numéros`, () => {
      const { accepte } = motif(collection, "telephone");
      const ecarts = cas.filter((v) => v.trim() !== "" && (accepte(v) !== valide(telephone, v) || accepte(v) !== ancienneRegle(v)));
      expect(ecarts).toEqual([]);
      expect(cas.filter((v) => accepte(v)).length).toBeGreaterThan(20);
    });
  }

  it("le message du formulaire est celui du validateur", () => {
    expect(motif("services", "telephone").message).toContain(EXPLICATION_TELEPHONE);
    const r = telephone.safeParse("05 49");
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe(`« 05 49 » ${EXPLICATION_TELEPHONE}`);
  });
});

describe("courriel, code postal, code INSEE : le formulaire vérifie comme le validateur", () => {
  const comparer = (nom: string, schema: z.ZodTypeAny, cas: string[]) => {
    const { accepte } = motif("services", nom);
    const ecarts = cas.filter((v) => v.trim() !== "" && accepte(v) !== valide(schema, v));
    expect(ecarts, nom).toEqual([]);
    expect(cas.some((v) => accepte(v)), nom).toBe(true);
  };
  it("courriel", () => {
    comparer("courriel", courriel, ["accueil@structure.fr", " a@b.FR ", "a@b", "a b@c.fr", "a@b.c", "é@ü.org", ...tirages("ab@. ;A1", 3000, 10, 3)]);
    expect(motif("services", "courriel").message).toContain(EXPLICATION_COURRIEL);
  });
  it("code postal", () => {
    comparer("code_postal", codePostal, ["86000", " 86000 ", "8600", "860000", "86 000", ...tirages("0123456789 a", 2000, 7, 5)]);
  });
  it("code INSEE", () => {
    comparer("code_insee", codeInsee, ["86194", "2A004", "2a004", "2B033", "8619", ...tirages("0123456789ABab ", 2000, 6, 6)]);
  });
});

describe("les messages du formulaire, en français simple", () => {
  // decap-cms-locales' fr and en (its reference) as shipped: ES modules of a plain object.
  const locale = (code: string) => {
    const source = readFileSync(join(import.meta.dirname, `../../node_modules/decap-cms-locales/src/${code}/index.js`), "utf8");
    return new Function(source.replace(new RegExp(`^const ${code} = `, "m"), "return ").replace(new RegExp(`export default ${code};?\\s*$`, "m"), ""))() as Phrases;
  };
  const base = locale("fr");
  const anglais = locale("en");
  const fr = fusionnerPhrases(base, PHRASES_FRANCAISES);
  const widget = (p: Phrases) => ((p.editor as Phrases).editorControlPane as Phrases).widget as Record<string, string>;

  it("chaque phrase ajoutée est une clé de Decap (son anglais de référence), le reste du français est gardé", () => {
    const cles = (p: Phrases, prefixe = ""): string[] =>
      Object.entries(p).flatMap(([k, v]) => (typeof v === "string" ? [`${prefixe}${k}`] : cles(v, `${prefixe}${k}.`)));
    const deDecap = new Set(cles(anglais));
    for (const cle of cles(PHRASES_FRANCAISES)) expect(deDecap.has(cle), cle).toBe(true);
    expect(cles(fr).sort()).toEqual([...new Set([...cles(base), ...cles(PHRASES_FRANCAISES)])].sort());
    expect(widget(fr).invalidPath).toBe(widget(base).invalidPath);
  });

  it("aucun message d'erreur ne parle de « schéma » ; le motif s'affiche seul, phrase entière", () => {
    for (const [cle, texte] of Object.entries(widget(fr))) expect(texte, cle).not.toMatch(/schéma/i);
    expect(widget(base).regexPattern).toMatch(/schéma/);
    expect(widget(fr).regexPattern).toBe("%{pattern}");
    for (const collection of ["services", "structures"]) {
      for (const f of champs(collection).filter((c) => c.pattern || (c.field as Champ | undefined)?.pattern)) {
        const message = (f.pattern ?? (f.field as Champ).pattern!)[1];
        expect(message, f.name).toMatch(/^[A-ZÀ-Ý].*\.$/);
      }
    }
  });
});

describe("un nouveau nom déjà pris", () => {
  const existantes = [
    { slug: "atelier-cv", nom: "Atelier CV", structure: "Mission locale du Poitou" },
    { slug: "ccas-de-loudun", nom: "CCAS de Loudun" },
  ];
  it("même adresse (slugifier) : le message nomme la fiche existante et sa structure", () => {
    expect(messageNomPris("services", "Atelier  C.V", existantes)).toBeUndefined();
    expect(slugifier("atelier cv !")).toBe("atelier-cv");
    expect(messageNomPris("services", "atelier cv !", existantes)).toBe(
      "Un service porte déjà ce nom : « Atelier CV » (structure « Mission locale du Poitou »). Précisez le nom, par exemple avec la commune.",
    );
    expect(messageNomPris("structures", "CCAS de Loudun", existantes)).toBe(
      "Une structure porte déjà ce nom : « CCAS de Loudun ». Précisez le nom, par exemple avec la commune.",
    );
  });
  it("un nom libre, ou vide, passe", () => {
    expect(messageNomPris("services", "Atelier CV Loudun", existantes)).toBeUndefined();
    expect(messageNomPris("services", "", existantes)).toBeUndefined();
  });
});
