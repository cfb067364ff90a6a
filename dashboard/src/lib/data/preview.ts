import Papa from 'papaparse';

export const PREVIEW_ROWS = 5;
/** Rows read to find the header below a list's title rows (the importer looks as far). */
const SCAN_ROWS = 20;

/**
 * From the header on: lists from decisions open with title rows ("UBND HUYỆN …", "DANH SÁCH …"),
 * which would fill the preview and hide the columns. The header is taken to be the first of the
 * fullest rows; the importer finds it by its words, which the browser does not know.
 */
export function fromHeader(rows: string[][]): string[][] {
  return splitAtHeader(rows).rows;
}

/** The header with the first rows, and the text of the title rows above it (one line each). */
export function splitAtHeader(rows: string[][]): Preview {
  const filled = (r: string[]) => r.filter((c) => String(c).trim() !== '').length;
  const scanned = rows.slice(0, SCAN_ROWS);
  const most = Math.max(0, ...scanned.map(filled));
  const at = Math.max(
    0,
    scanned.findIndex((r) => filled(r) === most),
  );
  const titles = rows
    .slice(0, at)
    .map((r) =>
      r
        .map((c) => String(c).trim())
        .filter(Boolean)
        .join(' '),
    )
    .filter(Boolean);
  return { rows: rows.slice(at, at + PREVIEW_ROWS + 1), titles };
}

export interface Preview {
  rows: string[][];
  titles: string[];
}

/** The header and first rows of a file, read in the browser before anything is sent. */
export async function previewFile(file: File): Promise<Preview | null> {
  const ext = file.name.split('.').pop()?.toLowerCase();
  if (ext === 'csv' || ext === 'txt') {
    // the first 64 KB is plenty for a header and five rows
    const text = new TextDecoder('utf-8').decode(await file.slice(0, 65536).arrayBuffer());
    const res = Papa.parse<string[]>(text, {
      preview: SCAN_ROWS + PREVIEW_ROWS + 1,
      delimitersToGuess: [',', ';'],
      skipEmptyLines: true,
    });
    return splitAtHeader(res.data);
  }
  if (ext === 'xlsx') {
    if (file.size > 10 * 1024 * 1024) return null;
    const XLSX = await import('@e965/xlsx'); // its own chunk, loaded only for Excel files
    const wb = XLSX.read(await file.arrayBuffer(), { type: 'array', sheetRows: SCAN_ROWS + PREVIEW_ROWS + 1 });
    const sheet = wb.Sheets[wb.SheetNames[0]];
    return sheet
      ? splitAtHeader(XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: '' }))
      : null;
  }
  if (ext === 'json' && file.size < 5 * 1024 * 1024) {
    try {
      const data = JSON.parse(await file.text()) as Record<string, unknown>[];
      if (!Array.isArray(data) || !data.length) return null;
      const header = Object.keys(data[0]);
      return {
        rows: [header, ...data.slice(0, PREVIEW_ROWS).map((r) => header.map((k) => String(r[k] ?? '')))],
        titles: [],
      };
    } catch {
      return null;
    }
  }
  return null;
}
