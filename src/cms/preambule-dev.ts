/**
 * In `astro dev` only: every `.tsx` module that defines components checks that React Refresh's preamble
 * ran (`window.$RefreshReg$`), and Astro installs it only on pages with islands. The admin page has
 * none (it is one `<script>`), so install no-op stubs before the previews' `.tsx` components load.
 * Fast refresh of the CMS is not needed; a reload does. Nothing happens in the built site.
 */
if (import.meta.env.DEV) {
  const fenetre = window as unknown as Record<string, unknown>;
  fenetre.$RefreshReg$ ??= () => {};
  fenetre.$RefreshSig$ ??= () => (type: unknown) => type;
}

export {};
