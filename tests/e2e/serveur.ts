/**
 * A static server for the built site, on 127.0.0.1 and a free port: what a static host does
 * (index.html for folders, the 404 page, correct content types), nothing more.
 */
import { createServer, type Server } from "node:http";
import { createReadStream, existsSync, statSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".geojson": "application/geo+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
  ".yml": "text/yaml; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

export interface ServeurStatique {
  url: string;
  fermer(): Promise<void>;
}

export async function demarrerServeur(dossier: string): Promise<ServeurStatique> {
  const racine = resolve(dossier);
  const serveur: Server = createServer((req, res) => {
    const chemin = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    let fichier = normalize(join(racine, chemin));
    if (!fichier.startsWith(racine)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(fichier) && statSync(fichier).isDirectory()) fichier = join(fichier, "index.html");
    let statut = 200;
    if (!existsSync(fichier)) {
      statut = 404;
      fichier = join(racine, "404.html");
    }
    res.writeHead(statut, { "Content-Type": TYPES[extname(fichier)] ?? "application/octet-stream" });
    createReadStream(fichier).pipe(res);
  });
  await new Promise<void>((ok) => serveur.listen(0, "127.0.0.1", ok));
  const adresse = serveur.address();
  if (!adresse || typeof adresse === "string") throw new Error("Adresse du serveur inconnue");
  return {
    url: `http://127.0.0.1:${adresse.port}`,
    fermer: () => new Promise((ok) => serveur.close(() => ok())),
  };
}
