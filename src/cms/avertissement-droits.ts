/**
 * When a partner opens another organisation's listing: a bar at the bottom of the screen says whose it
 * is and that a change would be refused at review (`npm run verifier-droits`), before any typing.
 * Rendered by a widget every listing has (confirmation.ts), in a portal: Decap's form has no header of ours.
 */
import { createElement } from "react";
import { createPortal } from "react-dom";
import { compteConnecte, donneesEspace } from "./compte";
import { parlePour } from "../domain/droits/acces";

interface ImmutableLike {
  get(cle: string): unknown;
  getIn(chemin: string[]): unknown;
}

/** The structure a listing belongs to: a service's `structure`, a structure's own slug. */
function structureDeLaFiche(entry: ImmutableLike, collection: string): string | undefined {
  const valeur = collection === "services" ? entry.getIn(["data", "structure"]) : entry.get("slug");
  return typeof valeur === "string" && valeur !== "" ? valeur : undefined;
}

export function AvertissementDroits({ entry, collection }: { entry?: ImmutableLike; collection?: ImmutableLike }) {
  const compte = compteConnecte();
  const nomCollection = String(collection?.get("name") ?? "");
  const structure = entry && !entry.get("newRecord") ? structureDeLaFiche(entry, nomCollection) : undefined;
  const { comptes, nomsDesStructures, contact } = donneesEspace();
  if (!compte || !structure || parlePour(comptes, compte, structure)) return null;
  const nom = nomsDesStructures[structure] ?? structure;
  return createPortal(
    createElement(
      "div",
      {
        role: "status",
        style: {
          position: "fixed",
          left: 0,
          right: 0,
          bottom: 0,
          zIndex: 1000,
          padding: "12px 20px",
          background: "#fff4e5",
          color: "#5c3200",
          borderTop: "3px solid #b35900",
          font: "16px/1.4 system-ui, sans-serif",
        },
      },
      `Cette fiche est celle de « ${nom} », pour laquelle votre compte ne parle pas : une modification serait refusée à la relecture. ` +
        `Une erreur à signaler ? Écrivez à la structure ou au Département (${contact}).`,
    ),
    document.body,
  );
}
