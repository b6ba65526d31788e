import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// `POST /api/v1/calendar/notices/parse` and `POST /api/v1/calendar/notices`: the State
/// Council's notice read as published, shown with every warning, and loaded on the office's
/// word (read again, audited, the text kept as the year's source, amendments in its history).
@Suite("Calendar: the State Council's notice through the API")
struct CalendarNoticeAPITests {
    struct TextInput: Encodable {
        let text: String
        var version: Int?
    }

    static func office(_ app: Application) async throws -> TestClient {
        try await CalendarAPITests.office(app)
    }

    static func parse(_ client: TestClient, _ text: String) async throws -> TestingHTTPResponse {
        try await client.json(.POST, Paths.API.parseNotice, TextInput(text: text))
    }

    static func reading(_ client: TestClient, _ text: String,
                        sourceLocation: SourceLocation = #_sourceLocation) async throws -> NoticeReading {
        let res = try await parse(client, text)
        #expect(res.status == .ok, "parse: \(res.status) \(res.text.prefix(300))", sourceLocation: sourceLocation)
        return try res.content.decode(NoticeReading.self)
    }

    static func load(_ client: TestClient, _ text: String, version: Int? = nil) async throws -> TestingHTTPResponse {
        try await client.json(.POST, Paths.API.calendarNotices, TextInput(text: text, version: version))
    }

    static func loaded(_ client: TestClient, _ text: String, version: Int? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) async throws -> NoticeLoadedDTO {
        let res = try await load(client, text, version: version)
        #expect(res.status == .created, "load: \(res.status) \(res.text.prefix(400))", sourceLocation: sourceLocation)
        return try res.content.decode(NoticeLoadedDTO.self)
    }

    static func isWorkingDay(_ app: Application, _ iso: String) throws -> Bool {
        try app.xieshang.calendar.calendar.isWorkingDay(Day(iso: iso)!)
    }

    /// What must not change when a text is only read or is refused.
    struct Stored: Equatable {
        let years: Int
        let notices: Int
        let audit: Int

        static func of(_ app: Application) async throws -> Stored {
            Stored(years: try await CalendarYearModel.query(on: app.db).count(),
                   notices: try await CalendarNoticeModel.query(on: app.db).count(),
                   audit: try await AuditEntryModel.query(on: app.db).count())
        }
    }

    @Test("reading lists every day that differs from the plain week, with its festival and item, and stores nothing")
    func parseListsTheArrangedDaysAndChangesNothing() async throws {
        try await TestApp.run { app in
            let office = try await Self.office(app)
            let before = try await Stored.of(app)
            let res = try await Self.parse(office, NoticeTexts.notice2027)
            #expect(res.status == .ok)

            // The contract the acceptance checks read: year, days {date, kind, holiday}, warnings {code, message}.
            struct Contract: Decodable {
                struct Entry: Decodable { let date: String; let kind: String; let holiday: String }
                struct Warning: Decodable { let code: String; let message: String }
                let year: Int
                let days: [Entry]
                let warnings: [Warning]
            }
            let contract = try res.content.decode(Contract.self)
            #expect(contract.year == 2027)
            #expect(contract.warnings.isEmpty)
            #expect(contract.days.filter { $0.kind == "off" }.count == NoticeTexts.daysOff2027)
            #expect(contract.days.filter { $0.kind == "work" }.count == NoticeTexts.workdays2027)
            #expect(contract.days.map(\.date) == contract.days.map(\.date).sorted(), "days are in date order")

            let reading = try res.content.decode(NoticeReading.self)
            /// "off 春节 2": kind, festival and item of the listed day.
            func entry(_ date: String) -> String? {
                reading.days.first { $0.date == date }.map { "\($0.kind) \($0.holiday) \($0.item.map(String.init) ?? "-")" }
            }
            // A weekday off, a holiday day on a weekend (listed too), a working Saturday and Sunday.
            #expect(entry("2027-02-05") == "off 春节 2")
            #expect(entry("2027-01-02") == "off 元旦 1")
            #expect(entry("2027-02-20") == "work 春节 2")
            #expect(entry("2027-09-26") == "work 国庆节 7")
            #expect(entry("2027-03-01") == nil, "an ordinary day is not listed")
            #expect(reading.kind == "annual")
            #expect(reading.documentNumber == "国办发明电〔2026〕9号")
            #expect(reading.items.map(\.label).first == "第一项“元旦”")
            #expect(reading.loadable && reading.problem == nil)
            #expect(reading.changes.map(\.year) == [2027])
            #expect(reading.changes.first?.added == true)
            #expect(reading.version == 0)

            #expect(try await Stored.of(app) == before)
            #expect(!app.xieshang.calendar.calendar.covers(Day(iso: "2027-01-01")!))
        }
    }

