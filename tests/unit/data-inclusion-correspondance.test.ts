import { describe, expect, it } from "vitest";
import { construireService, construireStructure, type Structure } from "../../src/domain/catalogue";
import { depuisDataInclusion, type ResultatCorrespondance } from "../../src/domain/data-inclusion/correspondance";
import { COLONNES_DUMP } from "../../src/domain/data-inclusion/format-dump";
import { exporterService, exporterStructure, type OptionsExport } from "../../src/domain/export";
import type { ServiceFrontmatter, StructureFrontmatter } from "../../src/domain/schema";

const AUJOURDHUI = "2026-12-07";
const options = { aujourdhui: AUJOURDHUI };
const ORIGINES = ["source", "id", "lien_source", "structure_id"];

const optionsExport: OptionsExport = {
  urlService: (slug) => `https://carto.example/services/${slug}/`,
  urlStructure: (slug) => `https://carto.example/structures/${slug}/`,
};

/** Every field of a v1 structure, as the API serves it (plus keys of the API that are not the schema's). */
const structureV1 = {
  source: "dora",
  id: "dora--mission-locale-poitiers",
  nom: "Mission locale du Poitou",
  siret: "13002526500013",
  adresse: "3 rue de la Marne",
  complement_adresse: "Bâtiment B",
  code_postal: "86000",
  commune: "Poitiers",
  code_insee: "86194",
  latitude: 46.5802,
  longitude: 0.3404,
  telephone: "+33 5 49 00 00 00",
  courriel: "accueil@mission-locale.fr",
  site_web: "https://www.mission-locale.fr",
  lien_source: "https://dora.inclusion.gouv.fr/structures/mission-locale-poitiers",
  horaires_accueil: "Mo-Fr 09:00-12:00,14:00-17:00",
  accessibilite_lieu: "https://acceslibre.beta.gouv.fr/app/86-poitiers/a/mission-locale/",
  reseaux_porteurs: ["mission-locale", "france-travail"],
  description: "La mission locale accompagne les **16-25 ans**.\n\n- emploi\n- logement",
  date_maj: "2026-10-12",
  adresse_certifiee: true,
  score_qualite: 0.8,
  doublons: [{ source: "soliguide", id: "soliguide--123" }],
};

/** Every field of a v1 service. */
const serviceV1 = {
  source: "dora",
  id: "dora--atelier-cv",
  structure_id: "dora--mission-locale-poitiers",
  nom: "Atelier CV",
  description: "Un atelier pour **écrire son CV**.\n\n1. Venir avec ses diplômes\n2. Repartir avec un CV < 2 pages",
  lien_source: "https://dora.inclusion.gouv.fr/services/atelier-cv",
  date_maj: "2026-10-12",
  type: "atelier",
  thematiques: ["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation", "numerique--maitriser-les-fondamentaux-du-numerique"],
  frais: "payant",
  frais_precisions: "5 € la séance",
  publics: ["jeunes", "demandeurs-emploi"],
  publics_precisions: "16 à 25 ans",
  conditions_acces: "Être inscrit à la mission locale.",
  adresse: "3 rue de la Marne",
  complement_adresse: "Salle 2",
  code_postal: "86000",
  commune: "Poitiers",
  code_insee: "86194",
  latitude: 46.5802,
  longitude: 0.3404,
  telephone: "05.49.00.00.01",
  courriel: "atelier@mission-locale.fr",
  contact_nom_prenom: "Camille Martin",
  modes_accueil: ["en-presentiel", "a-distance"],
  zone_eligibilite: ["86", "200069854"],
  modes_mobilisation: ["envoyer-un-courriel", "utiliser-lien-mobilisation"],
  mobilisable_par: ["professionnels", "usagers"],
  lien_mobilisation: "https://rdv.mission-locale.fr/atelier-cv",
  mobilisation_precisions: "Inscription la veille au plus tard.",
  horaires_accueil: "Tu 14:00-17:00",
  volume_horaire_hebdomadaire: 3.5,
  nombre_semaines: 6,
  score_qualite: 0.9,
  adresse_certifiee: false,
  structure: { id: "dora--mission-locale-poitiers", nom: "Mission locale du Poitou" },
};

const minimal = {
  source: "dora",
  id: "dora--atelier-cv",
  structure_id: "dora--mission-locale-poitiers",
  nom: "Atelier CV",
  description: "Un atelier pour écrire son CV.",
  date_maj: "2026-10-12",
  thematiques: ["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"],
  modes_accueil: ["en-presentiel"],
};

const structureMinimale = { source: "dora", id: "dora--ml", nom: "Mission locale", date_maj: "2026-10-12" };

function accepte(r: ResultatCorrespondance) {
  if (!r.ok) throw new Error(`refusé : ${JSON.stringify(r.problemes)}`);
  return r;
}

