import Vapor
import XieshangCore

/// The working-calendar page: a year at a glance with where it came from, and for the office
/// the forms to paste the State Council's notice (see `CalendarNoticePages`), to type a year
/// day by day when there is no notice to paste, and to add the county's own days off.
struct CalendarPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.calendar.routePath, use: show)
        routes.post(Paths.calendarYears.routePath, use: loadYear)
        routes.post(Paths.localDaysOff.routePath, use: addLocalDayOff)
        routes.post("calendar", "local-days-off", ":day", "delete", use: removeLocalDayOff)
        try routes.register(collection: CalendarNoticePages())
    }

    /// Leaf drops nil array elements, so a blank leading or trailing cell is a value too.
    struct Cell: Encodable {
        let day: Int; let css: String; let label: String
        static let blank = Cell(day: 0, css: "blank", label: "")
    }
    struct Month: Encodable { let title: String; let weeks: [[Cell]] }
    struct Body: Encodable {
        let year: Int
        let years: [Int]
        let covered: Bool
        let source: String
        let workingDays: Int
        let months: [Month]
        let special: [CalendarAPI.YearDTO.Entry]
        let specialLabels: [String]
        let localDaysOff: [LocalDayOffRow]
        let canManage: Bool
        let nextYear: Int
        let error: String?
        let errorDetails: [String]
        let formYear: Int
        let formSource: String
        let formText: String
        /// The notice pasted, kept when it could not be read.
        let noticeText: String
        let history: [HistoryRow]
    }
    /// One load that made the year what it is; `text` is the notice as pasted.
    struct HistoryRow: Encodable {
        let kindName: String
        let source: String
        let when: String
        let lines: [String]
        let text: String?
    }
    struct LocalDayOffRow: Encodable { let day: String; let chinese: String; let reason: String; let deletePath: String }

    func show(req: Request) async throws -> Response {
        try req.require(.viewMasterData)
        let cal = req.xieshang.calendar.calendar
        let today = Day(req.xieshang.clock.now())
        let year = (try? req.query.get(Int.self, at: "year")) ?? today.year
        return try await render(req, year: year, cal: cal)
    }

    func render(_ req: Request, year: Int, cal: WorkingCalendar, error: (any DomainError)? = nil,
                form: (Int, String, String)? = nil, noticeText: String = "") async throws -> Response {
        let p = try req.principal
        let range = cal.coveredYears ?? 2015...2026
        let covered = (1900...9999).contains(year) && cal.covers(Day(year: year, month: 1, day: 1)!)
        var months: [Month] = []
        var special: [CalendarAPI.YearDTO.Entry] = []
        var workingDays = 0
        if covered {
            let dto = try CalendarView.year(year, in: cal)
            special = dto.specialDays
            workingDays = dto.workingDays
            for m in 1...12 {
                var weeks: [[Cell]] = []
                var week: [Cell] = []
                let first = Day(year: year, month: m, day: 1)!
                week.append(contentsOf: Array(repeating: Cell.blank, count: first.weekday - 1))
                for d in 1...Day.daysIn(month: m, year: year) {
                    let day = Day(year: year, month: m, day: d)!
                    let kind = try cal.kind(of: day)
                    let css: String
                    switch kind {
                    case .workday: css = "work"
                    case .weekend: css = "weekend"
                    case .holiday: css = "holiday"
                    case .adjustedWorkday: css = "adjusted"
                    case .localDayOff: css = "local"
                    }
                    week.append(Cell(day: d, css: day == Day(req.xieshang.clock.now()) ? css + " today" : css,
                                     label: "\(day.chinese) \(kind.chinese)"))
                    if week.count == 7 { weeks.append(week); week = [] }
                }
                if !week.isEmpty { weeks.append(week + Array(repeating: Cell.blank, count: 7 - week.count)) }
                months.append(Month(title: "\(m)月", weeks: weeks))
            }
        }
        let local = cal.localDaysOff.sorted { $0.day < $1.day }.map {
            LocalDayOffRow(day: $0.day.iso, chinese: $0.day.chinese, reason: $0.reason,
                           deletePath: Paths.deleteLocalDayOff($0.day.iso))
        }
        let body = Body(year: year, years: Array(range), covered: covered,
                        source: cal.arrangement(for: year)?.source ?? "", workingDays: workingDays,
                        months: months, special: special,
                        specialLabels: special.map { "\($0.date) \($0.kind.chinese)" },
                        localDaysOff: local, canManage: p.may(.manageCalendar), nextYear: range.upperBound + 1,
                        error: error?.message, errorDetails: error?.details ?? [],
                        formYear: form?.0 ?? range.upperBound + 1, formSource: form?.1 ?? "",
                        formText: form?.2 ?? "", noticeText: noticeText,
                        history: try await Self.history(of: year, on: req))
        let res = try await req.renderPage("calendar", title: "工作日历", body: body)
        if error != nil { res.status = .badRequest }
        return res
    }

    static func history(of year: Int, on req: Request) async throws -> [HistoryRow] {
        try await CalendarStore.history(of: year, on: req.db).map { e in
            let when = e.loadedAt.map { "\(Day($0).chinese) \(e.loadedBy ?? "") 载入" } ?? "系统内置"
            let lines = e.changes.flatMap { c -> [String] in
                guard let diff = c.diff else { return c.year == year ? [] : ["同时新增\(c.year)年"] }
                let lines = NoticeText.lines(diff, year: c.year)
                return c.year == year ? lines : lines.map { "\(c.year)年\($0)" }
            }
            return HistoryRow(kindName: e.kind.chineseName, source: e.source, when: when, lines: lines, text: e.text)
        }
    }

    struct YearForm: Content { var year: String?; var source: String?; var text: String? }

    func loadYear(req: Request) async throws -> Response {
        try req.require(.manageCalendar)
        let f = try req.content.decode(YearForm.self)
        let cal = req.xieshang.calendar.calendar
        guard let year = f.year.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
            return try await render(req, year: cal.coveredYears?.upperBound ?? 2026, cal: cal,
                                    error: Refusal(.invalid, code: "invalid_year", message: "请填写年份。"),
                                    form: (0, f.source ?? "", f.text ?? ""))
        }
        do {
            let arrangement = try YearArrangement.parse(year: year, source: f.source ?? "", text: f.text ?? "")
            try await CalendarStore.load(arrangement, text: f.text, on: req)
        } catch let e as any DomainError {
            return try await render(req, year: year, cal: cal, error: e, form: (year, f.source ?? "", f.text ?? ""))
        }
        req.flash("已载入\(year)年节假日安排。")
        return req.redirect(to: Paths.calendar + "?year=\(year)")
    }

    struct DayOffForm: Content { var day: String?; var reason: String? }

    func addLocalDayOff(req: Request) async throws -> Response {
        try req.require(.manageCalendar)
        let f = try req.content.decode(DayOffForm.self)
        let cal = req.xieshang.calendar.calendar
        let fallbackYear = Day(req.xieshang.clock.now()).year
        guard let day = f.day.flatMap(Day.init(iso:)) else {
            return try await render(req, year: fallbackYear, cal: cal,
                                    error: Refusal(.invalid, code: "invalid_date", message: "请选择地方休息日的日期。"))
        }
        do {
            _ = try await CalendarStore.addLocalDayOff(LocalDayOff(day: day, reason: (f.reason ?? "").trimmingCharacters(in: .whitespaces)), on: req)
        } catch let e as any DomainError {
            return try await render(req, year: day.year, cal: cal, error: e)
        }
        req.flash("已添加地方休息日：\(day.chinese)。")
        return req.redirect(to: Paths.calendar + "?year=\(day.year)")
    }

    func removeLocalDayOff(req: Request) async throws -> Response {
        try req.require(.manageCalendar)
        guard let day = req.parameters.get("day").flatMap(Day.init(iso:)) else { throw NotFound.of("地方休息日") }
        try await CalendarStore.removeLocalDayOff(day, on: req)
        req.flash("已删除地方休息日：\(day.chinese)。")
        return req.redirect(to: Paths.calendar + "?year=\(day.year)")
    }
}
