import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// The append-only, hash-chained audit log: every change leaves an entry with its actor and
/// its before and after; any edit or removal of a row is found by `verify`, by the API and
/// by `xieshang audit verify`.
@Suite("Audit log")
struct AuditLogTests {
    static func entries(_ app: Application, after sequence: Int) async throws -> [AuditEntryModel] {
        try await AuditEntryModel.query(on: app.db).filter(\.$id > sequence).sort(\.$id).all()
    }

    static func lastSequence(_ app: Application) async throws -> Int {
        try await AuditEntryModel.query(on: app.db).sort(\.$id, .descending).first()?.id ?? 0
    }

    static func sql(_ app: Application) -> any SQLDatabase { app.db as! any SQLDatabase }

    /// A person, a master-data change, a calendar change and an import, by the office.
    static func makeChanges(_ app: Application) async throws {
        let api = TestClient(app)
        api.bearer = try await Demo.token(app, for: "office")
        let sector = try #require(try await SectorModel.query(on: app.db).filter(\SectorModel.$name == "教育界").first()?.id)
        let draft = PersonDraft(name: "审计测试", kind: .member, sectorID: sector)
        let created = try await api.json(.POST, Paths.API.persons, draft)
        #expect(created.status == .created)
        let id = try created.content.decode(PersonDTO.self).id
        var changed = draft
        changed.phone = "13700000000"
        struct Update: Encodable { let version: Int; let person: PersonDraft }
        #expect(try await api.json(.PUT, Paths.API.persons + "/\(id)", Update(version: 1, person: changed)).status == .ok)
        #expect(try await api.json(.POST, Paths.API.sectors, SectorDraft(name: "审计界")).status == .created)
        #expect(try await api.json(.POST, Paths.API.localDaysOff,
                                   LocalDayOff(day: Day(iso: "2026-12-07")!, reason: "县庆")).status == .created)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv")
        let imported = try await api.send(.POST, Paths.API.importPersons, headers: headers,
                                          body: ByteBuffer(data: PersonImportTests.sample("persons-import-gb18030.csv")))
        #expect(imported.status == .created)
    }

    @Test("every change appends entries carrying the actor and the before and after")
    func everyChangeIsRecorded() async throws {
        try await TestApp.run { app in
            let start = try await Self.lastSequence(app)
            try await Self.makeChanges(app)
            let entries = try await Self.entries(app, after: start)
            #expect(entries.map(\.action) == ["api_token.create", "person.create", "person.update", "sector.create",
                                              "calendar.local_day_off.add"] + Array(repeating: "person.import", count: 8))
            #expect(entries.dropFirst().allSatisfy { $0.actor == "office" })
            #expect(entries.allSatisfy { $0.after != nil })
            let update = try #require(entries.first { $0.action == "person.update" })
            #expect(update.before?.contains("审计测试") == true)
            #expect(update.before?.contains("13700000000") == false)
            #expect(update.after?.contains("13700000000") == true)
            // Sequence numbers are consecutive and each entry links to the one before it.
            for (a, b) in zip(entries, entries.dropFirst()) {
                #expect(b.id == a.id! + 1)
                #expect(b.previousHash == a.hash)
            }
        }
    }

    @Test("the chain verifies intact after a sequence of changes")
    func chainIsIntact() async throws {
        try await TestApp.run { app in
            try await Self.makeChanges(app)
            let v = try await AuditLog.verify(on: app.db)
            #expect(v.intact)
            #expect(v.entries == (try await AuditEntryModel.query(on: app.db).count()))
            #expect(v.entries > 10)
            #expect(v.firstBroken == nil)
        }
    }

    @Test("a change of over a thousand entries is appended whole, in order, each under its own actor")
    func largeChangeIsAppendedWhole() async throws {
        try await TestApp.run { app in
            let start = try await Self.lastSequence(app)
            let changes = (1...1_201).map { i in
                AuditChange("test.bulk", "bulk", String(i), after: ["n": i], by: i.isMultiple(of: 2) ? "committee" : nil)
            }
            try await app.change(by: "office") { _ in ((), changes) }
            let entries = try await Self.entries(app, after: start)
            #expect(entries.map(\.objectID) == (1...1_201).map(String.init))
            #expect(entries.map(\.actor) == (1...1_201).map { $0.isMultiple(of: 2) ? "committee" : "office" })
            #expect(entries.last?.after == #"{"n":1201}"#)
            #expect(try await AuditLog.verify(on: app.db).intact)
        }
    }

    @Test("changing one row by raw SQL makes verify report that row")
    func tamperingIsFound() async throws {
        try await TestApp.run { app in
            try await Self.makeChanges(app)
            try await Self.sql(app).raw(#"UPDATE audit_entries SET after = '{"name":"篡改"}' WHERE id = 3"#).run()
            let v = try await AuditLog.verify(on: app.db)
            #expect(!v.intact)
            #expect(v.firstBroken == 3)
            #expect(v.entries == 2)
            #expect(v.problem?.contains("第3条") == true)
        }
    }

    @Test("changing a row's actor or time, not just its data, is found too")
    func tamperingWithMetadataIsFound() async throws {
        try await TestApp.run { app in
            try await Self.makeChanges(app)
            try await Self.sql(app).raw("UPDATE audit_entries SET actor = 'admin' WHERE id = 4").run()
            #expect(try await AuditLog.verify(on: app.db).firstBroken == 4)
        }
    }

    @Test("deleting a row is found, at the missing sequence number")
    func deletionIsFound() async throws {
        try await TestApp.run { app in
            try await Self.makeChanges(app)
            try await Self.sql(app).raw("DELETE FROM audit_entries WHERE id = 3").run()
            let v = try await AuditLog.verify(on: app.db)
            #expect(!v.intact)
            #expect(v.firstBroken == 3)
            #expect(v.problem?.contains("缺失") == true)
        }
    }

    @Test("GET /api/v1/audit/verify reports the chain's state to the office, and to no one else")
    func verifyEndpoint() async throws {
        try await TestApp.run { app in
            try await Self.makeChanges(app)
            let api = TestClient(app)
            api.bearer = try await Demo.token(app, for: "office")
            let fine = try await api.send(.GET, Paths.API.auditVerify)
            #expect(fine.status == .ok)
            #expect(try fine.content.decode(AuditLog.Verification.self).intact)

            try await Self.sql(app).raw(#"UPDATE audit_entries SET after = '{"name":"篡改"}' WHERE id = 3"#).run()
            let broken = try await api.send(.GET, Paths.API.auditVerify).content.decode(AuditLog.Verification.self)
            #expect(!broken.intact)
            #expect(broken.firstBroken == 3)

            let member = TestClient(app)
            member.bearer = try await Demo.token(app, for: "member")
            #expect(try await member.send(.GET, Paths.API.auditVerify).status == .forbidden)
            #expect(try await member.send(.GET, Paths.API.audit).status == .forbidden)

            // The page shows it too.
            let page = try await TestClient.signedIn(app, as: "office").send(.GET, Paths.audit + "?verify=true")
            #expect(page.status == .ok)
            #expect(page.text.contains("第3条"))
        }
    }

    @Test("the audit page names people and says every action of a whole symposium in words, no code in sight")
    func auditPageInWords() async throws {
        try await TestApp.run { app in
            let id = try await Symposia.prepared(app)
            _ = try await Outcomes.draft(app, symposium: id, form: "proposal", title: "关于培育茶叶品牌的提案")
            let actions = Set(try await AuditEntryModel.query(on: app.db).all().map(\.action))
            #expect(actions.count > 30, "the scenario made only \(actions.count) kinds of change")
            for code in actions.sorted() {
                let name = AuditActionName.chinese(code, regulation: app.xieshang.regulation)
                #expect(!name.hasSuffix("其他操作") && !name.hasPrefix("系统："), "\(code) reads \(name)")
            }
            let page = try await TestClient.signedIn(app, as: "office").send(.GET, Paths.audit + "?objectType=live_meeting")
            #expect(page.status == .ok)
            #expect(!page.text.contains("<td>live.") && !page.text.contains("<td>office</td>") && !page.text.contains(" #"))
            #expect(page.text.contains("会议进行：结束会议"))
        }
    }

    @Test("`xieshang audit verify` passes on an intact log and exits 1 naming the row on a tampered one")
    func auditCommand() async throws {
        try await TestApp.run { app in
            try await Self.makeChanges(app)
            let console = CapturingConsole()
            try await Self.runCommand(app, console, ["audit", "verify"])
            #expect(console.output.contains("哈希链校验通过"))

            try await Self.sql(app).raw(#"UPDATE audit_entries SET after = '{"name":"篡改"}' WHERE id = 3"#).run()
            let tampered = CapturingConsole()
            do {
                try await Self.runCommand(app, tampered, ["audit", "verify"])
                Issue.record("a tampered log must make the command fail")
            } catch let e as ExitCode {
                #expect(e.code == 1)
            }
            #expect(tampered.output.contains("第3条"))

            let unknown = CapturingConsole()
            await #expect(throws: ExitCode.self) { try await Self.runCommand(app, unknown, ["audit", "repair"]) }
        }
    }

    fileprivate static func runCommand(_ app: Application, _ console: CapturingConsole, _ arguments: [String]) async throws {
        var context = CommandContext(console: console, input: CommandInput(arguments: ["xieshang"] + arguments))
        context.application = app
        try await console.run(app.asyncCommands.group(), with: context)
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
