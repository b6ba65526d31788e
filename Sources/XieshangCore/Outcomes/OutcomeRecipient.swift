import Foundation

/// One addressee of an outcome (三(五) "报送县委、县政府领导参阅并送交相关部门办理"): a county leader
/// who reads it, or a department that receives it and, when `handles`, handles it.
public struct OutcomeRecipient: Sendable, Equatable, Codable {
    /// Encoded flat and stable: `{"kind":"leader","id":5}`, `{"kind":"department","id":21}`.
    public enum Addressee: Sendable, Hashable {
        /// A county leader, by person id (报送参阅).
        case leader(personID: Int)
        /// A county department or unit, by id (送交).
        case department(Int)

        public var departmentID: Int? {
            if case .department(let id) = self { return id }
            return nil
        }

        public var personID: Int? {
            if case .leader(let id) = self { return id }
            return nil
        }

        public var chineseKind: String {
            switch self {
            case .leader: "县领导"
            case .department: "部门"
            }
        }
    }

    public var addressee: Addressee
    /// 送交办理: the department handles the outcome (every department of a proposal does).
    public internal(set) var handles: Bool
    public internal(set) var sentAt: Date?
    /// Counted from the sending day (`HandlingRules.acknowledgeWorkingDays`).
    public internal(set) var acknowledgeDue: Deadline?
    public internal(set) var acknowledgedAt: Date?
    public internal(set) var acknowledgedBy: String?

    public init(_ addressee: Addressee, handles: Bool = false) {
        self.addressee = addressee
        self.handles = handles && addressee.departmentID != nil
    }

    public var isAcknowledged: Bool { acknowledgedAt != nil }

    /// Sent, not acknowledged, and past the acknowledgement's due day.
    public func isAcknowledgementOverdue(today: Day) -> Bool {
        sentAt != nil && acknowledgedAt == nil && (acknowledgeDue?.isPassed(today: today) ?? false)
    }
}

extension OutcomeRecipient.Addressee: Codable {
    private enum CodingKeys: String, CodingKey { case kind, id }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try c.decode(String.self, forKey: .kind)
        let id = try c.decode(Int.self, forKey: .id)
        switch kind {
        case "leader": self = .leader(personID: id)
        case "department": self = .department(id)
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown addressee kind \(kind)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .leader(let id):
            try c.encode("leader", forKey: .kind)
            try c.encode(id, forKey: .id)
        case .department(let id):
            try c.encode("department", forKey: .kind)
            try c.encode(id, forKey: .id)
        }
    }
}
