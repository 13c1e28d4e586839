/** The key facts of a service for the selection sheet (selection/fiche-courte.ts). */
import { describe, expect, it } from "vitest";
import { siteConfig } from "../../site.config";
import { construireCatalogue, type EntreeService, type EntreeStructure } from "../../src/domain/catalogue";
import { ficheService } from "../../src/domain/fiche-service";
import { serviceFrontmatter, structureFrontmatter } from "../../src/domain/schema";
import { ficheCourte, type OptionsFicheCourte } from "../../src/domain/selection/fiche-courte";
import { validerDossier } from "../../src/domain/validation";

const options: OptionsFicheCourte = {
  aujourdhui: "2026-11-30",
  urlService: (slug) => `/services/${slug}/`,
  urlStructure: (slug) => `/structures/${slug}/`,
  urlTheme: (slug) => `/thematiques/${slug}/`,
};

const structure: EntreeStructure = {
  slug: "ccas-chatellerault",
  donnees: structureFrontmatter.parse({
    nom: "CCAS de Châtellerault",
    adresse: "2 rue de l'Hôtel de Ville",
    code_postal: "86100",
    commune: "Châtellerault",
    latitude: 46.8178,
    longitude: 0.5461,
    telephone: "05 36 49 20 00",
    date_maj: "2026-09-01",
  }),
  corps: "",
};
const entree = (slug: string, extra: Record<string, unknown>): EntreeService => ({
  slug,
  donnees: serviceFrontmatter.parse({
    nom: "Aide aux démarches en ligne",
    structure: "ccas-chatellerault",
    thematiques: ["difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"],
    modes_accueil: ["en-presentiel"],
    date_maj: "2026-03-01",
    ...extra,
  }),
  corps: "Un agent aide à faire ses démarches en ligne. Sur rendez-vous.",
});
const catalogue = construireCatalogue(
  [structure],
  [
    entree("aide-demarches", {
      anciens_slugs: ["aide-demarches-en-ligne"],
      modes_mobilisation: ["telephoner", "se-presenter", "utiliser-lien-mobilisation"],
      mobilisable_par: ["usagers", "professionnels"],
      lien_mobilisation: "https://rdv.example.org/ccas",
      horaires_accueil: "Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00",
    }),
    entree("orientation-pro", {
      modes_accueil: ["a-distance"],
      modes_mobilisation: ["envoyer-un-courriel"],
      mobilisable_par: ["professionnels"],
      courriel: "orientation@example.org",
      horaires_accueil: 'Mo-Fr 09:00-12:00; PH off; 2026 Dec 21-2027 Jan 04 off "Congés"',
      avis: [{ au: "2026-12-05", message: "Entretiens par téléphone seulement." }],
    }),
  ],
  siteConfig.source,
);
const fiche = (slug: string) => {
  const s = catalogue.serviceParSlug(slug)!;
  return ficheCourte(s, catalogue.structureParSlug(s.structureSlug), options);
};

describe("ficheCourte", () => {
  it("carries the current notices, soonest first, for the sheet a counsellor prints", () => {
    expect(fiche("orientation-pro").avis).toEqual([
      "Changement temporaire jusqu'au 5 décembre inclus : Entretiens par téléphone seulement.",
      "Fermé du 21 décembre au 4 janvier 2027 inclus : Congés",
    ]);
    expect(fiche("aide-demarches").avis).toEqual([]);
  });

  it("un service en présentiel, mobilisable par tous : l'essentiel en lignes de texte", () => {
    const s = catalogue.serviceParSlug("aide-demarches")!;
    expect(fiche("aide-demarches")).toEqual({
      code: s.code,
      slug: "aide-demarches",
      href: "/services/aide-demarches/",
      nom: "Aide aux démarches en ligne",
      structure: "CCAS de Châtellerault",
      resume: "Un agent aide à faire ses démarches en ligne.",
      avis: [],
      mobilisation: [
        "Par la personne elle-même ou par un professionnel qui l'accompagne",
        "Téléphoner au 05 36 49 20 00",
        "Se présenter sur place, aux horaires d'accueil",
        "Remplir le formulaire en ligne",
        "Formulaire en ligne : https://rdv.example.org/ccas",
      ],
      contact: { telephone: { libelle: "05 36 49 20 00", href: "tel:+33536492000" } },
      adresse: ["2 rue de l'Hôtel de Ville", "86100 Châtellerault"],
      horaires: ["Du lundi au vendredi : 9 h – 12 h et 14 h – 17 h", "Le samedi : 9 h – 12 h"],
      position: { lat: 46.8178, lon: 0.5461 },
      distanciel: false,
      enPresentiel: true,
      miseAJour: "1 mars 2026",
      miseAJourDate: "2026-03-01",
      aVerifier: true,
    });
  });

  it("un service à distance, par un professionnel : ni adresse ni position ; horaires en mots, jours fériés compris", () => {
    const f = fiche("orientation-pro");
    expect(f.mobilisation).toEqual(["Par un professionnel qui accompagne la personne", "Envoyer un courriel à orientation@example.org"]);
    expect(f).toMatchObject({ distanciel: true, enPresentiel: false });
    expect(f.adresse).toBeUndefined();
    expect(f.position).toBeUndefined();
    expect(f.horaires).toEqual(["Du lundi au vendredi : 9 h – 12 h", "Fermé les jours fériés."]);
    expect(f.contact.courriel).toEqual({ libelle: "orientation@example.org", href: "mailto:orientation@example.org" });
  });

  it("sur tout le catalogue de démonstration : les mêmes faits que la page du service, en JSON simple", () => {
    const r = validerDossier("content");
    const demo = construireCatalogue(r.structures, r.services, siteConfig.source);
    for (const s of demo.services) {
      const structureDuService = demo.structureParSlug(s.structureSlug);
      const f = ficheCourte(s, structureDuService, options);
      const page = ficheService(s, structureDuService, options);
      expect(ficheCourte(s, structureDuService, options, page)).toEqual(f);
      expect(f.code).toBe(s.code);
      expect(f.nom).toBe(page.nom);
      expect(f.adresse).toEqual(page.ouEtQuand.adresse);
      expect(f.contact.telephone).toEqual(page.contact.telephone);
      expect(JSON.parse(JSON.stringify(f))).toEqual(f);
      expect(JSON.stringify(f), s.slug).not.toMatch(/<[a-z]/i);
    }
    // Each distinct hours value is checked against the library over a year (~50 ms each, ~80 values).
  }, 60_000);
});
