import Fluent
import Vapor
import XieshangCore

/// Outcomes and their follow-up items loaded from and saved to the database. Every change is a
/// domain transition on the whole `Outcome` or `FollowUpItem`, checked against the version the
/// caller started from, audited, in one transaction; a refusal changes nothing.
enum OutcomeStore {
    struct Loaded: Sendable {
        let id: Int
        let outcome: Outcome
        let version: Int
        /// The symposium's lead committee: it rates replies and tracks items (三(五)).
        let leadCommitteeID: Int
        let items: [FollowUpItem]
        /// Each item's stored version, by item id: an edit of an item names the one it saw.
        let itemVersions: [Int: Int]
    }

    /// What a transition may need besides the outcome.
    struct Context: Sendable {
        let actor: String
        let principal: Principal
        let now: Date
        let today: Day
        let calendar: WorkingCalendar
        let regulation: Regulation
    }

    static func context(_ req: Request) throws -> Context {
        let p = try req.principal
        let now = req.xieshang.clock.now()
        return Context(actor: p.displayName, principal: p, now: now, today: Day(now),
                       calendar: req.xieshang.calendar.calendar, regulation: req.xieshang.regulation)
    }

    static func decode(_ m: OutcomeModel) throws -> Outcome {
        var o = try StoredJSON.value(Outcome.self, from: m.body, row: "outcomes#\(m.id ?? 0)")
        o.id = m.id!
        o.symposiumID = m.symposiumID
        return o
    }

    static func decode(_ m: FollowUpItemModel) throws -> FollowUpItem {
        var i = try StoredJSON.value(FollowUpItem.self, from: m.body, row: "follow_up_items#\(m.id ?? 0)")
        i.id = m.id!
        i.outcomeID = m.outcomeID
        return i
    }

    static func items(of outcomeIDs: [Int], on db: any Database) async throws -> [FollowUpItem] {
        try await itemRows(of: outcomeIDs, on: db).map(decode)
    }

    private static func itemRows(of outcomeIDs: [Int], on db: any Database) async throws -> [FollowUpItemModel] {
        guard !outcomeIDs.isEmpty else { return [] }
        return try await FollowUpItemModel.query(on: db).filter(\.$outcomeID ~~ outcomeIDs).sort(\.$id).all()
    }

    static func leadCommittees(_ symposiumIDs: [Int], on db: any Database) async throws -> [Int: Int] {
        guard !symposiumIDs.isEmpty else { return [:] }
        let rows = try await SymposiumModel.query(on: db).filter(\.$id ~~ symposiumIDs).all()
        return Dictionary(rows.map { ($0.id!, $0.leadCommitteeID) }, uniquingKeysWith: { a, _ in a })
    }

    static func loaded(_ models: [OutcomeModel], on db: any Database) async throws -> [Loaded] {
        let rows = try await itemRows(of: models.compactMap(\.id), on: db)
        let items = try rows.map(decode)
        let versions = Dictionary(rows.map { ($0.id!, $0.version) }, uniquingKeysWith: { a, _ in a })
        let leads = try await leadCommittees(Array(Set(models.map(\.symposiumID))), on: db)
        return try models.map { m in
            let own = items.filter { $0.outcomeID == m.id! }
            return Loaded(id: m.id!, outcome: try decode(m), version: m.version, leadCommitteeID: leads[m.symposiumID] ?? 0,
                          items: own, itemVersions: versions.filter { id, _ in own.contains { $0.id == id } })
        }
    }

    static func load(_ id: Int, on db: any Database) async throws -> Loaded? {
        guard let m = try await OutcomeModel.find(id, on: db) else { return nil }
        return try await loaded([m], on: db).first
    }

    /// The outcome if this principal may see it; otherwise the same 404 as a missing one.
    static func visible(_ id: Int, for p: Principal, on db: any Database) async throws -> Loaded {
        guard let l = try await load(id, on: db), OutcomeAccess.sees(l, p) else { throw NotFound.of("协商成果") }
        return l
    }

    /// Every outcome this principal may see, of one symposium or of all.
    static func all(symposiumID: Int? = nil, for p: Principal, on db: any Database) async throws -> [Loaded] {
        var q = OutcomeModel.query(on: db).sort(\.$id)
        if let symposiumID { q = q.filter(\.$symposiumID == symposiumID) }
        return try await loaded(try await q.all(), on: db).filter { OutcomeAccess.sees($0, p) }
    }

    /// Of these symposia, those whose outcomes are sent: at least one outcome, none still
    /// drafted (the timeline's 报送协商成果 step is done). Reads the state column only.
    static func allSent(symposiumIDs ids: [Int], on db: any Database) async throws -> Set<Int> {
        guard !ids.isEmpty else { return [] }
        let rows = try await OutcomeModel.query(on: db).filter(\.$symposiumID ~~ ids)
            .field(\.$symposiumID).field(\.$state).all()
        var drafting = Set<Int>(), any = Set<Int>()
        for row in rows {
            any.insert(row.symposiumID)
            if row.state != Outcome.State.sent.rawValue { drafting.insert(row.symposiumID) }
        }
        return any.subtracting(drafting)
    }

    static func save(_ o: Outcome, into m: OutcomeModel, version: Int, on db: any Database) async throws {
        m.symposiumID = o.symposiumID
        m.state = o.state.rawValue
        m.due = o.due.day.iso
        m.body = try StoredJSON.text(o)
        m.version = version
        try await m.save(on: db)
    }

    static func save(_ i: FollowUpItem, into m: FollowUpItemModel, version: Int, on db: any Database) async throws {
        m.outcomeID = i.outcomeID
        m.ownerDepartmentID = i.ownerDepartmentID
        m.due = i.due.iso
        m.status = i.status.rawValue
        m.body = try StoredJSON.text(i)
        m.version = version
        try await m.save(on: db)
    }

