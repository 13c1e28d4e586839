import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  formaterProbleme,
  lireFrontMatter,
  resume,
  validerDossier,
  validerFichiers,
  type Probleme,
  type ResultatValidation,
} from "../../src/domain/validation/index.ts";
import { besoins, categories } from "../../src/domain/taxonomy.ts";

// The reference day of these tests: fixtures are dated 2026, the broken one has a date in 2062.
const AUJOURDHUI = "2026-11-30";
const VALIDE = "tests/fixtures/catalogues/valide";
const CASSE = "tests/fixtures/catalogues/casse";

const lignes = (r: ResultatValidation) => r.problemes.map(formaterProbleme);
const erreurs = (r: ResultatValidation) => r.problemes.filter((p) => p.gravite === "erreur");
const avertissements = (r: ResultatValidation) => r.problemes.filter((p) => p.gravite === "avertissement");
const dansFichier = (r: ResultatValidation, fin: string) => r.problemes.filter((p) => p.fichier.endsWith(fin));

/** A minimal valid service / structure, with extra front matter lines. */
const structure = (lignesEnPlus = "", corps = "Présentation de la structure.") =>
  `---\nnom: Structure d'essai\ndate_maj: 2026-10-01\n${lignesEnPlus}---\n${corps}\n`;
const service = (lignesEnPlus = "", corps = "Une description suffisante du service.") =>
  "---\nnom: Service d'essai\nstructure: essai\nthematiques:\n  - numerique--acquerir-un-equipement\nmodes_accueil:\n  - a-distance\n" +
  `date_maj: 2026-10-01\n${lignesEnPlus}---\n${corps}\n`;
const STRUCTURE_ESSAI = { chemin: "content/structures/essai.md", texte: structure('code_postal: "86000"\ncommune: Poitiers\n') };

function valider(...fichiers: { chemin: string; texte: string }[]): ResultatValidation {
  return validerFichiers(fichiers, { aujourdhui: AUJOURDHUI });
}

describe("catalogue valide (fixture)", () => {
  it("ne signale rien et rend les 2 structures et les 3 services", () => {
    const r = validerDossier(VALIDE, { aujourdhui: AUJOURDHUI });
    expect(lignes(r)).toEqual([]);
    expect(r.structures.map((s) => s.slug)).toEqual(["mds-loudun", "mission-locale-poitiers"]);
    expect(r.services.map((s) => s.slug)).toEqual([
      "accompagnement-jeunes-poitiers",
      "information-droits-a-distance",
      "permanence-rsa-les-trois-moutiers",
    ]);
    expect(resume(r)).toBe("Catalogue valide : 2 structures, 3 services");
  });

  it("rend les données validées (codes en texte, date du fichier) et le corps Markdown", () => {
    const r = validerDossier(VALIDE, { aujourdhui: AUJOURDHUI });
    const permanence = r.services.find((s) => s.slug === "permanence-rsa-les-trois-moutiers")!;
    expect(permanence.donnees.code_insee).toBe("86274");
    expect(permanence.donnees.date_maj).toBe("2026-08-20");
    expect(permanence.corps).toMatch(/^Une référente RSA/);
    const mds = r.structures.find((s) => s.slug === "mds-loudun")!;
    expect(mds.corps.trim()).toBe("");
  });
});

