/**
 * Partners' Markdown is untrusted: raw HTML is shown as text, links are kept only for http(s), mailto
 * and tel, images are not loaded (they would reach third-party servers), and headings are shifted below
 * the page's own so that the outline stays in order. Phone numbers written in the text become `tel:` links.
 */
import MarkdownIt from "markdown-it";
import type { MarkdownIt as Rendu, Token } from "markdown-it";
import { lierTelephonesHtml } from "./telephones-dans-texte";

const PROTOCOLES_PERMIS = /^(https?:|mailto:|tel:)/i;

function creerRendu(niveauMinimum: number): Rendu {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
  md.disable("image");
  md.validateLink = (url: string) => PROTOCOLES_PERMIS.test(url.trim());
  const titre = md.renderer.rules.heading_open;
  md.renderer.rules.heading_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const niveau = Math.min(6, Number(token.tag.slice(1)) + niveauMinimum - 1);
    token.tag = `h${niveau}`;
    const fermeture = tokens.slice(idx).find((t) => t.type === "heading_close");
    if (fermeture) fermeture.tag = `h${niveau}`;
    return titre ? titre(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    const token = tokens[idx]!;
    if (/^https?:/i.test(String(token.attrGet("href") ?? ""))) token.attrSet("rel", "nofollow noopener");
    return self.renderToken(tokens, idx, options);
  };
  return md;
}

const rendus = new Map<number, Rendu>();

/** HTML of a partner's Markdown; its headings start at `niveauMinimum` (3 under a page's h2 sections). */
export function markdownEnHtml(markdown: string, niveauMinimum = 3): string {
  let md = rendus.get(niveauMinimum);
  if (!md) {
    md = creerRendu(niveauMinimum);
    rendus.set(niveauMinimum, md);
  }
  return lierTelephonesHtml(md.render(markdown));
}

/** Plain text of Markdown (for summaries, search and exports): inline content only, spaces collapsed. */
export function markdownEnTexte(markdown: string): string {
  const md = creerRendu(1);
  const morceaux: string[] = [];
  for (const bloc of md.parse(markdown, {})) {
    if (bloc.type === "inline") {
      morceaux.push((bloc.children ?? []).map((t: Token) => (t.type === "softbreak" || t.type === "hardbreak" ? " " : t.content)).join(""));
    }
  }
  return morceaux.join(" ").replace(/\s+/g, " ").trim();
}

/** The first sentence of a text, at most `max` characters (cut at a word, with "…"). */
export function premierePhrase(texte: string, max: number): string {
  const phrase = texte.match(/^.*?[.!?…](?=\s|$)/s)?.[0] ?? texte;
  if (phrase.length <= max) return phrase.trim();
  const coupe = phrase.slice(0, max - 1);
  return `${coupe.slice(0, Math.max(coupe.lastIndexOf(" "), max / 2)).trim()}…`;
}
