import Foundation

/// One person on a symposium's invitee list and their invitation's way (三(一).3):
/// proposed → pre-invited by the lead committee → confirmed or declined (by the invitee on
/// their own page, or a phone answer the staff records) → formally notified by the office.
public struct Invitee: Sendable, Equatable, Codable, Identifiable {
    public enum State: String, Sendable, Codable, CaseIterable {
        case proposed, preInvited, confirmed, declined, notified

        public var chineseName: String {
            switch self {
            case .proposed: "拟邀请"
            case .preInvited: "已预约，待答复"
            case .confirmed: "确认出席"
            case .declined: "不能出席"
            case .notified: "已发正式通知"
            }
        }

        /// Counts towards the quotas: everyone not known to be absent.
        public var counts: Bool { self != .declined }
    }

    public enum Answer: String, Sendable, Codable, CaseIterable {
        case confirm, decline
        public var chineseName: String { self == .confirm ? "确认出席" : "不能出席" }
    }

    public enum Channel: String, Sendable, Codable, CaseIterable {
        /// On their own page (a phone, usually).
        case own
        /// By phone, recorded by committee or office staff.
        case phone
        public var chineseName: String { self == .own ? "本人在线答复" : "电话答复（工作人员登记）" }
    }

    public var id: Int { personID }
    public var personID: Int
    public var category: AttendeeCategory
    public var state: State
    /// Why the person is on the list: the suggestion's reason or the staff's note.
    public var reason: String
    public var preInvitedAt: Date?
    public var answeredAt: Date?
    public var answeredVia: Channel?
    public var answerNote: String
    public var remindedAt: [Date]
    public var notifiedAt: Date?
    /// 邀请函 e-mailed: the address, or nil when no mail went out (no address, no SMTP).
    public var mailedTo: String?

    public init(personID: Int, category: AttendeeCategory, reason: String = "") {
        self.personID = personID
        self.category = category
        self.state = .proposed
        self.reason = reason
        self.answerNote = ""
        self.remindedAt = []
    }

    public mutating func preInvite(at: Date) throws {
        guard state == .proposed else { throw SymposiumError.invitationOutOfOrder(state, "预约邀请") }
        state = .preInvited
        preInvitedAt = at
    }

    /// An answer may be changed until the formal notice has gone out.
    public mutating func answer(_ a: Answer, via: Channel, note: String, at: Date) throws {
        guard [.preInvited, .confirmed, .declined].contains(state) else {
            throw SymposiumError.invitationOutOfOrder(state, a.chineseName)
        }
        guard note.count <= 500 else { throw SymposiumError.invalid(["说明不超过500个字。"]) }
        state = a == .confirm ? .confirmed : .declined
        answeredVia = via
        answeredAt = at
        answerNote = note.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public mutating func remind(at: Date) throws {
        guard state == .preInvited else { throw SymposiumError.invitationOutOfOrder(state, "提醒答复") }
        remindedAt.append(at)
    }

    public mutating func notify(at: Date, mailedTo: String?) throws {
        guard state == .confirmed else { throw SymposiumError.invitationOutOfOrder(state, "发送正式通知") }
        state = .notified
        notifiedAt = at
        self.mailedTo = mailedTo
    }

    /// Off the list: only before anyone was asked, or after they declined.
    public var removable: Bool { state == .proposed || state == .declined }
}
