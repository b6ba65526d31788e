import Fluent
import Vapor
import XieshangCore

/// How a year came to be what it is: the built-in table, a notice pasted, or a year typed day
/// by day (the page's line form, the JSON API).
enum CalendarNoticeKind: String, Codable, Sendable, CaseIterable {
    case builtIn, annual, amendment, table

    init(_ kind: HolidayNotice.Kind) {
        self = kind == .annual ? .annual : .amendment
    }

    var chineseName: String {
        switch self {
        case .builtIn: "系统内置"
        case .annual: "年度通知"
        case .amendment: "补充通知"
        case .table: "逐日录入"
        }
    }
}

/// One year a load changed: added whole (`diff` nil) or changed day by day.
struct CalendarNoticeChange: Codable, Sendable, Equatable {
    let year: Int
    let diff: YearArrangement.Diff?
}

/// What the audit log keeps of a notice's change to one year.
private struct NoticeAuditEntry: Encodable, Sendable {
    let notice: String
    let kind: String
    let arrangement: YearArrangement
    let diff: YearArrangement.Diff?
}

extension CalendarStore {
    /// The calendar as stored. Inside a change it includes every write before it, even one
    /// made by another process that this process's calendar has not reloaded yet.
    static func stored(on db: any Database) async throws -> WorkingCalendar {
        var arrangements = WorkingCalendar.builtIn.arrangements
        for y in try await CalendarYearModel.query(on: db).sort(\.$year).all() {
            arrangements.append(try StoredJSON.value(YearArrangement.self, from: y.arrangement, row: "calendar_years#\(y.year)"))
        }
        var daysOff: [LocalDayOff] = []
        for d in try await LocalDayOffModel.query(on: db).all() {
            guard let day = Day(iso: d.day) else { continue }
            daysOff.append(LocalDayOff(day: day, reason: d.reason))
        }
        return try WorkingCalendar(arrangements: arrangements, localDaysOff: daysOff)
    }

    struct LoadedNotice: Sendable {
        let id: Int
        let loading: NoticeLoading
    }

    /// Reads the text again (what was confirmed is never trusted as sent), works out its
    /// changes against the calendar as stored, and stores them with the text in one change.
    /// `version`: the notice's year's version the office confirmed; a stale one is a 409.
    static func loadNotice(_ text: String, basedOn version: Int?, on req: Request) async throws -> LoadedNotice {
        try req.require(.manageCalendar)
        let notice = try HolidayNotice.parse(text)
        let actor = try req.principal.username
        let now = req.xieshang.clock.now()
        let loaded: LoadedNotice = try await req.change { db in
            let loading = try await stored(on: db).loading(notice)
            let current = try await Self.version(of: notice.year, on: db)
            if let version, version != current {
                throw Refusal(.conflict, code: "version_conflict",
                              message: "\(notice.year)年的放假安排在您核对之后已被更改，请重新读取通知、核对后再载入。")
            }
            for change in loading.changes { try await save(change.after, on: db, at: now) }
            let m = CalendarNoticeModel()
            m.year = notice.year
            m.kind = CalendarNoticeKind(notice.kind).rawValue
            m.source = notice.sourceName
            m.text = notice.text
            m.changes = try StoredJSON.text(loading.changes.map { CalendarNoticeChange(year: $0.year, diff: $0.diff) })
            m.loadedAt = now
            m.loadedBy = actor
            try await m.create(on: db)
            let audit = loading.changes.map { c in
                AuditChange(c.before == nil ? "calendar.notice.load" : "calendar.notice.amend", "calendar_year", String(c.year),
                            before: c.before,
                            after: NoticeAuditEntry(notice: notice.sourceName, kind: notice.kind.rawValue,
                                                    arrangement: c.after, diff: c.diff))
            }
            return (LoadedNotice(id: m.id!, loading: loading), audit)
        }
        try await req.xieshang.calendar.reload(from: req.db)
        return loaded
    }

    /// Adds or replaces a year's row.
    static func save(_ arrangement: YearArrangement, on db: any Database, at now: Date) async throws {
        let m = try await CalendarYearModel.query(on: db).filter(\.$year == arrangement.year).first() ?? CalendarYearModel()
        m.year = arrangement.year
        m.arrangement = try StoredJSON.text(arrangement)
        m.loadedAt = now
        try await m.save(on: db)
    }

    /// A year typed day by day or sent as JSON, kept in the history like a notice.
    static func recordTable(_ arrangement: YearArrangement, before: YearArrangement?, text: String, actor: String,
                            at now: Date, on db: any Database) async throws {
        let m = CalendarNoticeModel()
        m.year = arrangement.year
        m.kind = CalendarNoticeKind.table.rawValue
        m.source = arrangement.source
        m.text = text
        m.changes = try StoredJSON.text([CalendarNoticeChange(year: arrangement.year, diff: before.map { $0.diff(to: arrangement) })])
        m.loadedAt = now
        m.loadedBy = actor
        try await m.create(on: db)
    }

    /// One load that changed a year, as its history lists it.
    struct HistoryEntry: Sendable {
        let id: Int?
        let year: Int
        let kind: CalendarNoticeKind
        let source: String
        let loadedAt: Date?
        let loadedBy: String?
        let text: String?
        let changes: [CalendarNoticeChange]
    }

    /// Every load that changed `year`, oldest first, after where the year began: the built-in
    /// table, or (for a year loaded before notices were kept) the source it was loaded with.
    static func history(of year: Int, on db: any Database) async throws -> [HistoryEntry] {
        let loads = try await rows(changing: year, on: db).map { m, changes in
            HistoryEntry(id: m.id, year: m.year, kind: CalendarNoticeKind(rawValue: m.kind) ?? .table, source: m.source,
                         loadedAt: m.loadedAt, loadedBy: m.loadedBy, text: m.text, changes: changes)
        }
        if let builtIn = WorkingCalendar.builtIn.arrangement(for: year) {
            return [origin(year, .builtIn, builtIn.source)] + loads
        }
        let addedByALoad = loads.first?.changes.contains { $0.year == year && $0.diff == nil } ?? false
        if !addedByALoad, let row = try await CalendarYearModel.query(on: db).filter(\.$year == year).first() {
            // Loaded before the history was kept: its source is all that is known of its start.
            let loaded = try StoredJSON.value(YearArrangement.self, from: row.arrangement, row: "calendar_years#\(year)")
            return [origin(year, .table, loaded.source)] + loads
        }
        return loads
    }

    private static func origin(_ year: Int, _ kind: CalendarNoticeKind, _ source: String) -> HistoryEntry {
        HistoryEntry(id: nil, year: year, kind: kind, source: source, loadedAt: nil, loadedBy: nil, text: nil,
                     changes: [CalendarNoticeChange(year: year, diff: nil)])
    }

    /// How many loads changed the year: the basis an office confirms a change against.
    static func version(of year: Int, on db: any Database) async throws -> Int {
        try await rows(changing: year, on: db).count
    }

    private static func rows(changing year: Int, on db: any Database) async throws
        -> [(CalendarNoticeModel, [CalendarNoticeChange])] {
        // A notice changes its own year and at most the years either side of it.
        let rows = try await CalendarNoticeModel.query(on: db).filter(\.$year >= year - 1).filter(\.$year <= year + 1)
            .sort(\.$id).all()
        return try rows.compactMap { m in
            let changes = try StoredJSON.value([CalendarNoticeChange].self, from: m.changes, row: "calendar_notices#\(m.id ?? 0)")
            return changes.contains { $0.year == year } ? (m, changes) : nil
        }
    }
}
