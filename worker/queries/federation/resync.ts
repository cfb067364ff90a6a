import { sql, type SQL } from 'drizzle-orm';
import { KEY_COLUMNS } from '../../federation/cubeColumns';
import { all, batch, first, type ReadCost } from '../../db/run';
import type { ResyncPhase } from '../../domain/enums';
import type { PushBody } from '../../validation/federation';
import { dropDeltaSlice } from '../cube/refresh';
import { bumpVersion } from '../imports/batches';
import { field, KEY, list, OTHERS, provinceTops, ROOT, rootPositions, rootValues, rowValues } from './cubeSql';
import { jsonChunks } from './json';

// The national side of a province's whole-cube resync, each function one bounded D1 batch
// (worker/federation/resyncReceive.ts runs them): the slices add into an invisible delta, the
// province's old rows are taken off it a range at a time, the flip makes it visible.

export interface ResyncRow {
  province: string;
  id: string;
  batch_id: number;
  phase: ResyncPhase;
  next_slice: number;
  cursor: string | null;
  version: number;
  geography_hash: string;
  rows: number;
  reported: string;
  requests: number;
  longest_ms: number;
}

export const resyncOf = (db: D1Database, cost: ReadCost, province: string) =>
  first<ResyncRow>(
    db,
    cost,
    sql`SELECT province, id, batch_id, phase, next_slice, cursor, version, geography_hash, rows, reported, requests,
        longest_ms FROM federation_resyncs WHERE province = ${province}`,
  );

/** Fails the D1 batch it starts unless the province's resync is still in `state` (over columns of r). */
export const guardResync = (province: string, state: SQL): SQL =>
  sql`INSERT INTO federation_guard (province) SELECT ${province} WHERE NOT EXISTS (SELECT 1 FROM
    federation_resyncs r WHERE r.province = ${province} AND ${state})`;

const creator = (province: string) => `federation:${province}`;
const batchOf = (province: string) => sql`(SELECT batch_id FROM federation_resyncs WHERE province = ${province})`;

/**
 * A new resync: an import batch of its own holds the delta (readers count a batch's delta only
 * once it is visible), and an earlier resync that never became visible is cancelled (its rows
 * are dropped later, a slice at a time: dropAbandoned).
 */
export function startStatements(p: PushBody, id: string, now: string, geographyHash: string): SQL[] {
  const hash = `federation-resync:${p.province}:${id}:${p.signed_at}`;
  return [
    sql`UPDATE import_batches SET status = 'rolled_back', rolled_back_at = ${now}, rolled_back_by = 'federation'
      WHERE id = ${batchOf(p.province)} AND status = 'staging' AND delta_visible = 0`,
    sql`INSERT INTO import_batches (dataset, format, content_hash, rows, created_by, created_at, status)
      VALUES ('awards', 'json', ${hash}, 0, ${creator(p.province)}, ${now}, 'staging')`,
    sql`INSERT INTO federation_resyncs (province, id, batch_id, phase, next_slice, cursor, version, geography_hash,
        rows, reported, started_at, updated_at)
      VALUES (${p.province}, ${id}, (SELECT id FROM import_batches WHERE dataset = 'awards' AND content_hash = ${hash}),
        'receiving', 0, NULL, ${p.version}, ${geographyHash}, 0, '[]', ${now}, ${now})
      ON CONFLICT (province) DO UPDATE SET id = excluded.id, batch_id = excluded.batch_id, phase = 'receiving',
        next_slice = 0, cursor = NULL, version = excluded.version, geography_hash = excluded.geography_hash, rows = 0,
        reported = '[]', started_at = excluded.started_at, updated_at = excluded.updated_at, requests = 0,
        longest_ms = 0`,
  ];
}

/**
 * One slice's rows added into the resync's invisible delta: absolute counts of the keys it
 * covers, or later changes of keys already sent; both simply add. The rows of the province's
 * new top-level units (`tops`, from the push) go under the virtual root too.
 */
