import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// `/api/v1/calendar` and the calendar page: working-day arithmetic for anyone, and the
/// office's upkeep of next year's arrangement and the county's local days off.
@Suite("Calendar API")
struct CalendarAPITests {
    struct DateAnswer: Decodable { let date: String }

    static func addWorkingDays(_ client: TestClient, _ query: String) async throws -> TestingHTTPResponse {
        try await client.send(.GET, Paths.API.addWorkingDays + "?" + query)
    }

    static func date(_ client: TestClient, from: String, days: Int) async throws -> String? {
        let res = try await addWorkingDays(client, "from=\(from)&days=\(days)")
        guard res.status == .ok else { return nil }
        return try res.content.decode(DateAnswer.self).date
    }

    static func office(_ app: Application) async throws -> TestClient {
        let client = TestClient(app)
        client.bearer = try await Demo.token(app, for: "office")
        return client
    }

    static func day(_ s: String) -> Day { Day(iso: s)! }

    /// A plausible 2027 arrangement in the shape of a State Council notice.
    static let arrangement2027 = YearArrangement(
        year: 2027,
        daysOff: [
            NamedDay(day: day("2027-01-01"), name: "元旦"), NamedDay(day: day("2027-01-02"), name: "元旦"),
            NamedDay(day: day("2027-01-03"), name: "元旦"),
        ] + (6...14).map { NamedDay(day: day(String(format: "2027-02-%02d", $0)), name: "春节") } + [
            NamedDay(day: day("2027-04-03"), name: "清明节"), NamedDay(day: day("2027-04-04"), name: "清明节"),
            NamedDay(day: day("2027-04-05"), name: "清明节"),
        ] + (1...5).map { NamedDay(day: day("2027-05-0\($0)"), name: "劳动节") } + [
            NamedDay(day: day("2027-06-09"), name: "端午节"),
            NamedDay(day: day("2027-09-15"), name: "中秋节"),
        ] + (1...7).map { NamedDay(day: day("2027-10-0\($0)"), name: "国庆节") },
        adjustedWorkdays: [
            NamedDay(day: day("2027-02-20"), name: "春节"),
            NamedDay(day: day("2027-04-25"), name: "劳动节"),
            NamedDay(day: day("2027-09-26"), name: "国庆节"),
            NamedDay(day: day("2027-10-09"), name: "国庆节"),
        ],
        source: "国务院办公厅关于2027年部分节假日安排的通知（测试用）")

    @Test("2026-09-29 + 10 working days is 2026-10-19, and 2026-06-18 + 10 is 2026-07-03, without signing in")
    func addWorkingDaysAnswersTheDesignExamples() async throws {
        try await TestApp.run { app in
            let anonymous = TestClient(app)
            let res = try await Self.addWorkingDays(anonymous, "from=2026-09-29&days=10")
            #expect(res.status == .ok)
            #expect(res.headers.contentType == .json)
            #expect(res.text == #"{"date":"2026-10-19"}"#)
            #expect(try await Self.date(anonymous, from: "2026-06-18", days: 10) == "2026-07-03")
            #expect(try await Self.date(anonymous, from: "2026-09-29", days: 0) == "2026-09-29")
        }
    }

