import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// Every aggregate kept whole as JSON must still decode after the code changes: a plan, a
/// symposium or a meeting record that no longer decodes would be lost to its county. The
/// fixtures are rows as the code of their day wrote them (`Fixtures/stored/`); a change to an
/// aggregate's shape adds a fixture and keeps the old ones decoding. To write a fresh set:
/// `XIESHANG_WRITE_STORED_FIXTURES=1 swift test --filter StoredShapesTests`.
@Suite("Stored shapes decode for ever")
struct StoredShapesTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/stored")

    /// The stored JSON columns, by fixture name: table, column, and the stores' own decoding.
    static let kinds: [(name: String, table: String, column: String, decode: @Sendable (String) throws -> String)] = [
        ("annual-plan", "annual_plans", "body", { try StoredJSON.value(AnnualPlan.self, from: $0, row: "fixture").documentNumber ?? "" }),
        ("annual-plan-version", "annual_plan_versions", "body", { try StoredJSON.value(AnnualPlan.self, from: $0, row: "fixture").state.rawValue }),
        ("symposium", "symposia", "body", { try StoredJSON.value(Symposium.self, from: $0, row: "fixture").topic }),
        ("live-meeting", "live_meetings", "body", { try "\(StoredJSON.value(LiveMeeting.self, from: $0, row: "fixture").speeches.count)" }),
        ("meeting-record", "live_meetings", "record", { try StoredJSON.value(MeetingRecord.self, from: $0, row: "fixture").text }),
        ("material", "materials", "body", { try StoredJSON.value(Material.self, from: $0, row: "fixture").title }),
        ("paper-copy", "material_paper_copies", "body", { try StoredJSON.value(PaperCopy.self, from: $0, row: "fixture").state.rawValue }),
        ("outcome", "outcomes", "body", { try StoredJSON.value(Outcome.self, from: $0, row: "fixture").title }),
        ("follow-up-item", "follow_up_items", "body", { try StoredJSON.value(FollowUpItem.self, from: $0, row: "fixture").title }),
        ("county-practice", "county_practice", "body", { try "\(StoredJSON.value(CountyPractice.self, from: $0, row: "fixture").handling.replyWorkingDays)" }),
        ("calendar-year", "calendar_years", "arrangement", { try "\(StoredJSON.value(YearArrangement.self, from: $0, row: "fixture").year)" }),
        ("calendar-notice-changes", "calendar_notices", "changes", { try "\(StoredJSON.value([CalendarNoticeChange].self, from: $0, row: "fixture").count)" }),
        // A queued mail waits in the outbox, perhaps across an upgrade: it must still go out.
        ("mail-outbox-message", "mail_outbox", "message", { try StoredJSON.value(StoredMail.self, from: $0, row: "fixture").subject }),
    ]

    @Test("every committed stored row of every aggregate decodes")
    func everyFixtureDecodes() throws {
        let files = try FileManager.default.contentsOfDirectory(at: Self.directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
        for kind in Self.kinds {
            let mine = files.filter { $0.lastPathComponent.hasPrefix(kind.name + ".") }
            #expect(!mine.isEmpty, "no fixture for \(kind.name)")
            for file in mine {
                let text = try String(contentsOf: file, encoding: .utf8)
                let probe = try kind.decode(text)
                #expect(!probe.isEmpty, "\(file.lastPathComponent) decoded to an empty value")
            }
        }
    }

    @Test("a row that no longer decodes is a logged server error naming it, never a row left out")
    func anUndecodableRowIsAnErrorNotAGap() async throws {
        try await TestApp.run { app in
            try await Planning.everything(app)
            let sql = app.db as! any SQLDatabase
            try await sql.raw("UPDATE annual_plans SET body = '{\"year\":\"not a year\"}'").run()
            let office = try await Planning.api(app, "office")
            let res = try await office.send(.GET, "/api/v1/plans")
            #expect(res.status == .internalServerError, "the list answered \(res.status) with the plan left out")
            #expect(res.errorCode == "server_error")
            let error = UndecodableRow(row: "annual_plans#2026", type: "AnnualPlan", underlying: CancellationError())
            #expect(String(reflecting: error).contains("annual_plans#2026"))
        }
    }

    @Test("writing a fresh set of fixtures", .enabled(if: ProcessInfo.processInfo.environment["XIESHANG_WRITE_STORED_FIXTURES"] == "1"))
    func writeFixtures() async throws {
        try await TestApp.run { app in
            try await Symposia.prepared(app)
            let outcome = try await Outcomes.draft(app, symposium: 1, form: "proposal", title: "关于培育茶叶品牌的提案")
            _ = outcome
            let office = try await Planning.api(app, "office")
            var p = try Symposia.decode(CountyPracticeTests.Practice.self, try await Symposia.call(office, .GET, "/api/v1/practice"))
            p.handling.replyWorkingDays += 1
            try await CountyPracticeTests.put(office, p)
            // A year's notice and an amendment of it (whose row, with its diff, is the longest),
            // then a year typed as JSON after it.
            for text in [NoticeTexts.notice2027, NoticeTexts.extension2027] {
                let notice = try await office.send(.POST, "/api/v1/calendar/notices", headers: ["Content-Type": "application/json"],
                                                   body: ByteBuffer(data: JSONEncoder().encode(["text": text])))
                #expect(notice.status == .created, "\(notice.status) \(notice.text)")
            }
            let year = try await office.send(.POST, "/api/v1/calendar/years", headers: ["Content-Type": "application/json"], body: ByteBuffer(string: #"""
                {"year":2028,"daysOff":[{"day":"2028-01-01","name":"元旦"}],"adjustedWorkdays":[],"source":"测试用安排"}
                """#))
            #expect(year.status.code < 300, "\(year.status) \(year.text)")
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            let sql = app.db as! any SQLDatabase
            let stamp = "2026-12"
            for kind in Self.kinds {
                let rows = try await sql.raw("SELECT \(unsafeRaw: kind.column) AS v FROM \(unsafeRaw: kind.table) WHERE \(unsafeRaw: kind.column) IS NOT NULL ORDER BY length(\(unsafeRaw: kind.column)) DESC LIMIT 1").all()
                guard let text = try rows.first?.decode(column: "v", as: String.self) else {
                    // The outbox holds mail only where a relay is configured: that fixture is
                    // written from `StoredMail` as its encoder writes it.
                    #expect(kind.table == "mail_outbox", "no \(kind.table) row")
                    continue
                }
                try text.write(to: Self.directory.appendingPathComponent("\(kind.name).\(stamp).json"), atomically: true, encoding: .utf8)
            }
        }
    }
}
