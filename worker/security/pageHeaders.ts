// The headers of every page the dashboard is served as: the static shell and assets (written
// into dist/dashboard/_headers at build time, which Workers static assets apply) and the embed
// page the Worker serves itself. One policy, so the two cannot drift apart.
//
// Scripts come only from this origin: no inline script, no eval. Inline styles stay allowed,
// because Svelte's templates and chart.js set style attributes; styles cannot run code.
export function pageCsp(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

export const PAGE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
};

/** The `_headers` file for static assets: nobody frames the dashboard itself. */
export function staticHeadersFile(): string {
  const lines = { 'Content-Security-Policy': pageCsp("'none'"), 'X-Frame-Options': 'DENY', ...PAGE_HEADERS };
  return `/*\n${Object.entries(lines)
    .map(([k, v]) => `  ${k}: ${v}`)
    .join('\n')}\n`;
}