    @Test("loading is audited, keeps the text as the year's source and extends the calendar")
    func loadIsAuditedAndKeepsTheText() async throws {
        try await TestApp.run { app in
            let office = try await Self.office(app)
            let loaded = try await Self.loaded(office, NoticeTexts.notice2027)
            #expect(loaded.year == 2027)
            #expect(loaded.kind == "annual")
            #expect(loaded.source == "国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕9号）")
            #expect(loaded.changes.map(\.year) == [2027])

            // Fri 2026-12-25 + 10 working days: Dec 28–31, then 2027-01-04 to 08 and 11.
            #expect(try await CalendarAPITests.date(TestClient(app), from: "2026-12-25", days: 10) == "2027-01-11")
            #expect(try !Self.isWorkingDay(app, "2027-02-05"))
            #expect(try Self.isWorkingDay(app, "2027-02-20"))
            #expect(app.xieshang.calendar.calendar.arrangement(for: 2027)?.daysOff.count == NoticeTexts.daysOff2027)

            let row = try #require(try await CalendarNoticeModel.query(on: app.db).first())
            #expect(row.text == NoticeTexts.notice2027)
            #expect(row.loadedBy == "office")
            let entry = try #require(try await AuditEntryModel.query(on: app.db).sort(\.$id, .descending).first())
            #expect(entry.action == "calendar.notice.load")
            #expect(entry.objectType == "calendar_year")
            #expect(entry.objectID == "2027")
            #expect(entry.actor == "office")
            #expect(entry.after?.contains("国办发明电〔2026〕9号") == true)
            #expect(entry.after?.contains("2027-10-09") == true)
            #expect(try await AuditLog.verify(on: app.db).intact)

            let history = try await office.send(.GET, Paths.API.yearNotices("2027"))
            #expect(history.status == .ok)
            let entries = try history.content.decode([NoticeHistoryDTO].self)
            #expect(entries.map(\.kind) == [.annual])
            #expect(entries.first?.text == NoticeTexts.notice2027)
            #expect(entries.first?.loadedBy == "office")

            // Read back from the database, as after a restart.
            try await app.xieshang.calendar.reload(from: app.db)
            #expect(try !Self.isWorkingDay(app, "2027-10-07"))
        }
    }

    @Test("a year's notice for a loaded year is a 409, shown as not loadable when read; nothing changes")
    func loadedYearIsAConflict() async throws {
        try await TestApp.run { app in
            let office = try await Self.office(app)
            // The built-in 2026.
            let builtIn = try await Self.reading(office, NoticeTexts.notice2026)
            #expect(builtIn.year == 2026)
            #expect(!builtIn.loadable)
            #expect(builtIn.problem?.code == "notice_year_loaded")
            let before = try await Stored.of(app)
            let again2026 = try await Self.load(office, NoticeTexts.notice2026)
            #expect(again2026.status == .conflict)
            #expect(again2026.errorCode == "notice_year_loaded")
            #expect(try again2026.content.decode(APIErrorBody.self).error.message.contains("2026年的放假安排已经载入"))
            #expect(try await Stored.of(app) == before)

            // A year loaded from its notice, pasted a second time.
            _ = try await Self.loaded(office, NoticeTexts.notice2027)
            let after = try await Stored.of(app)
            let twice = try await Self.load(office, NoticeTexts.notice2027)
            #expect(twice.status == .conflict)
            #expect(twice.errorCode == "notice_year_loaded")
            #expect(try await Stored.of(app) == after)
        }
    }

