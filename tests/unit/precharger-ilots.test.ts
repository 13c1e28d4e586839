import { describe, expect, it } from "vitest";
import { ajouterPrechargements, fermetureDesImports, importsStatiques, modulesDesIlots } from "../../src/integrations/precharger-ilots";

// Shapes of Rollup's minified output, as Astro writes it to dist/_astro/.
const FICHIERS: Record<string, string> = {
  "/_astro/Recherche.abc.js": `import{j as e}from"./index.d1.js";import{c as n}from"./communes.c1.js";import"./zone.z1.js";const C=r(()=>import("./Carte.k1.js"));export{R as default};`,
  "/_astro/client.r1.js": `import{r as a}from"./client.big.js";import"./index.d1.js";export{a as default};`,
  "/_astro/client.big.js": `import{r}from"./index.d1.js";var x="from\\"./pas-un-import.js\\"";`,
  "/_astro/index.d1.js": `var t=1;export{t as j};`,
  "/_astro/communes.c1.js": `export{c}from"./zone.z1.js";`,
  "/_astro/zone.z1.js": `var z=2;`,
  "/_astro/Carte.k1.js": `import"./leaflet.l1.js";`,
};

describe("préchargement des modules des îlots", () => {
  it("lit les imports statiques d'un module construit, pas les imports dynamiques", () => {
    expect(importsStatiques(FICHIERS["/_astro/Recherche.abc.js"]!)).toEqual(["./index.d1.js", "./communes.c1.js", "./zone.z1.js"]);
    expect(importsStatiques(FICHIERS["/_astro/communes.c1.js"]!)).toEqual(["./zone.z1.js"]);
  });

  it("suit les imports jusqu'au bout, sans la carte chargée à la demande", () => {
    const modules = fermetureDesImports(["/_astro/Recherche.abc.js", "/_astro/client.r1.js"], (u) => FICHIERS[u]);
    expect(modules).toEqual([
      "/_astro/Recherche.abc.js",
      "/_astro/client.big.js",
      "/_astro/client.r1.js",
      "/_astro/communes.c1.js",
      "/_astro/index.d1.js",
      "/_astro/zone.z1.js",
    ]);
  });

  it("ne précharge que les îlots hydratés sans attendre (pas client:visible)", () => {
    const html =
      `<html><head><title>t</title></head><body>` +
      `<astro-island uid="a" component-url="/_astro/Recherche.abc.js" renderer-url="/_astro/client.r1.js" client="only"></astro-island>` +
      `<astro-island uid="b" component-url="/_astro/Carte.k1.js" renderer-url="/_astro/client.r1.js" client="visible"></astro-island>` +
      `</body></html>`;
    expect(modulesDesIlots(html)).toEqual(["/_astro/Recherche.abc.js", "/_astro/client.r1.js"]);
    const avec = ajouterPrechargements(html, ["/_astro/Recherche.abc.js", "/_astro/index.d1.js"]);
    expect(avec).toContain(`<link rel="modulepreload" href="/_astro/Recherche.abc.js"><link rel="modulepreload" href="/_astro/index.d1.js"></head>`);
    // Built twice (or by another integration): no duplicate.
    expect(ajouterPrechargements(avec, ["/_astro/index.d1.js"])).toBe(avec);
  });
});
