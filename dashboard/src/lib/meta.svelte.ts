// The catalog (/api/v1/meta), loaded once for the whole app: every page needs unit, award,
// cluster and movement names, and they should not be fetched again on each page change.
import { getMeta, type Meta } from './api';
import { formatDate } from './format';
import { lang, t } from './i18n.svelte';

export type Unit = Meta['units'][number];
export type Cluster = Meta['clusters'][number];

let data = $state.raw<Meta | undefined>();
let failed = $state(false);
let started = false;

function load() {
  if (started) return;
  started = true;
  getMeta().then(
    (m) => (data = m),
    () => (failed = true),
  );
}

/** After an import or rollback: units, years and the data version may all have changed. */
export function reloadMeta() {
  started = false;
  failed = false;
  load();
}

export const meta = {
  get data() {
    load();
    return data;
  },
  get failed() {
    return failed;
  },
};

function byCode<T extends { code: string }>(list: T[] | undefined, code: string | null | undefined) {
  return code ? list?.find((x) => x.code === code) : undefined;
}

export const findUnit = (code: string | null | undefined) => byCode(meta.data?.units, code);
export const findCluster = (code: string | null | undefined) => byCode(meta.data?.clusters, code);

/** A unit's name (its code only while the catalog loads or for a code it does not know). */
export function unitName(code: string | null | undefined): string {
  if (!code) return t('notGiven');
  return findUnit(code)?.name ?? code;
}

/**
 * The name with its validity where the 2025 reorganisation matters, so old and new units can
 * be told apart side by side: "Huyện Thái Thụy (đến 30/06/2025)", "Tỉnh Hưng Yên (từ 01/07/2025)".
 */
export function unitLabel(code: string | null | undefined): string {
  const u = findUnit(code);
  if (!u) return unitName(code);
  if (u.valid_to) return `${u.name} (${t('until')} ${formatDate(u.valid_to)})`;
  if (u.valid_from) return `${u.name} (${t('since')} ${formatDate(u.valid_from)})`;
  return u.name;
}

export function awardName(code: string | null | undefined): string {
  if (!code) return t('notGiven');
  const a = byCode(meta.data?.award_types, code);
  if (!a) return code;
  return lang() === 'en' && a.name_en ? a.name_en : a.name_vi;
}

export const clusterName = (code: string | null | undefined) =>
  code ? (findCluster(code)?.name ?? code) : t('notGiven');

export function movementName(code: string | null | undefined): string {
  if (!code) return t('noMovement');
  return byCode(meta.data?.movements, code)?.name ?? code;
}

/** The unit and its ancestors, root first (for the breadcrumb). */
export function ancestry(code: string | null | undefined): Unit[] {
  const out: Unit[] = [];
  let u = findUnit(code);
  while (u) {
    out.unshift(u);
    u = findUnit(u.parent_code);
  }
  return out;
}
