import { describeRoute, resolver } from 'hono-openapi';
import type { z } from 'zod';
import { errorResponse } from '../validation/responses';

const json = (schema: z.ZodType) => ({ 'application/json': { schema: resolver(schema) } });

/** OpenAPI description of a read route: its 200 schema and the JSON errors every route shares. */
export function describeRead(summary: string, description: string, ok: z.ZodType, tag: string) {
  return describeRoute({
    summary,
    description,
    tags: [tag],
    responses: {
      200: {
        description: 'OK. Headers: X-Rows-Read (D1 rows read), Server-Timing, ETag (data version).',
        content: json(ok),
      },
      304: { description: 'Not modified: the data version has not changed since the ETag sent in If-None-Match' },
      400: { description: 'A bad parameter, named in `parameter`', content: json(errorResponse) },
    },
  });
}
