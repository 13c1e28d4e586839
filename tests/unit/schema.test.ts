import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { serviceFrontmatter, structureFrontmatter } from "../../src/domain/schema";

const serviceValide = {
  nom: "Atelier CV",
  structure: "france-travail-chatellerault",
  thematiques: ["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"],
  modes_accueil: ["en-presentiel"],
  date_maj: "2026-10-12",
};

function messages(resultat: ReturnType<typeof serviceFrontmatter.safeParse>) {
  return resultat.success ? [] : resultat.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-11-30T10:00:00Z"));
});
afterEach(() => vi.useRealTimers());

describe("schéma d'un service", () => {
  it("accepts the minimal service and keeps dates as days whatever the YAML parser gave", () => {
    expect(serviceFrontmatter.parse(serviceValide).date_maj).toBe("2026-10-12");
    expect(serviceFrontmatter.parse({ ...serviceValide, date_maj: new Date("2026-10-12T00:00:00Z") }).date_maj).toBe("2026-10-12");
  });

  it("treats an emptied field ('' or null, as the CMS writes it) as absent", () => {
    const s = serviceFrontmatter.parse({ ...serviceValide, resume: "", telephone: null, frais: "" });
    expect(s.resume).toBeUndefined();
    expect(s.telephone).toBeUndefined();
  });

  it("requires the fields the coverage rule and the pages need", () => {
    const r = serviceFrontmatter.safeParse({ nom: "Atelier CV" });
    const champs = r.success ? [] : r.error.issues.map((i) => i.path[0]);
    expect(champs).toEqual(expect.arrayContaining(["structure", "thematiques", "modes_accueil", "date_maj"]));
  });

  it("names the allowed values of a reference list", () => {
    expect(messages(serviceFrontmatter.safeParse({ ...serviceValide, publics: ["jeunesse"] }))).toEqual([
      expect.stringMatching(/^publics\.0: « jeunesse » n'est pas une valeur permise \(valeurs permises : .*jeunes.*\)$/),
    ]);
  });

  it("refuses tous-publics with other publics", () => {
    expect(messages(serviceFrontmatter.safeParse({ ...serviceValide, publics: ["tous-publics", "jeunes"] }))[0]).toMatch(/tous-publics/);
  });

  it("checks URLs, e-mails and French phone numbers", () => {
    const m = messages(
      serviceFrontmatter.safeParse({
        ...serviceValide,
        lien_mobilisation: "javascript:alert(1)",
        courriel: "accueil@",
        telephone: "05 49 00",
      }),
    );
    expect(m).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^lien_mobilisation: .*http\(s\)/),
        expect.stringMatching(/^courriel: /),
        expect.stringMatching(/^telephone: .*10 chiffres/),
      ]),
    );
    for (const numero of ["05 36 49 10 21", "0536491021", "05.36.49.10.21", "+33 5 36 49 10 21", "3949", "115"]) {
      expect(serviceFrontmatter.safeParse({ ...serviceValide, telephone: numero }).success, numero).toBe(true);
    }
  });

  it("refuses a date in the future in Paris, but not today's date just after midnight in Poitiers", () => {
    vi.setSystemTime(new Date("2026-11-30T23:30:00Z")); // 00:30 on 1 December in Poitiers
    expect(serviceFrontmatter.safeParse({ ...serviceValide, date_maj: "2026-12-01" }).success).toBe(true);
    expect(messages(serviceFrontmatter.safeParse({ ...serviceValide, date_maj: "2026-12-02" }))[0]).toMatch(/^date_maj: .*futur/);
    expect(messages(serviceFrontmatter.safeParse({ ...serviceValide, date_maj: "12/10/2026" }))[0]).toMatch(/AAAA-MM-JJ/);
  });

  it("checks the form of eligibility zone codes, and reads unquoted codes as text", () => {
    expect(serviceFrontmatter.parse({ ...serviceValide, zone_eligibilite: [86194, "86", "200069854", "france", "2A004"] }).zone_eligibilite).toEqual([
      "86194",
      "86",
      "200069854",
      "france",
      "2A004",
    ]);
    expect(messages(serviceFrontmatter.safeParse({ ...serviceValide, zone_eligibilite: ["Poitiers"] }))[0]).toMatch(/zone_eligibilite\.0: « Poitiers »/);
  });

  it("rejects unknown fields rather than dropping them", () => {
    const r = serviceFrontmatter.safeParse({ ...serviceValide, thematique: ["sante--acces-aux-soins"] });
    expect(r.success).toBe(false);
  });

  it("wants both coordinates, and a postal code and commune with an address", () => {
    const m = messages(serviceFrontmatter.safeParse({ ...serviceValide, adresse: "1 rue de la Gare", latitude: 46.5 }));
    expect(m).toEqual(expect.arrayContaining([expect.stringMatching(/^longitude: /), expect.stringMatching(/^code_postal: /), expect.stringMatching(/^commune: /)]));
  });

  it("wants a link when the service is mobilised through one", () => {
    expect(messages(serviceFrontmatter.safeParse({ ...serviceValide, modes_mobilisation: ["utiliser-lien-mobilisation"] }))[0]).toMatch(/^lien_mobilisation: /);
  });

  it("checks opening hours against the OpenStreetMap syntax", () => {
    expect(serviceFrontmatter.safeParse({ ...serviceValide, horaires_accueil: "Mo-Fr 09:00-12:00,14:00-17:00" }).success).toBe(true);
    expect(messages(serviceFrontmatter.safeParse({ ...serviceValide, horaires_accueil: "lundi 9h-12h" }))[0]).toMatch(/^horaires_accueil: .*opening_hours/);
  });
});

describe("schéma d'une structure", () => {
  it("needs only a name and a date", () => {
    expect(structureFrontmatter.safeParse({ nom: "CCAS de Poitiers", date_maj: "2026-10-01" }).success).toBe(true);
    expect(structureFrontmatter.safeParse({ nom: "CC" , date_maj: "2026-10-01" }).success).toBe(false);
  });

  it("checks the SIRET and the accessibility link", () => {
    const r = structureFrontmatter.safeParse({ nom: "CCAS de Poitiers", date_maj: "2026-10-01", siret: "1234", accessibilite_lieu: "acceslibre" });
    expect(r.success ? [] : r.error.issues.map((i) => i.path[0])).toEqual(["siret", "accessibilite_lieu"]);
  });
});
