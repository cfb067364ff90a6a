import { anonymous, api } from './auth';
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

describe('security headers on every API response', () => {
  it.each([
    ['GET', '/api/v1/meta', 200],
    ['GET', '/api/v1/awards/summary?group_by=nope', 400],
    ['GET', '/api/v1/nope', 404],
    ['POST', '/api/v1/meta', 401],
  ])('%s %s', async (method, path, status) => {
    const res = await api(`http://local${path}`, { method, headers: { Origin: 'https://elsewhere.example' } });
    expect(res.status).toBe(status);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
    // CORS stays closed: no cross-origin grant, whatever the Origin
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});
