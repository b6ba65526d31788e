import Fluent
import Vapor
import XieshangCore

/// Materials loaded from and saved to the database. Every path that reveals a material goes
/// through `scope`/`visible`/`visibleList`, which ask `MaterialAccess.canSee` and nothing else;
/// a material the caller may not see is "not found", exactly as one that does not exist.
/// Every change is a domain call on the whole `Material`, audited in the same transaction.
enum MaterialStore {
    struct Loaded: Sendable {
        let material: Material
        /// The row's version, for the optimistic check of writes that name one.
        let version: Int
        var id: Int { material.id }
    }

    /// The symposium a material path is about, and the caller as the secrecy rule sees them.
    struct Scope: Sendable {
        let symposium: SymposiumStore.Loaded
        let principal: Principal
        let reader: MaterialReader
        /// Whether the caller may open the symposium's other pages (`Permission.viewSymposium`).
        let seesSymposium: Bool
        /// What the deployment is: on a non-classified system 秘密 and 机密 materials are paper only.
        let system: SystemClassification

        var symposiumID: Int { symposium.id }
        var leadCommitteeID: Int { symposium.symposium.leadCommitteeID }

        /// When the symposium's materials are owed under the Regulation.
        func dues(on req: Request) -> MaterialDueDays {
            req.xieshang.regulation.materialDues.days(before: symposium.symposium.date, calendar: req.xieshang.calendar.calendar)
        }

        func canSee(_ m: Material) -> Bool { MaterialAccess.canSee(m, reader, leadCommitteeID: leadCommitteeID) }
        /// The office, the producer and the lead committee: they work on the material and see
        /// its drafts, review and earlier versions; everyone else sees only the issued version.
        func works(on m: Material) -> Bool { MaterialAccess.canUpload(m, reader, leadCommitteeID: leadCommitteeID) }
        var canReview: Bool { MaterialAccess.canReview(reader, leadCommitteeID: leadCommitteeID) }
        var canDistribute: Bool { MaterialAccess.canDistribute(reader, leadCommitteeID: leadCommitteeID) }
        /// Compiling and issuing packets: the office (三(四) "由办公室汇总印发"); so is the register
        /// of printed copies: registering, handing out, retrieving, destroying, archiving.
        var canCompile: Bool { MaterialAccess.canCompile(reader) }
    }

    /// What a transition may need besides the material.
    struct Context: Sendable {
        let actor: String
        let principal: Principal
        let now: Date
        let scope: Scope
    }

    static func decode(_ m: MaterialModel) throws -> Loaded {
        var material = try StoredJSON.value(Material.self, from: m.body, row: "materials#\(m.id ?? 0)")
        material.id = m.id!
        material.symposiumID = m.symposiumID
        return Loaded(material: material, version: m.version)
    }

    static func all(symposiumID: Int, on db: any Database) async throws -> [Loaded] {
        try await MaterialModel.query(on: db).filter(\.$symposiumID == symposiumID).sort(\.$id).all().map(decode)
            .sorted { MaterialPacket.inPacketOrder($0.material, $1.material) }
    }

    /// The materials of several symposia at once, by symposium.
    static func all(symposiumIDs: [Int], on db: any Database) async throws -> [Int: [Material]] {
        guard !symposiumIDs.isEmpty else { return [:] }
        let rows = try await MaterialModel.query(on: db).filter(\.$symposiumID ~~ symposiumIDs).sort(\.$id).all()
        return Dictionary(grouping: try rows.map { try decode($0).material }, by: \.symposiumID)
    }

    /// The timeline's "汇总印发文稿材料" is done when there are materials and every one can be issued.
    static func allIssuable(_ materials: [Material]) -> Bool {
        !materials.isEmpty && materials.allSatisfy(\.isIssuable)
    }

    static func notFound() -> Refusal { NotFound.of("文稿材料") }

    /// The caller and the symposium; 404 only when the symposium does not exist (whether the
    /// caller may know of it is decided by what it sees there, see `visibleList`).
    static func scope(_ symposiumID: Int, on req: Request) async throws -> Scope {
        let p = try req.principal
        guard let loaded = try await SymposiumStore.load(symposiumID, on: req.db) else { throw NotFound.of("协商座谈会") }
        let sees = try await p.may(.viewSymposium(invited: SymposiumStore.isInvited(p, to: symposiumID, on: req.db)))
        return Scope(symposium: loaded, principal: p, reader: MaterialReaders.reader(p, in: loaded.symposium), seesSymposium: sees,
                     system: req.xieshang.config.systemClassification)
    }

