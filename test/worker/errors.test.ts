import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, api } from './auth';
import { FIXTURE } from './fixture';
import { load, resetDatabase } from './helpers';
import { csv, upload } from './importHelpers';

// Every refusal of the API is JSON with the contract's English `error` and a Vietnamese
// `error_vi` for the people who read it on the dashboard: one error type, mapped once.
beforeAll(async () => {
  await resetDatabase();
  await load(FIXTURE);
});

const post = (path: string, body: unknown) =>
  api(`http://local/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const CASES: [string, () => Promise<Response>, number][] = [
  ['a malformed year', () => api('http://local/api/v1/awards/summary?from=20x4'), 400],
  ['an unknown code', () => api('http://local/api/v1/awards/summary?unit=NOPE'), 400],
  ['an unknown parameter', () => api('http://local/api/v1/awards/summary?colour=red'), 400],
  ['a closed value not in the registry', () => api('http://local/api/v1/awards/summary?gender=X'), 400],
  ['no credentials', () => anonymous('http://local/api/v1/meta'), 401],
  [
    'a wrong token',
    () => anonymous('http://local/api/v1/meta', { headers: { authorization: 'Bearer thd_wrong' } }),
    401,
  ],
  [
    'a malformed Authorization header',
    () => anonymous('http://local/api/v1/meta', { headers: { authorization: 'Basic abc' } }),
    401,
  ],
  ['an unknown route', () => api('http://local/api/v1/nothing-here'), 404],
  [
    'an unknown user',
    () =>
      api('http://local/api/v1/users/999999', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: '{"role":"viewer"}',
      }),
    404,
  ],
  ['an unknown template', () => api('http://local/api/v1/imports/templates/medals.xlsx'), 404],
  ['a body too large', () => post('/users', { email: 'a@example.vn', role: 'viewer', name: 'x'.repeat(70_000) }), 413],
  [
    'an import of another content type',
    () =>
      api('http://local/api/v1/imports/awards', {
        method: 'POST',
        headers: { 'content-type': 'application/pdf' },
        body: 'x',
      }),
    415,
  ],
  ['an unknown snapshot', () => api('http://local/api/v1/snapshots/00000000-0000-4000-8000-000000000000'), 404],
  ['a bad embed token', () => anonymous('http://local/api/v1/embed-data/trend?token=abc'), 401],
];

describe('every API error', () => {
  it.each(CASES)('is JSON in both languages: %s', async (_name, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { error?: unknown; error_vi?: unknown };
    expect(typeof body.error).toBe('string');
    expect(typeof body.error_vi).toBe('string');
    expect(body.error_vi).not.toBe(body.error);
    // Vietnamese text has Vietnamese letters (or at least one Vietnamese word)
    expect(body.error_vi).toMatch(/[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]|không|mã/i);
  });

  it('including a 422 import whose rows are wrong', async () => {
    const res = await upload('awards', csv(['year,award_code,unit_code,recipient_kind', '2024,LDTT,NOPE,individual']));
    expect(res.status).toBe(422);
    expect(res.body.error_vi).toMatch(/^Có 1 lỗi/);
    expect(res.body.errors?.[0].message_vi).toMatch(/không có đơn vị nào/);
  });
});
