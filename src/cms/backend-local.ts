/**
 * Which decap-server the admin talks to when the site runs on this machine. The generated config
 * says http://127.0.0.1:8081/api/v1 (what `npm run cms` starts); `/admin/?backend=<port>` points the
 * admin at a decap-server on another port of 127.0.0.1 (the browser test's, or a second one when 8081
 * is taken). Only a port number is read, and only on a local page: a link to the public site's admin
 * cannot send a partner's edits anywhere else.
 */
export function urlBackendLocal(lieu: { hostname: string; search: string }): string | undefined {
  if (!estSurCetteMachine(lieu)) return undefined;
  const port = new URLSearchParams(lieu.search).get("backend");
  if (!port || !/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) return undefined;
  return `http://127.0.0.1:${Number(port)}/api/v1`;
}

/** Whether the admin is opened on this machine (the settings read from its address apply only there). */
export function estSurCetteMachine(lieu: { hostname: string }): boolean {
  return lieu.hostname === "127.0.0.1" || lieu.hostname === "localhost";
}
