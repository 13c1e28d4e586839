/**
 * Decap widget « lecture-seule »: shows an imported listing's origin (data·inclusion source, id, page…)
 * without an input, so a partner cannot break the link a re-import follows. Its value passes through
 * untouched (Decap keeps the entry's data as read). `.ts` with createElement: see admin.ts.
 */
import { createElement } from "react";

interface Proprietes {
  value?: unknown;
  forID?: string;
}

/** Decap hands lists as Immutable.js values. */
function enTexte(valeur: unknown): string {
  const brute = valeur && typeof (valeur as { toJS?: () => unknown }).toJS === "function" ? (valeur as { toJS: () => unknown }).toJS() : valeur;
  if (Array.isArray(brute)) return brute.join(", ");
  return brute === undefined || brute === null ? "" : String(brute);
}

/** Plain text on a grey band, not an input's box: nothing here invites typing. */
export function ControleLectureSeule({ value, forID }: Proprietes) {
  const texte = enTexte(value);
  return createElement(
    "output",
    {
      id: forID,
      style: {
        display: "block",
        overflowWrap: "anywhere",
        padding: "10px 16px",
        marginTop: "-1px",
        background: "#eff0f4",
        color: "#313d3e",
        borderRadius: "0 5px 5px 5px",
      },
    },
    texte === "" ? "— (fiche créée ici, pas importée)" : texte,
  );
}

export function ApercuLectureSeule({ value }: Proprietes) {
  return createElement("span", null, enTexte(value));
}