    @Test("an amendment is shown as a diff of the loaded year first, then applied and kept in its history")
    func amendmentIsADiffThenApplied() async throws {
        try await TestApp.run { app in
            let office = try await Self.office(app)
            // Not loadable before its year is.
            let early = try await Self.reading(office, NoticeTexts.extension2027)
            #expect(early.kind == "amendment")
            #expect(early.problem?.code == "notice_amendment_needs_year")
            #expect(try await Self.load(office, NoticeTexts.extension2027).status == .conflict)

            _ = try await Self.loaded(office, NoticeTexts.notice2027)
            let before = try await Stored.of(app)
            let reading = try await Self.reading(office, NoticeTexts.extension2027)
            #expect(reading.days.isEmpty, "an extension lists no days of its own")
            #expect(reading.loadable)
            #expect(reading.version == 1)
            let diff = try #require(reading.changes.first?.diff)
            #expect(reading.changes.map(\.year) == [2027] && reading.changes.first?.added == false)
            #expect(diff.daysOffAdded.map(\.day.iso) == ["2027-02-14", "2027-02-15", "2027-02-16"])
            #expect(diff.daysOffAdded.allSatisfy { $0.name == "春节（延长）" })
            #expect(diff.daysOffRemoved.isEmpty && diff.workdaysAdded.isEmpty)
            #expect(try await Stored.of(app) == before, "reading an amendment changes nothing")
            #expect(try Self.isWorkingDay(app, "2027-02-15"))

            let applied = try await Self.loaded(office, NoticeTexts.extension2027, version: reading.version)
            #expect(applied.kind == "amendment")
            #expect(applied.changes.first?.diff?.daysOffAdded.count == 3)
            #expect(try !Self.isWorkingDay(app, "2027-02-15"))
            #expect(try !Self.isWorkingDay(app, "2027-02-16"))
            #expect(try Self.isWorkingDay(app, "2027-02-17"))
            let entry = try #require(try await AuditEntryModel.query(on: app.db).sort(\.$id, .descending).first())
            #expect(entry.action == "calendar.notice.amend")
            #expect(entry.before?.contains("2027-02-05") == true)
            #expect(entry.after?.contains("春节（延长）") == true)
            #expect(app.xieshang.calendar.calendar.arrangement(for: 2027)?.source
                == "国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕9号）；国务院办公厅关于延长2027年春节假期的通知（国办发明电〔2027〕1号）")

            let history = try await office.send(.GET, Paths.API.yearNotices("2027")).content.decode([NoticeHistoryDTO].self)
            #expect(history.map(\.kind) == [.annual, .amendment])
            #expect(history.last?.text == NoticeTexts.extension2027)
            #expect(history.last?.changes.first?.diff?.daysOffAdded.count == 3)

            // Applied twice: nothing would change.
            let twice = try await Self.load(office, NoticeTexts.extension2027)
            #expect(twice.status == .conflict)
            #expect(twice.errorCode == "notice_changes_nothing")
            // A further amendment confirmed against the version before the first: stale.
            let stale = try await Self.load(office, NoticeTexts.furtherExtension2027, version: reading.version)
            #expect(stale.status == .conflict)
            #expect(stale.errorCode == "version_conflict")
            #expect(try Self.isWorkingDay(app, "2027-02-17"))
            let further = try await Self.reading(office, NoticeTexts.furtherExtension2027)
            #expect(further.version == 2)
            _ = try await Self.loaded(office, NoticeTexts.furtherExtension2027, version: further.version)
            #expect(try !Self.isWorkingDay(app, "2027-02-17"))
        }
    }

    @Test("a corrupted copy (“0月1日”) is reported with a blocking warning and refused, not loaded silently")
    func corruptedCopyIsNotLoaded() async throws {
        try await TestApp.run { app in
            let office = try await Self.office(app)
            let before = try await Stored.of(app)
            let reading = try await Self.reading(office, NoticeTexts.corrupted2027)
            let invalid = try #require(reading.warnings.first { $0.code == "invalid_date" })
            #expect(invalid.blocksLoading)
            #expect(invalid.item == 7)
            #expect(invalid.message.contains("“0月1日”不是有效日期"))
            #expect(!reading.loadable)
            #expect(reading.problem?.code == "notice_not_loadable")
            #expect(reading.changes.isEmpty)

            let res = try await Self.load(office, NoticeTexts.corrupted2027)
            #expect(res.status == .badRequest)
            let body = try res.content.decode(APIErrorBody.self)
            #expect(body.error.code == "notice_not_loadable")
            #expect(body.error.details?.contains { $0.contains("“0月1日”不是有效日期") } == true)
            #expect(try await Stored.of(app) == before)
            #expect(!app.xieshang.calendar.calendar.covers(Day(iso: "2027-01-01")!))
        }
    }

    @Test("a warning that does not block is shown and loaded with the notice")
    func warningsAreShownNotTrusted() async throws {
        try await TestApp.run { app in
            let office = try await Self.office(app)
            let reading = try await Self.reading(office, NoticeTexts.wrongWeekday2027)
            #expect(reading.warnings.map(\.code) == ["weekday_mismatch"])
            #expect(reading.warnings.first?.message == "第五项“端午节”中6月9日注明“周四”，但2027年6月9日是星期三")
            #expect(reading.warnings.first?.blocksLoading == false)
            #expect(reading.loadable)
            let loaded = try await Self.loaded(office, NoticeTexts.wrongWeekday2027)
            #expect(loaded.warnings.map(\.code) == ["weekday_mismatch"])
            // The date wins.
            #expect(try !Self.isWorkingDay(app, "2027-06-09"))
        }
    }

    @Test("half-width punctuation and traditional characters read the same days")
    func halfWidthAndTraditionalTextReadsTheSame() async throws {
        try await TestApp.run { app in
            let office = try await Self.office(app)
            let plain = try await Self.reading(office, NoticeTexts.notice2027)
            let variant = try await Self.reading(office, NoticeTexts.halfWidthTraditional2027)
            #expect(variant.year == 2027)
            #expect(variant.warnings.isEmpty)
            #expect(variant.days.map(\.date) == plain.days.map(\.date))
            #expect(variant.days.map(\.kind) == plain.days.map(\.kind))
            #expect(variant.days.map(\.holiday) == plain.days.map(\.holiday))
        }
    }

    @Test("a notice reaching into the December before changes that year too, shown as its diff")
    func decemberBeforeIsChangedToo() async throws {
        try await TestApp.run { app in
            let office = try await Self.office(app)
            let reading = try await Self.reading(office, NoticeTexts.notice2027FromDecember)
            #expect(reading.changes.map(\.year) == [2026, 2027])
            let december = try #require(reading.changes.first?.diff)
            #expect(december.daysOffAdded.map(\.day.iso) == ["2026-12-31"])
            #expect(december.workdaysAdded.map(\.day.iso) == ["2026-12-27"])
            #expect(reading.days.first?.date == "2026-12-27")

            _ = try await Self.loaded(office, NoticeTexts.notice2027FromDecember)
            #expect(try !Self.isWorkingDay(app, "2026-12-31"))
            #expect(try Self.isWorkingDay(app, "2026-12-27"))
            let history = try await office.send(.GET, Paths.API.yearNotices("2026")).content.decode([NoticeHistoryDTO].self)
            #expect(history.map(\.kind) == [.builtIn, .annual])
            #expect(history.last?.year == 2027)
            let audit = try await AuditEntryModel.query(on: app.db).sort(\.$id, .descending).limit(2).all().map(\.action)
            #expect(Set(audit) == ["calendar.notice.load", "calendar.notice.amend"])
        }
    }

    @Test("a text with no recognisable item is a 400 saying what was expected; nothing is stored")
    func unreadableTextIsRefused() async throws {
        try await TestApp.run { app in
            let office = try await Self.office(app)
            let before = try await Stored.of(app)
            for text in [NoticeTexts.unreadable, "", "   \n  "] {
                for res in [try await Self.parse(office, text), try await Self.load(office, text)] {
                    #expect(res.status == .badRequest, "\(text): \(res.status)")
                    let body = try res.content.decode(APIErrorBody.self)
                    #expect(body.error.code == "notice_unreadable")
                    #expect(body.error.message.contains("国务院办公厅关于YYYY年部分节假日安排的通知"))
                }
            }
            let tooLong = try await Self.parse(office, String(repeating: "一、元旦：1月1日放假。", count: 2000))
            #expect(tooLong.status == .badRequest)
            #expect(tooLong.errorCode == "notice_too_long")
            var headers = HTTPHeaders()
            headers.contentType = .json
            let noText = try await office.send(.POST, Paths.API.parseNotice, headers: headers, body: ByteBuffer(string: "{}"))
            #expect(noText.status == .badRequest)
            #expect(try await Stored.of(app) == before)
        }
    }

    @Test("only the office reads and loads notices; everyone signed in reads a year's history")
    func onlyTheOfficeReadsAndLoads() async throws {
        try await TestApp.run { app in
            let member = TestClient(app)
            member.bearer = try await Demo.token(app, for: "member")
            #expect(try await Self.parse(member, NoticeTexts.notice2027).status == .forbidden)
            #expect(try await Self.load(member, NoticeTexts.notice2027).status == .forbidden)
            #expect(try await Self.parse(TestClient(app), NoticeTexts.notice2027).status == .unauthorized)
            #expect(try await CalendarNoticeModel.query(on: app.db).count() == 0)

            let history = try await member.send(.GET, Paths.API.yearNotices("2026"))
            #expect(history.status == .ok)
            let entries = try history.content.decode([NoticeHistoryDTO].self)
            #expect(entries.map(\.kind) == [.builtIn])
            #expect(entries.first?.source.contains("2026年部分节假日安排") == true)
            #expect(try await member.send(.GET, Paths.API.yearNotices("2031")).status == .notFound)
            #expect(try await member.send(.GET, Paths.API.yearNotices("soon")).status == .badRequest)
        }
    }
}
