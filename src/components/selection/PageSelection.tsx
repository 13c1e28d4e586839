/**
 * /selection/, in the browser only. Two modes:
 * - « Ma sélection » (no `s` parameter): the services kept in this browser, in order, with their key
 *   facts and the distance from the person's commune; reorder, remove, a message for the person, and the
 *   whole selection shared as one link (copy, e-mail, SMS, QR code, print). The sharing comes before the
 *   list: on a phone, the list would push it screens down.
 * - A shared sheet (`?s=…`): read only, the note as plain text, each service in its place (or « Cette
 *   offre n'est plus disponible »), to print or add to one's own selection.
 * The rules (link format, storage, texts) are in src/domain/selection and src/domain/partage; nothing
 * from a URL is ever rendered as HTML (React text only).
 */
import { useEffect, useRef, useState, type ReactNode } from "react";
import { communeParCode, type Commune } from "../../domain/communes";
import { distanceEnClair, distanceKm } from "../../domain/geo";
import type { DessinQr } from "../../domain/partage/qr";
import { courrielDeSelection, smsDeSelection } from "../../domain/partage/textes";
import type { FicheCourte } from "../../domain/selection/fiche-courte";
import { LIBELLE_NOTE, LONGUEUR_MAX_NOTE, lienDeSelection, lienLisible, lireSelectionPartagee, type SelectionPartagee } from "../../domain/selection/lien";
import { deplacerService, fusionnerSelections, retirerService, type MaSelection } from "../../domain/selection/selection";
import BoutonCopier from "../partage/BoutonCopier";
import BoutonImprimer from "../partage/BoutonImprimer";
import ComboboxCommune from "../recherche/ComboboxCommune";
import TexteAvecTelephones from "../recherche/TexteAvecTelephones";
import Annonce, { annoncer, type MessageAnnonce } from "./Annonce";
import { lireSelection, modifierSelection, nombreDeServices } from "./magasin";
import { ETIQUETTE_A_VERIFIER, EXPLICATION_A_VERIFIER, MENTION_VERIFICATION } from "../../domain/freshness";
import { useMaSelection } from "./useMaSelection";

const INDISPONIBLE = "Cette offre n'est plus disponible";

type EtatFiche = { etat: "chargement" } | { etat: "ok"; fiche: FicheCourte } | { etat: "absente" } | { etat: "erreur" };

const cacheFiches = new Map<string, Promise<EtatFiche>>();

/** One service's short sheet, /selection/fiches/<code>.json: absent (404) when the service has gone. */
function chargerFiche(code: string): Promise<EtatFiche> {
  let promesse = cacheFiches.get(code);
  if (!promesse) {
    promesse = fetch(`/selection/fiches/${encodeURIComponent(code)}.json`)
      .then(async (r): Promise<EtatFiche> => {
        if (r.status === 404 || r.status === 410) return { etat: "absente" };
        if (!r.ok) return { etat: "erreur" };
        return { etat: "ok", fiche: (await r.json()) as FicheCourte };
      })
      .catch((): EtatFiche => ({ etat: "erreur" }));
    cacheFiches.set(code, promesse);
  }
  return promesse;
}

function useFiches(codes: readonly string[]): ReadonlyMap<string, EtatFiche> {
  const [etats, setEtats] = useState<ReadonlyMap<string, EtatFiche>>(new Map());
  const cle = codes.join(".");
  useEffect(() => {
    let actif = true;
    for (const code of codes) {
      void chargerFiche(code).then((e) => {
        if (actif) setEtats((avant) => (avant.get(code) === e ? avant : new Map(avant).set(code, e)));
      });
    }
    return () => {
      actif = false;
    };
  }, [cle]); // eslint-disable-line react-hooks/exhaustive-deps
  return etats;
}

function fichesChargees(codes: readonly string[], etats: ReadonlyMap<string, EtatFiche>): FicheCourte[] {
  return codes.flatMap((c) => {
    const e = etats.get(c);
    return e?.etat === "ok" ? [e.fiche] : [];
  });
}

