/**
 * QR codes of the site's links, drawn by the `qrcode` library (no external service): at build time
 * for a service page, in the browser for a selection. Error correction "M", a quiet zone of 4 modules,
 * one SVG path (horizontal runs of dark modules), an accessible name saying whose link it is.
 */
import QRCode from "qrcode";

/** Quiet zone around the symbol, in modules (the standard's minimum). */
export const MARGE_QR = 4;

export interface DessinQr {
  /** Symbol version (1 to 40): 10 or less stays readable by any phone from a printed sheet. */
  version: number;
  /** Side of the drawing in modules, quiet zone included (the SVG's viewBox). */
  taille: number;
  /** SVG path of the dark modules, in module units, quiet zone included. */
  chemin: string;
  /** The text alternative: « QR code du lien : <url> ». */
  libelle: string;
}

export interface CodeQr {
  /** Standalone `<svg>` element (role="img", aria-label and <title>), safe to insert as HTML. */
  svg: string;
  version: number;
  taille: number;
}

/** The matrix of dark modules (true = dark), without the quiet zone. */
export function matriceQr(texte: string): { version: number; modules: boolean[][] } {
  const qr = QRCode.create(texte, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const modules: boolean[][] = [];
  for (let y = 0; y < n; y++) {
    const ligne: boolean[] = [];
    for (let x = 0; x < n; x++) ligne.push(qr.modules.get(y, x) === 1);
    modules.push(ligne);
  }
  return { version: qr.version, modules };
}

export function libelleQr(texte: string): string {
  return `QR code du lien : ${texte}`;
}

export function dessinQr(texte: string): DessinQr {
  const { version, modules } = matriceQr(texte);
  const morceaux: string[] = [];
  modules.forEach((ligne, y) => {
    let x = 0;
    while (x < ligne.length) {
      if (!ligne[x]) {
        x++;
        continue;
      }
      const debut = x;
      while (x < ligne.length && ligne[x]) x++;
      morceaux.push(`M${debut + MARGE_QR} ${y + MARGE_QR}h${x - debut}v1h${debut - x}z`);
    }
  });
  return { version, taille: modules.length + 2 * MARGE_QR, chemin: morceaux.join(""), libelle: libelleQr(texte) };
}

const ECHAPPEMENTS: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const echapper = (s: string) => s.replace(/[&<>"']/g, (c) => ECHAPPEMENTS[c]!);

export function qrCode(texte: string): CodeQr {
  const d = dessinQr(texte);
  const libelle = echapper(d.libelle);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 ${d.taille} ${d.taille}" role="img" aria-label="${libelle}" shape-rendering="crispEdges">` +
    `<title>${libelle}</title><rect width="${d.taille}" height="${d.taille}" fill="#fff"/><path fill="#000" d="${d.chemin}"/></svg>`;
  return { svg, version: d.version, taille: d.taille };
}
