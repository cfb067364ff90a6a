// The parent origin of an embed ends up inside a Content-Security-Policy header
// (`frame-ancestors <origin>`), so it must be exactly one `scheme://host[:port]` and nothing a
// CSP parser would read as more: the URL parser accepts hosts such as '*', '*.example',
// 'a.example;sandbox' or "a.example'", which would widen the policy or inject a directive.
// So the host must be a DNS name (letters, digits, hyphens, dots), an IPv4 address or a
// bracketed IPv6 address, and the value kept is the parser's own serialisation of the origin.
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;

const isHost = (host: string) =>
  IPV6.test(host) || (host.length <= 253 && host.split('.').every((label) => LABEL.test(label)));

/** The canonical origin of `text`, or null if it is not exactly an http(s) origin with a plain host. */
export function parseOrigin(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') return null;
  // nothing after the origin (not even '/'), and nothing the parser silently dropped or rewrote
  if (text.toLowerCase() !== url.origin && text !== url.origin) return null;
  if (!isHost(url.hostname)) return null;
  return url.origin;
}
