import Vapor
import XieshangCore

/// `/api/v1/calendar/notices`: the State Council's holiday notice read as published (nothing
/// stored), loaded on the office's word, and a year's history of notices.
struct CalendarNoticeAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(Paths.API.parseNotice.routePath, use: parse)
        routes.post(Paths.API.calendarNotices.routePath, use: load)
        routes.get(Paths.API.yearNotices(":year").routePath, use: history)
    }

    struct TextInput: Content {
        let text: String
        /// The notice's year's version from the reading the office confirmed; optional, as a
        /// load only adds to what is loaded (an amendment applies on top of whatever it finds).
        let version: Int?
    }

    func parse(req: Request) async throws -> NoticeReading {
        try req.require(.manageCalendar)
        let input = try req.content.decode(TextInput.self)
        return try await Self.read(input.text, on: req)
    }

    /// 400 when nothing can be read; otherwise the reading, loadable or not.
    static func read(_ text: String, on req: Request) async throws -> NoticeReading {
        let notice = try HolidayNotice.parse(text)
        let version = try await CalendarStore.version(of: notice.year, on: req.db)
        return NoticeReading(notice, on: req.xieshang.calendar.calendar, version: version)
    }

    func load(req: Request) async throws -> Response {
        try req.require(.manageCalendar)
        let input = try req.content.decode(TextInput.self)
        let loaded = try await CalendarStore.loadNotice(input.text, basedOn: input.version, on: req)
        return try await NoticeLoadedDTO(loaded).encodeResponse(status: .created, for: req)
    }

    func history(req: Request) async throws -> [NoticeHistoryDTO] {
        try req.require(.viewMasterData)
        guard let year = req.parameters.get("year", as: Int.self) else {
            throw Refusal(.invalid, code: "invalid_year", message: "年份须为整数。")
        }
        let entries = try await CalendarStore.history(of: year, on: req.db)
        guard !entries.isEmpty else { throw NotFound.of("\(year)年的节假日安排") }
        return entries.map(NoticeHistoryDTO.init)
    }
}
