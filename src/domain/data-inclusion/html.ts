/**
 * Some producers send HTML where data·inclusion expects text. A description in HTML becomes Markdown
 * (turndown), a one-paragraph field (`conditions_acces`, `*_precisions`) plain text on one line;
 * entities are decoded on the way. Text without HTML tags is left exactly as it is: our own export is
 * Markdown and must read back unchanged.
 */
import TurndownService from "turndown";

const BALISES =
  "a|abbr|b|blockquote|br|code|dd|div|dl|dt|em|font|h[1-6]|hr|i|img|li|ol|p|pre|s|small|span|strong|sub|sup|table|tbody|td|th|thead|tr|u|ul";
/** An opening, closing or empty tag of the usual text markup (`<p>`, `</li>`, `<br/>`, `<a href="…">`). */
const MOTIF_BALISE = new RegExp(`<\\/?(?:${BALISES})(?:\\s[^<>]*)?\\/?>`, "i");

export function contientHtml(texte: string): boolean {
  return MOTIF_BALISE.test(texte);
}

let versMarkdown: TurndownService | undefined;

/** HTML → Markdown: `#` headings, `-` bullets, `**bold**`, inline links. */
export function htmlEnMarkdown(html: string): string {
  if (!versMarkdown) {
    versMarkdown = new TurndownService({
      headingStyle: "atx",
      hr: "---",
      bulletListMarker: "-",
      codeBlockStyle: "fenced",
      emDelimiter: "*",
      strongDelimiter: "**",
    });
    versMarkdown.remove(["script", "style"]);
  }
  return versMarkdown.turndown(html).trim();
}

const BLOCS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE", "FOOTER",
  "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "TABLE",
  "TBODY", "TD", "TH", "THEAD", "TR", "UL",
]);

let versTexte: TurndownService | undefined;

/** Each block on its own line, no Markdown syntax; a link keeps its address when it is not its text. */
function convertisseurTexte(): TurndownService {
  const t = new TurndownService();
  t.escape = (texte: string) => texte; // plain text: no Markdown escapes
  // The last rule added is tried first: the catch-all goes first.
  t.addRule("texte", {
    filter: () => true,
    replacement: (contenu, noeud) => (BLOCS.has(noeud.nodeName) ? `\n${contenu}\n` : contenu),
  });
  t.addRule("lien", {
    filter: "a",
    replacement: (contenu, noeud) => {
      const href = ((noeud as HTMLElement).getAttribute("href") ?? "").trim();
      const adresse = /^mailto:/i.test(href) ? href.slice("mailto:".length) : /^https?:/i.test(href) ? href : "";
      return adresse && adresse !== contenu.trim() ? `${contenu} (${adresse})` : contenu;
    },
  });
  t.addRule("ignores", { filter: ["script", "style"], replacement: () => "" });
  return t;
}

/**
 * HTML → one line of text: blocks (paragraphs, list items, line breaks) joined by « ; », or by a space
 * after a sentence's or a clause's end (`Pièces :` + `carte d'identité` + `RIB` → `Pièces : carte d'identité ; RIB`).
 */
export function htmlEnTexte(html: string): string {
  versTexte ??= convertisseurTexte();
  const morceaux = versTexte
    .turndown(html)
    .split("\n")
    .map((l) => l.replace(/[ \t\r\f\v]+/g, " ").trim()) // no-break spaces are French typography: kept
    .filter((l) => l !== "");
  let texte = "";
  for (const morceau of morceaux) {
    if (texte === "") texte = morceau;
    else texte += (/[.!?;:,…]$/.test(texte) ? " " : " ; ") + morceau;
  }
  return texte;
}
