import { servir, page } from "./outils.mjs";
const slug = "ml-poitiers-permanence-smarves";
for (const [nom, dossier] of [["avant", "dist"], ["apres", "/tmp/hc/dist"]]) {
  const s = await servir(dossier);
  const { b, p, externes } = await page();
  await p.goto(`${s.base}/services/${slug}/`);
  const maj = (await p.locator("main .maj").first().innerText()).replace(/\s+/g, " ");
  await p.screenshot({ path: `/tmp/shots22/hc-confirme-page-${nom}.png` });
  await p.goto(`${s.base}/recherche/?q=${encodeURIComponent("Permanence mission locale à Smarves")}`);
  const carte = p.locator(`#resultat-${slug}`);
  await carte.waitFor();
  await carte.scrollIntoViewIfNeeded();
  await p.screenshot({ path: `/tmp/shots22/hc-confirme-carte-${nom}.png` });
  console.log(nom, "| page:", maj, "| card:", (await carte.innerText()).replace(/\s+/g, " ").slice(-200), "| ext:", externes.length);
  await b.close(); s.fermer();
}
