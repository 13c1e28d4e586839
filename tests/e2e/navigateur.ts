/**
 * Headless Debian Chromium driven by playwright-core (never a downloaded browser). Every request that
 * does not go to the local test server is blocked and recorded, so that tests can assert none left.
 */
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { stubTuiles } from "./tuiles";

export const CHEMIN_CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** `argsSupplementaires`: more Chromium switches (the benchmark blocks outside hosts at name resolution). */
export async function lancerNavigateur(argsSupplementaires: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHEMIN_CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...argsSupplementaires,
    ],
  });
}

export interface PageSurveillee {
  page: Page;
  contexte: BrowserContext;
  /** Requests to anything else than the local server (blocked). */
  requetesExterieures: string[];
  /** Console errors and uncaught exceptions. */
  erreursConsole: string[];
}

export async function nouvellePage(
  navigateur: Browser,
  urlServeur: string,
  /** `tuiles`: serve the map's tiles from memory (see tuiles.ts) instead of blocking them. */
  options: { largeur?: number; hauteur?: number; javaScript?: boolean; tuiles?: boolean } = {},
): Promise<PageSurveillee> {
  const contexte = await navigateur.newContext({
    viewport: { width: options.largeur ?? 360, height: options.hauteur ?? 740 },
    javaScriptEnabled: options.javaScript ?? true,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
  });
  const requetesExterieures: string[] = [];
  const erreursConsole: string[] = [];
  await contexte.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(urlServeur) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    requetesExterieures.push(url);
    return route.abort();
  });
  // Registered after the blocking route, so tried before it (Playwright tries the last route first).
  if (options.tuiles) await stubTuiles(contexte);
  const page = await contexte.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") erreursConsole.push(m.text());
  });
  page.on("pageerror", (e) => erreursConsole.push(String(e)));
  return { page, contexte, requetesExterieures, erreursConsole };
}
