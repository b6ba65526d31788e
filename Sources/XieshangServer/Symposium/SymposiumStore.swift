import Fluent
import Vapor
import XieshangCore

/// Symposia loaded from and saved to the database. Every change is a domain transition on the
/// whole `Symposium`, checked against the version the caller started from when it names one,
/// audited, and mirrored into the invitation index.
enum SymposiumStore {
    struct Loaded: Sendable {
        let id: Int
        let symposium: Symposium
        let version: Int
    }

    /// What a transition may need besides the symposium.
    struct Context: Sendable {
        let actor: String
        let principal: Principal
        let now: Date
        let today: Day
        let leadership: Leadership
        let calendar: WorkingCalendar
        let regulation: Regulation
    }

    private static let decoded = DecodeCache<Symposium>()

    static func decode(_ m: SymposiumModel) throws -> Loaded {
        let body = m.body
        return Loaded(id: m.id!, symposium: try decoded.value(id: m.id!, text: body) {
            try StoredJSON.value(Symposium.self, from: body, row: "symposia#\(m.id!)")
        }, version: m.version)
    }

    static func load(_ id: Int, on db: any Database) async throws -> Loaded? {
        try await SymposiumModel.find(id, on: db).map(decode)
    }

    /// A name merely proposed on the draft list is the committee's working paper: the person
    /// learns of the symposium with the pre-invitation.
    static func isInvited(_ p: Principal, to id: Int, on db: any Database) async throws -> Bool {
        guard let person = p.personID else { return false }
        return try await SymposiumInvitationModel.query(on: db).filter(\.$symposiumID == id)
            .filter(\.$personID == person).filter(\.$state != Invitee.State.proposed.rawValue).count() > 0
    }

    /// The symposium if this principal may see it; otherwise the same 404 as a missing one,
    /// so that guessing ids reveals nothing.
    static func visible(_ id: Int, for p: Principal, on db: any Database) async throws -> Loaded {
        // The invitation is looked up only for those who see a symposium by being invited.
        guard let loaded = try await load(id, on: db) else { throw NotFound.of("协商座谈会") }
        if p.may(.viewSymposium(invited: false)) { return loaded }
        guard try await p.may(.viewSymposium(invited: isInvited(p, to: id, on: db))) else {
            throw NotFound.of("协商座谈会")
        }
        return loaded
    }

    static func all(for p: Principal, on db: any Database) async throws -> [Loaded] {
        var q = SymposiumModel.query(on: db).sort(\.$date)
        if !p.may(.viewSymposium(invited: false)) {
            guard let person = p.personID else { return [] }
            let ids = try await SymposiumInvitationModel.query(on: db).filter(\.$personID == person)
                .filter(\.$state != Invitee.State.proposed.rawValue).all().map(\.symposiumID)
            q = q.filter(\.$id ~~ ids)
        }
        return try await q.all().map(decode)
    }

    static func context(_ req: Request) async throws -> Context {
        let p = try req.principal
        let now = req.xieshang.clock.now()
        return Context(actor: p.displayName, principal: p, now: now, today: Day(now),
                       leadership: try await Leadership.load(on: req.db), calendar: req.xieshang.calendar.calendar,
                       regulation: req.xieshang.regulation)
    }

    static func create(year: Int, topicID: Int, viceChairInChargeID: Int?, host: SymposiumHost, on req: Request) async throws -> Loaded {
        try req.require(.createSymposium)
        let ctx = try await context(req)
        guard let (plan, _) = try await PlanningStore.plan(year: year, on: req.db) else { throw NotFound.of("\(year)年度协商计划") }
        var s = try Symposium.create(from: plan, topicID: topicID, viceChairInChargeID: viceChairInChargeID, host: host,
                                     chairID: ctx.leadership.chairID, viceChairIDs: ctx.leadership.viceChairIDs,
                                     regulation: ctx.regulation)
        s.implementationPlan.content.topic = s.topic
        let created = s
        let id: Int = try await req.change { db in
            if try await SymposiumModel.query(on: db).filter(\.$year == year).filter(\.$topicID == topicID).count() > 0 {
                throw SymposiumError.alreadyCreated
            }
            let m = SymposiumModel()
            try await save(created, into: m, version: 1, on: db)
            return (m.id!, [AuditChange("symposium.create", "symposium", String(m.id!),
                                        after: ["year": String(year), "topic": created.topic, "date": created.date.iso])])
        }
        return Loaded(id: id, symposium: created, version: 1)
    }

    /// Loads, authorizes against the loaded symposium, checks the version, applies the
    /// transition and saves. A refusal changes nothing. The transition returns what the
    /// audit entry records.
    @discardableResult
    /// `alongside` runs in the same transaction after the transition, with the symposium before
    /// and after it and the new version: what must commit with the change or not at all (the
    /// mails it queues, `MailOutbox`).
    static func mutate(_ id: Int, expectedVersion: Int? = nil, action: String, on req: Request,
                       authorize: @escaping @Sendable (Symposium, Principal) throws -> Void,
                       alongside: (@Sendable (_ before: Symposium, _ after: Symposium, _ version: Int, any Database) async throws -> Void)? = nil,
                       _ transition: @escaping @Sendable (inout Symposium, Context) throws -> (any Encodable & Sendable)?)
        async throws -> Loaded {
        let ctx = try await context(req)
        // Visibility first: an invisible symposium is "not found" for writes too.
        _ = try await visible(id, for: ctx.principal, on: req.db)
        return try await req.change { db in
            guard let m = try await SymposiumModel.find(id, on: db) else { throw NotFound.of("协商座谈会") }
            let loaded = try decode(m)
            try authorize(loaded.symposium, ctx.principal)
            if let expectedVersion, expectedVersion != m.version {
                throw Refusal(.conflict, code: "version_conflict", message: "协商座谈会的筹备信息已被他人修改，请刷新后重试。")
            }
            var s = loaded.symposium
            let detail = try transition(&s, ctx)
            try await alongside?(loaded.symposium, s, m.version + 1, db)
            try await save(s, into: m, version: m.version + 1, on: db)
            return (Loaded(id: id, symposium: s, version: m.version),
                    [AuditChange(action, "symposium", String(id), after: detail)])
        }
    }

    private static func save(_ s: Symposium, into m: SymposiumModel, version: Int, on db: any Database) async throws {
        m.year = s.year
        m.topicID = s.topicID
        m.leadCommitteeID = s.leadCommitteeID
        m.date = s.date.iso
        let body = try StoredJSON.text(s)
        m.body = body
        m.version = version
        try await m.save(on: db)
        let id = m.id!
        decoded.remember(id: id, text: body, value: s)
        try await SymposiumInvitationModel.query(on: db).filter(\.$symposiumID == id).delete()
        for invitee in s.invitees {
            let row = SymposiumInvitationModel()
            row.symposiumID = id
            row.personID = invitee.personID
            row.state = invitee.state.rawValue
            row.date = s.date.iso
            try await row.create(on: db)
        }
    }

    // MARK: authorizations used by the routes

    @Sendable static func preparer(_ s: Symposium, _ p: Principal) throws {
        try p.require(.prepareSymposium(leadCommitteeID: s.leadCommitteeID))
    }

    @Sendable static func office(_ s: Symposium, _ p: Principal) throws {
        try p.require(.actForOffice)
    }
}
