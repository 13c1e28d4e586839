/** A partner's plain text with every phone number in it as a tap-to-call link (src/domain/telephones-dans-texte.ts). */
import { decouperTelephones } from "../../domain/telephones-dans-texte";

export default function TexteTelephones({ texte }: { texte: string }) {
  return (
    <>
      {decouperTelephones(texte).map((m, i) =>
        m.href ? (
          <a key={i} href={m.href}>
            {m.texte}
          </a>
        ) : (
          m.texte
        ),
      )}
    </>
  );
}
