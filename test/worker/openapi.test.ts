import { api } from './auth';
import { describe, expect, it } from 'vitest';
import committed from '../../docs/openapi.json';

describe('GET /api/v1/openapi.json', () => {
  it('documents every read route with the parameters that validate it', async () => {
    const res = await api('http://local/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          { parameters?: { name: string; in: string; required?: boolean }[]; responses: Record<string, unknown> }
        >
      >;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/annotations',
      '/annotations/{id}',
      '/audit',
      '/auth/me',
      '/auth/sign-in',
      '/auth/sign-in-links',
      '/auth/sign-out',
      '/awards/indicators',
      '/awards/summary',
      '/embed-data/{chart}',
      '/embeds',
      '/embeds/{id}',
      '/federation/outbox',
      '/federation/push',
      '/federation/reconciliation',
      '/federation/send',
      '/federation/status',
      '/federation/tokens',
      '/imports',
      '/imports/aliases',
      '/imports/aliases/{id}',
      '/imports/consistency',
      '/imports/templates/{file}',
      '/imports/{dataset}',
      '/imports/{id}',
      '/imports/{id}/breakdown',
      '/imports/{id}/commit',
      '/meta',
      '/movements/leaders',
      '/movements/results',
      '/reports/year-end',
      '/reports/{form}',
      '/snapshots',
      '/snapshots/{id}',
      '/targets',
      '/targets/{id}',
      '/tokens',
      '/tokens/{id}',
      '/uploads',
      '/uploads/{dataset}',
      '/uploads/{id}',
      '/uploads/{id}/complete',
      '/uploads/{id}/parts/{n}',
      '/users',
      '/users/{id}',
    ]);
    const summary = doc.paths['/awards/summary'].get;
    expect(summary.parameters!.map((p) => p.name).sort()).toEqual(
      [
        'as_of',
        'award',
        'category',
        'class',
        'cluster',
        'ethnic',
        'format',
        'from',
        'gender',
        'group_by',
        'kind',
        'lang',
        'layout',
        'method',
        'months',
        'movement',
        'tier',
        'to',
        'unit',
      ].sort(),
    );
    expect(summary.parameters!.every((p) => p.in === 'query')).toBe(true);
    expect(Object.keys(summary.responses)).toEqual(expect.arrayContaining(['200', '400']));
    expect(doc.paths['/targets'].get.parameters!.map((p) => p.name).sort()).toEqual([
      'from',
      'indicator',
      'to',
      'unit',
    ]);
    expect(Object.keys(doc.paths['/targets'].put.responses)).toEqual(
      expect.arrayContaining(['200', '400', '403', '415']),
    );
    expect(doc.paths['/annotations'].get.parameters!.map((p) => p.name).sort()).toEqual(['from', 'on', 'to']);
    expect(Object.keys(doc.paths['/annotations'].post.responses)).toEqual(
      expect.arrayContaining(['201', '400', '409']),
    );
    const results = doc.paths['/movements/results'].get;
    expect(results.parameters!.find((p) => p.name === 'cluster')?.required).toBe(true);
    const leaders = doc.paths['/movements/leaders'].get;
    expect(leaders.parameters!.map((p) => [p.name, p.required ?? false])).toEqual([
      ['year', true],
      ['level', false],
    ]);
    const yearEnd = doc.paths['/reports/year-end'].get;
    expect(yearEnd.parameters!.map((p) => p.name).sort()).toEqual(['as_of', 'format', 'unit', 'year']);
    expect(Object.keys(yearEnd.responses)).toEqual(expect.arrayContaining(['200', '400', '403']));
  });

  it('matches docs/openapi.json, from which the dashboard client types are generated', async () => {
    const served = await (await api('http://local/api/v1/openapi.json')).json();
    // run `npm run api:generate` after changing a route's schemas
    expect(served).toEqual(committed);
  });
});
