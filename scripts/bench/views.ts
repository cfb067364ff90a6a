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
