import Fluent
import Vapor
import XieshangCore

/// `/api/v1/symposia`: a symposium's preparation, step by step (二.4, 三(一), 三(二)).
struct SymposiumAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        let s = api.grouped("symposia")
        s.get(use: list)
        s.post(use: create)
        s.get(":id", use: show)
        s.put(":id", "arrangements", use: arrangements)
        s.post(":id", "reschedule", use: reschedule)
        s.post(":id", "implementation-plan", use: plan)
        s.get(":id", "implementation-plan", "versions", ":a", "diff", ":b", use: diff)
        s.put(":id", "meetings", ":kind", use: scheduleMeeting)
        s.post(":id", "meetings", ":kind", "record", use: recordMeeting)
        s.post(":id", "meetings", ":kind", "tasks", use: addTask)
        s.post(":id", "tasks", ":task", use: completeTask)
        s.post(":id", "research", use: addResearch)
        s.put(":id", "research", ":research", use: updateFindings)
        s.get(":id", "invitee-suggestions", use: suggestions)
        s.post(":id", "invitees", use: addInvitee)
        s.delete(":id", "invitees", ":person", use: removeInvitee)
        s.post(":id", "invitees", "pre-invite", use: preInvite)
        s.post(":id", "invitees", ":person", "answer", use: answer)
        s.post(":id", "invitees", "remind", use: remind)
        s.post(":id", "formal-notices", use: sendNotices)
        s.post(":id", "invitee-comments", use: comment)
        s.get(":id", "attendees", use: attendees)
        api.get("me", "invitations", use: myInvitations)
        api.get("me", "todo", use: myToDo)
    }

    static func id(_ req: Request) throws -> Int {
        guard let id = req.parameters.get("id", as: Int.self) else { throw NotFound.of("协商座谈会") }
        return id
    }

    static func kind(_ req: Request) throws -> PreparatoryMeeting.Kind {
        guard let k = req.parameters.get("kind").flatMap(PreparatoryMeeting.Kind.init(rawValue:)) else {
            throw NotFound.of("会议")
        }
        return k
    }

    static func int(_ req: Request, _ name: String, _ what: String) throws -> Int {
        guard let v = req.parameters.get(name, as: Int.self) else { throw NotFound.of(what) }
        return v
    }

    static func decode<T: Decodable>(_ type: T.Type, _ req: Request) throws -> T {
        do { return try req.content.decode(T.self) } catch { throw invalidInput(error) }
    }

    func dto(_ loaded: SymposiumStore.Loaded, _ req: Request) async throws -> SymposiumDTO {
        try await SymposiumDTO.make(loaded, on: req)
    }

    struct Summary: Content {
        let id: Int; let year: Int; let topic: String; let date: String; let dateText: String
        let leadCommittee: String; let planState: ImplementationPlan.State; let planStateName: String
        let invitees: Int; let confirmed: Int
    }

    func list(req: Request) async throws -> [Summary] {
        let all = try await SymposiumStore.all(for: req.principal, on: req.db)
        let committees = try await PlanningStore.committeeNames(on: req.db)
        return all.map { l in
            let s = l.symposium
            return Summary(id: l.id, year: s.year, topic: s.topic, date: s.date.iso, dateText: SymposiumDTO.dateText(s.date),
                           leadCommittee: committees[s.leadCommitteeID] ?? "", planState: s.implementationPlan.state,
                           planStateName: s.implementationPlan.state.chineseName, invitees: s.invitees.count,
                           confirmed: s.invitees.filter(\.state.attends).count)
        }
    }

    func create(req: Request) async throws -> Response {
        try req.require(.createSymposium)
        let loaded = try await SymposiumActions.create(Self.decode(SymposiumActions.CreateInput.self, req), on: req)
        return try await dto(loaded, req).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> SymposiumDTO {
        try await dto(SymposiumStore.visible(Self.id(req), for: req.principal, on: req.db), req)
    }

    func arrangements(req: Request) async throws -> SymposiumDTO {
        try await SymposiumAccess.require(.prepare, Self.id(req), on: req)
        return try await dto(SymposiumActions.setArrangements(Self.id(req), Self.decode(SymposiumActions.ArrangementsInput.self, req), on: req), req)
    }

    func reschedule(req: Request) async throws -> SymposiumDTO {
        try await SymposiumAccess.require(.office, Self.id(req), on: req)
        return try await dto(SymposiumActions.reschedule(Self.id(req), Self.decode(SymposiumActions.RescheduleInput.self, req), on: req), req)
    }

    func plan(req: Request) async throws -> SymposiumDTO {
        try await SymposiumAccess.require(.planAction, Self.id(req), on: req)
        return try await dto(SymposiumActions.plan(Self.id(req), Self.decode(SymposiumActions.PlanInput.self, req), on: req), req)
    }

    struct Diff: Content { let from: Int; let to: Int; let changes: [ImplementationPlan.FieldChange] }

    func diff(req: Request) async throws -> Diff {
        let loaded = try await SymposiumStore.visible(Self.id(req), for: req.principal, on: req.db)
        let versions = loaded.symposium.implementationPlan.versions
        let a = try Self.int(req, "a", "方案版本"), b = try Self.int(req, "b", "方案版本")
        guard let va = versions.first(where: { $0.number == a }), let vb = versions.first(where: { $0.number == b }) else {
            throw NotFound.of("方案版本")
        }
        return Diff(from: a, to: b, changes: vb.content.differences(from: va.content))
    }

    func scheduleMeeting(req: Request) async throws -> SymposiumDTO {
        try await SymposiumAccess.require(.prepare, Self.id(req), on: req)
        return try await dto(SymposiumActions.scheduleMeeting(Self.id(req), Self.kind(req),
                                                       Self.decode(SymposiumActions.MeetingInput.self, req), on: req), req)
    }

    func recordMeeting(req: Request) async throws -> SymposiumDTO {
        try await SymposiumAccess.require(.recordMeeting(Self.kind(req)), Self.id(req), on: req)
        return try await dto(SymposiumActions.recordMeeting(Self.id(req), Self.kind(req),
                                                     Self.decode(SymposiumActions.RecordInput.self, req), on: req), req)
    }

    func addTask(req: Request) async throws -> SymposiumDTO {
        try await SymposiumAccess.require(.recordMeeting(Self.kind(req)), Self.id(req), on: req)
        return try await dto(SymposiumActions.addTask(Self.id(req), Self.kind(req), Self.decode(SymposiumActions.TaskInput.self, req),
                                               on: req), req)
    }

    struct DoneInput: Content { let done: Bool }

    func completeTask(req: Request) async throws -> SymposiumDTO {
        try await SymposiumAccess.require(.completeTask(Self.int(req, "task", "分工事项")), Self.id(req), on: req)
        return try await dto(SymposiumActions.completeTask(Self.id(req), taskID: Self.int(req, "task", "分工事项"),
                                                    done: Self.decode(DoneInput.self, req).done, on: req), req)
    }

    func addResearch(req: Request) async throws -> SymposiumDTO {
        try await SymposiumAccess.require(.prepare, Self.id(req), on: req)
        return try await dto(SymposiumActions.addResearch(Self.id(req), Self.decode(SymposiumActions.ResearchInput.self, req), on: req), req)
    }

    func updateFindings(req: Request) async throws -> SymposiumDTO {
        try await SymposiumAccess.require(.prepare, Self.id(req), on: req)
        return try await dto(SymposiumActions.updateFindings(Self.id(req), researchID: Self.int(req, "research", "调研活动"),
                                                      Self.decode(SymposiumActions.FindingsInput.self, req), on: req), req)
    }

    struct Suggestion: Content {
        let personID: Int; let name: String; let kind: PersonKind; let relevance: Int; let invitationsThisTerm: Int
        let score: Int; let reason: String
    }

    func suggestions(req: Request) async throws -> [Suggestion] {
        let loaded = try await SymposiumStore.visible(Self.id(req), for: req.principal, on: req.db)
        try req.require(.prepareSymposium(leadCommitteeID: loaded.symposium.leadCommitteeID))
        return try await InviteeSuggestions.suggest(for: loaded, on: req).map {
            Suggestion(personID: $0.personID, name: $0.name, kind: $0.kind, relevance: $0.relevance,
                       invitationsThisTerm: $0.invitationsThisTerm, score: $0.score, reason: $0.reason)
        }
    }

    func addInvitee(req: Request) async throws -> SymposiumDTO {
        try await SymposiumAccess.require(.prepare, Self.id(req), on: req)
        return try await dto(SymposiumActions.addInvitee(Self.id(req), Self.decode(SymposiumActions.InviteeInput.self, req), on: req), req)
    }

    func removeInvitee(req: Request) async throws -> SymposiumDTO {
        try await SymposiumAccess.require(.prepare, Self.id(req), on: req)
        return try await dto(SymposiumActions.removeInvitee(Self.id(req), personID: Self.int(req, "person", "受邀人"), on: req), req)
    }

    func preInvite(req: Request) async throws -> SymposiumDTO {
        try await SymposiumAccess.require(.prepare, Self.id(req), on: req)
        return try await dto(SymposiumActions.preInvite(Self.id(req), on: req), req)
    }

    func answer(req: Request) async throws -> SymposiumDTO {
        try await SymposiumAccess.require(.answer(personID: Self.int(req, "person", "受邀人")), Self.id(req), on: req)
        let loaded = try await SymposiumActions.answer(Self.id(req), personID: Self.int(req, "person", "受邀人"),
                                                       Self.decode(SymposiumActions.AnswerInput.self, req), on: req)
        return try await dto(loaded, req)
    }

    func remind(req: Request) async throws -> InvitationMail.Report {
        try await SymposiumAccess.require(.prepare, Self.id(req), on: req)
        return try await InvitationMail.remind(Self.id(req), on: req)
    }

    func sendNotices(req: Request) async throws -> InvitationMail.Report {
        try await SymposiumAccess.require(.office, Self.id(req), on: req)
        return try await InvitationMail.sendNotices(Self.id(req), on: req)
    }

    func comment(req: Request) async throws -> SymposiumDTO {
        try await SymposiumAccess.require(.comment, Self.id(req), on: req)
        return try await dto(SymposiumActions.comment(Self.id(req), Self.decode(SymposiumActions.CommentInput.self, req), on: req), req)
    }

    func attendees(req: Request) async throws -> AttendeeListDTO {
        try await AttendeeListDTO.make(Self.id(req), on: req)
    }

    func myInvitations(req: Request) async throws -> [MyInvitation] {
        try await MyInvitation.all(for: req.principal, on: req)
    }

    func myToDo(req: Request) async throws -> [ToDoDTO] {
        try await ToDoDTO.all(for: req.principal, on: req)
    }
}
