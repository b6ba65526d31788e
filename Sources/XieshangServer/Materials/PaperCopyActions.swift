import Fluent
import Vapor
import XieshangCore

/// What the pages and the API can do with printed copies of 秘密 and 机密 materials (纸质件),
/// once: authorize, call the domain through `PaperCopyStore` / `MaterialStore`. The office
/// registers, hands out, retrieves, destroys and archives; the recipient signs for their copy
/// (or the office ticks it); the office closes the symposium's materials after the meeting.
enum PaperCopyActions {
    @Sendable static func office(_ m: Material, _ scope: MaterialStore.Scope) throws {
        guard scope.canCompile else { throw AccessError.forbidden }
    }

    // MARK: registration (纸质件登记)

    struct RegisterInput: Content, Sendable {
        var version: Int
        var count: Int
        /// Who brought the copies; the producer when left out.
        var deliveredBy: String?
        /// A speech draft on paper: the office confirms the lead committee reviewed it (三(四).3).
        var reviewedOnPaper: Bool?
    }

    struct RegisterAudit: Encodable, Sendable { let numbers: [Int]; let deliveredBy: String; let reviewedOnPaper: Bool }

    static func register(_ id: Int, _ input: RegisterInput, on req: Request) async throws -> MaterialStore.Loaded {
        try await MaterialStore.mutate(id, expectedVersion: input.version, action: "material.paper.register", on: req,
                                       authorize: office, alsoSave: { m, db in
            try MaterialsClosure.requireOpen(try await PaperCopyStore.closure(symposiumID: m.symposiumID, on: db))
            guard let delivery = m.paperDeliveries.last else { return }
            for n in delivery.numbers {
                try await PaperCopyStore.create(PaperCopy(materialID: m.id, number: n, registeredBy: delivery.registeredBy, at: delivery.at),
                                                symposiumID: m.symposiumID, on: db)
            }
        }) { m, ctx in
            let copies = try m.registerPaperCopies(input.count, deliveredBy: input.deliveredBy ?? "",
                                                   reviewedOnPaper: input.reviewedOnPaper ?? false, actor: ctx.actor, at: ctx.now)
            let delivery = m.paperDeliveries.last
            return RegisterAudit(numbers: copies.map(\.number), deliveredBy: delivery?.deliveredBy ?? "",
                                 reviewedOnPaper: delivery?.reviewedOnPaper ?? false)
        }
    }

    // MARK: hand-out (分发), to named persons inside the range

    struct HandOut: Content, Sendable {
        var number: Int
        var version: Int
        var personID: Int
    }

    struct HandOutInput: Content, Sendable { var copies: [HandOut] }

    struct PersonAudit: Encodable, Sendable { let number: Int; let person: Int }

