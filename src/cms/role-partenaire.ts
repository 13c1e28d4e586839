/**
 * What a partner's account sees of the review workflow: « Demander la relecture » and nothing that
 * publishes. Publishing is the Département's (the forge's branch protection enforces it; here a
 * partner is not offered a button that would fail or bypass the review). Decap's workflow has no
 * roles: its « Prête à publier » status, publish and unpublish buttons are hidden for partners.
 */
import { PHRASES_FRANCAISES } from "./francais";
import { cacher, surveiller } from "./surveiller";

export const DEMANDER_LA_RELECTURE = "Demander la relecture";

const barre = PHRASES_FRANCAISES.editor.editorToolbar;
const carte = PHRASES_FRANCAISES.workflow.workflowCard;

/** Button and menu labels only partners must not be offered. */
const INTERDITS = new Set<string>([barre.ready, barre.publishNow, barre.publishAndCreateNew, barre.publishAndDuplicate, barre.unpublish, carte.publishChanges, carte.publishNewEntry]);

export function adapterPourUnPartenaire(): void {
  document.documentElement.dataset.espace = "partenaire";
  surveiller(() => {
    for (const element of document.querySelectorAll<HTMLElement>("button, [role=button], [role=menuitem]")) {
      const texte = element.textContent?.trim() ?? "";
      if (INTERDITS.has(texte)) cacher(element);
      // The publish menu's own button: its menu only publishes.
      else if (element.getAttribute("role") !== "menuitem" && texte === barre.publish) cacher(element);
      // The status menu's review item, worded as the action it is for the partner. Its text node is
      // changed in place (React keeps its node; the label never changes while the menu is open).
      else if (element.getAttribute("role") === "menuitem" && texte === barre.inReview) {
        const noeud = [...element.querySelectorAll("span")].map((s) => s.firstChild).find((n) => n?.nodeValue?.trim() === barre.inReview);
        if (noeud) noeud.nodeValue = DEMANDER_LA_RELECTURE;
      }
    }
  });
}
