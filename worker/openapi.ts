// The parts of the OpenAPI document that are not derived from the routes' schemas. Shared by
// the served /api/v1/openapi.json and `npm run api:generate` (docs/openapi.json and the
// dashboard's client types).
export const documentation = {
  openapi: '3.1.0',
  info: {
    title: 'thidua API',
    version: '1',
    description:
      'Award counts and emulation-movement results for thi đua, khen thưởng. Every count is the sum of `quantity`. Reads report their D1 cost in X-Rows-Read and carry an ETag from the data version. Writes need `Authorization: Bearer <token>`.',
  },
  servers: [{ url: '/api/v1' }],
  components: { securitySchemes: { bearer: { type: 'http' as const, scheme: 'bearer' } } },
};