export default function PageSelection({ urlPublique }: { urlPublique: string }) {
  const [partagee] = useState(() =>
    new URLSearchParams(window.location.search).has("s") ? lireSelectionPartagee(window.location.search, window.location.hash) : undefined,
  );
  return partagee ? <FeuillePartagee {...partagee} urlPublique={urlPublique} /> : <MaSelectionPage urlPublique={urlPublique} />;
}

/** Mode 1: the counsellor's own selection. */
function MaSelectionPage({ urlPublique }: { urlPublique: string }) {
  const selection = useMaSelection();
  const etats = useFiches(selection?.codes ?? []);
  const [message, setMessage] = useState<MessageAnnonce | undefined>();
  const [note, setNote] = useState<string | undefined>(undefined);
  const titreListe = useRef<HTMLHeadingElement>(null);
  if (note === undefined && selection) setNote(selection.note ?? "");

  if (!selection) return <p>Chargement de votre sélection…</p>;
  const commune = selection.commune ? communeParCode(selection.commune) : undefined;
  const codes = selection.codes;
  const nomDe = (code: string) => {
    const e = etats.get(code);
    return e?.etat === "ok" ? e.fiche.nom : e?.etat === "absente" ? "Offre plus disponible" : "Service";
  };
  const dire = (texte: string) => setMessage((m) => annoncer(m, texte));

  function deplacer(code: string, sens: -1 | 1) {
    const apres = modifierSelection((s) => deplacerService(s, code, sens));
    const position = apres.codes.indexOf(code);
    dire(`« ${nomDe(code)} » déplacé en position ${position + 1} sur ${apres.codes.length}.`);
    // Keep the focus on the moved service: its same button, else the other one at an end of the list.
    requestAnimationFrame(() => {
      const meme = document.getElementById(`${sens < 0 ? "monter" : "descendre"}-${code}`) as HTMLButtonElement | null;
      const autre = document.getElementById(`${sens < 0 ? "descendre" : "monter"}-${code}`) as HTMLButtonElement | null;
      (meme && !meme.disabled ? meme : autre)?.focus();
    });
  }

  function retirer(code: string) {
    const nom = nomDe(code);
    const apres = modifierSelection((s) => retirerService(s, code));
    dire(`« ${nom} » retiré de votre sélection (${nombreDeServices(apres.codes.length)}).`);
    // Once rendered: the list's heading (or « Votre sélection est vide »), where the keyboard goes on from.
    requestAnimationFrame(() => titreListe.current?.focus());
  }

  function changerCommune(c: Commune | undefined) {
    modifierSelection((s) => ({ ...s, commune: c?.code }));
    dire(c ? `Distances calculées depuis ${c.nom}.` : "Commune effacée : les distances ne sont plus affichées.");
  }

  function changerNote(texte: string) {
    const coupee = texte.slice(0, LONGUEUR_MAX_NOTE);
    setNote(coupee);
    modifierSelection((s) => ({ ...s, note: coupee.trim() ? coupee : undefined }));
  }

  const partage: SelectionPartagee = { codes, commune: selection.commune, note: note?.trim() ? note : undefined };

  return (
    <>
      <h1>Ma sélection</h1>
      <p className="chapeau sans-impression">
        Les services que vous avez choisis, gardés dans ce navigateur seulement. Partagez-les en un seul lien : QR code, e-mail, SMS ou
        impression.
      </p>
      <Annonce message={message} />
      {codes.length === 0 ? (
        <div className="encadre">
          <h2 ref={titreListe} tabIndex={-1} className="titre-liste">
            Votre sélection est vide
          </h2>
          <p>
            Ajoutez des services depuis la <a href="/recherche/">recherche</a> ou la page d'un service, avec le bouton « Ajouter à ma
            sélection ».
          </p>
        </div>
      ) : (
        <>
          {partage.note && <NoteAffichee note={partage.note} imprimeeSeulement />}
          <section className="partage" aria-labelledby="titre-partage">
            <h2 id="titre-partage">Partager la sélection</h2>
            <div className="champ champ-note sans-impression">
              <label htmlFor="note-selection">{LIBELLE_NOTE} (facultatif)</label>
              <span className="aide" id="note-aide">
                {LONGUEUR_MAX_NOTE} caractères au plus. Il s'affiche en tête de la sélection ouverte par le lien ou le QR code et sur
                l'impression ; l'e-mail et le SMS l'écrivent en toutes lettres. Il n'est jamais envoyé au site, mais n'y mettez rien de
                confidentiel.
              </span>
              <textarea
                id="note-selection"
                rows={3}
                maxLength={LONGUEUR_MAX_NOTE}
                value={note ?? ""}
                aria-describedby="note-aide note-compte"
                onChange={(e) => changerNote(e.target.value)}
              />
              <span className="aide" id="note-compte">
                {(note ?? "").length} / {LONGUEUR_MAX_NOTE} caractères
              </span>
            </div>
            <Partage selection={partage} etats={etats} urlPublique={urlPublique} />
          </section>
          <h2 ref={titreListe} tabIndex={-1} className="titre-liste">
            {`Services choisis (${codes.length})`}
          </h2>
          <div className="selection-commune sans-impression">
            <ComboboxCommune label="Commune de la personne" commune={commune} onChange={changerCommune} />
            <p className="aide">Pour afficher la distance de chaque service depuis cette commune.</p>
          </div>
          {commune && <p className="distances-depuis">Distances depuis {commune.nom}.</p>}
          <ol className="liste-selection">
            {codes.map((code, i) => (
              <li key={code}>
                <FicheSelection etat={etats.get(code)} commune={commune}>
                  <div className="actions-fiche sans-impression">
                    <button type="button" id={`monter-${code}`} className="bouton-secondaire" disabled={i === 0} onClick={() => deplacer(code, -1)}>
                      Monter<span className="visually-hidden"> : {nomDe(code)}</span>
                    </button>
                    <button
                      type="button"
                      id={`descendre-${code}`}
                      className="bouton-secondaire"
                      disabled={i === codes.length - 1}
                      onClick={() => deplacer(code, 1)}
                    >
                      Descendre<span className="visually-hidden"> : {nomDe(code)}</span>
                    </button>
                    <button type="button" className="bouton-secondaire" onClick={() => retirer(code)}>
                      Retirer de ma sélection<span className="visually-hidden"> : {nomDe(code)}</span>
                    </button>
                  </div>
                </FicheSelection>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

/** Mode 2: a shared sheet, read only. */
function FeuillePartagee({ selection, problemes, urlPublique }: { selection: SelectionPartagee; problemes: string[]; urlPublique: string }) {
  const etats = useFiches(selection.codes);
  const [message, setMessage] = useState<MessageAnnonce | undefined>();
  const commune = selection.commune ? communeParCode(selection.commune) : undefined;
  useEffect(() => {
    document.title = document.title.replace(/^Ma sélection/, "Sélection partagée");
  }, []);

  function ajouterTout() {
    // What has gone from the catalogue is not added.
    const disponibles = selection.codes.filter((c) => etats.get(c)?.etat !== "absente");
    const avant = lireSelection().codes.length;
    const apres = modifierSelection((s) => fusionnerSelections(s, { ...selection, codes: disponibles }));
    const ajoutes = apres.codes.length - avant;
    const total = nombreDeServices(apres.codes.length);
    setMessage((m) =>
      annoncer(
        m,
        disponibles.length === 0
          ? "Aucune offre de ce lien n'est encore disponible : rien n'a été ajouté."
          : ajoutes === 0
            ? `Ces services sont déjà dans votre sélection (${total}).`
            : `${nombreDeServices(ajoutes)} ajouté${ajoutes > 1 ? "s" : ""} à votre sélection (${total} en tout).`,
      ),
    );
  }

  return (
    <>
      <h1>Sélection partagée</h1>
      <p className="chapeau">Des services d'insertion choisis pour vous. Vous pouvez imprimer cette page ou l'ajouter à votre sélection.</p>
      {problemes.length > 0 && (
        <div className="erreur" role="alert">
          <p>Ce lien est en partie illisible : il a peut-être été mal copié.</p>
          <ul>
            {problemes.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {selection.note && <NoteAffichee note={selection.note} />}
      {selection.codes.length === 0 ? (
        <p className="encadre">
          Ce lien ne contient aucun service. Cherchez une offre dans la <a href="/recherche/">recherche</a>.
        </p>
      ) : (
        <>
          <h2 className="titre-liste">{`Services (${selection.codes.length})`}</h2>
          {commune && <p className="distances-depuis">Distances depuis {commune.nom}.</p>}
          <ol className="liste-selection">
            {selection.codes.map((code) => (
              <li key={code}>
                <FicheSelection etat={etats.get(code)} commune={commune} />
              </li>
            ))}
          </ol>
          <div className="actions-partage sans-impression">
            <button type="button" className="bouton-principal" onClick={ajouterTout}>
              Ajouter à ma sélection
            </button>
            <BoutonImprimer />
            <a className="bouton-secondaire" href="/selection/">
              Voir ma sélection
            </a>
          </div>
          <Annonce message={message} />
          <section className="partage" aria-labelledby="titre-partage">
            <h2 id="titre-partage">Lien de cette sélection</h2>
            <Partage selection={selection} etats={etats} urlPublique={urlPublique} lectureSeule />
          </section>
        </>
      )}
    </>
  );
}

function NoteAffichee({ note, imprimeeSeulement = false }: { note: string; imprimeeSeulement?: boolean }) {
  return (
    <figure className={`note-partagee${imprimeeSeulement ? " impression-seulement" : ""}`}>
      <figcaption>{LIBELLE_NOTE} :</figcaption>
      <blockquote>
        <p>{note}</p>
      </blockquote>
    </figure>
  );
}

/** The selection's link, shown and drawn as a QR code; copy, e-mail and SMS for the counsellor. */
function Partage({
  selection,
  etats,
  urlPublique,
  lectureSeule = false,
}: {
  selection: SelectionPartagee;
  etats: ReadonlyMap<string, EtatFiche>;
  urlPublique: string;
  lectureSeule?: boolean;
}) {
  const lien = lienDeSelection(selection, urlPublique);
  const fiches = fichesChargees(selection.codes, etats);
  const courriel = courrielDeSelection(fiches, selection, urlPublique);
  const sms = smsDeSelection(fiches, selection, urlPublique);
  return (
    <>
      <p className="lien-partage">
        Lien de la sélection : <a href={lien}>{lienLisible(lien)}</a>
      </p>
      <div className="actions-partage sans-impression">
        <BoutonCopier lien={lien} />
        <a className="bouton-secondaire" href={courriel.href}>
          Envoyer par e-mail
        </a>
        <a className="bouton-secondaire" href={sms.href}>
          Envoyer par SMS
        </a>
        {!lectureSeule && <BoutonImprimer />}
      </div>
      <QrDuLien lien={lien} />
    </>
  );
}

/** The link's QR code, drawn in the browser (the QR library loads only here, after the page). */
function QrDuLien({ lien }: { lien: string }) {
  const [dessin, setDessin] = useState<DessinQr | undefined>();
  const [erreur, setErreur] = useState(false);
  useEffect(() => {
    let actif = true;
    import("../../domain/partage/qr")
      .then((m) => actif && setDessin(m.dessinQr(lien)))
      .catch(() => actif && setErreur(true));
    return () => {
      actif = false;
    };
  }, [lien]);
  return (
    <figure className="qr-partage">
      {dessin ? (
        <svg
          xmlns="http://www.w3.org/2000/svg"
          className="qr"
          viewBox={`0 0 ${dessin.taille} ${dessin.taille}`}
          role="img"
          aria-label={dessin.libelle}
          shapeRendering="crispEdges"
        >
          <title>{dessin.libelle}</title>
          <rect width={dessin.taille} height={dessin.taille} fill="#fff" />
          <path fill="#000" d={dessin.chemin} />
        </svg>
      ) : (
        <p className="qr-attente">{erreur ? "Le QR code n'a pas pu être dessiné : utilisez le lien." : "Préparation du QR code…"}</p>
      )}
      <figcaption>QR code du lien de la sélection : à scanner avec l'appareil photo d'un téléphone.</figcaption>
    </figure>
  );
}

/** One service of a selection: its key facts, or « Cette offre n'est plus disponible » in its place. */
function FicheSelection({ etat, commune, children }: { etat: EtatFiche | undefined; commune: Commune | undefined; children?: ReactNode }) {
  if (!etat || etat.etat === "chargement") {
    return (
      <article className="fiche-selection" aria-busy="true">
        <p>Chargement du service…</p>
        {children}
      </article>
    );
  }
  if (etat.etat !== "ok") {
    return (
      <article className="fiche-selection indisponible">
        <h3>{etat.etat === "absente" ? INDISPONIBLE : "Ce service n'a pas pu être chargé"}</h3>
        <p>
          {etat.etat === "absente"
            ? "Elle a été retirée de l'annuaire. Cherchez une offre proche dans la "
            : "Vérifiez votre connexion et rechargez la page, ou passez par la "}
          <a href="/recherche/">recherche</a>.
        </p>
        {children}
      </article>
    );
  }
  const f = etat.fiche;
  const distance =
    f.enPresentiel && f.position && commune
      ? `${distanceEnClair(distanceKm(commune.centre, f.position))} de ${commune.nom}${f.distanciel ? " (aussi à distance)" : ""}`
      : f.distanciel
        ? "À distance"
        : undefined;
  return (
    <article className="fiche-selection">
      <h3>
        <a href={f.href}>{f.nom}</a>
      </h3>
      <p className="structure">{f.structure}</p>
      {(f.avis ?? []).map((a) => (
        <p key={a} className="avis-carte">
          <TexteAvecTelephones texte={a} />
        </p>
      ))}
      <p className="resume">
        <TexteAvecTelephones texte={f.resume} />
      </p>
      <dl>
        {f.mobilisation.length > 0 && (
          <>
            <dt>Comment le mobiliser</dt>
            <dd>
              {f.mobilisation.map((m) => (
                <p key={m}>
                  <TexteAvecTelephones texte={m} />
                </p>
              ))}
            </dd>
          </>
        )}
        {(f.contact.telephone || f.contact.courriel) && (
          <>
            <dt>Contact</dt>
            <dd>
              {f.contact.telephone && <a href={f.contact.telephone.href}>{f.contact.telephone.libelle}</a>}
              {f.contact.telephone && f.contact.courriel && " · "}
              {f.contact.courriel && <a href={f.contact.courriel.href}>{f.contact.courriel.libelle}</a>}
            </dd>
          </>
        )}
        {f.adresse && f.adresse.length > 0 && (
          <>
            <dt>Adresse</dt>
            <dd>{f.adresse.join(", ")}</dd>
          </>
        )}
        {f.horaires && f.horaires.length > 0 && (
          <>
            <dt>Horaires</dt>
            <dd>
              {f.horaires.map((h) => (
                <span key={h} className="ligne">
                  <TexteAvecTelephones texte={h} />
                </span>
              ))}
            </dd>
          </>
        )}
        {distance && (
          <>
            <dt>Distance</dt>
            <dd className="distance">{distance}</dd>
          </>
        )}
      </dl>
      <p className="maj">
        {MENTION_VERIFICATION} {f.miseAJour}
        {f.aVerifier && (
          <>
            {" "}
            <span className="etiquette etiquette--alerte">{ETIQUETTE_A_VERIFIER}</span> <span className="explication-verifier">— {EXPLICATION_A_VERIFIER}</span>
          </>
        )}
      </p>
      {children}
    </article>
  );
}
