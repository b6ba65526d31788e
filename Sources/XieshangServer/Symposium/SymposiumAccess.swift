import Vapor
import XieshangCore

/// The symposium access rules of `XieshangCore/Access/SymposiumAccess.swift`, applied to a
/// request before its body is read: a caller who may not see the symposium gets 404 as if it
/// did not exist, one who sees it but may not act gets 403, and only then is the input
/// validated (400). The domain checks again on the loaded value inside the transaction.
enum SymposiumAccess {
    typealias Check = SymposiumAction

    @discardableResult
    static func require(_ check: Check, _ id: Int, on req: Request) async throws -> SymposiumStore.Loaded {
        let p = try req.principal
        let loaded = try await SymposiumStore.visible(id, for: p, on: req.db)
        // Only the plan's signature needs the chair (when no vice chair is in charge).
        let chairID = check == .planAction && loaded.symposium.viceChairInChargeID == nil
            ? try await Leadership.load(on: req.db).chairID : nil
        guard try p.may(check, on: loaded.symposium, chairID: chairID) else { throw AccessError.forbidden }
        return loaded
    }
}
