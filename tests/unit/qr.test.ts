/** QR codes of the site's links: small enough for a phone, and read back to the very same link. */
import { describe, expect, it } from "vitest";
import jsQR from "jsqr";
import { dessinQr, MARGE_QR, matriceQr, qrCode } from "../../src/domain/partage/qr";
import { lienDeSelection } from "../../src/domain/selection/lien";
import { construireCatalogue } from "../../src/domain/catalogue";
import { validerDossier } from "../../src/domain/validation";
import { siteConfig } from "../../site.config";

/** The matrix drawn into an RGBA buffer (quiet zone included, `echelle` pixels per module). */
function rasteriser(texte: string, echelle = 4): { donnees: Uint8ClampedArray; cote: number } {
  const { modules } = matriceQr(texte);
  const cote = (modules.length + 2 * MARGE_QR) * echelle;
  const donnees = new Uint8ClampedArray(cote * cote * 4).fill(255);
  modules.forEach((ligne, y) =>
    ligne.forEach((noir, x) => {
      if (!noir) return;
      for (let dy = 0; dy < echelle; dy++)
        for (let dx = 0; dx < echelle; dx++) {
          const i = (((y + MARGE_QR) * echelle + dy) * cote + (x + MARGE_QR) * echelle + dx) * 4;
          donnees[i] = donnees[i + 1] = donnees[i + 2] = 0;
        }
    }),
  );
  return { donnees, cote };
}

// A selection of 10 services of the shipped catalogue and a commune (Poitiers), as /selection/ shares it.
const lecture = validerDossier("content");
const catalogue = construireCatalogue(lecture.structures, lecture.services, siteConfig.source);
const codes = catalogue.services.slice(0, 10).map((s) => s.code);
const lienSelection = lienDeSelection({ codes, commune: "86194" }, siteConfig.urlPublique);

describe("qrCode", () => {
  it("draws a typical selection link (10 services and a commune) in version 10 or less", () => {
    expect(lienSelection).toMatch(/\/selection\/\?s=(\w{8}\.){9}\w{8}&commune=86194$/);
    expect(qrCode(lienSelection).version).toBeLessThanOrEqual(10);
  });

  it("is read back to the very same link by a QR reader", () => {
    for (const lien of [lienSelection, "https://carto-insertion.example.org/services/atelier-cv-chatellerault/"]) {
      const { donnees, cote } = rasteriser(lien);
      expect(jsQR(donnees, cote, cote)?.data).toBe(lien);
    }
  });

  it("is an accessible SVG: role img, the link in its name and title, escaped, with a 4-module quiet zone", () => {
    const lien = "https://carto-insertion.example.org/selection/?s=a&commune=1#note=<b>\"x\"</b>";
    const { svg, taille } = qrCode(lien);
    const d = dessinQr(lien);
    expect(taille).toBe(d.taille);
    expect(taille).toBe(matriceQr(lien).modules.length + 8);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain(`viewBox="0 0 ${taille} ${taille}"`);
    expect(svg).toContain('aria-label="QR code du lien : https://carto-insertion.example.org/selection/?s=a&amp;commune=1#note=&lt;b&gt;&quot;x&quot;&lt;/b&gt;"');
    expect(svg).toContain("<title>QR code du lien : https://carto-insertion.example.org/selection/?s=a&amp;commune=1#note=&lt;b&gt;");
    expect(svg).not.toContain("<b>");
    // Nothing dark in the quiet zone.
    expect(d.chemin.match(/M(\d+) (\d+)/g)!.every((m) => m.slice(1).split(" ").map(Number).every((v) => v >= 4))).toBe(true);
  });
});
