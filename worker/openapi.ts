// The parts of the OpenAPI document that are not derived from the routes' schemas. Shared by
// the served /api/v1/openapi.json and `npm run api:generate` (docs/openapi.json and the
// dashboard's client types).
export const documentation = {
  openapi: '3.1.0',
  info: {
    title: 'thidua API',
    version: '1',
    description:
      'Award counts and emulation-movement results for thi đua, khen thưởng. ' +
      'Every count is the sum of `quantity`. Reads report their D1 cost in ' +
      "X-Rows-Read and carry an ETag from the data version and the caller's " +
      'role and scope.\n\nEvery route needs an identity: `Authorization: ' +
      'Bearer <token>` (ADMIN_TOKEN or an API token), the session cookie of a ' +
      'sign-in link, or a Cloudflare Access JWT (Cf-Access-Jwt-Assertion). ' +
      'Roles: viewer (aggregates) < analyst (downloads, report forms, embeds, ' +
      'snapshots) < editor (imports, rollbacks) < admin (users, tokens, award ' +
      'catalog, audit log); a unit or cluster scope limits every number to it ' +
      '(403 for a unit or cluster outside it). Public: this document, ' +
      '/auth/sign-in, /embed-data (its token) and GET /snapshots/{id} (its ' +
      'unguessable id).',
  },
  servers: [{ url: '/api/v1' }],
  components: {
    securitySchemes: {
      bearer: { type: 'http' as const, scheme: 'bearer', description: 'ADMIN_TOKEN or an API token (POST /tokens)' },
      session: {
        type: 'apiKey' as const,
        in: 'cookie' as const,
        name: 'thidua_session',
        description: 'Set by a sign-in link (GET /auth/sign-in)',
      },
      access: {
        type: 'apiKey' as const,
        in: 'header' as const,
        name: 'Cf-Access-Jwt-Assertion',
        description: 'Cloudflare Access, when ACCESS_TEAM_DOMAIN and ACCESS_AUD are set',
      },
    },
  },
  security: [{ bearer: [] }, { session: [] }, { access: [] }] as Record<string, string[]>[],
};
