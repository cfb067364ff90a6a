// The API calls each dashboard view makes, paired with the naive query giving the same answer.
export interface Call {
  api: string;
  naive?: string;
}

const summary = (q: string) => `/api/v1/awards/summary?${q}`;

export const VIEWS: Record<string, Call[]> = {
  // not a view: the cost of a request that runs no query, for reading the others
  'Sàn (no-op)': [{ api: '/api/v1/_bench/noop' }],
  'Tổng quan': [
    { api: '/api/v1/meta' },
    { api: summary('group_by=year,category,kind'), naive: 'overview_kpi' },
    { api: summary('group_by=year,tier'), naive: 'overview_trend' },
    { api: '/api/v1/awards/indicators', naive: 'overview_indicators' },
    { api: summary('group_by=unit&unit=TB&from=2024&to=2024'), naive: 'overview_top_units' },
  ],
  'Địa bàn': [
    { api: '/api/v1/meta' },
    { api: summary('group_by=unit&unit=TB'), naive: 'area_children' },
    { api: summary('group_by=unit,year&unit=TB'), naive: 'area_heatmap' },
    { api: summary('group_by=unit&unit=TB-TT'), naive: 'area_district' },
    { api: summary('group_by=unit&unit=HY-2025&as_of=2025-07-01') },
  ],
  'Cụm/Khối': [
    { api: '/api/v1/meta' },
    { api: '/api/v1/movements/results?cluster=TB-CUM1', naive: 'cluster_results' },
    { api: summary('group_by=year,unit&cluster=TB-CUM1'), naive: 'cluster_awards' },
  ],
  'Phong trào': [
    { api: '/api/v1/meta' },
    { api: summary('group_by=movement,year'), naive: 'movement_years' },
    { api: summary('group_by=award&movement=PT-NTM'), naive: 'movement_awards' },
  ],
};

// GEO=national only: the views the Central Board and the Ministry open, on the whole country,
// a new province (P1 and its neighbours merged into N1-2025), an old province and a commune,
// as recorded and on today's units. As_of keeps totals (shares add up to 1), so the whole
// country under as_of is checked against the same naive totals.
const TODAY = 'as_of=2025-07-01';
export const NATIONAL_VIEWS: Record<string, Call[]> = {
  'Toàn quốc': [
    { api: summary('group_by=year,tier'), naive: 'overview_trend' },
    { api: summary('group_by=year,gender&kind=individual'), naive: 'national_gender' },
    { api: summary('group_by=unit&from=2020&to=2024'), naive: 'national_top_units' },
    { api: summary(`group_by=unit&${TODAY}`), naive: 'overview_trend' },
    { api: summary(`group_by=year,tier&${TODAY}`), naive: 'overview_trend' },
  ],
  'Tỉnh (P1, N1-2025)': [
    { api: summary('group_by=unit&unit=P1'), naive: 'province_children' },
    { api: summary('group_by=unit,year&unit=P1'), naive: 'province_heatmap' },
    { api: summary(`group_by=unit&unit=N1-2025&from=2012&to=2024&${TODAY}`) },
    { api: summary(`group_by=unit,year&unit=N1-2025&from=2012&to=2024&${TODAY}`) },
    { api: summary('group_by=unit&unit=P1&as_of=2020-01-01') },
  ],
  'Xã (P1-D1-1, P1-X1)': [
    { api: summary('group_by=year,tier&unit=P1-D1-1'), naive: 'commune_trend' },
    { api: summary('group_by=year&unit=P1-X1'), naive: 'new_commune_years' },
    { api: summary(`group_by=year&unit=P1-X1&${TODAY}`) },
  ],
};

// The national views' units and their counterparts in the demo's one-province geography, for the
// growth of rows read from one province to the country (the same calls on both): old province,
// new province, old commune, new commune.
const ON_PROVINCE: Record<string, string> = {
  P1: 'TB',
  'N1-2025': 'HY-2025',
  'P1-D1-1': 'TB-TT-01',
  'P1-X1': 'HY-X09',
};

/** A call as made on the demo's geography. */
export const onProvince = (c: Call): Call => ({
  ...c,
  api: c.api.replace(/([?&]unit=)([^&]+)/, (_, p: string, code: string) => p + (ON_PROVINCE[code] ?? code)),
});
