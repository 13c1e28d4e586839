/**
 * Decap widget « horaires » for `horaires_accueil`: rows of days and time ranges (every week or « le 2e et le
 * 4e jeudi du mois »), a season, « fermé les jours fériés », dated closures, written in the standard syntax
 * (src/domain/horaires/saisie.ts); the French reading the public page will show, live (the page's own
 * component and domain modules); the validator's message with « Appliquer » for its suggested fix; and a
 * « Mode expert » text box for any value the form cannot hold. The value is the original string until the
 * partner edits: a listing opened and saved untouched keeps its hours byte for byte.
 *
 * A class, not a function: Decap reads `isValid` on the control's ref (Widget.processInnerControlRef) once,
 * and calls it on save; the method reads the current props. `.ts` with createElement: see admin.ts.
 */
import { Component, createElement as h, type ReactNode } from "react";
import Horaires from "../components/fiche/Horaires";
import { aujourdhuiAParis } from "../domain/dates";
import { lireHoraires, verifierHoraires } from "../domain/horaires";
import type { HorairesFiche } from "../domain/horaires/fiche";
import { JOURS, MOIS } from "../domain/horaires/mots";
import {
  avecDebut,
  avecFin,
  hhmm,
  problemesDeSaisie,
  RANGS,
  regleVide,
  saisieVide,
  valeurDepuisSaisie,
  type PlageSaisie,
  type RegleSaisie,
  type Saisie,
} from "../domain/horaires/saisie";
import { saisieDepuisValeur } from "../domain/horaires/saisie-lecture";
import { PARTIE_FERMETURES } from "../domain/cms/champs";

interface Proprietes {
  value?: unknown;
  forID?: string;
  onChange: (valeur: string) => void;
  classNameWrapper?: string;
  setActiveStyle?: () => void;
  setInactiveStyle?: () => void;
}

interface Etat {
  expert: boolean;
  saisie: Saisie;
  /** The value the form was last read from or wrote: a value coming from elsewhere (« Appliquer ») is read again. */
  valeurDuFormulaire: string;
}

const NOMS_RANGS: Record<number, string> = { 1: "1er", 2: "2e", 3: "3e", 4: "4e", [-1]: "dernier" };
const majuscule = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

function enTexte(valeur: unknown): string {
  return typeof valeur === "string" ? valeur : valeur === undefined || valeur === null ? "" : String(valeur);
}

/** What is wrong with a value, in French, or undefined. Shared by the message on screen and `isValid`. */
export function erreurHoraires(valeur: string, saisie?: Saisie): string | undefined {
  if (saisie) {
    const problemes = problemesDeSaisie(saisie);
    if (problemes.length > 0) return problemes.join(" ");
  }
  if (valeur.trim() === "") return undefined; // an empty field: the page says « horaires non renseignés »
  const v = verifierHoraires(valeur);
  return v.ok ? undefined : v.message;
}

/** « 09:30 » from minutes, for a time input (midnight at the end of a range shows as 00:00). */
function versChamp(minutes: number): string {
  return hhmm(minutes === 1440 ? 0 : minutes);
}

