/** The rights file (content/comptes.yml): reading, its French errors, and the questions asked of it. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { estDuDepartement, lireComptes, parlePour, structuresDuCompte, type Comptes, type OptionsComptes } from "../../src/domain/droits/comptes";
import { formaterProbleme, validerDossier } from "../../src/domain/validation";
import { lireComptesDuCatalogue } from "../../src/lib/comptes";

const STRUCTURES_DEMO = readdirSync("content/structures").map((n) => n.replace(/\.md$/, ""));
const OPTIONS: OptionsComptes = { structures: STRUCTURES_DEMO, dossierStructures: "content/structures/" };

/** The lines `npm run validate` would print for this text. */
const lignes = (texte: string, options: OptionsComptes = OPTIONS) =>
  lireComptes(texte, options).problemes.map((p) => formaterProbleme({ fichier: "content/comptes.yml", ...p }));

describe("content/comptes.yml du catalogue de démonstration", () => {
  const lu = lireComptes(readFileSync("content/comptes.yml", "utf8"), OPTIONS);

  it("is valid and binds partner accounts to real structures, one account to two", () => {
    expect(lu.problemes).toEqual([]);
    const comptes = lu.comptes!;
    expect(comptes.departement.length).toBeGreaterThanOrEqual(2);
    expect(comptes.partenaires.length).toBeGreaterThanOrEqual(4);
    for (const p of comptes.partenaires) for (const s of p.structures) expect(STRUCTURES_DEMO, `${p.compte} → ${s}`).toContain(s);
    expect(comptes.partenaires.some((p) => p.structures.length >= 2)).toBe(true);
    expect(structuresDuCompte(comptes, "ccas-chatellerault")).toEqual(["ccas-chatellerault"]);
  });

  it("is read by the build-time helper the admin uses, from the catalogue folder", () => {
    expect(lireComptesDuCatalogue("content")).toEqual(lu.comptes);
  });
});

describe("questions sur un compte", () => {
  const comptes: Comptes = {
    departement: ["cd86-insertion"],
    partenaires: [
      { compte: "ccas-loudun", structures: ["ccas-de-loudun"] },
      { compte: "ft-poitiers", structures: ["france-travail-pont-neuf", "france-travail-couronneries"] },
    ],
  };

  it("gives the Département every structure, a partner its own, an unknown account none; logins case aside", () => {
    expect(structuresDuCompte(comptes, "CD86-Insertion")).toBe("toutes");
    expect(estDuDepartement(comptes, "cd86-INSERTION")).toBe(true);
    expect(estDuDepartement(comptes, "ccas-loudun")).toBe(false);
    expect(structuresDuCompte(comptes, "FT-Poitiers")).toEqual(["france-travail-pont-neuf", "france-travail-couronneries"]);
    expect(structuresDuCompte(comptes, "inconnu")).toEqual([]);
    expect(parlePour(comptes, "ccas-loudun", "ccas-de-loudun")).toBe(true);
    expect(parlePour(comptes, "ccas-loudun", "france-travail-pont-neuf")).toBe(false);
    expect(parlePour(comptes, "cd86-insertion", "nimporte-laquelle")).toBe(true);
    expect(parlePour(comptes, "inconnu", "ccas-de-loudun")).toBe(false);
  });
});

