import Fluent
import SQLKit
import Vapor
import XieshangCore

/// One state change to be written to the audit log, with its before and after as JSON.
struct AuditChange: Sendable {
    let action: String
    let objectType: String
    let objectID: String
    let before: String?
    let after: String?
    /// Who made this change, when one transaction carries several people's changes (the live
    /// meeting's group commit); otherwise the transaction's actor.
    let actor: String?

    init(_ action: String, _ objectType: String, _ objectID: String,
         before: (any Encodable & Sendable)? = nil, after: (any Encodable & Sendable)? = nil, by actor: String? = nil) {
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.before = before.map(AuditChange.json)
        self.after = after.map(AuditChange.json)
        self.actor = actor
    }

    /// Sorted keys so that the same value always gives the same text (and hash).
    private static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    static func json(_ value: any Encodable) -> String {
        (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "null"
    }
}

/// The append-only, hash-chained audit log.
enum AuditLog {
    /// Appends inside the caller's transaction, so a change and its record commit together.
    static func append(_ changes: [AuditChange], actor: String, at now: Date, on db: any Database,
                       isPostgres: Bool) async throws {
        guard !changes.isEmpty else { return }
        if isPostgres { try await takeTurn(on: db) }
        guard let sql = db as? any SQLDatabase else {
            throw Abort(.internalServerError, reason: "the audit log is kept in an SQL database")
        }
        // Only the two columns the chain needs, read and written through SQLKit: the last
        // entry's before/after can be large, and Fluent's model reflection cost more than
        // the statements themselves on the live meeting's many small writes.
        let last = try await sql.select().columns("id", "hash").from(AuditEntryModel.schema)
            .orderBy("id", .descending).limit(1).first()
        var sequence = try last?.decode(column: "id", as: Int.self) ?? 0
        var previous = try last?.decode(column: "hash", as: String.self) ?? AuditRecord.genesisHash
        // Whole milliseconds: both SQLite and PostgreSQL give back exactly what was hashed.
        let at = Date(timeIntervalSince1970: (now.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
        var rows: [[any SQLExpression]] = []
        for change in changes {
            sequence += 1
            let actor = change.actor ?? actor
            let record = AuditRecord(sequence: sequence, at: at, actor: actor, action: change.action,
                                     objectType: change.objectType, objectID: change.objectID,
                                     before: change.before, after: change.after, previousHash: previous)
            let hash = hash(record)
            rows.append([SQLBind(sequence), SQLBind(at), SQLBind(actor), SQLBind(change.action), SQLBind(change.objectType),
                         SQLBind(change.objectID), SQLBind(change.before), SQLBind(change.after), SQLBind(previous),
                         SQLBind(hash)])
            previous = hash
        }
        // Several rows per statement, within both databases' limits on bound values.
        for chunk in stride(from: 0, to: rows.count, by: 500).map({ rows[$0..<min($0 + 500, rows.count)] }) {
            try await sql.insert(into: AuditEntryModel.schema)
                .columns("id", "at", "actor", "action", "object_type", "object_id", "before", "after", "previous_hash", "hash")
                .rows(chunk)
                .run()
        }
    }

    /// Waits for the other instances' writing transactions on this PostgreSQL and holds them
    /// off until this one ends. Taken again by the same transaction, it is simply held.
    static func takeTurn(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(7370001)").run()
    }

    static func hash(_ record: AuditRecord) -> String {
        SHA256.hash(data: Data(record.canonical.utf8)).hex
    }

    struct Verification: Content {
        let entries: Int
        let intact: Bool
        /// The first broken sequence number and why, when not intact.
        let firstBroken: Int?
        let problem: String?
    }

    static func verify(on db: any Database) async throws -> Verification {
        var expectedSequence = 1
        var previous = AuditRecord.genesisHash
        var count = 0
        let batch = 1000
        while true {
            let entries = try await AuditEntryModel.query(on: db)
                .filter(\.$id >= expectedSequence).sort(\.$id).limit(batch).all()
            if entries.isEmpty { break }
            for e in entries {
                let seq = e.id!
                guard seq == expectedSequence else {
                    return Verification(entries: count, intact: false, firstBroken: expectedSequence,
                                        problem: "第\(expectedSequence)条记录缺失")
                }
                guard e.previousHash == previous else {
                    return Verification(entries: count, intact: false, firstBroken: seq,
                                        problem: "第\(seq)条记录与前一条的链接不符")
                }
                let record = AuditRecord(sequence: seq, at: e.at, actor: e.actor, action: e.action,
                                         objectType: e.objectType, objectID: e.objectID,
                                         before: e.before, after: e.after, previousHash: e.previousHash)
                guard hash(record) == e.hash else {
                    return Verification(entries: count, intact: false, firstBroken: seq,
                                        problem: "第\(seq)条记录的内容被改动过")
                }
                previous = e.hash
                expectedSequence += 1
                count += 1
            }
        }
        return Verification(entries: count, intact: true, firstBroken: nil, problem: nil)
    }
}

extension Digest {
    /// Lower-case hex. Not `String(format:)`: Foundation's formatter once per byte made
    /// hashing a bearer token cost a third of a trivial request.
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(underestimatedCount * 2)
        for b in self {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
