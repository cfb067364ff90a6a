// Targets and editors' chart notes (issue 16).
export const goalsDict = {
  navGoals: { vi: 'Chỉ tiêu, ghi chú', en: 'Targets & notes' },
  goalDirectShare: { vi: 'Tỷ lệ lao động trực tiếp', en: 'Share to direct laborers' },
  goalWomenShare: { vi: 'Tỷ lệ nữ', en: 'Share to women' },
  goalEthnicShare: { vi: 'Tỷ lệ dân tộc thiểu số', en: 'Share to ethnic minorities' },
  goalLeaderShare: { vi: 'Tỷ lệ lãnh đạo, quản lý', en: 'Share to leaders and managers' },
  goalOfIndividual: { vi: 'trong khen thưởng cá nhân', en: 'of individual awards' },
  goalAtLeast: { vi: 'tối thiểu', en: 'at least' },
  goalAtMost: { vi: 'tối đa', en: 'at most' },
  goalTarget: { vi: 'Chỉ tiêu {op} {value}', en: 'Target {op} {value}' },
  goalMet: { vi: 'Đạt', en: 'Met' },
  goalNotMet: { vi: 'Chưa đạt', en: 'Not met' },
  goalAbove: { vi: 'vượt {gap}', en: '{gap} above' },
  goalShort: { vi: 'còn thiếu {gap}', en: '{gap} short' },
  goalUnderCap: { vi: 'thấp hơn mức tối đa {gap}', en: '{gap} under the cap' },
  goalOverCap: { vi: 'vượt mức tối đa {gap}', en: '{gap} over the cap' },
  goalFiltered: {
    vi: 'Chỉ tiêu tính trên toàn bộ khen thưởng: bỏ bộ lọc cấp, loại… để so sánh.',
    en: 'Targets count all awards: clear the tier, kind… filters to compare.',
  },
  goalSeries: { vi: 'Chỉ tiêu: {name}', en: 'Target: {name}' },
  goalColumn: { vi: 'Chỉ tiêu {name}', en: 'Target {name}' },
  goalsTitle: { vi: 'Chỉ tiêu năm {year}', en: 'Targets for {year}' },
  goalsIntro: {
    vi:
      'Chỉ tiêu của đơn vị đang chọn ở bộ lọc Địa bàn (tính cho cả đơn vị cấp dưới), so với số liệu trên ' +
      'thẻ Tổng quan và biểu đồ. Để trống ô nào thì chỉ tiêu đó không thay đổi.',
    en:
      'Targets of the unit chosen in the Area filter (its subtree included), compared on the Overview cards ' +
      'and charts. A blank field leaves that target as it is.',
  },
  goalsPickUnit: {
    vi: 'Chọn một đơn vị ở bộ lọc Địa bàn (vd. Tỉnh Thái Bình) để đặt chỉ tiêu cho đơn vị đó.',
    en: 'Choose a unit in the Area filter (e.g. Tỉnh Thái Bình) to set its targets.',
  },
  goalsUnit: { vi: 'Đơn vị', en: 'Unit' },
  goalsYear: { vi: 'Năm', en: 'Year' },
  goalsIndicator: { vi: 'Chỉ tiêu', en: 'Indicator' },
  goalsValue: { vi: 'Giá trị', en: 'Value' },
  goalsValueShare: { vi: '(%)', en: '(%)' },
  goalsValueCount: { vi: '(số khen thưởng)', en: '(awards)' },
  goalsComparison: { vi: 'So sánh', en: 'Comparison' },
  goalsCurrent: { vi: 'Đang đặt', en: 'Now' },
  goalsSave: { vi: 'Lưu chỉ tiêu', en: 'Save targets' },
  goalsNothing: { vi: 'Chưa nhập giá trị nào.', en: 'No value entered.' },
  goalsSaved: { vi: 'Đã lưu {n} chỉ tiêu.', en: 'Saved {n} targets.' },
  goalsRemove: { vi: 'Xoá', en: 'Remove' },
  goalsRemoved: { vi: 'Đã xoá chỉ tiêu.', en: 'Target removed.' },
  goalsCsv: { vi: 'Nhập từ tệp CSV', en: 'Import a CSV file' },
  goalsCsvHelp: {
    vi:
      'Cột: Chỉ tiêu (vd. Tỷ lệ lao động trực tiếp), Năm, Đơn vị (mã), Giá trị (tỷ lệ theo %, vd. 30 hoặc ' +
      '30,5%), So sánh (Tối thiểu/Tối đa, không bắt buộc). Tất cả hoặc không: dòng sai thì không lưu dòng nào.',
    en:
      'Columns: Chỉ tiêu (e.g. Tỷ lệ lao động trực tiếp), Năm, Đơn vị (code), Giá trị (shares in %, e.g. 30 ' +
      'or 30,5%), So sánh (Tối thiểu/Tối đa, optional). All or nothing: a bad row saves no row.',
  },
  goalsUpload: { vi: 'Tải lên', en: 'Upload' },
  goalsRowError: { vi: 'Dòng {row}, cột {column}: {message}', en: 'Row {row}, {column}: {message}' },
  goalsAll: { vi: 'Chỉ tiêu đã đặt', en: 'Targets set' },
  goalsNone: { vi: 'Chưa có chỉ tiêu nào.', en: 'No targets yet.' },
  goalsBy: { vi: 'Người cập nhật', en: 'Updated by' },
  notesTitle: { vi: 'Ghi chú trên biểu đồ', en: 'Notes on the charts' },
  notesIntro: {
    vi:
      'Giải thích vì sao đường số liệu thay đổi (vd. phát động phong trào, sáp nhập). Ghi chú hiện trên các ' +
      'biểu đồ theo năm (nét chấm, ✎) cùng các mốc có sẵn, và trong ảnh PNG tải về.',
    en:
      'Explain why a line moves (a campaign launched, a merger). Notes appear on the time charts (dotted, ✎) ' +
      'beside the built-in events, and in the PNG downloads.',
  },
  notesDate: { vi: 'Ngày (không bắt buộc)', en: 'Date (optional)' },
  notesYear: { vi: 'Năm (nếu không có ngày)', en: 'Year (without a date)' },
  notesTextVi: { vi: 'Nội dung (tiếng Việt)', en: 'Text (Vietnamese)' },
  notesTextEn: { vi: 'Nội dung (tiếng Anh, không bắt buộc)', en: 'Text (English, optional)' },
  notesWhere: { vi: 'Áp dụng cho', en: 'Shown on' },
  notesEverywhere: { vi: 'Mọi biểu đồ', en: 'Every chart' },
  notesForUnit: { vi: '{unit} và cấp dưới', en: '{unit} and below' },
  notesAdd: { vi: 'Thêm ghi chú', en: 'Add note' },
  notesAdded: { vi: 'Đã thêm ghi chú.', en: 'Note added.' },
  notesRemoved: { vi: 'Đã xoá ghi chú.', en: 'Note removed.' },
  notesEdit: { vi: 'Sửa', en: 'Edit' },
  notesEditing: {
    vi: 'Đang sửa ghi chú: lưu sẽ thay ghi chú cũ bằng ghi chú mới.',
    en: 'Editing a note: saving replaces the old note with the new one.',
  },
  notesSaveEdit: { vi: 'Lưu thay đổi', en: 'Save changes' },
  notesCancel: { vi: 'Huỷ', en: 'Cancel' },
  notesNone: { vi: 'Chưa có ghi chú nào.', en: 'No notes yet.' },
  notesWhen: { vi: 'Thời điểm', en: 'When' },
  notesLine: {
    vi: 'Ghi chú của biên tập viên (nét chấm, ✎): {list}.',
    en: "Editors' notes (dotted, ✎): {list}.",
  },
} as const;
