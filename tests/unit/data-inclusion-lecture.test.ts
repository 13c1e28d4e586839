import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ErreurEntree, lireEntree, type EnregistrementBrut, type Lot } from "../../src/domain/data-inclusion/lecture.ts";
import { COLONNES_DUMP, csvDump } from "../../src/domain/data-inclusion/format-dump.ts";

const F = "tests/fixtures/data-inclusion/lecture";
const json = (chemin: string) => JSON.parse(readFileSync(chemin, "utf8"));

async function lire(chemin: string): Promise<{ enregistrements: EnregistrementBrut[]; lots: Lot[] }> {
  const enregistrements: EnregistrementBrut[] = [];
  const lots = await lireEntree(chemin, (e) => enregistrements.push(e));
  return { enregistrements, lots };
}

/** The ErreurEntree's message (fails the test on any other outcome). */
async function erreur(chemin: string): Promise<string> {
  try {
    await lireEntree(chemin, () => {});
  } catch (e) {
    expect(e).toBeInstanceOf(ErreurEntree);
    return (e as Error).message;
  }
  throw new Error(`${chemin} a été lu sans erreur`);
}

const TMP = mkdtempSync(join(tmpdir(), "lecture-di-"));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
let compteur = 0;
/** A file of that content in a fresh folder; its path. */
function fichier(nom: string, contenu: string | Buffer): string {
  const dossier = join(TMP, String(++compteur));
  mkdirSync(dossier);
  const chemin = join(dossier, nom);
  writeFileSync(chemin, contenu);
  return chemin;
}

