import { fold } from '../text';

// A list annexed to a decision says once, in its title rows, what each row is: "DANH SÁCH CÁ
// NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2024", "(Kèm theo Quyết định số 125/QĐ-UBND ngày
// 20/12/2024 …)". These are read in the browser to fill the list's fields for the analyst to
// confirm before the check; nothing is sent that the page did not show.

export interface TitleFields {
  year?: string;
  award_code?: string;
  recipient_kind?: string;
  decision_no?: string;
  decision_date?: string;
}

interface AwardName {
  name_vi: string;
}

// "Quyết định số 125/QĐ-UBND", "QĐ số 125/QĐ-CT": the number runs to the next space
const DECISION_NO = /(?:quyết định|qđ)\s*(?:số|so)?\s*[:.]?\s*(\d[\w./-]*\/[\p{L}\w.-]+)/iu;
const DECISION_DATE = /ngày\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/iu;
// the year of the list, said after "năm" (the decision's date is not the list's year)
const LIST_YEAR = /năm\s*(\d{4})\b/iu;

const pad = (s: string) => s.padStart(2, '0');

/**
 * The fields a list's title rows state. An award is taken only when one name, the longest that
 * matches, is in the title ("Tập thể lao động tiên tiến" wins over the "Lao động tiên tiến" inside
 * it); "cá nhân" / "tập thể" / "hộ gia đình" name the recipients only when just one is said.
 */
export function titleFields(titles: string[], awards: AwardName[]): TitleFields {
  const text = titles.join(' ').replace(/\s+/g, ' ');
  const out: TitleFields = {};
  const no = DECISION_NO.exec(text);
  if (no) out.decision_no = no[1].replace(/[.,;)]+$/, '');
  const date = DECISION_DATE.exec(text);
  if (date) out.decision_date = `${pad(date[1])}/${pad(date[2])}/${date[3]}`;
  const year = LIST_YEAR.exec(text);
  if (year) out.year = year[1];

  const folded = ` ${fold(text).replace(/[^a-z0-9]+/g, ' ')} `;
  const said = (words: string) =>
    folded.includes(
      ` ${fold(words)
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()} `,
    );
  const matches = awards.filter((a) => said(a.name_vi));
  const longest = Math.max(0, ...matches.map((a) => a.name_vi.length));
  const best = matches.filter((a) => a.name_vi.length === longest);
  // the name, not the code: the analyst reads it, and the importer takes either
  if (best.length === 1) out.award_code = best[0].name_vi;

  const kinds = [
    ['individual', 'cá nhân'],
    ['collective', 'tập thể'],
    ['household', 'hộ gia đình'],
  ].filter(([, words]) => said(words));
  if (kinds.length === 1) out.recipient_kind = kinds[0][0];
  return out;
}
