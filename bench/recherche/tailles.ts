/**
 * Sizes as a static host serves them: raw, gzip level 6 (zlib's default) and brotli quality 5 (a usual
 * on-the-fly setting; quality 11, for pre-compressed files, takes ~10 s on the 10,000-service index and
 * saves another ~20 %).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export interface Taille {
  brut: number;
  gzip: number;
  brotli: number;
}

export function taille(contenu: Buffer | string): Taille {
  const octets = typeof contenu === "string" ? Buffer.from(contenu) : contenu;
  return {
    brut: octets.length,
    gzip: gzipSync(octets, { level: 6 }).length,
    brotli: brotliCompressSync(octets, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: octets.length },
    }).length,
  };
}

export function somme(tailles: readonly Taille[]): Taille {
  return tailles.reduce((s, t) => ({ brut: s.brut + t.brut, gzip: s.gzip + t.gzip, brotli: s.brotli + t.brotli }), { brut: 0, gzip: 0, brotli: 0 });
}

/** Sizes of the site's files behind URL paths (e.g. "/_astro/client.js"); folders give their index.html. */
export function tailleDesChemins(dist: string, chemins: readonly string[]): Taille {
  return somme(chemins.map((c) => taille(readFileSync(join(dist, c.endsWith("/") ? `${c}index.html` : c)))));
}

/**
 * Share of each field in the index file: each field's values (and its `"key":` in every entry)
 * compressed on their own. The parts do not add up to the whole file's gzip, but show what weighs.
 */
export function repartitionParChamp(index: { services: Record<string, unknown>[] } & Record<string, unknown>): { champ: string; taille: Taille }[] {
  const parties: { champ: string; taille: Taille }[] = [];
  for (const [cle, valeur] of Object.entries(index)) {
    if (cle !== "services") parties.push({ champ: cle, taille: taille(JSON.stringify(valeur)) });
  }
  const champs = new Set(index.services.flatMap((s) => Object.keys(s)));
  for (const champ of champs) {
    const presents = index.services.filter((s) => champ in s);
    const texte = presents.map((s) => `"${champ}":${JSON.stringify(s[champ])}`).join(",");
    parties.push({ champ: `services[].${champ}`, taille: taille(texte) });
  }
  return parties.sort((a, b) => b.taille.gzip - a.taille.gzip);
}
