import Vapor
import XieshangCore

/// The office pastes the State Council's notice on `/calendar`, sees the year as the server
/// read it (each break and each 调休 working day with its item, every warning, what changes
/// in a loaded year), and loads it on confirmation: the same text is posted and read again.
struct CalendarNoticePages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(Paths.previewNotice.routePath, use: preview)
        routes.post(Paths.calendarNotices.routePath, use: load)
    }

    struct NoticeForm: Content {
        var text: String?
        var version: String?
    }

    struct Body: Encodable {
        struct ItemRow: Encodable {
            let label: String
            let daysOff: [String]
            let workdays: [String]
            let extendsThrough: String?
            let text: String
        }
        struct DayRow: Encodable {
            let date: String
            let text: String
            let weekday: String
            let kind: String
            let css: String
            let holiday: String
            let item: String
        }
        struct WarningRow: Encodable { let message: String; let blocks: Bool }
        struct ChangeRow: Encodable { let year: Int; let title: String; let lines: [String] }

        let year: Int
        let heading: String
        let kindName: String
        let documentNumber: String?
        let source: String
        let items: [ItemRow]
        let days: [DayRow]
        let warnings: [WarningRow]
        let blocking: Int
        let changes: [ChangeRow]
        let loadable: Bool
        let problem: String?
        let problemDetails: [String]
        let error: String?
        let errorDetails: [String]
        let text: String
        let version: Int
    }

    func preview(req: Request) async throws -> Response {
        try req.require(.manageCalendar)
        let text = try req.content.decode(NoticeForm.self).text ?? ""
        return try await render(req, text: text)
    }

    func load(req: Request) async throws -> Response {
        try req.require(.manageCalendar)
        let form = try req.content.decode(NoticeForm.self)
        let text = form.text ?? ""
        do {
            let version = try form.version.map { v -> Int in
                guard let n = Int(v.trimmingCharacters(in: .whitespaces)) else { throw VersionBasis.missing }
                return n
            }
            let loaded = try await CalendarStore.loadNotice(text, basedOn: try VersionBasis.required(version), on: req)
            let notice = loaded.loading.notice
            let summary = loaded.loading.changes.map { c in
                let (title, lines) = NoticeText.change(c)
                return title + "（" + lines.joined(separator: "；") + "）"
            }.joined(separator: "，")
            req.flash("已载入\(notice.sourceName)：\(summary)。")
            return req.redirect(to: Paths.calendarYear(notice.year))
        } catch let e as any DomainError where e.kind != .forbidden {
            return try await render(req, text: text, error: e)
        }
    }

    /// The confirmation page, or the calendar page with the error when nothing can be read.
    func render(_ req: Request, text: String, error: (any DomainError)? = nil) async throws -> Response {
        let notice: HolidayNotice
        do {
            notice = try HolidayNotice.parse(text)
        } catch let e as any DomainError {
            let cal = req.xieshang.calendar.calendar
            let year = cal.coveredYears.map { $0.upperBound + 1 } ?? Day(req.xieshang.clock.now()).year
            return try await CalendarPages().render(req, year: year, cal: cal, error: error ?? e, noticeText: text)
        }
        let calendar = req.xieshang.calendar.calendar
        let reading = NoticeReading(notice, on: calendar, version: try await CalendarStore.version(of: notice.year, on: req.db))
        let loading = try? calendar.loading(notice)
        let labels = Dictionary(notice.items.compactMap { i in i.number.map { ($0, i.label) } }, uniquingKeysWith: { a, _ in a })
        let y = notice.year
        let body = Body(
            year: y, heading: notice.title ?? notice.sourceName,
            kindName: notice.kind == .annual ? "年度放假安排通知" : "补充通知（在已载入的\(y)年安排上应用）",
            documentNumber: notice.documentNumber, source: notice.sourceName,
            items: notice.items.map {
                Body.ItemRow(label: $0.label, daysOff: NoticeText.spans($0.daysOff, in: y),
                             workdays: $0.workdays.map { NoticeText.dayWithWeekday($0, in: y) },
                             extendsThrough: $0.extendsThrough.map { NoticeText.dayWithWeekday($0, in: y) }, text: $0.text)
            },
            days: notice.days.map { d in
                Body.DayRow(date: d.date.iso, text: NoticeText.day(d.date, in: y), weekday: d.date.chineseWeekday,
                            kind: d.kind == .off ? "放假" : "上班", css: d.kind == .off ? "holiday" : "adjusted",
                            holiday: d.holiday, item: d.item.flatMap { labels[$0] } ?? "正文")
            },
            warnings: notice.warnings.map { Body.WarningRow(message: $0.message, blocks: $0.blocksLoading) },
            blocking: notice.warnings.filter(\.blocksLoading).count,
            changes: (loading?.changes ?? []).map { c in
                let (title, lines) = NoticeText.change(c)
                return Body.ChangeRow(year: c.year, title: title, lines: lines)
            },
            loadable: reading.loadable, problem: reading.problem?.message, problemDetails: reading.problem?.details ?? [],
            error: error?.message, errorDetails: error?.details ?? [], text: text, version: reading.version)
        let res = try await req.renderPage("calendar-notice", title: "核对放假安排通知", body: body)
        if let error { res.status = error.kind.status }
        return res
    }
}
