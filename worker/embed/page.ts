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

// A bad token's page nobody may frame (as before); a refused origin's page any page may: it
// carries no data, and the reader of the host page sees why the chart is missing instead of a
// blank frame.
const CSP = {
  401: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  403: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *",
};

function refusal(status: 401 | 403, vi: string[], en: string[]): Response {
  const html = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Không hiển thị được biểu đồ</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{margin:0}main{font:15px/1.45 system-ui,sans-serif;padding:1rem;color:#222;background:#fff8e6;\
border:1px solid #e0b650;border-radius:8px}h1{font-size:1.05rem;margin:0 0 .5rem}p{margin:.35rem 0}\
[lang=en]{color:#555}</style>
<main><h1>Không hiển thị được biểu đồ <span lang="en">/ Chart unavailable</span></h1>
${vi.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
${en.map((l) => `<p lang="en">${escapeHtml(l)}</p>`).join('\n')}</main></html>`;
  return new Response(html, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CSP[status],
      ...(status === 401 ? { 'X-Frame-Options': 'DENY' } : {}),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  });
}

const deniedPage = (message: string) =>
  refusal(
    401,
    ['Mã nhúng của biểu đồ này không hợp lệ hoặc không còn hiệu lực. Hãy đề nghị người tạo biểu đồ cấp mã mới.'],
    [message],
  );

/**
 * The origin of the page framing this request, when the browser says it is a frame and names
 * the page (Referer: by default its origin). Null when it does not: a visit of its own, or a host
 * page that sends no referrer; the page then relies on frame-ancestors alone.
 */
function framingOrigin(req: Request): string | null {
  const dest = req.headers.get('Sec-Fetch-Dest');
  if (dest !== 'iframe' && dest !== 'frame') return null;
  const referer = req.headers.get('Referer');
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

/**
 * GET /embed/{chart}?token=…: the dashboard's shell, which renders the chart alone, framed
 * only by the origin the verified token names; a bad token gets a readable 401 page, a frame on
 * another origin a readable 403 page, neither with data.
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
  // A frame on another page: refused with words the reader can see, before any data is fetched.
  // The chart itself stays behind frame-ancestors, so a page the Referer misnames still cannot show it.
  const parent = framingOrigin(c.req.raw);
  if (parent !== null && parent !== frameAncestor)
    return refusal(
      403,
      [
        `Biểu đồ này không được phép hiển thị trên trang ${parent}.`,
        `Mã nhúng chỉ dùng được trên ${frameAncestor}. Hãy đề nghị người tạo biểu đồ cấp mã nhúng cho trang này.`,
      ],
      [
        `This chart may not be shown on ${parent}.`,
        `Its embed code works only on ${frameAncestor}; ask its creator for an embed code for this site.`,
      ],
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
