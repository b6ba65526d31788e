import Fluent
import Vapor
import XieshangCore

/// A symposium as the API returns it and the pages show it: the domain value with names
/// resolved, the derived timeline, the quota report, and nothing the reader may not see.
struct SymposiumDTO: Content {
    struct PersonRef: Content { let id: Int; let name: String; let unit: String; let title: String }
    struct Owner: Content { let kind: String; let id: Int?; let name: String }
    struct Step: Content {
        let kind: TimelineStep.Kind; let name: String; let clause: String; let startsOn: String?; let startsOnText: String?
        let due: String
        let dueText: String; let owner: Owner; let state: TimelineStep.State; let stateName: String; let rule: String
        let provisional: Bool
    }
    struct Invitation: Content {
        let personID: Int; let name: String; let unit: String; let title: String; let category: AttendeeCategory
        let categoryName: String; let sectorName: String?; let state: Invitee.State; let stateName: String
        var reason: String; let answeredVia: Invitee.Channel?; let answeredViaName: String?; let answeredAt: Date?
        var answerNote: String; let preInvitedAt: Date?; let notifiedAt: Date?; let reminders: Int
        var mailedTo: String?; let removable: Bool
    }
    struct Task: Content {
        let id: Int; let title: String; let owner: Owner; let due: String; let dueText: String; let overdue: Bool; let doneOn: String?
    }
    struct Meeting: Content {
        let kind: PreparatoryMeeting.Kind; let name: String; let clause: String; let convenorTitle: String
        let attendeeRule: String; let date: String?; let dateText: String?; let time: String; let place: String
        let convenor: PersonRef?; let attendees: [PersonRef]; let decisions: String; let held: Bool; let tasks: [Task]
    }
    struct Research: Content {
        let id: Int; let kind: ResearchActivity.Kind; let kindName: String; let title: String; let date: String
        let place: String; let participants: String; let findings: String
    }
    struct PlanVersion: Content {
        let number: Int; let state: ImplementationPlan.State; let stateName: String; let action: ImplementationPlan.Action
        let actionName: String; let actor: String; let at: Date; let note: String
    }
    struct Plan: Content {
        let state: ImplementationPlan.State; let stateName: String; let content: ImplementationPlan.Content
        let missingParts: [String]; let adoptedBy: String?; let adoptedOn: String?; let versions: [PlanVersion]
    }
    struct Sector: Content { let name: String; let count: Int }
    struct Quota: Content {
        let members: Int; let experts: Int; let membersPreferred: String; let expertsPreferred: String
        let sectorsCovered: Int; let sectors: [Sector]; let warnings: [String]; let refusals: [String]
    }
    struct Entrustment: Content { let by: PersonRef?; let on: String; let note: String }
    struct Committee: Content { let id: Int; let name: String }

    let id: Int
    let version: Int
    let year: Int
    let topicID: Int
    let topic: String
    let rationale: String
    let subject: String
    let leadCommittee: Committee
    let viceChairInCharge: PersonRef?
    let host: PersonRef?
    let entrustment: Entrustment?
    let date: String
    let dateText: String
    let startTime: String
    let place: String
    let heldOn: String?
    let timeline: [Step]
    let implementationPlan: Plan
    let meetings: [Meeting]
    let research: [Research]
    private(set) var invitees: [Invitation]
    let quota: Quota
    private(set) var listComments: [ListComment]
    let reschedulings: [Rescheduling]
    let formalNoticeSentAt: Date?

    /// The names a symposium refers to, read in three queries.
    struct Names: Sendable {
        let persons: [Int: PersonModel]
        let committees: [Int: String]
        let departments: [Int: String]
        let sectors: [Int: String]

