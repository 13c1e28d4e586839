/**
 * The synthetic dump's texts and values: templates filled with a commune, descriptions of a given
 * length (plain, or HTML as some producers send them), phone numbers, SIRETs, dates.
 */
import type { Tirage } from "../../src/domain/aleatoire";
import type { CommuneFrance, Departement } from "./communes-france";
import * as V from "./vocabulaire";

/** "de Niort", "d'Angers", "du Mans", "des Sables-d'Olonne", "de L'Isle-Jourdain". */
export function avec(preposition: "de" | "à", nom: string): string {
  const article = /^(Le|Les) (.*)$/.exec(nom);
  if (article) {
    const [, le, reste] = article;
    if (preposition === "de") return `${le === "Le" ? "du" : "des"} ${reste}`;
    return `${le === "Le" ? "au" : "aux"} ${reste}`;
  }
  if (preposition === "de") return /^[AEIOUYÂÊÎÔÛÉÈ]/.test(nom) ? `d'${nom}` : `de ${nom}`;
  return `à ${nom}`;
}

export interface Contexte {
  commune: CommuneFrance;
  departement: Departement;
  structure?: string;
  nom?: string;
  besoin?: string;
}

export function rendre(gabarit: string, c: Contexte): string {
  return gabarit.replace(/\{(\w+)\}/g, (tout, cle: string) => {
    switch (cle) {
      case "commune":
        return c.commune.nom;
      case "de_commune":
        return avec("de", c.commune.nom);
      case "a_commune":
        return avec("à", c.commune.nom);
      case "departement":
        return c.departement.nom;
      case "du_departement":
        return c.departement.deNom;
      case "structure":
        return c.structure ?? "la structure";
      case "nom":
        return c.nom ?? "Le Relais";
      case "besoin":
        return (c.besoin ?? "accompagnement").replace(/^\p{Lu}(?!\p{Lu})/u, (x) => x.toLowerCase());
      case "Besoin":
        return c.besoin ?? "Accompagnement";
      default:
        return tout;
    }
  });
}

/** A description of about `longueur` characters: paragraphs, now and then a list; in HTML when asked. */
export function description(phrases: readonly string[], longueur: number, html: boolean, c: Contexte, t: Tirage): string {
  const ordre = t.melanger(phrases);
  let k = 0;
  const phrase = () => rendre(ordre[k++ % ordre.length]!, c);
  const blocs: string[] = [];
  let total = 0;
  while (total < longueur) {
    if (blocs.length > 0 && t.proba(0.15)) {
      const elements = t.melanger(V.ELEMENTS_DE_LISTE).slice(0, t.entre(2, 5));
      const intro = t.un(["Il faut apporter :", "Le service propose :", "Au programme :"]);
      const bloc = html
        ? `<p>${intro}</p><ul>${elements.map((e) => `<li>${e}</li>`).join("")}</ul>`
        : `${intro}\n\n${elements.map((e) => `- ${e}`).join("\n")}`;
      blocs.push(bloc);
      total += bloc.length;
      continue;
    }
    const n = t.entre(2, 4);
    const morceaux: string[] = [];
    for (let i = 0; i < n; i++) morceaux.push(phrase());
    let paragraphe = morceaux.join(" ");
    if (html) {
      paragraphe = paragraphe.replace(/'/g, t.proba(0.3) ? "&#39;" : "'").replace(/ :/g, "&nbsp;:");
      if (t.proba(0.2)) paragraphe = paragraphe.replace(/^([^,.]{10,60})/, "<strong>$1</strong>");
      paragraphe = `<p>${paragraphe}</p>`;
    }
    blocs.push(paragraphe);
    total += paragraphe.length;
  }
  const texte = blocs.join(html ? (t.proba(0.5) ? "" : "\n") : "\n\n");
  return texte.length <= 9_900 ? texte : texte.slice(0, 9_899).trimEnd() + "…";
}

/** 120 to 9,500 characters, median ~1,100 (log-normal). */
export function longueurDescription(t: Tirage, mediane: number): number {
  const u1 = Math.max(t.suivant(), 1e-9);
  const u2 = t.suivant();
  const normale = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return Math.min(9_500, Math.max(120, Math.round(mediane * Math.exp(0.75 * normale))));
}

const INDICATIFS: Readonly<Record<string, string>> = {
  "11": "01", "24": "02", "28": "02", "52": "02", "53": "02", "27": "03", "32": "03", "44": "03",
  "84": "04", "93": "04", "94": "04", "75": "05", "76": "05", "01": "0590", "02": "0596", "03": "0594", "04": "0262", "06": "0269",
};

export function telephone(d: Departement, t: Tirage): string {
  const indicatif = INDICATIFS[d.region] ?? "09";
  const chiffres = indicatif + Array.from({ length: 10 - indicatif.length }, () => t.entier(10)).join("");
  const paires = chiffres.match(/../g)!;
  const forme = t.entier(10);
  if (forme < 6) return paires.join(" ");
  if (forme < 8) return chiffres;
  if (forme < 9) return paires.join(".");
  return `+33 ${chiffres[1]} ${paires.slice(1).join(" ").slice(1)}`;
}

/** A SIRET whose Luhn key is right. */
export function siret(t: Tirage): string {
  const chiffres = Array.from({ length: 13 }, () => t.entier(10));
  chiffres[0] = 1 + t.entier(9);
  const somme = (liste: number[]) =>
    liste.reduce((s, c, i) => {
      // Positions from the right: the key is position 0, doubled ones are odd.
      const double = (liste.length - 1 - i) % 2 === 1;
      const v = double ? c * 2 : c;
      return s + (v > 9 ? v - 9 : v);
    }, 0);
  for (let cle = 0; cle < 10; cle++) if (somme([...chiffres, cle]) % 10 === 0) return [...chiffres, cle].join("");
  throw new Error("clé de Luhn introuvable");
}

export const ajouterJours = (jour: string, n: number) => new Date(Date.parse(`${jour}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A day before the dump: half within 6 months, the rest up to 5 years back. */
export function dateMaj(dateDump: string, t: Tirage): string {
  const x = t.suivant();
  const jours = x < 0.55 ? t.entier(180) : x < 0.85 ? 180 + t.entier(550) : 730 + t.entier(1_100);
  return ajouterJours(dateDump, -jours - 1);
}

export function dateInvalide(dateDump: string, t: Tirage): string {
  const x = t.entier(3);
  return x === 0 ? ajouterJours(dateDump, 400 + t.entier(300)) : x === 1 ? "1970-01-01" : "31/12/2024";
}
