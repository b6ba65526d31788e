import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// The office pastes the notice on `/calendar`, confirms what the server read, and loads it;
/// the dashboard says when next year's notice is due; planning says why it cannot place dates;
/// `xieshang calendar load --notice FILE` does the same on the command line.
@Suite("Calendar: the notice on the pages and the command line")
struct CalendarNoticePageTests {
    /// The value of the confirmation form's hidden `version`.
    static func version(in html: String) -> String? {
        guard let r = html.range(of: #"name="version" value="([0-9]+)""#, options: .regularExpression) else { return nil }
        return String(html[r].dropFirst(#"name="version" value=""#.count).dropLast())
    }

    @Test("pasting a notice shows each break and 调休 working day with its item; confirming loads it")
    func pasteConfirmAndLoad() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let page = try await office.send(.GET, Paths.calendar)
            #expect(page.text.contains(#"id="notice-form""#))
            #expect(page.text.contains("载入国务院放假安排通知"))

            let preview = try await office.post(Paths.previewNotice, form: ["text": NoticeTexts.notice2027])
            #expect(preview.status == .ok)
            let html = preview.text
            #expect(html.contains("国务院办公厅关于2027年部分节假日安排的通知"))
            #expect(html.contains("第二项“春节”"))
            #expect(html.contains("2月5日（星期五）至2月13日（星期六），共9天"))
            #expect(html.contains("2月20日（星期六）"))
            #expect(html.contains("第七项“国庆节”"))
            #expect(html.contains("9月26日（星期日）"))
            #expect(html.contains("新增2027年"))
            #expect(html.contains(#"id="notice-load-form""#))
            #expect(Self.version(in: html) == "0")
            #expect(try await CalendarNoticeModel.query(on: app.db).count() == 0, "a preview stores nothing")

            let load = try await office.post(Paths.calendarNotices, form: ["text": NoticeTexts.notice2027, "version": "0"])
            #expect(load.status == .seeOther, "\(load.status) \(load.text.prefix(300))")
            #expect(load.headers.first(name: .location) == Paths.calendarYear(2027))
            let year = try await office.send(.GET, Paths.calendarYear(2027))
            #expect(year.text.contains("已载入国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕9号）：新增2027年（放假29天，调休上班5天）"))
            #expect(year.text.contains("工作日历 2027年"))
            #expect(year.text.contains(#"id="year-history""#))
            #expect(year.text.contains("年度通知"))
            #expect(year.text.contains("二、春节：2月5日（农历除夕、周五）"), "the pasted text is shown as the year's source")
            #expect(year.text.contains("2027-02-20 春节调休上班"))
            #expect(try await CalendarNoticeModel.query(on: app.db).first()?.loadedBy == "office")
        }
    }

    @Test("a corrupted copy is shown with what is wrong and no confirm button; posting it anyway is refused")
    func corruptedCopyOnThePage() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let preview = try await office.post(Paths.previewNotice, form: ["text": NoticeTexts.corrupted2027])
            #expect(preview.status == .ok)
            #expect(preview.text.contains("不能载入"))
            #expect(preview.text.contains("“0月1日”不是有效日期"))
            #expect(!preview.text.contains(#"id="notice-load-form""#))

            let forced = try await office.post(Paths.calendarNotices, form: ["text": NoticeTexts.corrupted2027, "version": "0"])
            #expect(forced.status == .badRequest)
            #expect(forced.text.contains("“0月1日”不是有效日期"))
            #expect(try await CalendarNoticeModel.query(on: app.db).count() == 0)
            #expect(try await CalendarYearModel.query(on: app.db).count() == 0)
        }
    }

    @Test("an amendment is previewed as the change to the loaded year, and a stale confirmation is refused")
    func amendmentOnThePage() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            #expect(try await office.post(Paths.calendarNotices, form: ["text": NoticeTexts.notice2027, "version": "0"]).status == .seeOther)
            let preview = try await office.post(Paths.previewNotice, form: ["text": NoticeTexts.extension2027])
            #expect(preview.text.contains("补充通知"))
            #expect(preview.text.contains("更改2027年"))
            #expect(preview.text.contains("新增放假：2月14日至2月16日（春节（延长））"))
            #expect(preview.text.contains("延长至2月16日（星期二）"))
            let version = try #require(Self.version(in: preview.text))
            #expect(version == "1")

            let stale = try await office.post(Paths.calendarNotices, form: ["text": NoticeTexts.extension2027, "version": "0"])
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("在您核对之后已被更改"))
            let ok = try await office.post(Paths.calendarNotices, form: ["text": NoticeTexts.extension2027, "version": version])
            #expect(ok.status == .seeOther)
            let year = try await office.send(.GET, Paths.calendarYear(2027))
            #expect(year.text.contains("补充通知"))
            #expect(year.text.contains("新增放假：2月14日至2月16日（春节（延长））"))

            // A year's notice for a loaded year: shown as not loadable, with why.
            let again = try await office.post(Paths.previewNotice, form: ["text": NoticeTexts.notice2027])
            #expect(again.text.contains("2027年的放假安排已经载入"))
            #expect(!again.text.contains(#"id="notice-load-form""#))
        }
    }

    @Test("an unreadable paste is shown on the calendar page with what was expected, the text kept")
    func unreadablePaste() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let res = try await office.post(Paths.previewNotice, form: ["text": NoticeTexts.unreadable])
            #expect(res.status == .badRequest)
            #expect(res.text.contains("未能读出任何放假安排"))
            #expect(res.text.contains(NoticeTexts.unreadable), "the pasted text is kept for correction")
            let member = try await TestClient.signedIn(app, as: "member")
            #expect(try await member.post(Paths.previewNotice, form: ["text": NoticeTexts.notice2027]).status == .forbidden)
            #expect(!(try await member.send(.GET, Paths.calendar)).text.contains(#"id="notice-form""#))
        }
    }

    @Test("from November 1 until next year is loaded the office's dashboard says so and links to /calendar")
    func dashboardRemindsTheOffice() async throws {
        let november = ManualClock(Date(timeIntervalSince1970: 1_793_462_400))  // 2026-11-01 00:00 China time
        #expect(Day(november.now()).iso == "2026-11-01")
        try await TestApp.run(clock: november) { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let dashboard = try await office.send(.GET, Paths.dashboard)
            #expect(dashboard.text.contains(#"id="calendar-reminder-2027""#))
            #expect(dashboard.text.contains("2027年的节假日安排尚未载入"))
            #expect(dashboard.text.contains(#"href="/calendar?year=2027#load-notice""#))
            let member = try await TestClient.signedIn(app, as: "member")
            #expect(!(try await member.send(.GET, Paths.dashboard)).text.contains("calendar-reminder"))

            _ = try await CalendarNoticeAPITests.loaded(try await CalendarNoticeAPITests.office(app), NoticeTexts.notice2027)
            #expect(!(try await office.send(.GET, Paths.dashboard)).text.contains("calendar-reminder"))
        }
        let october = ManualClock(Date(timeIntervalSince1970: 1_793_462_400 - 60))  // 2026-10-31 23:59
        try await TestApp.run(clock: october) { app in
            let office = try await TestClient.signedIn(app, as: "office")
            #expect(!(try await office.send(.GET, Paths.dashboard)).text.contains("calendar-reminder"))
        }
    }

    @Test("scheduling next year's topics says why it cannot place dates until the year is loaded")
    func schedulingWaitsForTheYear() async throws {
        try await TestApp.run { app in
            try await Planning.createPlan(app, year: 2027)
            let office = try await Planning.api(app, "office")
            let agriculture = try await Planning.committeeID(app, named: "农业农村委员会")
            let topics = try await office.json(.PUT, Planning.plan(2027) + "/topics", PlanningAPI.TopicsInput(version: 1, topics: [
                .init(id: nil, title: "推进高标准农田建设", rationale: nil, leadCommitteeID: agriculture, month: 4, sourceSuggestionIDs: nil),
            ]))
            #expect(topics.status == .ok, "\(topics.text.prefix(300))")
            let version = try await Planning.stored(app, year: 2027).version
            let refused = try await office.json(.POST, Planning.plan(2027) + "/schedule", ["version": version])
            #expect(refused.status == .conflict)
            #expect(refused.errorCode == "plan_calendar_not_loaded")
            #expect(try refused.content.decode(APIErrorBody.self).error.message.contains("2027年的节假日安排尚未载入"))

            let page = try await TestClient.signedIn(app, as: "office").send(.GET, Planning.page(2027))
            #expect(page.text.contains(#"id="calendar-missing""#))
            #expect(page.text.contains(#"href="/calendar?year=2027#load-notice""#))

            _ = try await CalendarNoticeAPITests.loaded(try await CalendarNoticeAPITests.office(app), NoticeTexts.notice2027)
            let scheduled = try await office.json(.POST, Planning.plan(2027) + "/schedule", ["version": version])
            #expect(scheduled.status == .ok, "\(scheduled.text.prefix(300))")
            let date = try #require(try await Planning.stored(app, year: 2027).plan.topics.first?.date)
            #expect(date.month == 4)
            #expect(try app.xieshang.calendar.calendar.isWorkingDay(date))
            let after = try await TestClient.signedIn(app, as: "office").send(.GET, Planning.page(2027))
            #expect(!after.text.contains(#"id="calendar-missing""#))
        }
    }

    // MARK: the command line

    static func run(_ app: Application, _ arguments: [String]) async throws -> (output: String, failed: Bool) {
        let console = CapturingConsole()
        var context = CommandContext(console: console, input: CommandInput(arguments: ["xieshang"] + arguments))
        context.application = app
        do {
            try await console.run(app.asyncCommands.group(), with: context)
            return (console.output, false)
        } catch is ExitCode {
            return (console.output, true)
        }
    }

    static func file(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "notice-\(UUID().uuidString).txt"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("`xieshang calendar load --notice FILE` prints what it read and loads it; --dry-run only prints")
    func commandLoadsANotice() async throws {
        try await TestApp.run { app in
            let path = try Self.file(NoticeTexts.notice2027)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let dry = try await Self.run(app, ["calendar", "load", "--notice", path, "--dry-run"])
            #expect(!dry.failed)
            #expect(dry.output.contains("第二项“春节”"))
            #expect(dry.output.contains("放假　2月5日（星期五）至2月13日（星期六），共9天"))
            #expect(dry.output.contains("上班　2月20日（星期六）"))
            #expect(dry.output.contains("新增2027年"))
            #expect(dry.output.contains("未载入"))
            #expect(try await CalendarNoticeModel.query(on: app.db).count() == 0)

            let real = try await Self.run(app, ["calendar", "load", "--notice", path])
            #expect(!real.failed, "\(real.output)")
            #expect(real.output.contains("已载入：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕9号）"))
            #expect(try await CalendarNoticeModel.query(on: app.db).first()?.text == NoticeTexts.notice2027)
            #expect(try await AuditEntryModel.query(on: app.db).sort(\.$id, .descending).first()?.actor.hasPrefix("cli:") == true)
            #expect(try app.xieshang.calendar.calendar.isWorkingDay(Day(iso: "2027-02-20")!))

            let again = try await Self.run(app, ["calendar", "load", "--notice", path])
            #expect(again.failed)
            #expect(again.output.contains("2027年的放假安排已经载入"))
        }
    }

    @Test("the command refuses a notice with a blocking warning, in Chinese and with a non-zero exit")
    func commandRefusesACorruptedCopy() async throws {
        try await TestApp.run { app in
            let corrupted = try Self.file(NoticeTexts.corrupted2027)
            let unreadable = try Self.file(NoticeTexts.unreadable)
            let latin1 = NSTemporaryDirectory() + "notice-\(UUID().uuidString).txt"
            try Data([0xB9, 0xFA, 0xCE, 0xF1, 0xD4, 0xBA]).write(to: URL(fileURLWithPath: latin1))  // 国务院 in GBK
            defer { for p in [corrupted, unreadable, latin1] { try? FileManager.default.removeItem(atPath: p) } }

            let refused = try await Self.run(app, ["calendar", "load", "--notice", corrupted])
            #expect(refused.failed)
            #expect(refused.output.contains("【不能载入】"))
            #expect(refused.output.contains("“0月1日”不是有效日期"))
            #expect(refused.output.contains("无法载入的内容"))
            #expect(!refused.output.contains("已载入："))

            let notANotice = try await Self.run(app, ["calendar", "load", "--notice", unreadable])
            #expect(notANotice.failed)
            #expect(notANotice.output.contains("未能读出任何放假安排"))
            let gbk = try await Self.run(app, ["calendar", "load", "--notice", latin1])
            #expect(gbk.failed)
            #expect(gbk.output.contains("不是UTF-8编码"))
            let missing = try await Self.run(app, ["calendar", "load", "--notice", "/nonexistent/notice.txt"])
            #expect(missing.failed)
            #expect(try await CalendarNoticeModel.query(on: app.db).count() == 0)
            #expect(try await CalendarYearModel.query(on: app.db).count() == 0)
        }
    }
}

/// A console that keeps what a command prints (`print` and `error` alike), for reading back.
private final class CapturingConsole: Console, @unchecked Sendable {
    // @unchecked: `userInfo` is only touched by the one command run on this console; output is locked.
    private let text = NIOLockedValueBox("")
    var userInfo: [AnySendableHashable: any Sendable] = [:]
    var size: (width: Int, height: Int) { (120, 40) }
    var supportsANSICommands: Bool { false }

    var output: String { text.withLockedValue { $0 } }

    func input(isSecure: Bool) -> String { "" }
    func output(_ t: ConsoleText, newLine: Bool) {
        text.withLockedValue { $0 += t.fragments.map(\.string).joined() + (newLine ? "\n" : "") }
    }
    func report(error: String, newLine: Bool) {
        text.withLockedValue { $0 += error + (newLine ? "\n" : "") }
    }
    func clear(_ type: ConsoleClear) {}
}
