import Fluent
import Vapor
import XieshangCore

/// The printed copies of classified materials, loaded and saved. A change loads the material
/// and all its copies in one transaction, checks the version of every copy the caller names,
/// applies one domain call on the whole `PaperCopyLedger`, and saves the copies it changed,
/// audited on the material. A refusal changes nothing.
enum PaperCopyStore {
    struct Loaded: Sendable {
        let copy: PaperCopy
        /// The row's version, for the optimistic check of writes that name the copy.
        let version: Int
        var number: Int { copy.number }
    }

    /// A copy the caller acts on, and the version of it they saw.
    struct Pick: Content, Sendable {
        var number: Int
        var version: Int
    }

    static func decode(_ m: PaperCopyModel) throws -> Loaded {
        Loaded(copy: try StoredJSON.value(PaperCopy.self, from: m.body, row: "material_paper_copies#\(m.id ?? 0)"), version: m.version)
    }

    static func copies(materialID: Int, on db: any Database) async throws -> [Loaded] {
        try await PaperCopyModel.query(on: db).filter(\.$materialID == materialID).sort(\.$number).all().map(decode)
    }

    /// Every copy of a symposium's materials, by material id.
    static func copies(symposiumID: Int, on db: any Database) async throws -> [Int: [Loaded]] {
        let rows = try await PaperCopyModel.query(on: db).filter(\.$symposiumID == symposiumID).sort(\.$number).all()
        return Dictionary(grouping: try rows.map(decode), by: \.copy.materialID)
    }

    /// Copies in someone's hands with no recorded reason (handed out, not returned), anywhere.
    static func outstanding(on db: any Database) async throws -> [(symposiumID: Int, copy: PaperCopy)] {
        try await PaperCopyModel.query(on: db).filter(\.$state == PaperCopy.State.handedOut.rawValue).sort(\.$id).all()
            .map { ($0.symposiumID, try decode($0).copy) }
    }

    static func closure(symposiumID: Int, on db: any Database) async throws -> MaterialsClosure? {
        guard let row = try await MaterialClosureModel.query(on: db).filter(\.$symposiumID == symposiumID).first() else { return nil }
        return try StoredJSON.value(MaterialsClosure.self, from: row.body, row: "material_closures#\(row.id ?? 0)")
    }

    static func create(_ copy: PaperCopy, symposiumID: Int, on db: any Database) async throws {
        let row = PaperCopyModel()
        row.materialID = copy.materialID
        row.symposiumID = symposiumID
        row.number = copy.number
        row.version = 0
        try await save(copy, into: row, on: db)
    }

    static func save(_ copy: PaperCopy, into row: PaperCopyModel, on db: any Database) async throws {
        row.state = copy.state.rawValue
        row.holderID = copy.holderID
        row.body = try StoredJSON.text(copy)
        row.version += 1
        try await row.save(on: db)
    }

    static func versionConflict(_ number: Int) -> Refusal {
        Refusal(.conflict, code: "version_conflict", message: "份号\(CopyNumbers.format(number))的纸质件已被他人办理，请刷新后重试。")
    }

    /// Applies `transition` to the copies of material `materialID`. `picks` are the copies the
    /// caller names, each with the version it saw (none: the transition chooses, as a sending
    /// does). `requireOpen`: refused once the symposium's materials are closed. Returns the
    /// material's copies after the change.
    @discardableResult
    static func mutate(_ materialID: Int, picks: [Pick], action: String, requireOpen: Bool = false, on req: Request,
                       authorize: @escaping @Sendable (Material, MaterialStore.Scope) throws -> Void,
                       _ transition: @escaping @Sendable (inout PaperCopyLedger, MaterialStore.Context) throws
                           -> (any Encodable & Sendable)?) async throws -> [Loaded] {
        var seen = Set<Int>()
        for p in picks where !seen.insert(p.number).inserted { throw PaperCopyError.duplicateCopy(p.number) }
        let (_, scope) = try await MaterialStore.visible(materialID, on: req)
        let ctx = MaterialStore.context(scope, on: req)
        return try await req.change { db in
            guard let model = try await MaterialModel.find(materialID, on: db) else { throw MaterialStore.notFound() }
            let material = try MaterialStore.decode(model).material
            try authorize(material, scope)
            if requireOpen { try MaterialsClosure.requireOpen(try await closure(symposiumID: model.symposiumID, on: db)) }
            let rows = try await PaperCopyModel.query(on: db).filter(\.$materialID == materialID).all()
            var byNumber: [Int: (row: PaperCopyModel, copy: PaperCopy)] = [:]
            for row in rows { byNumber[row.number] = (row, try decode(row).copy) }
            for p in picks {
                guard let found = byNumber[p.number] else { throw PaperCopyError.copyNotFound(p.number) }
                guard found.row.version == p.version else { throw versionConflict(p.number) }
            }
            var ledger = PaperCopyLedger(material: material, copies: byNumber.values.map(\.copy))
            let detail = try transition(&ledger, ctx)
            for copy in ledger.copies {
                guard let before = byNumber[copy.number], before.copy != copy else { continue }
                try await save(copy, into: before.row, on: db)
            }
            let after = try await PaperCopyModel.query(on: db).filter(\.$materialID == materialID).sort(\.$number).all().map(decode)
            return (after, [AuditChange(action, "material", String(materialID), after: detail)])
        }
    }
}
