/** Redirects of renamed services (src/lib/redirections.ts, used by astro.config.mjs). */
import { describe, expect, it } from "vitest";
import { siteConfig } from "../../site.config";
import { construireCatalogue } from "../../src/domain/catalogue";
import { validerDossier } from "../../src/domain/validation";
import { pageDeRedirection } from "../../src/integrations/redirections";
import { anciensSlugs, redirectionsDesServices } from "../../src/lib/redirections";

const fichier = (anciens: string) => `---\nnom: Service\n${anciens}date_maj: 2026-10-01\n---\nTexte.\n`;

describe("anciensSlugs", () => {
  it("chaque ancien nom vers le nom actuel", () => {
    const fichiers = new Map([
      ["atelier-cv-et-lettre", fichier("anciens_slugs:\n  - atelier-cv\n  - atelier-cv-lettre\n")],
      ["autre", fichier("")],
    ]);
    expect([...anciensSlugs(fichiers)]).toEqual([
      ["atelier-cv", "atelier-cv-et-lettre"],
      ["atelier-cv-lettre", "atelier-cv-et-lettre"],
    ]);
  });

  it("tolère les fichiers invalides (le validateur les signale) : pas de redirection douteuse", () => {
    const fichiers = new Map([
      ["illisible", "---\nanciens_slugs: [a, b\n---\n"],
      ["sans-en-tete", "Texte seul."],
      ["mauvais-types", fichier("anciens_slugs: 12\n")],
      ["Nom Invalide", fichier("anciens_slugs: [vieux-nom-1]\n")],
      ["a", fichier("anciens_slugs: [Pas Un Slug, autre, a, vieux-nom-2]\n")],
      ["autre", fichier("anciens_slugs: [vieux-nom-2]\n")],
    ]);
    // "autre" and "a" are current pages; vieux-nom-2 is claimed twice (the first claim only); invalid names are skipped.
    expect([...anciensSlugs(fichiers)]).toEqual([["vieux-nom-2", "a"]]);
  });
});

describe("redirectionsDesServices (catalogue de démonstration)", () => {
  it("mène chaque ancienne adresse à la page actuelle, comme le catalogue le dit", () => {
    const redirections = redirectionsDesServices("content");
    expect(redirections).toEqual({ "/services/permis-b-auto-ecole-sociale/": "/services/auto-ecole-sociale-permis-b/" });
    const r = validerDossier("content");
    const catalogue = construireCatalogue(r.structures, r.services, siteConfig.source);
    for (const [ancienne, actuelle] of Object.entries(redirections)) {
      const ancien = ancienne.split("/")[2]!;
      expect(`/services/${catalogue.serviceParAncienSlug(ancien)!.slug}/`).toBe(actuelle);
    }
    expect(redirectionsDesServices("dossier-qui-n-existe-pas")).toEqual({});
  });
});

describe("pageDeRedirection (la page écrite pour une ancienne adresse)", () => {
  it("en français, redirige aussitôt, canonique vers la nouvelle adresse, non indexée, avec un lien", () => {
    const html = pageDeRedirection("/services/atelier-cv-et-lettre/", "https://carto-insertion.example.org");
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<meta http-equiv="refresh" content="0;url=/services/atelier-cv-et-lettre/">');
    expect(html).toContain('<link rel="canonical" href="https://carto-insertion.example.org/services/atelier-cv-et-lettre/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<a href="/services/atelier-cv-et-lettre/">aller à la nouvelle page</a>');
    expect(pageDeRedirection('/x/"><script>/', "https://e.org")).not.toContain("<script>");
  });
});
