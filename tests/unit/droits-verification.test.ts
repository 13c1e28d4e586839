/** Who may change which file of the catalogue in a change request (src/domain/droits/verification.ts). */
import { describe, expect, it } from "vitest";
import type { Comptes } from "../../src/domain/droits/comptes";
import { lignesDuResultat, verifierDroits, type Changement, type ContexteDroits } from "../../src/domain/droits/verification";

const COMPTES: Comptes = {
  departement: ["cd86-insertion"],
  partenaires: [
    { compte: "ccas-loudun", structures: ["ccas-de-loudun"] },
    { compte: "ml-poitou", structures: ["mission-locale-poitiers", "mission-locale-nord-vienne"] },
  ],
};
const NOMS: Record<string, string> = {
  "ccas-de-loudun": "CCAS de Loudun",
  "france-travail-poitiers": "France Travail Poitiers",
  "mission-locale-poitiers": "Mission locale du Poitou",
  "mission-locale-nord-vienne": "Mission locale Nord-Vienne",
};

const service = (structure: string, nom = "Atelier CV") =>
  `---\nnom: ${nom}\nstructure: ${structure}\nthematiques: [numerique--acquerir-un-equipement]\nmodes_accueil: [a-distance]\ndate_maj: 2026-10-01\n---\nUne description.\n`;

const contexte = (auteur: string, autres: Partial<ContexteDroits> = {}): ContexteDroits => ({
  auteur,
  comptes: COMPTES,
  dossier: "content",
  nomDeStructure: (slug) => NOMS[slug],
  ...autres,
});

const modifie = (chemin: string, avant: string, apres: string): Changement => ({ statut: "modifie", chemin, avant, apres });

