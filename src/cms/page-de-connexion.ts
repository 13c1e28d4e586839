/**
 * The login page says what this space is and whom to ask for an account: Decap's own shows a logo
 * and a button only. A box of ours (outside Decap's React tree), shown while the login button is.
 */
import { donneesEspace } from "./compte";
import { surveiller } from "./surveiller";

const ID = "connexion-explication";

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
  lien.href = `mailto:${contact}?subject=${encodeURIComponent(`Compte pour l'espace partenaires de ${nomDuSite}`)}`;
  lien.textContent = contact;
  compte.append(lien, " en indiquant votre structure : le Département vous ouvre un compte rattaché à vos fiches.");
  const guide = document.createElement("p");
  const lienGuide = document.createElement("a");
  lienGuide.href = "/contribuer/";
  lienGuide.textContent = "Comment contribuer, pas à pas";
  guide.append(lienGuide);
  guide.style.margin = "0";
  boite.append(titre, quoi, compte, guide);
  return boite;
}

export function expliquerLaConnexion(): void {
  surveiller(() => {
    const connexion = [...document.querySelectorAll("button")].some((b) => /^Se connecter/.test(b.textContent?.trim() ?? ""));
    const boite = document.getElementById(ID);
    if (connexion && !boite) document.body.append(creerExplication());
    else if (!connexion && boite) boite.remove();
  });
}
