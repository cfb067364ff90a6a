import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/demo/index';
import { todayState } from '../../worker/queries/today/rebuild';
import { FIXTURE } from './fixture';
import { load, resetDatabase } from './helpers';
import { upload } from './importHelpers';
import { answers, expectSame } from './todayHelpers';

// award_cube_today against the plan on the other fixtures: the hand-computed one of summary.test
// (no lineage: every date is served and maps nothing), the demo (Thái Bình into the new Hưng Yên,
// communes merged and split) and thirty more provinces as in wholeCountry.test.

/** The same answers, served by award_cube_today ('today') or by the plan alone ('plan'). */
async function expectServed(queries: string[], by: 'today' | 'plan' = 'today') {
  for (const query of queries) {
    const a = await answers(query);
    expectSame(a, query);
    expect(a.used, query).toBe(by === 'today' ? 'used' : undefined);
  }
}

describe('the hand-computed fixture', () => {
  beforeAll(async () => {
    await resetDatabase();
    await load(FIXTURE);
  });

  it('serves every date, with the answers as recorded', async () => {
    expect(await todayState(env.DB, { rowsRead: 0 })).toMatchObject({ phase: 'ready', served_from: '0000-01-01' });
    const units = [...new Set(FIXTURE.units.map((u) => u.code))];
    const queries = ['group_by=unit', 'group_by=unit,year,tier', ...units.map((u) => `group_by=unit,kind&unit=${u}`)];
    await expectServed(queries.map((q) => `${q}&as_of=2020-01-01`));
    for (const q of queries) {
      const recorded = await answers(q);
      const today = await answers(`${q}&as_of=2024-06-30`);
      expect(today.today.rows).toEqual(recorded.today.rows);
    }
  });
});

describe('the demo', () => {
  const demo = generateDemo();
  beforeAll(async () => {
    await resetDatabase();
    await load(demo);
  }, 120_000);

  it('serves the dashboard’s as_of reads on today’s Hưng Yên, its communes and agencies', async () => {
    const today = demo.units.filter((u) => u.valid_from === '2025-07-01' && u.parent_code === 'HY-2025');
    const queries = [
      'group_by=unit',
      'group_by=unit,year',
      'group_by=unit&unit=HY-2025',
      'group_by=unit,year&unit=HY-2025',
      'group_by=unit,year,tier&unit=HY-2025&from=2012&to=2024',
      'group_by=year,tier&unit=HY-2025',
      'group_by=year,category,kind&unit=HY-2025',
      'group_by=movement,year&unit=HY-2025',
      'group_by=year,gender&unit=HY-2025&kind=individual',
      'group_by=year,tier&unit=HY-2025&months=1-6',
      ...today.slice(0, 12).map((u) => `group_by=year,tier&unit=${u.code}`),
    ];
    await expectServed(queries.map((q) => `${q}&as_of=2025-07-01`));
  });

  it('serves Thái Bình before the merger, which the change of Huế on 2025-01-01 did not touch', async () => {
    await expectServed([
      'group_by=unit&unit=TB&as_of=2024-01-01',
      'group_by=unit,year&unit=TB&as_of=2025-03-01',
      'group_by=year,tier&unit=TB&as_of=2012-01-01',
    ]);
  });

  it('leaves Huế before its change, Thái Bình after its end and a cluster to the plan', async () => {
    await expectServed(
      [
        'group_by=year&unit=HUE&as_of=2024-06-30',
        'group_by=year&unit=TTH&as_of=2024-06-30',
        'group_by=unit&unit=TB&as_of=2025-07-01',
        'group_by=unit,year&cluster=TB-CUM1&as_of=2025-07-01',
      ],
      'plan',
    );
  });
});

describe('thirty more provinces', () => {
  beforeAll(async () => {
    await resetDatabase();
    await load(demo30());
  });

  it('keeps today’s units right while units are imported and read at once', async () => {
    const csv = 'code,name,kind,parent_code\nPZ,Tỉnh Z,province,\nPZ-1,Xã Z1,commune,PZ\n';
    const [imported, ...reads] = await Promise.all([
      upload('units', csv),
      ...Array.from({ length: 4 }, () => answers('group_by=unit,year&as_of=2025-07-01')),
    ]);
    expect(imported.status).toBe(201);
    for (const r of reads) expectSame(r, 'during the units import');
    const awards = 'year,award_code,unit_code,recipient_kind,quantity\n2024,LDTT,PZ-1,individual,5\n';
    expect((await upload('awards', awards, 'text/csv', '?filename=z.csv')).status).toBe(201);
    const a = await answers('group_by=unit&as_of=2025-07-01');
    expectSame(a, 'after');
    expect(a.today.rows.find((r) => r.unit === 'PZ')?.count).toBe(5);
  });
});

function demo30() {
  const provinces = Array.from({ length: 30 }, (_, i) => `Q${i + 1}`);
  return {
    ...FIXTURE,
    units: [...FIXTURE.units, ...provinces.map((code) => ({ code, name: `Tỉnh ${code}`, kind: 'province' as const }))],
    awards: new Map([
      ...FIXTURE.awards,
      [
        2022,
        provinces.map((q) => ({
          year: 2022,
          award_code: 'LDTT',
          unit_code: q,
          recipient_kind: 'individual' as const,
          quantity: 1,
        })),
      ],
    ]),
  };
}
