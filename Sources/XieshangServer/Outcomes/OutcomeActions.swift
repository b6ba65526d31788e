import Fluent
import Vapor
import XieshangCore

/// What the API and the pages do to outcomes: each action authorizes (404, then 403), then
/// validates and applies one domain transition. Inputs are shared by both.
enum OutcomeActions {
    struct CreateInput: Content, Sendable {
        var form: OutcomeForm
        var title: String
        var body: String?
    }

    struct RecipientInput: Content, Sendable {
        var kind: String
        var id: Int
        var handles: Bool?
    }

    struct EditInput: Content, Sendable {
        var version: Int
        var title: String
        var body: String
        var form: OutcomeForm
        var links: OutcomeLinks?
        var recipients: [RecipientInput]
        /// Empty or absent: none yet.
        var documentNumber: String?
    }

    struct VersionInput: Content, Sendable { var version: Int }

    struct AssignInput: Content, Sendable {
        var version: Int
        var departmentID: Int
    }

    /// One step of a handling: `accept`, `returnToOffice` (reason), `reply` (text and/or
    /// documentName, result), `rate` (satisfaction, comments), `rehandle` (reason), `reassign`.
    struct HandlingInput: Content, Sendable {
        var version: Int
        var action: String
        var reason: String?
        var text: String?
        var documentName: String?
        var result: HandlingResult?
        var satisfaction: Satisfaction?
        var comments: String?
    }

    struct ItemInput: Content, Sendable {
        var title: String
        var ownerDepartmentID: Int
        var due: String
    }

    struct ItemStatusInput: Content, Sendable {
        var version: Int
        var status: FollowUpItem.Status
        var reason: String?
    }

    struct ItemNoteInput: Content, Sendable {
        var version: Int
        var text: String
        /// The day the progress happened; today when absent.
        var date: String?
    }

    static func day(_ s: String?) throws -> Day? {
        guard let s, !s.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        guard let d = Day(iso: s.trimmingCharacters(in: .whitespaces)) else { throw OutcomeRefusal.badDay }
        return d
    }

    // MARK: drafting and sending (三(五))

    static func create(_ symposiumID: Int, _ input: CreateInput, on req: Request) async throws -> OutcomeStore.Loaded {
        try await OutcomeStore.create(symposiumID: symposiumID, form: input.form, title: input.title, body: input.body ?? "",
                                      on: req)
    }