    /// The symposium's materials the caller may see, in the packet's order. A caller who may
    /// neither see the symposium nor any of its materials gets the symposium's 404.
    static func visibleList(_ symposiumID: Int, on req: Request) async throws -> (Scope, [Loaded]) {
        let scope = try await scope(symposiumID, on: req)
        let visible = try await all(symposiumID: symposiumID, on: req.db).filter { scope.canSee($0.material) }
        guard scope.seesSymposium || !visible.isEmpty else { throw NotFound.of("协商座谈会") }
        return (scope, visible)
    }

    /// The material if the caller may see it, else the same 404 as for a missing one. With
    /// `symposiumID` (page paths name both), a material of another symposium is missing too.
    static func visible(_ id: Int, symposiumID: Int? = nil, on req: Request) async throws -> (Loaded, Scope) {
        _ = try req.principal  // "who are you?" before "not found"
        guard let m = try await MaterialModel.find(id, on: req.db), symposiumID == nil || m.symposiumID == symposiumID else {
            throw notFound()
        }
        let loaded = try decode(m)
        let scope = try await scope(m.symposiumID, on: req)
        guard scope.canSee(loaded.material) else { throw notFound() }
        return (loaded, scope)
    }

    // MARK: changes

    static func context(_ scope: Scope, on req: Request) -> Context {
        Context(actor: scope.principal.displayName, principal: scope.principal, now: req.xieshang.clock.now(), scope: scope)
    }

    static func create(_ material: Material, on req: Request) async throws -> Loaded {
        let created: Loaded = try await req.change { db in
            let m = MaterialModel()
            m.symposiumID = material.symposiumID
            m.kind = material.kind.rawValue
            m.body = try encode(material)
            m.version = 1
            try await m.create(on: db)
            var stored = material
            stored.id = m.id!
            m.body = try encode(stored)
            try await m.save(on: db)
            return (Loaded(material: stored, version: 1),
                    [AuditChange("material.create", "material", String(m.id!), after: AuditSummary(stored))])
        }
        return created
    }

    /// Loads, authorizes against the loaded material, checks the version, applies the
    /// transition, saves, then runs `alsoSave` (a file row, say) in the same transaction. A
    /// refusal changes nothing. The transition returns what the audit entry records.
    @discardableResult
    static func mutate(_ id: Int, expectedVersion: Int? = nil, action: String, on req: Request,
                       authorize: @escaping @Sendable (Material, Scope) throws -> Void,
                       alsoSave: (@Sendable (Material, any Database) async throws -> Void)? = nil,
                       _ transition: @escaping @Sendable (inout Material, Context) throws -> (any Encodable & Sendable)?)
        async throws -> Loaded {
        // Visibility first: an invisible material is "not found" for writes too.
        let (_, scope) = try await visible(id, on: req)
        let ctx = context(scope, on: req)
        return try await req.change { db in
            guard let m = try await MaterialModel.find(id, on: db) else { throw notFound() }
            let loaded = try decode(m)
            try authorize(loaded.material, scope)
            if let expectedVersion, expectedVersion != m.version {
                throw Refusal(.conflict, code: "version_conflict", message: "这份材料已被他人修改，请刷新后重试。")
            }
            var material = loaded.material
            let detail = try transition(&material, ctx)
            try await save(material, into: m, on: db)
            try await alsoSave?(material, db)
            return (Loaded(material: material, version: m.version), [AuditChange(action, "material", String(id), after: detail)])
        }
    }

    static func save(_ material: Material, into m: MaterialModel, on db: any Database) async throws {
        m.kind = material.kind.rawValue
        m.body = try encode(material)
        m.version += 1
        try await m.save(on: db)
    }

    static func encode(_ material: Material) throws -> String {
        try StoredJSON.text(material)
    }

    /// What the audit log records of a material: its identity and classification, not its text.
    struct AuditSummary: Encodable, Sendable {
        let symposium: Int
        let kind: MaterialKind
        let title: String
        let producer: Producer
        let secrecy: SecrecyLevel
        let period: String?
        let distribution: Distribution
        let due: String?

        init(_ m: Material) {
            symposium = m.symposiumID
            kind = m.kind
            title = m.title
            producer = m.producer
            secrecy = m.secrecy
            period = m.secrecyPeriod?.chinese
            distribution = m.distribution
            due = m.due?.iso
        }
    }
}
