import Fluent
import Vapor
import XieshangCore
import XieshangDocuments
import XieshangMail

/// The office's formal notices with personal invitation letters (三(一).3) and reminders to
/// invitees who have not answered. Letters are always generated (for printing); they are
/// e-mailed when SMTP is configured and the invitee has an address. Mail goes out before
/// the state change is saved, so a saved "mailed to" is a mail the relay accepted.
enum InvitationMail {
    struct Failure: Content { let personID: Int; let name: String; let reason: String }
    struct Report: Content {
        let processed: [String]
        let mailed: Int
        let notMailed: [Failure]
        let mailConfigured: Bool
    }

    static func sendNotices(_ id: Int, on req: Request) async throws -> Report {
        let p = try req.principal
        let loaded = try await SymposiumStore.visible(id, for: p, on: req.db)
        try p.require(.actForOffice)
        let waiting = loaded.symposium.awaitingNotice
        guard !waiting.isEmpty else {
            throw Refusal(.conflict, code: "nobody_to_notify", message: "没有已确认出席、待发正式通知的人员。")
        }
        let dto = try await SymposiumDTO.make(loaded, on: req)
        let org = try await SymposiumDocuments.organization(on: req.db)
        let today = Day(req.xieshang.clock.now())
        let contact = try await SymposiumDocuments.contact(committeeID: dto.leadCommittee.id, committeeName: dto.leadCommittee.name,
                                                           org: org, on: req.db)
        let (mailed, failures) = try await mail(to: waiting.map(\.personID), on: req) { person in
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
        let updated = try await SymposiumStore.mutate(id, action: "invitee.formal_notice", on: req, authorize: SymposiumStore.office) { s, ctx in
            var done: [Int] = []
            for person in s.awaitingNotice.map(\.personID) {
                try s.withInvitee(person) { try $0.notify(at: ctx.now, mailedTo: mailed[person]) }
                done.append(person)
            }
            s.formalNoticeSentAt = ctx.now
            return ["notified": done, "mailed": Array(mailed.keys).sorted()]
        }
        return try await report(updated, processed: waiting.map(\.personID), mailed: mailed.count, failures: failures, on: req)
    }

    static func remind(_ id: Int, on req: Request) async throws -> Report {
        let p = try req.principal
        let loaded = try await SymposiumStore.visible(id, for: p, on: req.db)
        try p.require(.prepareSymposium(leadCommitteeID: loaded.symposium.leadCommitteeID))
        let waiting = loaded.symposium.unanswered
        guard !waiting.isEmpty else {
            throw Refusal(.conflict, code: "nobody_to_remind", message: "没有尚未答复的受邀人。")
        }
        let s = loaded.symposium
        let (mailed, failures) = try await mail(to: waiting.map(\.personID), on: req) { person in
            ("【请答复】\(s.subject)出席邀请",
             """
             \(person.name)：

             　　\(s.subject)定于\(SymposiumDTO.dateText(s.date))\(s.startTime)召开，诚邀您出席。请登录协商系统，在“我的邀请”中答复能否出席，或电话告知牵头委室。

             """, [])
        }
        let updated = try await SymposiumStore.mutate(id, action: "invitee.remind", on: req, authorize: SymposiumStore.preparer) { s, ctx in
            let persons = s.unanswered.map(\.personID)
            for person in persons { try s.withInvitee(person) { try $0.remind(at: ctx.now) } }
            return ["reminded": persons]
        }
        return try await report(updated, processed: waiting.map(\.personID), mailed: mailed.count, failures: failures, on: req)
    }

    private static func report(_ loaded: SymposiumStore.Loaded, processed: [Int], mailed: Int, failures: [Failure],
                               on req: Request) async throws -> Report {
        let names = try await PersonModel.query(on: req.db).filter(\.$id ~~ processed).all()
        let byID = Dictionary(names.map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        return Report(processed: processed.compactMap { byID[$0] }, mailed: mailed, notMailed: failures,
                      mailConfigured: req.xieshang.config.mail != nil)
    }

    /// Sends one message per person; returns the addresses that were accepted, by person, and
    /// why the others were not mailed.
    private static func mail(to persons: [Int], on req: Request,
                             _ compose: (PersonModel) throws -> (subject: String, text: String, attachments: [MailAttachment])?)
        async throws -> ([Int: String], [Failure]) {
        let models = try await PersonModel.query(on: req.db).filter(\.$id ~~ persons).all()
        var mailed: [Int: String] = [:]
        var failures: [Failure] = []
        guard let settings = req.xieshang.config.mail else {
            return ([:], models.map { Failure(personID: $0.id!, name: $0.name, reason: "未配置邮件服务器，请打印邀请函寄送。") })
        }
        for person in models {
            guard let email = person.email, let address = try? MailAddress(email, name: person.name) else {
                failures.append(Failure(personID: person.id!, name: person.name, reason: "没有登记有效的电子邮箱。"))
                continue
            }
            guard let (subject, text, attachments) = try compose(person) else { continue }
            let message = MailMessage(from: settings.from, to: [address], subject: subject, textBody: text,
                                      attachments: attachments, date: req.xieshang.clock.now())
            do {
                try await SMTPClient.send(message, via: settings)
                mailed[person.id!] = email
            } catch let e as MailError {
                req.logger.warning("mail to \(email) failed: \(e)")
                failures.append(Failure(personID: person.id!, name: person.name, reason: e.message))
            }
        }
        return (mailed, failures)
    }
}
