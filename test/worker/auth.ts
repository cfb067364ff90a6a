import { SELF } from 'cloudflare:test';

export const ADMIN_TOKEN = 'test-admin-token';

/** SELF.fetch as the bootstrap admin, unless the request brings its own Authorization. */
export function api(input: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('authorization')) headers.set('authorization', `Bearer ${ADMIN_TOKEN}`);
  return SELF.fetch(input, { ...init, headers });
}

/** SELF.fetch with no credentials at all. */
export const anonymous = (input: string, init: RequestInit = {}) => SELF.fetch(input, init);
