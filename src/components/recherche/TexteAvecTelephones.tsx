/**
 * A partner's text with its phone numbers as tap-to-call links, for the islands (search cards, selection
 * cards). The islands' own copy of fiche/TexteTelephones: files outside the island folders compile for React
 * (the CMS preview uses them), and importing one here shipped React's JSX runtime to the search page.
 */
import { decouperTelephones } from "../../domain/telephones-dans-texte";

export default function TexteAvecTelephones({ texte }: { texte: string }) {
  return (
    <>
      {decouperTelephones(texte).map((m, i) => (m.href ? <a key={i} href={m.href}>{m.texte}</a> : m.texte))}
    </>
  );
}
