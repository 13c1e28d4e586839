/**
 * A service's short code, used in shared selection links (`/selection/?s=ab12cd34.ef56gh78`) and in the
 * person's saved selection: 8 characters instead of a slug of 30 to 80, so that a link to ten services
 * still fits a small QR code. Computed from the service's stable id (`<source>--<first slug>`), so it
 * survives renames; the validator refuses a catalogue where two services would share one.
 */

/** Crockford's base32, lower case: no i, l, o, u, so a code read aloud or retyped is not misread. */
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const LONGUEUR = 8;

/** Exactly a service code: 8 characters of the alphabet above. */
export const MOTIF_CODE_SERVICE = new RegExp(`^[${ALPHABET}]{${LONGUEUR}}$`);

/**
 * FNV-1a 64-bit of the id's UTF-8 bytes, cut to its high 40 bits (8 × 5 bits; FNV's low bits mix less).
 * Why this hash: a few lines, identical in Node and in browsers, no dependency, and stable forever —
 * changing it would break every link ever shared. 40 bits: with 10,000 services the chance that two
 * share a code is about 1 in 20,000, and the validator reports it if it ever happens.
 *
 * The 64-bit state is kept in two 32-bit halves rather than a BigInt: about five times faster, which counts
 * when a 10,000-service catalogue is built and validated. The prime 2^40 + 0x1b3 multiplies as
 * `h × 0x1b3 + (h << 40)`; a low half times 0x1b3 stays below 2^53, exact in a double.
 */
export function codeDeService(idStable: string): string {
  let haut = 0xcbf29ce4;
  let bas = 0x84222325;
  for (const octet of new TextEncoder().encode(idStable)) {
    bas = (bas ^ octet) >>> 0; // XOR gives a signed 32-bit integer: back to unsigned before multiplying
    const produit = bas * 0x1b3;
    haut = (Math.imul(haut, 0x1b3) + Math.floor(produit / 0x1_0000_0000) + (bas << 8)) >>> 0;
    bas = produit >>> 0;
  }
  let bits = haut * 0x100 + (bas >>> 24); // the high 40 bits, below 2^53
  let code = "";
  for (let i = 0; i < LONGUEUR; i++) {
    code = ALPHABET[bits % 32]! + code;
    bits = Math.floor(bits / 32);
  }
  return code;
}