function depuisChamp(texte: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(texte);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

const S = {
  bloc: { display: "grid", gap: "12px", padding: "12px 16px", background: "#fff", border: "2px solid #dfdfe3", borderRadius: "0 5px 5px 5px", marginTop: "-2px", maxWidth: "100%", boxSizing: "border-box" },
  ligne: { border: "1px solid #cdcfd6", borderRadius: "5px", padding: "8px 12px", margin: 0, display: "grid", gap: "8px", minWidth: 0 },
  rangee: { display: "flex", flexWrap: "wrap", gap: "6px 14px", alignItems: "center" },
  legende: { fontWeight: 600, padding: "0 4px" },
  sansCadre: { border: 0, padding: 0, margin: 0, minWidth: 0 },
  champ: { font: "inherit", padding: "4px 6px", border: "1px solid #8a8d98", borderRadius: "4px", maxWidth: "100%", minWidth: 0, boxSizing: "border-box" },
  texteLibre: { width: "100%" },
  bouton: { font: "inherit", padding: "4px 10px", border: "1px solid #3a69c7", borderRadius: "4px", background: "#fff", color: "#1f4ea3", cursor: "pointer" },
  erreur: { color: "#a3161a", background: "#fdeeee", padding: "8px 12px", borderRadius: "4px", margin: 0 },
  apercu: { background: "#f4f5f8", padding: "8px 12px", borderRadius: "4px" },
} as const;

export class ControleHoraires extends Component<Proprietes, Etat> {
  constructor(props: Proprietes) {
    super(props);
    const valeur = enTexte(props.value);
    const saisie = saisieDepuisValeur(valeur, aujourdhuiAParis());
    this.state = { expert: saisie === undefined, saisie: saisie ?? saisieVide(), valeurDuFormulaire: valeur };
  }

  /**
   * Called by Decap on save: a plain French error stops an invalid value (« jeudi 9h-12h ») from being saved.
   * An arrow property: Decap keeps the function and calls it unbound.
   */
  isValid = (): boolean | { error: { type: string; message: string } } => {
    const message = erreurHoraires(enTexte(this.props.value), this.state.expert ? undefined : this.state.saisie);
    return message ? { error: { type: "CUSTOM", message: `Horaires d'accueil : ${message}` } } : true;
  };

  componentDidUpdate(): void {
    // A value set from outside the form (« Appliquer », expert text) is read into the form when it can be.
    const valeur = enTexte(this.props.value);
    if (!this.state.expert && valeur !== this.state.valeurDuFormulaire) {
      const saisie = saisieDepuisValeur(valeur, aujourdhuiAParis());
      if (saisie) this.setState({ saisie, valeurDuFormulaire: valeur });
      else this.setState({ expert: true, valeurDuFormulaire: valeur });
    }
  }

  private modifier(change: (s: Saisie) => void): void {
    const saisie = structuredClone(this.state.saisie);
    change(saisie);
    const valeur = valeurDepuisSaisie(saisie);
    this.setState({ saisie, valeurDuFormulaire: valeur });
    this.props.onChange(valeur);
  }

  private basculer(expert: boolean): void {
    if (expert) {
      this.setState({ expert: true });
      return;
    }
    const valeur = enTexte(this.props.value);
    const saisie = saisieDepuisValeur(valeur, aujourdhuiAParis());
    if (saisie) this.setState({ expert: false, saisie, valeurDuFormulaire: valeur });
  }

  private appliquer(suggestion: string): void {
    const saisie = saisieDepuisValeur(suggestion, aujourdhuiAParis());
    if (saisie) this.setState({ expert: false, saisie, valeurDuFormulaire: suggestion });
    else this.setState({ expert: true, valeurDuFormulaire: suggestion });
    this.props.onChange(suggestion);
  }

  private id(suffixe: string): string {
    return `${this.props.forID ?? "horaires"}-${suffixe}`;
  }

  /** A time input of range `i` of line `k`; `changer` gives the range with the new time (saisie.ts says what midnight does). */
  private champHeure(suffixe: string, minutes: number, changer: (plage: PlageSaisie, m: number) => PlageSaisie, k: number, i: number): ReactNode {
    return h("input", {
      id: this.id(suffixe),
      type: "time",
      style: S.champ,
      value: versChamp(minutes),
      onChange: (e: { target: { value: string } }) => {
        const m = depuisChamp(e.target.value);
        if (m === undefined) return;
        this.modifier((s) => {
          const plages = s.regles[k]!.plages;
          plages[i] = changer(plages[i]!, m);
        });
      },
    });
  }

  private case(id: string, libelle: string, coche: boolean, changer: (coche: boolean) => void, inactive = false): ReactNode {
    return h(
      "label",
      { key: id, htmlFor: id, style: { display: "inline-flex", gap: "4px", alignItems: "center", cursor: inactive ? "default" : "pointer" } },
      h("input", { id, type: "checkbox", checked: coche, disabled: inactive, onChange: (e: { target: { checked: boolean } }) => changer(e.target.checked) }),
      libelle,
    );
  }

  private regle(r: RegleSaisie, k: number, total: number): ReactNode {
    const n = k + 1;
    const certaines = r.rangs.length > 0;
    return h(
      "fieldset",
      { key: `regle-${k}`, style: S.ligne },
      h("legend", { style: S.legende }, total > 1 ? `Jours et horaires (ligne ${n})` : "Jours et horaires"),
      h(
        "fieldset",
        { style: S.sansCadre },
        h("legend", { style: { marginBottom: "4px" } }, "Jours"),
        h(
          "div",
          { style: S.rangee },
          JOURS.map((nom, j) =>
            this.case(this.id(`l${k}-j${j}`), nom, r.jours.includes(j), (coche) =>
              this.modifier((s) => {
                const jours = new Set(s.regles[k]!.jours);
                if (coche) jours.add(j);
                else jours.delete(j);
                s.regles[k]!.jours = [...jours].sort((a, b) => a - b);
              }),
            ),
          ),
        ),
      ),
      h(
        "div",
        { style: S.rangee },
        h("label", { htmlFor: this.id(`l${k}-frequence`) }, "Fréquence"),
        h(
          "select",
          {
            id: this.id(`l${k}-frequence`),
            style: S.champ,
            value: certaines ? "mois" : "semaine",
            onChange: (e: { target: { value: string } }) =>
              this.modifier((s) => {
                s.regles[k]!.rangs = e.target.value === "mois" ? [1] : [];
              }),
          },
          h("option", { value: "semaine" }, "Chaque semaine"),
          h("option", { value: "mois" }, "Certaines semaines du mois"),
        ),
      ),
      certaines
        ? h(
            "fieldset",
            { style: S.sansCadre },
            h("legend", { style: { marginBottom: "4px" } }, "Quelles semaines du mois ? (une au moins)"),
            h(
              "div",
              { style: S.rangee },
              RANGS.map((rang) =>
                this.case(this.id(`l${k}-r${rang}`), `le ${NOMS_RANGS[rang]}`, r.rangs.includes(rang), (coche) =>
                  this.modifier((s) => {
                    const rangs = new Set(s.regles[k]!.rangs);
                    if (coche) rangs.add(rang);
                    else if (rangs.size > 1) rangs.delete(rang); // « chaque semaine » is the other choice of « Fréquence »
                    s.regles[k]!.rangs = RANGS.filter((x) => rangs.has(x));
                  }),
                ),
              ),
            ),
          )
        : null,
      h(
        "fieldset",
        { style: S.sansCadre },
        h("legend", { style: { marginBottom: "4px" } }, "Horaires"),
        ...r.plages.map((p, i) =>
          h(
            "div",
            { key: `p${i}`, style: { ...S.rangee, marginBottom: "6px" } },
            h("label", { htmlFor: this.id(`l${k}-p${i}-de`) }, r.plages.length > 1 ? `Plage ${i + 1} : de` : "De"),
            this.champHeure(`l${k}-p${i}-de`, p.debut, (plage, m) => avecDebut(plage, m), k, i),
            h("label", { htmlFor: this.id(`l${k}-p${i}-a`) }, "à"),
            this.champHeure(`l${k}-p${i}-a`, p.fin, (plage, m) => avecFin(plage, m), k, i),
            h(
              "button",
              { type: "button", style: S.bouton, onClick: () => this.modifier((s) => void s.regles[k]!.plages.splice(i, 1)) },
              r.plages.length > 1 ? `Retirer la plage ${i + 1}` : "Retirer cette plage",
            ),
          ),
        ),
        h(
          "button",
          {
            type: "button",
            style: S.bouton,
            onClick: () =>
              this.modifier((s) => {
                const derniere = s.regles[k]!.plages.at(-1);
                const debut = derniere ? Math.min((derniere.fin % 1440) + 60, 22 * 60) : 14 * 60;
                s.regles[k]!.plages.push({ debut, fin: debut + 60 });
              }),
          },
          "Ajouter une plage horaire",
        ),
      ),
      h(
        "div",
        { style: S.rangee },
        h("label", { htmlFor: this.id(`l${k}-precision`) }, "Précision (facultatif, ex. : sur rendez-vous)"),
        h("input", {
          id: this.id(`l${k}-precision`),
          type: "text",
          style: { ...S.champ, ...S.texteLibre },
          value: r.commentaire,
          onChange: (e: { target: { value: string } }) => this.modifier((s) => void (s.regles[k]!.commentaire = e.target.value)),
        }),
      ),
      h(
        "div",
        null,
        h("button", { type: "button", style: S.bouton, onClick: () => this.modifier((s) => void s.regles.splice(k, 1)) }, total > 1 ? `Supprimer la ligne ${n}` : "Supprimer cette ligne"),
      ),
    );
  }

  private formulaire(): ReactNode {
    const s = this.state.saisie;
    const moisOptions = MOIS.map((m, i) => h("option", { key: m, value: String(i) }, majuscule(m)));
    return h(
      "div",
      { style: { display: "grid", gap: "12px" } },
      h(
        "div",
        { style: S.rangee },
        h("label", { htmlFor: this.props.forID }, "Période"),
        h(
          "select",
          {
            id: this.props.forID,
            style: S.champ,
            value: s.saison ? "saison" : "annee",
            onChange: (e: { target: { value: string } }) =>
              this.modifier((x) => {
                x.saison = e.target.value === "saison" ? { de: 2, a: 9 } : null;
              }),
          },
          h("option", { value: "annee" }, "Toute l'année"),
          h("option", { value: "saison" }, "Une partie de l'année seulement"),
        ),
        s.saison
          ? [
              h("label", { key: "de-l", htmlFor: this.id("saison-de") }, "de"),
              h("select", { key: "de", id: this.id("saison-de"), style: S.champ, value: String(s.saison.de), onChange: (e: { target: { value: string } }) => this.modifier((x) => void (x.saison!.de = Number(e.target.value))) }, moisOptions),
              h("label", { key: "a-l", htmlFor: this.id("saison-a") }, "à"),
              h("select", { key: "a", id: this.id("saison-a"), style: S.champ, value: String(s.saison.a), onChange: (e: { target: { value: string } }) => this.modifier((x) => void (x.saison!.a = Number(e.target.value))) }, moisOptions),
            ]
          : null,
      ),
      ...s.regles.map((r, k) => this.regle(r, k, s.regles.length)),
      h("div", null, h("button", { type: "button", style: S.bouton, onClick: () => this.modifier((x) => void x.regles.push(regleVide())) }, "Ajouter des jours d'ouverture")),
      h("div", null, this.case(this.id("feries"), "Fermé les jours fériés", s.feriesFermes, (coche) => this.modifier((x) => void (x.feriesFermes = coche)))),
      h(
        "fieldset",
        { style: S.ligne },
        h("legend", { style: S.legende }, `${PARTIE_FERMETURES} (congés, travaux…)`),
        // Said where it is typed: the message is public, and the notice leaves the site by itself.
        h("p", { style: { margin: 0 } }, "Annoncées en tête de la page du service et sur les résultats (« Fermé du … au … : votre message ») jusqu'au dernier jour, puis retirées du site d'elles-mêmes."),
        ...s.fermetures.map((f, k) =>
          h(
            "div",
            { key: `f${k}`, style: S.rangee },
            h("label", { htmlFor: this.id(`f${k}-du`) }, s.fermetures.length > 1 ? `Fermeture ${k + 1} : du` : "Du"),
            h("input", { id: this.id(`f${k}-du`), type: "date", style: S.champ, value: f.du, onChange: (e: { target: { value: string } }) => this.modifier((x) => { x.fermetures[k]!.du = e.target.value; if (x.fermetures[k]!.au < e.target.value) x.fermetures[k]!.au = e.target.value; }) }),
            h("label", { htmlFor: this.id(`f${k}-au`) }, "au (inclus)"),
            h("input", { id: this.id(`f${k}-au`), type: "date", style: S.champ, value: f.au, onChange: (e: { target: { value: string } }) => this.modifier((x) => void (x.fermetures[k]!.au = e.target.value)) }),
            h("label", { htmlFor: this.id(`f${k}-message`) }, "Message affiché au public (facultatif)"),
            h("input", { id: this.id(`f${k}-message`), type: "text", style: { ...S.champ, ...S.texteLibre }, value: f.message, onChange: (e: { target: { value: string } }) => this.modifier((x) => void (x.fermetures[k]!.message = e.target.value)) }),
            h("button", { type: "button", style: S.bouton, onClick: () => this.modifier((x) => void x.fermetures.splice(k, 1)) }, s.fermetures.length > 1 ? `Supprimer la fermeture ${k + 1}` : "Supprimer cette fermeture"),
          ),
        ),
        h(
          "div",
          null,
          h(
            "button",
            {
              type: "button",
              style: S.bouton,
              onClick: () => this.modifier((x) => void x.fermetures.push({ du: aujourdhuiAParis(), au: aujourdhuiAParis(), message: "" })),
            },
            "Ajouter une fermeture",
          ),
        ),
      ),
    );
  }

  render(): ReactNode {
    const valeur = enTexte(this.props.value);
    const { expert } = this.state;
    const lisible = expert ? saisieDepuisValeur(valeur, aujourdhuiAParis()) !== undefined : true;
    const erreur = erreurHoraires(valeur, expert ? undefined : this.state.saisie);
    const verification = valeur.trim() === "" ? undefined : verifierHoraires(valeur);
    const suggestion = verification && !verification.ok ? verification.suggestion : undefined;
    return h(
      "div",
      { className: this.props.classNameWrapper, style: S.bloc, role: "group", "aria-label": "Horaires d'accueil", onFocus: this.props.setActiveStyle, onBlur: this.props.setInactiveStyle },
      h(
        "div",
        { style: S.rangee },
        this.case(this.id("expert"), "Mode expert (écrire le code OpenStreetMap)", expert, (coche) => this.basculer(coche), expert && !lisible),
        expert && !lisible && valeur.trim() !== ""
          ? h("span", { style: { fontSize: "0.9em" } }, "Ces horaires ne tiennent pas dans le formulaire : ils restent modifiables ici.")
          : null,
      ),
      expert
        ? h(
            "div",
            { style: { display: "grid", gap: "4px" } },
            h("label", { htmlFor: this.props.forID }, "Code des horaires (format OpenStreetMap, ex. : Mo-Fr 09:00-12:00,14:00-17:00; Th[2,4] 09:30-12:30)"),
            h("input", {
              id: this.props.forID,
              type: "text",
              spellCheck: false,
              style: { ...S.champ, fontFamily: "monospace", width: "100%", boxSizing: "border-box" },
              value: valeur,
              "aria-describedby": erreur ? this.id("erreur") : undefined,
              onChange: (e: { target: { value: string } }) => this.props.onChange(e.target.value),
            }),
          )
        : this.formulaire(),
      erreur
        ? h(
            "div",
            { id: this.id("erreur"), role: "alert", style: S.erreur },
            h("p", { style: { margin: 0 } }, erreur),
            suggestion
              ? h(
                  "p",
                  { style: { margin: "6px 0 0" } },
                  h("button", { type: "button", style: S.bouton, onClick: () => this.appliquer(suggestion) }, `Appliquer la proposition : ${suggestion}`),
                )
              : null,
          )
        : null,
      h(
        "section",
        { "aria-labelledby": this.id("apercu-titre"), style: S.apercu, "aria-live": "polite" },
        h("h3", { id: this.id("apercu-titre"), style: { margin: "0 0 6px", fontSize: "1em" } }, "Ce que la page affichera"),
        apercu(valeur),
      ),
    );
  }
}

/** The page's own hours block for a value (what a visitor will read), or why there is none yet. */
export function apercu(valeur: string): ReactNode {
  if (valeur.trim() === "") return h("p", { style: { margin: 0 } }, "Horaires non renseignés.");
  if (!verifierHoraires(valeur).ok) return h("p", { style: { margin: 0 } }, "Rien tant que les horaires ne sont pas corrigés : la fiche ne peut pas être publiée ainsi.");
  const lus = lireHoraires(valeur, aujourdhuiAParis());
  if (!lus) return h("p", { style: { margin: 0 } }, "Horaires illisibles.");
  const horaires: HorairesFiche = { renseignes: true, deLaStructure: false, ...lus };
  return h("div", { className: "horaires-apercu" }, h(Horaires, { horaires }));
}

export function ApercuHoraires({ value }: { value?: unknown }): ReactNode {
  return apercu(enTexte(value));
}
