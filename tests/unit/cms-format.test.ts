/**
 * The CMS's file format (src/domain/cms/format.ts): what Decap reads from a file and writes back.
 * Form values are given as Decap really hands them to `toFile` (entry data through Immutable's toJS):
 * '' for a touched empty text field, null for a cleared select, [] for a cleared required multi-select,
 * numbers from number inputs ('' when emptied), days as "YYYY-MM-DD" strings, the body as `body`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CHAMPS_TECHNIQUES, NOMS_CHAMPS, OPTIONS_ZONE, type Collection } from "../../src/domain/cms/champs";
import {
  CHAMP_IDENTIFIANT,
  CHAMP_TECHNIQUE,
  CHAMP_TEXTE_ORIGINAL,
  aplatirFormulaire,
  champsAvantEnregistrement,
  depuisFichier,
  versFichier,
} from "../../src/domain/cms/format";
import { communes, epcis } from "../../src/domain/communes";
import { aujourdhuiAParis } from "../../src/domain/dates";
import { besoins, modesAccueil, modesMobilisation, personnesMobilisatrices, publics, typesDeService } from "../../src/domain/taxonomy";
import { validerFichiers, type FichierCatalogue } from "../../src/domain/validation";

const RACINE = join(import.meta.dirname, "../..");
const FIXTURE = readFileSync(join(RACINE, "tests/fixtures/cms/service-ecrit-a-la-main.md"), "utf8");

function lireDossier(collection: Collection): FichierCatalogue[] {
  const dossier = join(RACINE, "content", collection);
  return readdirSync(dossier)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => ({ chemin: `content/${collection}/${f}`, texte: readFileSync(join(dossier, f), "utf8") }));
}
const STRUCTURES = lireDossier("structures");
const SERVICES = lireDossier("services");

/** Decap's entry data: through Immutable (fromJS/toJS), i.e. plain JSON-like values. */
const commeDecap = (donnees: Record<string, unknown>) => JSON.parse(JSON.stringify(donnees)) as Record<string, unknown>;

/** Line diff (longest common subsequence): the removed and the added lines. */
function diff(avant: string, apres: string): { retirees: string[]; ajoutees: string[] } {
  const a = avant.split("\n");
  const b = apres.split("\n");
  const l: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) l[i]![j] = a[i] === b[j] ? l[i + 1]![j + 1]! + 1 : Math.max(l[i + 1]![j]!, l[i]![j + 1]!);
  const retirees: string[] = [];
  const ajoutees: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i === a.length || l[i]![j + 1]! >= l[i + 1]![j]!)) {
      ajoutees.push(b[j++]!);
    } else {
      retirees.push(a[i++]!);
    }
  }
  return { retirees, ajoutees };
}

/** The changed lines (`-…`, `+…`) as `diff -U0` shows them. */
function diffSysteme(avant: string, apres: string): string[] {
  const dossier = mkdtempSync(join(tmpdir(), "cms-format-"));
  try {
    writeFileSync(join(dossier, "avant.md"), avant);
    writeFileSync(join(dossier, "apres.md"), apres);
    const r = spawnSync("diff", ["-U0", "avant.md", "apres.md"], { cwd: dossier, encoding: "utf8" });
    return r.stdout.split("\n").filter((l) => /^[-+]/.test(l) && !/^(---|\+\+\+) /.test(l));
  } finally {
    rmSync(dossier, { recursive: true, force: true });
  }
}

/** A form's empty value for a field, as Decap gives it. */
function valeurVide(champ: string, variante: number): unknown {
  const listes = ["thematiques", "publics", "modes_accueil", "zone_eligibilite", "modes_mobilisation", "mobilisable_par", "reseaux_porteurs", "anciens_slugs"];
  if (listes.includes(champ)) return [null, [], undefined][variante % 3];
  if (["type", "frais"].includes(champ)) return [null, "", undefined][variante % 3];
  return ["", null, undefined][variante % 3];
}

