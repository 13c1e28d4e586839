/** The hours of a service page (horaires/fiche.ts): its own, its structure's at the same place, or what to do. */
import { describe, expect, it } from "vitest";
import { siteConfig } from "../../site.config";
import { construireCatalogue, type EntreeService } from "../../src/domain/catalogue";
import { ficheService } from "../../src/domain/fiche-service";
import { auLieuDeLaStructure, horairesEnLignes } from "../../src/domain/horaires/fiche";
import { serviceFrontmatter, structureFrontmatter } from "../../src/domain/schema";

const options = { aujourdhui: "2026-12-07", urlStructure: (s: string) => `/structures/${s}/`, urlTheme: (s: string) => `/thematiques/${s}/` };

const structure = (slug: string, extra: Record<string, unknown>) => ({
  slug,
  donnees: structureFrontmatter.parse({
    nom: "Mission locale",
    adresse: "12 rue de la Gare",
    code_postal: "86100",
    commune: "Châtellerault",
    date_maj: "2026-09-01",
    ...extra,
  }),
  corps: "",
});
const service = (slug: string, structureSlug: string, extra: Record<string, unknown>): EntreeService => ({
  slug,
  donnees: serviceFrontmatter.parse({
    nom: "Accompagnement",
    structure: structureSlug,
    thematiques: ["difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"],
    modes_accueil: ["en-presentiel"],
    modes_mobilisation: ["se-presenter"],
    mobilisable_par: ["usagers"],
    date_maj: "2026-11-01",
    ...extra,
  }),
  corps: "",
});

const catalogue = construireCatalogue(
  [
    structure("ml", { horaires_accueil: "Mo-Fr 09:00-12:00; PH off", telephone: "05 49 00 00 00" }),
    structure("sans-rien", {}),
    structure("avec-courriel", { courriel: "accueil@example.org" }),
  ],
  [
    service("propres", "ml", { horaires_accueil: "Tu[1,3] 09:30-12:30" }),
    service("herite", "ml", {}),
    service("meme-adresse", "ml", { adresse: "12, rue de la gare", code_postal: "86100", commune: "CHÂTELLERAULT" }),
    service("ailleurs", "ml", { adresse: "3 place du Marché", code_postal: "86100", commune: "Châtellerault" }),
    service("ailleurs-avec-tel", "ml", { adresse: "3 place du Marché", code_postal: "86100", commune: "Châtellerault", telephone: "0549111111" }),
    service("a-distance", "ml", { modes_accueil: ["a-distance"] }),
    service("rien", "sans-rien", {}),
    service("courriel", "avec-courriel", {}),
    service("soleil", "ml", { horaires_accueil: "Mo-Fr sunrise-sunset" }),
  ],
  siteConfig.source,
);
const fiche = (slug: string) => {
  const s = catalogue.serviceParSlug(slug)!;
  return ficheService(s, catalogue.structureParSlug(s.structureSlug), options);
};
const lieu = (slug: string) => {
  const s = catalogue.serviceParSlug(slug)!;
  return auLieuDeLaStructure(s, catalogue.structureParSlug(s.structureSlug));
};

describe("auLieuDeLaStructure", () => {
  it("oui sans adresse propre, ou à la même adresse écrite autrement", () => {
    expect(lieu("herite")).toBe(true);
    expect(lieu("meme-adresse")).toBe(true);
  });
  it("non ailleurs, à distance, ou quand la structure n'a pas d'adresse", () => {
    expect(lieu("ailleurs")).toBe(false);
    expect(lieu("a-distance")).toBe(false);
    expect(auLieuDeLaStructure({ modes_accueil: ["en-presentiel"], lieuHerite: true, lieu: undefined }, { lieu: undefined })).toBe(false);
  });
});

describe("les horaires d'une page de service", () => {
  it("les siens, en mots", () => {
    expect(horairesEnLignes(fiche("propres").ouEtQuand.horaires)).toEqual(["Le 1er et le 3e mardi du mois : 9 h 30 – 12 h 30"]);
    expect(fiche("propres").mobilisation.usagers).toEqual(["Se présenter sur place, aux horaires d'accueil"]);
  });

  it("ceux de la structure quand le service est rendu chez elle, en le disant", () => {
    for (const slug of ["herite", "meme-adresse"]) {
      expect(horairesEnLignes(fiche(slug).ouEtQuand.horaires), slug).toEqual([
        "Horaires de la structure, où le service est rendu :",
        "Du lundi au vendredi : 9 h – 12 h",
        "Fermé les jours fériés.",
      ]);
      expect(fiche(slug).mobilisation.usagers).toEqual(["Se présenter sur place, aux horaires d'accueil"]);
    }
  });

  it("ailleurs sans horaires : le dit, et dit quoi faire ; « aux horaires d'accueil » ne renvoie pas à des horaires absents", () => {
    expect(fiche("ailleurs").ouEtQuand.horaires).toEqual({
      renseignes: false,
      conseil: {
        avant: "Horaires non renseignés : téléphonez au ",
        lien: { libelle: "05 49 00 00 00", href: "tel:+33549000000" },
        apres: " avant de vous déplacer.",
      },
    });
    expect(horairesEnLignes(fiche("ailleurs-avec-tel").ouEtQuand.horaires)).toEqual([
      "Horaires non renseignés : téléphonez au 05 49 11 11 11 avant de vous déplacer.",
    ]);
    expect(fiche("ailleurs").mobilisation.usagers).toEqual([
      "Se présenter sur place, après avoir téléphoné au 05 49 00 00 00 pour connaître les horaires",
    ]);
  });

  it("sans téléphone : par courriel, ou auprès de la structure", () => {
    expect(horairesEnLignes(fiche("courriel").ouEtQuand.horaires)).toEqual([
      "Horaires non renseignés : écrivez à accueil@example.org avant de vous déplacer.",
    ]);
    expect(horairesEnLignes(fiche("rien").ouEtQuand.horaires)).toEqual([
      "Horaires non renseignés : renseignez-vous auprès de la structure avant de vous déplacer.",
    ]);
    expect(fiche("rien").mobilisation.usagers).toEqual([
      "Se présenter sur place, après s'être renseigné sur les horaires (non renseignés ici)",
    ]);
  });

  it("des heures que la page ne peut pas dater (soleil) : le dit, sans prendre celles de la structure", () => {
    expect(lieu("soleil")).toBe(true);
    expect(horairesEnLignes(fiche("soleil").ouEtQuand.horaires)).toEqual([
      "Horaires variables, non détaillés ici : téléphonez au 05 49 00 00 00 avant de vous déplacer.",
    ]);
    expect(fiche("soleil").ouEtQuand.horaires).toMatchObject({ renseignes: false, illisibles: true });
    expect(fiche("herite").ouEtQuand.horaires).not.toHaveProperty("illisibles");
    expect(fiche("ailleurs").ouEtQuand.horaires).not.toHaveProperty("illisibles");
  });

  it("à distance : pas « avant de vous déplacer »", () => {
    expect(horairesEnLignes(fiche("a-distance").ouEtQuand.horaires)).toEqual([
      "Horaires non renseignés : téléphonez au 05 49 00 00 00 pour savoir quand joindre le service.",
    ]);
  });
});
