import Vapor
import XieshangCore

/// The outcome access rules of `XieshangCore/Access/OutcomeAccess.swift`, applied to a
/// request before its body is read: a caller who may not see the outcome gets 404 as if it
/// did not exist, one who sees it but may not act gets 403, and only then is the input
/// validated (400).
enum OutcomeAccess {
    typealias Check = OutcomeAction

    static func sees(_ l: OutcomeStore.Loaded, _ p: Principal) -> Bool { p.sees(l.outcome, items: l.items) }

    static func addressee(_ o: Outcome, _ p: Principal) -> OutcomeRecipient.Addressee? { p.addressee(of: o) }

    static func isLeadCommittee(_ l: OutcomeStore.Loaded, _ p: Principal) -> Bool { p.isLeadCommittee(l.leadCommitteeID) }

    static func isHandler(_ h: Handling, _ p: Principal) -> Bool { p.handles(h) }

    static func allowed(_ check: Check, _ l: OutcomeStore.Loaded, _ p: Principal) throws -> Bool {
        try p.may(check, on: l.outcome, items: l.items, leadCommitteeID: l.leadCommitteeID)
    }

    @discardableResult
    static func require(_ check: Check, _ id: Int, on req: Request) async throws -> OutcomeStore.Loaded {
        let p = try req.principal
        let l = try await OutcomeStore.visible(id, for: p, on: req.db)
        guard try allowed(check, l, p) else { throw AccessError.forbidden }
        return l
    }
}
