import { api } from './auth';
import { describe, expect, it } from 'vitest';
import { AWARD_CATALOG } from '../../worker/domain/catalog';

describe('GET /api/v1/meta', () => {
  it('returns the whole built-in catalog after the migrations', async () => {
    const res = await api('http://local/api/v1/meta');
    expect(res.status).toBe(200);
    const meta = (await res.json()) as {
      award_types: { code: string; name_vi: string; tier: string; scope: string; category: string }[];
    };
    expect(meta.award_types.map((t) => t.code)).toEqual(AWARD_CATALOG.map((a) => a.code));
  });
});
