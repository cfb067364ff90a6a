import type { Context } from 'hono';
import { PAGE_HEADERS, pageCsp } from '../security/pageHeaders';
import type { AppEnv } from '../env';
import { parseOrigin } from './origin';
import { EmbedDenied, verifyEmbed } from './token';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The iframe to paste into the page at `origin`, and the few lines that follow its height. */
export function embedSnippet(url: string, id: string): string {
  const frameId = `thidua-${id.slice(0, 8)}`;
  const src = new URL(url);
  return [
    `<iframe id="${frameId}" src="${escapeHtml(url)}" title="Biểu đồ thi ` +
      `đua, khen thưởng" style="width:100%;border:0" height="420" ` +
      `loading="lazy"></iframe>`,
    `<script>addEventListener('message',function(e){var f=document.getElementById('${frameId}');` +
      `if(f&&e.origin==='${src.origin}'&&e.source===f.contentWindow&&e.data&&e.data.type==='thidua:height')` +
      `f.style.height=e.data.height+'px'});</script>`,
  ].join('\n');
}

const BAD_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

function deniedPage(message: string): Response {
  const html = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Không hiển thị được biểu đồ</title>
<style>body{font:16px system-ui,sans-serif;margin:2rem;color:#222}</style>
<h1>Không hiển thị được biểu đồ / Chart unavailable</h1>
<p>Mã nhúng của biểu đồ này không hợp lệ hoặc không còn hiệu lực. Hãy đề nghị người tạo biểu đồ cấp mã mới.</p>
<p lang="en">${escapeHtml(message)}</p></html>`;
  return new Response(html, {
    status: 401,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': BAD_PAGE_CSP,
      'X-Frame-Options': 'DENY',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/**
 * GET /embed/{chart}?token=…: the dashboard's shell, which renders the chart alone, framed
 * only by the origin the verified token names; a bad token gets a readable 401 page, no data.
 */
export async function embedPage(c: Context<AppEnv>): Promise<Response> {
  const chart = c.req.param('chart') ?? '';
  let origin: string;
  try {
    ({ origin } = await verifyEmbed(c.env.DB, { rowsRead: 0 }, c.env.EMBED_SECRET, c.req.query('token'), chart));
  } catch (e) {
    if (e instanceof EmbedDenied) return deniedPage(e.message);
    throw e;
  }
  // a row stored before origins were parsed may hold a wildcard or CSP syntax: never sent
  const frameAncestor = parseOrigin(origin);
  if (!frameAncestor)
    return deniedPage(
      'This embed token names a parent origin that is not a single scheme://host[:port]: ask for a new one',
    );
  // '/' is the shell under any html_handling (`/index.html` may redirect to `/`)
  const shell = await c.env.ASSETS.fetch(new URL('/', c.req.url));
  if (!shell.ok) return new Response('The dashboard is not built (npm run build)', { status: 503 });
  return new Response(shell.body, {
    status: 200,
    headers: {
      ...PAGE_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      // framed only by the one origin the token names
      'Content-Security-Policy': pageCsp(frameAncestor),
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    },
  });
}
