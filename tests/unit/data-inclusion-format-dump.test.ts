import { describe, expect, it } from "vitest";
import {
  citerCellule,
  csvDump,
  decoderListePython,
  encoderListePython,
  ligneCsv,
  valeurEnCellule,
} from "../../src/domain/data-inclusion/format-dump.ts";

describe("listes Python (str(list) de Python)", () => {
  // Each line: the list, and the text Python 3 prints for it (checked with python3 -c 'print(str([...]))').
  const CAS: [string[], string][] = [
    [[], "[]"],
    [["en-presentiel"], "['en-presentiel']"],
    [["famille--garde-denfants", "sante--acces-aux-soins"], "['famille--garde-denfants', 'sante--acces-aux-soins']"],
    [["l'accès"], `["l'accès"]`],
    [['dit "oui"'], `['dit "oui"']`],
    [[`l'a "dit"`], `['l\\'a "dit"']`],
    [["a\\b"], "['a\\\\b']"],
    [["deux\nlignes\tet tab"], "['deux\\nlignes\\tet tab']"],
    [["éducation", "Œuvre « sociale »"], "['éducation', 'Œuvre « sociale »']"],
  ];

  it.each(CAS)("%j ⇄ %s", (liste, texte) => {
    expect(encoderListePython(liste)).toBe(texte);
    expect(decoderListePython(texte)).toEqual(liste);
  });

  it("lit aussi les variantes : tableau JSON, espaces, virgule finale, \\u", () => {
    expect(decoderListePython('["a", "b"]')).toEqual(["a", "b"]);
    expect(decoderListePython("  [ 'a' ,'b' ]  ")).toEqual(["a", "b"]);
    expect(decoderListePython("['a',]")).toEqual(["a"]);
    expect(decoderListePython("['caf\\u00e9']")).toEqual(["café"]);
    expect(decoderListePython("[ ]")).toEqual([]);
  });

  it.each([
    ["famille--garde-denfants"],
    [""],
    ["['a', 'b'"],
    ["['a' 'b']"],
    ["[a, b]"],
    ["['a]"],
    ["['a', 3]"],
    ["['a'],"],
    ["['a\\']"],
  ])("rend undefined pour un texte qui n'est pas une liste : %s", (texte) => {
    expect(decoderListePython(texte)).toBeUndefined();
  });
});

describe("cellules et lignes CSV (comme pandas to_csv)", () => {
  it("met entre guillemets seulement les cellules avec virgule, guillemet ou saut de ligne", () => {
    expect(citerCellule("simple")).toBe("simple");
    expect(citerCellule("a, b")).toBe('"a, b"');
    expect(citerCellule('dit "oui"')).toBe('"dit ""oui"""');
    expect(citerCellule("deux\nlignes")).toBe('"deux\nlignes"');
    expect(citerCellule("retour\r")).toBe('"retour\r"');
    expect(citerCellule("")).toBe("");
    expect(ligneCsv(["a", "b,c", ""])).toBe('a,"b,c",\n');
  });

  it("écrit les valeurs comme l'export : listes en texte Python, vide pour null, True/False", () => {
    expect(valeurEnCellule(null)).toBe("");
    expect(valeurEnCellule(undefined)).toBe("");
    expect(valeurEnCellule(["x"])).toBe("['x']");
    expect(valeurEnCellule(3)).toBe("3");
    expect(valeurEnCellule(Number.NaN)).toBe("");
    expect(valeurEnCellule(true)).toBe("True");
  });

  it("csvDump : en-tête puis une ligne par enregistrement, dans l'ordre des colonnes données", () => {
    const csv = csvDump(
      ["id", "nom", "thematiques", "modes_accueil", "nombre_semaines"],
      [
        { nom: 'Dit "bonjour", puis\npart', id: "dora--a", thematiques: ["x", "l'y"], modes_accueil: ["en-presentiel"], nombre_semaines: 3 },
        { id: "dora--b", nom: null, thematiques: [], autre: "ignorée" },
      ],
    );
    expect(csv).toBe(
      [
        "id,nom,thematiques,modes_accueil,nombre_semaines",
        `dora--a,"Dit ""bonjour"", puis\npart","['x', ""l'y""]",['en-presentiel'],3`,
        "dora--b,,[],,",
        "",
      ].join("\n"),
    );
  });
});
