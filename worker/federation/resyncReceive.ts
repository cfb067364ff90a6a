import { batch, type ReadCost } from '../db/run';
import { ApiError, conflict } from '../errors';
import {
  geographyStatements,
  guardState,
  isFederationGuardFailure,
  newGeographyStatements,
} from '../queries/federation/apply';
import { removalStatements } from '../queries/federation/removal';
import {
  type CubeKey,
  dropAbandoned,
  finalStatements,
  flipStatements,
  noteRequest,
  provinceUnitIds,
  removeStatements,
  removedAll,
  type ResyncRow,
  resyncOf,
  sliceStatements,
  startStatements,
  stepEnd,
  type UnitRange,
} from '../queries/federation/resync';
import type { ProvinceStateRow } from '../queries/federation/state';
import { CUBOIDS } from '../queries/cube/dimensions';
import { isGuardFailure } from '../queries/imports/guard';
import { mergeStep } from '../queries/imports/transitions';
import { sql } from 'drizzle-orm';
import type { PushBody } from '../validation/federation';

// A province's whole cube comes in slices, each its own signed request and its own bounded D1
// batch here; readers keep the province's previous figures (or none, the first time) until the
// flip, which shows the new ones all at once (docs/scaling.md):
//
//   slices (receiving) -> old rows off the delta (removing) -> flip (merging) -> merged (done)
//
// The slices add into an invisible delta (an import batch's award_cube_delta: readers add a
// batch's delta once it is visible), the province's old rows are negated into it a key range
// at a time, the flip makes it visible with the new geography, and the merge moves it into
// award_cube as an import's does. The steps after the last slice run when the province asks
// (`finish`), as many as fit in a time budget per request; each is guarded on the state it
// started from, so a crash, a retry or two requests at once leave nothing half done.

export interface ResyncOptions {
  /** cube rows per step of the removal and the merge (FEDERATION_SLICE_ROWS) */
  stepRows?: number;
  /** how long one `finish` request keeps taking steps before it answers (the province asks again) */
  budgetMs?: number;
}

export const DEFAULT_STEP_ROWS = 5_000;
const DEFAULT_BUDGET_MS = 10_000;

export interface ResyncProgress {
  id: string;
  phase: ResyncRow['phase'];
  next_slice: number;
  rows: number;
  /** the longest D1 batch of this request's steps, in ms (the steps are meant to stay near a second) */
  longest_batch_ms: number;
}

const resyncConflict = (r: ResyncRow | null, en: string, vi: string) =>
  conflict(
    {
      en: `${en}; start the resync again from slice 0`,
      vi: `${vi}; hãy bắt đầu đồng bộ lại từ lát 0`,
    },
    { reason: 'resync', resync_id: r?.id ?? null, expected_slice: r?.phase === 'receiving' ? r.next_slice : null },
  );

const busy = () =>
  new ApiError(503, {
    error: 'The previous resync of this province is still being merged; send again shortly',
    error_vi: 'Lần đồng bộ trước của tỉnh này đang được gộp vào; hãy gửi lại sau ít phút',
    reason: 'merging',
  });

/** The top-level units of the push: the root's rows come from theirs. */
const topsOf = (p: PushBody) => p.units.filter((u) => u.parent === null).map((u) => u.code);

/** Runs of consecutive unit ids of the province, in every cuboid: ranges of the cube's key index. */
function ranges(ids: number[]): UnitRange[] {
  const runs: [number, number][] = [];
  for (const id of ids) {
    const last = runs[runs.length - 1];
    if (last && id === last[1] + 1) last[1] = id;
    else runs.push([id, id]);
  }
  const cuboids = CUBOIDS.map((c) => c.id).sort((a, b) => a - b);
  return cuboids.flatMap((cuboid) => runs.map(([lo, hi]) => ({ cuboid, lo, hi })));
}

class Timer {
  longest = 0;
  async run<T>(f: () => Promise<T>): Promise<T> {
    const t = Date.now();
    try {
      return await f();
    } finally {
      this.longest = Math.max(this.longest, Date.now() - t);
    }
  }
}

/** One step of taking the province's old rows off the delta; false once there were none left. */
async function removeStep(db: D1Database, cost: ReadCost, r: ResyncRow, o: Required<ResyncOptions>, timer: Timer) {
  const now = new Date().toISOString();
  const after = r.cursor ? (JSON.parse(r.cursor) as CubeKey) : null;
  for (const range of ranges(await provinceUnitIds(db, cost, r.province))) {
    if (after && (range.cuboid < Number(after[0]) || (range.cuboid === after[0] && range.hi < Number(after[1]))))
      continue;
    const upTo = await stepEnd(db, cost, r.province, range, after, o.stepRows);
    if (!upTo) continue;
    await timer.run(() => batch(db, cost, removeStatements(r.province, range, after, upTo, r.cursor, now)));
    return;
  }
  await timer.run(() => batch(db, cost, removedAll(r.province, r.cursor, now)));
}

/**
 * The steps after the last slice, until done or the budget is spent; the phase reached. `p`
 * carries the resync's own geography unless only its merge is left to finish (`mergeOnly`: a
 * new resync is starting, whose geography may differ; its own end removes what it no longer has).
 */