function refuse(r: ResultatCorrespondance) {
  if (r.ok) throw new Error(`accepté : ${JSON.stringify(r.donnees)}`);
  return r;
}

const service = (champs: Record<string, unknown>) => depuisDataInclusion("service", { ...minimal, ...champs }, options);
const structure = (champs: Record<string, unknown>) => depuisDataInclusion("structure", { ...structureMinimale, ...champs }, options);

function structureImportee(): Structure {
  const r = accepte(depuisDataInclusion("structure", structureV1, options));
  return construireStructure({ slug: "mission-locale-poitiers", donnees: r.donnees as StructureFrontmatter, corps: r.corps }, "dora");
}

describe("correspondance d'un enregistrement v1 : chaque champ, aller et retour", () => {
  it("maps every field of a v1 service, and our export gives the record back", () => {
    const r = accepte(depuisDataInclusion("service", serviceV1, options));
    expect(r.reparations).toEqual([]);
    expect(r.avertissements).toEqual([]);
    expect(r.origine).toEqual({
      source: "dora",
      id: "dora--atelier-cv",
      structure_id: "dora--mission-locale-poitiers",
      lien_source: "https://dora.inclusion.gouv.fr/services/atelier-cv",
    });
    // Our schema's order, no `structure`, no origin, no description (it is the body).
    expect(Object.keys(r.donnees)).toEqual([
      "nom", "thematiques", "type", "publics", "publics_precisions", "conditions_acces", "frais", "frais_precisions",
      "modes_accueil", "adresse", "complement_adresse", "code_postal", "commune", "code_insee", "latitude", "longitude",
      "telephone", "courriel", "contact_nom_prenom", "zone_eligibilite", "modes_mobilisation", "mobilisable_par",
      "lien_mobilisation", "mobilisation_precisions", "horaires_accueil", "volume_horaire_hebdomadaire", "nombre_semaines", "date_maj",
    ]);
    expect(r.corps).toBe(serviceV1.description);

    const domaine = construireService(
      { slug: "atelier-cv", donnees: { ...r.donnees, structure: "mission-locale-poitiers" } as ServiceFrontmatter, corps: r.corps },
      structureImportee(),
      "dora",
    );
    const exporte: Record<string, unknown> = exporterService(domaine, optionsExport);
    const champsV1 = COLONNES_DUMP.service.filter((c) => c !== "score_qualite");
    expect(Object.keys(exporte).sort()).toEqual([...champsV1].sort());
    for (const champ of champsV1) {
      if (ORIGINES.includes(champ)) continue;
      expect({ [champ]: exporte[champ] }).toEqual({ [champ]: serviceV1[champ as keyof typeof serviceV1] });
    }
  });

  it("maps every field of a v1 structure, and our export gives the record back", () => {
    const r = accepte(depuisDataInclusion("structure", structureV1, options));
    expect(r.reparations).toEqual([]);
    expect(r.avertissements).toEqual([]);
    expect(r.origine).toEqual({
      source: "dora",
      id: "dora--mission-locale-poitiers",
      lien_source: "https://dora.inclusion.gouv.fr/structures/mission-locale-poitiers",
    });
    expect(Object.keys(r.donnees)).toEqual([
      "nom", "siret", "adresse", "complement_adresse", "code_postal", "commune", "code_insee", "latitude", "longitude",
      "telephone", "courriel", "site_web", "horaires_accueil", "accessibilite_lieu", "reseaux_porteurs", "date_maj",
    ]);
    const exporte: Record<string, unknown> = exporterStructure(structureImportee(), optionsExport);
    const champsV1 = [...COLONNES_DUMP.structure];
    expect(Object.keys(exporte).sort()).toEqual([...champsV1].sort());
    for (const champ of champsV1) {
      if (ORIGINES.includes(champ)) continue;
      expect({ [champ]: exporte[champ] }).toEqual({ [champ]: structureV1[champ as keyof typeof structureV1] });
    }
  });

  it("gives a structure without description an empty body, which exports as null", () => {
    const r = accepte(structure({ description: null }));
    expect(r.corps).toBe("");
    expect(r.donnees).toEqual({ nom: "Mission locale", date_maj: "2026-10-12" });
    const s = construireStructure({ slug: "ml", donnees: r.donnees as StructureFrontmatter, corps: r.corps }, "dora");
    expect(exporterStructure(s, optionsExport).description).toBeNull();
  });

  it("reads the dump's shapes: null, empty texts and empty lists are absent, texts are trimmed, floats of integers are integers", () => {
    const r = accepte(
      service({
        nom: "  Atelier CV ",
        type: null,
        publics: [],
        frais: "",
        courriel: "   ",
        nombre_semaines: 6.0,
        lien_source: null,
        description: "\n\nUn atelier pour écrire son CV.\n\n",
      }),
    );
    expect(r.donnees).toEqual({
      nom: "Atelier CV",
      thematiques: ["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"],
      modes_accueil: ["en-presentiel"],
      nombre_semaines: 6,
      date_maj: "2026-10-12",
    });
    expect(r.corps).toBe("Un atelier pour écrire son CV.");
    expect(r.origine).toEqual({ source: "dora", id: "dora--atelier-cv", structure_id: "dora--mission-locale-poitiers" });
  });
});