describe("lecture et réécriture sans modification", () => {
  it("chaque fichier du catalogue livré ressort octet pour octet", () => {
    for (const f of [...STRUCTURES, ...SERVICES]) {
      expect(versFichier(commeDecap(depuisFichier(f.texte))), f.chemin).toBe(f.texte);
    }
    expect(STRUCTURES.length + SERVICES.length).toBeGreaterThan(100);
  });

  it("même quand le formulaire ajoute les champs vides que le fichier n'a pas ('' / null / [])", () => {
    SERVICES.concat(STRUCTURES).forEach((f, n) => {
      const collection: Collection = f.chemin.includes("/services/") ? "services" : "structures";
      const donnees = depuisFichier(f.texte);
      // As the form gives them: the technical fields in the folded block, the others at the top level.
      const technique = { ...((donnees[CHAMP_TECHNIQUE] as Record<string, unknown> | undefined) ?? {}) };
      for (const champ of NOMS_CHAMPS[collection]) {
        if (CHAMPS_TECHNIQUES.has(champ)) {
          if (!(champ in technique)) technique[champ] = valeurVide(champ, n);
        } else if (!(champ in donnees)) donnees[champ] = valeurVide(champ, n);
      }
      donnees[CHAMP_TECHNIQUE] = technique;
      // The body as the Markdown editor gives it back: without its final line break.
      donnees.body = String(donnees.body).trimEnd();
      expect(versFichier(donnees), f.chemin).toBe(f.texte);
    });
  });

  it("un fichier écrit à la main (commentaires, texte plié, listes entre crochets, codes sans guillemets) aussi", () => {
    expect(versFichier(commeDecap(depuisFichier(FIXTURE)))).toBe(FIXTURE);
    const crlf = FIXTURE.replace(/\n/g, "\r\n");
    expect(versFichier(depuisFichier(crlf))).toBe(crlf);
  });

  it("donne au formulaire les codes en texte (les listes de choix comparent des chaînes) et le corps en `body`", () => {
    const d = depuisFichier(FIXTURE);
    expect(d.code_postal).toBe("86000");
    expect((d[CHAMP_TECHNIQUE] as Record<string, unknown>).code_insee).toBe("86194");
    expect(d.zone_eligibilite).toEqual(["200069854", "79191"]);
    expect(d.thematiques).toEqual([
      "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
      "preparer-sa-candidature--valoriser-ses-competences",
    ]);
    expect(d.date_maj).toBe("2026-05-12");
    expect(d.volume_horaire_hebdomadaire).toBe(6);
    expect(String(d.body)).toMatch(/^Un atelier \*\*en petit groupe\*\*/);
    expect(d[CHAMP_TEXTE_ORIGINAL]).toBe(FIXTURE);
  });
});

