import Papa from 'papaparse';
import { msg, type Msg } from '../messages';
import { hex, notUtf8, type RowItem, type Source } from './types';

// CSV is read as a stream so that a file of a million rows never has to fit in the Worker's
// 128 MB: bytes are hashed and decoded chunk by chunk (fatal: invalid UTF-8 is an error, never
// a replacement character) and handed to papaparse's RFC 4180 parser, which returns the
// complete records of each chunk and where the unfinished one begins.

function guessDelimiter(firstLine: string): ',' | ';' {
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function guessNewline(text: string): '\r\n' | '\n' | '\r' {
  const i = text.indexOf('\n');
  if (i > 0 && text[i - 1] === '\r') return '\r\n';
  if (i < 0 && text.includes('\r')) return '\r';
  return '\n';
}

// A record (a data row, quoted line breaks included) or the header line longer than this is
// refused: real rows are a few hundred characters, and a stray quote would otherwise make the
// rest of the file one record, held and re-parsed as it grows.
export const MAX_RECORD_CHARS = 100_000;
export const MAX_HEADER_CHARS = 16_384;

const tooLong = (what: 'header' | 'record', max: number): Msg =>
  what === 'header'
    ? msg(
        `the header line is longer than ${max.toLocaleString('en')} characters ` +
          `without a line break; is this a CSV file?`,
        `dòng tiêu đề dài hơn ${max.toLocaleString('vi')} ký tự mà không xuống dòng; tệp có phải CSV không?`,
      )
    : msg(
        `this record is longer than ${max.toLocaleString('en')} characters: a ` +
          `quote (") opened and never closed? Reading stopped here`,
        `bản ghi này dài hơn ${max.toLocaleString('vi')} ký tự: có dấu ngoặc ` +
          `kép (") mở mà không đóng? Đã dừng đọc tại đây`,
      );

export function csvSource(body: ReadableStream<Uint8Array>): Source {
  // workerd's incremental SHA-256 (the DOM typings of `crypto` do not know it)
  const { DigestStream: Digest } = crypto as unknown as { DigestStream: typeof DigestStream };
  const digest = new Digest('SHA-256');
  const hashWriter = digest.getWriter();
  // a file abandoned half-read (not UTF-8) never finishes its digest; that is not an error
  digest.digest.catch(() => undefined);
  let hashed: Promise<string> | undefined;

  async function* rows(): AsyncGenerator<RowItem> {
    const reader = body.getReader();
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let parser: Papa.Parser | undefined;
    // the unfinished record (or header line): bounded by MAX_RECORD_CHARS, so parsing it again
    // when a chunk brings a line break costs at most that much, whatever the file's size
    let pending = '';
    const stop = async () => {
      await hashWriter.abort().catch(() => undefined);
      await reader.cancel().catch(() => undefined);
    };
    // the rest of the body is read and dropped rather than cancelled: a proxy in front (wrangler
    // dev's, at least) drops the connection, answer included, if the upload is cut short
    const skipRest = async () => {
      await hashWriter.abort().catch(() => undefined);
      while (!(await reader.read()).done);
    };
    for (;;) {
      const { done, value } = await reader.read();
      let text: string;
      try {
        if (value) await hashWriter.write(value);
        text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      } catch {
        await stop();
        throw notUtf8();
      }
      pending += text;
      if (!parser && (pending.length > 0 || done)) {
        if (!done && !/[\r\n]/.test(text)) {
          if (pending.length <= MAX_HEADER_CHARS) continue; // the header line is not complete yet
          await skipRest();
          yield { cells: [], fatal: tooLong('header', MAX_HEADER_CHARS) };
          return;
        }
        const line = pending.split(/\r?\n|\r/, 1)[0];
        if (line.length > MAX_HEADER_CHARS) {
          await skipRest();
          yield { cells: [], fatal: tooLong('header', MAX_HEADER_CHARS) };
          return;
        }
        parser = new Papa.Parser({ delimiter: guessDelimiter(line), newline: guessNewline(pending), quoteChar: '"' });
      }
      // a record can only end at a line break (or the end of the file)
      if (parser && pending && (done || /[\r\n]/.test(text))) {
        const res = parser.parse(pending, 0, !done) as Papa.ParseResult<string[]>;
        for (let i = 0; i < res.data.length; i++) {
          const problem = res.errors.find((e) => e.row === i);
          yield { cells: res.data[i], problem: problem?.message };
        }
        pending = done ? '' : pending.slice(res.meta.cursor);
      }
      if (pending.length > MAX_RECORD_CHARS) {
        await skipRest();
        yield { cells: [], fatal: tooLong('record', MAX_RECORD_CHARS) };
        return;
      }
      if (done) break;
    }
    await hashWriter.close();
    hashed = digest.digest.then(hex);
  }

  return {
    rows: rows(),
    hash: () => hashed ?? Promise.reject(new Error('hash asked before the file was read')),
  };
}
