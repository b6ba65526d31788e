import Fluent
import NIOConcurrencyHelpers
import Vapor
import XieshangCore
import XieshangDocuments
import XieshangMail

/// The office's formal notices with personal invitation letters (三(一).3) and reminders to
/// invitees who have not answered. Letters are always generated (for printing); they are
/// e-mailed when SMTP is configured and the invitee has an address. The mails are queued in
/// the outbox by the same transaction that records the notice or the reminder, and go out
/// after it commits (`MailOutboxSender`): a notice is mailed only if it was recorded, once,
/// and a slow relay does not hold up the office's click.
enum InvitationMail {
    struct Failure: Content { let personID: Int; let name: String; let reason: String }
    struct Report: Content {
        let processed: [String]
        /// Mails queued for the relay (delivery is shown on the office's mail page).
        let mailed: Int
        let notMailed: [Failure]
        let mailConfigured: Bool
    }

    static func sendNotices(_ id: Int, on req: Request) async throws -> Report {
        let p = try req.principal
        let loaded = try await SymposiumStore.visible(id, for: p, on: req.db)
        try p.require(.actForOffice)
        let waiting = loaded.symposium.awaitingNotice
        guard !waiting.isEmpty else { throw nobodyToNotify }
        let dto = try await SymposiumDTO.make(loaded, on: req)
        let org = try await SymposiumDocuments.organization(on: req.db)
        let today = Day(req.xieshang.clock.now())
        let contact = try await SymposiumDocuments.contact(committeeID: dto.leadCommittee.id, committeeName: dto.leadCommittee.name,
                                                           org: org, on: req.db)
        let (mails, failures) = try await compose(to: waiting.map(\.personID), kind: .formalNotice, symposiumID: id,
                                                  subjectOfSymposium: dto.subject, on: req) { person in
            guard let inv = dto.invitees.first(where: { $0.personID == person.id }) else { return nil }
            let letter = SymposiumDocuments.invitationLetter(dto, invitee: inv, org: org, contact: contact, today: today,
                                                            sealed: false)
            let text = """
            \(letter.addressee ?? "")：

            \(letter.body.compactMap { if case .paragraph(let t) = $0 { "　　" + t } else { nil } }.joined(separator: "\n"))

            \(org.name)办公室
            \(today.chinese)

            （邀请函见附件。如有变化，请及时告知\(dto.leadCommittee.name)。）
            """
            return ("【正式通知】\(dto.subject)", text,
                    [MailAttachment(filename: "邀请函-\(inv.name).docx",
                                    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                    data: try DocxWriter.data(for: letter))])
        }
        let queued = Queued()
        let updated = try await SymposiumStore.mutate(
            id, action: "invitee.formal_notice", on: req, authorize: SymposiumStore.office,
            alongside: { before, _, version, db in
                // Only those still waiting when the change runs: a second click finds nobody.
                let persons = Set(before.awaitingNotice.map(\.personID))
                try await queued.store(mails.filter { persons.contains($0.person) }, version: version, on: req, db: db)
            }
        ) { s, ctx in
            let persons = s.awaitingNotice.map(\.personID)
            guard !persons.isEmpty else { throw nobodyToNotify }
            for person in persons {
                try s.withInvitee(person) { try $0.notify(at: ctx.now, mailedTo: mails.first { $0.person == person }?.address) }
            }
            s.formalNoticeSentAt = ctx.now
            return ["notified": persons, "mailed": mails.map(\.person).filter(persons.contains).sorted()]
        }
        req.xieshang.outbox.wake()
        return try await report(updated, processed: waiting.map(\.personID), mailed: queued.count, failures: failures, on: req)
    }

