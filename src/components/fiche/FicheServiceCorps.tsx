/**
 * The body of a service page, from the view model of src/domain/fiche-service.ts. Rendered to static
 * HTML by Astro (no client JavaScript) and by the CMS preview, so that both show one design.
 */
import type { FicheService } from "../../domain/fiche-service";
import Horaires from "./Horaires";
import TexteTelephones from "./TexteTelephones";

function Section({ id, titre, children }: { id: string; titre: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{titre}</h2>
      {children}
    </section>
  );
}

function Liste({ elements }: { elements: string[] }) {
  if (elements.length === 1)
    return (
      <p>
        <TexteTelephones texte={elements[0]!} />
      </p>
    );
  return (
    <ul>
      {elements.map((e) => (
        <li key={e}>
          <TexteTelephones texte={e} />
        </li>
      ))}
    </ul>
  );
}

/**
 * How to get this help, first: call, write, go there (with directions) and when. Each way once on the page;
 * the sections below say for whom and how it works.
 */
function Contact({ fiche }: { fiche: FicheService }) {
  const { contact, ouEtQuand } = fiche;
  return (
    <section aria-labelledby="contact" className="boite-contact">
      <h2 id="contact">Contacter, s'y rendre</h2>
      <dl>
        {contact.telephone && (
          <>
            <dt>Téléphone</dt>
            <dd>
              <a className="bouton-contact" href={contact.telephone.href}>
                Appeler le {contact.telephone.libelle}
              </a>
              {contact.telephone.quoi && <> ({contact.telephone.quoi})</>}
            </dd>
          </>
        )}
        {contact.courriel && (
          <>
            <dt>Courriel</dt>
            <dd>
              <a href={contact.courriel.href}>{contact.courriel.libelle}</a>
            </dd>
          </>
        )}
        {/* The person to ask for, after the ways to reach them: the call link first on a phone's first screen. */}
        {contact.nom && (
          <>
            <dt>Contact</dt>
            <dd>{contact.nom}</dd>
          </>
        )}
        {ouEtQuand.adresse && (
          <>
            <dt>Adresse</dt>
            <dd>
              <address>
                {ouEtQuand.adresse.map((l, i) => (
                  <span key={i}>
                    {l}
                    {i < ouEtQuand.adresse!.length - 1 && <br />}
                  </span>
                ))}
              </address>
              {ouEtQuand.itineraire ? (
                <a href={ouEtQuand.itineraire.href} rel="nofollow noopener">
                  {ouEtQuand.itineraire.libelle}
                </a>
              ) : (
                ouEtQuand.sansItineraire && <p className="note">{ouEtQuand.sansItineraire}</p>
              )}
            </dd>
          </>
        )}
        {ouEtQuand.horaires && (
          <>
            <dt>Horaires d'accueil</dt>
            <dd>
              <Horaires horaires={ouEtQuand.horaires} />
            </dd>
          </>
        )}
      </dl>
      {!contact.telephone && !contact.courriel && !ouEtQuand.adresse && (
        <p>
          Pas de contact direct : voir <a href={fiche.structure.href}>{fiche.structure.nom}</a>.
        </p>
      )}
    </section>
  );
}

/** `children`: what the page shows after the contact box and the needs (« Ajouter à ma sélection »). */
export default function FicheServiceCorps({ fiche, children }: { fiche: FicheService; children?: React.ReactNode }) {
  const { pourQui, ouEtQuand, mobilisation, contact } = fiche;
  return (
    <div className="fiche">
      <Contact fiche={fiche} />
      <ul className="etiquettes" aria-label="Besoins">
        {fiche.thematiques.map((t) => (
          <li key={t.code} className="etiquette">
            {t.libelle}
          </li>
        ))}
      </ul>
      {children}

      <Section id="pour-qui" titre="Pour qui ?">
        <dl>
          <dt>Publics</dt>
          <dd>{pourQui.publics.join(", ")}</dd>
          {pourQui.precisions && (
            <>
              <dt>Précisions</dt>
              <dd>
                <TexteTelephones texte={pourQui.precisions} />
              </dd>
            </>
          )}
          {pourQui.conditions && (
            <>
              <dt>Conditions d'accès</dt>
              <dd>
                <TexteTelephones texte={pourQui.conditions} />
              </dd>
            </>
          )}
        </dl>
      </Section>

      <Section id="ou-et-quand" titre="Où et quand ?">
        <dl>
          <dt>Accueil</dt>
          <dd>{ouEtQuand.modes.join(" et ")}</dd>
          {ouEtQuand.rythme && (
            <>
              <dt>Durée</dt>
              <dd>{ouEtQuand.rythme}</dd>
            </>
          )}
        </dl>
      </Section>

      <Section id="mobiliser" titre="Comment en bénéficier ?">
        {mobilisation.usagers.length > 0 ? (
          <>
            <h3>Vous souhaitez en bénéficier</h3>
            <Liste elements={mobilisation.usagers} />
          </>
        ) : (
          mobilisation.professionnels.length > 0 && (
            <p>
              Ce service est mobilisé par un professionnel de l'insertion : parlez-en à votre conseiller ou à votre référent.
            </p>
          )
        )}
        {mobilisation.professionnels.length > 0 && (
          <>
            <h3>Vous êtes un professionnel de l'insertion</h3>
            <Liste elements={mobilisation.professionnels} />
          </>
        )}
        {mobilisation.professionnels.length === 0 && mobilisation.usagers.length === 0 && (
          <p>Renseignez-vous auprès de la structure (voir le contact en haut de la page).</p>
        )}
        {mobilisation.lien && (
          <p>
            <a href={mobilisation.lien.href} rel="nofollow noopener">
              {mobilisation.lien.libelle}
            </a>
          </p>
        )}
        {mobilisation.precisions && (
          <p>
            <TexteTelephones texte={mobilisation.precisions} />
          </p>
        )}
      </Section>

      <Section id="frais" titre="Frais">
        {fiche.frais ? (
          <p>
            {fiche.frais.libelle}
            {fiche.frais.precisions && (
              <>
                {" "}
                — <TexteTelephones texte={fiche.frais.precisions} />
              </>
            )}
          </p>
        ) : (
          <p>Non précisé : renseignez-vous auprès de la structure.</p>
        )}
      </Section>

      <Section id="zone" titre="Qui peut en bénéficier, où ?">
        <Liste elements={fiche.zone} />
      </Section>

      <Section id="description" titre="Description">
        <div className="description" dangerouslySetInnerHTML={{ __html: fiche.descriptionHtml }} />
      </Section>
    </div>
  );
}