describe("le bloc replié des champs techniques : imbriqué à la lecture, remis au premier niveau à l'écriture", () => {
  const techniques = (d: Record<string, unknown>) => d[CHAMP_TECHNIQUE] as Record<string, unknown>;

  it("chaque champ technique du fichier passe dans le bloc, et lui seul", () => {
    for (const f of [...STRUCTURES, ...SERVICES, { chemin: "fixture", texte: FIXTURE }]) {
      const d = depuisFichier(f.texte);
      const dansLeBloc = Object.keys(techniques(d) ?? {});
      for (const c of Object.keys(d)) expect(CHAMPS_TECHNIQUES.has(c as never), `${f.chemin} ${c}`).toBe(false);
      for (const c of dansLeBloc) expect(CHAMPS_TECHNIQUES.has(c as never), `${f.chemin} ${c}`).toBe(true);
      // Nothing lost: flattened back, the form holds the file's fields.
      const cles = Object.keys(aplatirFormulaire(d)).filter((c) => !c.startsWith("_") && c !== "body");
      const fichier = Object.keys(parse(/^---\n([\s\S]*?)\n---/.exec(f.texte)![1]!) as object);
      expect(cles.sort(), f.chemin).toEqual(fichier.sort());
    }
    const sansTechnique = "---\nnom: Atelier\n---\n";
    expect(depuisFichier(sansTechnique)).not.toHaveProperty(CHAMP_TECHNIQUE);
  });

  it("modifier un champ du bloc ne change que sa ligne ; le vider retire sa ligne", () => {
    const d = commeDecap(depuisFichier(FIXTURE));
    techniques(d).code_insee = "86195";
    expect(diff(FIXTURE, versFichier(d))).toEqual({ retirees: ['code_insee: 86194'], ajoutees: ['code_insee: "86195"'] });
    techniques(d).code_insee = "";
    expect(diff(FIXTURE, versFichier(d))).toEqual({ retirees: ["code_insee: 86194"], ajoutees: [] });
  });

  it("un bloc remis tel quel (ou vide, ou absent) ne change rien", () => {
    const d = commeDecap(depuisFichier(FIXTURE));
    expect(versFichier(d)).toBe(FIXTURE);
    const { [CHAMP_TECHNIQUE]: bloc, ...sansBloc } = d;
    expect(bloc).toBeDefined();
    expect(versFichier(sansBloc)).toBe(FIXTURE);
    const original = SERVICES.find((f) => !Object.keys(depuisFichier(f.texte)).includes(CHAMP_TECHNIQUE))!;
    expect(versFichier({ ...commeDecap(depuisFichier(original.texte)), [CHAMP_TECHNIQUE]: {} })).toBe(original.texte);
  });

  it("une nouvelle fiche : les champs du bloc s'écrivent au premier niveau, à leur place dans l'ordre du schéma", () => {
    const plat = { nom: "Atelier", structure: "x", code_postal: "86000", commune: "Poitiers", code_insee: "86194", latitude: 46.5, longitude: 0.3, date_maj: "2026-10-01", body: "Texte." };
    const { code_insee, latitude, longitude, ...reste } = plat;
    const formulaire = { ...reste, [CHAMP_TECHNIQUE]: { code_insee, latitude, longitude } };
    expect(versFichier(formulaire)).toBe(versFichier(plat));
    expect(versFichier(formulaire)).toMatch(/commune: Poitiers\ncode_insee: "86194"\nlatitude: 46.5\nlongitude: 0.3\ndate_maj/);
  });

  it("aplatirFormulaire : le bloc l'emporte sur une valeur égarée au premier niveau", () => {
    expect(aplatirFormulaire({ nom: "A", latitude: 1, [CHAMP_TECHNIQUE]: { latitude: 2 } })).toEqual({ nom: "A", latitude: 2 });
    expect(aplatirFormulaire({ nom: "A", [CHAMP_TECHNIQUE]: null })).toEqual({ nom: "A" });
  });
});

