/**
 * The login page says what this space is and whom to ask for an account: Decap's own shows a logo
 * and a button only. A box of ours, placed after the login button while it is shown (Decap's login
 * page does not re-render its children until it goes away, with the box).
 */
import { donneesEspace } from "./compte";
import { surveiller } from "./surveiller";
import { lienCourriel } from "../domain/courriel";

const ID = "connexion-explication";
// Decap's own stylesheet greys links and removes their underline: a link must look like one.
const STYLE_LIEN = "color:#1f4e99;text-decoration:underline";

function creerExplication(): HTMLElement {
  const { nomDuSite, contact } = donneesEspace();
  const boite = document.createElement("section");
  boite.id = ID;
  boite.setAttribute("aria-labelledby", `${ID}-titre`);
  boite.style.cssText =
    "max-width:34rem;margin:1.5rem auto;padding:1rem 1.25rem;background:#fff;color:#1e1e1e;border-radius:6px;" +
    "box-shadow:0 1px 3px rgba(0,0,0,.15);font:16px/1.5 system-ui,sans-serif";
  const titre = document.createElement("h1");
  titre.id = `${ID}-titre`;
  titre.style.cssText = "font-size:1.25rem;margin:0 0 .5rem";
  titre.textContent = `Espace partenaires de ${nomDuSite}`;
  const quoi = document.createElement("p");
  quoi.textContent =
    "Les structures qui proposent un service d'insertion y tiennent leurs fiches à jour : horaires, contacts, conditions. " +
    "Chaque modification est relue par le Département avant d'apparaître sur le site.";
  const compte = document.createElement("p");
  compte.append("Pas encore de compte ? Écrivez à ");
  const lien = document.createElement("a");
  lien.href = lienCourriel({ a: contact, sujet: `Compte pour l'espace partenaires de ${nomDuSite}` });
  lien.textContent = contact;
  lien.style.cssText = STYLE_LIEN;
  compte.append(lien, " en indiquant votre structure : le Département vous ouvre un compte rattaché à vos fiches.");
  const guide = document.createElement("p");
  const lienGuide = document.createElement("a");
  lienGuide.href = "/contribuer/";
  lienGuide.textContent = "Comment contribuer, pas à pas";
  lienGuide.style.cssText = STYLE_LIEN;
  guide.append(lienGuide);
  guide.style.margin = "0";
  boite.append(titre, quoi, compte, guide);
  return boite;
}

export function expliquerLaConnexion(): void {
  surveiller(() => {
    const bouton = [...document.querySelectorAll("button")].find((b) => /^Se connecter/.test(b.textContent?.trim() ?? ""));
    const boite = document.getElementById(ID);
    if (bouton && !boite) bouton.after(creerExplication());
    else if (!bouton && boite) boite.remove();
  });
}
