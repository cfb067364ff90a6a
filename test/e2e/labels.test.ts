import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CLOSED_DIMENSIONS, MISSING_LABEL } from '../../worker/domain/dimensions';
import { headerOf } from '../../worker/files/headers';
import { demoSession, DESKTOP, openPage } from './pages';

// What a downloaded file calls a value is exactly what the dashboard calls it, for every closed
// dimension and both languages: the names in the CSV and XLSX of group_by=<dim>&lang= are read back and
// must each be one of the options the filter bar offers for that dimension.
const session = demoSession();

async function screenLabels(lang: 'vi' | 'en'): Promise<Record<string, string[]>> {
  // a secondary filter in the URL opens every filter of the bar
  const opened = await openPage(
    session,
    `${session.server.url}/?method=THUONG_XUYEN${lang === 'en' ? '&lang=en' : ''}`,
    DESKTOP,
  );
  const out: Record<string, string[]> = {};
  for (const dim of CLOSED_DIMENSIONS) {
    const options = opened.page.locator(`select[data-param="${dim}"] option:not([value=""])`);
    out[dim] = (await options.allTextContents()).map((s) => s.trim());
  }
  await opened.page.close();
  return out;
}

async function fileNames(dim: string, lang: 'vi' | 'en', format: 'csv' | 'xlsx'): Promise<string[]> {
  const res = await session.server.api(`/api/v1/awards/summary?group_by=${dim}&format=${format}&lang=${lang}`);
  expect(res.status).toBe(200);
  let rows: Record<string, string>[];
  if (format === 'csv') {
    const text = await res.text();
    rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, '').trimEnd(), {
      header: true,
      newline: '\r\n',
    }).data;
  } else {
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
    rows = XLSX.utils.sheet_to_json<Record<string, string>>(book.Sheets[book.SheetNames[0]], { raw: false });
  }
  // with lang the file's headers are words too: the name column is headed by the dimension's name
  const column = headerOf(`${dim}_name`, lang);
  return rows.map((r) => r[column]).filter((n) => n !== undefined && n !== '');
}

describe('value labels', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`are the same in CSV, XLSX and on the screen (${lang})`, async () => {
      const screen = await screenLabels(lang);
      for (const dim of CLOSED_DIMENSIONS) {
        expect(screen[dim].length, dim).toBeGreaterThan(1);
        for (const format of ['csv', 'xlsx'] as const) {
          const names = await fileNames(dim, lang, format);
          expect(names.length, `${dim} ${format}`).toBeGreaterThan(0);
          // awards without a value are named as the charts name them (t('notGiven'))
          const shown = [...screen[dim], MISSING_LABEL[lang]];
          for (const name of names) expect(shown, `${dim} ${format} ${lang}`).toContain(name);
        }
      }
    });
  }
});
