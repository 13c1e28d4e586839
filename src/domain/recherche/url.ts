/**
 * The search criteria in the query string, so that a search can be bookmarked, shared and restored:
 * `commune` (INSEE code), `theme` (slug), `besoins`, `q`, `publics`, `types`, `frais`, `modes`
 * (several values comma-separated). Reading never throws: unknown values are dropped.
 */
import { communeParCode } from "../communes";
import { besoinParCode, themeDuCode, themeParSlug, type Valeur } from "../taxonomy";
import { CRITERES_VIDES, GROUPES_FILTRES, VALEURS_DES_GROUPES, type Criteres } from "./requete";

/** Longest `q` kept from a URL. */
export const LONGUEUR_MAX_Q = 200;

const ORDRE = ["commune", "theme", "besoins", "q", "publics", "types", "frais", "modes"] as const;

function valeurs(params: URLSearchParams, nom: string): string[] {
  const vues = new Set<string>();
  for (const brut of params.getAll(nom)) {
    for (const v of brut.split(",")) {
      const propre = v.trim();
      if (propre) vues.add(propre);
    }
  }
  return [...vues];
}

function codesConnus(params: URLSearchParams, nom: string, liste: readonly Valeur[]): string[] {
  const permis = new Set(liste.map((v) => v.value));
  return valeurs(params, nom).filter((v) => permis.has(v));
}

export function lireCriteres(params: URLSearchParams): Criteres {
  const criteres: Criteres = { besoins: [], q: "", publics: [], types: [], frais: [], modes: [] };
  try {
    // A former commune's code (merged commune) leads to today's commune.
    const commune = communeParCode(params.get("commune")?.trim() ?? "");
    if (commune) criteres.commune = commune.code;
    const theme = themeParSlug(params.get("theme")?.trim() ?? "");
    if (theme) criteres.theme = theme.slug;
    // Needs must be known, and belong to the theme when one is chosen.
    criteres.besoins = valeurs(params, "besoins").filter((code) => besoinParCode(code) && (!theme || themeDuCode(code)?.slug === theme.slug));
    criteres.q = (params.get("q") ?? "").replace(/\s+/g, " ").trim().slice(0, LONGUEUR_MAX_Q).trim();
    for (const groupe of GROUPES_FILTRES) criteres[groupe] = codesConnus(params, groupe, VALEURS_DES_GROUPES[groupe]);
  } catch {
    // A malformed query string gives what could be read.
  }
  return criteres;
}

const encoder = (v: string) => encodeURIComponent(v).replace(/%20/g, "+");

/** The query string (without "?"), params in a stable order; "" when nothing is chosen. */
export function ecrireCriteres(c: Criteres): string {
  const morceaux: string[] = [];
  for (const nom of ORDRE) {
    const v = c[nom];
    if (v === undefined) continue;
    if (typeof v === "string") {
      const texte = nom === "q" ? v.trim() : v;
      if (texte) morceaux.push(`${nom}=${encoder(texte)}`);
    } else if (v.length > 0) {
      morceaux.push(`${nom}=${v.map(encoder).join(",")}`);
    }
  }
  return morceaux.join("&");
}

/** The search page's address with these criteria, the others empty (the page needs JavaScript). */
export function urlDeRecherche(criteres: Partial<Criteres>): string {
  const requete = ecrireCriteres({ ...CRITERES_VIDES, ...criteres });
  return `/recherche/${requete ? `?${requete}` : ""}`;
}
