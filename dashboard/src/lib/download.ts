// What a card's downloads need: the API URL of its numbers as a file (the same query path as
// the screen, so a file never differs from what is shown), and a line saying which filters made
// it, printed under exported pictures.
import { formatDateTime } from './format';
import { lang, t } from './i18n.svelte';
import { clusterName, meta, unitLabel } from './meta.svelte';
import { followDate, lineageDate } from './filters/lineage.svelte';
import { LIST_FILTERS, mappedToToday } from './filters/query.svelte';
import { dimensionName, valueLabel } from './labels';
import { scopeLabel } from './scopeLabel';
import { session } from './session.svelte';
import { urlState } from './url.svelte';

export interface Download {
  /** API path under /api/v1, e.g. '/awards/summary'. */
  path: string;
  query: Record<string, string | number | undefined>;
}

export function fileUrl(d: Download, format: 'csv' | 'xlsx'): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(d.query)) if (v !== undefined && v !== '') q.set(k, String(v));
  q.set('format', format);
  q.set('lang', lang());
  return `/api/v1${d.path}?${q}`;
}

/** "Địa bàn: …; năm 2015–2024; cụm: …; theo địa giới hiện nay" for the current URL. */
export function filterSummary(): string {
  const p = urlState.params;
  // without a chosen area a scoped user's figures are their whole scope, and the picture says so
  const scope = session.me?.scope;
  const parts: string[] = [p.unit ? `${t('area')}: ${unitLabel(p.unit)}` : scope ? scopeLabel(scope) : t('allAreas')];
  if (p.from || p.to) parts.push(`${t('years')}: ${p.from ?? '…'}–${p.to ?? '…'}`);
  if (p.cluster) parts.push(`${t('clusterShort')}: ${clusterName(p.cluster)}`);
  // the other filters in words, as the filter bar names them ("Giới tính: Nữ")
  const others = LIST_FILTERS.filter((k) => p[k]);
  if (others.length)
    parts.push(
      others
        .map(
          (k) =>
            `${dimensionName(k)}: ${p[k]
              .split(',')
              .map((v) => valueLabel(k, v))
              .join(', ')}`,
        )
        .join('; '),
    );
  if (mappedToToday()) parts.push(t('boundsNow'));
  else if (followDate()) parts.push(t('boundsFollow'));
  else if (lineageDate()) parts.push(t('boundsLineage'));
  return parts.join('; ');
}

export function sourceLine(): string {
  const m = meta.data;
  return m ? t('exportSource', { time: formatDateTime(m.updated_at, lang()), version: m.data_version }) : t('source');
}
