import Fluent
import NIOConcurrencyHelpers
import Vapor
import XieshangCore

/// The working calendar in force: the built-in State Council table, the years the office
/// has loaded, and the county's local days off. Rebuilt from the database after each change.
final class CalendarStore: Sendable {
    private let current = NIOLockedValueBox(WorkingCalendar.builtIn)

    var calendar: WorkingCalendar { current.withLockedValue { $0 } }

    func reload(from db: any Database) async throws {
        let built = try await Self.stored(on: db)
        current.withLockedValue { $0 = built }
    }

    /// Loads (or replaces) a year's arrangement typed day by day (`text`) or sent as JSON:
    /// validated against the calendar it would produce before anything is written, and kept
    /// in the year's history like a notice.
    static func load(_ arrangement: YearArrangement, text: String? = nil, on req: Request) async throws {
        try arrangement.validate()
        _ = try req.xieshang.calendar.calendar.withArrangement(arrangement)
        let json = AuditChange.json(arrangement)
        let now = req.xieshang.clock.now()
        let actor = try req.principal.username
        try await req.change { db in
            let before = try await stored(on: db).arrangement(for: arrangement.year)
            let existing = try await CalendarYearModel.query(on: db).filter(\.$year == arrangement.year).first()
            try await save(arrangement, on: db, at: now)
            try await recordTable(arrangement, before: before, text: text ?? json, actor: actor, at: now, on: db)
            return ((), [AuditChange(existing == nil ? "calendar.year.load" : "calendar.year.replace",
                                     "calendar_year", String(arrangement.year), before: existing?.arrangement, after: arrangement)])
        }
        try await req.xieshang.calendar.reload(from: req.db)
    }

    static func addLocalDayOff(_ dayOff: LocalDayOff, on req: Request) async throws -> Int {
        try dayOff.validate()
        _ = try req.xieshang.calendar.calendar.withLocalDayOff(dayOff)
        let id: Int = try await req.change { db in
            if try await LocalDayOffModel.query(on: db).filter(\.$day == dayOff.day.iso).first() != nil {
                throw Refusal(.conflict, code: "local_day_off_exists", message: "\(dayOff.day.chinese)已是地方休息日。")
            }
            let m = LocalDayOffModel()
            m.day = dayOff.day.iso
            m.reason = dayOff.reason
            try await m.create(on: db)
            return (m.id!, [AuditChange("calendar.local_day_off.add", "local_day_off", dayOff.day.iso, after: dayOff)])
        }
        try await req.xieshang.calendar.reload(from: req.db)
        return id
    }

    static func removeLocalDayOff(_ day: Day, on req: Request) async throws {
        try await req.change { db in
            guard let m = try await LocalDayOffModel.query(on: db).filter(\.$day == day.iso).first() else {
                throw NotFound.of("地方休息日")
            }
            let before = LocalDayOff(day: day, reason: m.reason)
            try await m.delete(on: db)
            return ((), [AuditChange("calendar.local_day_off.remove", "local_day_off", day.iso, before: before)])
        }
        try await req.xieshang.calendar.reload(from: req.db)
    }
}