        static func load(for symposia: [Symposium], on db: any Database) async throws -> Names {
            var ids = Set<Int>()
            for s in symposia {
                ids.insert(s.host.personID)
                if let v = s.viceChairInChargeID { ids.insert(v) }
                if let e = s.host.entrustment { ids.insert(e.byPersonID) }
                ids.formUnion(s.invitees.map(\.personID))
                for m in s.meetings {
                    if let c = m.convenorID { ids.insert(c) }
                    ids.formUnion(m.attendeeIDs)
                    for t in m.tasks { if case .person(let p) = t.owner { ids.insert(p) } }
                }
            }
            let persons = ids.isEmpty ? [] : try await PersonModel.query(on: db).filter(\.$id ~~ Array(ids)).all()
            return Names(persons: Dictionary(persons.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a }),
                         committees: try await PlanningStore.committeeNames(on: db),
                         departments: Dictionary(try await DepartmentModel.query(on: db).all().map { ($0.id!, $0.name) },
                                                 uniquingKeysWith: { a, _ in a }),
                         sectors: Dictionary(try await SectorModel.query(on: db).all().map { ($0.id!, $0.name) },
                                             uniquingKeysWith: { a, _ in a }))
        }

        func ref(_ id: Int?) -> PersonRef? {
            guard let id, let p = persons[id] else { return nil }
            return PersonRef(id: id, name: p.name, unit: p.unit, title: p.title)
        }

