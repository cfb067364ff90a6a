// Labels of the leader's view (small tiers, a unit apart from its children, comparisons across
// 2025), in a file of their own so the main dictionary stays readable.
export const leaderDict = {
  boundsFollow: { vi: 'Theo dõi địa bàn cũ', en: 'Follow the former area' },
  followExplained: {
    vi:
      '{unit} kết thúc ngày {date}. Để theo dõi địa bàn cũ, khen thưởng từ sau ngày đó của các đơn vị nhận ' +
      'địa bàn của {name} ({names}) được tính vào {name} theo tỷ lệ mỗi đơn vị cũ góp vào đơn vị mới.',
    en:
      '{unit} ended on {date}. To follow its former area, the awards after that day of the units that took ' +
      'over {name} ({names}) are counted in {name} by the share each old unit gave the new one.',
  },
  halfYearTitle: { vi: '{period} so với cùng kỳ năm trước', en: '{period} against the same months of last year' },
  halfYearH1: { vi: '6 tháng đầu năm', en: 'First half' },
  halfYearYtd: { vi: 'Từ đầu năm đến nay', en: 'Year to date' },
  embedMonths: { vi: 'Tháng quyết định', en: 'Decision months' },
  halfYearPeriod: { vi: 'Kỳ so sánh', en: 'Period compared' },
  halfYearChangeColumn: { vi: 'Thay đổi', en: 'Change' },
  halfYearNew: { vi: 'cùng kỳ năm trước chưa có', en: 'none in the same months last year' },
  halfYearSummary: {
    vi: '{period}: {count} khen thưởng, {change} so với cùng kỳ năm {previous} ({before}).',
    en: '{period}: {count} awards, {change} on the same months of {previous} ({before}).',
  },
  halfYearUndated: {
    vi:
      'Chưa tính {now} khen thưởng năm {year} và {before} khen thưởng năm {previous} ' +
      'chưa ghi ngày quyết định (không xếp được vào tháng nào).',
    en:
      'Not counted: {now} awards of {year} and {before} of {previous} ' +
      'whose decision date is not recorded (no month to place them in).',
  },
  halfYearAllDated: { vi: 'Mọi khen thưởng đều có ngày quyết định.', en: 'Every award has its decision date.' },
  halfYearReach: {
    vi: 'Quyết định mới nhất trong năm: tháng {month}; từ đầu năm đến nay so sánh đến hết tháng đó ở cả hai năm.',
    en: "This year's latest decision: {month}; the year to date compares both years to the end of that month.",
  },
  halfYearNoDecisions: { vi: 'Năm {year} chưa có quyết định nào.', en: 'No decision dated in {year} yet.' },
  halfYearNote: {
    vi:
      'Tính theo ngày quyết định, không theo năm thi đua: khen thưởng tổng kết năm trước ký vào quý I ' +
      'thuộc 6 tháng đầu năm nay. Biểu đồ: thay đổi của từng cấp khen so với cùng kỳ, bảng: số khen thưởng.',
    en:
      'By decision date, not by emulation year: last year-end awards signed in the first quarter fall ' +
      "in this year's first half. Chart: each level's change on the same months; table: the counts.",
  },
  halfYearIgnored: {
    vi: 'Ngày quyết định chỉ lưu theo cấp khen, nên thẻ này không áp dụng bộ lọc: {filters}.',
    en: 'Decision months are kept by level only, so this card does not apply the filters: {filters}.',
  },
  highTiersTitle: {
    vi: 'Khen thưởng cấp Nhà nước và của Thủ tướng Chính phủ theo năm',
    en: 'State-level and Prime Minister awards by year',
  },
  highTiersNote: {
    vi:
      'Hai cấp khen cao nhất, trên thang riêng: trong biểu đồ theo cấp khen ' +
      'chúng thường chiếm chưa đến 1% nên không nhìn thấy được.',
    en:
      'The two highest levels on a scale of their own: in the chart by level ' +
      'they are usually under 1%, too thin to see.',
  },
  highTiersSummary: {
    vi: 'Năm {year}: {state} khen thưởng cấp Nhà nước, {government} của Thủ tướng Chính phủ.',
    en: '{year}: {state} state-level awards, {government} from the Prime Minister.',
  },
  ownAwards: {
    vi:
      'Khen thưởng ghi trực tiếp cho {unit}: {count} ({share} của tổng {total}); ' +
      'không xếp hạng cùng các đơn vị trực thuộc.',
    en: 'Awards recorded directly on {unit}: {count} ({share} of {total}); not ranked with the units under it.',
  },
  childrenSummary: {
    vi: 'Đơn vị trực thuộc nhiều nhất: {first}, {count} ({share} của tổng {total}).',
    en: 'Largest unit under it: {first}, {count} ({share} of {total}).',
  },
  validityAll: { vi: 'Mọi đơn vị trong danh sách: {validity}.', en: 'Every unit listed: {validity}.' },
  boundsLineage: { vi: 'Nối với đơn vị tiền thân', en: 'Joined with predecessors' },
  lineageExplained: {
    vi:
      '{unit} bắt đầu từ {date}. Để so sánh với năm trước, số liệu trước ngày đó của các đơn vị tiền thân ' +
      '({names}) được tính vào {name} theo địa giới mới. Chọn "Như ghi nhận" để xem số liệu như ghi nhận.',
    en:
      '{unit} began on {date}. To compare with last year, the figures of its predecessors ({names}) ' +
      'before that day are counted inside {name} on the new boundaries. ' +
      'Choose "As recorded" for the figures as recorded.',
  },
  roundedNote: {
    vi: 'Số có dấu ≈ đã làm tròn: đơn vị chia tách được tính theo tỷ lệ nên số lượt có thể lẻ.',
    en: 'Figures marked ≈ are rounded: a split unit is counted by its shares, so counts can be fractional.',
  },
  highlightUnit: { vi: 'Tô màu đường của', en: 'Highlight the line of' },
  ranksFocusNote: {
    vi:
      'Hạng 1 ở trên cùng; {unit} được tô màu, các thành viên khác màu xám (chọn đơn vị khác ở ô ' +
      '"Tô màu đường của"); đơn vị tiền thân của một đơn vị mới cùng màu, nét đứt. ' +
      'Đường bắt đầu hoặc dừng lại khi đơn vị vào hoặc ra khỏi cụm, khối. ' +
      'Trong bảng: hạng (điểm) · khen thưởng đề nghị.',
    en:
      'Rank 1 at the top; {unit} in colour, the other members grey (choose another under ' +
      '"Highlight the line of"); a new unit\'s predecessors in its colour, dashed. ' +
      'A line starts or stops where a unit joined or left. In the table: rank (score) · ' +
      'proposed award.',
  },
  leadersTitle: {
    vi: 'Đơn vị dẫn đầu các cụm, khối thi đua năm {year}',
    en: 'First in every cluster and block, {year}',
  },
  leadersNote: {
    vi: 'Hạng 1 theo kết quả chấm điểm cuối năm; chọn tên cụm, khối để xem thứ hạng các thành viên bên dưới.',
    en: "Rank 1 in the year-end scoring; choose a cluster's name to see its members' ranks below.",
  },
  clusterLevel: { vi: 'Cấp', en: 'Level' },
  leaderUnit: { vi: 'Đơn vị dẫn đầu', en: 'First' },
  noResultYet: { vi: 'chưa có kết quả', en: 'no results yet' },
  openCluster: { vi: 'Xem cụm, khối', en: 'Show the cluster' },
  movementPanelsTitle: { vi: 'Từng phong trào qua các năm', en: 'Each movement over the years' },
  movementPanelSummary: { vi: 'Tổng {total} · cao nhất {max} một năm', en: 'Total {total} · at most {max} a year' },
  movementPanelsNote: {
    vi:
      'Mỗi phong trào một biểu đồ, thang riêng bắt đầu từ 0 (để phong trào nhỏ không nằm sát trục); ' +
      'cùng các năm, nên so được thời gian diễn ra. Độ lớn giữa các phong trào: xem biểu đồ chung bên dưới.',
    en:
      'One chart per movement, each on its own scale from 0 (so a small one does not lie flat on the axis); ' +
      'the same years, so when each ran compares. Sizes across movements: the combined chart below.',
  },
  eventLaw2022: {
    vi: 'Luật Thi đua, khen thưởng 2022 có hiệu lực (01/01/2024)',
    en: 'Law on Emulation and Commendation 2022 in force (01/01/2024)',
  },
  eventReorg2025: {
    vi: 'Sắp xếp đơn vị hành chính (01/07/2025)',
    en: 'Administrative reorganisation (01/07/2025)',
  },
  eventsLine: { vi: 'Mốc trên biểu đồ (đường nét đứt): {list}.', en: 'Marked on the chart (dashed lines): {list}.' },
} as const;
