import { describeRoute } from 'hono-openapi';
import type { z } from 'zod';
import { AUTH_ERRORS, err, json } from './openapiHelpers';

/** OpenAPI description of a read route: its 200 schema and the JSON errors every route shares. */
const FILES = {
  'text/csv': { schema: { type: 'string' as const, description: 'format=csv: UTF-8 with BOM, RFC 4180, CRLF' } },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    schema: {
      type: 'string' as const,
      format: 'binary',
      description: 'format=xlsx: typed cells, header frozen, a "Bộ lọc" sheet',
    },
  },
};

export function describeRead(summary: string, description: string, ok: z.ZodType, tag: string, files = false) {
  return describeRoute({
    summary,
    description,
    tags: [tag],
    responses: {
      200: {
        description: 'OK. Headers: X-Rows-Read (D1 rows read), Server-Timing, ETag (data version).',
        content: { ...json(ok), ...(files ? FILES : {}) },
      },
      304: { description: 'Not modified: the data version has not changed since the ETag sent in If-None-Match' },
      400: err('A bad parameter, named in `parameter`'),
      ...AUTH_ERRORS,
      403: err(
        `The unit or cluster asked for is outside your scope (named in ` +
          `\`parameter\`)${files ? ', or a download (format=csv|xlsx) without the analyst role' : ''}`,
      ),
      ...(files ? { 422: err('More rows than a file carries (100,000): narrow the filters') } : {}),
    },
  });
}
