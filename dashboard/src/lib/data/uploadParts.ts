import {
  commitImport,
  importFile,
  type Dataset,
  type ErrorGroup,
  type ImportResult,
  type RowError,
  type UploadOptions,
} from '../api';
import { splitCsv } from './split';

// Cloudflare takes request bodies up to 100 MB (Free and Pro plans): larger award CSVs are cut
// here into parts of at most 50 MB, sent one by one into a staging batch, then committed. The
// browser test sets a tiny size in sessionStorage to exercise the parts with a small file.
const partBytes = () => Number(sessionStorage.getItem('thidua-part-bytes')) || 50 * 1024 * 1024;
const MAX_ERRORS = 1000;

export function needsParts(dataset: Dataset, file: File): boolean {
  return dataset === 'awards' && file.size > partBytes() && /\.(csv|txt)$/i.test(file.name);
}

/** Checks (dryRun) or imports a file in parts; answers like a one-request import would. */
export async function importInParts(
  dataset: Dataset,
  file: File,
  opts: Omit<UploadOptions, 'part'>,
): Promise<ImportResult> {
  const parts = splitCsv(new Uint8Array(await file.arrayBuffer()), partBytes());
  const total = parts.reduce((n, p) => n + p.bytes.length, 0);
  let sentBefore = 0;
  let batch: number | undefined;
  let rows = 0;
  const errors: RowError[] = [];
  const groups: ErrorGroup[] = [];
  let problems = 0;
  for (const [i, p] of parts.entries()) {
    const res = await importFile(dataset, new Blob([p.bytes as BlobPart]), file.name, {
      ...opts,
      part: { number: i + 1, firstRow: p.firstRow, batch },
      onProgress: (sent) => opts.onProgress?.(sentBefore + sent, total),
    });
    sentBefore += p.bytes.length;
    if (res.status === 422 && 'errors' in res) {
      // a dry run goes on to report the problems of every part; an import has been discarded
      if (!opts.dryRun) return res;
      errors.push(...res.errors.slice(0, MAX_ERRORS - errors.length));
      for (const g of res.error_groups ?? []) {
        const same = groups.find((h) => h.column === g.column && h.value === g.value && h.message === g.message);
        if (!same) groups.push({ ...g, rows: [...g.rows], sheet_rows: [...g.sheet_rows] });
        else {
          same.count += g.count;
          same.rows.push(...g.rows.slice(0, 5 - same.rows.length));
          same.sheet_rows.push(...g.sheet_rows.slice(0, 5 - same.sheet_rows.length));
        }
      }
      problems += res.total;
      rows += res.rows;
    } else if (res.status === 200 && 'dry_run' in res) rows += res.batch.rows;
    else if (res.status === 202 && 'part' in res) batch = res.batch.id;
    else return res;
  }
  if (opts.dryRun) {
    if (problems)
      return {
        status: 422,
        error: `${problems} problems found; nothing was imported`,
        error_vi: `Có ${problems} lỗi; không dòng nào được nhập`,
        errors,
        total: problems,
        errors_truncated: problems > errors.length,
        rows,
        error_groups: groups.sort((a, b) => b.count - a.count),
      };
    return { status: 200, dry_run: true, batch: { id: null, dataset, rows } };
  }
  return commitImport(batch!);
}