    /// A new draft of the office for a held symposium (三(五)).
    static func create(symposiumID: Int, form: OutcomeForm, title: String, body: String, on req: Request) async throws -> Loaded {
        let ctx = try context(req)
        let symposium = try await SymposiumStore.visible(symposiumID, for: ctx.principal, on: req.db).symposium
        guard let held = symposium.heldOn else { throw OutcomeRefusal.symposiumNotHeld }
        let draft = try Outcome(symposiumID: symposiumID, symposiumDay: held, form: form, title: title, body: body,
                                draftedBy: ctx.actor, at: ctx.now, calendar: ctx.calendar, regulation: ctx.regulation)
        let id: Int = try await req.change { db in
            let m = OutcomeModel()
            try await save(draft, into: m, version: 1, on: db)
            return (m.id!, [AuditChange("outcome.create", "outcome", String(m.id!),
                                        after: ["symposium": String(symposiumID), "form": form.rawValue, "title": draft.title])])
        }
        guard let l = try await load(id, on: req.db) else { throw NotFound.of("协商成果") }
        return l
    }

    /// Loads, authorizes against the loaded outcome, checks the version, applies the
    /// transition and saves, in one transaction. The transition returns what the audit records.
    @discardableResult
    static func mutate(_ id: Int, expectedVersion: Int?, action: String, on req: Request,
                       authorize: @escaping @Sendable (Loaded, Principal) throws -> Void,
                       _ transition: @escaping @Sendable (inout Outcome, Context) throws -> (any Encodable & Sendable)?)
        async throws -> Loaded {
        let ctx = try context(req)
        _ = try await visible(id, for: ctx.principal, on: req.db)
        try await req.change { db in
            guard let m = try await OutcomeModel.find(id, on: db), let l = try await loaded([m], on: db).first else {
                throw NotFound.of("协商成果")
            }
            try authorize(l, ctx.principal)
            try checkVersion(expectedVersion, m.version)
            var o = l.outcome
            let detail = try transition(&o, ctx)
            try await save(o, into: m, version: m.version + 1, on: db)
            return ((), [AuditChange(action, "outcome", String(id), after: detail)])
        }
        guard let l = try await load(id, on: req.db) else { throw NotFound.of("协商成果") }
        return l
    }

    /// A new follow-up item of a visible outcome.
    static func createItem(_ outcomeID: Int, title: String, ownerDepartmentID: Int, due: Day, on req: Request) async throws -> Loaded {
        let ctx = try context(req)
        _ = try await visible(outcomeID, for: ctx.principal, on: req.db)
        guard try await DepartmentModel.find(ownerDepartmentID, on: req.db) != nil else { throw OutcomeRefusal.unknownDepartment }
        let item = try FollowUpItem(outcomeID: outcomeID, title: title, ownerDepartmentID: ownerDepartmentID, due: due,
                                    by: ctx.actor, at: ctx.now)
        try await req.change { db in
            let m = FollowUpItemModel()
            try await save(item, into: m, version: 1, on: db)
            return ((), [AuditChange("follow_up.create", "follow_up_item", String(m.id!),
                                     after: ["outcome": String(outcomeID), "title": item.title, "due": due.iso])])
        }
        guard let l = try await load(outcomeID, on: req.db) else { throw NotFound.of("协商成果") }
        return l
    }

    /// Applies one change to a follow-up item of the outcome, as `mutate` does.
    @discardableResult
    static func mutateItem(_ outcomeID: Int, itemID: Int, expectedVersion: Int, action: String, on req: Request,
                           _ transition: @escaping @Sendable (inout FollowUpItem, Context) throws -> (any Encodable & Sendable)?)
        async throws -> Loaded {
        let ctx = try context(req)
        _ = try await visible(outcomeID, for: ctx.principal, on: req.db)
        try await req.change { db in
            guard let m = try await FollowUpItemModel.find(itemID, on: db), m.outcomeID == outcomeID else {
                throw NotFound.of("落实事项")
            }
            try checkVersion(expectedVersion, m.version)
            var item = try decode(m)
            let detail = try transition(&item, ctx)
            try await save(item, into: m, version: m.version + 1, on: db)
            return ((), [AuditChange(action, "follow_up_item", String(itemID), after: detail)])
        }
        guard let l = try await load(outcomeID, on: req.db) else { throw NotFound.of("协商成果") }
        return l
    }

    private static func checkVersion(_ expected: Int?, _ actual: Int) throws {
        if let expected, expected != actual {
            throw Refusal(.conflict, code: "version_conflict", message: "内容已被他人修改，请刷新后重试。")
        }
    }
}

/// Refusals of the server side of outcomes.
enum OutcomeRefusal {
    static let symposiumNotHeld = Refusal(.conflict, code: "symposium_not_held",
                                          message: "协商座谈会尚未召开，召开后才能起草协商成果。")
    static let unknownDepartment = Refusal(.invalid, code: "unknown_department", message: "没有这个部门。")
    static let unknownLeader = Refusal(.invalid, code: "unknown_leader", message: "报送的县领导须是人员名册中的县领导。")
    static let badDocumentNumber = Refusal(.invalid, code: "invalid_document_number",
                                           message: "发文字号格式应如“安政协建〔2026〕1号”：年份用六角括号，序号不编虚位。")
    static let badDay = Refusal(.invalid, code: "invalid_date", message: "日期格式应为“年-月-日”，如2027-03-18。")
    static let badAction = Refusal(.invalid, code: "invalid_action", message: "没有这项办理操作。")
}
