import { describe, expect, it } from "vitest";
import { decouperTelephones, lierTelephonesHtml, trouverTelephones } from "../../src/domain/telephones-dans-texte";
import { markdownEnHtml } from "../../src/domain/markdown";

/** The numbers found, as written, with their links. */
const trouves = (texte: string) => trouverTelephones(texte).map((t) => [texte.slice(t.debut, t.fin), t.href]);

describe("numéros de téléphone dans un texte", () => {
  it("finds ten-digit numbers however they are written", () => {
    expect(trouves("Appelez le 05 49 12 34 56 ou le 05.49.12.34.57, sinon 0549123458.")).toEqual([
      ["05 49 12 34 56", "tel:+33549123456"],
      ["05.49.12.34.57", "tel:+33549123457"],
      ["0549123458", "tel:+33549123458"],
    ]);
    expect(trouves("Depuis l'étranger : +33 5 49 12 34 56 ou +33 (0)5 49 12 34 57.")).toEqual([
      ["+33 5 49 12 34 56", "tel:+33549123456"],
      ["+33 (0)5 49 12 34 57", "tel:+33549123457"],
    ]);
    expect(trouves("Tél.\u00a0: 06\u00a012\u00a034\u00a056\u00a078")).toEqual([["06\u00a012\u00a034\u00a056\u00a078", "tel:+33612345678"]]);
    expect(trouves("Numéro vert 0 800 123 456 (gratuit)")).toEqual([["0 800 123 456", "tel:+33800123456"]]);
  });

  it("leaves postal codes, SIRET, dates, prices and long references alone", () => {
    for (const texte of [
      "12 rue de la Gare, 86000 Poitiers",
      "SIRET 130 005 481 00010",
      "SIRET 13000548100010",
      "Réunion le 05.12.2024 à 14 h",
      "du 05/12/2024 au 06/01/2025",
      "2024-05-12",
      "Dossier n° 0549123456789",
      "Prix : 1 050,00 €",
      "IBAN FR76 3000 4000 0312 3456 7890 143",
    ]) {
      expect(trouves(texte), texte).toEqual([]);
    }
  });

  it("links a short national number where the text calls it a number", () => {
    expect(trouves("En cas de danger immédiat, appeler le 17 ; le 3919 répond 24 h/24.")).toEqual([
      ["17", "tel:17"],
      ["3919", "tel:3919"],
    ]);
    expect(trouves("Fait le lien avec le 115, la PASS ou les structures.")).toEqual([["115", "tel:115"]]);
    expect(trouves("Composez le 15, le 17 ou le 112.")).toEqual([
      ["15", "tel:15"],
      ["17", "tel:17"],
      ["112", "tel:112"],
    ]);
    expect(trouves("Numéro d'urgence : 114 (par SMS)")).toEqual([["114", "tel:114"]]);
    expect(trouves("Téléphoner au 115")).toEqual([["115", "tel:115"]]);
  });

  it("does not take a quantity, a time, a date or a street number for a short number", () => {
    for (const texte of [
      "Un rendez-vous est proposé sous 15 jours.",
      "Au moins 15 heures d'activités par semaine",
      "Prolongé jusqu'à 18 mois",
      "Pour les 18-30 ans",
      "Deux soirs par semaine, de 18 h 30 à 20 h",
      "à moins de 15 km du domicile",
      "main-d'œuvre à 18 € de l'heure",
      "Permanence le 17 mars, puis le 15.",
      "Fermé le 15 août",
      "Accueil au 112 rue de la République",
      "les 115 places du centre",
      "l'hôtel 115 chambres",
      "Appelez le 15 jours avant votre venue",
      "Le 119e arrondissement",
      "Ouvert de 9 h à 17 h",
      "Appelez à 17 h 30",
      "3 115 personnes accueillies",
    ]) {
      expect(trouves(texte), texte).toEqual([]);
    }
  });

  it("cuts a text into plain pieces and links", () => {
    expect(decouperTelephones("Téléphoner au 05 49 00 00 00.")).toEqual([
      { texte: "Téléphoner au " },
      { texte: "05 49 00 00 00", href: "tel:+33549000000" },
      { texte: "." },
    ]);
    expect(decouperTelephones("Se présenter sur place")).toEqual([{ texte: "Se présenter sur place" }]);
  });
});

describe("numéros de téléphone dans le HTML des partenaires", () => {
  it("links numbers in text, reading the cue across inline tags", () => {
    expect(lierTelephonesHtml("<p><strong>Appelez</strong> le 15 ou le 05 49 00 00 00.</p>")).toBe(
      '<p><strong>Appelez</strong> le <a href="tel:15">15</a> ou le <a href="tel:+33549000000">05 49 00 00 00</a>.</p>',
    );
  });

  it("leaves numbers already in a link or in code, and does not join blocks", () => {
    const lien = '<p><a href="tel:+33549000000">05 49 00 00 00</a></p>';
    expect(lierTelephonesHtml(lien)).toBe(lien);
    expect(lierTelephonesHtml("<p>Code <code>05 49 00 00 00</code></p>")).toBe("<p>Code <code>05 49 00 00 00</code></p>");
    // « numéro » closes one paragraph; « 17 » opens a list item about something else.
    expect(lierTelephonesHtml("<p>Le numéro</p><ul><li>17 mars</li></ul>")).toBe("<p>Le numéro</p><ul><li>17 mars</li></ul>");
  });

  it("is applied to partners' Markdown", () => {
    const html = markdownEnHtml("Hébergement en lien avec le 115. Secrétariat : 05 36 49 12 34.\n\n[Appeler](tel:+33536491234)");
    expect(html).toContain('<a href="tel:115">115</a>');
    expect(html).toContain('<a href="tel:+33536491234">05 36 49 12 34</a>');
    expect(html.match(/<a /g)).toHaveLength(3);
  });
});
