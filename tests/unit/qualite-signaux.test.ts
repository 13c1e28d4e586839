/** What needs attention per service (src/domain/qualite/signaux.ts) and the list per structure (bilan.ts), on a small catalogue validated in memory. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { siteConfig } from "../../site.config";
import { construireCatalogue } from "../../src/domain/catalogue";
import { bilanQualite, chiffresQualite, CRITERES, SIGNAUX, signauxDuService, type CodeSignal } from "../../src/domain/qualite";
import { formaterProbleme, validerFichiers } from "../../src/domain/validation";

const JOUR = "2026-12-08";

const structure = (slug: string, nom: string, lignes: string) => ({
  chemin: `content/structures/${slug}.md`,
  texte: `---\nnom: ${nom}\nadresse: 12 rue de la Gare\ncode_postal: "86100"\ncommune: Châtellerault\nlatitude: 46.8178\nlongitude: 0.5461\ndate_maj: 2026-11-01\n${lignes}---\nPrésentation.\n`,
});
const SERVICE_COMPLET = `structure: ml
thematiques: [numerique--acquerir-un-equipement]
modes_accueil: [en-presentiel]
modes_mobilisation: [se-presenter]
mobilisable_par: [usagers]
horaires_accueil: "Mo-Fr 09:00-12:00"
`;
const service = (slug: string, lignes: string, date = "2026-11-01") => ({
  chemin: `content/services/${slug}.md`,
  texte: `---\nnom: Service ${slug}\n${lignes}date_maj: ${date}\n---\nUne description suffisante du service.\n`,
});
const sans = (texte: string, ...champs: string[]) => texte.split("\n").filter((l) => !champs.some((c) => l.startsWith(`${c}:`))).join("\n");

const fichiers = [
  structure("ml", "Mission locale", 'telephone: "0549000000"\ncourriel: ml@example.org\n'),
  structure("muette", "Association muette", ""),
  structure("calme", "Association calme", 'telephone: "0549000001"\nhoraires_accueil: "Mo 09:00-12:00"\n'),
  service("complet", SERVICE_COMPLET),
  service("ancien", SERVICE_COMPLET, "2026-05-01"),
  service("sans-horaires", sans(SERVICE_COMPLET, "horaires_accueil")),
  service("sans-contact", SERVICE_COMPLET.replace("structure: ml", "structure: muette")),
  service("sans-mobilisation", `${sans(SERVICE_COMPLET, "modes_mobilisation").replace("structure: ml", "structure: muette")}courriel: s@example.org\n`),
  service("approche", `${SERVICE_COMPLET}adresse: 3 place du Marché\ncode_postal: "86100"\ncommune: Châtellerault\n`),
  service("a-distance", SERVICE_COMPLET.replace("[en-presentiel]", "[a-distance]")),
  // Ended 10 days ago: flagged here (any ended notice), not yet by the validator (over 30 days).
  service("avis-recent", `${SERVICE_COMPLET}avis:\n  - au: 2026-11-28\n    message: Permanence déplacée à la mairie.\n`),
  // Ended 60 days ago: the validator warns too; its warning is this flag's, not listed twice.
  service("avis-ancien", `${SERVICE_COMPLET}avis:\n  - au: 2026-10-09\n    message: Permanence déplacée à la mairie.\n`),
  // A season of a past year: the validator's (the library's) warning.
  service("saison-passee", SERVICE_COMPLET.replace('"Mo-Fr 09:00-12:00"', '"2025 Apr 01-2025 Oct 31 Mo-Fr 09:00-12:00; Mo 14:00-17:00"')),
  service("calme-1", SERVICE_COMPLET.replace("structure: ml", "structure: calme")),
  // Hours given that the page cannot say: the validator's warning, not « horaires manquants ».
  service("soleil", SERVICE_COMPLET.replace('"Mo-Fr 09:00-12:00"', '"Mo-Fr sunrise-sunset"')),
];

const validation = validerFichiers(fichiers, { aujourdhui: JOUR });
const catalogue = construireCatalogue(validation.structures, validation.services, siteConfig.source);
const exportation = { urlService: (s: string) => `https://x/services/${s}/`, urlStructure: (s: string) => `https://x/structures/${s}/` };
const bilan = bilanQualite(catalogue, { aujourdhui: JOUR, problemes: validation.problemes, rapport: { present: false }, export: exportation });
const codes = (slug: string): CodeSignal[] => {
  const s = catalogue.serviceParSlug(slug)!;
  return signauxDuService(s, catalogue.structureParSlug(s.structureSlug), { aujourdhui: JOUR, problemes: validation.problemes }).map((g) => g.code);
};

describe("what needs attention on a service", () => {
  it("reads a valid catalogue (the fixture is right)", () => {
    expect(validation.problemes.filter((p) => p.gravite === "erreur").map(formaterProbleme)).toEqual([]);
    expect(catalogue.services).toHaveLength(fichiers.length - 3);
  });

  it("flags each rule on the listing that breaks it, and nothing on a complete one", () => {
    expect(codes("complet")).toEqual([]);
    expect(codes("ancien")).toEqual(["a-verifier"]);
    expect(codes("sans-horaires")).toEqual(["sans-horaires"]);
    // Neither its own nor its structure's phone or e-mail (« se présenter » still mobilises it).
    expect(codes("sans-contact")).toEqual(["sans-contact"]);
    expect(codes("sans-mobilisation")).toEqual(["sans-mobilisation"]);
    expect(codes("approche")).toEqual(["sans-coordonnees"]);
    expect(codes("a-distance")).toEqual([]);
    expect(codes("avis-recent")).toEqual(["avis-termine"]);
    expect(codes("avis-ancien")).toEqual(["avis-termine"]);
    expect(codes("saison-passee")).toEqual(["avertissement"]);
    expect(codes("soleil")).toEqual(["avertissement"]);
  });

  it("a service received at its structure's place takes its hours, phone and e-mail", () => {
    expect(codes("calme-1")).toEqual([]);
  });

  it("shows exactly the validator's warnings for the listing's file", () => {
    const attendus = validation.problemes.filter((p) => p.gravite === "avertissement" && p.fichier === "content/services/saison-passee.md").map(formaterProbleme);
    expect(attendus).toHaveLength(1);
    const v = bilan.structures.flatMap((s) => s.services).find((v) => v.service.slug === "saison-passee")!;
    expect(v.signaux.find((g) => g.code === "avertissement")!.details).toEqual(attendus);
    expect(bilan.structures.flatMap((s) => s.services).filter((v) => v.signaux.some((g) => g.code === "avertissement")).map((v) => v.service.slug)).toEqual(["saison-passee", "soleil"]);
    // The ended notice's warning stays the validator's (npm run validate), said once here by its own flag.
    expect(validation.problemes.filter((p) => p.fichier === "content/services/avis-ancien.md").map((p) => p.code)).toEqual(["avis-termine"]);
  });
});

describe("the list per structure", () => {
  it("ranks the flags in the documented urgency order", () => {
    expect(SIGNAUX.map((s) => s.code)).toEqual(["sans-contact", "a-verifier", "refuse-import", "sans-mobilisation", "sans-horaires", "avis-termine", "avertissement", "sans-coordonnees"]);
  });

  it("puts the structure with the most urgent flag first, and within it the most urgent listing first", () => {
    expect(bilan.structures.map((s) => s.nom)).toEqual(["Association muette", "Mission locale"]);
    expect(bilan.structures[1]!.services.map((v) => v.service.slug)).toEqual(["ancien", "sans-horaires", "avis-ancien", "avis-recent", "saison-passee", "soleil", "approche"]);
    expect(bilan.servicesAVoir).toBe(9);
  });

  it("lists no listing with nothing to fix, and no structure without one", () => {
    const listes = bilan.structures.flatMap((s) => s.services.map((v) => v.service.slug));
    expect(listes).not.toContain("complet");
    expect(listes).not.toContain("a-distance");
    expect(bilan.structures.map((s) => s.nom)).not.toContain("Association calme");
    expect(bilan.scores.size).toBe(catalogue.services.length);
  });
});

describe("docs/qualite.md", () => {
  it("explains every flag, in the urgency order, and every data·inclusion criterion", () => {
    const doc = readFileSync(new URL("../../docs/qualite.md", import.meta.url), "utf8");
    const positions = SIGNAUX.map((d) => doc.indexOf(`| ${d.libelle} |`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const c of CRITERES) expect(doc).toContain(`| \`${c.nom}\` |`);
    expect(doc).toContain("846d0ec1b0202474eba659898a1ecd4d14948e7a");
  });
});

describe("figures", () => {
  it("counts the share up to date, per theme and per EPCI of the place", () => {
    const c = chiffresQualite(catalogue.services, bilan.scores, JOUR);
    expect(c.ensemble).toEqual({ libelle: "Ensemble du catalogue", total: catalogue.services.length, aJour: catalogue.services.length - 1 });
    expect(c.parTheme).toEqual([{ libelle: "Formation", total: catalogue.services.length, aJour: catalogue.services.length - 1 }]);
    // Every place is the structure's or in Châtellerault; the remote service has its structure's place too.
    expect(c.parEpci).toEqual([{ libelle: "CA Grand Châtellerault", total: catalogue.services.length, aJour: catalogue.services.length - 1 }]);
    expect(c.scoreMoyen).toBeGreaterThan(0);
  });
});