describe("réparations (sans deviner)", () => {
  it("reads date_maj given as epoch milliseconds (the dump's JSON) as its day in Paris", () => {
    // 2023-12-31T23:00:00Z is already the 1st of January in Paris.
    const r = accepte(service({ date_maj: 1704063600000 }));
    expect(r.donnees.date_maj).toBe("2024-01-01");
    expect(r.reparations).toEqual([
      { champ: "date_maj", message: "« 1704063600000 » (millisecondes depuis 1970) lu comme le jour 2024-01-01 à Paris" },
    ]);
    expect(accepte(service({ date_maj: "1704067200000" })).donnees.date_maj).toBe("2024-01-01");
  });

  it("reads a date-time as its day in Paris", () => {
    const r = accepte(service({ date_maj: "2026-03-01T23:30:00Z" }));
    expect(r.donnees.date_maj).toBe("2026-03-02");
    expect(r.reparations).toEqual([
      { champ: "date_maj", message: "date et heure « 2026-03-01T23:30:00Z » ramenées à leur jour à Paris : 2026-03-02" },
    ]);
    expect(accepte(service({ date_maj: "2026-03-01T10:00:00+01:00" })).donnees.date_maj).toBe("2026-03-01");
    expect(accepte(service({ date_maj: "2026-03-01 23:30:00" })).donnees.date_maj).toBe("2026-03-01");
  });

  it("rewrites a French phone number whose only fault is its writing", () => {
    for (const numero of ["+33 (0)5 36 49 00 01", "0033536490001", "05/36/49/00/01", "05 36 49 00 01 ", "+33 0 5 36 49 00 01"]) {
      const r = accepte(service({ telephone: numero }));
      expect(r.donnees.telephone).toBe("05 36 49 00 01");
      expect(r.reparations).toEqual([{ champ: "telephone", message: `« ${numero} » réécrit « 05 36 49 00 01 »` }]);
    }
  });

  it("leaves a phone number our schema accepts exactly as given", () => {
    for (const numero of ["05.49.00.00.01", "+33 5 49 00 00 01", "0549000001", "3949", "05-49-00-00-01"]) {
      const r = accepte(service({ telephone: numero }));
      expect(r.donnees.telephone).toBe(numero);
      expect(r.reparations).toEqual([]);
    }
  });

  it("re-reads as UTF-8 a text read as Latin-1 upstream", () => {
    const r = accepte(
      service({
        nom: "CafÃ© solidaire",
        conditions_acces: "Ãªtre majeur, câ€™est tout",
        description: "Un cafÃ© oÃ¹ lâ€™on Å“uvre ensemble.",
      }),
    );
    expect(r.donnees.nom).toBe("Café solidaire");
    expect(r.donnees.conditions_acces).toBe("être majeur, c’est tout");
    expect(r.corps).toBe("Un café où l’on œuvre ensemble.");
    expect(r.reparations).toEqual([
      { champ: "nom", message: "accents mal encodés réparés : « CafÃ© solidaire » → « Café solidaire »" },
      { champ: "conditions_acces", message: "accents mal encodés réparés : « Ãªtre majeur, câ€™est tout » → « être majeur, c’est tout »" },
      { champ: "description", message: "accents mal encodés réparés : « Un cafÃ© oÃ¹ lâ€™on Å“uvre ensemble. » → « Un café où l’on œuvre ensemble. »" },
    ]);
  });

  it("leaves French text with accents, guillemets and ellipses alone", () => {
    const texte = "Été à Châtellerault : « À bientôt » — ÉLAN… Œuvre, ÇA VA ?";
    const r = accepte(service({ nom: "Café de l'Été", description: texte }));
    expect(r.donnees.nom).toBe("Café de l'Été");
    expect(r.corps).toBe(texte);
    expect(r.reparations).toEqual([]);
  });

  it("takes a postal code, an INSEE code or a SIRET given as a number as text", () => {
    const r = accepte(structure({ code_postal: 86000, commune: "Poitiers", code_insee: 86194, siret: 13002526500013 }));
    expect(r.donnees).toMatchObject({ code_postal: "86000", code_insee: "86194", siret: "13002526500013" });
    expect(r.reparations).toEqual([
      { champ: "siret", message: "SIRET donné comme nombre (13002526500013) : écrit comme texte « 13002526500013 »" },
      { champ: "code_postal", message: "code postal donné comme nombre (86000) : écrit comme texte « 86000 »" },
      { champ: "code_insee", message: "code INSEE donné comme nombre (86194) : écrit comme texte « 86194 »" },
    ]);
  });

  it("does not count the mending of a field that is dropped afterwards", () => {
    const r = accepte(structure({ code_postal: 1000, commune: "Poitiers" }));
    expect(r.reparations).toEqual([]);
    expect(r.avertissements).toEqual([
      { champ: "code_postal", message: "champ ignoré : doit être un code postal de 5 chiffres (ex. : 86000) (reçu : le texte « 1000 »)" },
      { champ: "commune", message: "champ ignoré : une adresse demande son code postal et sa commune (code_postal : absent ou ignoré)" },
    ]);
  });
});