    static func remind(_ id: Int, on req: Request) async throws -> Report {
        let p = try req.principal
        let loaded = try await SymposiumStore.visible(id, for: p, on: req.db)
        try p.require(.prepareSymposium(leadCommitteeID: loaded.symposium.leadCommitteeID))
        let waiting = loaded.symposium.unanswered
        guard !waiting.isEmpty else { throw nobodyToRemind }
        let s = loaded.symposium
        let (mails, failures) = try await compose(to: waiting.map(\.personID), kind: .invitationReminder, symposiumID: id,
                                                  subjectOfSymposium: s.subject, on: req) { person in
            ("【请答复】\(s.subject)出席邀请",
             """
             \(person.name)：

             　　\(s.subject)定于\(SymposiumDTO.dateText(s.date))\(s.startTime)召开，诚邀您出席。请登录协商系统，在“我的邀请”中答复能否出席，或电话告知牵头委室。

             """, [])
        }
        let queued = Queued()
        let updated = try await SymposiumStore.mutate(
            id, action: "invitee.remind", on: req, authorize: SymposiumStore.preparer,
            alongside: { before, _, version, db in
                let persons = Set(before.unanswered.map(\.personID))
                try await queued.store(mails.filter { persons.contains($0.person) }, version: version, on: req, db: db)
            }
        ) { s, ctx in
            let persons = s.unanswered.map(\.personID)
            guard !persons.isEmpty else { throw nobodyToRemind }
            for person in persons { try s.withInvitee(person) { try $0.remind(at: ctx.now) } }
            return ["reminded": persons]
        }
        req.xieshang.outbox.wake()
        return try await report(updated, processed: waiting.map(\.personID), mailed: queued.count, failures: failures, on: req)
    }

    private static let nobodyToNotify = Refusal(.conflict, code: "nobody_to_notify", message: "没有已确认出席、待发正式通知的人员。")
    private static let nobodyToRemind = Refusal(.conflict, code: "nobody_to_remind", message: "没有尚未答复的受邀人。")

    private static func report(_ loaded: SymposiumStore.Loaded, processed: [Int], mailed: Int, failures: [Failure],
                               on req: Request) async throws -> Report {
        let names = try await PersonModel.query(on: req.db).filter(\.$id ~~ processed).all()
        let byID = Dictionary(names.map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        return Report(processed: processed.compactMap { byID[$0] }, mailed: mailed, notMailed: failures,
                      mailConfigured: req.xieshang.config.mail != nil)
    }

    /// One person's mail, composed before the change and queued by it.
    struct PersonMail: Sendable {
        let person: Int
        let address: String
        let mail: OutgoingMail
    }

    /// How many mails the change queued (set inside its transaction, read after it).
    private final class Queued: Sendable {
        private let stored = NIOLockedValueBox(0)
        var count: Int { stored.withLockedValue { $0 } }

        func store(_ mails: [PersonMail], version: Int, on req: Request, db: any Database) async throws {
            guard let settings = req.xieshang.config.mail else { return }
            // The symposium's version in the key: this change's mail to this person, once.
            let keyed = mails.map { m in
                var mail = m.mail
                mail.dedupeKey += "/v\(version)"
                return mail
            }
            let keys = try await MailOutbox.enqueue(keyed, from: settings.from, at: req.xieshang.clock.now(),
                                                    by: try req.principal.username, on: db)
            stored.withLockedValue { $0 = keys.count }
        }
    }

    /// One message per person with a valid address; why the others will not be mailed.
    private static func compose(to persons: [Int], kind: OutgoingMail.Kind, symposiumID: Int, subjectOfSymposium: String,
                                on req: Request,
                                _ make: (PersonModel) throws -> (subject: String, text: String, attachments: [MailAttachment])?)
        async throws -> ([PersonMail], [Failure]) {
        let models = try await PersonModel.query(on: req.db).filter(\.$id ~~ persons).all()
        guard req.xieshang.config.mail != nil else {
            return ([], models.map { Failure(personID: $0.id!, name: $0.name, reason: "未配置邮件服务器，请打印邀请函寄送。") })
        }
        var mails: [PersonMail] = []
        var failures: [Failure] = []
        for person in models {
            guard let email = person.email, let address = try? MailAddress(email, name: person.name) else {
                failures.append(Failure(personID: person.id!, name: person.name, reason: "没有登记有效的电子邮箱。"))
                continue
            }
            guard let (subject, text, attachments) = try make(person) else { continue }
            let mail = OutgoingMail(dedupeKey: "\(kind.rawValue)/symposium/\(symposiumID)/person/\(person.id!)", kind: kind,
                                    to: [address], subject: subject, text: text, attachments: attachments,
                                    contextPath: "/symposia/\(symposiumID)/invitees", contextTitle: subjectOfSymposium)
            mails.append(PersonMail(person: person.id!, address: email, mail: mail))
        }
        return (mails, failures)
    }
}
