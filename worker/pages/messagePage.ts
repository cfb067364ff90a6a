// A plain page for a refusal a person meets in the browser (a bad embed token, a sign-in link
// that expired): a sentence in Vietnamese and English instead of raw JSON. No script at all,
// so its CSP allows nothing but its own inline style.

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const MESSAGE_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export interface MessagePage {
  status: number;
  /** "Vietnamese / English" heading. */
  title: string;
  /** What happened and what to do, in Vietnamese. */
  message_vi?: string;
  /** The server's own reason (English, as the API says it). */
  message: string;
  /** A way on, e.g. back to the dashboard. */
  link?: { href: string; text: string };
  headers?: Record<string, string>;
}

export function messagePage(p: MessagePage): Response {
  const html = `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(p.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:40rem;padding:0 1rem;color:#222}p.en{color:#555}@media(prefers-color-scheme:dark){body{background:#111;color:#eee}p.en{color:#bbb}a{color:#8ab4f8}}</style>
<h1>${escapeHtml(p.title)}</h1>
${p.message_vi ? `<p>${escapeHtml(p.message_vi)}</p>\n` : ''}<p class="en" lang="en">${escapeHtml(p.message)}</p>
${p.link ? `<p><a href="${escapeHtml(p.link.href)}">${escapeHtml(p.link.text)}</a></p>\n` : ''}</html>`;
  return new Response(html, {
    status: p.status,
    headers: {
      ...p.headers,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': MESSAGE_PAGE_CSP,
      'X-Frame-Options': 'DENY',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  });
}

/** Did a person's browser navigate here (rather than a script or fetch asking for JSON)? */
export const wantsPage = (accept: string | undefined) => !!accept && accept.includes('text/html');