describe("erreurs de comptes.yml, en français, avec ligne et champ", () => {
  it("names every mistake at once: login shapes, unknown structures with « vouliez-vous dire », duplicates, both lists, shapes", () => {
    const texte = [
      "departement:", // 1
      "  - cd86-insertion", // 2
      "  - CD86-insertion", // 3
      '  - "@cd86"', // 4
      "partenaires:", // 5
      "  - compte: ccas chatellerault", // 6
      "    structures:", // 7
      "      - ccas-chatelerault", // 8
      "      - CCAS de Châtellerault", // 9
      "  - compte: cd86-insertion", // 10
      "    structure: [mds-loudun]", // 11
      "  - compte: ft@example.org", // 12
      "    structures: france-travail-loudun", // 13
      "  - compte: ft-poitiers", // 14
      "    structures: []", // 15
      "  - compte: ft-poitiers", // 16
      "    structures: [france-travail-poitiers-pont-neuf, france-travail-poitiers-pont-neuf]", // 17
      "  - mission-locale-poitou", // 18
      "",
    ].join("\n");
    expect(lignes(texte)).toEqual([
      "content/comptes.yml:3 departement: « CD86-insertion » en double (déjà ligne 2) : gardez une seule ligne",
      "content/comptes.yml:4 departement: « @cd86 » : écrivez l'identifiant sans « @ » : « cd86 »",
      "content/comptes.yml:6 compte: « ccas chatellerault » contient une espace : écrivez l'identifiant (login) du compte, pas le nom affiché de la personne, ex. : ccas-loudun",
      "content/comptes.yml:8 structures: « ccas-chatelerault » n'est pas une structure du catalogue : vouliez-vous dire « ccas-chatellerault » ?",
      "content/comptes.yml:9 structures: « CCAS de Châtellerault » n'est pas un identifiant de structure (le nom de son fichier dans content/structures/, sans .md : minuscules, chiffres et tirets) : vouliez-vous dire « ccas-chatellerault » ?",
      "content/comptes.yml:10 structures: champ obligatoire : les structures pour lesquelles ce compte parle (noms des fichiers de content/structures/, sans .md), une ligne « - <structure> » chacune",
      "content/comptes.yml:10 compte: « cd86-insertion » est aussi un compte du Département (ligne 2) : un compte est soit du Département (il peut tout modifier), soit d'un partenaire ; retirez-le de l'une des deux listes",
      "content/comptes.yml:11 structure: champ inconnu « structure » : vouliez-vous dire « structures » ? (champs permis : compte, structures)",
      "content/comptes.yml:12 compte: « ft@example.org » est une adresse électronique, pas un identifiant de compte : écrivez l'identifiant (login) avec lequel la personne se connecte à la forge, ex. : ccas-loudun",
      "content/comptes.yml:13 structures: doit être une liste : une ligne « - <structure> » par structure (reçu : le texte « france-travail-loudun »)",
      "content/comptes.yml:15 structures: au moins une structure : les noms des fichiers de content/structures/ (sans .md) pour lesquelles ce compte parle",
      "content/comptes.yml:16 compte: compte « ft-poitiers » en double (déjà ligne 14) : regroupez toutes ses structures sous une seule entrée",
      "content/comptes.yml:17 structures: « france-travail-poitiers-pont-neuf » en double (déjà ligne 17) : gardez une seule ligne",
      "content/comptes.yml:18 partenaires: chaque partenaire s'écrit « - compte: ccas-loudun » puis, en dessous, « structures: » et une ligne « - <structure> » par structure (reçu : le texte « mission-locale-poitou »)",
    ]);
    expect(lireComptes(texte, OPTIONS).comptes).toBeUndefined();
  });

  it("finds a structure written by its name, and suggests nothing for a structure unlike any", () => {
    const noms = new Map([["ccas-chatellerault", "CCAS de Châtellerault"]]);
    const texte = "departement: [cd86]\npartenaires:\n  - compte: ccas\n    structures: [ccas-chatellerault-ville, epicerie-de-nulle-part]\n";
    expect(lignes(texte, { ...OPTIONS, nomsDesStructures: noms })).toEqual([
      "content/comptes.yml:4 structures: « ccas-chatellerault-ville » n'est pas une structure du catalogue : vouliez-vous dire « ccas-chatellerault » ?",
      "content/comptes.yml:4 structures: « epicerie-de-nulle-part » n'est pas une structure du catalogue (les structures permises sont les fichiers de content/structures/, sans .md)",
    ]);
  });

  it("requires the Département's list, suggests the field meant, and explains an empty file or a YAML mistake", () => {
    expect(lignes("département:\n  - cd86\n")).toEqual([
      "content/comptes.yml departement: champ obligatoire : la liste des comptes du Département, une ligne « - <compte> » chacun",
      "content/comptes.yml:1 département: champ inconnu « département » : vouliez-vous dire « departement » ? (champs permis : departement, partenaires)",
    ]);
    expect(lignes("departement:\npartenaires:\n")).toEqual([
      "content/comptes.yml:1 departement: au moins un compte du Département : sans lui, personne n'aurait le droit de modifier ce fichier",
    ]);
    expect(lignes("# rien\n")).toEqual([
      "content/comptes.yml:1 fichier vide : il doit contenir « departement: » (les comptes du Département) et « partenaires: » (les comptes des partenaires et leurs structures)",
    ]);
    expect(lignes("departement:\n  - cd86\npartenaires:\n  - compte: ccas\n\tstructures: [x]\n")).toEqual([
      "content/comptes.yml:5 YAML illisible : tabulation utilisée pour décaler une ligne : remplacez-la par des espaces",
    ]);
  });

  it("says what a partner entry without account, or a file that is a list, should be", () => {
    expect(lignes("departement: [cd86]\npartenaires:\n  - structures: [ccas-chatellerault]\n")).toEqual([
      "content/comptes.yml:3 compte: champ obligatoire : l'identifiant (login) du compte sur la forge, ex. : « - compte: ccas-loudun »",
    ]);
    expect(lignes("- cd86\n- ccas\n")).toEqual([
      "content/comptes.yml:1 le fichier doit contenir les champs « departement: » et « partenaires: » (reçu : une liste de 2 valeurs)",
    ]);
  });

  it("accepts a file without partners and logins YAML reads as numbers", () => {
    expect(lireComptes("departement: [cd86, 1234]\n", OPTIONS)).toEqual({ comptes: { departement: ["cd86", "1234"], partenaires: [] }, problemes: [] });
  });
});