async function finishSteps(
  db: D1Database,
  cost: ReadCost,
  p: PushBody,
  o: Required<ResyncOptions>,
  timer: Timer,
  mergeOnly = false,
): Promise<ResyncRow> {
  const deadline = Date.now() + o.budgetMs;
  for (let steps = 0; ; steps++) {
    const r = (await resyncOf(db, cost, p.province))!;
    // at least one step per request, so that any budget makes progress
    if (r.phase === 'done' || r.phase === 'receiving' || (steps > 0 && Date.now() >= deadline)) return r;
    if (mergeOnly && r.phase !== 'merging') return r;
    const now = new Date().toISOString();
    const removal = mergeOnly
      ? []
      : removalStatements(
          p.province,
          p.units.map((u) => u.code),
        );
    try {
      if (r.phase === 'removing') await removeStep(db, cost, r, o, timer);
      else if (r.phase === 'ready')
        await timer.run(() => batch(db, cost, flipStatements(p.province, r, geographyStatements(p, now), now)));
      else if (!(await timer.run(() => mergeOrDone(db, cost, r, o.stepRows, now))))
        await timer.run(() => batch(db, cost, finalStatements(p.province, r, removal, now)));
    } catch (e) {
      // another request took the same step meanwhile: carry on from where it left the resync
      if (!isFederationGuardFailure(e) && !isGuardFailure(e)) throw e;
    }
  }
}

/** Whether the resync's batch still waits for its flip (nobody cancelled it). */
async function stillStaging(db: D1Database, cost: ReadCost, r: ResyncRow): Promise<boolean> {
  const [b] = await batch(db, cost, [sql`SELECT status FROM import_batches WHERE id = ${r.batch_id}`]);
  return (b.results[0] as { status: string } | undefined)?.status === 'staging';
}

/** One merge slice of the visible delta; false once it is merged (the import lifecycle's merge). */
async function mergeOrDone(db: D1Database, cost: ReadCost, r: ResyncRow, rows: number, now: string) {
  const [visible] = await batch(db, cost, [sql`SELECT delta_visible FROM import_batches WHERE id = ${r.batch_id}`]);
  if (!(visible.results[0] as { delta_visible: number } | undefined)?.delta_visible) return false;
  return mergeStep(db, cost, r.batch_id, now, rows);
}

/**
 * A push with `full: true`: one slice of the province's cube (`resync.slice`), or a request to
 * carry on after the last one (`resync.finish`). The caller has checked signature, province,
 * age and geography; `s` is the province's state it was checked against.
 */
export async function receiveResync(
  db: D1Database,
  cost: ReadCost,
  p: PushBody,
  s: ProvinceStateRow,
  ctx: { now: Date; geographyHash: string; options?: ResyncOptions },
): Promise<ResyncProgress> {
  const o = {
    stepRows: ctx.options?.stepRows ?? DEFAULT_STEP_ROWS,
    budgetMs: ctx.options?.budgetMs ?? DEFAULT_BUDGET_MS,
  };
  const rs = p.resync!;
  const stamp = ctx.now.toISOString();
  const timer = new Timer();
  let r = await resyncOf(db, cost, p.province);
  // every accepted request is the province heard from, and the newest signature it sent
  const seen = [
    guardState(p.province, s.version, s.signed_at),
    sql`UPDATE federation_provinces SET signed_at = ${p.signed_at}, seen_at = ${stamp} WHERE province = ${p.province}`,
  ];
  const answer = (row: ResyncRow): ResyncProgress => ({
    id: row.id,
    phase: row.phase,
    next_slice: row.next_slice,
    rows: row.rows,
    longest_batch_ms: timer.longest,
  });

  if (rs.finish) {
    if (!r || r.id !== rs.id)
      throw resyncConflict(
        r,
        `No resync ${rs.id} of ${p.province} here`,
        `Không có lần đồng bộ ${rs.id} của ${p.province}`,
      );
    if (r.phase === 'receiving')
      throw resyncConflict(r, `Slice ${r.next_slice} has not arrived`, `Chưa nhận được lát ${r.next_slice}`);
    if (r.phase !== 'done' && r.geography_hash !== ctx.geographyHash)
      throw resyncConflict(r, 'The geography changed during the resync', 'Địa giới đã thay đổi trong khi đồng bộ');
    if ((r.phase === 'removing' || r.phase === 'ready') && !(await stillStaging(db, cost, r)))
      throw resyncConflict(r, 'The resync was cancelled at the national', 'Lần đồng bộ đã bị hủy tại máy chủ quốc gia');
    await timer.run(() => batch(db, cost, seen));
    r = await finishSteps(db, cost, p, o, timer);
    await dropAbandoned(db, cost, p.province);
    await noteRequest(db, cost, p.province, rs.id, timer.longest);
    return answer(r);
  }

  if (rs.slice === 0) {
    // a resync already visible is merged first (it shows the figures a new one replaces)
    if (r && r.phase === 'merging') r = await finishSteps(db, cost, p, o, timer, true);
    if (r && r.phase === 'merging') throw busy();
  } else if (
    !r ||
    r.id !== rs.id ||
    r.phase !== 'receiving' ||
    r.next_slice !== rs.slice ||
    r.geography_hash !== ctx.geographyHash
  )
    throw resyncConflict(
      r,
      `Slice ${rs.slice} of resync ${rs.id} does not follow what this national received`,
      `Lát ${rs.slice} của lần đồng bộ ${rs.id} không tiếp nối dữ liệu máy chủ quốc gia đã nhận`,
    );
  const statements = [
    ...seen,
    ...(rs.slice === 0
      ? startStatements(p, rs.id, stamp, ctx.geographyHash)
      : [
          sql`INSERT INTO federation_guard (province) SELECT ${p.province} WHERE NOT EXISTS (SELECT 1 FROM
            federation_resyncs WHERE province = ${p.province} AND id = ${rs.id} AND phase = 'receiving'
            AND next_slice = ${rs.slice})`,
        ]),
    ...newGeographyStatements(p),
    ...sliceStatements(p, topsOf(p), rs.last, stamp),
  ];
  await timer.run(() => batch(db, cost, statements));
  await dropAbandoned(db, cost, p.province);
  await noteRequest(db, cost, p.province, rs.id, timer.longest);
  return answer((await resyncOf(db, cost, p.province))!);
}
