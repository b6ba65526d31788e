import Vapor
import XieshangCore

/// A notice as the server read it, and what loading it would do to the calendar in force:
/// the answer of `POST /api/v1/calendar/notices/parse` and the model of the page the office
/// confirms on. Reading changes nothing.
struct NoticeReading: Content {
    struct DayEntry: Content {
        let date: String
        /// "off" or "work".
        let kind: String
        let holiday: String
        /// The item it came from, as numbered in the notice.
        let item: Int?
    }

    struct WarningEntry: Content {
        let code: String
        let message: String
        let item: Int?
        let blocksLoading: Bool
    }

    struct ItemEntry: Content {
        let number: Int?
        let label: String
        let heading: String
        let text: String
        let daysOff: [String]
        let workdays: [String]
        /// "延长…至": the festival's break ends that day.
        let extendsThrough: String?
    }

    /// One year loading would add (`added`) or change (`diff`).
    struct Change: Content {
        let year: Int
        let added: Bool
        let diff: YearArrangement.Diff?
    }

    struct Problem: Content {
        let code: String
        let message: String
        let details: [String]
    }

    let year: Int
    /// "annual" (the year's notice) or "amendment".
    let kind: String
    let title: String?
    let documentNumber: String?
    /// How the loaded year will name its source.
    let source: String
    /// Every day that differs from the plain week, as the contract lists them. An
    /// extension ("延长…至2月2日") lists none: `changes` holds what it does to the loaded year.
    let days: [DayEntry]
    let warnings: [WarningEntry]
    let items: [ItemEntry]
    /// Whether `POST /api/v1/calendar/notices` would load it now.
    let loadable: Bool
    /// Why it cannot be loaded now: blocking warnings, a year already loaded, …
    let problem: Problem?
    let changes: [Change]
    /// The version of the notice's year to send with the load, so that a change made by
    /// someone else in between is not applied unseen.
    let version: Int

    init(_ notice: HolidayNotice, on calendar: WorkingCalendar, version: Int) {
        year = notice.year
        kind = notice.kind.rawValue
        title = notice.title
        documentNumber = notice.documentNumber
        source = notice.sourceName
        days = notice.days.map { DayEntry(date: $0.date.iso, kind: $0.kind.rawValue, holiday: $0.holiday, item: $0.item) }
        warnings = notice.warnings.map {
            WarningEntry(code: $0.code.rawValue, message: $0.message, item: $0.item, blocksLoading: $0.blocksLoading)
        }
        items = notice.items.map {
            ItemEntry(number: $0.number, label: $0.label, heading: $0.heading, text: $0.text, daysOff: $0.daysOff.map(\.iso),
                      workdays: $0.workdays.map(\.iso), extendsThrough: $0.extendsThrough?.iso)
        }
        self.version = version
        do {
            let loading = try calendar.loading(notice)
            changes = loading.changes.map { Change(year: $0.year, added: $0.before == nil, diff: $0.diff) }
            problem = nil
        } catch let e as any DomainError {
            changes = []
            problem = Problem(code: e.code, message: e.message, details: e.details)
        } catch {
            // Loading throws only domain errors; anything else is still not loadable.
            changes = []
            problem = Problem(code: "notice_not_loadable", message: "这份通知无法载入。", details: [])
        }
        loadable = problem == nil
    }
}

/// The answer of `POST /api/v1/calendar/notices`: what was loaded.
struct NoticeLoadedDTO: Content {
    /// The history entry.
    let id: Int
    let year: Int
    let kind: String
    let source: String
    let changes: [NoticeReading.Change]
    let warnings: [NoticeReading.WarningEntry]

    init(_ loaded: CalendarStore.LoadedNotice) {
        let notice = loaded.loading.notice
        id = loaded.id
        year = notice.year
        kind = notice.kind.rawValue
        source = notice.sourceName
        changes = loaded.loading.changes.map { .init(year: $0.year, added: $0.before == nil, diff: $0.diff) }
        warnings = notice.warnings.map {
            .init(code: $0.code.rawValue, message: $0.message, item: $0.item, blocksLoading: $0.blocksLoading)
        }
    }
}

/// One entry of a year's history: `GET /api/v1/calendar/years/:year/notices`.
struct NoticeHistoryDTO: Content {
    let id: Int?
    let year: Int
    let kind: CalendarNoticeKind
    let kindName: String
    let source: String
    let loadedAt: Date?
    let loadedBy: String?
    /// The text as pasted (or typed); none for the built-in table.
    let text: String?
    let changes: [NoticeReading.Change]

    init(_ e: CalendarStore.HistoryEntry) {
        id = e.id
        year = e.year
        kind = e.kind
        kindName = e.kind.chineseName
        source = e.source
        loadedAt = e.loadedAt
        loadedBy = e.loadedBy
        text = e.text
        changes = e.changes.map { .init(year: $0.year, added: $0.diff == nil, diff: $0.diff) }
    }
}
