import { FileError } from './types';

// SheetJS expands a whole workbook in memory, and a Worker has 128 MB: a 400 KB file of
// compressed zeros can inflate to gigabytes. So before SheetJS sees a workbook, its size is
// measured without expanding it: the sizes the zip's central directory declares, the sheets'
// <dimension>, and then the true inflated size, counted while inflating into nothing (a
// central directory can lie).

export const MAX_XLSX_UNCOMPRESSED = 48 * 1024 * 1024;
export const MAX_XLSX_ROWS = 100_000;
export const MAX_XLSX_CELLS = 2_000_000;

interface Entry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  offset: number;
}

const unreadable = () =>
  new FileError('The file could not be read as an Excel workbook (.xlsx).', 'Không đọc được tệp Excel (.xlsx) này.');
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const tooLarge = (what: string, whatVi: string) =>
  new FileError(
    `The workbook is too large once uncompressed (${what}; at most ` +
      `${mb(MAX_XLSX_UNCOMPRESSED)}, ${MAX_XLSX_ROWS.toLocaleString('en')} ` +
      `rows and ${MAX_XLSX_CELLS.toLocaleString('en')} cells): send it as ` +
      `CSV. Nothing was read.`,
    `Sổ tính quá lớn khi giải nén (${whatVi}; tối đa ` +
      `${mb(MAX_XLSX_UNCOMPRESSED)}, ${MAX_XLSX_ROWS.toLocaleString('vi')} ` +
      `dòng và ${MAX_XLSX_CELLS.toLocaleString('vi')} ô): hãy gửi dạng CSV. ` +
      `Chưa đọc gì.`,
    413,
  );

/** The entries of the zip's central directory (end record found within the last 64 KB). */
function centralDirectory(buf: Uint8Array): Entry[] {
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw unreadable();
  const count = v.getUint16(end + 10, true);
  let p = v.getUint32(end + 16, true);
  const entries: Entry[] = [];
  const names = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || v.getUint32(p, true) !== 0x02014b50) throw unreadable();
    const nameLength = v.getUint16(p + 28, true);
    const extra = v.getUint16(p + 30, true);
    const comment = v.getUint16(p + 32, true);
    entries.push({
      name: names.decode(buf.subarray(p + 46, p + 46 + nameLength)),
      method: v.getUint16(p + 10, true),
      compressed: v.getUint32(p + 20, true),
      uncompressed: v.getUint32(p + 24, true),
      offset: v.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** The compressed bytes of an entry (after its local header). */
function data(buf: Uint8Array, e: Entry): Uint8Array {
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (e.offset + 30 > buf.length || v.getUint32(e.offset, true) !== 0x04034b50) throw unreadable();
  const start = e.offset + 30 + v.getUint16(e.offset + 26, true) + v.getUint16(e.offset + 28, true);
  return buf.subarray(start, start + e.compressed);
}

/**
 * Inflates an entry into nothing, counting bytes, and stops past `limit`. `onHead` sees the
 * first 4 KB (a sheet's <dimension> is near its start) before the rest is inflated.
 */
async function inflatedSize(
  bytes: Uint8Array,
  method: number,
  limit: number,
  onHead?: (head: string) => void,
): Promise<number> {
  if (method === 0) {
    onHead?.(new TextDecoder().decode(bytes.subarray(0, 4096)));
    return bytes.length;
  }
  if (method !== 8) throw unreadable();
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let n = 0;
  let head = '';
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        throw unreadable();
      }
      if (onHead && head.length < 4096 && (chunk.done || n + (chunk.value?.length ?? 0) >= 4096)) {
        head += new TextDecoder().decode(chunk.value?.subarray(0, 4096) ?? new Uint8Array());
        onHead(head);
        onHead = undefined;
      } else if (onHead && chunk.value) head += new TextDecoder().decode(chunk.value);
      if (chunk.done) return n;
      n += chunk.value.length;
      if (n > limit) return n;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** Rows and cells a sheet declares in <dimension ref="A1:M5000">, if it does. */
function dimension(head: string): { rows: number; cells: number } | null {
  const m = /<(?:\w+:)?dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/.exec(head);
  if (!m) return null;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const rows = Number(m[4] ?? m[2]) - Number(m[2]) + 1;
  const cols = col(m[3] ?? m[1]) - col(m[1]) + 1;
  return { rows, cells: rows * cols };
}

/** Refuses (413) a workbook that would not fit once expanded; returns quietly otherwise. */
export async function checkXlsxSize(buf: Uint8Array): Promise<void> {
  const entries = centralDirectory(buf);
  const declared = entries.reduce((s, e) => s + e.uncompressed, 0);
  if (declared > MAX_XLSX_UNCOMPRESSED) throw tooLarge(`${mb(declared)} declared`, `khai báo ${mb(declared)}`);
  // counted for real, since the declared sizes may lie; a sheet's declared dimension is
  // checked as soon as its first bytes are out
  let total = 0;
  for (const e of entries) {
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/.test(e.name);
    total += await inflatedSize(
      data(buf, e),
      e.method,
      MAX_XLSX_UNCOMPRESSED - total,
      sheet ? (head) => checkDimension(head, e.name) : undefined,
    );
    if (total > MAX_XLSX_UNCOMPRESSED)
      throw tooLarge(`more than ${mb(MAX_XLSX_UNCOMPRESSED)}`, `hơn ${mb(MAX_XLSX_UNCOMPRESSED)}`);
  }
}

function checkDimension(head: string, name: string) {
  const dim = dimension(head);
  if (dim && dim.rows > MAX_XLSX_ROWS)
    throw tooLarge(
      `${dim.rows.toLocaleString('en')} rows in ${name}`,
      `${dim.rows.toLocaleString('vi')} dòng trong ${name}`,
    );
  if (dim && dim.cells > MAX_XLSX_CELLS)
    throw tooLarge(
      `${dim.cells.toLocaleString('en')} cells in ${name}`,
      `${dim.cells.toLocaleString('vi')} ô trong ${name}`,
    );
}
