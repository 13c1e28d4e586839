/** Which typed words the search applies while they are being typed, and once typing pauses. */
import { describe, expect, it } from "vitest";
import { validerDossier } from "../../src/domain/validation";
import { construireCatalogue } from "../../src/domain/catalogue";
import { construireIndexRecherche } from "../../src/domain/recherche/index-recherche";
import { motsCherches, motsPendantLaFrappe } from "../../src/domain/recherche/mots-cherches";
import { chercheurTexte, creerIndexTexte } from "../../src/domain/recherche/texte";
import { siteConfig } from "../../site.config";

const termes = new Set(["cv", "rh"]);
const estUnTerme = (t: string) => termes.has(t);

describe("motsCherches", () => {
  it("searches nothing while the words hold no term, else the words as typed", () => {
    expect(motsCherches("l")).toBe("");
    expect(motsCherches("de la ")).toBe("");
    expect(motsCherches(" aide au ")).toBe("aide au");
  });
});

describe("motsPendantLaFrappe", () => {
  it("leaves out the word being typed while it is shorter than a prefix and no term", () => {
    expect(motsPendantLaFrappe("lo", estUnTerme)).toBe("");
    expect(motsPendantLaFrappe("log", estUnTerme)).toBe("log");
    expect(motsPendantLaFrappe("aide lo", estUnTerme)).toBe("aide");
    expect(motsPendantLaFrappe("chantier d'in", estUnTerme)).toBe("chantier");
    expect(motsPendantLaFrappe("chantier d'ins", estUnTerme)).toBe("chantier d'ins");
  });

  it("keeps a word without terms as typed: the search skips it, and the pause need not search again", () => {
    expect(motsPendantLaFrappe("aide a", estUnTerme)).toBe("aide a");
    expect(motsPendantLaFrappe("confiance en soi", estUnTerme)).toBe(motsCherches("confiance en soi"));
    expect(motsPendantLaFrappe("d'", estUnTerme)).toBe("");
  });

  it("keeps a short word that is a term, and a finished word", () => {
    expect(motsPendantLaFrappe("cv", estUnTerme)).toBe("cv");
    expect(motsPendantLaFrappe("faire un cv", estUnTerme)).toBe("faire un cv");
    expect(motsPendantLaFrappe("lo ", estUnTerme)).toBe("lo");
    expect(motsPendantLaFrappe("de ", estUnTerme)).toBe("");
  });
});

describe("typing a word over the shipped catalogue", () => {
  // The shipped catalogue: the words of real listings, as a person types them.
  const lecture = validerDossier("content");
  const index = construireIndexRecherche(construireCatalogue(lecture.structures, lecture.services, siteConfig.source));
  const chercheur = chercheurTexte(creerIndexTexte(index));

  it("never empties the list at a key on the way to a word that finds services", () => {
    for (const mot of ["logement", "permis", "santé mentale", "cv", "mobilité"]) {
      expect(chercheur(mot).size, mot).toBeGreaterThan(0);
      for (let n = 1; n <= mot.length; n++) {
        const mots = motsPendantLaFrappe(mot.slice(0, n), chercheur.estUnTerme);
        if (mots) expect(chercheur(mots).size, mot.slice(0, n)).toBeGreaterThan(0);
      }
    }
    // What it avoids: « lo », searched as it is, finds nothing.
    expect(chercheur(motsCherches("lo")).size).toBe(0);
  });
});
