import type { SQL } from 'drizzle-orm';
import type { ReadCost } from '../db/run';
import { loadLookups, type ImportScope } from '../queries/imports/lookups';
import {
  commitStatements,
  addPart,
  createStagingBatch,
  discardStaging,
  findCommitted,
  getBatch,
  whileStaging,
  write,
  type ImportBatch,
} from '../queries/imports/batches';
import { isGuardFailure } from '../queries/imports/guard';
import { CATALOG_DATASETS, writeCatalogSnapshot } from '../queries/catalog/snapshot';
import { Cancelled, commitAwards } from './lifecycle';
import type { DatasetDef, Values } from './dataset';
import { isTotalLine, mapHeader, MAX_TITLE_ROWS, type HeaderMap } from './header';
import { isFreeText, looksLikeFormula } from './cells';
import { duplicateFinder } from './duplicates';
import { errorGrouper, type ErrorGroup } from './errorGroups';
import { positionTracker, type ClassSuggestion } from './positionClass';
import { rowError, type RowError } from './rowError';
import { msg, type Msg } from './messages';
import type { Source } from './sources/types';

export type { RowError } from './rowError';

/** What was accepted but deserves a look (a column that was not imported, say). */
export interface Warning {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
  message_vi: string;
  sheet_row?: number | null;
  header?: string | null;
}

export type Outcome = (
  | {
      kind: 'invalid';
      errors: RowError[];
      total: number;
      truncated: boolean;
      rows: number;
      groups: ErrorGroup[];
      /** More distinct problems than groups kept. */
      groupsTruncated: boolean;
    }
  | { kind: 'duplicate'; batch: ImportBatch }
  | { kind: 'dry_run'; rows: number }
  | { kind: 'created'; batch: ImportBatch }
  | { kind: 'staged'; batch: ImportBatch }
  /** A DELETE of the staging batch stopped the import: nothing of it counts. */
  | { kind: 'cancelled'; batch: ImportBatch }
) & { warnings: Warning[]; classSuggestions?: ClassSuggestion[] };

/**
 * One part of a file too large for one request (awards only): its rows are added to a staging
 * batch (`batchId`, or a new one for part 1) and counted only when the batch is committed.
 */
export interface Part {
  batchId?: number;
  /** The file's row number of this part's first data row, so that errors name file rows. */
  firstRow: number;
}

export interface ImportRequest {
  db: D1Database;
  cost: ReadCost;
  def: DatasetDef;
  source: Source;
  dryRun: boolean;
  filename: string | null;
  format: 'csv' | 'xlsx' | 'json';
  createdBy: string;
  part?: Part;
  /** A scoped editor's limits (see ImportScope). */
  allowed?: ImportScope;
  /** Values for every row that does not carry its own (the fields of a list's decision), as typed. */
  defaults?: Record<string, string>;
  /** Individuals without a class get the one their Chức vụ suggests (positionClass.ts). */
  classFromPosition?: boolean;
  /** Told every PROGRESS_EVERY records how far reading got (the Workflow's progress; it may throw to stop). */
  onProgress?: (p: { read: number; checked: number; errors: number }) => Promise<void>;
}

const PROGRESS_EVERY = 5000;

// The error list is capped so that a file where every row is wrong still answers quickly;
// the total is always the true count.
export const MAX_ERRORS = 1000;
// One JSON parameter per statement stays under 90 KB, inside D1's 100 KB statement limit even
// if bound values were counted towards it; ten statements go per round trip.
const CHUNK_BYTES = 90_000;
const STATEMENTS_PER_ROUND_TRIP = 10;
// Datasets written in the commit transaction itself are held in memory.
const MAX_IN_MEMORY_ROWS = 100_000;

/** UTF-8 size of a string (a surrogate pair counts 6, an upper bound for its 4 bytes). */
function utf8Bytes(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 ? 1 : 2;
  }
  return n;
}

const FORMULA_WARNING = msg(
  'begins with =, +, - or @ like a spreadsheet formula: stored as given, neutralised in every export',
  'bắt đầu bằng =, +, - hoặc @ như công thức bảng tính: được lưu như đã ghi, được vô hiệu hóa khi xuất tệp',
);

