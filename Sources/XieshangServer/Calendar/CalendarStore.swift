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
        var cal = WorkingCalendar.builtIn
        for y in try await CalendarYearModel.query(on: db).sort(\.$year).all() {
            cal = try cal.withArrangement(StoredJSON.value(YearArrangement.self, from: y.arrangement, row: "calendar_years#\(y.year)"))
        }
        for d in try await LocalDayOffModel.query(on: db).all() {
            guard let day = Day(iso: d.day) else { continue }
            cal = try cal.withLocalDayOff(LocalDayOff(day: day, reason: d.reason))
        }
        let built = cal
        current.withLockedValue { $0 = built }
    }

    /// Loads (or replaces) a year's arrangement: validated against the calendar it would
    /// produce before anything is written.
    static func load(_ arrangement: YearArrangement, on req: Request) async throws {
        try arrangement.validate()
        _ = try req.xieshang.calendar.calendar.withArrangement(arrangement)
        let json = AuditChange.json(arrangement)
        let now = req.xieshang.clock.now()
        try await req.change { db in
            let existing = try await CalendarYearModel.query(on: db).filter(\.$year == arrangement.year).first()
            let m = existing ?? CalendarYearModel()
            let before = existing?.arrangement
            m.year = arrangement.year
            m.arrangement = json
            m.loadedAt = now
            try await m.save(on: db)
            return ((), [AuditChange(existing == nil ? "calendar.year.load" : "calendar.year.replace",
                                     "calendar_year", String(arrangement.year), before: before, after: arrangement)])
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
