import Foundation

/// One state change, as it is chained into the append-only audit log.
///
/// The hash covers the previous entry's hash, so removing or editing any entry breaks
/// every hash after it; `xieshang audit verify` recomputes the chain.
public struct AuditRecord: Sendable, Equatable {
    public var sequence: Int
    public var at: Date
    public var actor: String
    public var action: String
    public var objectType: String
    public var objectID: String
    public var before: String?
    public var after: String?
    public var previousHash: String

    public init(sequence: Int, at: Date, actor: String, action: String, objectType: String,
                objectID: String, before: String?, after: String?, previousHash: String) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.before = before
        self.after = after
        self.previousHash = previousHash
    }

    /// The bytes that are hashed: fields in a fixed order, each length-prefixed so that no
    /// two different records can produce the same text.
    public var canonical: String {
        let millis = Int64((at.timeIntervalSince1970 * 1000).rounded())
        let fields = [String(sequence), String(millis), actor, action, objectType, objectID,
                      before ?? "\u{0}", after ?? "\u{0}", previousHash]
        return fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
    }

    public static let genesisHash = String(repeating: "0", count: 64)
}