        func owner(_ o: TaskOwner) -> Owner {
            switch o {
            case .committee(let id): Owner(kind: "committee", id: id, name: committees[id] ?? "委室")
            case .department(let id): Owner(kind: "department", id: id, name: departments[id] ?? "部门")
            case .person(let id): Owner(kind: "person", id: id, name: persons[id]?.name ?? "")
            case .role(let r): Owner(kind: "role", id: nil, name: r == .office ? "县政协办公室" : r.chineseName)
            }
        }
    }

    static func dateText(_ d: Day) -> String { "\(d.chinese)（\(d.chineseWeekday)）" }

    init(_ loaded: SymposiumStore.Loaded, names n: Names, regulation: Regulation, calendar: WorkingCalendar, today: Day,
         materialsReady: Bool, outcomesSent: Bool = false) {
        let s = loaded.symposium
        id = loaded.id
        version = loaded.version
        year = s.year
        topicID = s.topicID
        topic = s.topic
        rationale = s.rationale
        subject = s.subject
        leadCommittee = Committee(id: s.leadCommitteeID, name: n.committees[s.leadCommitteeID] ?? "")
        viceChairInCharge = n.ref(s.viceChairInChargeID)
        host = n.ref(s.host.personID)
        entrustment = s.host.entrustment.map { Entrustment(by: n.ref($0.byPersonID), on: $0.on.iso, note: $0.note) }
        date = s.date.iso
        dateText = Self.dateText(s.date)
        startTime = s.startTime
        place = s.place
        heldOn = s.heldOn?.iso
        timeline = SymposiumTimeline.steps(for: s, regulation: regulation, calendar: calendar, today: today,
                                           materialsReady: materialsReady, outcomesSent: outcomesSent).map {
            Step(kind: $0.kind, name: $0.kind.chineseName, clause: $0.kind.clause, startsOn: $0.startsOn?.iso,
                 startsOnText: $0.startsOn.map(Self.dateText), due: $0.due.iso,
                 dueText: Self.dateText($0.due), owner: n.owner($0.owner), state: $0.state, stateName: $0.state.chineseName,
                 rule: $0.rule, provisional: $0.provisional)
        }
        let plan = s.implementationPlan
        implementationPlan = Plan(state: plan.state, stateName: plan.state.chineseName, content: plan.content,
                                  missingParts: plan.content.missingParts, adoptedBy: plan.adoptedBy,
                                  adoptedOn: plan.adoptedOn?.iso,
                                  versions: plan.versions.reversed().map {
                                      PlanVersion(number: $0.number, state: $0.state, stateName: $0.state.chineseName,
                                                  action: $0.action, actionName: $0.action.chineseName, actor: $0.actor,
                                                  at: $0.at, note: $0.note)
                                  })
        meetings = PreparatoryMeeting.Kind.allCases.map { kind in
            let m = s.meeting(kind)
            return Meeting(kind: kind, name: kind.chineseName, clause: kind.clause, convenorTitle: kind.convenorTitle,
                           attendeeRule: kind.attendeeRule, date: m.date?.iso, dateText: m.date.map(Self.dateText),
                           time: m.time, place: m.place, convenor: n.ref(m.convenorID),
                           attendees: m.attendeeIDs.compactMap { n.ref($0) }, decisions: m.decisions, held: m.held,
                           tasks: m.tasks.map {
                               Task(id: $0.id, title: $0.title, owner: n.owner($0.owner), due: $0.due.iso, dueText: Self.dateText($0.due),
                                    overdue: $0.doneOn == nil && today > $0.due, doneOn: $0.doneOn?.iso)
                           })
        }
        research = s.research.map {
            Research(id: $0.id, kind: $0.kind, kindName: $0.kind.chineseName, title: $0.title, date: $0.date.iso,
                     place: $0.place, participants: $0.participants, findings: $0.findings)
        }
        let order = regulation.attendeeCategories
        invitees = s.invitees.sorted {
            let a = order.firstIndex(of: $0.category) ?? 99, b = order.firstIndex(of: $1.category) ?? 99
            if a != b { return a < b }
            return (n.persons[$0.personID]?.protocolOrder ?? 0, $0.personID) < (n.persons[$1.personID]?.protocolOrder ?? 0, $1.personID)
        }.map { i in
            let p = n.persons[i.personID]
            return Invitation(personID: i.personID, name: p?.name ?? "", unit: p?.unit ?? "", title: p?.title ?? "",
                              category: i.category, categoryName: i.category.chineseName,
                              sectorName: p?.sectorID.flatMap { n.sectors[$0] }, state: i.state,
                              stateName: i.state.chineseName, reason: i.reason, answeredVia: i.answeredVia,
                              answeredViaName: i.answeredVia?.chineseName, answeredAt: i.answeredAt,
                              answerNote: i.answerNote, preInvitedAt: i.preInvitedAt, notifiedAt: i.notifiedAt,
                              reminders: i.remindedAt.count, mailedTo: i.mailedTo, removable: i.removable)
        }
        let report = InviteeQuotaReport.evaluate(
            s.invitees.filter { $0.state.counts }.map {
                InviteeCount(category: $0.category, sectorID: n.persons[$0.personID]?.sectorID)
            }, regulation: regulation)
        quota = Quota(members: report.members, experts: report.experts, membersPreferred: report.membersPreferred,
                      expertsPreferred: report.expertsPreferred, sectorsCovered: report.sectorsCovered,
                      sectors: report.sectorSpread.map { Sector(name: n.sectors[$0.sectorID] ?? "", count: $0.count) },
                      warnings: report.warnings, refusals: report.refusals)
        listComments = s.listComments
        reschedulings = s.reschedulings
        formalNoticeSentAt = s.formalNoticeSentAt
    }

    static func make(_ loaded: SymposiumStore.Loaded, on req: Request) async throws -> SymposiumDTO {
        let names = try await Names.load(for: [loaded.symposium], on: req.db)
        let materials = try await MaterialStore.all(symposiumID: loaded.id, on: req.db).map(\.material)
        let sent = loaded.symposium.heldOn == nil ? false
            : try await OutcomeStore.allSent(symposiumIDs: [loaded.id], on: req.db).contains(loaded.id)
        var dto = SymposiumDTO(loaded, names: names, regulation: req.xieshang.regulation,
                               calendar: req.xieshang.calendar.calendar, today: Day(req.xieshang.clock.now()),
                               materialsReady: MaterialStore.allIssuable(materials), outcomesSent: sent)
        if let p = req.principalIfAny, !p.may(.commentOnInvitees) { dto.withoutDeliberation(shownTo: p.personID) }
        return dto
    }

    /// The CPPCC's deliberation over the list (三(一).1) — why each person was invited, the
    /// comments of those consulted (the CPPCC side and the county leaders) — is theirs; an
    /// invited member, expert or department sees who is invited, and of the answers and
    /// addresses only their own.
    mutating func withoutDeliberation(shownTo personID: Int?) {
        listComments = []
        invitees = invitees.map { i in
            var i = i
            i.reason = ""
            if i.personID != personID {
                i.answerNote = ""
                i.mailedTo = nil
            }
            return i
        }
    }
}