describe("refus : chaque raison, dans les mots du validateur", () => {
  it("refuses a record without its data·inclusion identity", () => {
    expect(refuse(depuisDataInclusion("service", { ...minimal, source: null, id: "", structure_id: undefined }, options))).toEqual({
      ok: false,
      origine: {},
      problemes: [
        { champ: "source", message: "champ obligatoire (laissé vide) : la source data·inclusion de la fiche (ex. : dora)" },
        { champ: "id", message: "champ obligatoire : l'identifiant data·inclusion de la fiche (ex. : dora--atelier-cv)" },
        { champ: "structure_id", message: "champ obligatoire : l'identifiant data·inclusion de la structure qui porte le service" },
      ],
    });
    expect(refuse(depuisDataInclusion("structure", { ...structureMinimale, id: 42 }, options)).problemes).toEqual([
      { champ: "id", message: "doit être un texte (reçu : le nombre 42)" },
    ]);
  });

  it("refuses a service without thematiques or modes_accueil (optional in v1, required by the catalogue)", () => {
    expect(refuse(service({ thematiques: null, modes_accueil: [] })).problemes).toEqual([
      {
        champ: "thematiques",
        message: "absent ; le catalogue exige au moins un besoin (thématique) data·inclusion (sans lui, le service n'apparaît sous aucune thématique)",
      },
      {
        champ: "modes_accueil",
        message: "absent ; le catalogue exige en-presentiel et/ou a-distance (sans lui, le service n'est proposé dans aucune commune)",
      },
    ]);
  });

  it("refuses a required list with no known code left, naming each code", () => {
    expect(refuse(service({ thematiques: ["famille"], modes_accueil: ["sur-place"] })).problemes).toEqual([
      {
        champ: "thematiques",
        message:
          "« famille » est une catégorie (Famille) : indiquez un ou plusieurs besoins précis de cette catégorie (besoins permis : " +
          "famille--garde-denfants, famille--prise-en-charge-personne-dependante, famille--soutien-a-la-parentalite-et-a-leducation, " +
          "famille--soutien-aidants, famille--surmonter-conflits-separation-violence)",
      },
      { champ: "modes_accueil", message: "« sur-place » n'est pas une valeur permise (valeurs permises : a-distance, en-presentiel)" },
    ]);
  });

  it("refuses a list column the reader could not decode in a required field", () => {
    expect(refuse(service({ thematiques: "['famille--garde-denfants'" })).problemes).toEqual([
      { champ: "thematiques", message: "doit être une liste (reçu : le texte « ['famille--garde-denfants' »)" },
    ]);
  });

  it("refuses a bad name", () => {
    expect(refuse(service({ nom: "CV" })).problemes).toEqual([{ champ: "nom", message: "3 caractères au moins (actuellement : 2)" }]);
    expect(refuse(structure({ nom: null })).problemes).toEqual([
      { champ: "nom", message: "champ obligatoire : le nom affiché sur le site, 3 à 150 caractères" },
    ]);
  });

  it("refuses a missing, malformed, future or pre-2000 date_maj", () => {
    const probleme = (date_maj: unknown) => refuse(service({ date_maj })).problemes;
    expect(probleme(null)).toEqual([{ champ: "date_maj", message: "champ obligatoire (date de mise à jour, ex. : 2026-10-01)" }]);
    expect(probleme("12/10/2026")).toEqual([
      { champ: "date_maj", message: "« 12/10/2026 » n'est pas une date au format AAAA-MM-JJ (ex. : 2026-10-01)" },
    ]);
    expect(probleme("2027-01-03")).toEqual([
      { champ: "date_maj", message: "la date 2027-01-03 est dans le futur (aujourd'hui : 2026-12-07)" },
    ]);
    expect(probleme("1999-12-31")).toEqual([
      { champ: "date_maj", message: "la date 1999-12-31 est antérieure au 2000-01-01, la plus ancienne que permet le schéma data·inclusion" },
    ]);
    expect(probleme("20240101")).toEqual([
      {
        champ: "date_maj",
        message: "la date 1970-01-01 (lue dans « 20240101 ») est antérieure au 2000-01-01, la plus ancienne que permet le schéma data·inclusion",
      },
    ]);
  });

  it("compares date_maj with the day it is given, not the clock", () => {
    expect(accepte(depuisDataInclusion("service", { ...minimal, date_maj: "2027-01-03" }, { aujourdhui: "2027-01-03" })).donnees.date_maj).toBe(
      "2027-01-03",
    );
    expect(() => depuisDataInclusion("service", minimal, { aujourdhui: "07/12/2026" })).toThrow(/aujourdhui invalide/);
  });

  it("refuses a service whose description is missing, too short or unreadable", () => {
    expect(refuse(service({ description: null })).problemes).toEqual([
      { champ: "description", message: "champ obligatoire : ce que propose le service, pour qui et comment (5 à 10 000 caractères)" },
    ]);
    expect(refuse(service({ description: "<p>CV</p>" })).problemes).toEqual([
      { champ: "description", message: "description trop courte (2 caractères, 5 au moins)" },
    ]);
    expect(refuse(service({ description: "Un atelier pour r\uFFFDdiger son CV." })).problemes).toEqual([
      {
        champ: "description",
        message: "caractères illisibles (« \uFFFD » à la place de lettres) : texte mal encodé avant la publication, à corriger chez le producteur",
      },
    ]);
  });

  it("refuses unmendable mis-encoding in a required field", () => {
    // « à » read as Latin-1 is « Ã » + a no-break space, which a later step turned into a plain space: lost.
    expect(refuse(service({ nom: "Atelier Ã Poitiers" })).problemes).toEqual([
      { champ: "nom", message: "accents mal encodés (« Ã© » pour « é ») que la relecture en UTF-8 ne répare pas : à corriger chez le producteur" },
    ]);
  });

  it("refuses rather than drops the fields that restrict a service's audience or area", () => {
    expect(
      refuse(
        service({
          publics: ["jeunesse"],
          zone_eligibilite: ["vienne"],
          conditions_acces: "x".repeat(2001),
          publics_precisions: "moins de 26 ans \uFFFD",
        }),
      ).problemes,
    ).toEqual([
      {
        champ: "publics",
        message:
          "« jeunesse » n'est pas une valeur permise (valeurs permises : actifs, beneficiaires-des-minimas-sociaux, demandeurs-emploi, " +
          "etudiants, familles, femmes, jeunes, personnes-en-situation-de-handicap, personnes-en-situation-durgence, " +
          "personnes-en-situation-juridique-specifique, personnes-exilees, residents-qpv-frr, seniors, tous-publics) ; " +
          "vouliez-vous dire « jeunes » ? ; refusé plutôt qu'ignoré : sans lui, le service serait affiché « Tous publics »",
      },
      {
        champ: "publics_precisions",
        message:
          "caractères illisibles (« \uFFFD » à la place de lettres) : texte mal encodé avant la publication, à corriger chez le producteur ; " +
          "refusé plutôt qu'ignoré : sans lui, le service paraîtrait ouvert sans condition",
      },
      {
        champ: "conditions_acces",
        message: "2000 caractères au plus (actuellement : 2 001) ; refusé plutôt qu'ignoré : sans lui, le service paraîtrait ouvert sans condition",
      },
      {
        champ: "zone_eligibilite",
        message:
          "« vienne » n'est pas un code INSEE de commune (5 caractères, ex. : 86194), code SIREN d'EPCI (9 chiffres), code de département " +
          "(ex. : 86) ou « france » ; refusé plutôt qu'ignoré : sans lui, le service serait proposé sans limite de territoire",
      },
    ]);
    expect(refuse(service({ publics: ["tous-publics", "jeunes"] })).problemes).toEqual([
      {
        champ: "publics",
        message: "« tous-publics » ne peut pas être combiné avec d'autres publics ; refusé plutôt qu'ignoré : sans lui, le service serait affiché « Tous publics »",
      },
    ]);
  });

  it("gives every reason at once, and no warning for a refused record", () => {
    const r = refuse(
      depuisDataInclusion(
        "service",
        { ...minimal, id: null, nom: "CV", date_maj: "2027-01-03", thematiques: ["famille--garde-denfant"], courriel: "a@", description: "abc" },
        options,
      ),
    );
    expect(r.origine).toEqual({ source: "dora", structure_id: "dora--mission-locale-poitiers" });
    expect(r.problemes.map((p) => p.champ)).toEqual(["id", "nom", "thematiques", "date_maj", "description"]);
    expect(r.problemes[2]!.message).toMatch(/^« famille--garde-denfant » n'est pas un besoin de la catégorie « famille » \(Famille\) : vouliez-vous dire « famille--garde-denfants » \?/);
  });

  it("refuses a v0 record, one problem per v0 field naming its v1 successor", () => {
    const v0 = {
      _di_surrogate_id: "dora-atelier-cv",
      source: "dora",
      id: "atelier-cv",
      structure_id: "mission-locale",
      nom: "Atelier CV",
      types: ["atelier"],
      profils: ["jeunes-16-26"],
      frais: ["gratuit"],
      pre_requis: [],
      modes_orientation_accompagnateur: ["telephoner"],
      zone_diffusion_type: "departement",
      contact_public: true,
      date_maj: "2025-08-25",
    };
    expect(refuse(depuisDataInclusion("service", v0, options))).toEqual({
      ok: false,
      origine: { source: "dora", id: "atelier-cv", structure_id: "mission-locale" },
      problemes: [
        { champ: "frais", message: "liste de frais du schéma data·inclusion v0, remplacée par un seul code en v1 (gratuit ou payant) : exportez les données en v1" },
        { champ: "_di_surrogate_id", message: "champ du schéma data·inclusion v0, remplacé par « id » (« source--id », deux tirets) en v1 : exportez les données en v1" },
        { champ: "types", message: "champ du schéma data·inclusion v0, remplacé par « type » (un seul type) en v1 : exportez les données en v1" },
        { champ: "profils", message: "champ du schéma data·inclusion v0, remplacé par « publics » en v1 : exportez les données en v1" },
        { champ: "pre_requis", message: "champ du schéma data·inclusion v0, remplacé par « conditions_acces » en v1 : exportez les données en v1" },
        {
          champ: "modes_orientation_accompagnateur",
          message:
            "champ du schéma data·inclusion v0, remplacé par « modes_mobilisation », « mobilisable_par » et « mobilisation_precisions » en v1 : exportez les données en v1",
        },
        { champ: "zone_diffusion_type", message: "champ du schéma data·inclusion v0, remplacé par « zone_eligibilite » (une liste de codes) en v1 : exportez les données en v1" },
        { champ: "contact_public", message: "champ du schéma data·inclusion v0, supprimé en v1 : exportez les données en v1" },
      ],
    });
    const structureV0 = { ...structureMinimale, presentation_detail: "…", typologie: "ML", horaires_ouverture: null, rna: null };
    expect(refuse(depuisDataInclusion("structure", structureV0, options)).problemes.map((p) => `${p.champ}: ${p.message}`)).toEqual([
      "presentation_detail: champ du schéma data·inclusion v0, remplacé par « description » en v1 : exportez les données en v1",
      "typologie: champ du schéma data·inclusion v0, remplacé par « reseaux_porteurs » en v1 : exportez les données en v1",
      "horaires_ouverture: champ du schéma data·inclusion v0, remplacé par « horaires_accueil » en v1 : exportez les données en v1",
      "rna: champ du schéma data·inclusion v0, supprimé en v1 : exportez les données en v1",
    ]);
  });
});

describe("avertissements : champs ignorés, description coupée", () => {
  it("says when data·inclusion cut the description at 10,000 characters", () => {
    const coupee = `${"Un atelier. ".repeat(900).slice(0, 9_999)}…`;
    expect(coupee).toHaveLength(10_000);
    const r = accepte(service({ description: coupee }));
    expect(r.corps).toBe(coupee);
    expect(r.avertissements).toEqual([
      { champ: "description", message: "description coupée par data·inclusion à 10 000 caractères : le texte complet est chez le producteur" },
    ]);
  });

  it("drops an invalid optional field and keeps the record", () => {
    const r = accepte(
      service({
        horaires_accueil: "Mo-Fr 9h-12h",
        courriel: "accueil@",
        telephone: "05 49 00 00 01 / 05 49 00 00 02",
        type: "ateliers",
        frais: "gratuit-sous-conditions",
        volume_horaire_hebdomadaire: "3",
        nombre_semaines: 2.5,
        frais_precisions: "5 \uFFFD la séance",
        mobilisation_precisions: "x".repeat(2001),
      }),
    );
    expect(r.donnees).toEqual({
      nom: "Atelier CV",
      thematiques: ["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"],
      modes_accueil: ["en-presentiel"],
      date_maj: "2026-10-12",
    });
    expect(r.avertissements).toEqual([
      {
        champ: "type",
        message:
          "champ ignoré : « ateliers » n'est pas une valeur permise (valeurs permises : accompagnement, aide-financiere, aide-materielle, atelier, formation, information) ; vouliez-vous dire « atelier » ?",
      },
      { champ: "frais", message: "champ ignoré : « gratuit-sous-conditions » n'est pas une valeur permise (valeurs permises : gratuit, payant) ; vouliez-vous dire « gratuit » ?" },
      {
        champ: "frais_precisions",
        message: "champ ignoré : caractères illisibles (« \uFFFD » à la place de lettres) : texte mal encodé avant la publication, à corriger chez le producteur",
      },
      {
        champ: "telephone",
        message:
          "champ ignoré : « 05 49 00 00 01 / 05 49 00 00 02 » n'est pas un numéro de téléphone français (10 chiffres comme 05 49 00 00 00, ou numéro court comme 3949)",
      },
      { champ: "courriel", message: "champ ignoré : « accueil@ » n'est pas une adresse électronique valide (ex. : accueil@structure.fr)" },
      { champ: "mobilisation_precisions", message: "champ ignoré : 2000 caractères au plus (actuellement : 2 001)" },
      {
        champ: "horaires_accueil",
        message:
          "champ ignoré : \"Mo-Fr 9h-12h\" n'est pas au format OpenStreetMap opening_hours (exemple : Mo-Fr 09:00-12:00,14:00-17:00). " +
          "Veuillez omettre \"h\" ou utiliser un deux-points. Exemple : \"12:00-14:00\". Plage horaire spécifiée sans minutes. " +
          "Ce n'est pas très précis ! Veuillez utiliser la syntaxe \"09:00-12:00\" à la place. Proposition à vérifier : Mo-Fr 09:00-12:00",
      },
      { champ: "volume_horaire_hebdomadaire", message: "champ ignoré : doit être un nombre d'heures (ex. : 6 ou 3.5) (reçu : le texte « 3 »)" },
      { champ: "nombre_semaines", message: "champ ignoré : doit être un nombre entier de semaines (reçu : le nombre 2.5)" },
    ]);
  });

  it("keeps the known codes of a list and names each dropped one with its likely fix", () => {
    const r = accepte(
      service({
        thematiques: ["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation", "famille--garde-denfant"],
        publics: ["jeunes", "jeunesse"],
        zone_eligibilite: ["86", "86"],
        mobilisable_par: ["pros"],
      }),
    );
    expect(r.donnees).toMatchObject({
      thematiques: ["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"],
      publics: ["jeunes"],
      zone_eligibilite: ["86"],
    });
    expect(r.donnees).not.toHaveProperty("mobilisable_par");
    expect(r.avertissements.map((a) => `${a.champ}: ${a.message}`)).toEqual([
      "thematiques: valeur ignorée : « famille--garde-denfant » n'est pas un besoin de la catégorie « famille » (Famille) : vouliez-vous dire « famille--garde-denfants » ? " +
        "(besoins permis dans cette catégorie : famille--garde-denfants, famille--prise-en-charge-personne-dependante, " +
        "famille--soutien-a-la-parentalite-et-a-leducation, famille--soutien-aidants, famille--surmonter-conflits-separation-violence)",
      "publics: valeur ignorée : « jeunesse » n'est pas une valeur permise (valeurs permises : actifs, beneficiaires-des-minimas-sociaux, " +
        "demandeurs-emploi, etudiants, familles, femmes, jeunes, personnes-en-situation-de-handicap, personnes-en-situation-durgence, " +
        "personnes-en-situation-juridique-specifique, personnes-exilees, residents-qpv-frr, seniors, tous-publics) ; vouliez-vous dire « jeunes » ?",
      "zone_eligibilite: valeur ignorée : « 86 » est répété",
      "mobilisable_par: valeur ignorée : « pros » n'est pas une valeur permise (valeurs permises : professionnels, usagers)",
      "mobilisable_par: champ ignoré : aucune valeur permise",
    ]);
  });

  it("drops utiliser-lien-mobilisation with an invalid or missing lien_mobilisation", () => {
    const r = accepte(service({ lien_mobilisation: "www.rdv", modes_mobilisation: ["utiliser-lien-mobilisation", "telephoner"] }));
    expect(r.donnees.modes_mobilisation).toEqual(["telephoner"]);
    expect(r.avertissements).toEqual([
      { champ: "modes_mobilisation", message: "valeur ignorée : « utiliser-lien-mobilisation », faute de lien_mobilisation (absent ou ignoré)" },
      { champ: "lien_mobilisation", message: "champ ignoré : « www.rdv » n'est pas une adresse web en http(s) (ex. : https://www.exemple.fr/page)" },
    ]);
    const seul = accepte(service({ modes_mobilisation: ["utiliser-lien-mobilisation"] }));
    expect(seul.donnees).not.toHaveProperty("modes_mobilisation");
    expect(seul.avertissements).toEqual([
      { champ: "modes_mobilisation", message: "valeur ignorée : « utiliser-lien-mobilisation », faute de lien_mobilisation (absent ou ignoré)" },
      { champ: "modes_mobilisation", message: "champ ignoré : plus aucune valeur" },
    ]);
  });

  it("drops both coordinates when one is missing or invalid", () => {
    const r = accepte(structure({ latitude: 46.58 }));
    expect(r.donnees).not.toHaveProperty("latitude");
    expect(r.avertissements).toEqual([
      { champ: "latitude", message: "champ ignoré : latitude et longitude vont ensemble : indiquez les deux ou aucune (longitude absente ou ignorée)" },
    ]);
    const invalide = accepte(structure({ latitude: 95, longitude: 0.34 }));
    expect(invalide.donnees).not.toHaveProperty("longitude");
    expect(invalide.avertissements).toEqual([
      { champ: "latitude", message: "champ ignoré : doit être entre -90 et 90" },
      { champ: "longitude", message: "champ ignoré : latitude et longitude vont ensemble : indiquez les deux ou aucune (latitude absente ou ignorée)" },
    ]);
  });

  it("drops a postal address without its postal code or commune, keeping the INSEE code and coordinates", () => {
    const r = accepte(structure({ adresse: "3 rue de la Marne", commune: "Poitiers", code_insee: "86194", latitude: 46.58, longitude: 0.34 }));
    expect(r.donnees).toEqual({ nom: "Mission locale", code_insee: "86194", latitude: 46.58, longitude: 0.34, date_maj: "2026-10-12" });
    expect(r.avertissements).toEqual([
      { champ: "adresse", message: "champ ignoré : une adresse demande son code postal et sa commune (code_postal : absent ou ignoré)" },
      { champ: "commune", message: "champ ignoré : une adresse demande son code postal et sa commune (code_postal : absent ou ignoré)" },
    ]);
  });

  it("drops a structure's unusable presentation and keeps the structure", () => {
    const r = accepte(structure({ description: "ML", reseaux_porteurs: ["mission-locale", "missions-locales"], lien_source: "dora" }));
    expect(r.corps).toBe("");
    expect(r.donnees.reseaux_porteurs).toEqual(["mission-locale"]);
    expect(r.origine).toEqual({ source: "dora", id: "dora--ml" });
    expect(r.avertissements).toEqual([
      { champ: "lien_source", message: "champ ignoré : « dora » n'est pas une adresse web en http(s) (ex. : https://www.exemple.fr/page)" },
      {
        champ: "reseaux_porteurs",
        message: expect.stringMatching(/^valeur ignorée : « missions-locales » n'est pas une valeur permise \(valeurs permises : 60000-rebonds, .*\) ; vouliez-vous dire « mission-locale » \?$/),
      },
      { champ: "description", message: "champ ignoré : description trop courte (2 caractères, 5 au moins)" },
    ]);
  });
});

describe("HTML venu d'amont", () => {
  it("turns an HTML description into Markdown, entities decoded", () => {
    const html =
      "<h2>L'atelier</h2><p>Un atelier &amp; des <strong>conseils</strong> pour l&#39;emploi.<br>Voir <a href=\"https://ml.fr\">le site</a>.</p>" +
      "<ul><li>CV</li><li>lettre</li></ul>";
    expect(accepte(service({ description: html })).corps).toBe(
      "## L'atelier\n\nUn atelier & des **conseils** pour l'emploi.  \nVoir [le site](https://ml.fr).\n\n-   CV\n-   lettre",
    );
  });

  it("turns HTML in a one-paragraph field into one line of text", () => {
    const r = accepte(
      service({
        conditions_acces: "<p>Pièces à fournir :</p><ul><li>carte d&#39;identité</li><li>RIB</li></ul><p>Sur <a href=\"https://rdv.fr\">rendez-vous</a></p>",
        publics_precisions: "Jeunes<br/>de 16 à 25&nbsp;ans",
        frais_precisions: "<p><strong>5 €</strong> la séance.</p><p>Gratuit pour les <em>bénéficiaires</em>.</p>",
        mobilisation_precisions: "<div>Écrire à <a href=\"mailto:ml@ml.fr\">ml@ml.fr</a></div>",
      }),
    );
    expect(r.donnees).toMatchObject({
      conditions_acces: "Pièces à fournir : carte d'identité ; RIB ; Sur rendez-vous (https://rdv.fr)",
      publics_precisions: "Jeunes ; de 16 à 25\u00a0ans",
      frais_precisions: "5 € la séance. Gratuit pour les bénéficiaires.",
      mobilisation_precisions: "Écrire à ml@ml.fr",
    });
    expect(r.reparations).toEqual([]);
  });

  it("leaves Markdown and plain text byte for byte, even with < and entities", () => {
    const markdown = "# Titre\n\n*Moins* de 26 ans <https://ml.fr> & 3 < 4\n\n    code indenté\n\nFin  \navec saut.";
    const r = accepte(service({ description: markdown, conditions_acces: "Avoir < 26 ans & être inscrit", nom: "Atelier <CV>" }));
    expect(r.corps).toBe(markdown);
    expect(r.donnees).toMatchObject({ conditions_acces: "Avoir < 26 ans & être inscrit", nom: "Atelier <CV>" });
  });
});
