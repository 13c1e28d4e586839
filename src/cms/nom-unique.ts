/**
 * Decap widget « nom-unique »: the name's text input. For a NEW listing, it looks up the collection's
 * listings once through the `query` prop Decap gives widgets (as its relation widget does), and
 * `isValid()` refuses a name whose address (`slugifier(nom)`, the file's name) is taken, with a clear message
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

export class ControleNom extends Component<Proprietes> {
  /** The collection's listings, looked up once (a new listing's form only). */
  private existantes?: FicheExistante[];
  private chargement?: Promise<void>;
  /** The message the field shows now, to validate again only when it changes. */
  private montre?: string;
  private champ: HTMLInputElement | null = null;
  private curseur = 0;

  componentDidMount(): void {
    if (this.estNouvelle()) void this.charger().then(() => this.montrer());
  }

  componentDidUpdate(avant: Proprietes): void {
    // Keeps the caret where it was when a typed change comes back as the new value (as Decap's string
    // widget does), and only then: a selection made since (select all, then type) is left alone.
    if (avant.value !== this.props.value && this.champ && this.champ.selectionStart !== this.curseur) {
      this.champ.setSelectionRange(this.curseur, this.curseur);
    }
  }

  private texte(): string {
    return typeof this.props.value === "string" ? this.props.value : "";
  }

  private estNouvelle(): boolean {
    const entree = this.props.getEntry?.() ?? this.props.entry;
    return entree?.get("newRecord") === true;
  }

  private collection(): Collection {
    return String(this.props.collection.get("name")) as Collection;
  }

  /** Every listing of a collection: Decap's search with an empty term (as its relation widget lists options). */
  private async toutes(collection: Collection): Promise<Resultat[]> {
    const reponse = await this.props.query(this.props.forID, collection, ["slug"], "");
    return reponse?.payload?.hits ?? [];
  }

  /** The collection's listings with their names (and a service's structure's name); a failed look-up lets names through. */
  private charger(): Promise<void> {
    this.chargement ??= (async () => {
      try {
        const collection = this.collection();
        const fiches = await this.toutes(collection);
        const nomsStructures = new Map<string, string>();
        if (collection === "services") {
          for (const s of await this.toutes("structures")) if (typeof s.data?.nom === "string") nomsStructures.set(s.slug, s.data.nom);
        }
        this.existantes = fiches.map((r) => {
          const structure = typeof r.data?.structure === "string" ? r.data.structure : undefined;
          return {
            slug: r.slug,
            nom: typeof r.data?.nom === "string" ? r.data.nom : r.slug,
            structure: structure ? (nomsStructures.get(structure) ?? structure) : undefined,
          };
        });
      } catch {
        this.existantes = [];
      }
    })();
    return this.chargement;
  }

  private message(): string | undefined {
    return messageNomPris(this.collection(), this.texte(), this.existantes ?? []);
  }

  /** Shows or clears the message as the partner types (Decap validates this field again). */
  private montrer(): void {
    const message = this.message();
    if (message !== this.montre) {
      this.montre = message;
      this.props.validate();
    }
  }

  /** Called by Decap before saving (and by `montrer`). */
  isValid = (): Validite => {
    if (!this.estNouvelle() || slugifier(this.texte()) === "") return true;
    if (this.existantes) {
      const message = this.message();
      this.montre = message;
      return message ? { error: { type: "CUSTOM", message } } : true;
    }
    // The listings are still loading: Decap holds the save (« Vérification en cours… ») until they are,
    // then this field is validated again.
    return this.charger().then(() => void setTimeout(() => this.props.validate(), 0));
  };

  private changer = (e: { target: HTMLInputElement }) => {
    this.curseur = e.target.selectionStart ?? 0;
    this.props.onChange(e.target.value);
    // After Decap has taken the new value in.
    if (this.estNouvelle() && this.existantes) setTimeout(() => this.montrer(), 0);
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