describe("verifierDroits", () => {
  it("lets a partner change its own services and structure, and refuses another organisation's service, naming both", () => {
    const r = verifierDroits(
      [
        modifie("content/services/atelier-cv-loudun.md", service("ccas-de-loudun"), service("ccas-de-loudun", "Atelier CV et lettre")),
        { statut: "ajoute", chemin: "content/services/domiciliation-loudun.md", apres: service("ccas-de-loudun") },
        modifie("content/structures/ccas-de-loudun.md", "---\nnom: CCAS de Loudun\n---\n", "---\nnom: CCAS de Loudun\ntelephone: 0549000000\n---\n"),
        modifie("content/services/ft-ateliers.md", service("france-travail-poitiers"), service("france-travail-poitiers", "Ateliers")),
      ],
      contexte("CCAS-Loudun"),
    );
    expect(r.decisions.map((d) => d.verdict)).toEqual(["accepte", "accepte", "accepte", "refuse"]);
    expect(lignesDuResultat(r)).toEqual([
      "Le compte « CCAS-Loudun » parle pour « CCAS de Loudun » ; il modifie content/services/ft-ateliers.md, service de « France Travail Poitiers » : refusé.",
      "Droits : 1 fichier refusé sur 4 fichiers du catalogue modifiés par « CCAS-Loudun » (parle pour « CCAS de Loudun ») ; droits lus dans content/comptes.yml du commit de base.",
    ]);
  });

  it("needs the rights on both structures to move a service, whichever way", () => {
    const versAutre = modifie("content/services/atelier-cv.md", service("ccas-de-loudun"), service("france-travail-poitiers"));
    const depuisAutre = modifie("content/services/atelier-cv.md", service("france-travail-poitiers"), service("ccas-de-loudun"));
    expect(verifierDroits([versAutre], contexte("ccas-loudun")).refuses.map((d) => d.message)).toEqual([
      "Le compte « ccas-loudun » parle pour « CCAS de Loudun » ; il modifie content/services/atelier-cv.md et déplace ce service de « CCAS de Loudun » vers « France Travail Poitiers » : refusé (déplacer un service demande de parler pour les deux structures).",
    ]);
    expect(verifierDroits([depuisAutre], contexte("ccas-loudun")).refuses).toHaveLength(1);
    // Between two structures of the same account: allowed.
    const entreSiennes = modifie("content/services/garantie-jeunes.md", service("mission-locale-poitiers"), service("mission-locale-nord-vienne"));
    expect(verifierDroits([entreSiennes], contexte("ml-poitou")).refuses).toEqual([]);
  });

  it("checks a renamed file on both paths, and a deleted one on its text before", () => {
    const renomme: Changement = {
      statut: "renomme",
      ancienChemin: "content/structures/ccas-de-loudun.md",
      chemin: "content/structures/ccas-loudun.md",
      avant: "",
      apres: "",
    };
    expect(verifierDroits([renomme], contexte("ccas-loudun")).refuses.map((d) => d.message)).toEqual([
      "Le compte « ccas-loudun » parle pour « CCAS de Loudun » ; il renomme content/structures/ccas-de-loudun.md en content/structures/ccas-loudun.md, fiche de la structure « CCAS de Loudun » renommée en « ccas-loudun » : refusé.",
    ]);
    const supprime: Changement = { statut: "supprime", chemin: "content/services/ft.md", avant: service("france-travail-poitiers") };
    expect(verifierDroits([supprime], contexte("ccas-loudun")).refuses.map((d) => d.message)).toEqual([
      "Le compte « ccas-loudun » parle pour « CCAS de Loudun » ; il supprime content/services/ft.md, service de « France Travail Poitiers » : refusé.",
    ]);
  });

  it("keeps the rights file and everything else of the catalogue for the Département", () => {
    const r = verifierDroits(
      [
        modifie("content/comptes.yml", "departement: [cd86-insertion]\n", "departement: [cd86-insertion, ccas-loudun]\n"),
        { statut: "ajoute", chemin: "content/import-data-inclusion/etat.json", apres: "{}" },
        { statut: "ajoute", chemin: "content/services/sous-dossier/atelier.md", apres: service("ccas-de-loudun") },
      ],
      contexte("ccas-loudun"),
    );
    expect(r.refuses.map((d) => d.message)).toEqual([
      "Le compte « ccas-loudun » parle pour « CCAS de Loudun » ; il modifie content/comptes.yml, réservé au Département : refusé.",
      "Le compte « ccas-loudun » parle pour « CCAS de Loudun » ; il ajoute content/import-data-inclusion/etat.json, réservé au Département : refusé.",
      "Le compte « ccas-loudun » parle pour « CCAS de Loudun » ; il ajoute content/services/sous-dossier/atelier.md, réservé au Département : refusé.",
    ]);
  });

  it("lets the Département's accounts change anything, case aside", () => {
    const r = verifierDroits(
      [
        modifie("content/comptes.yml", "a", "b"),
        modifie("content/services/atelier-cv.md", service("ccas-de-loudun"), service("france-travail-poitiers")),
        { statut: "supprime", chemin: "content/structures/ccas-de-loudun.md", avant: "" },
      ],
      contexte("CD86-Insertion"),
    );
    expect(r.refuses).toEqual([]);
    expect(r.acceptes).toHaveLength(3);
    expect(r.resume).toBe("Droits : 3 fichiers du catalogue modifiés par « CD86-Insertion » (compte du Département), tous permis.");
  });

  it("refuses every catalogue change of an unknown account, and of everyone when the base has no rights file", () => {
    const changement = modifie("content/services/atelier-cv.md", service("ccas-de-loudun"), service("ccas-de-loudun", "Atelier"));
    expect(verifierDroits([changement], contexte("quelquun")).refuses.map((d) => d.message)).toEqual([
      "Le compte « quelquun » ne parle pour aucune structure (il n'est pas dans content/comptes.yml du commit de base) ; il modifie content/services/atelier-cv.md, service de « CCAS de Loudun » : refusé.",
    ]);
    const sansComptes = verifierDroits([changement], contexte("cd86-insertion", { comptes: undefined }));
    expect(sansComptes.refuses.map((d) => d.message)).toEqual([
      "content/comptes.yml est absent du commit de base : aucun compte n'a de droit sur le catalogue ; le compte « cd86-insertion » modifie content/services/atelier-cv.md, service de « CCAS de Loudun » : refusé.",
    ]);
    expect(sansComptes.resume).toBe(
      "Droits : 1 fichier refusé sur 1 fichier du catalogue modifié par « cd86-insertion » (aucun droit sur le catalogue) ; aucun droit lisible au commit de base.",
    );
  });

  it("refuses a service whose structure cannot be read, and says how to find out why", () => {
    const casse = modifie("content/services/atelier-cv.md", service("ccas-de-loudun"), "---\nnom: Atelier\nstructure: [\n---\nTexte.\n");
    expect(verifierDroits([casse], contexte("ccas-loudun")).refuses.map((d) => d.message)).toEqual([
      "Le compte « ccas-loudun » parle pour « CCAS de Loudun » ; il modifie content/services/atelier-cv.md, service dont la structure ne se lit pas (en-tête illisible ou champ « structure » absent) : refusé (corrigez l'en-tête : `npm run validate` dit ce qui ne va pas).",
    ]);
  });

  it("leaves files outside the catalogue to the reviewer and says so; a catalogue folder elsewhere is followed", () => {
    const r = verifierDroits(
      [modifie("README.md", "a", "b"), modifie(".github/workflows/site.yml", "a", "b"), modifie("donnees/services/x.md", service("ccas-de-loudun"), service("ccas-de-loudun", "X"))],
      contexte("ccas-loudun", { dossier: "donnees" }),
    );
    expect(r.horsCatalogue.map((d) => d.chemin)).toEqual(["README.md", ".github/workflows/site.yml"]);
    expect(r.refuses).toEqual([]);
    expect(r.resume).toBe(
      "Droits : 1 fichier du catalogue modifié par « ccas-loudun » (parle pour « CCAS de Loudun »), tous permis. 2 fichiers hors du catalogue, non vérifiés ici (à relire par le Département) : README.md, .github/workflows/site.yml.",
    );
    expect(verifierDroits([modifie("README.md", "a", "b")], contexte("ccas-loudun")).resume).toBe(
      "Droits : aucun fichier du catalogue (content/) modifié. 1 fichier hors du catalogue, non vérifié ici (à relire par le Département) : README.md.",
    );
  });
});