describe("lireEntree : les formes d'entrée", () => {
  it("un tableau JSON de structures, fait à la main : extras de l'API admis, clés inconnues listées une fois", async () => {
    const { enregistrements, lots } = await lire(`${F}/structures.json`);
    const attendu = json(`${F}/structures.json`);
    expect(enregistrements).toEqual([
      { genre: "structure", champs: attendu[0], origine: `${F}/structures.json`, rang: 1 },
      { genre: "structure", champs: attendu[1], origine: `${F}/structures.json`, rang: 2 },
    ]);
    expect(lots).toEqual([
      {
        origine: `${F}/structures.json`,
        genre: "structure",
        format: "json-tableau",
        complet: false,
        nombre: 2,
        clesInconnues: ["remarque_interne", "typologie"],
        remarques: [],
      },
    ]);
  });

  it("un tableau de services : le genre vient de structure_id (ou de thematiques), une clé v0 est seulement inconnue", async () => {
    const { enregistrements, lots } = await lire(`${F}/services.json`);
    expect(enregistrements.map((e) => [e.genre, e.champs.id])).toEqual([
      ["service", "dora--atelier-cv"],
      ["service", "dora--permanence-logement"],
    ]);
    expect(lots[0]).toMatchObject({ genre: "service", format: "json-tableau", complet: false, nombre: 2, clesInconnues: ["types"] });
  });

  it("un tableau sans structure_id dont le premier élément a des thematiques : des services", async () => {
    const chemin = fichier("extrait.json", JSON.stringify([{ id: "a--b", nom: "Aide", thematiques: [] }]));
    const { enregistrements } = await lire(chemin);
    expect(enregistrements[0]?.genre).toBe("service");
  });

  it("une page de l'API : partielle, et la remarque dit quelles pages manquent", async () => {
    const { enregistrements, lots } = await lire(`${F}/page-services.json`);
    expect(enregistrements.map((e) => [e.rang, e.champs.id])).toEqual([
      [1, "dora--service-3"],
      [2, "dora--service-4"],
    ]);
    expect(enregistrements[0]?.champs).toEqual(json(`${F}/page-services.json`).items[0]);
    expect(lots).toEqual([
      {
        origine: `${F}/page-services.json`,
        genre: "service",
        format: "api-page",
        complet: false,
        nombre: 2,
        clesInconnues: [],
        remarques: ["page 2 sur 3 : les autres pages manquent"],
      },
    ]);
  });

  it("l'export JSON : tableau plat, date_maj en millisecondes laissée telle quelle, complet", async () => {
    const chemin = `${F}/dossier/structures-inclusion-2026-01-05.json`;
    const { enregistrements, lots } = await lire(chemin);
    expect(enregistrements.map((e) => e.champs.date_maj)).toEqual([1767571200000, 1764547200000]);
    expect(Object.keys(enregistrements[0]!.champs)).toEqual(COLONNES_DUMP.structure);
    expect(enregistrements[1]?.champs.nom).toBe("Chantier d'insertion « Vienne Nature »");
    expect(lots).toEqual([
      {
        origine: chemin,
        genre: "structure",
        format: "dump-json",
        complet: true,
        nombre: 2,
        clesInconnues: [],
        remarques: ["export data·inclusion du 2026-01-05 (sans les sources soliguide et agefiph, que l'export exclut)"],
      },
    ]);
  });

  it("l'export JSON renommé : lu comme un extrait partiel, et la remarque dit pourquoi", async () => {
    const chemin = fichier("structures.json", readFileSync(`${F}/dossier/structures-inclusion-2026-01-05.json`));
    const { lots } = await lire(chemin);
    expect(lots[0]).toMatchObject({
      format: "json-tableau",
      complet: false,
      remarques: ["tableau aux colonnes de l'export, mais pas à son nom (structures-inclusion-AAAA-MM-JJ.json) : lu comme un extrait partiel"],
    });
  });

  it("l'export CSV : listes Python, nombres, cellules vides, description sur plusieurs lignes entre guillemets", async () => {
    const chemin = `${F}/dossier/services-inclusion-2026-01-05.csv`;
    const { enregistrements, lots } = await lire(chemin);
    const [premier, second] = enregistrements.map((e) => e.champs);
    expect(Object.keys(premier!)).toEqual(COLONNES_DUMP.service);
    expect(premier).toMatchObject({
      lien_mobilisation: null,
      date_maj: "2026-01-05",
      description: 'Atelier « premiers pas », deux heures :\n- allumer l\'ordinateur ;\n- écrire un courriel, "pour de vrai".',
      thematiques: ["numerique--utiliser-le-numerique", "numerique--acceder-a-l'informatique"],
      modes_accueil: ["en-presentiel"],
      modes_mobilisation: ["se-presenter", "telephoner"],
      publics: [],
      nombre_semaines: 3,
      volume_horaire_hebdomadaire: 2.5,
      zone_eligibilite: ["86066", "86"],
      code_insee: "86066",
      score_qualite: 0.8,
      longitude: null,
    });
    // Undecodable list and number cells stay as text: the mapping reports them.
    expect(second).toMatchObject({ thematiques: "famille--garde-denfants", nombre_semaines: "trois", modes_accueil: null });
    expect(enregistrements.map((e) => [e.genre, e.rang])).toEqual([
      ["service", 1],
      ["service", 2],
    ]);
    expect(lots).toEqual([
      {
        origine: chemin,
        genre: "service",
        format: "dump-csv",
        complet: true,
        nombre: 2,
        clesInconnues: [],
        remarques: ["export data·inclusion du 2026-01-05 (sans les sources soliguide et agefiph, que l'export exclut)"],
      },
    ]);
  });

  it("un CSV avec BOM, fins de ligne CRLF et colonnes dans un autre ordre : mêmes enregistrements, mais partiel faute du nom de l'export", async () => {
    const export_ = await lire(`${F}/dossier/services-inclusion-2026-01-05.csv`);
    const { enregistrements, lots } = await lire(`${F}/services-bom.csv`);
    expect(enregistrements.map((e) => e.champs)).toEqual(export_.enregistrements.map((e) => e.champs));
    expect(Object.keys(enregistrements[0]!.champs)[0]).toBe("id");
    expect(lots[0]).toMatchObject({
      format: "dump-csv",
      complet: false,
      remarques: ["CSV à la façon de l'export, mais pas à son nom (services-inclusion-AAAA-MM-JJ.csv) : lu comme un extrait partiel"],
    });
  });

  it("des résultats de /search/services : services dépliés, structure imbriquée émise une fois, avant son service", async () => {
    const chemin = `${F}/recherche.json`;
    const { enregistrements, lots } = await lire(chemin);
    const resultats = json(chemin);
    expect(enregistrements.map((e) => [e.genre, e.champs.id, e.rang])).toEqual([
      ["structure", "dora--ccas-loudun", 1],
      ["service", "dora--aide-alimentaire", 1],
      ["service", "dora--domiciliation", 2],
    ]);
    expect(enregistrements[0]?.champs).toEqual(resultats[0].service.structure);
    expect(enregistrements[1]?.champs).toEqual({ ...resultats[0].service, distance: 1200 });
    expect(enregistrements[2]?.champs.distance).toBeNull();
    expect(lots).toEqual([
      {
        origine: chemin,
        genre: "service",
        format: "json-tableau",
        complet: false,
        nombre: 2,
        clesInconnues: [],
        remarques: ["2 résultats de recherche { service, distance } : services dépliés, « distance » gardée avec eux"],
      },
      {
        origine: chemin,
        genre: "structure",
        format: "json-tableau",
        complet: false,
        nombre: 1,
        clesInconnues: [],
        remarques: ["structures lues dans le champ « structure » des services (une fois par identifiant)"],
      },
    ]);
  });

  it("un dossier : structures d'abord, puis services, chacun par nom ; les autres fichiers sont signalés", async () => {
    const dossier = `${F}/dossier`;
    const { enregistrements, lots } = await lire(dossier);
    const ordre = [
      `${dossier}/b-structures.csv`,
      `${dossier}/structures-inclusion-2026-01-05.json`,
      `${dossier}/a-services.json`,
      `${dossier}/services-inclusion-2026-01-05.csv`,
    ];
    expect(lots.map((l) => [l.origine, l.genre, l.format, l.complet, l.nombre])).toEqual([
      [ordre[0], "structure", "dump-csv", false, 1],
      [ordre[1], "structure", "dump-json", true, 2],
      [ordre[2], "service", "json-tableau", false, 1],
      [ordre[3], "service", "dump-csv", true, 2],
    ]);
    expect([...new Set(enregistrements.map((e) => e.origine))]).toEqual(ordre);
    expect(lots[0]?.remarques[0]).toBe(`dossier ${dossier} : fichiers ignorés (ni .json ni .csv) : LISEZMOI.txt`);
  });

  it("une structure imbriquée déjà lue dans le dossier n'est pas émise une seconde fois", async () => {
    const dossier = join(TMP, "imbriquee");
    mkdirSync(dossier);
    copyFileSync(`${F}/recherche.json`, join(dossier, "recherche.json"));
    writeFileSync(join(dossier, "structures.json"), JSON.stringify([{ id: "dora--ccas-loudun", nom: "CCAS de Loudun", siret: null }]));
    const { enregistrements, lots } = await lire(dossier);
    expect(enregistrements.map((e) => [e.genre, e.champs.id])).toEqual([
      ["structure", "dora--ccas-loudun"],
      ["service", "dora--aide-alimentaire"],
      ["service", "dora--domiciliation"],
    ]);
    expect(lots.map((l) => l.genre)).toEqual(["structure", "service"]);
  });

  it("ce que csvDump écrit, la lecture le rend à l'identique", async () => {
    const services = [
      { ...Object.fromEntries(COLONNES_DUMP.service.map((c) => [c, null])), id: "dora--a", source: "dora", structure_id: "dora--s", nom: "A, « b »",
        description: 'Ligne 1\nLigne "2"', date_maj: "2026-01-05", thematiques: ["x--y", "l'z"], publics: [], nombre_semaines: 4, latitude: 46.5 },
    ];
    const chemin = fichier("services-inclusion-2026-01-05.csv", csvDump(COLONNES_DUMP.service, services));
    const { enregistrements } = await lire(chemin);
    expect(enregistrements.map((e) => e.champs)).toEqual(services);
  });

  it("un fichier sans extension reconnaissable est lu d'après son contenu", async () => {
    const chemin = fichier("telechargement", readFileSync(`${F}/services.json`));
    const { lots } = await lire(chemin);
    expect(lots[0]).toMatchObject({ genre: "service", format: "json-tableau", nombre: 2 });
  });
});

