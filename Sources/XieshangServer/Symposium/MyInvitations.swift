import Fluent
import Vapor
import XieshangCore

/// An invitation as its invitee sees it on "我的邀请" (a phone, usually).
struct MyInvitation: Content {
    let symposiumID: Int
    let personID: Int
    let topic: String
    let date: String
    let dateText: String
    let startTime: String
    let place: String
    let leadCommittee: String
    let state: Invitee.State
    let stateName: String
    let canAnswer: Bool
    let answerNote: String

    static func all(for p: Principal, on req: Request) async throws -> [MyInvitation] {
        guard let person = p.personID else { return [] }
        let ids = try await SymposiumInvitationModel.query(on: req.db).filter(\.$personID == person).all().map(\.symposiumID)
        guard !ids.isEmpty else { return [] }
        let committees = try await PlanningStore.committeeNames(on: req.db)
        return try await SymposiumModel.query(on: req.db).filter(\.$id ~~ ids).sort(\.$date).all().compactMap { m in
            let l = try SymposiumStore.decode(m)
            // A name merely proposed is the committee's draft, not yet an invitation.
            guard let i = l.symposium.invitee(person), i.state != .proposed else { return nil }
            let s = l.symposium
            return MyInvitation(symposiumID: l.id, personID: person, topic: s.topic, date: s.date.iso, dateText: SymposiumDTO.dateText(s.date),
                                startTime: s.startTime, place: s.place, leadCommittee: committees[s.leadCommitteeID] ?? "",
                                state: i.state, stateName: i.state.chineseName,
                                canAnswer: [.preInvited, .confirmed, .declined].contains(i.state), answerNote: i.answerNote)
        }
    }
}

/// One line of "待办": what the reader has to do next, by when, across all symposia.
struct ToDoDTO: Content {
    let symposiumID: Int
    let topic: String
    let kind: ToDoItem.Kind
    let title: String
    let due: String
    let dueText: String
    let overdue: Bool
    let owner: String
    let taskID: Int?
    let link: String

    static func all(for p: Principal, on req: Request) async throws -> [ToDoDTO] {
        let symposia = try await SymposiumStore.all(for: p, on: req.db).filter { $0.symposium.heldOn == nil }
        // A department or a speaker owes materials for symposia they may not otherwise open (三(四)).
        let producing = p.may(.viewSymposium(invited: false)) ? symposia
            : try await SymposiumModel.query(on: req.db).sort(\.$date).all().map(SymposiumStore.decode)
                .filter { $0.symposium.heldOn == nil }
        guard !producing.isEmpty else { return try await OutcomeToDo.items(for: p, on: req) }
        let names = try await SymposiumDTO.Names.load(for: producing.map(\.symposium), on: req.db)
        let leadership = try await Leadership.load(on: req.db)
        let today = Day(req.xieshang.clock.now())
        let reader = ToDoReader(p)
        let regulation = req.xieshang.regulation, calendar = req.xieshang.calendar.calendar
        let materials = try await MaterialStore.all(symposiumIDs: producing.map(\.id), on: req.db)
        var out: [ToDoDTO] = []
        for l in symposia {
            let timeline = SymposiumTimeline.steps(for: l.symposium, regulation: regulation, calendar: calendar, today: today,
                                                   materialsReady: MaterialStore.allIssuable(materials[l.id] ?? []))
            for item in l.symposium.toDo(for: reader, timeline: timeline, chairID: leadership.chairID, today: today,
                                         ownerName: { names.owner($0).name }) {
                out.append(ToDoDTO(symposiumID: l.id, topic: l.symposium.topic, kind: item.kind, title: item.title,
                                   due: item.due.iso, dueText: SymposiumDTO.dateText(item.due), overdue: item.overdue,
                                   owner: item.ownerName, taskID: item.taskID, link: link(l.id, item.kind)))
            }
        }
        for l in producing {
            out += MaterialToDo.items(materials[l.id] ?? [], of: l, reader: reader, today: today,
                                      dues: regulation.materialDues.days(before: l.symposium.date, calendar: calendar),
                                      system: req.xieshang.config.systemClassification, ownerName: { names.owner($0).name })
        }
        out += try await OutcomeToDo.items(for: p, on: req)
        return out.sorted { ($0.due, $0.symposiumID, $0.title) < ($1.due, $1.symposiumID, $1.title) }
    }

    static func link(_ id: Int, _ kind: ToDoItem.Kind) -> String {
        switch kind {
        case .signPlan, .adoptPlan: "/symposia/\(id)/plan"
        case .task: "/symposia/\(id)/meetings"
        case .answerInvitation: "/invitations"
        case .sendNotices, .remindInvitees: "/symposia/\(id)/invitees"
        case .step: "/symposia/\(id)"
        case .submitMaterial, .reviewMaterial: "/symposia/\(id)/materials"
        case .sendOutcome, .acknowledgeOutcome, .handleOutcome, .rateReply, .followUpItem: "/symposia/\(id)/outcomes"
        }
    }
}
