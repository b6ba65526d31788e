import Fluent
import Foundation
import Testing
import Vapor
import XieshangCore
import XieshangMail
@testable import XieshangServer

/// The outbox's bookkeeping (issue 19, item 6): mails stored by the change that makes them,
/// once, and tried again with a growing delay while the relay is away. Delivery through a real
/// relay is tested in tests/ops/test_mail_outbox.py.
@Suite("Mail outbox")
struct MailOutboxTests {
    static let sender = try! MailAddress("office@anhua.example", name: "县政协办公室")

    static func mail(_ key: String) -> OutgoingMail {
        OutgoingMail(dedupeKey: key, kind: .formalNotice, to: [try! MailAddress("p001@anhua.example", name: "李明")],
                     subject: "【正式通知】测试", text: "正文", attachments: [], contextPath: nil, contextTitle: nil)
    }

    struct Boom: Error {}

    @Test("a change that fails stores none of its mails")
    func rolledBackChangeQueuesNothing() async throws {
        try await TestApp.run(demo: false) { app async throws in
            await #expect(throws: Boom.self) {
                try await app.change(by: "test") { (db: any Database) async throws -> (Void, [AuditChange]) in
                    try await MailOutbox.enqueue([Self.mail("a")], from: Self.sender, at: TestApp.defaultNow, by: "test", on: db)
                    throw Boom()
                }
            }
            let stored = try await MailOutboxModel.query(on: app.db).count()
            #expect(stored == 0)
        }
    }

    @Test("a mail whose key is stored already is not stored again, however many changes ask")
    func eachMailOnce() async throws {
        try await TestApp.run(demo: false) { app async throws in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<5 {
                    group.addTask {
                        try await app.change(by: "test") { db in
                            try await MailOutbox.enqueue([Self.mail("k1"), Self.mail("k1"), Self.mail("k2")], from: Self.sender,
                                                         at: TestApp.defaultNow, by: "test", on: db)
                            return ((), [])
                        }
                    }
                }
                try await group.waitForAll()
            }
            let keys = try await MailOutboxModel.query(on: app.db).all().map(\.dedupeKey).sorted()
            #expect(keys == ["k1", "k2"])
        }
    }

    @Test("a relay that is away is tried again later, each time later, and given up after the last attempt")
    func transientFailuresBackOff() async throws {
        let clock = ManualClock(TestApp.defaultNow)
        try await TestApp.run(demo: false, clock: clock) { app async throws in
            try await app.change(by: "test") { db in
                try await MailOutbox.enqueue([Self.mail("m")], from: Self.sender, at: clock.now(), by: "test", on: db)
                return ((), [])
            }
            let away = MailError.unreachable(host: "127.0.0.1", port: 25, reason: "拒绝连接")
            var delays: [TimeInterval] = []
            for attempt in 1...MailOutbox.retry.maxAttempts {
                let claimed = try await MailOutbox.claimDue(app: app)
                #expect(claimed.count == 1, "attempt \(attempt)")
                #expect(try await MailOutbox.claimDue(app: app).isEmpty, "a claimed mail is not claimed twice")
                let again = try await MailOutbox.markFailed(claimed[0].id, error: away, app: app)
                let m = try #require(try await MailOutboxModel.query(on: app.db).first())
                #expect(m.lastError == away.message)
                if attempt < MailOutbox.retry.maxAttempts {
                    #expect(again && m.status == "pending")
                    delays.append(m.nextAttemptAt.timeIntervalSince(clock.now()))
                    #expect(try await MailOutbox.claimDue(app: app).isEmpty, "not due before its delay")
                    clock.set(m.nextAttemptAt)
                } else {
                    #expect(!again && m.status == "failed")
                }
            }
            #expect(delays.first == MailOutbox.retry.firstDelay)
            #expect(delays == delays.sorted() && delays.last == MailOutbox.retry.longestDelay)
            #expect(try await MailOutbox.claimDue(app: app).isEmpty, "a mail given up is not tried again by itself")
        }
    }

    @Test("a refusal that will not change is given up at once")
    func permanentFailureIsGivenUp() async throws {
        try await TestApp.run(demo: false) { app async throws in
            try await app.change(by: "test") { db in
                try await MailOutbox.enqueue([Self.mail("p")], from: Self.sender, at: TestApp.defaultNow, by: "test", on: db)
                return ((), [])
            }
            let claimed = try await MailOutbox.claimDue(app: app)
            let refused = MailError.rejected(command: "RCPT TO", code: 550, reply: "No such mailbox")
            #expect(try await MailOutbox.markFailed(claimed[0].id, error: refused, app: app) == false)
            #expect(try await MailOutbox.counts(on: app.db)[.failed] == 1)
        }
    }

    @Test("a sender that died holding mails lets them go once its claim lapses")
    func lapsedClaimIsTakenOver() async throws {
        let clock = ManualClock(TestApp.defaultNow)
        try await TestApp.run(demo: false, clock: clock) { app async throws in
            try await app.change(by: "test") { db in
                try await MailOutbox.enqueue([Self.mail("c")], from: Self.sender, at: clock.now(), by: "test", on: db)
                return ((), [])
            }
            #expect(try await MailOutbox.claimDue(app: app).count == 1)
            clock.advance(by: MailOutbox.retry.claim - 1)
            #expect(try await MailOutbox.claimDue(app: app).isEmpty)
            clock.advance(by: 1)
            #expect(try await MailOutbox.claimDue(app: app).count == 1)
        }
    }

    @Test("the office sees a failed mail with its reason and can send it again; others may not")
    func officeRetriesFailedMail() async throws {
        try await TestApp.run { app in
            try await app.change(by: "test") { db in
                try await MailOutbox.enqueue([Self.mail("r")], from: Self.sender, at: TestApp.defaultNow, by: "test", on: db)
                return ((), [])
            }
            let claimed = try await MailOutbox.claimDue(app: app)
            _ = try await MailOutbox.markFailed(claimed[0].id, error: .rejected(command: "RCPT TO", code: 550, reply: "No such mailbox"),
                                                app: app)
            let office = try await TestClient.signedIn(app, as: "office")
            let page = try await office.send(.GET, Paths.mail)
            #expect(page.status == .ok)
            #expect(page.text.contains("发送失败") && page.text.contains("No such mailbox"))
            let member = try await TestClient.signedIn(app, as: "member")
            #expect(try await member.post(Paths.mailRetry(claimed[0].id)).status == .forbidden)
            #expect(try await office.post(Paths.mailRetry(claimed[0].id)).status == .seeOther)
            let m = try #require(try await MailOutboxModel.find(claimed[0].id, on: app.db))
            #expect(m.status == "pending" && m.attempts == 0 && m.nextAttemptAt == TestApp.defaultNow)
            #expect(try await office.post(Paths.mailRetry(claimed[0].id)).status == .conflict, "a waiting mail that never failed needs no retry")
            #expect(try await office.post(Paths.mailRetry(999_999)).status == .notFound)
        }
    }
}
