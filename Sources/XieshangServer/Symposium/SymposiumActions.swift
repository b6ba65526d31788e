import Fluent
import Vapor
import XieshangCore

/// What the pages and the API can do to a symposium, once: parse nothing, authorize, call
/// the domain through `SymposiumStore.mutate`.
enum SymposiumActions {
    struct CreateInput: Content, Sendable {
        var year: Int
        var topicID: Int
        var viceChairInChargeID: Int?
        var hostID: Int?
        var entrustmentNote: String?
    }

    static func create(_ input: CreateInput, on req: Request) async throws -> SymposiumStore.Loaded {
        let leadership = try await Leadership.load(on: req.db)
        let host = try makeHost(hostID: input.hostID, note: input.entrustmentNote, leadership: leadership,
                                today: Day(req.xieshang.clock.now()))
        return try await SymposiumStore.create(year: input.year, topicID: input.topicID,
                                               viceChairInChargeID: input.viceChairInChargeID, host: host, on: req)
    }

    /// The chair hosts unless another is named; a vice chair needs the chair's entrustment,
    /// which the office records with its note (一.2).
    static func makeHost(hostID: Int?, note: String?, leadership: Leadership, today: Day) throws -> SymposiumHost {
        guard let host = hostID ?? leadership.chairID else {
            throw Refusal(.invalid, code: "host_required", message: "系统中没有登记县政协主席，请指定主持人。")
        }
        if host == leadership.chairID { return SymposiumHost(personID: host) }
        let note = (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty, let chair = leadership.chairID else { return SymposiumHost(personID: host) }
        return SymposiumHost(personID: host, entrustment: .init(byPersonID: chair, on: today, note: note))
    }

    struct ArrangementsInput: Content, Sendable {
        var version: Int
        var place: String
        var startTime: String
        var hostID: Int?
        var entrustmentNote: String?
        var viceChairInChargeID: Int?
    }

    static func setArrangements(_ id: Int, _ input: ArrangementsInput, on req: Request) async throws -> SymposiumStore.Loaded {
        try await SymposiumStore.mutate(id, expectedVersion: input.version, action: "symposium.arrangements", on: req,
                                        authorize: SymposiumStore.preparer) { s, ctx in
            var host = try makeHost(hostID: input.hostID, note: input.entrustmentNote, leadership: ctx.leadership, today: ctx.today)
            // Keep an entrustment already recorded when the same vice chair stays host.
            if host.personID == s.host.personID, host.entrustment == nil { host.entrustment = s.host.entrustment }
            try s.setArrangements(place: input.place, startTime: input.startTime, host: host,
                                  viceChairInChargeID: input.viceChairInChargeID, chairID: ctx.leadership.chairID,
                                  viceChairIDs: ctx.leadership.viceChairIDs)
            return input
        }
    }

    struct RescheduleInput: Content, Sendable {
        var version: Int
        var date: String
        var startTime: String?
        var reason: String
        var confirmNonWorkingDay: Bool?
    }

    static func reschedule(_ id: Int, _ input: RescheduleInput, on req: Request) async throws -> SymposiumStore.Loaded {
        guard let day = Day(iso: input.date) else {
            throw Refusal(.invalid, code: "invalid_date", message: "日期格式应为 YYYY-MM-DD。")
        }
        // The office moves dates: they belong to the annual plan it keeps (二.3).
        return try await SymposiumStore.mutate(id, expectedVersion: input.version, action: "symposium.reschedule", on: req,
                                               authorize: SymposiumStore.office) { s, ctx in
            try s.reschedule(to: day, startTime: input.startTime, reason: input.reason, actor: ctx.actor, at: ctx.now,
                             calendar: ctx.calendar, confirmNonWorkingDay: input.confirmNonWorkingDay ?? false)
            return input
        }
    }

    // MARK: implementation plan

    struct PlanInput: Content, Sendable {
        var version: Int
        var action: ImplementationPlan.Action
        var note: String?
        var content: ImplementationPlan.Content?
    }

    static func plan(_ id: Int, _ input: PlanInput, on req: Request) async throws -> SymposiumStore.Loaded {
        let authorize: @Sendable (Symposium, Principal) throws -> Void
        switch input.action {
        case .save, .submit: authorize = SymposiumStore.preparer
        case .adopt: authorize = SymposiumStore.office
        case .sign, .return: authorize = { _, _ in }  // the domain checks the signer below
        }
        return try await SymposiumStore.mutate(id, expectedVersion: input.version, action: "implementation_plan.\(input.action.rawValue)",
                                               on: req, authorize: authorize) { s, ctx in
            if input.action == .sign || input.action == .return {
                try s.requireSigner(personID: ctx.principal.personID, chairID: ctx.leadership.chairID)
            }
            try s.implementationPlan.take(input.action, content: input.content, note: input.note ?? "", actor: ctx.actor,
                                          at: ctx.now, on: ctx.today)
            return ["action": input.action.rawValue, "state": s.implementationPlan.state.rawValue,
                    "version": String(s.implementationPlan.versions.count)]
        }
    }

    // MARK: meetings

    struct MeetingInput: Content, Sendable {
        var version: Int
        var date: String
        var time: String?
        var place: String?
        var convenorID: Int?
        /// nil: the persons the working method names for this meeting.
        var attendeeIDs: [Int]?
    }

    static func scheduleMeeting(_ id: Int, _ kind: PreparatoryMeeting.Kind, _ input: MeetingInput,
                                on req: Request) async throws -> SymposiumStore.Loaded {
        guard let day = Day(iso: input.date) else {
            throw Refusal(.invalid, code: "invalid_date", message: "日期格式应为 YYYY-MM-DD。")
        }
        let byRule = try await defaultAttendees(kind, symposiumID: id, on: req.db)
        return try await SymposiumStore.mutate(id, expectedVersion: input.version, action: "meeting.\(kind.rawValue).schedule", on: req,
                                               authorize: SymposiumStore.preparer) { s, ctx in
            let convenor = input.convenorID ?? (kind == .mobilization ? s.viceChairInChargeID : ctx.leadership.secretaryGeneralID)
            try s.scheduleMeeting(kind, date: day, time: input.time ?? "", place: input.place ?? "", convenorID: convenor,
                                  attendeeIDs: input.attendeeIDs ?? byRule)
            return input
        }
    }

    /// 三(二).1: 县委办和县政府办相关负责同志、各委室负责同志、有关部门负责同志; 三(二).3: 各委室负责同志.
    static func defaultAttendees(_ kind: PreparatoryMeeting.Kind, symposiumID: Int, on db: any Database) async throws -> [Int] {
        let heads = try await PersonModel.query(on: db).filter(\.$kind == PersonKind.committeeHead.rawValue)
            .sort(\.$protocolOrder).all().map { $0.id! }
        guard kind == .mobilization else { return heads }
        // 县委办 and 县政府办, however a county spells the full names.
        let offices = try await DepartmentModel.query(on: db).all()
            .filter { ["县委办", "县政府办"].contains($0.shortName) || ["县委办公室", "县政府办公室", "县人民政府办公室"].contains($0.name) }
            .map { $0.id! }
        let invited = try await SymposiumInvitationModel.query(on: db).filter(\.$symposiumID == symposiumID).all().map(\.personID)
        let departmentHeads = try await PersonModel.query(on: db).filter(\.$kind == PersonKind.departmentHead.rawValue)
            .sort(\.$protocolOrder).all()
            .filter { p in p.departmentID.map(offices.contains) == true || invited.contains(p.id!) }.map { $0.id! }
        return departmentHeads + heads
    }

    struct RecordInput: Content, Sendable {
        var version: Int
        var decisions: String
        var held: Bool?
    }

    static func recordMeeting(_ id: Int, _ kind: PreparatoryMeeting.Kind, _ input: RecordInput,
                              on req: Request) async throws -> SymposiumStore.Loaded {
        try await SymposiumStore.mutate(id, expectedVersion: input.version, action: "meeting.\(kind.rawValue).record", on: req,
                                        authorize: meetingRecorder(kind)) { s, ctx in
            try s.recordMeeting(kind, decisions: input.decisions, held: input.held ?? true, today: ctx.today)
            return input
        }
    }

    /// The lead committee and the office record both meetings; the secretary-general, who
    /// chairs the coordination meeting, records it too.
    static func meetingRecorder(_ kind: PreparatoryMeeting.Kind) -> @Sendable (Symposium, Principal) throws -> Void {
        { s, p in
            if kind == .coordination && p.has(.secretaryGeneral) { return }
            try p.require(.prepareSymposium(leadCommitteeID: s.leadCommitteeID))
        }
    }

    struct TaskInput: Content, Sendable {
        var title: String
        /// committee, department, person or role.
        var ownerKind: String
        var ownerID: Int?
        var ownerRole: Role?
        var due: String
    }

    static func owner(_ input: TaskInput, on db: any Database) async throws -> TaskOwner {
        func exists<M: Model>(_ type: M.Type, _ id: Int?) async throws -> Int where M.IDValue == Int {
            guard let id, try await M.find(id, on: db) != nil else {
                throw Refusal(.invalid, code: "task_owner_invalid", message: "请选择负责的委室、部门或人员。")
            }
            return id
        }
        switch input.ownerKind {
        case "committee": return .committee(try await exists(CommitteeModel.self, input.ownerID))
        case "department": return .department(try await exists(DepartmentModel.self, input.ownerID))
        case "person": return .person(try await exists(PersonModel.self, input.ownerID))
        case "role":
            guard let r = input.ownerRole else { throw Refusal(.invalid, code: "task_owner_invalid", message: "请选择负责的角色。") }
            return .role(r)
        default: throw Refusal(.invalid, code: "task_owner_invalid", message: "请选择负责的委室、部门或人员。")
        }
    }

    static func addTask(_ id: Int, _ kind: PreparatoryMeeting.Kind, _ input: TaskInput, on req: Request) async throws -> SymposiumStore.Loaded {
        guard let due = Day(iso: input.due) else { throw Refusal(.invalid, code: "invalid_date", message: "完成时限的日期格式应为 YYYY-MM-DD。") }
        let owner = try await owner(input, on: req.db)
        return try await SymposiumStore.mutate(id, action: "meeting.\(kind.rawValue).task", on: req,
                                               authorize: meetingRecorder(kind)) { s, _ in
            try s.addTask(kind, title: input.title, owner: owner, due: due)
            return input
        }
    }

    static func completeTask(_ id: Int, taskID: Int, done: Bool, on req: Request) async throws -> SymposiumStore.Loaded {
        try await SymposiumStore.mutate(id, action: done ? "task.done" : "task.reopen", on: req, authorize: { s, p in
            guard let task = s.task(id: taskID) else { throw SymposiumError.taskNotFound }
            try p.require(.completeTask(owner: task.owner, leadCommitteeID: s.leadCommitteeID))
        }) { s, ctx in
            try s.completeTask(id: taskID, on: done ? ctx.today : nil)
            return ["task": taskID]
        }
    }

    // MARK: research

    struct ResearchInput: Content, Sendable {
        var kind: ResearchActivity.Kind
        var title: String
        var date: String
        var place: String
        var participants: String?
        var findings: String?
    }

    static func addResearch(_ id: Int, _ input: ResearchInput, on req: Request) async throws -> SymposiumStore.Loaded {
        guard let day = Day(iso: input.date) else { throw Refusal(.invalid, code: "invalid_date", message: "日期格式应为 YYYY-MM-DD。") }
        return try await SymposiumStore.mutate(id, action: "research.add", on: req, authorize: SymposiumStore.preparer) { s, _ in
            try s.addResearch(kind: input.kind, title: input.title, date: day, place: input.place,
                              participants: input.participants ?? "", findings: input.findings ?? "")
            return input
        }
    }

    struct FindingsInput: Content, Sendable { var version: Int; var findings: String }

    static func updateFindings(_ id: Int, researchID: Int, _ input: FindingsInput, on req: Request) async throws -> SymposiumStore.Loaded {
        try await SymposiumStore.mutate(id, expectedVersion: input.version, action: "research.findings", on: req,
                                        authorize: SymposiumStore.preparer) { s, _ in
            try s.updateResearchFindings(id: researchID, findings: input.findings)
            return ["research": String(researchID)]
        }
    }

    // MARK: invitees

    struct InviteeInput: Content, Sendable {
        var personID: Int
        var reason: String?
    }

    static func addInvitee(_ id: Int, _ input: InviteeInput, on req: Request) async throws -> SymposiumStore.Loaded {
        guard let person = try await PersonModel.find(input.personID, on: req.db), let kind = PersonKind(rawValue: person.kind) else {
            throw Refusal(.invalid, code: "person_not_found", message: "没有这位人员。")
        }
        let name = person.name
        let regulation = req.xieshang.regulation
        return try await SymposiumStore.mutate(id, action: "invitee.add", on: req, authorize: SymposiumStore.preparer) { s, _ in
            try s.addInvitee(personID: input.personID, name: name, category: AttendeeCategory(kind: kind),
                             reason: input.reason ?? "", isCurrentMember: kind == .member)
            try checkQuota(s, regulation: regulation)
            return ["person": String(input.personID), "name": name]
        }
    }

    /// A list being built is short of the quotas for a while, which the page shows as a
    /// warning; only going beyond the Regulation's allowed maximum is refused.
    static func checkQuota(_ s: Symposium, regulation: Regulation) throws {
        let counting = s.invitees.filter { $0.state.counts }
        let members = counting.filter { $0.category == .members }.count
        let experts = counting.filter { $0.category == .experts }.count
        var p: [String] = []
        if members > regulation.invitedMembers.allowed.upperBound {
            p.append("拟邀请委员\(members)位，超过上限\(regulation.invitedMembers.allowed.upperBound)位。")
        }
        if experts > regulation.invitedExperts.allowed.upperBound {
            p.append("拟邀请专家学者\(experts)位，超过上限\(regulation.invitedExperts.allowed.upperBound)位。")
        }
        if !p.isEmpty { throw SymposiumError.quotaRefused(p) }
    }

    static func removeInvitee(_ id: Int, personID: Int, on req: Request) async throws -> SymposiumStore.Loaded {
        try await SymposiumStore.mutate(id, action: "invitee.remove", on: req, authorize: SymposiumStore.preparer) { s, _ in
            try s.removeInvitee(personID: personID)
            return ["person": String(personID)]
        }
    }

    static func preInvite(_ id: Int, on req: Request) async throws -> SymposiumStore.Loaded {
        try await SymposiumStore.mutate(id, action: "invitee.pre_invite", on: req, authorize: SymposiumStore.preparer) { s, ctx in
            let asked = s.preInviteAll(at: ctx.now)
            guard !asked.isEmpty else {
                throw Refusal(.conflict, code: "nobody_to_pre_invite", message: "名单中没有待预约邀请的人员。")
            }
            return ["persons": asked]
        }
    }

    struct AnswerInput: Content, Sendable {
        var answer: Invitee.Answer
        var note: String?
    }

    /// The invitee answers on their own page; committee or office staff record a phone answer.
    static func answer(_ id: Int, personID: Int, _ input: AnswerInput, on req: Request) async throws -> SymposiumStore.Loaded {
        try await SymposiumStore.mutate(id, action: "invitee.answer", on: req, authorize: { s, p in
            if p.may(.answerInvitation(personID: personID)) { return }
            try p.require(.prepareSymposium(leadCommitteeID: s.leadCommitteeID))
        }) { s, ctx in
            let via: Invitee.Channel = ctx.principal.personID == personID ? .own : .phone
            try s.withInvitee(personID) { try $0.answer(input.answer, via: via, note: input.note ?? "", at: ctx.now) }
            return ["person": String(personID), "answer": input.answer.rawValue, "via": via.rawValue]
        }
    }

    struct CommentInput: Content, Sendable { var text: String }

    static func comment(_ id: Int, _ input: CommentInput, on req: Request) async throws -> SymposiumStore.Loaded {
        try await SymposiumStore.mutate(id, action: "invitee_list.comment", on: req, authorize: { _, p in
            try p.require(.commentOnInvitees)
        }) { s, ctx in
            try s.comment(author: ctx.actor, text: input.text, at: ctx.now)
            return input
        }
    }
}