describe("lireEntree : les entrées inutilisables", () => {
  it("fichier ou dossier absent, fichier vide, dossier sans fichier utile", async () => {
    const absent = join(TMP, "absent.json");
    expect(await erreur(absent)).toBe(`${absent}: fichier ou dossier introuvable`);
    const vide = fichier("vide.json", "");
    expect(await erreur(vide)).toBe(`${vide}: fichier vide`);
    const blanc = fichier("blanc.csv", "  \n\n");
    expect(await erreur(blanc)).toBe(`${blanc}: fichier vide (seulement des espaces)`);
    const dossierVide = join(TMP, "dossier-vide");
    mkdirSync(dossierVide);
    expect(await erreur(dossierVide)).toBe(`${dossierVide}: le dossier ne contient aucun fichier .json ni .csv (dossier vide)`);
    const notes = fichier("notes.txt", "rien");
    const dossierNotes = join(notes, "..");
    expect(await erreur(dossierNotes)).toBe(`${dossierNotes}: le dossier ne contient aucun fichier .json ni .csv (seulement : notes.txt)`);
  });

  it("ni JSON ni CSV", async () => {
    const texte = fichier("lisezmoi.txt", "Bonjour\nceci est une note\n");
    expect(await erreur(texte)).toBe(`${texte}: ni du JSON ni du CSV : le fichier commence par « Bonjour »`);
    const html = fichier("services.json", "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>");
    expect(await erreur(html)).toBe(`${html}: ce n'est pas du JSON : le fichier commence par « <!DOCTYPE html><html><body>502 Bad Gate… »`);
    const xlsx = fichier("services.xlsx", Buffer.from("PK\x03\x04\x14\x00\x06\x00", "latin1"));
    expect(await erreur(xlsx)).toBe(
      `${xlsx}: ni du JSON ni du CSV (un classeur .xlsx ou une archive .zip ?) : prenez l'export .json ou .csv de data·inclusion`,
    );
  });

  it("JSON tronqué ou invalide, avec la position", async () => {
    const tronque = fichier("services.json", '[{"id":"a","nom":"Atelier"},\n{"id":"b","nom":"Perman');
    expect(await erreur(tronque)).toBe(
      `${tronque}: JSON tronqué : le texte s'arrête ligne 2, colonne 24 au milieu d'une valeur (téléchargement interrompu ?)`,
    );
    const invalide = fichier("services.json", '[{"id":"a",\n "nom":Atelier}]');
    expect(await erreur(invalide)).toBe(`${invalide}: JSON invalide ligne 2, colonne 8 : une valeur était attendue`);
    const virgule = fichier("services.json", '[{"id":"a" "nom":"b"}]');
    expect(await erreur(virgule)).toBe(`${virgule}: JSON invalide ligne 1, colonne 12 : « , » était attendue`);
  });

  it("JSON qui n'est ni un tableau ni une page", async () => {
    const nombre = fichier("a.json", "42");
    // "42" does not start with [ or {: not even taken for JSON.
    expect(await erreur(nombre)).toBe(`${nombre}: ce n'est pas du JSON : le fichier commence par « 42 »`);
    const objet = fichier("a.json", '{"data": [{"id": "x"}], "total": 1}');
    expect(await erreur(objet)).toBe(
      `${objet}: objet JSON sans « items » (champs : « data », « total ») : ni un tableau de structures ou de services, ni une page de l'API { items, total, page, size, pages }`,
    );
    const seul = fichier("a.json", '{"id": "dora--x", "nom": "Un service"}');
    expect(await erreur(seul)).toBe(
      `${seul}: le JSON est un seul enregistrement (objet avec « id ») : mettez-le dans un tableau [ … ], ou donnez une page de l'API { items, total, page, size, pages }`,
    );
    const geojson = fichier("a.geojson", '{"type": "FeatureCollection", "features": []}');
    expect(await erreur(geojson)).toBe(`${geojson}: ce JSON est un GeoJSON (champ « features ») : prenez l'export .json ou .csv de data·inclusion`);
    const items = fichier("a.json", '{"items": {"id": "x"}}');
    expect(await erreur(items)).toBe(`${items}: « items » n'est pas un tableau (reçu : un objet)`);
  });

  it("éléments qui ne sont pas des enregistrements data·inclusion", async () => {
    const sans = fichier("a.json", '[{"titre": "Atelier", "lieu": "Poitiers"}]');
    expect(await erreur(sans)).toBe(
      `${sans}: l'élément 1 n'a ni « id » ni « nom » (champs : titre, lieu) : ce ne sont pas des structures ou des services data·inclusion`,
    );
    const nombres = fichier("a.json", '[{"id": "a", "nom": "b"}, 3]');
    expect(await erreur(nombres)).toBe(
      `${nombres}: l'élément 2 n'est pas un objet (reçu : le nombre 3) : le fichier doit contenir des structures ou des services data·inclusion`,
    );
  });

  it("tableaux vides, et mélange des genres", async () => {
    const vide = fichier("a.json", "[]");
    expect(await erreur(vide)).toBe(`${vide}: tableau vide : aucune structure ni aucun service`);
    const pageVide = fichier("a.json", '{"items": [], "total": 0, "page": 1, "size": 0, "pages": 0}');
    expect(await erreur(pageVide)).toBe(`${pageVide}: page de l'API sans aucun élément (« items » vide)`);
    const melange = fichier("a.json", JSON.stringify([{ id: "s", nom: "S", siret: null }, { id: "v", nom: "V", structure_id: "s" }]));
    expect(await erreur(melange)).toBe(
      `${melange}: l'élément 2 est un service (champ « structure_id »), alors que le premier élément est une structure : un fichier ne contient qu'un seul genre`,
    );
    const nom = fichier("structures-inclusion-2026-01-05.json", JSON.stringify([{ id: "v", nom: "V", structure_id: "s" }]));
    expect(await erreur(nom)).toBe(
      `${nom}: l'élément 1 est un service (champ « structure_id »), alors que le nom du fichier annonce des structures : un fichier ne contient qu'un seul genre`,
    );
  });

  it("CSV sans les colonnes obligatoires, ou séparé par des points-virgules", async () => {
    const manque = fichier("a.csv", "id,nom,structure_id\ndora--a,Atelier,dora--s\n");
    expect(await erreur(manque)).toBe(`${manque}: colonnes obligatoires absentes pour des services : source, description, date_maj`);
    const structures = fichier("a.csv", "id,nom,siret\ndora--a,Atelier,\n");
    expect(await erreur(structures)).toBe(`${structures}: colonnes obligatoires absentes pour des structures : source, date_maj`);
    const pointVirgule = fichier("a.csv", "id;source;nom;date_maj\ndora--a;dora;Atelier;2026-01-05\n");
    expect(await erreur(pointVirgule)).toBe(
      `${pointVirgule}: colonnes obligatoires absentes pour des structures : id, source, nom, date_maj (les cellules sont séparées par « ; » : l'export data·inclusion les sépare par des virgules)`,
    );
    const nom = fichier("structures-inclusion-2026-01-05.csv", "id,source,structure_id,nom,description,date_maj\n");
    expect(await erreur(nom)).toBe(
      `${nom}: les colonnes sont celles de services (colonne « structure_id »), alors que le nom du fichier annonce des structures`,
    );
    const doublon = fichier("a.csv", "id,source,nom,date_maj,nom\n");
    expect(await erreur(doublon)).toBe(`${doublon}: la colonne « nom » apparaît deux fois dans l'en-tête`);
  });

  it("CSV tronqué : une ligne incomplète, un guillemet jamais refermé, rien après l'en-tête", async () => {
    const entete = COLONNES_DUMP.structure.join(",");
    const ligne = COLONNES_DUMP.structure.map((c) => (c === "id" ? "dora--a" : c === "nom" ? "Atelier" : "")).join(",");
    const incomplet = fichier("a.csv", `${entete}\n${ligne}\n,,dora--b,,"Une description\nsur deux lignes",`);
    expect(await erreur(incomplet)).toBe(
      `${incomplet}: ligne 4 (enregistrement 2) : 6 cellules au lieu des 20 de l'en-tête (fichier tronqué, ou virgule hors guillemets ?)`,
    );
    const guillemet = fichier("a.csv", `${entete}\n${ligne}\n,,dora--b,,"Une description coupée`);
    expect(await erreur(guillemet)).toBe(`${guillemet}: un guillemet ouvert n'est jamais refermé (fin du fichier ligne 3) : fichier tronqué ?`);
    const seul = fichier("a.csv", `${entete}\n`);
    expect(await erreur(seul)).toBe(`${seul}: aucune ligne après l'en-tête`);
  });
});