describe("modifier une fiche écrite à la main ne change que les lignes modifiées", () => {
  it("résumé et date : seules ces lignes changent", () => {
    const d = commeDecap(depuisFichier(FIXTURE));
    d.resume = "Deux matinées pour refaire son CV et sa lettre de motivation avec une conseillère.";
    Object.assign(d, champsAvantEnregistrement(d, new Date("2026-10-05T10:00:00Z")));
    const apres = versFichier(d);
    expect(diff(FIXTURE, apres)).toEqual({
      // Still folded (`>-`, 80 columns), as the partner wrote it.
      retirees: [
        "  Deux matinées pour refaire son CV et écrire une lettre de motivation",
        "  avec une conseillère, ordinateur et impression fournis.",
        "date_maj: 2026-05-12",
      ],
      ajoutees: ["  Deux matinées pour refaire son CV et sa lettre de motivation avec une", "  conseillère.", "date_maj: 2026-10-05"],
    });
    // The same with the system's `diff`, as a reviewer would see it.
    expect(diffSysteme(FIXTURE, apres)).toEqual([
      "-  Deux matinées pour refaire son CV et écrire une lettre de motivation",
      "-  avec une conseillère, ordinateur et impression fournis.",
      "+  Deux matinées pour refaire son CV et sa lettre de motivation avec une",
      "+  conseillère.",
      "-date_maj: 2026-05-12",
      "+date_maj: 2026-10-05",
    ]);
    // Read back, the file gives what the form said.
    const relu = depuisFichier(apres);
    expect(relu.resume).toBe(d.resume);
    expect(relu[CHAMP_IDENTIFIANT]).toBeUndefined();
  });

  it("un résumé modifié d'un fichier du catalogue : une ligne, plus la date", () => {
    for (const f of SERVICES.slice(0, 40)) {
      const d = commeDecap(depuisFichier(f.texte));
      d.resume = "Un résumé réécrit : avec deux-points, apostrophe l'atelier et « guillemets ».";
      d.date_maj = "2026-10-05";
      const { retirees, ajoutees } = diff(f.texte, versFichier(d));
      expect(ajoutees, f.chemin).toEqual(['resume: "Un résumé réécrit : avec deux-points, apostrophe l\'atelier et « guillemets »."', "date_maj: 2026-10-05"]);
      expect(retirees.every((l) => l.startsWith("resume:") || l.startsWith("date_maj:")), f.chemin).toBe(true);
    }
  });

  it("un champ vidé ('' / null / []) disparaît du fichier, le reste ne bouge pas", () => {
    const d = commeDecap(depuisFichier(FIXTURE));
    d.conditions_acces = "";
    d.type = null;
    d.publics = [];
    d.volume_horaire_hebdomadaire = "";
    d.nombre_semaines = null;
    const { retirees, ajoutees } = diff(FIXTURE, versFichier(d));
    expect(ajoutees).toEqual([]);
    expect(retirees).toEqual([
      "type: atelier",
      "publics:",
      "- jeunes",
      "- demandeurs-emploi",
      expect.stringMatching(/^conditions_acces: Avoir entre 16/),
      "volume_horaire_hebdomadaire: 6",
      "nombre_semaines: 2",
    ]);
  });

  it("un champ ajouté se place dans l'ordre du schéma, au-dessus des commentaires du champ suivant", () => {
    const d = commeDecap(depuisFichier(FIXTURE));
    d.courriel = "ateliers@mission-locale.example.org";
    d.frais_precisions = "Repas non compris.";
    const apres = versFichier(d);
    expect(diff(FIXTURE, apres)).toEqual({
      retirees: [],
      ajoutees: ["frais_precisions: Repas non compris.", "courriel: ateliers@mission-locale.example.org"],
    });
    const lignes = apres.split("\n");
    expect(lignes[lignes.indexOf("frais: gratuit") + 1]).toBe("frais_precisions: Repas non compris.");
    expect(lignes[lignes.indexOf("telephone: '05 36 49 30 00'") + 1]).toBe("courriel: ateliers@mission-locale.example.org");
  });

  it("une liste modifiée garde son écriture (crochets ou tirets) et ses codes en texte", () => {
    const d = commeDecap(depuisFichier(FIXTURE));
    d.modes_mobilisation = ["telephoner"];
    d.publics = ["jeunes"];
    d.code_postal = "86000"; // unchanged: stays unquoted as written
    const { retirees, ajoutees } = diff(FIXTURE, versFichier(d));
    expect(ajoutees).toEqual(["modes_mobilisation: [telephoner]"]);
    expect(retirees).toEqual(["- demandeurs-emploi", "modes_mobilisation: [telephoner, se-presenter]"]);
  });

  it("un commentaire en fin de ligne reste quand la valeur change", () => {
    const d = commeDecap(depuisFichier(FIXTURE));
    d.nom = "Atelier CV";
    expect(diff(FIXTURE, versFichier(d)).ajoutees).toEqual(["nom: Atelier CV # le nom affiché sur la page"]);
  });

  it("le corps modifié remplace le corps, l'en-tête ne bouge pas", () => {
    const d = commeDecap(depuisFichier(FIXTURE));
    d.body = "Un atelier en petit groupe.\n\nInscription par téléphone.";
    const apres = versFichier(d);
    expect(apres.startsWith(FIXTURE.slice(0, FIXTURE.indexOf("\n---\n") + 5))).toBe(true);
    expect(apres.endsWith("---\n\nUn atelier en petit groupe.\n\nInscription par téléphone.\n")).toBe(true);
  });
});

