import Foundation

/// One printed copy (纸质件) of a 秘密 or 机密 material, from the office's registration to its
/// destruction or archiving. On a non-classified system this is the only form a state secret
/// takes (`SystemClassification`), so every copy is accounted for the way a county office keeps
/// its 涉密文件登记簿: numbered, handed to a named reader who signs for it, retrieved after the
/// meeting (会后清退), then destroyed or archived with a record.
///
/// in the office → handed out (signed for by the recipient, or ticked by the office) →
/// returned, or kept by its holder with a recorded reason and approval (a kept copy may still
/// come back) → destroyed or archived. A copy never handed out is destroyed or archived from the
/// office. Its 份号 never changes and no other copy of the material ever carries it.
public struct PaperCopy: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Codable, CaseIterable {
        case inOffice, handedOut, kept, returned, destroyed, archived

        public var chineseName: String {
            switch self {
            case .inOffice: "在办公室"
            case .handedOut: "已分发"
            case .kept: "经批准留存"
            case .returned: "已清退"
            case .destroyed: "已销毁"
            case .archived: "已归档"
            }
        }

        /// Accounted for after the meeting: not in someone's hands without a recorded reason.
        public var isAccountedFor: Bool { self != .handedOut }

        /// Nothing more is owed on it: destroyed, archived, or kept with approval.
        public var isSettled: Bool { self == .destroyed || self == .archived || self == .kept }
    }

    public enum Action: String, Sendable, Codable, CaseIterable {
        case register, handOut, sign, returnToOffice, keep, destroy, archive

        public var chineseName: String {
            switch self {
            case .register: "登记"
            case .handOut: "分发"
            case .sign: "签收"
            case .returnToOffice: "清退"
            case .keep: "留存"
            case .destroy: "销毁"
            case .archive: "归档"
            }
        }
    }

    /// Who signs for a copy handed out: its recipient (on a tablet or phone at the meeting), or
    /// the office ticking the paper sign-off sheet for them.
    public enum Signer: Sendable, Equatable {
        case recipient(personID: Int)
        case office
    }

    public struct Signature: Sendable, Equatable, Codable {
        /// Signed by the recipient themself; false: ticked by the office.
        public var byRecipient: Bool
        public var actor: String
        public var at: Date
    }

    /// Why a holder keeps the copy instead of returning it (a county leader's working copy),
    /// and who approved it.
    public struct Keeping: Sendable, Equatable, Codable {
        public var reason: String
        public var approvedBy: String
    }

    /// The end of a copy: destroyed (销毁) or archived (归档), each with its record.
    public enum Disposal: String, Sendable, Codable, CaseIterable {
        case destroy, archive

        var action: Action { self == .destroy ? .destroy : .archive }
        var state: State { self == .destroy ? .destroyed : .archived }
    }

    /// One line of the copy's register.
    public struct Step: Sendable, Equatable, Codable {
        public var action: Action
        public var actor: String
        public var at: Date
        /// The recipient of a hand-out, the signer of a signature by the recipient.
        public var personID: Int?
        /// A keeping's reason and approver, a disposal's record.
        public var note: String
    }

    public let materialID: Int
    public let number: Int
    public private(set) var state: State
    /// To whom it was handed out; kept after its return, for the record.
    public private(set) var recipientID: Int?
    public private(set) var signature: Signature?
    public private(set) var keeping: Keeping?
    /// Every step, oldest first.
    public private(set) var steps: [Step]

    /// A copy the office has just registered (`Material.registerPaperCopies`).
    public init(materialID: Int, number: Int, registeredBy actor: String, at: Date) {
        self.materialID = materialID
        self.number = number
        self.state = .inOffice
        self.recipientID = nil
        self.signature = nil
        self.keeping = nil
        self.steps = [Step(action: .register, actor: actor, at: at, personID: nil, note: "")]
    }

    /// "000012".
    public var formattedNumber: String { CopyNumbers.format(number) }

    /// Who holds it now (handed out or kept); nil while it is in the office or after its return.
    public var holderID: Int? { state == .handedOut || state == .kept ? recipientID : nil }

    /// When the copy last took `action`.
    public func last(_ action: Action) -> Step? { steps.last { $0.action == action } }

    /// Hands the copy to a person; the range and the one-copy rule are `PaperCopyLedger`'s.
    mutating func handOut(to personID: Int, actor: String, at: Date) throws {
        guard state == .inOffice else { throw PaperCopyError.stepOutOfOrder(number, state, .handOut) }
        state = .handedOut
        recipientID = personID
        signature = nil
        keeping = nil
        steps.append(Step(action: .handOut, actor: actor, at: at, personID: personID, note: ""))
    }

    /// The receipt of a copy handed out: by its recipient, or ticked by the office. Once.
    public mutating func sign(as signer: Signer, actor: String, at: Date) throws {
        guard state == .handedOut else { throw PaperCopyError.stepOutOfOrder(number, state, .sign) }
        guard signature == nil else { throw PaperCopyError.alreadySigned(number) }
        let person: Int?
        switch signer {
        case .recipient(let p):
            guard p == recipientID else { throw PaperCopyError.notYourCopy(number) }
            person = p
        case .office:
            person = nil
        }
        signature = Signature(byRecipient: person != nil, actor: actor, at: at)
        steps.append(Step(action: .sign, actor: actor, at: at, personID: person, note: ""))
    }

    /// 会后清退: the copy is back in the office (from its recipient, or from a holder who kept it).
    public mutating func returnToOffice(actor: String, at: Date) throws {
        guard state == .handedOut || state == .kept else { throw PaperCopyError.stepOutOfOrder(number, state, .returnToOffice) }
        state = .returned
        steps.append(Step(action: .returnToOffice, actor: actor, at: at, personID: recipientID, note: ""))
    }

    /// The holder keeps the copy: only with a reason and the name of who approved it.
    public mutating func keep(reason: String, approvedBy: String, actor: String, at: Date) throws {
        guard state == .handedOut else { throw PaperCopyError.stepOutOfOrder(number, state, .keep) }
        let reason = try Self.note(reason, missing: .reasonRequired)
        let approver = approvedBy.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !approver.isEmpty else { throw PaperCopyError.approverRequired }
        guard approver.count <= MaterialLimits.maxPaperNameLength else {
            throw PaperCopyError.textTooLong("批准人", MaterialLimits.maxPaperNameLength)
        }
        state = .kept
        keeping = Keeping(reason: reason, approvedBy: approver)
        steps.append(Step(action: .keep, actor: actor, at: at, personID: recipientID, note: "\(reason)（\(approver)批准）"))
    }

    /// Destroys or archives a copy that is back in the office (or was never handed out), with its record.
    public mutating func dispose(_ disposal: Disposal, record: String, actor: String, at: Date) throws {
        guard state == .returned || state == .inOffice else { throw PaperCopyError.stepOutOfOrder(number, state, disposal.action) }
        let record = try Self.note(record, missing: .recordRequired(disposal))
        state = disposal.state
        steps.append(Step(action: disposal.action, actor: actor, at: at, personID: nil, note: record))
    }

    static func note(_ text: String, missing: PaperCopyError) throws -> String {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { throw missing }
        guard t.count <= MaterialLimits.maxPaperNoteLength else {
            throw PaperCopyError.textTooLong("说明", MaterialLimits.maxPaperNoteLength)
        }
        return t
    }
}
