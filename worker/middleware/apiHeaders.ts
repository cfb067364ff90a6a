import { secureHeaders } from 'hono/secure-headers';

// API responses are data, never pages: nothing in them may run, be framed or be sniffed as
// another type. Cross-origin reads stay closed (no CORS headers are ever sent).
export const apiHeaders = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  crossOriginResourcePolicy: 'same-origin',
  strictTransportSecurity: 'max-age=31536000; includeSubDomains',
});