    static func edit(_ id: Int, _ input: EditInput, on req: Request) async throws -> OutcomeStore.Loaded {
        let l = try await OutcomeAccess.require(.office, id, on: req)
        var addressees: [OutcomeRecipient.Addressee] = []
        var handling = Set<Int>()
        let leaders = Set(try await PersonModel.query(on: req.db).filter(\.$kind == PersonKind.leader.rawValue).all().compactMap(\.id))
        let departments = Set(try await DepartmentModel.query(on: req.db).all().compactMap(\.id))
        for r in input.recipients {
            switch r.kind {
            case "leader":
                guard leaders.contains(r.id) else { throw OutcomeRefusal.unknownLeader }
                addressees.append(.leader(personID: r.id))
            case "department":
                guard departments.contains(r.id) else { throw OutcomeRefusal.unknownDepartment }
                addressees.append(.department(r.id))
                if r.handles == true { handling.insert(r.id) }
            default:
                throw Refusal(.invalid, code: "invalid_request", message: "报送对象的类别应为 leader 或 department。")
            }
        }
        var number: DocumentNumber?
        if let text = input.documentNumber?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let n = DocumentNumber(parsing: text) else { throw OutcomeRefusal.badDocumentNumber }
            number = n
        }
        let symposiumID = l.outcome.symposiumID
        let speeches = try await LiveStore.load(symposiumID, on: req.db)?.0.heldSpeeches ?? []
        // A material the editor may not see cannot be linked: it is as unknown as a missing one.
        let scope = try await MaterialStore.scope(symposiumID, on: req)
        let materials = try await MaterialStore.all(symposiumID: symposiumID, on: req.db).map(\.material)
            .filter(scope.canSee)
        let research = try await SymposiumStore.load(symposiumID, on: req.db)?.symposium.research ?? []
        let chosen = number, links = input.links ?? OutcomeLinks(), recipients = addressees, handlers = handling
        return try await OutcomeStore.mutate(id, expectedVersion: input.version, action: "outcome.edit", on: req,
                                             authorize: office) { o, ctx in
            try o.edit(title: input.title, body: input.body)
            try o.setForm(input.form, regulation: ctx.regulation)
            try o.setLinks(links, speeches: speeches, materials: materials, research: research)
            try o.setRecipients(recipients, handlingDepartments: handlers)
            try o.setDocumentNumber(chosen)
            return ["title": o.title, "form": o.form.rawValue, "documentNumber": o.documentNumber?.text ?? ""]
        }
    }

    static func send(_ id: Int, _ input: VersionInput, on req: Request) async throws -> OutcomeStore.Loaded {
        try await OutcomeAccess.require(.office, id, on: req)
        return try await OutcomeStore.mutate(id, expectedVersion: input.version, action: "outcome.send", on: req,
                                             authorize: office) { o, ctx in
            try o.send(by: ctx.actor, at: ctx.now, calendar: ctx.calendar, regulation: ctx.regulation)
            return ["recipients": String(o.recipients.count), "handlings": String(o.handlings.count),
                    "onTime": String(o.sentOnTime ?? false)]
        }
    }

    static func acknowledge(_ id: Int, _ input: VersionInput, on req: Request) async throws -> OutcomeStore.Loaded {
        try await OutcomeAccess.require(.acknowledge, id, on: req)
        return try await OutcomeStore.mutate(id, expectedVersion: input.version, action: "outcome.acknowledge", on: req,
                                             authorize: { l, p in
            guard OutcomeAccess.addressee(l.outcome, p) != nil else { throw AccessError.forbidden }
        }) { o, ctx in
            guard let a = OutcomeAccess.addressee(o, ctx.principal) else { throw AccessError.forbidden }
            try o.acknowledge(a, by: ctx.actor, at: ctx.now)
            return ["recipient": "\(a.chineseKind)\(a.departmentID ?? a.personID ?? 0)"]
        }
    }

    static func assign(_ id: Int, _ input: AssignInput, on req: Request) async throws -> OutcomeStore.Loaded {
        try await OutcomeAccess.require(.office, id, on: req)
        guard try await DepartmentModel.find(input.departmentID, on: req.db) != nil else { throw OutcomeRefusal.unknownDepartment }
        return try await OutcomeStore.mutate(id, expectedVersion: input.version, action: "outcome.assign", on: req,
                                             authorize: office) { o, ctx in
            let h = try o.assignHandling(departmentID: input.departmentID, by: ctx.actor, at: ctx.now, calendar: ctx.calendar,
                                         regulation: ctx.regulation)
            return ["handling": String(h.id), "department": String(input.departmentID)]
        }
    }

    // MARK: handling (三(五) "送交相关部门办理")

    static func handle(_ id: Int, handlingID hid: Int, _ input: HandlingInput, on req: Request) async throws -> OutcomeStore.Loaded {
        try await OutcomeAccess.require(.handle(hid), id, on: req)
        let action = input.action
        guard ["accept", "returnToOffice", "reply", "rate", "rehandle", "reassign"].contains(action) else {
            throw OutcomeRefusal.badAction
        }
        if action == "reply", input.result == nil {
            throw Refusal(.invalid, code: "handling_result_required", message: "请选择办理结果。")
        }
        if action == "rate", input.satisfaction == nil {
            throw Refusal(.invalid, code: "handling_satisfaction_required", message: "请选择测评结果。")
        }
        return try await OutcomeStore.mutate(id, expectedVersion: input.version, action: "handling.\(action)", on: req,
                                             authorize: { l, p in
            guard let h = l.outcome.handling(hid) else { throw OutcomeError.handlingNotFound }
            let allowed: Bool
            switch action {
            case "accept", "returnToOffice", "reply": allowed = OutcomeAccess.isHandler(h, p)
            case "rate", "rehandle": allowed = OutcomeAccess.isLeadCommittee(l, p)
            default: allowed = p.may(.actForOffice)
            }
            guard allowed else { throw AccessError.forbidden }
        }) { o, ctx in
            try o.updateHandling(hid) { h in
                switch action {
                case "accept": try h.accept(by: ctx.actor, at: ctx.now, calendar: ctx.calendar, regulation: ctx.regulation)
                case "returnToOffice": try h.returnToOffice(reason: input.reason ?? "", by: ctx.actor, at: ctx.now)
                case "reply":
                    try h.reply(text: input.text ?? "", documentName: input.documentName ?? "", result: input.result!,
                                by: ctx.actor, at: ctx.now, calendar: ctx.calendar, regulation: ctx.regulation)
                case "rate": try h.rate(input.satisfaction!, comments: input.comments ?? "", by: ctx.actor, at: ctx.now)
                case "rehandle":
                    try h.rehandle(reason: input.reason ?? "", by: ctx.actor, at: ctx.now, calendar: ctx.calendar,
                                   regulation: ctx.regulation)
                default:
                    try h.reassign(note: input.reason ?? "", by: ctx.actor, at: ctx.now, calendar: ctx.calendar,
                                   regulation: ctx.regulation)
                }
            }
            return ["handling": String(hid), "state": o.handling(hid)?.state.rawValue ?? ""]
        }
    }

    // MARK: follow-up items (三(五) "对需要落实事项进行跟踪")

    static func createItem(_ id: Int, _ input: ItemInput, on req: Request) async throws -> OutcomeStore.Loaded {
        let l = try await OutcomeAccess.require(.track, id, on: req)
        try l.outcome.checkAcceptsFollowUpItems()
        guard let due = try day(input.due) else { throw OutcomeRefusal.badDay }
        return try await OutcomeStore.createItem(id, title: input.title, ownerDepartmentID: input.ownerDepartmentID, due: due,
                                                 on: req)
    }

    static func setItemStatus(_ id: Int, itemID: Int, _ input: ItemStatusInput, on req: Request) async throws -> OutcomeStore.Loaded {
        try await OutcomeAccess.require(.track, id, on: req)
        return try await OutcomeStore.mutateItem(id, itemID: itemID, expectedVersion: input.version,
                                                 action: "follow_up.status", on: req) { item, ctx in
            try item.setStatus(input.status, reason: input.reason ?? "", by: ctx.actor, at: ctx.now)
            return ["status": input.status.rawValue]
        }
    }

    static func addItemNote(_ id: Int, itemID: Int, _ input: ItemNoteInput, on req: Request) async throws -> OutcomeStore.Loaded {
        try await OutcomeAccess.require(.note(itemID), id, on: req)
        let date = try day(input.date)
        return try await OutcomeStore.mutateItem(id, itemID: itemID, expectedVersion: input.version,
                                                 action: "follow_up.note", on: req) { item, ctx in
            try item.addNote(input.text, date: date ?? ctx.today, by: ctx.actor, at: ctx.now)
            return ["notes": String(item.notes.count)]
        }
    }

    @Sendable static func office(_ l: OutcomeStore.Loaded, _ p: Principal) throws {
        try p.require(.actForOffice)
    }
}
