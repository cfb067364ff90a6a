// Labels of the national instance's reconciliation page (worker/federation), in a file of their own.
export const federationDict = {
  navReconciliation: { vi: 'Đối chiếu', en: 'Reconciliation' },
  reconTitle: { vi: 'Đối chiếu số liệu các tỉnh', en: 'Provinces reconciled' },
  reconIntro: {
    vi:
      'Tổng số khen thưởng mỗi tỉnh tự báo cáo (theo lần gửi gần nhất) bên cạnh bản sao tại máy chủ quốc ' +
      'gia, và chênh lệch. Chênh lệch khác 0 nghĩa là bản sao chưa khớp với tỉnh.',
    en:
      "Each province's own award totals (as of its last push) beside the national copy, and the " +
      'difference. A difference other than 0 means the copy does not match the province.',
  },
  reconProvince: { vi: 'Tỉnh', en: 'Province' },
  reconYear: { vi: 'Năm', en: 'Year' },
  reconReported: { vi: 'Tỉnh báo cáo', en: 'Province reports' },
  reconNational: { vi: 'Bản sao quốc gia', en: 'National copy' },
  reconDifference: { vi: 'Chênh lệch', en: 'Difference' },
  reconTotal: { vi: 'Cộng', en: 'Total' },
  reconVersion: { vi: 'Phiên bản dữ liệu {v}', en: 'Data version {v}' },
  reconPushed: { vi: 'cập nhật {at}', en: 'updated {at}' },
  reconNever: { vi: 'chưa gửi dữ liệu', en: 'nothing pushed yet' },
  reconStale: {
    vi: 'Quá hạn: không nhận được tín hiệu từ tỉnh kể từ {seen}; số liệu là của lần gửi lúc {at}',
    en: 'Stale: nothing heard from the province since {seen}; figures are as of its push at {at}',
  },
  reconRows: { vi: '{n} dòng số liệu ở lần gửi gần nhất', en: '{n} rows in the last push' },
  reconFresh: { vi: 'Đang cập nhật', en: 'Up to date' },
  reconResync: {
    vi:
      'Đang nhận toàn bộ số liệu của tỉnh ({n} dòng đã nhận); đến khi nhận xong, số liệu hiển thị ' +
      'vẫn là của lần gửi trước',
    en:
      "The province's whole cube is coming in ({n} rows so far); until it is complete the figures " +
      'shown are the previous ones',
  },
  reconResyncMerging: {
    vi: 'Đã nhận đủ số liệu mới của tỉnh và đang hiển thị; máy chủ đang gộp vào bảng tổng hợp',
    en: "The province's new figures are complete and shown; the national is merging them into its cube",
  },
  reconNotNational: {
    vi: 'Trang này chỉ có trên máy chủ quốc gia (ROLE=national).',
    en: 'This page exists on the national instance only (ROLE=national).',
  },
  reconNoProvinces: { vi: 'Chưa có tỉnh nào được cấp mã gửi dữ liệu.', en: 'No province has a push token yet.' },
};
