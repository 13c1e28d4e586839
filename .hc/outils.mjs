import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { createReadStream, existsSync, statSync, readFileSync } from "node:fs";
import { join, extname } from "node:path";
const T = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".csv": "text/csv; charset=utf-8", ".webmanifest": "application/json" };
export async function servir(racine) {
  const srv = createServer((q, r) => { let f = join(racine, decodeURIComponent(new URL(q.url, "http://x").pathname)); if (existsSync(f) && statSync(f).isDirectory()) f = join(f, "index.html"); if (!existsSync(f)) { r.writeHead(404).end(); return; } r.writeHead(200, { "Content-Type": T[extname(f)] ?? "application/octet-stream" }); createReadStream(f).pipe(r); });
  await new Promise((ok) => srv.listen(0, "127.0.0.1", ok));
  return { base: `http://127.0.0.1:${srv.address().port}`, fermer: () => srv.close() };
}
export async function page(js = true) {
  const b = await chromium.launch({ executablePath: "/usr/bin/chromium" });
  const ctx = await b.newContext({ viewport: { width: 360, height: 740 }, locale: "fr-FR", timezoneId: "Europe/Paris", javaScriptEnabled: js });
  const externes = [];
  await ctx.route(/^(?!http:\/\/127\.0\.0\.1)/, (r) => { externes.push(r.request().url()); r.abort(); });
  return { b, p: await ctx.newPage(), externes };
}