describe("zone d'éligibilité : un code que le formulaire ne propose pas survit", () => {
  const proposes = new Set(OPTIONS_ZONE.map((o) => o.value));

  it("la liste du formulaire ne propose pas 79191 (Niort)", () => {
    expect(proposes.has("79191")).toBe(false);
    expect(proposes.has("200069854")).toBe(true);
  });

  it("ajouter une commune : le code hors territoire reste à sa place, une seule ligne ajoutée", () => {
    const d = commeDecap(depuisFichier(FIXTURE));
    // Decap's select only shows (and so only gives back) the codes it offers, plus the one added.
    d.zone_eligibilite = [...(d.zone_eligibilite as string[]).filter((c) => proposes.has(c)), "86041"];
    const apres = versFichier(d);
    expect(depuisFichier(apres).zone_eligibilite).toEqual(["200069854", "79191", "86041"]);
    const { retirees, ajoutees } = diff(FIXTURE, apres);
    // The list is rewritten in the file's style (flush dashes), codes between quotes.
    expect(ajoutees).toEqual(['- "200069854"', '- "79191"', '- "86041"']);
    expect(retirees).toEqual(["- 200069854", "- 79191"]);
  });

  it("vider la liste dans le formulaire garde les codes invisibles", () => {
    const d = commeDecap(depuisFichier(FIXTURE));
    d.zone_eligibilite = null;
    expect(depuisFichier(versFichier(d)).zone_eligibilite).toEqual(["79191"]);
  });

  it("sans code hors liste, vider la liste retire le champ", () => {
    const d = commeDecap(depuisFichier(FIXTURE));
    d.zone_eligibilite = [];
    d[CHAMP_TEXTE_ORIGINAL] = FIXTURE.replace("- 79191\n", "");
    expect(versFichier(d)).not.toContain("zone_eligibilite");
  });
});

describe("nouvelle fiche (sans fichier d'origine)", () => {
  const formulaire = () => ({
    nom: "Atelier CV – 2ᵉ session",
    structure: "mission-locale-poitiers",
    resume: "",
    thematiques: ["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"],
    type: null,
    publics: ["jeunes"],
    publics_precisions: "",
    frais: null,
    modes_accueil: ["en-presentiel"],
    adresse: "27 rue Carnot",
    code_postal: "86000",
    commune: "Poitiers",
    code_insee: "86194",
    latitude: "46.58542",
    longitude: 0.35598,
    telephone: "05 36 49 30 00",
    zone_eligibilite: ["86194", "france"],
    volume_horaire_hebdomadaire: "3,5",
    nombre_semaines: "",
    date_maj: "2026-10-01",
    body: "Un atelier pour refaire son CV.",
    [CHAMP_TEXTE_ORIGINAL]: "",
    [CHAMP_IDENTIFIANT]: "atelier-cv-2-session",
  });

  it("écrit les champs remplis dans l'ordre du schéma, puis une ligne vide et le corps", () => {
    expect(versFichier(formulaire())).toBe(
      [
        "---",
        "nom: Atelier CV – 2ᵉ session",
        "structure: mission-locale-poitiers",
        "thematiques:",
        "  - preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
        "publics:",
        "  - jeunes",
        "modes_accueil:",
        "  - en-presentiel",
        "adresse: 27 rue Carnot",
        'code_postal: "86000"',
        "commune: Poitiers",
        'code_insee: "86194"',
        "latitude: 46.58542",
        "longitude: 0.35598",
        'telephone: "05 36 49 30 00"',
        "zone_eligibilite:",
        '  - "86194"',
        "  - france",
        "volume_horaire_hebdomadaire: 3.5",
        "date_maj: 2026-10-01",
        "---",
        "",
        "Un atelier pour refaire son CV.",
        "",
      ].join("\n"),
    );
  });

  it("le même ordre quelle que soit l'ordre des clés reçues", () => {
    const d = formulaire();
    const inverse = Object.fromEntries(Object.entries(d).reverse());
    expect(versFichier(inverse)).toBe(versFichier(d));
  });

  it("les codes qui ressemblent à des nombres sont entre guillemets, même reçus comme nombres", () => {
    const texte = versFichier({ ...formulaire(), code_postal: 86000, code_insee: 86194, zone_eligibilite: [86194, "200069854", "86"], telephone: "0549000000" });
    expect(texte).toContain('code_postal: "86000"\n');
    expect(texte).toContain('code_insee: "86194"\n');
    expect(texte).toContain('zone_eligibilite:\n  - "86194"\n  - "200069854"\n  - "86"\n');
    expect(texte).toContain('telephone: "0549000000"\n');
  });

  it("les dates de Decap : jour en texte, ou date-heure ramenée au jour à Paris", () => {
    const jour = (v: unknown) => /date_maj: (.*)\n/.exec(versFichier({ ...formulaire(), date_maj: v }))?.[1];
    expect(jour("2026-10-01")).toBe("2026-10-01");
    expect(jour("2026-09-30T22:30:00.000Z")).toBe("2026-10-01");
    expect(jour("2026-10-01T00:30:00+02:00")).toBe("2026-10-01");
    expect(jour(new Date("2026-09-30T22:30:00Z"))).toBe("2026-10-01");
  });

  it("un fichier sans en-tête repart du formulaire, le texte devenu le corps", () => {
    const d = depuisFichier("Un texte sans en-tête.\n");
    expect(d.body).toBe("Un texte sans en-tête.\n");
    const texte = versFichier({ ...d, nom: "Atelier", date_maj: "2026-10-01" });
    expect(texte).toBe("---\nnom: Atelier\ndate_maj: 2026-10-01\n---\n\nUn texte sans en-tête.\n");
  });

  it("un en-tête illisible n'est pas écrasé : erreur en français", () => {
    const casse = "---\nnom: [Atelier\n---\nTexte\n";
    const d = depuisFichier(casse);
    expect(d.nom).toBeUndefined();
    expect(() => versFichier({ ...d, nom: "Atelier" })).toThrow(/en-tête de ce fichier est illisible/);
  });
});

