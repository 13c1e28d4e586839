/**
 * `mailto:` links (RFC 6068), for every prefilled e-mail of the site: sharing, « Signaler une erreur »,
 * « Relancer », account requests. encodeURIComponent, not URLSearchParams: "+" for spaces breaks mail clients;
 * line breaks as CRLF (%0D%0A), as the RFC asks.
 */
export function lienCourriel(c: { a?: string; cc?: string; sujet?: string; corps?: string }): string {
  const encoder = (t: string) => encodeURIComponent(t.replace(/\r?\n/g, "\r\n"));
  const parametres = [
    ...(c.cc ? [`cc=${encoder(c.cc)}`] : []),
    ...(c.sujet !== undefined ? [`subject=${encoder(c.sujet)}`] : []),
    ...(c.corps !== undefined ? [`body=${encoder(c.corps)}`] : []),
  ];
  const destinataire = c.a ? encodeURIComponent(c.a).replace(/%40/g, "@") : "";
  return `mailto:${destinataire}${parametres.length > 0 ? `?${parametres.join("&")}` : ""}`;
}