export async function runImport(r: ImportRequest): Promise<Outcome> {
  // each distinct Chức vụ with the class it suggests, in every answer, so a person confirms them
  const positions = r.def.name === 'awards' ? positionTracker() : undefined;
  const outcome = await readAndWrite(r, positions);
  const suggestions = positions?.list() ?? [];
  return suggestions.length ? { ...outcome, classSuggestions: suggestions } : outcome;
}

async function readAndWrite(r: ImportRequest, positions?: ReturnType<typeof positionTracker>): Promise<Outcome> {
  const { db, cost, def } = r;
  const now = new Date().toISOString();
  const errors: RowError[] = [];
  let total = 0;
  // Where a person finds a cell: the spreadsheet's own row number (title rows and the header
  // counted) and the header as the file writes it, beside the contract's row and column.
  const firstSheetRow = r.source.firstRow ?? 1;
  let itemIndex = -1;
  let headerSheetRow: number | null = null;
  let headerText = new Map<string, string>();
  const where = (row: number, column: string | null) => ({
    sheet_row: row === 0 ? headerSheetRow : headerSheetRow === null ? null : headerSheetRow + row,
    header: column === null ? null : (headerText.get(column) ?? column),
  });
  const groups = errorGrouper();
  const report = (row: number, column: string | null, value: string | null, message: Msg) => {
    total++;
    const e = rowError(row, column, value, message, where(row, column));
    groups.add(e, message.candidates);
    if (errors.length < MAX_ERRORS) errors.push(e);
  };
  const warnings: Warning[] = [];
  const warn = (row: number, column: string | null, value: string | null, message: Msg) => {
    if (warnings.length >= MAX_ERRORS) return undefined;
    const w: Warning = { row, column, value, message: message.en, message_vi: message.vi, ...where(row, column) };
    warnings.push(w);
    return w;
  };
  const useHeader = (map: HeaderMap, cells: string[], index: number) => {
    headerSheetRow = firstSheetRow + index;
    headerText = new Map(map.columns.flatMap((c, i) => (c ? [[c.key, cells[i].trim()] as const] : [])));
    return map;
  };
  const duplicate = def.identity ? duplicateFinder(warn) : undefined;
  const invalid = (rows: number): Outcome => {
    const grouped = groups.list();
    return {
      kind: 'invalid',
      errors,
      total,
      truncated: total > errors.length,
      rows,
      warnings,
      groups: grouped.groups,
      groupsTruncated: grouped.truncated,
    };
  };

  // the list's own fields are checked like any cell before the file is read
  const defaults: Values = {};
  for (const [key, raw] of Object.entries(r.defaults ?? {})) {
    const col = def.columns.find((c) => c.key === key)!;
    const parsed = col.parse(raw.trim());
    if (!parsed.ok) report(0, key, raw, parsed.message);
    else defaults[key] = parsed.value;
    if (parsed.ok && looksLikeFormula(raw.trim()) && isFreeText(col.parse)) warn(0, key, raw, FORMULA_WARNING);
  }
  if (total) return invalid(0);
  const given = new Set(Object.keys(defaults));
  const lookups = { ...(await loadLookups(db, cost, def.needs)), allowed: r.allowed };
  let header: HeaderMap | undefined;
  let firstCandidate: { map: HeaderMap; cells: string[]; index: number } | undefined;
  let titleRows = 0;
  let rowNo = r.part ? r.part.firstRow - 1 : 0;
  let rows = 0;
  // a failing part discards the whole upload (all or nothing); a dry run touches nothing
  let stagingId: number | undefined = r.dryRun ? undefined : r.part?.batchId;
  let parts: string[] = [];
  let partBytes = 0;
  let statements: SQL[] = [];
  const chunks: string[] = [];

  // One round trip of staged rows is in flight while the next chunks are parsed and checked (the
  // Worker and D1 then work at the same time); it is awaited before the next one is sent, before
  // the batch is committed or discarded, and its failure (a cancelled batch) surfaces there.
  let inFlight: Promise<unknown> | undefined;
  const settle = async () => {
    const w = inFlight;
    inFlight = undefined;
    await w;
  };
  const flushStaged = async (force: boolean) => {
    if (statements.length && (force || statements.length >= STATEMENTS_PER_ROUND_TRIP)) {
      await settle();
      const sent = write(db, cost, whileStaging(stagingId!, [...statements, ...(def.afterStaged?.(stagingId!) ?? [])]));
      sent.catch(() => undefined); // observed by settle(); not an unhandled rejection meanwhile
      inFlight = sent;
      statements = [];
    }
    if (force) await settle();
  };
  const closeChunk = async () => {
    if (!parts.length) return;
    const json = `[${parts.join(',')}]`;
    parts = [];
    partBytes = 0;
    if (!def.staged) return void chunks.push(json);
    stagingId ??= await createStagingBatch(db, {
      dataset: def.name,
      filename: r.filename,
      format: r.format,
      createdBy: r.createdBy,
      now,
    });
    statements.push(...def.insert(stagingId, json));
    await flushStaged(false);
  };

  try {
    for await (const item of r.source.rows) {
      itemIndex++;
      if (r.onProgress && itemIndex % PROGRESS_EVERY === 0)
        await r.onProgress({ read: itemIndex, checked: rows, errors: total });
      if (item.fatal) {
        report(header ? rowNo + 1 : 0, null, null, item.fatal);
        return invalid(rows);
      }
      if (!header) {
        // Lists from decisions open with title rows (the list's name, the decision, the unit):
        // the header is the first row that names every required column, within the first rows.
        if (item.cells.every((c) => c.trim() === '')) continue;
        const candidate = mapHeader(item.cells, def, given);
        firstCandidate ??= { map: candidate, cells: item.cells, index: itemIndex };
        if (candidate.errors.length && ++titleRows <= MAX_TITLE_ROWS) continue;
        header = candidate.errors.length
          ? useHeader(firstCandidate.map, firstCandidate.cells, firstCandidate.index)
          : useHeader(candidate, item.cells, itemIndex);
        for (const e of header.errors) report(0, e.column, e.value, e.message);
        if (total) return invalid(0);
        for (const cell of header.ignored)
          warn(
            0,
            cell,
            cell,
            msg(
              `column '${cell}' is not one this dataset keeps: its values were not imported`,
              `cột '${cell}' không thuộc dữ liệu này: giá trị của cột không được nhập`,
            ),
          );
        continue;
      }
      rowNo++;
      if (item.problem) {
        report(
          rowNo,
          null,
          null,
          msg(
            `unreadable CSV: ${item.problem}`,
            `dòng CSV không đọc được (thiếu hoặc thừa dấu ngoặc kép): ${item.problem}`,
          ),
        );
        continue;
      }
      if (item.cells.every((c) => c.trim() === '')) continue; // blank lines are not rows
      if (isTotalLine(item.cells)) continue;
      rows++;
      const before = total;
      const extra = item.cells.slice(header.columns.length).find((c) => c.trim() !== '');
      if (extra !== undefined)
        report(
          rowNo,
          null,
          extra,
          msg(
            `this row has ${item.cells.length} cells but the header has ` +
              `${header.columns.length} columns (check the delimiter and the quoting)`,
            `dòng này có ${item.cells.length} ô nhưng dòng tiêu đề có ` +
              `${header.columns.length} cột (kiểm tra dấu phân cách và dấu ngoặc kép)`,
          ),
        );
      const values: Values = { ...defaults };
      header.columns.forEach((col, i) => {
        if (!col) return;
        const raw = (item.cells[i] ?? '').trim();
        if (raw === '') {
          if (col.required && !given.has(col.key))
            report(
              rowNo,
              col.key,
              '',
              msg('required: this cell must not be blank', 'bắt buộc: ô này không được để trống'),
            );
          return;
        }
        const parsed = col.parse(raw);
        if (!parsed.ok) {
          report(rowNo, col.key, raw, parsed.message);
          return;
        }
        values[col.key] = parsed.value;
        if (looksLikeFormula(raw) && isFreeText(col.parse)) warn(rowNo, col.key, raw, FORMULA_WARNING);
      });
      if (positions && header.position !== undefined) {
        const suggested = positions.see((item.cells[header.position] ?? '').trim());
        if (
          r.classFromPosition &&
          suggested &&
          values.recipient_class === undefined &&
          values.recipient_kind === 'individual'
        )
          values.recipient_class = suggested;
      }
      if (total > before) continue;
      const tuple = def.check(
        values,
        lookups,
        (column, message) => report(rowNo, column, column ? String(values[column] ?? '') : null, message),
        rowNo,
      );
      if (tuple && duplicate) duplicate(def.identity!(values, tuple), rowNo);
      if (!def.staged && rows > MAX_IN_MEMORY_ROWS) {
        const max = MAX_IN_MEMORY_ROWS;
        report(
          rowNo,
          null,
          null,
          msg(
            `a ${def.name} file may have at most ${max.toLocaleString('en')} rows; split it`,
            `tệp ${def.name} có tối đa ${max.toLocaleString('vi')} dòng; hãy chia nhỏ tệp`,
          ),
        );
        return invalid(rows);
      }
      // Once a row is wrong nothing more is written; the rest of the file is still checked so
      // the report lists every problem at once.
      if (!tuple || total || r.dryRun) continue;
      const json = JSON.stringify(tuple);
      parts.push(json);
      partBytes += utf8Bytes(json) + 1;
      if (partBytes >= CHUNK_BYTES) await closeChunk();
    }
    if (!header && firstCandidate) {
      // no row named every required column: the first row was meant as the header
      useHeader(firstCandidate.map, firstCandidate.cells, firstCandidate.index);
      for (const e of firstCandidate.map.errors) report(0, e.column, e.value, e.message);
      return invalid(0);
    }
    if (!header) {
      report(
        0,
        null,
        null,
        msg(
          'the file is empty: expected a header row with the column names, then data rows',
          'tệp trống: cần dòng tiêu đề với tên các cột, sau đó là các dòng dữ liệu',
        ),
      );
      return invalid(0);
    }
    if (rows === 0 && total === 0)
      report(
        0,
        null,
        null,
        msg('the file has a header but no data rows', 'tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào'),
      );

    const hash = await r.source.hash();
    // a part is recognised as a repeat only with the others, when the batch is committed
    const existing = r.part ? null : await findCommitted(db, cost, def.name, hash);
    if (existing) return { kind: 'duplicate', batch: existing, warnings };
    if (total) return invalid(rows);
    if (r.dryRun) return { kind: 'dry_run', rows, warnings };

    await closeChunk();
    await flushStaged(true);
    const id =
      stagingId ??
      (await createStagingBatch(db, {
        dataset: def.name,
        filename: r.filename,
        format: r.format,
        createdBy: r.createdBy,
        now,
      }));
    stagingId = id;
    if (r.part) {
      await write(db, cost, whileStaging(id, [addPart(id, hash, rows)]));
      stagingId = undefined; // kept for the next part
      return { kind: 'staged', batch: (await getBatch(db, cost, id))!, warnings };
    }
    try {
      if (def.staged) await commitAwards(db, cost, id, hash, rows, r.createdBy);
      else {
        const inserts = chunks.flatMap((json) => def.insert(id, json));
        // the catalogue's snapshot is written anew in the same transaction (catalog/snapshot.ts)
        const after = [...(def.after?.(id) ?? []), ...(CATALOG_DATASETS.has(def.name) ? writeCatalogSnapshot() : [])];
        await write(db, cost, commitStatements({ id, hash, rows, now, inserts, after }));
      }
    } catch (e) {
      if (e instanceof Cancelled || isGuardFailure(e)) throw e;
      // the same file committed by a concurrent upload wins the unique index
      const raced = await findCommitted(db, cost, def.name, hash);
      if (raced && raced.id !== id) return { kind: 'duplicate', batch: raced, warnings };
      throw e;
    }
    stagingId = undefined;
    return { kind: 'created', batch: (await getBatch(db, cost, id))!, warnings };
  } catch (e) {
    if (!(e instanceof Cancelled || isGuardFailure(e)) || stagingId === undefined) throw e;
    // a DELETE cancelled the batch: it removes the rows itself
    const batch = (await getBatch(db, cost, stagingId))!;
    stagingId = undefined;
    return { kind: 'cancelled', batch, warnings };
  } finally {
    await settle().catch(() => undefined); // the outcome (or the error thrown) is already decided
    if (stagingId !== undefined) await discardStaging(db, cost, stagingId);
  }
}
