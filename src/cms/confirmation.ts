/**
 * Decap widget « confirmation » for `date_maj`: says when the listing was last saved or confirmed and
 * whether the public sees it « à vérifier », and lets a partner confirm an unchanged listing in one
 * click (« Je confirme que ces informations sont à jour »). Decap keeps « Enregistrer » grey while
 * nothing changed: the button sets the day, which makes the entry a change, then saves it as any
 * change is saved (a draft the Département reviews). `.ts` with createElement: see admin.ts.
 */
import { createElement, useEffect, useState } from "react";
import { aujourdhuiAParis, dateEnClair, estJourValide } from "../domain/dates";
import { BOUTON_CONFIRMATION, EXPLICATION_A_VERIFIER, estAVerifier } from "../domain/freshness";
import { PHRASES_FRANCAISES } from "./francais";
import { AvertissementDroits } from "./avertissement-droits";

interface Proprietes {
  value?: unknown;
  forID?: string;
  onChange: (valeur: string) => void;
  entry?: Parameters<typeof AvertissementDroits>[0]["entry"];
  collection?: Parameters<typeof AvertissementDroits>[0]["collection"];
}

/** Decap's own save button in the editor's toolbar, found by its label. */
function boutonEnregistrer(): HTMLButtonElement | undefined {
  return [...document.querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent?.trim() === PHRASES_FRANCAISES.editor.editorToolbar.save);
}

const styleBoite = { padding: "12px 16px", marginTop: "-1px", background: "#eff0f4", color: "#313d3e", borderRadius: "0 5px 5px 5px" };
const styleBouton = {
  marginTop: "8px",
  padding: "8px 14px",
  border: "2px solid #0b6e4f",
  borderRadius: "5px",
  background: "#fff",
  color: "#0b6e4f",
  fontWeight: 600,
  cursor: "pointer",
};

export function ControleConfirmation({ value, forID, onChange, entry, collection }: Proprietes) {
  const avertissement = createElement(AvertissementDroits, { entry, collection });
  const jour = typeof value === "string" && estJourValide(value) ? value : undefined;
  const aujourdhui = aujourdhuiAParis();
  const [demande, setDemande] = useState(false);

  // Once the day is in the entry, Decap enables its save button: press it for the partner.
  useEffect(() => {
    if (!demande || jour !== aujourdhui) return;
    const bouton = boutonEnregistrer();
    if (bouton && !bouton.disabled) bouton.click();
    setDemande(false);
  }, [demande, jour, aujourdhui]);

  if (!jour) {
    return createElement("output", { id: forID, style: { ...styleBoite, display: "block" } }, avertissement, "Nouvelle fiche : elle sera datée du jour de son enregistrement.");
  }
  const etat = estAVerifier(jour, aujourdhui)
    ? `Le site la montre « à vérifier » (${EXPLICATION_A_VERIFIER}).`
    : "Le site la montre à jour.";
  return createElement(
    "div",
    // The id on the group, not the button: Decap's <label for> would otherwise rename the button.
    { id: forID, style: styleBoite, role: "group", "aria-labelledby": `${forID}-etat` },
    avertissement,
    createElement("p", { id: `${forID}-etat`, style: { margin: 0 } }, `Informations vérifiées le ${dateEnClair(jour)}. ${etat}`),
    jour === aujourdhui
      ? createElement("p", { style: { margin: "8px 0 0", fontWeight: 600 } }, "Confirmées aujourd'hui.")
      : createElement(
          "button",
          {
            type: "button",
            style: styleBouton,
            onClick: () => {
              onChange(aujourdhui);
              setDemande(true);
            },
          },
          BOUTON_CONFIRMATION,
        ),
  );
}

export function ApercuConfirmation({ value }: Proprietes) {
  return createElement("span", null, typeof value === "string" && estJourValide(value) ? dateEnClair(value) : "");
}
