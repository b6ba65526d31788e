/// The State Council's holiday notice (放假安排通知) as read from its published text: the
/// yearly 《国务院办公厅关于YYYY年部分节假日安排的通知》, or a later amendment such as
/// 国办发明电〔2020〕1号, which extended 2020's 春节.
///
/// Only the numbered items are arrangements; the preamble, encouragements, closing paragraph
/// and date line are not read for days. What the text says about itself (weekday notes, "共N天")
/// is checked, never trusted: every disagreement becomes a `Warning` shown to the office.
public struct HolidayNotice: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// 《关于YYYY年部分节假日安排的通知》: the whole year.
        case annual
        /// A later notice that changes one festival of a year already arranged.
        case amendment
    }

    public let kind: Kind
    /// The year the notice arranges (2019 for the notice that also moves 2018-12-29).
    public let year: Int
    /// "国务院办公厅关于2019年部分节假日安排的通知", when the text starts with it.
    public let title: String?
    /// "国办发明电〔2018〕15号", when given.
    public let documentNumber: String?
    public let items: [Item]
    public let warnings: [Warning]
    /// The text exactly as pasted, kept as the year's source.
    public let text: String

    public init(kind: Kind, year: Int, title: String?, documentNumber: String?, items: [Item],
                warnings: [Warning], text: String) {
        self.kind = kind
        self.year = year
        self.title = title
        self.documentNumber = documentNumber
        self.items = items
        self.warnings = warnings
        self.text = text
    }

    /// How a loaded year names where it came from.
    public var sourceName: String {
        let name = title ?? (kind == .annual ? "国务院办公厅关于\(year)年部分节假日安排的通知" : "\(year)年放假安排补充通知")
        return documentNumber.map { "\(name)（\($0)）" } ?? name
    }

    /// Whether the office may load it: no warning stands in the way.
    public var isLoadable: Bool { !warnings.contains(where: \.blocksLoading) }
}

extension HolidayNotice {
    /// One numbered item ("二、春节：2月4日至10日放假调休，共7天。2月2日（星期六）、2月3日（星期日）上班。").
    public struct Item: Hashable, Sendable {
        /// As numbered in the notice (二 = 2); nil for an amendment's unnumbered arrangement.
        public let number: Int?
        /// The heading as written ("中秋节、国庆节"); an amendment's items take the festival of
        /// its title.
        public let heading: String
        /// The heading split into festivals, in the order written.
        public let festivals: [String]
        /// The item's own text, normalised, so a page can show where each day came from.
        public let text: String
        /// "A至B" ranges of days off, in the order written.
        public let spans: [ClosedRange<Day>]
        /// Days off named singly: "5月1日放假", "1月2日（星期一）补休".
        public let singleDaysOff: [Day]
        /// Every day off of the break, sorted: spans, single days, and the weekend days
        /// between a holiday and its 补休 ("6月20日放假，6月22日（星期一）补休" rests on the 21st too).
        public let daysOff: [Day]
        /// The 调休上班 days, sorted.
        public let workdays: [Day]
        /// "共N天" or "放假N天", as written.
        public let statedDayCount: Int?
        /// "与周末连休": the adjoining weekend rests anyway and is not a holiday day.
        public let joinsWeekend: Bool
        /// "延长…假期至2月2日": the festival's break, wherever it ended, now ends that day.
        public let extendsThrough: Day?

        public init(number: Int?, heading: String, festivals: [String], text: String, spans: [ClosedRange<Day>],
                    singleDaysOff: [Day], daysOff: [Day], workdays: [Day], statedDayCount: Int?,
                    joinsWeekend: Bool, extendsThrough: Day?) {
            self.number = number
            self.heading = heading
            self.festivals = festivals
            self.text = text
            self.spans = spans
            self.singleDaysOff = singleDaysOff
            self.daysOff = daysOff
            self.workdays = workdays
            self.statedDayCount = statedDayCount
            self.joinsWeekend = joinsWeekend
            self.extendsThrough = extendsThrough
        }

        /// "第二项“春节”", how warnings and pages refer to it.
        public var label: String { Self.label(number: number, heading: heading) }

        /// Each day off with the festival it belongs to.
        public var namedDaysOff: [NamedDay] {
            daysOff.map { NamedDay(day: $0, name: Festival.name(of: $0, among: festivals)) }
        }

        /// Each working day with the festival it pays for.
        public var namedWorkdays: [NamedDay] {
            let name = Festival.principal(of: festivals)
            return workdays.map { NamedDay(day: $0, name: name) }
        }
    }

    /// A consistency check that failed, shown to the office before it confirms.
    public struct Warning: Hashable, Sendable, Codable {
        public enum Code: String, Hashable, Sendable, Codable, CaseIterable {
            /// "（星期六）" or "（周六）" beside a date that is another weekday.
            case weekdayMismatch = "weekday_mismatch"
            /// "（农历除夕）" beside a date that is another lunar day.
            case lunarDateMismatch = "lunar_date_mismatch"
            /// "共N天" that is not the length of the break.
            case dayCountMismatch = "day_count_mismatch"
            /// A day listed as off and as a working day.
            case dayOffAndWorked = "day_off_and_worked"
            /// An item that names no day off.
            case itemWithoutDate = "item_without_date"
            /// A 调休上班 day that is a weekday, so no weekend day is moved.
            case workdayNotWeekend = "workday_not_weekend"
            /// A date that does not exist ("0月1日", "2月30日"), as in a corrupted copy.
            case invalidDate = "invalid_date"
            /// "A至B" with B before A.
            case spanEndsBeforeStart = "span_ends_before_start"
            /// A date far from the notice's year ("2109年").
            case dateOutsideYear = "date_outside_year"
            /// The same day off in two items.
            case dayInTwoItems = "day_in_two_items"

            /// Days the office cannot trust at all: loading would silently drop or misplace
            /// them. The others are notes that disagree with their dates; the dates win, and
            /// the office sees both before confirming.
            public var blocksLoading: Bool {
                switch self {
                case .invalidDate, .spanEndsBeforeStart, .dateOutsideYear, .itemWithoutDate, .dayOffAndWorked,
                     .workdayNotWeekend:
                    true
                case .weekdayMismatch, .lunarDateMismatch, .dayCountMismatch, .dayInTwoItems:
                    false
                }
            }
        }

        public let code: Code
        public let message: String
        /// The item it concerns, as numbered in the notice.
        public let item: Int?
        public let blocksLoading: Bool

        public init(_ code: Code, _ message: String, item: Int?) {
            self.code = code
            self.message = message
            self.item = item
            blocksLoading = code.blocksLoading
        }
    }

    /// A day the notice makes different from the plain week, for confirming before loading.
    public struct ArrangedDay: Hashable, Sendable, Codable {
        public enum Kind: String, Hashable, Sendable, Codable {
            case off, work
        }

        public let date: Day
        public let kind: Kind
        public let holiday: String
        /// The item it came from, as numbered in the notice.
        public let item: Int?

        public init(date: Day, kind: Kind, holiday: String, item: Int?) {
            self.date = date
            self.kind = kind
            self.holiday = holiday
            self.item = item
        }
    }
}
