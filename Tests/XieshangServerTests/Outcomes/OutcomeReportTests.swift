import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// 三(五) "定期对协商成果进行整理汇总" and the annual report: both generated from the data as
/// GB/T 9704 working papers (DOCX), with their charts as bar tables.
@Suite("Outcome reports: the periodic summary and the annual report as DOCX", .serialized)
struct OutcomeReportTests {
    typealias S = Symposia

    struct Listed: Decodable { let id: Int; let title: String; let symposiumID: Int }

    /// The quarter in which a symposium was held (it is held on its own day), as the
    /// summaries name it.
    struct Quarter {
        let key: String, name: String, previousName: String, lastDay: Day
        static let numerals = ["一", "二", "三", "四"]

        init(containing d: Day) {
            let q = (d.month - 1) / 3
            key = "\(d.year)-Q\(q + 1)"
            name = "\(d.year)年第\(Self.numerals[q])季度"
            previousName = q == 0 ? "\(d.year - 1)年第四季度" : "\(d.year)年第\(Self.numerals[q - 1])季度"
            let next = q == 3 ? Day(year: d.year + 1, month: 1, day: 1)! : Day(year: d.year, month: q * 3 + 4, day: 1)!
            lastDay = next.adding(days: -1)
        }

        /// A morning a month after the quarter: it is over.
        var after: Date { Outcomes.morning(lastDay.adding(days: 30)) }
    }

    static func heldQuarter(_ office: TestClient, _ id: Int) async throws -> (Day, Quarter) {
        struct Held: Decodable { let heldOn: String }
        let held = try #require(Day(iso: try S.decode(Held.self, try await S.call(office, .GET, "/api/v1/symposia/\(id)")).heldOn))
        return (held, Quarter(containing: held))
    }

    /// With XIESHANG_DOCX_DIR set, the generated documents are kept there, to be rendered and looked at.
    static func keep(_ res: TestingHTTPResponse, as name: String) throws {
        guard let dir = ProcessInfo.processInfo.environment["XIESHANG_DOCX_DIR"] else { return }
        try Data(buffer: res.body).write(to: URL(fileURLWithPath: dir).appendingPathComponent(name))
    }

    @Test("三(五) the quarterly summary DOCX has the quarter's numbers, four charts, the outcomes and the overdue items")
    func quarterlySummaryDocx() async throws {
        let clock = ManualClock(TestApp.defaultNow)
        try await TestApp.run(clock: clock) { app in
            let id = try await S.prepared(app)
            let office = try await Planning.api(app, "office")
            let outcomes = try S.decode([Listed].self, try await S.call(office, .GET, "/api/v1/symposia/\(id)/outcomes"))
            let sent = try #require(outcomes.first)
            let (_, quarter) = try await Self.heldQuarter(office, id)
            clock.set(quarter.after)
            let web = try await TestClient.signedIn(app, as: "office")
            let res = try await web.send(.GET, "/summaries/\(quarter.key)/report.docx")
            #expect(res.status == .ok)
            #expect(res.headers.contentType?.description.contains("wordprocessingml") == true)
            let text = try Materials.docxText(res).body
            #expect(text.contains("\(quarter.name)双月协商座谈会成果汇总"))
            for caption in ["图1　协商成果（按形式）", "图2　协商成果（按状态）", "图3　部门办理（按状态）", "图4　落实事项（按状态）"] {
                #expect(text.contains(caption), "missing \(caption)")
            }
            #expect(text.contains("一、协商成果总体情况") && text.contains("三、落实事项跟踪情况"))
            #expect(text.contains(sent.title), "the outcomes' list names each outcome")
            #expect(text.contains("按时报送率100%"))
            let page = try await web.send(.GET, "/summaries/\(quarter.key)")
            #expect(page.text.contains("/summaries/\(quarter.key)/report.docx") && page.text.contains(quarter.previousName))
            try await S.call(try await Planning.api(app, "member"), .GET, "/summaries/\(quarter.key)/report.docx", expect: .forbidden)
        }
    }

    @Test("三(五) an item past its due day in the period is listed as overdue, with its department")
    func overdueItemListed() async throws {
        let clock = ManualClock(TestApp.defaultNow)
        try await TestApp.run(clock: clock) { app in
            let id = try await S.prepared(app)
            let office = try await Planning.api(app, "office")
            let committee = try await Planning.api(app, "committee")
            let a = try await Outcomes.addressees(app)
            let sent = try #require(try S.decode([Listed].self, try await S.call(office, .GET, "/api/v1/symposia/\(id)/outcomes")).first)
            let (held, quarter) = try await Self.heldQuarter(office, id)
            let due = held.adding(days: 3)
            #expect(due < quarter.lastDay, "the symposium is held too late in its quarter for this test")
            try await S.call(committee, .POST, "/api/v1/outcomes/\(sent.id)/items",
                             #"{"title":"出台物流补贴办法","ownerDepartmentID":\#(a.bureau),"due":"\#(due.iso)"}"#, expect: .created)
            clock.set(quarter.after)
            let web = try await TestClient.signedIn(app, as: "office")
            let docx = try await web.send(.GET, "/summaries/\(quarter.key)/report.docx")
            try Self.keep(docx, as: "summary-\(quarter.key).docx")
            let text = try Materials.docxText(docx).body
            // The item due on the quarter's last day is not overdue as of that day; the one due three days after the meeting is.
            #expect(text.contains("逾期未落实1项"))
            #expect(text.contains("逾期未落实的事项如下") && text.contains("出台物流补贴办法"))
            let bureau = try #require(try await DepartmentModel.find(a.bureau, on: app.db)).name
            #expect(text.contains(bureau))
        }
    }

    @Test("年度协商工作报告: the plan, the symposia held, participation and outcomes, from the data")
    func annualReportDocx() async throws {
        try await TestApp.run { app in
            let id = try await S.prepared(app)
            let office = try await Planning.api(app, "office")
            struct Topic: Decodable { let topic: String }
            let topic = try S.decode(Topic.self, try await S.call(office, .GET, "/api/v1/symposia/\(id)")).topic
            let live = try #require(try await LiveStore.load(id, on: app.db)?.0)
            let web = try await TestClient.signedIn(app, as: "office")
            let res = try await web.send(.GET, "/reports/2026/annual.docx")
            #expect(res.status == .ok)
            try Self.keep(res, as: "annual-2026.docx")
            let text = try Materials.docxText(res).body
            #expect(text.contains("2026年度双月协商座谈会工作情况报告"))
            #expect(text.contains("一、年度协商计划制定和执行情况") && text.contains("联合发文实施"))
            #expect(text.contains(topic), "the held symposium's row")
            #expect(text.contains("二、委员和专家学者参与情况") && text.contains("会上发言\(live.speeches.count)人次"))
            #expect(text.contains("三、协商成果总体情况") && text.contains("图2　协商成果（按形式）"))
            #expect(text.contains("与全体会议合并进行"))
            let yearPage = try await web.send(.GET, "/summaries/2026")
            #expect(yearPage.text.contains("/reports/2026/annual.docx"))
            try await S.call(try await Planning.api(app, "department"), .GET, "/reports/2026/annual.docx", expect: .forbidden)
            try await S.call(office, .GET, "/reports/abc/annual.docx", expect: .notFound)
        }
    }
}
