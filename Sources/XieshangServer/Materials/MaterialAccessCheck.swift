import Vapor
import XieshangCore

/// Who may act on materials, checked before a request body is read: a caller who may not
/// see the material (or the symposium, for symposium-wide actions) gets 404 as if it did not
/// exist, one who sees it but may not act gets 403, and only then is the input validated
/// (400). The store checks again on the loaded value inside the transaction.
///
/// "Who may" (三(四), DESIGN.md "Roles"): the office compiles and issues; producers upload
/// their own; the lead committee reviews and sets ranges; readers see by range.
enum MaterialAccessCheck {
    enum OnSymposium: Sendable {
        /// Creating materials (`MaterialAccess.canDistribute`): the lead committee and the office.
        case distribute
        /// Compiling and issuing packets: the office.
        case compile
    }

    enum OnMaterial: Sendable {
        case view
        /// A new version: the producer, the lead committee or the office.
        case upload
        /// A review step: submitting is the producer's (with the lead committee and the office),
        /// approving, returning and forwarding the lead committee's and the office's.
        case review
        /// Secrecy, range, sending reference materials.
        case distribute
        /// The register of printed copies (registering, handing out, retrieving, destroying,
        /// archiving) and confirming paper-only handling: the office.
        case paper
    }

    /// The list, search and export: everyone who sees the symposium or one of its materials,
    /// with the materials they may see.
    static func view(symposium id: Int, on req: Request) async throws -> (MaterialStore.Scope, [MaterialStore.Loaded]) {
        try await MaterialStore.visibleList(id, on: req)
    }

    @discardableResult
    static func require(_ check: OnSymposium, symposium id: Int, on req: Request) async throws -> MaterialStore.Scope {
        let scope = try await MaterialStore.scope(id, on: req)
        if !scope.seesSymposium {
            // Known only through a material: the producer of one, or a reader in its range.
            let materials = try await MaterialStore.all(symposiumID: id, on: req.db)
            guard materials.contains(where: { scope.canSee($0.material) }) else { throw NotFound.of("协商座谈会") }
        }
        let allowed: Bool
        switch check {
        case .distribute: allowed = scope.canDistribute
        case .compile: allowed = scope.canCompile
        }
        guard allowed else { throw AccessError.forbidden }
        return scope
    }

    @discardableResult
    static func require(_ check: OnMaterial, material id: Int, symposium: Int? = nil, on req: Request) async throws
        -> (MaterialStore.Loaded, MaterialStore.Scope) {
        let (loaded, scope) = try await MaterialStore.visible(id, symposiumID: symposium, on: req)
        let m = loaded.material
        let allowed: Bool
        switch check {
        case .view: allowed = true
        case .upload: allowed = scope.works(on: m)
        case .review: allowed = scope.works(on: m) || scope.canReview
        case .distribute: allowed = scope.canDistribute
        case .paper: allowed = scope.canCompile
        }
        guard allowed else { throw AccessError.forbidden }
        return (loaded, scope)
    }
}
