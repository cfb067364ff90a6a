// Cuts a CSV too large for one request into parts the import API accepts: each part is the
// header line plus whole records. A line break ends a record only outside quotes, i.e. after an
// even number of '"' since the start of the file (RFC 4180 escapes a quote as "", which keeps
// the count even), so quoted line breaks never split a record.

export interface CsvPart {
  bytes: Uint8Array;
  /** The file's row number of the part's first data row. */
  firstRow: number;
}

const QUOTE = 0x22;
const LF = 0x0a;

/** Record boundaries are found in one pass; each part holds at most about `maxBytes` of records. */
export function splitCsv(file: Uint8Array, maxBytes: number): CsvPart[] {
  let quotes = 0;
  const ends: number[] = []; // index just after each record's line break
  for (let i = 0; i < file.length; i++) {
    const b = file[i];
    if (b === QUOTE) quotes++;
    else if (b === LF && quotes % 2 === 0) ends.push(i + 1);
  }
  if (ends.length === 0 || ends[ends.length - 1] !== file.length) ends.push(file.length);
  const header = file.subarray(0, ends[0]);
  const parts: CsvPart[] = [];
  let start = ends[0];
  let firstRow = 1;
  let records = 0;
  for (let r = 1; r < ends.length; r++) {
    records++;
    const last = r === ends.length - 1;
    if (last || ends[r + 1] - start > maxBytes) {
      const body = file.subarray(start, ends[r]);
      const bytes = new Uint8Array(header.length + body.length);
      bytes.set(header);
      bytes.set(body, header.length);
      parts.push({ bytes, firstRow });
      firstRow += records;
      records = 0;
      start = ends[r];
    }
  }
  return parts;
}