    @Test("bad parameters are 400s with a code and a Chinese message", arguments: [
        ("from=2026-9-29&days=10", "invalid_date"),
        ("from=2026-02-30&days=10", "invalid_date"),
        ("from=yesterday&days=10", "invalid_date"),
        ("days=10", "missing_parameter"),
        ("from=2026-09-29", "missing_parameter"),
        ("", "missing_parameter"),
        ("from=2026-09-29&days=-1", "invalid_working_days"),
        ("from=2026-09-29&days=100000", "invalid_working_days"),
        ("from=2026-09-29&days=ten", "invalid_working_days"),
        ("from=2026-09-29&days=99999999999999999999999", "invalid_working_days"),
        ("from=2030-03-02&days=10", "calendar_out_of_range"),
        ("from=2014-12-01&days=10", "calendar_out_of_range"),
    ])
    func badParametersAreRefused(query: String, code: String) async throws {
        try await TestApp.run { app in
            let res = try await Self.addWorkingDays(TestClient(app), query)
            #expect(res.status == .badRequest, "\(query): \(res.status) \(res.text)")
            #expect(res.headers.contentType == .json)
            let body = try res.content.decode(APIErrorBody.self)
            #expect(body.error.code == code, "\(query)")
            #expect(body.error.message.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) },
                    "message should be Chinese: \(body.error.message)")
        }
    }

    @Test("loading 2027 through the API extends the calendar, so 2026-12-25 + 10 works, and is audited")
    func loading2027ExtendsCoverage() async throws {
        try await TestApp.run { app in
            let anonymous = TestClient(app)
            let before = try await Self.addWorkingDays(anonymous, "from=2026-12-25&days=10")
            #expect(before.status == .badRequest)
            #expect(before.errorCode == "calendar_out_of_range")
            #expect(try before.content.decode(APIErrorBody.self).error.message.contains("2027年"))

            let office = try await Self.office(app)
            let res = try await office.json(.POST, Paths.API.calendarYears, Self.arrangement2027)
            #expect(res.status == .created, "\(res.text)")
            let year = try res.content.decode(CalendarAPI.YearDTO.self)
            #expect(year.year == 2027)
            #expect(year.specialDays.contains { $0.date == "2027-10-09" && $0.kind == .adjustedWorkday("国庆节") })

            // Fri 2026-12-25: Dec 28–31 are 4, 2027-01-01 is 元旦, Jan 4–8 are 5 more, the 10th is Mon Jan 11.
            #expect(try await Self.date(anonymous, from: "2026-12-25", days: 10) == "2027-01-11")
            // Across 春节 with its adjusted Saturday.
            #expect(try await Self.date(anonymous, from: "2027-02-04", days: 2) == "2027-02-15")
            #expect(try await Self.date(anonymous, from: "2027-02-18", days: 2) == "2027-02-20")
            #expect(try await anonymous.send(.GET, Paths.API.calendarYears + "/2027").status == .ok)

            let entry = try #require(try await AuditEntryModel.query(on: app.db).sort(\.$id, .descending).first())
            #expect(entry.action == "calendar.year.load")
            #expect(entry.actor == "office")
            #expect(entry.objectID == "2027")
            #expect(entry.after?.contains("2027-10-09") == true)
            #expect(try await AuditLog.verify(on: app.db).intact)

            // The calendar survives a restart: it is read back from the database.
            try await app.xieshang.calendar.reload(from: app.db)
            #expect(try await Self.date(anonymous, from: "2026-12-25", days: 10) == "2027-01-11")
        }
    }

    @Test("an invalid arrangement is a 400 listing every problem, and nothing is stored")
    func invalidArrangementIsRefused() async throws {
        try await TestApp.run { app in
            let office = try await Self.office(app)
            let audit = try await AuditEntryModel.query(on: app.db).count()
            let bad = YearArrangement(
                year: 2027,
                daysOff: [NamedDay(day: Self.day("2027-01-01"), name: "元旦"),
                          NamedDay(day: Self.day("2026-12-31"), name: "元旦")],
                adjustedWorkdays: [NamedDay(day: Self.day("2027-03-03"), name: "春节")],
                source: "测试")
            let res = try await office.json(.POST, Paths.API.calendarYears, bad)
            #expect(res.status == .badRequest)
            let body = try res.content.decode(APIErrorBody.self)
            #expect(body.error.code == "invalid_arrangement")
            let details = try #require(body.error.details)
            #expect(details.count == 2)
            #expect(details.contains { $0.contains("2027年3月3日") && $0.contains("不是周末") })
            #expect(details.contains { $0.contains("2026年12月31日") && $0.contains("不在2027年内") })

            #expect(try await CalendarYearModel.query(on: app.db).count() == 0)
            #expect(try await AuditEntryModel.query(on: app.db).count() == audit)
            #expect(try await Self.addWorkingDays(office, "from=2026-12-25&days=10").errorCode == "calendar_out_of_range")

            // A year that would leave a gap is refused too.
            let gap = YearArrangement(year: 2028, daysOff: [NamedDay(day: Self.day("2028-01-01"), name: "元旦")],
                                      adjustedWorkdays: [], source: "测试")
            let gapRes = try await office.json(.POST, Paths.API.calendarYears, gap)
            #expect(gapRes.status == .badRequest)
            #expect(gapRes.errorCode == "calendar_years_not_contiguous")

            // And a body that is not an arrangement at all.
            var headers = HTTPHeaders()
            headers.contentType = .json
            let junk = try await office.send(.POST, Paths.API.calendarYears, headers: headers,
                                             body: ByteBuffer(string: #"{"year":2027,"daysOff":"soon"}"#))
            #expect(junk.status == .badRequest)
            #expect(try await CalendarYearModel.query(on: app.db).count() == 0)
        }
    }

    @Test("only the office loads years and local days off")
    func onlyTheOfficeManagesTheCalendar() async throws {
        try await TestApp.run { app in
            let member = TestClient(app)
            member.bearer = try await Demo.token(app, for: "member")
            #expect(try await member.json(.POST, Paths.API.calendarYears, Self.arrangement2027).status == .forbidden)
            #expect(try await member.json(.POST, Paths.API.localDaysOff,
                                          LocalDayOff(day: Self.day("2026-10-12"), reason: "县庆")).status == .forbidden)
            #expect(try await CalendarYearModel.query(on: app.db).count() == 0)
        }
    }

    @Test("a local day off shifts add-working-days, and deleting it shifts it back")
    func localDayOffShiftsResults() async throws {
        try await TestApp.run { app in
            let office = try await Self.office(app)
            #expect(try await Self.date(office, from: "2026-09-29", days: 10) == "2026-10-19")

            let added = try await office.json(.POST, Paths.API.localDaysOff, LocalDayOff(day: Self.day("2026-10-12"), reason: "县庆"))
            #expect(added.status == .created)
            #expect(try await Self.date(office, from: "2026-09-29", days: 10) == "2026-10-20")
            let listed = try await office.send(.GET, Paths.API.localDaysOff).content.decode([LocalDayOff].self)
            #expect(listed == [LocalDayOff(day: Self.day("2026-10-12"), reason: "县庆")])
            #expect(try await AuditEntryModel.query(on: app.db).sort(\.$id, .descending).first()?.action
                    == "calendar.local_day_off.add")

            let twice = try await office.json(.POST, Paths.API.localDaysOff, LocalDayOff(day: Self.day("2026-10-12"), reason: "县庆"))
            #expect(twice.status == .conflict)
            let noReason = try await office.json(.POST, Paths.API.localDaysOff, LocalDayOff(day: Self.day("2026-10-13"), reason: " "))
            #expect(noReason.status == .badRequest)
            #expect(noReason.errorCode == "invalid_local_day_off")

            let removed = try await office.send(.DELETE, Paths.API.localDaysOff + "/2026-10-12")
            #expect(removed.status == .noContent)
            #expect(try await Self.date(office, from: "2026-09-29", days: 10) == "2026-10-19")
            let entry = try #require(try await AuditEntryModel.query(on: app.db).sort(\.$id, .descending).first())
            #expect(entry.action == "calendar.local_day_off.remove")
            #expect(entry.before?.contains("县庆") == true)

            #expect(try await office.send(.DELETE, Paths.API.localDaysOff + "/2026-10-12").status == .notFound)
            #expect(try await office.send(.DELETE, Paths.API.localDaysOff + "/someday").status == .badRequest)
        }
    }

    @Test("the calendar page loads next year from the pasted text form and shows errors in the page")
    func calendarPageLoadsAYear() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let page = try await office.send(.GET, Paths.calendar)
            #expect(page.status == .ok)
            #expect(page.text.contains("工作日历 2026年"))
            #expect(page.text.contains(#"id="load-year""#))

            // A bad line and a workday that is not a weekend: 400, both named, the text kept.
            let badText = "2027-01-01 元旦 休\n2027-13-01 元旦 休\n2027-03-03 春节 班"
            let bad = try await office.post(Paths.calendarYears, form: ["year": "2027", "source": "测试通知", "text": badText])
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("第2行"))
            #expect(bad.text.contains("2027-01-01 元旦 休"), "the pasted text is kept for correction")
            #expect(try await CalendarYearModel.query(on: app.db).count() == 0)

            let weekday = try await office.post(Paths.calendarYears, form: ["year": "2027", "source": "测试通知",
                                                                             "text": "2027-01-01 元旦 休\n2027-03-03 春节 班"])
            #expect(weekday.status == .badRequest)
            #expect(weekday.text.contains("不是周末"))
            #expect(try await CalendarYearModel.query(on: app.db).count() == 0)

            let noYear = try await office.post(Paths.calendarYears, form: ["year": "", "source": "x", "text": "2027-01-01 元旦 休"])
            #expect(noYear.status == .badRequest)
            #expect(noYear.text.contains("请填写年份"))

            let ok = try await office.post(Paths.calendarYears, form: ["year": "2027", "source": "测试通知",
                                                                        "text": Self.arrangement2027.text])
            #expect(ok.status == .seeOther)
            #expect(ok.headers.first(name: .location) == Paths.calendar + "?year=2027")
            let shown = try await office.send(.GET, Paths.calendar + "?year=2027")
            #expect(shown.status == .ok)
            #expect(shown.text.contains("已载入2027年节假日安排"))
            #expect(shown.text.contains("2027-10-09 国庆节调休上班"))
            #expect(try await Self.date(office, from: "2026-12-25", days: 10) == "2027-01-11")

            // The local-day-off form on the page, and its delete button.
            let dayOff = try await office.post(Paths.localDaysOff, form: ["day": "2026-10-12", "reason": "县庆"])
            #expect(dayOff.status == .seeOther)
            #expect(try await Self.date(office, from: "2026-09-29", days: 10) == "2026-10-20")
            let noDay = try await office.post(Paths.localDaysOff, form: ["day": "", "reason": "县庆"])
            #expect(noDay.status == .badRequest)
            #expect(noDay.text.contains("请选择地方休息日的日期"))
            #expect(try await office.post(Paths.deleteLocalDayOff("2026-10-12")).status == .seeOther)
            #expect(try await Self.date(office, from: "2026-09-29", days: 10) == "2026-10-19")

            // Anyone signed in sees the page; only the office sees the forms.
            let member = try await TestClient.signedIn(app, as: "member").send(.GET, Paths.calendar + "?year=2027")
            #expect(member.status == .ok)
            #expect(!member.text.contains(#"id="load-year""#))
            let memberPost = try await TestClient.signedIn(app, as: "member")
                .post(Paths.calendarYears, form: ["year": "2028", "source": "x", "text": "2028-01-01 元旦 休"])
            #expect(memberPost.status == .forbidden)
        }
    }

    @Test("the calendar page shows an uncovered year as not loaded, not as an error")
    func uncoveredYearOnThePage() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let page = try await office.send(.GET, Paths.calendar + "?year=2031")
            #expect(page.status == .ok)
            #expect(page.text.contains("2031年的节假日安排尚未载入"))
        }
    }
}
