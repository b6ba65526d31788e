import Fluent
import Foundation
import XieshangMail

// @unchecked Sendable: see MasterDataModels.swift.

/// One mail in the outbox, from the change that made it until the relay accepted it.
final class MailOutboxModel: Model, @unchecked Sendable {
    static let schema = "mail_outbox"
    @ID(custom: .id) var id: Int?
    /// What the mail is about, once: a second change asking for the same mail finds it here.
    @Field(key: "dedupe_key") var dedupeKey: String
    @Field(key: "kind") var kind: String
    @Field(key: "subject") var subject: String
    /// For the office's page: "姓名 <address>, …".
    @Field(key: "recipients") var recipients: String
    /// The message as JSON (`StoredMail`): the same Message-ID and Date on every attempt.
    @Field(key: "message") var message: String
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    /// Pending: not before then. Sending: the claim lapses then (a sender that died).
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: String
    @OptionalField(key: "sent_at") var sentAt: Date?
    /// The page the mail is about (a symposium's invitees), and its name.
    @OptionalField(key: "context_path") var contextPath: String?
    @OptionalField(key: "context_title") var contextTitle: String?
    init() {}
}

/// A mail a change wants sent, before it is stored.
struct OutgoingMail: Sendable {
    enum Kind: String, Sendable {
        case formalNotice = "formal_notice"
        case invitationReminder = "invitation_reminder"
        case followUpReminder = "follow_up_reminder"

        var chineseName: String {
            switch self {
            case .formalNotice: "正式通知"
            case .invitationReminder: "答复提醒"
            case .followUpReminder: "落实事项提醒"
            }
        }
    }

    var dedupeKey: String
    let kind: Kind
    let to: [MailAddress]
    let subject: String
    let text: String
    let attachments: [MailAttachment]
    var contextPath: String?
    var contextTitle: String?
}

/// The message as stored: everything `MailMessage` needs except the sender, which is the
/// configured one when it is sent.
struct StoredMail: Codable, Sendable {
    struct Address: Codable, Sendable { let email: String; let name: String? }
    struct Attachment: Codable, Sendable { let filename: String; let contentType: String; let data: Data }
    let to: [Address]
    let subject: String
    let text: String
    let attachments: [Attachment]
    let messageID: String
    let date: Date

    func message(from sender: MailAddress) throws -> MailMessage {
        MailMessage(from: sender, to: try to.map { try MailAddress($0.email, name: $0.name) }, subject: subject,
                    textBody: text, attachments: attachments.map { MailAttachment(filename: $0.filename, contentType: $0.contentType, data: $0.data) },
                    date: date, messageID: messageID)
    }
}
