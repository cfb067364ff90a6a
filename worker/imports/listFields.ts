// The fields a list from one award decision usually states once, in its title, instead of on
// every row: "Danh sách cá nhân đạt danh hiệu Lao động tiên tiến năm 2024, kèm theo Quyết định
// số 123/QĐ-UBND ngày 15/12/2024". They can be given as query parameters of the import, named
// as the columns; a row that has its own value keeps it.
export const LIST_FIELDS = [
  'year',
  'award_code',
  'unit_code',
  'recipient_kind',
  'method',
  'movement_code',
  'decision_no',
  'decision_date',
] as const;
export type ListField = (typeof LIST_FIELDS)[number];