export function sliceStatements(p: PushBody, tops: string[], last: boolean, now: string): SQL[] {
  const b = batchOf(p.province);
  const out: SQL[] = [];
  for (const part of jsonChunks(p.rows)) {
    out.push(sql`INSERT INTO award_cube_delta (batch_id, ${KEY}, n) SELECT ${b}, ${rowValues} FROM json_each(${part})
      WHERE true ON CONFLICT (batch_id, ${KEY}) DO UPDATE SET n = n + excluded.n`);
    out.push(sql`INSERT INTO award_cube_delta (batch_id, unit_id, ${list(OTHERS)}, n)
      SELECT ${b}, ${ROOT}, ${rootValues} FROM json_each(${part})
      WHERE ${field('unit')} IN (SELECT value FROM json_each(${JSON.stringify(tops)}))
      GROUP BY ${rootPositions(2)} ON CONFLICT (batch_id, ${KEY}) DO UPDATE SET n = n + excluded.n`);
  }
  out.push(sql`UPDATE federation_resyncs SET next_slice = next_slice + 1, rows = rows + ${p.rows.length},
    version = ${p.version}, reported = ${JSON.stringify(p.totals)}, updated_at = ${now}
    ${last ? sql`, phase = 'removing', cursor = NULL` : sql``} WHERE province = ${p.province}`);
  return out;
}

/** A cube key: award_cube's key columns, in order (cuboid first). */
export type CubeKey = (string | number)[];
const REST = KEY_COLUMNS.slice(1); // unit_id and on: the order within one cuboid
const restTuple = sql`(${list(REST)})`;
const values = (key: CubeKey) =>
  sql`(${sql.join(
    key.slice(1).map((v) => sql`${v}`),
    sql`, `,
  )})`;

/** The province's cube rows of one cuboid and unit id range, after `after` and up to `upTo` (keys). */
function rangeWhere(province: string, r: UnitRange, after: CubeKey | null, upTo: CubeKey | null): SQL {
  const parts = [
    sql`cuboid = ${r.cuboid}`,
    sql`unit_id BETWEEN ${r.lo} AND ${r.hi}`,
    sql`unit_id IN (SELECT unit_id FROM federation_units WHERE province = ${province})`,
  ];
  if (after && after[0] === r.cuboid) parts.push(sql`${restTuple} > ${values(after)}`);
  if (upTo) parts.push(sql`${restTuple} <= ${values(upTo)}`);
  return sql.join(parts, sql` AND `);
}

/** A cuboid and a run of consecutive unit ids of the province: one range of award_cube's key index. */
export interface UnitRange {
  cuboid: number;
  lo: number;
  hi: number;
}

/** The province's unit ids at the national, ascending. */
export const provinceUnitIds = async (db: D1Database, cost: ReadCost, province: string) =>
  (
    await all<{ id: number }>(
      db,
      cost,
      sql`SELECT unit_id AS id FROM federation_units WHERE province = ${province} ORDER BY unit_id`,
    )
  ).map((r) => r.id);

/** The key `limit` rows into the range after `after` (the end of a step), or the range's last key. */
export async function stepEnd(
  db: D1Database,
  cost: ReadCost,
  province: string,
  r: UnitRange,
  after: CubeKey | null,
  limit: number,
): Promise<CubeKey | null> {
  const where = rangeWhere(province, r, after, null);
  const order = sql.join(
    REST.map((c) => sql`${sql.identifier(c)}`),
    sql`, `,
  );
  const desc = sql.join(
    REST.map((c) => sql`${sql.identifier(c)} DESC`),
    sql`, `,
  );
  const nth = await first<{ k: string }>(
    db,
    cost,
    sql`SELECT json_array(${KEY}) AS k FROM award_cube WHERE ${where} ORDER BY ${order} LIMIT 1 OFFSET ${limit - 1}`,
  );
  const end =
    nth ??
    (await first<{ k: string }>(
      db,
      cost,
      sql`SELECT json_array(${KEY}) AS k FROM award_cube
    WHERE ${where} ORDER BY ${desc} LIMIT 1`,
    ));
  return end ? (JSON.parse(end.k) as CubeKey) : null;
}

/**
 * The province's old rows of one range step, negated into the resync's delta (the old tops'
 * also off the virtual root), and the cursor moved on: guarded on the cursor it started from.
 */
