/** What the sharing tests (partage, selection) check alike: QR codes read back, print emulation, a clean session. */
import { expect } from "vitest";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import type { Locator, Page } from "playwright-core";
import type { PageSurveillee } from "./navigateur";

/** A QR code drawn on the page, read back to its text: a screenshot of the element, decoded by jsQR. */
export async function lireQr(element: Locator): Promise<string | undefined> {
  const png = PNG.sync.read(await element.screenshot());
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data;
}

/**
 * Emulates print: no navigation, footer nor button shows, the page's link and its QR code do (the QR
 * code still reads as `lien`). Returns the number of A4 pages of the PDF Chromium makes.
 */
export async function imprimer(page: Page, lien: string): Promise<number> {
  await page.emulateMedia({ media: "print" });
  expect(await page.locator(".nav-principale").isVisible()).toBe(false);
  expect(await page.locator(".pied").isVisible()).toBe(false);
  expect(await page.locator("main button:visible").count()).toBe(0);
  expect(await page.locator(".lien-partage").isVisible()).toBe(true);
  const qr = page.locator(".partage svg.qr");
  expect(await qr.isVisible()).toBe(true);
  expect(await lireQr(qr)).toBe(lien);
  const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  // One `/Type /Page` object per page in Chromium's PDF.
  return (pdf.toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}

/** End of a session: no cookie, no request out of the local site, no console error but `attendues`; then closed. */
export async function fermerSansTrace({ contexte, requetesExterieures, erreursConsole }: PageSurveillee, attendues?: RegExp): Promise<void> {
  expect(await contexte.cookies()).toEqual([]);
  expect(requetesExterieures).toEqual([]);
  expect(erreursConsole.filter((e) => !attendues?.test(e))).toEqual([]);
  await contexte.close();
}
