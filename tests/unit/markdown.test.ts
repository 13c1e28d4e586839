import { describe, expect, it } from "vitest";
import { markdownEnHtml, markdownEnTexte, premierePhrase } from "../../src/domain/markdown";

describe("Markdown des partenaires", () => {
  it("shows raw HTML as text instead of running it", () => {
    const html = markdownEnHtml('Bonjour <script>alert("x")</script> <img src=x onerror=alert(1)>');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });

  it("keeps http(s), mailto and tel links and drops the others", () => {
    const html = markdownEnHtml(
      "[site](https://exemple.fr) [écrire](mailto:a@exemple.fr) [appeler](tel:+33549000000) [piège](javascript:alert(1)) [fichier](file:///etc/passwd) [data](data:text/html,x)",
    );
    expect(html).toContain('href="https://exemple.fr"');
    expect(html).toContain('href="mailto:a@exemple.fr"');
    expect(html).toContain('href="tel:+33549000000"');
    expect(html).not.toMatch(/href="(javascript|file|data):/);
  });

  it("does not load images from other servers", () => {
    expect(markdownEnHtml("![logo](https://pisteur.example/x.png)")).not.toContain("<img");
  });

  it("shifts headings below the page's own", () => {
    expect(markdownEnHtml("# Titre\n\n## Sous-titre", 3)).toMatch(/<h3>Titre<\/h3>\s*<h4>Sous-titre<\/h4>/);
  });

  it("gives plain text and a first sentence for summaries", () => {
    expect(markdownEnTexte("**Accueil** sans rendez-vous.\n\n- lundi\n- mardi")).toBe("Accueil sans rendez-vous. lundi mardi");
    expect(premierePhrase("Accueil sans rendez-vous. Ensuite un entretien.", 280)).toBe("Accueil sans rendez-vous.");
    const longue = premierePhrase(`${"mot ".repeat(100)}fin.`, 50);
    expect(longue.length).toBeLessThanOrEqual(50);
    expect(longue.endsWith("…")).toBe(true);
  });
});