describe("lecture d'un grand tableau JSON (découpe des éléments)", () => {
  it("donne exactement les valeurs du lecteur par jetons, éléments à cheval sur les morceaux et textes piégés compris", async () => {
    const { parcourirTableau, parcourirParJetons } = await import("../../src/domain/data-inclusion/lecture-json.ts");
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const pieges = ['accolade } et crochet ] dans un texte', 'guillemet \\" échappé', "barre \\\\ finale\\\\", "é\u00e8\u2019 « » \ud83d\ude00", "{[\"]}", "\\u0041\\n"];
    const elements = Array.from({ length: 3000 }, (_, i) => ({
      id: `dora--${i}`,
      nom: pieges[i % pieges.length],
      description: "x".repeat(i % 7 === 0 ? 5000 : 300) + pieges[(i + 1) % pieges.length],
      thematiques: ["a", "b"],
      latitude: 46.5 + i / 1e5,
      imbrique: { liste: [{ a: 1 }, { b: [2, 3] }] },
    }));
    const dossier = mkdtempSync(join(tmpdir(), "carto-json-"));
    const fichier = join(dossier, "services-inclusion-2026-11-30.json");
    // More than three of the reader's 1 MB chunks, with white space and a BOM where a dump might have them.
    writeFileSync(fichier, `\uFEFF[\n${elements.map((e) => JSON.stringify(e)).join(",\n ")}\n]\n`);
    const lire = async (f: typeof parcourirParJetons | typeof parcourirTableau) => {
      const valeurs: unknown[] = [];
      const c = await f(fichier, (v) => {
        valeurs.push(v);
      });
      // undefined: the array reader gave up (and would have handed the file to the token reader).
      return { valeurs, elements: c?.elements };
    };
    const decoupe = await lire(parcourirTableau);
    expect(decoupe.elements).toBe(3000);
    expect(decoupe).toEqual(await lire(parcourirParJetons));
    expect(decoupe.valeurs[1]).toEqual(JSON.parse(JSON.stringify(elements[1])));
    rmSync(dossier, { recursive: true });
  });
});
