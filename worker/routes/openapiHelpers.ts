import { resolver } from 'hono-openapi';
import type { z } from 'zod';
import { errorResponse } from '../validation/responses';

export const json = (schema: z.ZodType) => ({ 'application/json': { schema: resolver(schema) } });
export const err = (description: string) => ({ description, content: json(errorResponse) });

/** The refusals every signed-in route shares. */
export const AUTH_ERRORS = {
  401: err('Not signed in, or a wrong, expired or revoked credential'),
  403: err('Your role or scope does not allow this'),
  429: err('Too many failed credential checks from this address (Retry-After)'),
};
