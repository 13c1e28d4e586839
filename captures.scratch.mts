import { mkdirSync } from "node:fs";
import { demarrerServeur } from "./tests/e2e/serveur";
import { lancerNavigateur, nouvellePage } from "./tests/e2e/navigateur";
const [, , ...pages] = process.argv;
mkdirSync("/tmp/horaires-shots", { recursive: true });
const serveur = await demarrerServeur("dist");
const nav = await lancerNavigateur();
for (const js of [true, false]) {
  for (const chemin of pages) {
    const { page, contexte, erreursConsole } = await nouvellePage(nav, serveur.url, { javaScript: js });
    await page.goto(serveur.url + chemin);
    await page.waitForTimeout(500);
    const cible = page.locator(".horaires, .horaires-absents, .horaires-prochaines").first();
    await cible.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -120));
    const nom = chemin.replace(/\//g, "_") + (js ? "-js" : "-sansjs");
    await page.screenshot({ path: `/tmp/horaires-shots/${nom}.png` });
    console.log(nom, erreursConsole, (await page.locator("main").innerText()).match(/Horaires[^]*?(?=\n[A-ZÉ][a-zé]+ ?\n|Durée|Comment)/)?.[0]?.slice(0, 400));
    await contexte.close();
  }
}
await nav.close();
await serveur.fermer();
