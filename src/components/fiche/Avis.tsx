/**
 * A listing's current notices (closure, temporary change), first on its page and in the CMS preview:
 * a person must read them before the hours or the address.
 */
import { titreDesAvis, type AvisAffiche } from "../../domain/avis";
import TexteTelephones from "./TexteTelephones";

export default function Avis({ avis }: { avis: readonly AvisAffiche[] }) {
  if (avis.length === 0) return null;
  return (
    <section className="avis-fiche" aria-labelledby="avis">
      <h2 id="avis">{titreDesAvis(avis)}</h2>
      {avis.map((a) => (
        <p key={`${a.titre}${a.message}`}>
          <strong>{a.titre}</strong>
          {a.message && (
            <>
              {" : "}
              <TexteTelephones texte={a.message} />
            </>
          )}
        </p>
      ))}
    </section>
  );
}
