/**
 * The head of a service page: its name, who runs it, its current notices, its summary and how fresh it is.
 * Rendered by Astro and by the CMS preview, like FicheServiceCorps, so that both show one head.
 */
import type { FicheService } from "../../domain/fiche-service";
import { ETIQUETTE_A_VERIFIER, MENTION_VERIFICATION } from "../../domain/freshness";
import Avis from "./Avis";
import TexteTelephones from "./TexteTelephones";

export default function EnTeteService({ fiche }: { fiche: FicheService }) {
  return (
    <header>
      <h1>{fiche.nom || "(nom du service)"}</h1>
      <p className="structure">
        Proposé par <a href={fiche.structure.href}>{fiche.structure.nom || "(structure)"}</a>
        {fiche.type && <> · {fiche.type}</>}
      </p>
      <Avis avis={fiche.avis} />
      <p className="chapeau">
        <TexteTelephones texte={fiche.resume} />
      </p>
      <p className="maj">
        {MENTION_VERIFICATION} <time dateTime={fiche.miseAJour.date}>{fiche.miseAJour.le}</time>
        {fiche.miseAJour.explication && (
          <>
            {" "}
            <span className="etiquette etiquette--alerte">{ETIQUETTE_A_VERIFIER}</span> <span className="explication-verifier">— {fiche.miseAJour.explication}</span>
          </>
        )}
      </p>
    </header>
  );
}
