/**
 * CMS previews. The service preview renders the service page's body (FicheServiceCorps) from the form's
 * values through the same view model as the static page (`ficheService`), so the two cannot drift.
 *
 * `.ts` with createElement, not `.tsx`: see src/cms/admin.ts.
 */
import { createElement as h, type ReactNode } from "react";
import type { PreviewTemplateComponentProps } from "decap-cms-core";
import FicheServiceCorps from "../components/fiche/FicheServiceCorps";
import { construireService, construireStructure, type Service, type Structure } from "../domain/catalogue";
import { aujourdhuiAParis, dateEnClair, estJourValide } from "../domain/dates";
import { ficheService } from "../domain/fiche-service";
import { aplatirFormulaire } from "../domain/cms/format";
import { horairesDeLaStructure } from "../domain/horaires/fiche";
import Horaires from "../components/fiche/Horaires";
import { erreurHoraires } from "./horaires";
import { markdownEnHtml } from "../domain/markdown";
import type { ServiceFrontmatter, StructureFrontmatter } from "../domain/schema";
import { lienTelephone, telephoneEnClair } from "../domain/telephone";
import { urls } from "../lib/urls";
import { MENTION_VERIFICATION } from "../domain/freshness";
import EnTeteService from "../components/fiche/EnTeteService";
import { siteConfig } from "../../site.config";

type Donnees = Record<string, unknown>;

/** What Decap hands a preview: Immutable.js values (Map, List) with `toJS()`. */
interface Immuable {
  get(cle: string): unknown;
  toJS(): unknown;
}

function estImmuable(v: unknown): v is Immuable {
  return typeof v === "object" && v !== null && typeof (v as Immuable).toJS === "function";
}

/** The form's values as the file has them (the folded technical block's fields at the top level). */
function enObjet(v: unknown): Donnees {
  const js = estImmuable(v) ? v.toJS() : v;
  return js && typeof js === "object" && !Array.isArray(js) ? aplatirFormulaire(js as Donnees) : {};
}