describe("npm run validate vérifie comptes.yml avec le catalogue", () => {
  let dossier: string | undefined;
  afterEach(() => {
    if (dossier) rmSync(dossier, { recursive: true, force: true });
    dossier = undefined;
  });
  const catalogue = (comptes?: string) => {
    dossier = mkdtempSync(join(tmpdir(), "droits-valide-"));
    cpSync("tests/fixtures/catalogues/valide", dossier, { recursive: true });
    if (comptes !== undefined) writeFileSync(join(dossier, "comptes.yml"), comptes);
    return dossier;
  };

  it("reports an unknown structure as an error naming the file, the line and the field", () => {
    const d = catalogue("departement: [cd86]\npartenaires:\n  - compte: ml-poitou\n    structures:\n      - mission-locale-poitier\n");
    const r = validerDossier(d, { aujourdhui: "2026-11-30" });
    expect(r.problemes.map(formaterProbleme)).toEqual([
      `${join(d, "comptes.yml")}:5 structures: « mission-locale-poitier » n'est pas une structure du catalogue : vouliez-vous dire « mission-locale-poitiers » ?`,
    ]);
    expect(r.problemes[0]!.gravite).toBe("erreur");
    // The listings themselves are untouched by the rights file.
    expect(r.services).toHaveLength(3);
    expect(() => lireComptesDuCatalogue(d)).toThrow(/comptes\.yml:5 structures: « mission-locale-poitier » n'est pas une structure du catalogue/);
  });

  it("accepts a valid rights file, and a catalogue without one", () => {
    const d = catalogue("departement: [cd86]\npartenaires:\n  - compte: ml-poitou\n    structures: [mission-locale-poitiers]\n");
    expect(validerDossier(d, { aujourdhui: "2026-11-30" }).problemes).toEqual([]);
    expect(lireComptesDuCatalogue(d)?.partenaires).toEqual([{ compte: "ml-poitou", structures: ["mission-locale-poitiers"] }]);
    rmSync(join(d, "comptes.yml"));
    expect(validerDossier(d, { aujourdhui: "2026-11-30" }).problemes).toEqual([]);
    expect(lireComptesDuCatalogue(d)).toBeUndefined();
  });
});
