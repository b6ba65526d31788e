/// Why a notice's text cannot be read, or cannot be loaded as it stands.
public enum HolidayNoticeError: DomainError, Equatable {
    case empty
    case tooLong(characters: Int)
    /// No numbered item with a date: not a notice, or copied without its body.
    case noItems
    case noYear
    /// Warnings that make the arrangement untrustworthy (a corrupted date, an item without one).
    case notLoadable(year: Int, problems: [String])
    /// An amendment changes a year already loaded; alone it is not a year's arrangement.
    case amendmentNeedsLoadedYear(year: Int)
    /// An amendment for another year than the arrangement it is applied to.
    case wrongYear(noticeYear: Int, arrangementYear: Int)
    /// "延长…假期至…" for a festival the loaded year has no days of.
    case nothingToExtend(festival: String, year: Int)
    /// A year's notice for a year already loaded: only an amendment may change a loaded year,
    /// so a second copy of the notice (or another year's notice pasted by mistake) changes nothing.
    case yearAlreadyLoaded(year: Int, source: String)
    /// An amendment whose days the loaded year already has: applied before, most likely.
    case changesNothing(year: Int, source: String)

    /// The published notices are about 2,000 characters; anything far longer is not one.
    public static let maxCharacters = 20_000

    public var code: String {
        switch self {
        case .empty, .noItems: "notice_unreadable"
        case .tooLong: "notice_too_long"
        case .noYear: "notice_year_missing"
        case .notLoadable: "notice_not_loadable"
        case .amendmentNeedsLoadedYear: "notice_amendment_needs_year"
        case .wrongYear: "notice_wrong_year"
        case .nothingToExtend: "notice_nothing_to_extend"
        case .yearAlreadyLoaded: "notice_year_loaded"
        case .changesNothing: "notice_changes_nothing"
        }
    }

    public var message: String {
        switch self {
        case .empty:
            "未粘贴通知全文。" + Self.expected
        case .tooLong(let n):
            "粘贴的内容有\(n)个字，超过\(Self.maxCharacters)字，不像一份放假安排通知。" + Self.expected
        case .noItems:
            "未能读出任何放假安排。" + Self.expected
        case .noYear:
            "未能确定通知针对的年份：标题应为“国务院办公厅关于YYYY年部分节假日安排的通知”，或正文写明“现将YYYY年……”"
        case .notLoadable(let year, let problems):
            "\(year)年放假安排通知中有无法载入的内容，请核对原文：" + problems.joined(separator: "；")
        case .amendmentNeedsLoadedYear(let year):
            "这是一份补充通知，须先载入\(year)年的放假安排，再在其上应用"
        case .wrongYear(let notice, let arrangement):
            "这份补充通知针对\(notice)年，不能应用到\(arrangement)年的放假安排上"
        case .nothingToExtend(let festival, let year):
            "\(year)年的放假安排中没有\(festival)假期，无法按通知延长"
        case .yearAlreadyLoaded(let year, let source):
            "\(year)年的放假安排已经载入（依据：\(source)），未作更改。已载入的年度只能再应用补充通知（如调整或延长某个假期的通知）"
        case .changesNothing(let year, let source):
            "\(source)没有改变已载入的\(year)年放假安排（可能已经应用过），未作更改"
        }
    }

    public var kind: DomainErrorKind {
        switch self {
        case .amendmentNeedsLoadedYear, .wrongYear, .nothingToExtend, .yearAlreadyLoaded, .changesNothing: .conflict
        default: .invalid
        }
    }

    public var details: [String] {
        if case .notLoadable(_, let problems) = self { return problems }
        return []
    }

    private static let expected = "应粘贴《国务院办公厅关于YYYY年部分节假日安排的通知》的全文（或其补充通知），其中逐项编号列出，如“一、元旦：1月1日放假，与周末连休。”“二、春节：2月4日至10日放假调休，共7天。2月2日（星期六）、2月3日（星期日）上班。”"
}