function texte(d: Donnees, cle: string): string | undefined {
  const v = d[cle];
  if (typeof v === "number") return String(v);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

function liste(d: Donnees, cle: string): string[] {
  const v = d[cle];
  if (!Array.isArray(v)) return typeof v === "string" && v.trim() ? [v.trim()] : [];
  return v.map((x) => String(x).trim()).filter(Boolean);
}

function nombre(d: Donnees, cle: string): number | undefined {
  const v = d[cle];
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v.replace(",", ".")) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** The notices as the form holds them, those being typed included (the schema checks them on save). */
function avis(d: Donnees): { du?: string; au: string; message: string }[] {
  const v = d.avis;
  if (!Array.isArray(v)) return [];
  return v.flatMap((a: Donnees) => {
    const au = a && typeof a === "object" ? texte(a, "au") : undefined;
    if (!au || !estJourValide(au)) return [];
    const du = texte(a, "du");
    return [{ ...(du && estJourValide(du) ? { du } : {}), au, message: texte(a, "message") ?? "" }];
  });
}

function sansVides(d: Donnees): Donnees {
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

const CHAMPS_TEXTE_ADRESSE = ["adresse", "complement_adresse", "code_postal", "commune", "code_insee"] as const;

function adresse(d: Donnees): Donnees {
  const a: Donnees = {};
  for (const c of CHAMPS_TEXTE_ADRESSE) a[c] = texte(d, c);
  a.latitude = nombre(d, "latitude");
  a.longitude = nombre(d, "longitude");
  return a;
}

function dateMaj(d: Donnees): string {
  const jour = texte(d, "date_maj");
  return jour && estJourValide(jour) ? jour : aujourdhuiAParis();
}

/**
 * A structure from form values (the structure preview, or a service's structure as the relation
 * widget hands it over): lenient, since a form being filled in is not valid yet.
 */
export function structureDepuisFormulaire(valeurs: Donnees, slug: string): Structure {
  const donnees = sansVides({
    nom: texte(valeurs, "nom") ?? "",
    siret: texte(valeurs, "siret"),
    ...adresse(valeurs),
    telephone: texte(valeurs, "telephone"),
    courriel: texte(valeurs, "courriel"),
    site_web: texte(valeurs, "site_web"),
    horaires_accueil: texte(valeurs, "horaires_accueil"),
    accessibilite_lieu: texte(valeurs, "accessibilite_lieu"),
    reseaux_porteurs: liste(valeurs, "reseaux_porteurs"),
    date_maj: dateMaj(valeurs),
  }) as unknown as StructureFrontmatter;
  return construireStructure({ slug, donnees, corps: texte(valeurs, "body") ?? "" }, siteConfig.source);
}

/**
 * A service from form values, built as the site builds it (`construireService`: summary from the
 * description when empty, the structure's address when the service has none, when the structure is known).
 */
export function serviceDepuisFormulaire(valeurs: Donnees, slug: string, structure: Structure | undefined): Service {
  const donnees = sansVides({
    nom: texte(valeurs, "nom") ?? "",
    structure: texte(valeurs, "structure") ?? "",
    resume: texte(valeurs, "resume"),
    thematiques: liste(valeurs, "thematiques"),
    type: texte(valeurs, "type"),
    publics: liste(valeurs, "publics"),
    publics_precisions: texte(valeurs, "publics_precisions"),
    conditions_acces: texte(valeurs, "conditions_acces"),
    frais: texte(valeurs, "frais"),
    frais_precisions: texte(valeurs, "frais_precisions"),
    modes_accueil: liste(valeurs, "modes_accueil"),
    ...adresse(valeurs),
    telephone: texte(valeurs, "telephone"),
    courriel: texte(valeurs, "courriel"),
    contact_nom_prenom: texte(valeurs, "contact_nom_prenom"),
    zone_eligibilite: liste(valeurs, "zone_eligibilite"),
    modes_mobilisation: liste(valeurs, "modes_mobilisation"),
    mobilisable_par: liste(valeurs, "mobilisable_par"),
    lien_mobilisation: texte(valeurs, "lien_mobilisation"),
    mobilisation_precisions: texte(valeurs, "mobilisation_precisions"),
    horaires_accueil: texte(valeurs, "horaires_accueil"),
    avis: avis(valeurs),
    volume_horaire_hebdomadaire: nombre(valeurs, "volume_horaire_hebdomadaire"),
    nombre_semaines: nombre(valeurs, "nombre_semaines"),
    date_maj: dateMaj(valeurs),
  });
  // construireService reads these lists unconditionally.
  donnees.thematiques ??= [];
  donnees.modes_accueil ??= [];
  return construireService(
    { slug, donnees: donnees as unknown as ServiceFrontmatter, corps: texte(valeurs, "body") ?? "" },
    structure,
    siteConfig.source,
  );
}

/** The structure chosen in the relation widget, from the metadata it stores (its entry's values). */
function structureChoisie(props: PreviewTemplateComponentProps, slug: string): Structure | undefined {
  const parCollection = enObjet(props.fieldsMetaData?.get("structure"));
  for (const entrees of Object.values(parCollection)) {
    const valeurs = (entrees as Donnees | undefined)?.[slug];
    if (valeurs && typeof valeurs === "object") return structureDepuisFormulaire(valeurs as Donnees, slug);
  }
  return undefined;
}

/**
 * An invalid hours value stops the build, so no page says it: the preview shows the validator's message in
 * its place, not the library's lenient reading (« jeudi 9h-12h » read as « le jeudi 9 h – 12 h »).
 */
function horairesInvalides(valeurs: Donnees): { valeurs: Donnees; message?: string } {
  const v = texte(valeurs, "horaires_accueil");
  const message = v ? erreurHoraires(v) : undefined;
  return message ? { valeurs: { ...valeurs, horaires_accueil: undefined }, message } : { valeurs };
}

const alerteHoraires = (message: string) =>
  h("p", { role: "alert", className: "horaires-a-corriger" }, `Horaires d'accueil à corriger (la fiche ne peut pas être publiée ainsi) : ${message}`);

function erreur(e: unknown): ReactNode {
  return h("p", { role: "alert" }, `Aperçu indisponible : ${e instanceof Error ? e.message : String(e)}`);
}

export function ApercuService(props: PreviewTemplateComponentProps): ReactNode {
  try {
    const { valeurs, message: horairesAcorriger } = horairesInvalides(enObjet(props.entry.get("data")));
    const slugStructure = texte(valeurs, "structure") ?? "";
    const structure = slugStructure ? structureChoisie(props, slugStructure) : undefined;
    const service = serviceDepuisFormulaire(valeurs, String(props.entry.get("slug") ?? ""), structure);
    const lue = ficheService(service, structure, {
      aujourdhui: aujourdhuiAParis(),
      urlStructure: urls.structure,
      urlTheme: urls.theme,
    });
    // Hours to correct: the hours block says so, rather than « non renseignés » or the structure's.
    const fiche = horairesAcorriger
      ? { ...lue, ouEtQuand: { ...lue.ouEtQuand, horaires: { renseignes: false as const, conseil: { avant: "Horaires à corriger (voir le message plus haut).", apres: "" } } } }
      : lue;
    // The page's own head and body components (src/pages/services/[service].astro).
    return h(
      "main",
      { className: "conteneur apercu" },
      h(
        "article",
        null,
        h(EnTeteService, { fiche }),
        horairesAcorriger ? alerteHoraires(horairesAcorriger) : null,
        h(FicheServiceCorps, { fiche }),
      ),
    );
  } catch (e) {
    return erreur(e);
  }
}

export function ApercuStructure(props: PreviewTemplateComponentProps): ReactNode {
  try {
    const { valeurs, message: horairesAcorriger } = horairesInvalides(enObjet(props.entry.get("data")));
    const s = structureDepuisFormulaire(valeurs, String(props.entry.get("slug") ?? ""));
    const lieu = s.lieu;
    const horaires = horairesDeLaStructure(s, aujourdhuiAParis());
    const coordonnees: ReactNode[] = [];
    const ligne = (cle: string, titre: string, valeur: ReactNode) =>
      coordonnees.push(h("dt", { key: `${cle}-t` }, titre), h("dd", { key: `${cle}-d` }, valeur));
    if (lieu && (lieu.adresse || lieu.commune)) {
      const lignes = [lieu.adresse, lieu.complement_adresse, [lieu.code_postal, lieu.commune].filter(Boolean).join(" ")].filter(Boolean);
      ligne("adresse", "Adresse", h("address", { style: { whiteSpace: "pre-line" } }, lignes.join("\n")));
    }
    if (s.telephone) ligne("telephone", "Téléphone", h("a", { href: lienTelephone(s.telephone) }, telephoneEnClair(s.telephone)));
    if (s.courriel) ligne("courriel", "Courriel", h("a", { href: `mailto:${s.courriel}` }, s.courriel));
    if (s.site_web) ligne("site", "Site web", h("a", { href: s.site_web }, s.site_web));
    // The page's own component; a value the build would refuse: the validator's message instead.
    if (horairesAcorriger) ligne("horaires", "Horaires d'accueil", alerteHoraires(horairesAcorriger));
    else ligne("horaires", "Horaires d'accueil", h(Horaires, { horaires }));
    return h(
      "main",
      { className: "conteneur apercu" },
      h("h1", null, s.nom || "(nom de la structure)"),
      h("p", { className: "maj" }, `${MENTION_VERIFICATION} `, h("time", { dateTime: s.date_maj }, dateEnClair(s.date_maj))),
      h(
        "div",
        { className: "fiche" },
        s.presentation
          ? h(
              "section",
              { "aria-labelledby": "presentation" },
              h("h2", { id: "presentation" }, "Présentation"),
              h("div", { className: "description", dangerouslySetInnerHTML: { __html: markdownEnHtml(s.presentation, 3) } }),
            )
          : null,
        h("section", { "aria-labelledby": "coordonnees" }, h("h2", { id: "coordonnees" }, "Coordonnées"), h("dl", null, coordonnees)),
      ),
    );
  } catch (e) {
    return erreur(e);
  }
}
