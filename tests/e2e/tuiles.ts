/**
 * Map tiles in browser tests: never fetched from the real server. Requests to the tile server's host
 * (taken from site.config.ts, so that another instance's server is stubbed too) get a plain grey
 * 256×256 PNG made in memory.
 */
import { deflateSync } from "node:zlib";
import type { BrowserContext } from "playwright-core";
import { siteConfig } from "../../site.config";

function crc32(octets: Buffer): number {
  let crc = 0xffffffff;
  for (const o of octets) {
    crc ^= o;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function bloc(type: string, donnees: Buffer): Buffer {
  const longueur = Buffer.alloc(4);
  longueur.writeUInt32BE(donnees.length);
  const typeEtDonnees = Buffer.concat([Buffer.from(type, "ascii"), donnees]);
  const controle = Buffer.alloc(4);
  controle.writeUInt32BE(crc32(typeEtDonnees));
  return Buffer.concat([longueur, typeEtDonnees, controle]);
}

/** A 256×256 8-bit greyscale PNG of one grey. */
export function pngGris(cote = 256, gris = 0xe0): Buffer {
  const entete = Buffer.alloc(13);
  entete.writeUInt32BE(cote, 0);
  entete.writeUInt32BE(cote, 4);
  entete[8] = 8; // bits per sample
  entete[9] = 0; // greyscale
  // compression, filter, interlace: 0
  const ligne = Buffer.alloc(cote + 1, gris);
  ligne[0] = 0; // filter: none
  const pixels = Buffer.concat(Array.from({ length: cote }, () => ligne));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    bloc("IHDR", entete),
    bloc("IDAT", deflateSync(pixels)),
    bloc("IEND", Buffer.alloc(0)),
  ]);
}

export const TUILE_PNG = pngGris();

/**
 * Host of a Leaflet URL template, as a pattern: `{s}` (sub-domains) and other placeholders match any
 * label. E.g. "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png" → /^(?:[^./]+)\.tile\.openstreetmap\.org$/i.
 */
export function motifHoteTuiles(modele: string = siteConfig.carte.tuiles.url): RegExp {
  const hote = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(modele)?.[1];
  if (!hote) throw new Error(`URL de tuiles sans hôte : ${modele}`);
  const motif = hote
    .split(/(\{[^}]*\})/)
    .map((partie) => (/^\{[^}]*\}$/.test(partie) ? "(?:[^./]+)" : partie.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${motif}$`, "i");
}

/**
 * Fulfils every request to the tile server's host with the grey tile. Playwright tries routes from the
 * last registered: register this after a route that blocks outside requests (see `nouvellePage`'s
 * `tuiles` option) and tile requests are served here, never blocked nor counted as leaving.
 */
export async function stubTuiles(context: BrowserContext): Promise<void> {
  const motif = motifHoteTuiles();
  await context.route(
    (url) => motif.test(url.host),
    (route) =>
      route.fulfill({
        status: 200,
        contentType: "image/png",
        headers: { "access-control-allow-origin": "*", "cache-control": "max-age=86400" },
        body: TUILE_PNG,
      }),
  );
}
