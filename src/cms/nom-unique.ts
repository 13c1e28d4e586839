/**
 * Decap widget « nom-unique »: the name's text input. For a NEW listing, it looks up the collection's
 * listings with the same address (`slugifier(nom)`, the file's name) through the `query` prop Decap gives
 * widgets (as its relation widget does), and `isValid()` refuses the name with a clear message
 * (src/domain/cms/nom-pris.ts) instead of Decap's silent `-1` address. An existing listing keeps its name's
 * address whatever its name becomes: it is not checked. `.ts` with createElement: see admin.ts.
 */
import { Component, createElement } from "react";
import { messageNomPris, type FicheExistante } from "../domain/cms/nom-pris";
import type { Collection } from "../domain/cms/champs";
import { slugifier } from "../domain/text";

interface Lisible {
  get(cle: string): unknown;
}

/** An entry as Decap's `query` hands it: its slug and its values (as read by format.ts). */
interface Resultat {
  slug: string;
  data?: Record<string, unknown>;
}

interface Proprietes {
  value?: unknown;
  forID: string;
  classNameWrapper: string;
  onChange(valeur: string): void;
  setActiveStyle(): void;
  setInactiveStyle(): void;
  collection: Lisible;
  getEntry?: () => Lisible | undefined;
  entry?: Lisible;
  query(espace: string, collection: string, champs: string[], terme: string, fichier?: string, limite?: number): Promise<{ payload?: { hits?: Resultat[] } }>;
  /** Decap's validation of this field (shows or clears its errors). */
  validate(): void;
}

type Validite = true | { error: { type: "CUSTOM"; message: string } } | Promise<void>;

const ATTENTE_SAISIE_MS = 400;

export class ControleNom extends Component<Proprietes> {
  /** The last address checked, and its message if taken. */
  private verifie?: { slug: string; message?: string };
  private minuteur?: ReturnType<typeof setTimeout>;
  private champ: HTMLInputElement | null = null;
  private curseur = 0;

  componentDidMount(): void {
    if (this.estNouvelle() && this.texte() !== "") void this.verifierPuisMontrer();
  }

  componentDidUpdate(): void {
    // Keeps the caret where it was when Decap re-renders the input (as Decap's string widget does).
    if (this.champ && this.champ.selectionStart !== this.curseur) this.champ.setSelectionRange(this.curseur, this.curseur);
  }

  componentWillUnmount(): void {
    clearTimeout(this.minuteur);
  }

  private texte(): string {
    return typeof this.props.value === "string" ? this.props.value : "";
  }

  private estNouvelle(): boolean {
    const entree = this.props.getEntry?.() ?? this.props.entry;
    return entree?.get("newRecord") === true;
  }

  private async chercher(collection: string, slug: string): Promise<Resultat[]> {
    const reponse = await this.props.query(this.props.forID, collection, ["slug"], slug);
    return (reponse?.payload?.hits ?? []).filter((r) => r.slug === slug);
  }

  /** Looks the name's address up; a failed look-up lets the name through (the validator has the last word). */
  private async verifier(nom: string): Promise<void> {
    const collection = String(this.props.collection.get("name")) as Collection;
    const slug = slugifier(nom);
    let message: string | undefined;
    try {
      const existantes: FicheExistante[] = [];
      for (const r of slug === "" ? [] : await this.chercher(collection, slug)) {
        const nomExistant = typeof r.data?.nom === "string" ? r.data.nom : r.slug;
        const slugStructure = r.data?.structure;
        let structure: string | undefined;
        if (collection === "services" && typeof slugStructure === "string" && slugStructure !== "") {
          const s = (await this.chercher("structures", slugStructure))[0];
          structure = typeof s?.data?.nom === "string" ? s.data.nom : slugStructure;
        }
        existantes.push({ slug: r.slug, nom: nomExistant, structure });
      }
      message = messageNomPris(collection, nom, existantes);
    } catch {
      message = undefined;
    }
    if (slugifier(this.texte()) === slug) this.verifie = { slug, message };
  }

  private async verifierPuisMontrer(): Promise<void> {
    const avant = this.verifie?.message;
    await this.verifier(this.texte());
    if (this.verifie?.message !== avant) this.props.validate();
  }

  /** Called by Decap before saving (and by verifierPuisMontrer as the partner types). */
  isValid = (): Validite => {
    if (!this.estNouvelle()) return true;
    const slug = slugifier(this.texte());
    if (slug === "") return true;
    if (this.verifie?.slug === slug) return this.verifie.message ? { error: { type: "CUSTOM", message: this.verifie.message } } : true;
    // Not checked yet: Decap holds the save (« en cours de traitement ») until the look-up answers,
    // then this field is validated again with the answer.
    return this.verifier(this.texte()).then(() => void setTimeout(() => this.props.validate(), 0));
  };

  private changer = (e: { target: HTMLInputElement }) => {
    this.curseur = e.target.selectionStart ?? 0;
    this.props.onChange(e.target.value);
    if (!this.estNouvelle()) return;
    clearTimeout(this.minuteur);
    this.minuteur = setTimeout(() => void this.verifierPuisMontrer(), ATTENTE_SAISIE_MS);
  };

  render() {
    return createElement("input", {
      ref: (el: HTMLInputElement | null) => {
        this.champ = el;
      },
      type: "text",
      id: this.props.forID,
      className: this.props.classNameWrapper,
      value: this.texte(),
      onChange: this.changer,
      onFocus: this.props.setActiveStyle,
      onBlur: this.props.setInactiveStyle,
    });
  }
}

export function ApercuNom({ value }: { value?: unknown }) {
  return createElement("span", null, typeof value === "string" ? value : "");
}
