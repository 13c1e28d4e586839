/**
 * The admin page's Content-Security-Policy (a `<meta>` on /admin/ only; public pages have none of it).
 * Looser than a public page could have: Decap evaluates code (`'unsafe-eval'`, its config validator
 * compiles schemas) and injects styles (emotion: `'unsafe-inline'` styles). Scripts, fonts and frames
 * come from the site itself only; the admin talks to the site, to the git host's API named in the CMS
 * config, and to a local decap-server on 127.0.0.1 (ignored by Decap unless the page itself is local).
 */

/** The part of Decap's `backend` config that says which hosts the browser talks to. */
export interface BackendCms {
  name: string;
  api_root?: string;
  base_url?: string;
  auth_endpoint?: string;
}

/** Each backend's API (and OAuth server) when the config does not name them. */
const HOTES_PAR_DEFAUT: Record<string, string[]> = {
  // Decap polls GitHub's status page to warn of outages.
  github: ["https://api.github.com", "https://www.githubstatus.com"],
  gitlab: ["https://gitlab.com"],
};

function origine(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

export function originesDuBackend(backend: BackendCms): string[] {
  const origines = [
    ...(HOTES_PAR_DEFAUT[backend.name] ?? []),
    origine(backend.api_root),
    origine(backend.base_url),
  ].filter((o): o is string => Boolean(o));
  return [...new Set(origines)];
}

export function politiqueAdmin(backend: BackendCms, options: { dev?: boolean } = {}): string {
  const connect = ["'self'", ...originesDuBackend(backend), "http://127.0.0.1:*", "http://localhost:*"];
  // astro dev: Vite's client talks over a websocket and injects inline module scripts.
  if (options.dev) connect.push("ws://127.0.0.1:*", "ws://localhost:*");
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-eval'", ...(options.dev ? ["'unsafe-inline'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    // Avatars of the git host's users, and images linked in a description's Markdown.
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "font-src": ["'self'", "data:"],
    "connect-src": connect,
    "frame-src": ["'self'", "blob:"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
  };
  return Object.entries(directives)
    .map(([nom, sources]) => `${nom} ${sources.join(" ")}`)
    .join("; ");
}