export function removeStatements(
  province: string,
  r: UnitRange,
  after: CubeKey | null,
  upTo: CubeKey,
  cursorWas: string | null,
  now: string,
): SQL[] {
  const where = rangeWhere(province, r, after, upTo);
  const b = batchOf(province);
  return [
    guardResync(province, sql`r.phase = 'removing' AND r.cursor IS ${cursorWas}`),
    sql`INSERT INTO award_cube_delta (batch_id, ${KEY}, n) SELECT ${b}, ${KEY}, -n FROM award_cube WHERE ${where}
      ON CONFLICT (batch_id, ${KEY}) DO UPDATE SET n = n + excluded.n`,
    sql`INSERT INTO award_cube_delta (batch_id, unit_id, ${list(OTHERS)}, n)
      SELECT ${b}, ${ROOT}, ${list(OTHERS)}, -SUM(n) FROM award_cube
      WHERE ${where} AND unit_id IN ${provinceTops(province)}
      GROUP BY ${list(OTHERS)} ON CONFLICT (batch_id, ${KEY}) DO UPDATE SET n = n + excluded.n`,
    sql`UPDATE federation_resyncs SET cursor = ${JSON.stringify(upTo)}, updated_at = ${now}
      WHERE province = ${province}`,
  ];
}

/** No old rows left after the cursor: the delta is complete, ready for the flip. */
export const removedAll = (province: string, cursorWas: string | null, now: string): SQL[] => [
  guardResync(province, sql`r.phase = 'removing' AND r.cursor IS ${cursorWas}`),
  sql`UPDATE federation_resyncs SET phase = 'ready', updated_at = ${now} WHERE province = ${province}`,
];

/**
 * The flip, one transaction: the geography as the resync's pushes carry it, the delta visible
 * (readers add it from now on), the province's state at the resync's version.
 */
export function flipStatements(province: string, r: ResyncRow, geography: SQL[], now: string): SQL[] {
  return [
    guardResync(
      province,
      sql`r.phase = 'ready' AND r.id = ${r.id} AND EXISTS (SELECT 1 FROM import_batches
        WHERE id = ${r.batch_id} AND status = 'staging')`,
    ),
    ...geography,
    sql`UPDATE import_batches SET status = 'committed', delta_visible = 1 WHERE id = ${r.batch_id}`,
    sql`UPDATE federation_provinces SET version = ${r.version}, pushed_at = ${now}, seen_at = ${now},
      geography_hash = ${r.geography_hash}, reported = ${r.reported}, last_rows = ${r.rows}
      WHERE province = ${province}`,
    sql`UPDATE federation_resyncs SET phase = 'merging', updated_at = ${now} WHERE province = ${province}`,
    bumpVersion(now),
  ];
}

/** After the merge: units the resync no longer carries removed, the batch row gone, the resync done. */
export function finalStatements(province: string, r: ResyncRow, removal: SQL[], now: string): SQL[] {
  return [
    guardResync(
      province,
      sql`r.phase = 'merging' AND r.id = ${r.id} AND NOT EXISTS (SELECT 1 FROM award_cube_delta
        WHERE batch_id = ${r.batch_id}) AND NOT EXISTS (SELECT 1 FROM import_batches WHERE id = ${r.batch_id}
        AND delta_visible = 1)`,
    ),
    ...removal,
    sql`DELETE FROM import_batches WHERE id = ${r.batch_id}`,
    sql`UPDATE federation_resyncs SET phase = 'done', updated_at = ${now} WHERE province = ${province}`,
    bumpVersion(now),
  ];
}

const DROP_SLICE = 5_000;

/**
 * One slice of a cancelled resync's delta deleted (a resync started again before its flip);
 * the batch row goes once its delta has. False when there was nothing to do.
 */
export async function dropAbandoned(db: D1Database, cost: ReadCost, province: string): Promise<boolean> {
  const b = await first<{ id: number }>(
    db,
    cost,
    sql`SELECT id FROM import_batches WHERE dataset = 'awards' AND created_by = ${creator(province)}
      AND status = 'rolled_back' ORDER BY id LIMIT 1`,
  );
  if (!b) return false;
  const [dropped] = await batch(db, cost, [dropDeltaSlice(b.id, DROP_SLICE)]);
  if (!dropped.meta.changes)
    await batch(db, cost, [
      sql`DELETE FROM import_batches WHERE id = ${b.id} AND NOT EXISTS (SELECT 1 FROM award_cube_delta
        WHERE batch_id = ${b.id})`,
    ]);
  return true;
}

/** What one request of the resync cost: counted, and its longest D1 batch kept if the longest yet. */
export const noteRequest = (db: D1Database, cost: ReadCost, province: string, id: string, ms: number) =>
  batch(db, cost, [
    sql`UPDATE federation_resyncs SET requests = requests + 1, longest_ms = MAX(longest_ms, ${Math.round(ms)})
      WHERE province = ${province} AND id = ${id}`,
  ]);
