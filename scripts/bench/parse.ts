// `npm run bench:parse`: files built to cost the parser time, through POST /api/v1/imports/awards
// on `npm start` (DEMO=0, a temporary DATA_DIR under /tmp/wt13-bench-*, PORT or 18852): a stray
// quote in 5 MB and 20 MB files (near the start and near the end), a 10 MB header with no line
// break, a 10 MB cell in JSON, and a zip bomb. Prints seconds and answer sizes side by side.
import { mkdtempSync } from 'node:fs';
import { loadavg } from 'node:os';
import { deflateRawSync } from 'node:zlib';
import { startServer } from '../../test/e2e/server.ts';
import { importGeography } from './awardsCsv.ts';

const TOKEN = 'bench-token';
const HEAD =
  'year,award_code,unit_code,recipient_kind,quantity,gender,method,decision_no,decision_date,recipient_name\r\n';
const row = (i: number) =>
  `${2012 + (i % 14)},LDTT,X${String(i % 200).padStart(3, '0')},individual,1,F,THUONG_XUYEN,` +
  `${i}/QĐ-UBND,15/12/2020,Nguyễn Thị Hoa\r\n`;

/** An awards CSV of about `mb` MB whose record at fraction `at` of the file opens a quote it never closes. */
function strayQuote(mb: number, at: number): string {
  const rows: string[] = [HEAD];
  const n = Math.round((mb * 1e6) / row(1).length);
  for (let i = 1; i <= n; i++) rows.push(i === Math.round(n * at) ? row(i).replace(`,${i}/QĐ`, `,"${i}/QĐ`) : row(i));
  return rows.join('');
}

/** A zip with one sheet: `bytes` of empty rows deflated (a 400 KB file for 400 MB). */
function bomb(bytes: number): Uint8Array {
  const xml = Buffer.alloc(bytes, '<row/>');
  const data = deflateRawSync(xml, { level: 9 });
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(bytes, 22);
  local.writeUInt16LE(name.length, 26);
  const cd = Buffer.alloc(46);
  cd.writeUInt32LE(0x02014b50, 0);
  cd.writeUInt16LE(8, 10);
  cd.writeUInt32LE(data.length, 20);
  cd.writeUInt32LE(bytes, 24);
  cd.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(cd.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  return Buffer.concat([local, name, data, cd, name, end]);
}

const server = await startServer({
  DEMO: '0',
  ADMIN_TOKEN: TOKEN,
  PORT: process.env.PORT ?? '18852',
  DATA_DIR: mkdtempSync('/tmp/wt13-bench-'),
});
try {
  await importGeography(server.api);
  const send = async (label: string, body: string | Uint8Array, type = 'text/csv') => {
    const started = performance.now();
    const res = await server.api('/api/v1/imports/awards', {
      method: 'POST',
      headers: { 'content-type': type },
      body: body as BodyInit,
    });
    const text = await res.text();
    const s = (performance.now() - started) / 1000;
    const size = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
    console.log(
      `| ${label} | ${(size / 1e6).toFixed(1)} MB | ${res.status} | ` +
        `${s.toFixed(2)} s | ${text.length.toLocaleString('en')} B | ` +
        `${text.slice(0, 140).replace(/\|/g, '/')} |`,
    );
  };
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log('| file | size | status | time | answer | answer begins |');
  console.log('|---|---|---|---|---|---|');
  for (const mb of [5, 20]) await send(`stray quote at 1% of the file`, strayQuote(mb, 0.01));
  for (const mb of [5, 20]) await send(`stray quote at 90% of the file`, strayQuote(mb, 0.9));
  await send('header of 10 MB, no line break', `year,${'x'.repeat(10e6)}`);
  const cell = 'A'.repeat(10e6);
  await send(
    'JSON with a 10 MB cell',
    JSON.stringify([{ year: cell, award_code: 'LDTT', unit_code: 'X001', recipient_kind: 'individual' }]),
    'application/json',
  );
  await send(
    'XLSX: 400 MB of empty rows deflated',
    bomb(400e6),
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const lying = bomb(400e6);
  // the same bomb whose central directory claims 1 KB
  const v = new DataView(lying.buffer, lying.byteOffset, lying.byteLength);
  const cdAt = v.getUint32(lying.length - 6, true);
  v.setUint32(cdAt + 24, 1024, true);
  v.setUint32(22, 1024, true);
  await send(
    'XLSX: the same, central directory lying (1 KB)',
    lying,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
} finally {
  await server.stop();
}
