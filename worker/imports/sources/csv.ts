import Papa from 'papaparse';
import { hex, notUtf8, type RowItem, type Source } from './types';

// CSV is read as a stream so that a file of a million rows never has to fit in the Worker's
// 128 MB: bytes are hashed and decoded chunk by chunk (fatal: invalid UTF-8 is an error, never
// a replacement character) and handed to papaparse's RFC 4180 parser, which returns the
// complete records of each chunk and where the unfinished one begins.

function guessDelimiter(text: string): ',' | ';' {
  const firstLine = text.split(/\r?\n|\r/, 1)[0];
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function guessNewline(text: string): '\r\n' | '\n' | '\r' {
  const i = text.indexOf('\n');
  if (i > 0 && text[i - 1] === '\r') return '\r\n';
  if (i < 0 && text.includes('\r')) return '\r';
  return '\n';
}

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
    let pending = '';
    for (;;) {
      const { done, value } = await reader.read();
      let text: string;
      try {
        if (value) await hashWriter.write(value);
        text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      } catch {
        await hashWriter.abort().catch(() => undefined);
        await reader.cancel().catch(() => undefined);
        throw notUtf8();
      }
      pending += text;
      if (!parser && (pending.length > 0 || done)) {
        if (!done && !/[\r\n]/.test(pending)) continue; // the header line is not complete yet
        parser = new Papa.Parser({ delimiter: guessDelimiter(pending), newline: guessNewline(pending), quoteChar: '"' });
      }
      if (parser && pending) {
        const res = parser.parse(pending, 0, !done) as Papa.ParseResult<string[]>;
        for (let i = 0; i < res.data.length; i++) {
          const problem = res.errors.find((e) => e.row === i);
          yield { cells: res.data[i], problem: problem?.message };
        }
        pending = done ? '' : pending.slice(res.meta.cursor);
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
