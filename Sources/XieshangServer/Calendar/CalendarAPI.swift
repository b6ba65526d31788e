import Vapor
import XieshangCore

/// `/api/v1/calendar`: the public working-day arithmetic and the office's calendar upkeep.
struct CalendarAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.API.addWorkingDays.routePath, use: addWorkingDays)
        routes.get((Paths.API.calendarYears + "/:year").routePath, use: year)
        routes.post(Paths.API.calendarYears.routePath, use: loadYear)
        routes.get(Paths.API.localDaysOff.routePath, use: localDaysOff)
        routes.post(Paths.API.localDaysOff.routePath, use: addLocalDayOff)
        routes.delete((Paths.API.localDaysOff + "/:day").routePath, use: removeLocalDayOff)
        try routes.register(collection: CalendarNoticeAPI())
    }

    struct DateAnswer: Content { let date: String }

    /// Public: no sign-in, so the dashboard calculator and other systems can use it.
    func addWorkingDays(req: Request) async throws -> DateAnswer {
        guard let fromText = req.query[String.self, at: "from"] else {
            throw Refusal(.invalid, code: "missing_parameter", message: "缺少参数 from（起算日期，YYYY-MM-DD）。")
        }
        guard let from = Day(iso: fromText) else {
            throw Refusal(.invalid, code: "invalid_date", message: "日期“\(fromText.prefix(20))”格式不正确，应为“年-月-日”，如2027-03-18。")
        }
        guard let daysText = req.query[String.self, at: "days"] else {
            throw Refusal(.invalid, code: "missing_parameter", message: "缺少参数 days（工作日天数）。")
        }
        guard let days = Int(daysText) else {
            throw Refusal(.invalid, code: "invalid_working_days", message: "工作日天数须为整数。")
        }
        let date = try req.xieshang.calendar.calendar.addingWorkingDays(days, to: from)
        return DateAnswer(date: date.iso)
    }

    struct YearDTO: Content {
        struct Entry: Content { let date: String; let kind: DayKind; let weekday: Int }
        let year: Int
        let source: String
        /// Every day that is not an ordinary weekday or weekend: holidays, adjusted
        /// workdays, local days off.
        let specialDays: [Entry]
        let workingDays: Int
    }

    func year(req: Request) async throws -> YearDTO {
        guard let y = req.parameters.get("year", as: Int.self) else {
            throw Refusal(.invalid, code: "invalid_year", message: "年份须为整数。")
        }
        return try CalendarView.year(y, in: req.xieshang.calendar.calendar)
    }

    func loadYear(req: Request) async throws -> Response {
        try req.require(.manageCalendar)
        let arrangement = try req.content.decode(YearArrangement.self)
        try await CalendarStore.load(arrangement, on: req)
        return try await year(y: arrangement.year, req: req).encodeResponse(status: .created, for: req)
    }

    private func year(y: Int, req: Request) throws -> YearDTO {
        try CalendarView.year(y, in: req.xieshang.calendar.calendar)
    }

    func localDaysOff(req: Request) async throws -> [LocalDayOff] {
        try req.require(.viewMasterData)
        return req.xieshang.calendar.calendar.localDaysOff.sorted { $0.day < $1.day }
    }

    func addLocalDayOff(req: Request) async throws -> Response {
        try req.require(.manageCalendar)
        let dayOff = try req.content.decode(LocalDayOff.self)
        _ = try await CalendarStore.addLocalDayOff(dayOff, on: req)
        return try await dayOff.encodeResponse(status: .created, for: req)
    }

    func removeLocalDayOff(req: Request) async throws -> HTTPStatus {
        try req.require(.manageCalendar)
        guard let text = req.parameters.get("day"), let day = Day(iso: text) else {
            throw Refusal(.invalid, code: "invalid_date", message: "日期格式不正确，应为“年-月-日”，如2027-03-18。")
        }
        try await CalendarStore.removeLocalDayOff(day, on: req)
        return .noContent
    }
}

extension LocalDayOff: Content {}
extension YearArrangement: Content {}
extension DayKind: Content {}

enum CalendarView {
    static func year(_ y: Int, in cal: WorkingCalendar) throws -> CalendarAPI.YearDTO {
        guard let first = Day(year: y, month: 1, day: 1), cal.covers(first) else {
            throw CalendarError.outOfRange(missingYear: y)
        }
        var entries: [CalendarAPI.YearDTO.Entry] = []
        var working = 0
        var d = first
        while d.year == y {
            let k = try cal.kind(of: d)
            if k.isWorkingDay { working += 1 }
            switch k {
            case .workday, .weekend: break
            default: entries.append(.init(date: d.iso, kind: k, weekday: d.weekday))
            }
            d = d.adding(days: 1)
        }
        return .init(year: y, source: cal.arrangement(for: y)?.source ?? "", specialDays: entries, workingDays: working)
    }
}
