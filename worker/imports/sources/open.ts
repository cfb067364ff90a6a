import { jsonSource, MAX_BUFFERED_BYTES, xlsxSource } from './buffered';
import { csvSource } from './csv';
import { FileError, type Source } from './types';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Chooses the reader by Content-Type (the contract's three formats). */
export async function openSource(req: Request): Promise<{ format: 'csv' | 'xlsx' | 'json'; source: Source }> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const body = req.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() });
  if (type === 'text/csv' || type === 'application/csv' || type === 'text/plain')
    return { format: 'csv', source: csvSource(body) };
  if (type !== XLSX_TYPE && type !== 'application/json')
    throw new FileError(
      `Unsupported Content-Type '${type || '(none)'}': send text/csv, application/json or ${XLSX_TYPE}`,
      `Content-Type '${type || '(không có)'}' không được hỗ trợ: hãy gửi tệp CSV, Excel (.xlsx) hoặc JSON`,
      415,
    );
  const mb = MAX_BUFFERED_BYTES / 1024 / 1024;
  const tooBig = () =>
    new FileError(
      `XLSX and JSON files may be at most ${mb} MB; send larger files as CSV`,
      `Tệp Excel và JSON tối đa ${mb} MB; tệp lớn hơn hãy gửi dạng CSV`,
      413,
    );
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BUFFERED_BYTES) throw tooBig();
  const buf = await req.arrayBuffer();
  if (buf.byteLength > MAX_BUFFERED_BYTES) throw tooBig();
  if (type === 'application/json') return { format: 'json', source: jsonSource(buf) };
  return { format: 'xlsx', source: await xlsxSource(buf) };
}