describe("avant l'enregistrement (crochet preSave)", () => {
  it("date du jour à Paris et identifiant selon slugifier()", () => {
    // 00:30 in Poitiers on 2 October is still 1 October in UTC.
    expect(champsAvantEnregistrement({ nom: "L'Île-Jourdain" }, new Date("2026-10-01T22:30:00Z"))).toEqual({
      date_maj: "2026-10-02",
      [CHAMP_IDENTIFIANT]: "l-ile-jourdain",
    });
    expect(champsAvantEnregistrement({ nom: "" }, new Date("2026-10-01T10:00:00Z"))).toEqual({ date_maj: "2026-10-01" });
  });
});

describe("tout fichier qu'un formulaire peut produire passe la validation", () => {
  /** Deterministic pseudo-random numbers (mulberry32). */
  function hasard(graine: number) {
    let a = graine;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  const valider = (fichiers: FichierCatalogue[]) => validerFichiers([...STRUCTURES, ...fichiers]);
  const erreurs = (resultat: ReturnType<typeof validerFichiers>, chemin: string) =>
    resultat.problemes.filter((p) => p.fichier === chemin && p.gravite === "erreur");

  it("le formulaire minimal : nom, structure, une thématique, publics, une commune, modes d'accueil, description", () => {
    const d: Record<string, unknown> = {
      nom: "Atelier CV",
      structure: "mission-locale-poitiers",
      thematiques: ["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"],
      publics: ["jeunes"],
      zone_eligibilite: ["86194"],
      modes_accueil: ["a-distance"],
      body: "Un atelier pour refaire son CV.",
    };
    Object.assign(d, champsAvantEnregistrement(d));
    const chemin = `content/services/${d[CHAMP_IDENTIFIANT]}.md`;
    const resultat = valider([{ chemin, texte: versFichier(commeDecap(d)) }]);
    expect(erreurs(resultat, chemin)).toEqual([]);
    expect(resultat.services.map((s) => s.slug)).toContain("atelier-cv");
  });

  it("des formulaires variés (champs vides '' / null / [], nombres en texte, dates en texte) : 300 tirages", () => {
    const alea = hasard(86);
    const un = <T>(liste: readonly T[]) => liste[Math.floor(alea() * liste.length)]!;
    const quelques = <T>(liste: readonly T[], max: number) => [...new Set(Array.from({ length: 1 + Math.floor(alea() * max) }, () => un(liste)))];
    const vide = (champ: string) => valeurVide(champ, Math.floor(alea() * 3));
    const fichiers: FichierCatalogue[] = [];
    for (let n = 0; n < 300; n++) {
      const commune = un(communes);
      const structure = un(STRUCTURES).chemin.replace(/^.*\/(.*)\.md$/, "$1");
      const modes = quelques(modesAccueil.map((m) => m.value), 2);
      const mobilisation = alea() < 0.5 ? quelques(modesMobilisation.map((m) => m.value), 3) : vide("modes_mobilisation");
      const avecLieu = modes.includes("en-presentiel") || alea() < 0.3;
      const avecCoordonnees = avecLieu && alea() < 0.5;
      const publicsChoisis = alea() < 0.2 ? ["tous-publics"] : quelques(publics.filter((p) => p.value !== "tous-publics").map((p) => p.value), 3);
      const d: Record<string, unknown> = {
        nom: `Service ${n} de l'atelier à ${commune.nom}`,
        structure,
        resume: alea() < 0.5 ? "Un résumé : court, avec « guillemets » et l'apostrophe." : vide("resume"),
        thematiques: quelques(besoins.map((b) => b.value), 3),
        type: alea() < 0.5 ? un(typesDeService).value : vide("type"),
        publics: alea() < 0.7 ? publicsChoisis : vide("publics"),
        publics_precisions: alea() < 0.3 ? "Jeunes de 16 à 25 ans\nsortis de l'école." : vide("publics_precisions"),
        conditions_acces: vide("conditions_acces"),
        frais: alea() < 0.5 ? un(["gratuit", "payant"]) : vide("frais"),
        frais_precisions: vide("frais_precisions"),
        modes_accueil: modes,
        adresse: avecLieu ? `${n} rue de la Gare` : vide("adresse"),
        complement_adresse: vide("complement_adresse"),
        code_postal: avecLieu ? (alea() < 0.5 ? commune.codesPostaux[0] : Number(commune.codesPostaux[0])) : vide("code_postal"),
        commune: avecLieu ? commune.nom : vide("commune"),
        code_insee: avecLieu && alea() < 0.5 ? commune.code : vide("code_insee"),
        latitude: avecCoordonnees ? (alea() < 0.5 ? commune.centre.lat : String(commune.centre.lat)) : "",
        longitude: avecCoordonnees ? (alea() < 0.5 ? commune.centre.lon : String(commune.centre.lon)) : "",
        telephone: alea() < 0.5 ? "05 49 00 00 00" : vide("telephone"),
        courriel: alea() < 0.5 ? "contact@exemple.fr" : vide("courriel"),
        contact_nom_prenom: vide("contact_nom_prenom"),
        zone_eligibilite: alea() < 0.7 ? [un([commune.code, un(epcis).siren, "86", "france"])] : vide("zone_eligibilite"),
        modes_mobilisation: mobilisation,
        mobilisable_par: alea() < 0.5 ? quelques(personnesMobilisatrices.map((p) => p.value), 2) : vide("mobilisable_par"),
        lien_mobilisation:
          Array.isArray(mobilisation) && mobilisation.includes("utiliser-lien-mobilisation") ? "https://rdv.exemple.fr/atelier" : vide("lien_mobilisation"),
        mobilisation_precisions: vide("mobilisation_precisions"),
        horaires_accueil: alea() < 0.5 ? "Mo-Fr 09:00-12:00,14:00-17:00" : vide("horaires_accueil"),
        volume_horaire_hebdomadaire: alea() < 0.3 ? un([6, "3.5", "3,5"]) : "",
        nombre_semaines: alea() < 0.3 ? un([2, "4"]) : "",
        body: `Une description du service ${n}.\n\n- pour qui ;\n- comment.\n`,
        [CHAMP_TEXTE_ORIGINAL]: alea() < 0.5 ? "" : undefined,
      };
      Object.assign(d, champsAvantEnregistrement(d));
      fichiers.push({ chemin: `content/services/${d[CHAMP_IDENTIFIANT]}.md`, texte: versFichier(commeDecap(d)) });
    }
    const resultat = valider(fichiers);
    for (const f of fichiers) expect(erreurs(resultat, f.chemin), `${f.chemin}\n${f.texte}`).toEqual([]);
    expect(resultat.services).toHaveLength(300);
  });

  it("chaque service livré, modifié par le formulaire (résumé, liste vidée, champ ajouté), reste valide", () => {
    const fichiers = SERVICES.map((f, n) => {
      const d = commeDecap(depuisFichier(f.texte));
      d.resume = n % 2 ? "Un nouveau résumé : plus court." : "";
      if (n % 3 === 0) d.mobilisable_par = null;
      if (n % 4 === 0) d.contact_nom_prenom = "Camille Martin";
      if (n % 5 === 0) d.volume_horaire_hebdomadaire = "2,5";
      Object.assign(d, champsAvantEnregistrement(d));
      return { chemin: f.chemin, texte: versFichier(d) };
    });
    const resultat = valider(fichiers);
    expect(resultat.problemes.filter((p) => p.gravite === "erreur")).toEqual([]);
    expect(resultat.services).toHaveLength(SERVICES.length);
    expect(fichiers.every((f) => f.texte.includes(`date_maj: ${aujourdhuiAParis()}\n`))).toBe(true);
  });
});

describe("anciens noms (anciens_slugs) : une liste de lignes", () => {
  it("ajoutés depuis le formulaire : une liste YAML, sans ligne vide, valide ; vidés : le champ disparaît", () => {
    const original = SERVICES.find((f) => !f.texte.includes("anciens_slugs"))!;
    const d = commeDecap(depuisFichier(original.texte));
    // In the form's folded technical block.
    d[CHAMP_TECHNIQUE] = { ...((d[CHAMP_TECHNIQUE] as object | undefined) ?? {}), anciens_slugs: [" ancien-nom ", "", null] };
    const ecrit = versFichier(d);
    expect(diff(original.texte, ecrit)).toEqual({ retirees: [], ajoutees: ["anciens_slugs:", "  - ancien-nom"] });
    expect(validerFichiers([...STRUCTURES, { chemin: original.chemin, texte: ecrit }], { aujourdhui: aujourdhuiAParis() }).problemes).toEqual([]);
    const relu = commeDecap(depuisFichier(ecrit));
    const technique = relu[CHAMP_TECHNIQUE] as Record<string, unknown>;
    expect(technique.anciens_slugs).toEqual(["ancien-nom"]);
    technique.anciens_slugs = [];
    expect(versFichier(relu)).toBe(original.texte);
  });
});

describe("avis temporaires : une liste { du, au, message } écrite comme le validateur la lit", () => {
  // What Decap's datetime widget (`format: YYYY-MM-DD`, no time) hands over: the day as text, '' once cleared.
  it("un avis ajouté : ses jours en AAAA-MM-JJ sans guillemets, « du » vide non écrit, clés dans l'ordre du, au, message", () => {
    const original = SERVICES.find((f) => !f.texte.includes("avis:"))!;
    const d = commeDecap(depuisFichier(original.texte));
    d.avis = [
      { message: "  Permanence déplacée à la mairie.  ", au: "2027-01-15", du: "" },
      { au: "2027-02-28", du: "2027-02-01", message: "Accueil sur rendez-vous seulement." },
    ];
    const ecrit = versFichier(d);
    expect(diff(original.texte, ecrit)).toEqual({
      retirees: [],
      ajoutees: [
        "avis:",
        "  - au: 2027-01-15",
        "    message: Permanence déplacée à la mairie.",
        "  - du: 2027-02-01",
        "    au: 2027-02-28",
        "    message: Accueil sur rendez-vous seulement.",
      ],
    });
    expect(validerFichiers([...STRUCTURES, { chemin: original.chemin, texte: ecrit }], { aujourdhui: "2027-01-02" }).problemes).toEqual([]);
    // Read back, the form gets the same days as text; emptied, the field leaves the file.
    const relu = commeDecap(depuisFichier(ecrit));
    expect(relu.avis).toEqual([
      { au: "2027-01-15", message: "Permanence déplacée à la mairie." },
      { du: "2027-02-01", au: "2027-02-28", message: "Accueil sur rendez-vous seulement." },
    ]);
    relu.avis = [];
    expect(versFichier(relu)).toBe(original.texte);
  });
});
