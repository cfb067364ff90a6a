// A user's scope in words: "Toàn bộ", "Đơn vị: Huyện Thái Thụy (đến 30/06/2025)", "Cụm, khối: …".
import type { Scope } from './api';
import { t } from './i18n.svelte';
import { clusterName, unitLabel } from './meta.svelte';

export function scopeLabel(scope: Scope): string {
  if (scope === null) return t('scopeAll');
  if ('unit' in scope) return t('scopeUnit', { name: unitLabel(scope.unit) });
  return t('scopeCluster', { name: clusterName(scope.cluster) });
}