describe("catalogue cassé (fixture)", () => {
  const r = validerDossier(CASSE, { aujourdhui: AUJOURDHUI });
  const texte = lignes(r);

  it("donne les messages exacts, fichier:ligne champ: message", () => {
    expect(texte).toContain(
      `${CASSE}/services/atelier-jeunes.md:9 publics: « jeunesse » n'est pas une valeur permise (valeurs permises : actifs, ` +
        "beneficiaires-des-minimas-sociaux, demandeurs-emploi, etudiants, familles, femmes, jeunes, personnes-en-situation-de-handicap, " +
        "personnes-en-situation-durgence, personnes-en-situation-juridique-specifique, personnes-exilees, residents-qpv-frr, seniors, " +
        "tous-publics) ; vouliez-vous dire « jeunes » ?",
    );
    expect(texte).toContain(
      `${CASSE}/services/atelier-jeunes.md:12 date_maj: la date 2062-10-01 est dans le futur (aujourd'hui : 2026-11-30) : ` +
        "indiquez le jour de la dernière mise à jour de la fiche",
    );
    expect(texte).toContain(
      `${CASSE}/services/permanence-emploi-naintre.md:3 structure: la structure « mission-locale-nord-vienn » n'existe pas ` +
        `(aucun fichier ${CASSE}/structures/mission-locale-nord-vienn.md) : vouliez-vous dire « mission-locale-nord-vienne » ?`,
    );
    expect(texte).toContain(
      `${CASSE}/services/permanence-emploi-naintre.md:9 code_postal: le code postal « 86000 » ne correspond pas à Naintré ` +
        "(code postal de Naintré : 86530) ; 86000 est le code postal de : Poitiers",
    );
    expect(texte).toContain(
      `${CASSE}/services/permanence-emploi-naintre.md:14 avertissement : zone_eligibilite: hors du territoire : « 79191 » est une commune ` +
        "du département 79, pas du territoire (Vienne, 86) ; ce code ne couvre aucune commune du site",
    );
    expect(texte).toContain(
      `${CASSE}/services/yaml-casse.md:4 conditions_acces: YAML illisible : deux-points suivis d'une espace à l'intérieur d'une valeur : ` +
        'mettez la valeur entre guillemets (écrivez conditions_acces: "Sur orientation : jeunes suivis par la mission locale")',
    );
    expect(texte).toContain(
      `${CASSE}/services/Atelier CV.md nom de fichier invalide « Atelier CV.md » : le nom (sans .md) s'écrit en minuscules, ` +
        "sans accent ni espace, mots séparés par des tirets ; renommez le fichier en « atelier-cv.md »",
    );
    expect(texte).toContain(`${CASSE}/services/accueil-tous-publics.md:6 publics: « tous-publics » ne peut pas être combiné avec d'autres publics`);
  });

  it("rassemble tous les problèmes d'un fichier, y compris ceux qui dépendent des autres fichiers", () => {
    const naintre = dansFichier(r, "permanence-emploi-naintre.md").map((p) => [p.ligne, p.champ, p.gravite]);
    expect(naintre).toEqual([
      [3, "structure", "erreur"],
      [9, "code_postal", "erreur"],
      [13, "zone_eligibilite", "erreur"], // "8619": malformed
      [14, "zone_eligibilite", "avertissement"], // "79191": another département
      [16, "telephone", "erreur"],
      [17, "lien_mobilisation", "erreur"],
    ]);
    const atelier = dansFichier(r, "atelier-jeunes.md").map((p) => [p.ligne, p.champ]);
    expect(atelier).toEqual([
      [4, "thematique"],
      [7, "thematiques"],
      [9, "publics"],
      [12, "date_maj"],
      [14, undefined], // description too short
    ]);
    const inconnu = dansFichier(r, "atelier-jeunes.md").find((p) => p.champ === "thematique")!;
    expect(inconnu.message).toMatch(/^champ inconnu « thematique » : vouliez-vous dire « thematiques » \? \(champs permis : nom, structure, /);
  });

  it("liste les besoins de la catégorie visée, et les 16 catégories quand la catégorie est inconnue", () => {
    const besoin = dansFichier(r, "atelier-jeunes.md").find((p) => p.champ === "thematiques")!.message;
    expect(besoin).toContain("n'est pas un besoin de la catégorie « logement-hebergement » (Logement et hébergement)");
    expect(besoin).toContain("logement-hebergement--se-maintenir-dans-le-logement");
    expect(besoin).not.toContain("trouver-un-emploi--");
    const categorie = dansFichier(r, "accueil-tous-publics.md").find((p) => p.champ === "thematiques")!.message;
    expect(categorie).toContain("catégorie « emploi » inconnue");
    for (const c of categories) expect(categorie).toContain(c.value);
    expect(categorie).not.toContain("--repondre-a-des-offres-demploi");
  });

  it("nomme tous les fichiers qui ont un problème, et eux seuls", () => {
    const fichiers = [...new Set(r.problemes.map((p) => p.fichier))].sort();
    expect(fichiers).toEqual(
      [
        "services/Atelier CV.md",
        "services/accueil-tous-publics.md",
        "services/atelier-jeunes.md",
        "services/notes.txt",
        "services/permanence-emploi-naintre.md",
        "services/yaml-casse.md",
        "structures/association-sans-adresse.md",
        "structures/mission-locale-nord-vienne.md",
      ].map((f) => `${CASSE}/${f}`),
    );
  });

  it("compte erreurs et avertissements, et ne garde que les fiches sans erreur", () => {
    expect(erreurs(r)).toHaveLength(19);
    expect(avertissements(r)).toHaveLength(3);
    expect(resume(r)).toBe("19 erreurs, 3 avertissements dans 8 fichiers");
    // Coordinates swapped: a warning only, the structure is kept.
    expect(r.structures.map((s) => s.slug)).toEqual(["mission-locale-nord-vienne"]);
    expect(r.services).toEqual([]);
    const inversees = dansFichier(r, "mission-locale-nord-vienne.md")[0]!;
    expect(inversees.message).toContain("latitude et longitude semblent inversées");
  });

  it("trie les problèmes par fichier puis par ligne", () => {
    const cles = r.problemes.map((p) => [p.fichier, p.ligne ?? 0] as const);
    const triees = [...cles].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    expect(cles).toEqual(triees);
  });
});

describe("date de mise à jour et « aujourd'hui »", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("l'option aujourdhui fixe le jour de référence", () => {
    const passe = validerDossier(CASSE, { aujourdhui: "2062-10-01" });
    expect(passe.problemes.some((p) => p.champ === "date_maj")).toBe(false);
    const avant = validerDossier(VALIDE, { aujourdhui: "2026-09-30" });
    expect(lignes(avant)).toEqual([
      `${VALIDE}/services/accompagnement-jeunes-poitiers.md:22 date_maj: la date 2026-10-12 est dans le futur (aujourd'hui : 2026-09-30) : indiquez le jour de la dernière mise à jour de la fiche`,
      `${VALIDE}/services/information-droits-a-distance.md:13 date_maj: la date 2026-11-02 est dans le futur (aujourd'hui : 2026-09-30) : indiquez le jour de la dernière mise à jour de la fiche`,
      `${VALIDE}/structures/mission-locale-poitiers.md:15 date_maj: la date 2026-10-01 est dans le futur (aujourd'hui : 2026-09-30) : indiquez le jour de la dernière mise à jour de la fiche`,
    ]);
    expect(avant.services.map((s) => s.slug)).toEqual(["permanence-rsa-les-trois-moutiers"]);
  });

  it("sans option, c'est le jour à Paris (horloge simulée)", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-10-01T22:30:00Z")); // already 2 October in Paris
    const r = validerFichiers([STRUCTURE_ESSAI, { chemin: "content/services/s.md", texte: service().replace("2026-10-01", "2026-10-02") }]);
    expect(r.problemes).toEqual([]);
    vi.setSystemTime(new Date("2026-10-01T21:30:00Z")); // still 1 October in Paris
    const r2 = validerFichiers([STRUCTURE_ESSAI, { chemin: "content/services/s.md", texte: service().replace("2026-10-01", "2026-10-02") }]);
    expect(lignes(r2)).toEqual([
      "content/services/s.md:8 date_maj: la date 2026-10-02 est dans le futur (aujourd'hui : 2026-10-01) : indiquez le jour de la dernière mise à jour de la fiche",
    ]);
  });

  it("refuse une option mal formée", () => {
    expect(() => validerFichiers([], { aujourdhui: "30/11/2026" })).toThrow(/AAAA-MM-JJ/);
  });
});

