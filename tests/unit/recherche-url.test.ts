/** The search criteria in the query string: round trip, stable order, invalid values dropped. */
import { describe, expect, it } from "vitest";
import { CRITERES_VIDES, type Criteres } from "../../src/domain/recherche/requete";
import { ecrireCriteres, lireCriteres, urlDeRecherche } from "../../src/domain/recherche/url";

const lire = (qs: string) => lireCriteres(new URLSearchParams(qs));

const COMPLETS: Criteres = {
  commune: "86066",
  theme: "logement",
  besoins: ["logement-hebergement--louer-un-logement", "logement-hebergement--se-maintenir-dans-le-logement"],
  q: "loyer impayé, aide",
  publics: ["jeunes", "familles"],
  types: ["accompagnement"],
  frais: ["gratuit"],
  modes: ["a-distance", "en-presentiel"],
};

describe("ecrireCriteres / lireCriteres", () => {
  it("writes nothing for no criterion, and reads nothing from nothing", () => {
    expect(ecrireCriteres(CRITERES_VIDES)).toBe("");
    expect(lire("")).toEqual(CRITERES_VIDES);
  });

  it("writes the params in a stable order, several values comma-separated", () => {
    expect(ecrireCriteres(COMPLETS)).toBe(
      "commune=86066&theme=logement&besoins=logement-hebergement--louer-un-logement,logement-hebergement--se-maintenir-dans-le-logement" +
        "&q=loyer+impay%C3%A9%2C+aide&publics=jeunes,familles&types=accompagnement&frais=gratuit&modes=a-distance,en-presentiel",
    );
    expect(ecrireCriteres({ ...CRITERES_VIDES, modes: ["a-distance"], commune: "86194" })).toBe("commune=86194&modes=a-distance");
  });

  it("reads back what it wrote", () => {
    for (const c of [
      COMPLETS,
      { ...CRITERES_VIDES, commune: "86194" },
      { ...CRITERES_VIDES, q: "permis & code + moto ?=#" },
      { ...CRITERES_VIDES, theme: "sante", publics: ["tous-publics"] },
      { ...CRITERES_VIDES, besoins: ["mobilite--preparer-un-permis"] },
    ]) {
      expect(lire(ecrireCriteres(c))).toEqual(c);
      expect(lireCriteres(new URL(`https://x.org/recherche/?${ecrireCriteres(c)}`).searchParams)).toEqual(c);
    }
  });

  it("reads the issue's example", () => {
    expect(lire("commune=86066&theme=logement&q=loyer")).toEqual({ ...CRITERES_VIDES, commune: "86066", theme: "logement", q: "loyer" });
  });

  it("drops unknown communes, themes and codes, and never throws", () => {
    expect(lire("commune=99999&theme=jardinage&besoins=x--y,sante&publics=jeunesse&types=&frais=cher&modes=telepathie")).toEqual(CRITERES_VIDES);
    expect(lire("commune=86194&publics=jeunesse,jeunes,,jeunes")).toEqual({ ...CRITERES_VIDES, commune: "86194", publics: ["jeunes"] });
    // A need of another theme than the chosen one would give nothing: dropped.
    expect(lire("theme=sante&besoins=sante--addictions,mobilite--preparer-un-permis").besoins).toEqual(["sante--addictions"]);
    for (const qs of ["%", "q=%E0%A4%A", "commune=%00&q=" + "a".repeat(10_000), "publics=,,,&&&==", "__proto__=1&constructor=2"]) {
      expect(() => lire(qs)).not.toThrow();
    }
    expect(lire(`q=${"a".repeat(10_000)}`).q.length).toBeLessThanOrEqual(200);
  });

  it("reads a former commune's code as today's commune, repeated params, and spaces", () => {
    expect(lire("commune=86215").commune).toBe("86005");
    expect(lire("publics=jeunes&publics=femmes").publics).toEqual(["jeunes", "femmes"]);
    expect(lire("q=++permis+++conduire+&commune=+86194+")).toEqual({ ...CRITERES_VIDES, commune: "86194", q: "permis conduire" });
  });
});

describe("urlDeRecherche", () => {
  it("gives the search page with the criteria given, the others empty", () => {
    expect(urlDeRecherche({ commune: "86194", theme: "vie-quotidienne" })).toBe("/recherche/?commune=86194&theme=vie-quotidienne");
    expect(urlDeRecherche({ commune: "86194" })).toBe("/recherche/?commune=86194");
    expect(urlDeRecherche({})).toBe("/recherche/");
    expect(lire(urlDeRecherche({ commune: "86066", theme: "emploi" }).split("?")[1]!)).toEqual({ ...CRITERES_VIDES, commune: "86066", theme: "emploi" });
  });
});
