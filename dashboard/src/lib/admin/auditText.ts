// An audit entry in words: the action in the reader's language, and its detail as
// "vai trò: Người xem; phạm vi: Đơn vị: Huyện Thái Thụy" rather than JSON.
import type { Dataset, Scope } from '../api';
import { DATASET_LABELS } from '../data/datasets';
import { formatDateTime } from '../format';
import { hasKey, lang, t } from '../i18n.svelte';
import { clusterName, unitLabel } from '../meta.svelte';
import { scopeLabel } from '../scopeLabel';

/** The actions the API records (worker: recordAudit, auditStatement), for the log's filter. */
export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_out',
  'sign_in_link',
  'user_create',
  'user_update',
  'user_disable',
  'user_enable',
  'token_create',
  'token_revoke',
  'import',
  'rollback',
] as const;

/** The label of a key built from an API value, if the dictionary has one. */
const label = (key: string): string | undefined => (hasKey(key) ? t(key) : undefined);

export const actionLabel = (action: string) => label(`action_${action}`) ?? action;

function value(key: string, v: unknown): string {
  // a null scope is "everything", not "none"
  if (key === 'scope') return scopeLabel((v ?? null) as Scope);
  if (v === null || v === undefined) return t('none');
  if (typeof v === 'boolean') return v ? t('yes') : t('no');
  if (key === 'scope_unit' && typeof v === 'string') return unitLabel(v);
  if (key === 'scope_cluster' && typeof v === 'string') return clusterName(v);
  if (key === 'dataset' && typeof v === 'string' && v in DATASET_LABELS) return t(DATASET_LABELS[v as Dataset]);
  if ((key === 'role' || key === 'via') && typeof v === 'string') return label(`${key}_${v}`) ?? v;
  if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)) return formatDateTime(v, lang());
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function detailText(detail: Record<string, unknown> | null): string {
  if (!detail) return '';
  return Object.entries(detail)
    .map(([k, v]) => `${label(`detail_${k}`) ?? k}: ${value(k, v)}`)
    .join('; ');
}