describe("en-tête YAML et numéros de ligne", () => {
  it("compte les lignes dans le fichier (BOM, lignes vides, fins de ligne CRLF)", () => {
    const lu = lireFrontMatter("\uFEFF\n---\r\nnom: Essai\r\npublics:\r\n  - jeunes\r\n  - seniors\r\n---\r\nTexte\r\n");
    expect(lu.problemes).toEqual([]);
    expect(lu.ligneDe(["nom"])).toBe(3);
    expect(lu.ligneDe(["publics"])).toBe(4);
    expect(lu.ligneDe(["publics", 1])).toBe(6);
    expect(lu.ligneDe(["absent"])).toBeUndefined();
    expect(lu.ligneCorps).toBe(8);
    expect(lu.donnees).toEqual({ nom: "Essai", publics: ["jeunes", "seniors"] });
  });

  it("signale un champ en double avec ses deux lignes", () => {
    const r = valider({ chemin: "content/structures/essai.md", texte: structure("nom: Autre nom\n") });
    expect(lignes(r)).toEqual([
      "content/structures/essai.md:4 nom: champ en double (déjà présent ligne 2) : gardez une seule ligne « nom: »",
    ]);
    expect(r.structures).toEqual([]);
  });

  it.each([
    ["sans en-tête", "nom: x\nTexte\n", "content/structures/essai.md:1 en-tête absent : la première ligne doit être « --- »"],
    ["en-tête non fermé", "---\nnom: x\nTexte\n", "content/structures/essai.md:1 en-tête non fermé"],
    ["fichier vide", "", "content/structures/essai.md fichier vide"],
    ["tabulation", "---\nnom: Essai\n\tdate_maj: 2026-10-01\n---\nTexte\n", "content/structures/essai.md:3 YAML illisible : tabulation"],
    ["guillemet non fermé", '---\ndate_maj: 2026-10-01\nnom: "Essai\n---\nTexte\n', "content/structures/essai.md:3 nom: YAML illisible : guillemet fermant manquant"],
    ["apostrophe", "---\nnom: 'l'atelier'\n---\nTexte\n", "content/structures/essai.md:2 nom: YAML illisible : texte en trop après une valeur entre guillemets"],
    ["alias", "---\nnom: *Nouveau*\n---\nTexte\n", "content/structures/essai.md:2 YAML illisible : une valeur qui commence par « * » ou « & » doit être mise entre guillemets"],
    ["liste", "---\n- a\n---\nTexte\n", "content/structures/essai.md:2 en-tête illisible"],
  ])("%s : un seul problème, clair", (_nom, texte, debut) => {
    const r = valider({ chemin: "content/structures/essai.md", texte });
    expect(r.problemes).toHaveLength(1);
    expect(formaterProbleme(r.problemes[0]!)).toMatch(new RegExp(`^${debut.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  });
});

describe("messages des champs", () => {
  const messages = (texte: string) => lignes(valider(STRUCTURE_ESSAI, { chemin: "content/services/s.md", texte }));

  it("traduit les messages génériques de zod et dit ce qui a été reçu", () => {
    expect(messages("---\nnom:\nstructure: essai\n---\nUne description.\n")).toEqual([
      "content/services/s.md thematiques: champ obligatoire : au moins un besoin, ex. : thematiques: [trouver-un-emploi--repondre-a-des-offres-demploi]",
      "content/services/s.md modes_accueil: champ obligatoire : en-presentiel et/ou a-distance, ex. : modes_accueil: [en-presentiel]",
      "content/services/s.md date_maj: champ obligatoire (date de mise à jour, ex. : 2026-10-01)",
      "content/services/s.md:2 nom: champ obligatoire (laissé vide) : le nom affiché sur le site, 3 à 150 caractères",
    ]);
    expect(messages(service("telephone: 0549000000\npublics: jeunes\n"))).toEqual([
      'content/services/s.md:9 telephone: doit être un texte : mettez le numéro entre guillemets (ex. : "05 49 00 00 00") (reçu : le nombre 549000000)',
      "content/services/s.md:10 publics: doit être une liste (reçu : le texte « jeunes ») ; écrivez une liste, ex. : publics: [jeunes], ou une valeur par ligne précédée de « - »",
    ]);
  });

  it("montre tous les problèmes, même ceux des règles d'ensemble quand un champ a le mauvais type", () => {
    const m = messages(service('telephone: 0549000000\nadresse: 1 rue de la Gare\n'));
    expect(m).toHaveLength(3);
    expect(m[0]).toMatch(/^content\/services\/s\.md code_postal: champ obligatoire quand une adresse est donnée$/);
    expect(m[1]).toMatch(/^content\/services\/s\.md commune: champ obligatoire quand une adresse est donnée$/);
    expect(m[2]).toMatch(/^content\/services\/s\.md:9 telephone: /);
  });

  it("suggère le champ voulu et rappelle où va la description", () => {
    const m = messages(service("zone: [\"86\"]\ndescription: Un texte\n"));
    expect(m[0]).toMatch(/^content\/services\/s\.md:9 zone: champ inconnu « zone » : vouliez-vous dire « zone_eligibilite » \? \(champs permis : /);
    expect(m[1]).toMatch(
      /^content\/services\/s\.md:10 description: champ inconnu « description » : la description du service s'écrit sous l'en-tête, après la ligne « --- » qui le ferme/,
    );
  });

  it("une catégorie seule demande un besoin précis de cette catégorie", () => {
    const [m] = messages(service().replace("numerique--acquerir-un-equipement", "numerique"));
    expect(m).toBe(
      "content/services/s.md:5 thematiques: « numerique » est une catégorie (Numérique) : indiquez un ou plusieurs besoins précis de cette catégorie " +
        "(besoins permis : numerique--acceder-a-des-services-en-ligne, numerique--acceder-a-une-connexion-internet, numerique--acquerir-un-equipement, " +
        "numerique--maitriser-les-fondamentaux-du-numerique)",
    );
    const [faute] = messages(service().replace("numerique--acquerir-un-equipement", "numerik--acquerir-un-equipement"));
    expect(faute).toBe(
      "content/services/s.md:5 thematiques: « numerik--acquerir-un-equipement » n'est pas un besoin permis : vouliez-vous dire « numerique--acquerir-un-equipement » ?",
    );
    expect(besoins.length).toBe(69);
  });

  it("vérifie la longueur de la description et de la présentation", () => {
    expect(messages(service("", "x".repeat(10_001)))).toEqual([
      "content/services/s.md:10 description trop longue (10 001 caractères) : 10 000 caractères au plus ; gardez l'essentiel",
    ]);
    expect(lignes(valider({ chemin: "content/structures/essai.md", texte: structure("", "Ok") }))).toEqual([
      "content/structures/essai.md:5 présentation trop courte (2 caractères, 5 au moins) : sous l'en-tête (après la ligne « --- » qui le ferme), décrivez la structure",
    ]);
    expect(lignes(valider({ chemin: "content/structures/essai.md", texte: structure("", "") }))).toEqual([]);
  });
});

describe("règles entre fichiers et territoire", () => {
  it("un service en présentiel sans aucun lieu est une erreur", () => {
    const r = valider(
      { chemin: "content/structures/essai.md", texte: structure() },
      { chemin: "content/services/s.md", texte: service().replace("a-distance", "en-presentiel") },
    );
    expect(lignes(r)).toEqual([
      "content/services/s.md:6 modes_accueil: « en-presentiel » sans aucun lieu : ni ce service ni sa structure « essai » n'ont d'adresse, " +
        "le service ne serait proposé dans aucune commune ; ajoutez une adresse (adresse, code_postal, commune, code_insee, latitude, longitude) " +
        "ici ou dans content/structures/essai.md, ou indiquez modes_accueil: [a-distance]",
    ]);
    // With the structure's address, it inherits the place.
    expect(valider(STRUCTURE_ESSAI, { chemin: "content/services/s.md", texte: service().replace("a-distance", "en-presentiel") }).problemes).toEqual([]);
  });

  it("un service dont la structure a des erreurs n'est pas publié, avec un avertissement", () => {
    const r = valider(
      { chemin: "content/structures/essai.md", texte: structure("telephone: \"05 49\"\n") },
      { chemin: "content/services/s.md", texte: service() },
    );
    expect(lignes(r)).toContain(
      "content/services/s.md:3 avertissement : structure: la fiche de la structure « essai » contient des erreurs (voir content/structures/essai.md) : " +
        "ce service ne sera publié qu'une fois la structure corrigée",
    );
    expect(r.services).toEqual([]);
  });

  it("contrôle code postal, code INSEE et nom de commune", () => {
    const m = (lignesEnPlus: string) => lignes(valider({ chemin: "content/structures/essai.md", texte: structure(lignesEnPlus) }));
    expect(m('code_postal: "86100"\ncommune: Poitiers\ncode_insee: "86194"\n')).toEqual([
      "content/structures/essai.md:4 code_postal: le code postal « 86100 » ne correspond pas à Poitiers (code postal de Poitiers : 86000) ; " +
        "86100 est le code postal de : Antran, Châtellerault, Senillé-Saint-Sauveur",
    ]);
    expect(m('code_postal: "86100"\ncommune: Poitiers\ncode_insee: "86066"\n')).toEqual([
      "content/structures/essai.md:5 commune: « Poitiers » ne correspond pas au code_insee « 86066 », qui est celui de Châtellerault " +
        "(code INSEE de Poitiers : 86194) : corrigez l'un ou l'autre",
    ]);
    expect(m('code_postal: "86000"\ncommune: Poitier\n')).toEqual([
      "content/structures/essai.md:5 commune: « Poitier » n'est pas le nom officiel d'une commune du territoire (Vienne, 86) ; commune du code postal 86000 : Poitiers",
    ]);
    expect(m('code_postal: "86999"\ncommune: Poitiers\ncode_insee: "86999"\n')).toEqual([
      "content/structures/essai.md:4 code_postal: le code postal « 86999 » ne correspond pas à Poitiers (code postal de Poitiers : 86000)",
      "content/structures/essai.md:6 code_insee: « 86999 » n'est le code INSEE d'aucune commune du territoire (Vienne, 86) (code INSEE de Poitiers : 86194)",
    ]);
    // Outside the territory: warnings only.
    const hors = valider({ chemin: "content/structures/essai.md", texte: structure('code_postal: "79000"\ncommune: Niort\n') });
    expect(lignes(hors)).toEqual([
      "content/structures/essai.md:4 avertissement : code_postal: hors du territoire : « 79000 » n'est pas un code postal du territoire (Vienne, 86) ; vérifiez l'adresse",
    ]);
    expect(hors.structures).toHaveLength(1);
  });

  it("avertit des coordonnées loin du territoire ou de la commune", () => {
    const m = (lignesEnPlus: string) => lignes(valider({ chemin: "content/structures/essai.md", texte: structure(lignesEnPlus) }));
    expect(m("latitude: 48.85\nlongitude: 2.35\n")[0]).toMatch(
      /^content\/structures\/essai\.md:4 avertissement : latitude: les coordonnées \(48\.85, 2\.35\) sont à \d+ km de .+, la commune du territoire \(Vienne, 86\) la plus proche : vérifiez-les/,
    );
    expect(m('code_postal: "86200"\ncommune: Loudun\nlatitude: 46.3\nlongitude: 0.8\n')).toEqual([
      "content/structures/essai.md:6 avertissement : latitude: les coordonnées (46.3, 0.8) sont à 95 km du centre de Loudun, la commune indiquée : vérifiez-les",
    ]);
    expect(m('code_postal: "86200"\ncommune: Loudun\nlatitude: 47.01\nlongitude: 0.1\n')).toEqual([]);
  });

  it("vérifie les codes de zone : territoire, hors territoire, « france »", () => {
    const r = valider(STRUCTURE_ESSAI, {
      chemin: "content/services/s.md",
      texte: service('zone_eligibilite: ["86", "france", 86194, "248600413", "79", "200000000", "86999", "86215", "86-194"]\n'),
    });
    // All on line 9 (a list between brackets): the schema's problem first, then the territory's.
    expect(r.problemes.map((p) => [p.gravite, p.message.slice(0, 50)])).toEqual([
      ["erreur", "« 86-194 » n'est pas un code INSEE de commune (5 c"],
      ["avertissement", "hors du territoire : « 79 » est un autre départeme"],
      ["avertissement", "hors du territoire : « 200000000 » n'est pas le co"],
      ["erreur", "« 86999 » n'est le code INSEE d'aucune commune du "],
      ["avertissement", "« 86215 » est l'ancien code INSEE d'une commune fu"],
    ]);
    expect(r.problemes.every((p) => p.ligne === 9 && p.champ === "zone_eligibilite")).toBe(true);
  });

  it("vérifie les noms de fichiers et les doublons", () => {
    const r = valider(
      STRUCTURE_ESSAI,
      { chemin: "content/structures/Essai.md", texte: structure() },
      { chemin: "content/services/Accès aux droits.md", texte: service() },
      { chemin: "content/services/notes.txt", texte: "" },
      { chemin: "content/services/ATELIER.MD", texte: service() },
      { chemin: "content/services/.gitkeep", texte: "" },
      { chemin: "content/services/archives/vieux.md", texte: service() },
    );
    expect(lignes(r)).toEqual([
      "content/services/ATELIER.MD avertissement : fichier ignoré : seuls les fichiers .md sont lus dans services/ : renommez-le en « atelier.md »",
      "content/services/Accès aux droits.md nom de fichier invalide « Accès aux droits.md » : le nom (sans .md) s'écrit en minuscules, sans accent ni espace, " +
        "mots séparés par des tirets ; renommez le fichier en « acces-aux-droits.md »",
      "content/services/archives/vieux.md avertissement : fichier ignoré : les fiches se placent directement dans le dossier structures/ ou services/ du catalogue",
      "content/services/notes.txt avertissement : fichier ignoré : seuls les fichiers .md sont lus dans services/ ; s'il s'agit d'une fiche, enregistrez-la en Markdown avec l'extension .md",
      "content/structures/Essai.md nom de fichier invalide « Essai.md » : le nom (sans .md) s'écrit en minuscules, sans accent ni espace, mots séparés par des tirets ; " +
        "renommez le fichier en « essai.md » (attention : essai.md existe déjà dans content/structures/ : fusionnez les deux fiches ou choisissez un autre nom)",
      "content/structures/Essai.md même nom que content/structures/essai.md à une majuscule près : les deux fichiers se confondent sur Windows et macOS ; gardez une seule fiche",
    ]);
    expect(r.structures.map((s) => s.slug)).toEqual(["essai"]);
  });
});

describe("formaterProbleme et resume", () => {
  const p = (gravite: Probleme["gravite"], ligne?: number): Probleme => ({
    fichier: "content/services/x.md",
    gravite,
    message: "« jeunesse » n'est pas une valeur permise",
    champ: "publics",
    ...(ligne !== undefined ? { ligne } : {}),
  });

  it("formate fichier:ligne, avertissement, champ et message", () => {
    expect(formaterProbleme(p("erreur", 12))).toBe("content/services/x.md:12 publics: « jeunesse » n'est pas une valeur permise");
    expect(formaterProbleme(p("avertissement"))).toBe("content/services/x.md avertissement : publics: « jeunesse » n'est pas une valeur permise");
  });

  it("accorde les nombres", () => {
    const base = { structures: [], services: [] };
    expect(resume({ ...base, problemes: [p("erreur", 1)] })).toBe("1 erreur dans 1 fichier");
    expect(resume({ ...base, problemes: [p("erreur", 1), p("erreur", 2), { ...p("avertissement"), fichier: "b.md" }] })).toBe(
      "2 erreurs, 1 avertissement dans 2 fichiers",
    );
    expect(resume({ ...base, problemes: [p("avertissement")] })).toBe("Catalogue valide : 0 structure, 0 service (1 avertissement dans 1 fichier)");
  });
});

describe("lecture du dossier", () => {
  it("un dossier absent est un problème, pas un plantage", () => {
    const r = validerDossier("tests/fixtures/catalogues/inexistant");
    expect(lignes(r)).toEqual([
      `tests/fixtures/catalogues/inexistant dossier du catalogue introuvable : il doit contenir les dossiers structures/ et services/ (lancé depuis ${process.cwd()})`,
    ]);
    const sansSousDossiers = validerDossier(`${VALIDE}/services`, { aujourdhui: AUJOURDHUI });
    expect(sansSousDossiers.problemes.map((x) => x.fichier)).toEqual([`${VALIDE}/services/services`, `${VALIDE}/services/structures`]);
  });

  it("affiche les chemins relatifs au dossier courant, même pour un chemin absolu", () => {
    const r = validerDossier(resolve(CASSE), { aujourdhui: AUJOURDHUI });
    expect(r.problemes[0]!.fichier.startsWith(`${CASSE}/`)).toBe(true);
  });
});

describe("npm run validate", () => {
  const lancer = (dossier: string) =>
    spawnSync("npx", ["tsx", "scripts/validate.ts", dossier], { encoding: "utf8", cwd: process.cwd(), timeout: 60_000 });

  it("sort en 1 sur un catalogue avec erreurs, une ligne par problème puis le résumé", () => {
    const r = lancer(CASSE);
    expect(r.status).toBe(1);
    const sortie = r.stdout.trim().split("\n");
    expect(sortie).toHaveLength(23);
    expect(sortie).toContain(
      `${CASSE}/services/permanence-emploi-naintre.md:16 telephone: « 05 49 12 » n'est pas un numéro de téléphone français (10 chiffres comme 05 49 00 00 00, ou numéro court comme 3949)`,
    );
    expect(sortie).toContain(
      `${CASSE}/structures/association-sans-adresse.md:3 site_web: « ftp://association.example.org » n'est pas une adresse web en http(s) (ex. : https://www.exemple.fr/page)`,
    );
    expect(sortie.at(-1)).toBe("19 erreurs, 3 avertissements dans 8 fichiers");
  }, 60_000);

  it("sort en 0 sur le catalogue valide", () => {
    const r = lancer(VALIDE);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe("Catalogue valide : 2 structures, 3 services");
  }, 60_000);
});

describe("anciens noms (anciens_slugs) et codes de partage", () => {
  const anciens = (...slugs: string[]) => `anciens_slugs:\n${slugs.map((s) => `  - ${s}\n`).join("")}`;
  const fiche = (slug: string, lignesEnPlus = "") => ({ chemin: `content/services/${slug}.md`, texte: service(lignesEnPlus) });

  it("accepte un service renommé et le rend avec ses anciens noms", () => {
    const r = valider(STRUCTURE_ESSAI, fiche("atelier-cv-et-lettre", anciens("atelier-cv", "atelier-cv-lettre")));
    expect(lignes(r)).toEqual([]);
    expect(r.services[0]!.donnees.anciens_slugs).toEqual(["atelier-cv", "atelier-cv-lettre"]);
  });

  it("un ancien nom doit être un nom de fichier valide, une seule fois", () => {
    const r = valider(STRUCTURE_ESSAI, fiche("atelier", anciens("Atelier CV", "atelier-cv", "atelier-cv")), fiche("autre", "anciens_slugs: atelier-cv\n"));
    expect(lignes(r)).toEqual([
      "content/services/atelier.md:10 anciens_slugs: doit être un identifiant en minuscules sans accent, mots séparés par des tirets (ex. : mission-locale-poitiers) (reçu : le texte « Atelier CV »)",
      "content/services/atelier.md:12 anciens_slugs: « atelier-cv » est répété",
      "content/services/autre.md:9 anciens_slugs: doit être une liste d'anciens noms de fichier (sans .md) (reçu : le texte « atelier-cv ») ; " +
        "écrivez une liste, ex. : anciens_slugs: [atelier-cv], ou une valeur par ligne précédée de « - »",
    ]);
  });

  it("un ancien nom n'est pas le nom actuel d'un service, ni le sien", () => {
    const r = valider(STRUCTURE_ESSAI, fiche("atelier-cv", anciens("atelier-cv")), fiche("atelier", anciens("atelier-ancien", "atelier-cv")));
    expect(lignes(r)).toEqual([
      "content/services/atelier-cv.md:10 anciens_slugs: « atelier-cv » est le nom actuel de ce fichier : anciens_slugs ne liste que les noms précédents ; retirez-le",
      "content/services/atelier.md:11 anciens_slugs: « atelier-cv » est le nom actuel de content/services/atelier-cv.md : son adresse mène déjà à ce service ; " +
        "retirez-le de anciens_slugs (ou, si ce fichier est un doublon, supprimez-le)",
    ]);
    expect(r.services.map((s) => s.slug)).toEqual([]);
  });

  it("un ancien nom ne mène qu'à un seul service : les deux fichiers sont signalés", () => {
    const r = valider(STRUCTURE_ESSAI, fiche("atelier-a", anciens("atelier")), fiche("atelier-b", anciens("atelier-bis", "atelier")));
    expect(lignes(r)).toEqual([
      "content/services/atelier-a.md:10 anciens_slugs: « atelier » figure aussi dans anciens_slugs de content/services/atelier-b.md : " +
        "un ancien nom ne mène qu'à un seul service ; gardez-le seulement dans la fiche qui portait ce nom",
      "content/services/atelier-b.md:11 anciens_slugs: « atelier » figure aussi dans anciens_slugs de content/services/atelier-a.md : " +
        "un ancien nom ne mène qu'à un seul service ; gardez-le seulement dans la fiche qui portait ce nom",
    ]);
  });

  it("deux services au même code de partage : les deux fichiers sont signalés, avec quoi faire", () => {
    // Found by search: these two ids share their 40-bit hash (code c36zyrm5) with the source carto-insertion-86.
    const r = validerFichiers([STRUCTURE_ESSAI, fiche("atelier-5627899"), fiche("atelier-7909250")], { aujourdhui: AUJOURDHUI, source: "carto-insertion-86" });
    expect(lignes(r)).toEqual([
      "content/services/atelier-5627899.md même code de partage « c36zyrm5 » que content/services/atelier-7909250.md (tiré par hasard des identifiants " +
        "« carto-insertion-86--atelier-5627899 » et « carto-insertion-86--atelier-7909250 ») : les liens de sélection ne sauraient pas lequel ouvrir ; " +
        "renommez le fichier du service qui n'a pas encore été publié (son code change avec son nom)",
      "content/services/atelier-7909250.md même code de partage « c36zyrm5 » que content/services/atelier-5627899.md (tiré par hasard des identifiants " +
        "« carto-insertion-86--atelier-7909250 » et « carto-insertion-86--atelier-5627899 ») : les liens de sélection ne sauraient pas lequel ouvrir ; " +
        "renommez le fichier du service qui n'a pas encore été publié (son code change avec son nom)",
    ]);
    // The code comes from the stable id: another source, other codes.
    expect(lignes(validerFichiers([STRUCTURE_ESSAI, fiche("atelier-5627899"), fiche("atelier-7909250")], { aujourdhui: AUJOURDHUI, source: "autre-source" }))).toEqual([]);
    // A rename keeps the code: the renamed file still collides.
    const renomme = validerFichiers([STRUCTURE_ESSAI, fiche("atelier-5627899"), fiche("atelier-nouveau", anciens("atelier-7909250"))], {
      aujourdhui: AUJOURDHUI,
      source: "carto-insertion-86",
    });
    expect(erreurs(renomme).map((p) => p.fichier)).toEqual(["content/services/atelier-5627899.md", "content/services/atelier-nouveau.md"]);
  });
});

describe("origine des fiches importées de data·inclusion", () => {
  const structureImportee = (lignesEnPlus = "") =>
    structure(`code_postal: "75011"\ncommune: Paris\ncode_insee: "75111"\nlatitude: 48.86\nlongitude: 2.38\nsource: dora\nid: dora--s1\n${lignesEnPlus}`);
  const serviceImporte = (lignesEnPlus = "") =>
    service(`zone_eligibilite:\n  - france\n  - "79"\n  - "79191"\nsource: dora\nid: dora--v1\nstructure_id: dora--s1\nlien_source: https://dora.inclusion.beta.gouv.fr/services/v1\n${lignesEnPlus}`);

  it("une structure importée hors du territoire et sa zone ailleurs ne valent aucun avertissement", () => {
    const r = valider({ chemin: "content/structures/essai.md", texte: structureImportee() }, { chemin: "content/services/s.md", texte: serviceImporte() });
    expect(lignes(r)).toEqual([]);
    expect(r.services).toHaveLength(1);
  });

  it("la même fiche écrite à la main est signalée hors du territoire", () => {
    const r = valider({ chemin: "content/structures/essai.md", texte: structure('code_postal: "75011"\ncommune: Paris\ncode_insee: "75111"\n') });
    expect(lignes(r)).toEqual([
      "content/structures/essai.md:6 avertissement : code_insee: hors du territoire : « 75111 » est une commune du département 75, pas du territoire (Vienne, 86) ; vérifiez le code",
    ]);
  });

  it("source et id vont ensemble, l'id est de la source, les champs d'origine demandent un id", () => {
    const r = valider(
      { chemin: "content/structures/essai.md", texte: structure('code_postal: "86000"\ncommune: Poitiers\nsource: dora\n') },
      { chemin: "content/structures/autre.md", texte: structure("id: soliguide--1\nsource: dora\n") },
      { chemin: "content/structures/trois.md", texte: structure("doublons:\n  - dora--2\n") },
    );
    expect(lignes(r)).toEqual([
      "content/structures/autre.md:4 id: « soliguide--1 » n'est pas un identifiant de la source « dora » (attendu : dora--…)",
      "content/structures/essai.md id: manquant : une fiche avec source a aussi l'identifiant qu'elle a chez cette source (ou retirez source)",
      "content/structures/trois.md:4 doublons: réservé aux fiches importées de data·inclusion (avec source et id)",
    ]);
  });

  it("un identifiant ne désigne qu'un fichier ; la source du site n'est pas une origine", () => {
    const r = valider(
      { chemin: "content/structures/essai.md", texte: structure('code_postal: "86000"\ncommune: Poitiers\nsource: dora\nid: dora--s1\n') },
      { chemin: "content/structures/autre.md", texte: structure("source: dora\nid: dora--s2\ndoublons:\n  - dora--s1\n") },
      { chemin: "content/structures/trois.md", texte: structure("source: carto-insertion-86\nid: carto-insertion-86--trois\n") },
    );
    expect(lignes(r)).toEqual([
      "content/structures/autre.md:7 doublons: l'identifiant data·inclusion « dora--s1 » figure aussi dans content/structures/essai.md : une fiche importée n'a qu'un fichier ; fusionnez-les",
      "content/structures/essai.md:7 id: l'identifiant data·inclusion « dora--s1 » figure aussi dans content/structures/autre.md : une fiche importée n'a qu'un fichier ; fusionnez-les",
      "content/structures/trois.md:4 source: « carto-insertion-86 » est la source de ce site : une fiche créée ici n'a ni source ni id (son identifiant vient du nom du fichier) ; retirez source, id et lien_source",
    ]);
  });

  it("structure_id : celui de la structure ou d'un de ses doublons, sinon un avertissement", () => {
    const fusionnee = { chemin: "content/structures/essai.md", texte: structureImportee("doublons:\n  - soliguide--9\n") };
    const doublon = valider(fusionnee, { chemin: "content/services/s.md", texte: serviceImporte().replace("structure_id: dora--s1", "structure_id: soliguide--9") });
    expect(lignes(doublon)).toEqual([]);
    const deplace = valider(fusionnee, { chemin: "content/services/s.md", texte: serviceImporte().replace("structure_id: dora--s1", "structure_id: dora--s7") });
    expect(lignes(deplace)).toEqual([
      "content/services/s.md:15 avertissement : structure_id: « dora--s7 » n'est ni l'identifiant data·inclusion de la structure « essai » (dora--s1, soliguide--9) ni un de ses doublons : le service a changé de structure depuis l'import ; l'export le publie sous sa structure actuelle",
    ]);
  });
});
