import { LIST_FILTERS } from '../../../../worker/domain/dimensions';
import { formatDate } from '../format';
import { t } from '../i18n.svelte';
import { dimensionName, valueLabel } from '../labels';
import { clusterName, unitLabel } from '../meta.svelte';

/** The filters an embed locks, as people read them: "Địa bàn, đơn vị: Tỉnh P; Năm: 2021–2024; Giới tính: Nữ". */
export function queryInWords(q: Record<string, string>): string {
  const parts: string[] = [];
  if (q.unit) parts.push(`${t('area')}: ${unitLabel(q.unit)}`);
  if (q.cluster) parts.push(`${t('clusterShort')}: ${clusterName(q.cluster)}`);
  if (q.from || q.to) parts.push(`${t('years')}: ${q.from ?? '…'}–${q.to ?? '…'}`);
  if (q.months) parts.push(`${t('embedMonths')}: ${q.months.replace('-', '–')}`);
  for (const k of LIST_FILTERS)
    if (q[k])
      parts.push(
        `${dimensionName(k)}: ${q[k]
          .split(',')
          .map((v) => valueLabel(k, v))
          .join(', ')}`,
      );
  if (q.as_of) parts.push(`${t('boundsNow')} (${formatDate(q.as_of)})`);
  return parts.join('; ');
}