    /// The readers and names of persons, as the range judges them in this symposium; an unknown
    /// person is refused.
    static func recipients(_ persons: [Int], scope: MaterialStore.Scope, on db: any Database) async throws
        -> (readers: [Int: MaterialReader], names: [Int: String]) {
        let ids = Array(Set(persons)).sorted()
        let rows = ids.isEmpty ? [] : try await PersonModel.query(on: db).filter(\.$id ~~ ids).all()
        guard rows.count == ids.count else {
            throw Refusal(.invalid, code: "person_not_found", message: "分发对象中有不存在的人员。")
        }
        let readers = try await MaterialReaders.recipients(rows, in: scope.symposium.symposium, on: db)
        return (readers, Dictionary(rows.map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Hands each named copy to its person: all or none (one outside the range refuses the lot).
    @discardableResult
    static func handOut(_ id: Int, _ input: HandOutInput, on req: Request) async throws -> [PaperCopyStore.Loaded] {
        guard !input.copies.isEmpty else { throw PaperCopyError.noCopies }
        let (_, scope) = try await MaterialStore.visible(id, on: req)
        let (readers, names) = try await recipients(input.copies.map(\.personID), scope: scope, on: req.db)
        let lead = scope.leadCommitteeID
        return try await PaperCopyStore.mutate(id, picks: input.copies.map { .init(number: $0.number, version: $0.version) },
                                               action: "material.paper.handOut", requireOpen: true, on: req,
                                               authorize: office) { ledger, ctx in
            for h in input.copies {
                try ledger.handOut(h.number, to: readers[h.personID]!, named: names[h.personID] ?? "", leadCommitteeID: lead,
                                   actor: ctx.actor, at: ctx.now)
            }
            return input.copies.map { PersonAudit(number: $0.number, person: $0.personID) }
        }
    }

    // MARK: signature (签收): the recipient, or the office ticking it

    struct VersionInput: Content, Sendable { var version: Int }

    @discardableResult
    static func sign(_ id: Int, number: Int, _ input: VersionInput, on req: Request) async throws -> [PaperCopyStore.Loaded] {
        try await PaperCopyStore.mutate(id, picks: [.init(number: number, version: input.version)], action: "material.paper.sign",
                                        on: req, authorize: { _, _ in }) { ledger, ctx in
            let copy = try ledger.copy(number)
            let person = ctx.scope.reader.personID
            let signer: PaperCopy.Signer
            if let person, person == copy.recipientID {
                signer = .recipient(personID: person)
            } else if ctx.scope.canCompile {
                signer = .office
            } else {
                throw PaperCopyError.notYourCopy(number)
            }
            try ledger.update(number) { try $0.sign(as: signer, actor: ctx.actor, at: ctx.now) }
            return ["number": number, "byRecipient": signer == .office ? 0 : 1]
        }
    }

    // MARK: retrieval (会后清退), keeping, destruction and archiving

    struct PicksInput: Content, Sendable { var copies: [PaperCopyStore.Pick] }

    @discardableResult
    static func returnCopies(_ id: Int, _ input: PicksInput, on req: Request) async throws -> [PaperCopyStore.Loaded] {
        guard !input.copies.isEmpty else { throw PaperCopyError.noCopies }
        return try await PaperCopyStore.mutate(id, picks: input.copies, action: "material.paper.return", on: req,
                                               authorize: office) { ledger, ctx in
            var audit: [PersonAudit] = []
            for p in input.copies {
                try ledger.update(p.number) { try $0.returnToOffice(actor: ctx.actor, at: ctx.now) }
                audit.append(PersonAudit(number: p.number, person: try ledger.copy(p.number).recipientID ?? 0))
            }
            return audit
        }
    }

    struct KeepInput: Content, Sendable {
        var version: Int
        var reason: String
        var approvedBy: String
    }

    @discardableResult
    static func keep(_ id: Int, number: Int, _ input: KeepInput, on req: Request) async throws -> [PaperCopyStore.Loaded] {
        try await PaperCopyStore.mutate(id, picks: [.init(number: number, version: input.version)], action: "material.paper.keep",
                                        on: req, authorize: office) { ledger, ctx in
            try ledger.update(number) { try $0.keep(reason: input.reason, approvedBy: input.approvedBy, actor: ctx.actor, at: ctx.now) }
            let c = try ledger.copy(number)
            return ["number": "\(number)", "person": "\(c.recipientID ?? 0)", "reason": c.keeping?.reason ?? "",
                    "approvedBy": c.keeping?.approvedBy ?? ""]
        }
    }

    struct DisposeInput: Content, Sendable {
        var disposal: PaperCopy.Disposal
        var record: String
        var copies: [PaperCopyStore.Pick]
    }

    @discardableResult
    static func dispose(_ id: Int, _ input: DisposeInput, on req: Request) async throws -> [PaperCopyStore.Loaded] {
        guard !input.copies.isEmpty else { throw PaperCopyError.noCopies }
        return try await PaperCopyStore.mutate(id, picks: input.copies, action: "material.paper.\(input.disposal.rawValue)", on: req,
                                               authorize: office) { ledger, ctx in
            for p in input.copies {
                try ledger.update(p.number) { try $0.dispose(input.disposal, record: input.record, actor: ctx.actor, at: ctx.now) }
            }
            return ["numbers": input.copies.map(\.number).map(String.init).joined(separator: ","),
                    "record": input.record.trimmingCharacters(in: .whitespacesAndNewlines)]
        }
    }

    // MARK: classified files held from before (保守国家秘密法)

    struct PaperOnlyInput: Content, Sendable {
        var version: Int
        /// Delete the stored files and their text as well (on purpose, audited).
        var removeFiles: Bool?
    }

    struct PaperOnlyAudit: Encodable, Sendable {
        struct File: Encodable, Sendable { let version: Int; let fileName: String; let sha256: String }
        let filesRemoved: Bool
        let files: [File]
    }

    static func confirmPaperOnly(_ id: Int, _ input: PaperOnlyInput, on req: Request) async throws -> MaterialStore.Loaded {
        let remove = input.removeFiles ?? false
        return try await MaterialStore.mutate(id, expectedVersion: input.version, action: "material.paper.confirm", on: req,
                                              authorize: office, alsoSave: { _, db in
            if remove { try await MaterialFileModel.query(on: db).filter(\.$materialID == id).delete() }
        }) { m, ctx in
            try m.confirmPaperOnly(removeFiles: remove, on: ctx.scope.system, actor: ctx.actor, at: ctx.now)
            return PaperOnlyAudit(filesRemoved: remove,
                                  files: m.versions.map { .init(version: $0.number, fileName: $0.fileName, sha256: $0.sha256) })
        }
    }

    // MARK: reference materials sent in advance on paper (三(四).4), with a receipt

    struct SendAudit: Encodable, Sendable { let persons: [Int]; let copies: [PersonAudit] }

    /// A classified reference material on a non-classified system is sent as a printed copy:
    /// each leader joins the range by name and is handed the lowest copy in the office; their
    /// signature is the receipt. All or none.
    static func sendOnPaper(_ id: Int, persons: [Int], on req: Request) async throws -> MaterialStore.Loaded {
        let (loaded, scope) = try await MaterialStore.visible(id, on: req)
        try MaterialActions.distributor(loaded.material, scope)
        let (readers, names) = try await recipients(persons, scope: scope, on: req.db)
        let ctx = MaterialStore.context(scope, on: req)
        return try await req.change { db in
            guard let model = try await MaterialModel.find(id, on: db) else { throw MaterialStore.notFound() }
            var m = try MaterialStore.decode(model).material
            try MaterialActions.distributor(m, scope)
            try MaterialsClosure.requireOpen(try await PaperCopyStore.closure(symposiumID: m.symposiumID, on: db))
            for p in persons { try m.send(to: p, at: ctx.now) }
            let rows = try await PaperCopyModel.query(on: db).filter(\.$materialID == id).all()
            var before: [Int: (row: PaperCopyModel, copy: PaperCopy)] = [:]
            for row in rows { before[row.number] = (row, try PaperCopyStore.decode(row).copy) }
            var ledger = PaperCopyLedger(material: m, copies: before.values.map(\.copy))
            let needed = persons.filter { ledger.held(by: $0) == nil }
            guard needed.count <= ledger.inOffice.count else {
                throw PaperCopyError.notEnoughCopies(needed: needed.count, inOffice: ledger.inOffice.count)
            }
            var handed: [PersonAudit] = []
            for p in needed {
                let n = try ledger.handOutNext(to: readers[p]!, named: names[p] ?? "", leadCommitteeID: scope.leadCommitteeID,
                                               actor: ctx.actor, at: ctx.now)
                handed.append(PersonAudit(number: n, person: p))
            }
            try await MaterialStore.save(m, into: model, on: db)
            for copy in ledger.copies {
                guard let old = before[copy.number], old.copy != copy else { continue }
                try await PaperCopyStore.save(copy, into: old.row, on: db)
            }
            return (MaterialStore.Loaded(material: m, version: model.version),
                    [AuditChange("material.send", "material", String(id), after: SendAudit(persons: persons, copies: handed))])
        }
    }

    // MARK: closing the symposium's materials (文稿材料清退归档)

    struct CloseInput: Content, Sendable { var note: String? }

    struct CloseAudit: Encodable, Sendable {
        let note: String; let destroyed: Int; let archived: Int; let kept: Int
    }

    static func close(_ symposiumID: Int, _ input: CloseInput, on req: Request) async throws -> MaterialsClosure {
        let scope = try await MaterialAccessCheck.require(.compile, symposium: symposiumID, on: req)
        let actor = scope.principal.displayName
        let now = req.xieshang.clock.now()
        let system = scope.system
        return try await req.change { db in
            guard try await PaperCopyStore.closure(symposiumID: symposiumID, on: db) == nil else { throw PaperCopyError.materialsClosed }
            guard let symposium = try await SymposiumStore.load(symposiumID, on: db) else { throw NotFound.of("协商座谈会") }
            let materials = try await MaterialStore.all(symposiumID: symposiumID, on: db).map(\.material)
            let copies = try await PaperCopyStore.copies(symposiumID: symposiumID, on: db).values.flatMap { $0.map(\.copy) }
            let holders = Set(copies.compactMap(\.holderID))
            let persons = holders.isEmpty ? []
                : try await PersonModel.query(on: db).filter(\.$id ~~ Array(holders)).all()
            let names = Dictionary(persons.map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
            let closure = try MaterialsClosure.close(heldOn: symposium.symposium.heldOn, materials: materials, copies: copies,
                                                     system: system, personName: { names[$0] ?? "（已删除的人员）" },
                                                     note: input.note ?? "", actor: actor, at: now)
            let row = MaterialClosureModel()
            row.symposiumID = symposiumID
            row.body = try StoredJSON.text(closure)
            row.closedAt = now
            try await row.create(on: db)
            return (closure, [AuditChange("materials.close", "symposium", String(symposiumID),
                                          after: CloseAudit(note: closure.note, destroyed: closure.destroyed, archived: closure.archived,
                                                            kept: closure.kept))])
        }
    }
}
