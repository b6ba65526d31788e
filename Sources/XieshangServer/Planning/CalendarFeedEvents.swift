import Fluent
import Vapor
import XieshangCore
import XieshangDocuments

/// The meetings a feed holds, as iCalendar events: each symposium, and its 部署动员会 and
/// 工作协调会, timed in Asia/Shanghai once their hours are written, all-day until then.
///
/// A topic of the plan and the symposium made from it are one event (same `UID`): the plan's
/// day first, the symposium's day, hours and place once it exists. `SEQUENCE` is the plan's
/// version plus the symposium's, so it grows with every change of either, a move or a
/// reschedule included, and subscribers update the event instead of adding a second one.
///
/// The organization's feed holds what its reader may see; a person's feed what that person
/// is asked to attend — invited (from the pre-invitation on, until declined), hosting, or on
/// a preparatory meeting's list — and, for a committee's staff, what their committee leads.
/// A member is not her committee's staff: she gets its topics only when invited.
struct CalendarFeedEvents {
    let principal: Principal
    /// nil: the organization's feed.
    let personID: Int?
    let committees: [Int: String]

    func events(on db: any Database) async throws -> [ICalendarFeed.Event] {
        var plans: [Int: (plan: AnnualPlan, version: Int)] = [:]
        for m in try await AnnualPlanModel.query(on: db).all() {
            plans[m.year] = (try PlanningStore.decode(m), m.version)
        }
        let symposia = try await SymposiumModel.query(on: db).sort(\.$date).all().map(SymposiumStore.decode)
        let made = Set(symposia.map { Self.key($0.symposium.year, $0.symposium.topicID) })
        var events: [ICalendarFeed.Event] = []
        for (plan, version) in plans.values.sorted(by: { $0.plan.year < $1.plan.year })
        where principal.may(.viewPlan(issued: plan.state == .issued)) {
            for topic in plan.topics where !made.contains(Self.key(plan.year, topic.id)) {
                guard let day = topic.date, holdsTopic(leadCommitteeID: topic.leadCommitteeID) else { continue }
                events.append(topicEvent(topic, day: day, plan: plan, planVersion: version))
            }
        }
        for loaded in symposia {
            let plan = plans[loaded.symposium.year]
            events += symposiumEvents(loaded, plan: plan?.plan, planVersion: plan?.version ?? 0)
        }
        return events
    }

    // MARK: who gets what

    /// A topic without its symposium yet: everyone who may read the plan, or on a person's feed
    /// the staff of the committee that leads it.
    private func holdsTopic(leadCommitteeID: Int?) -> Bool {
        guard personID != nil else { return true }
        return isStaff(of: leadCommitteeID)
    }

    private func isStaff(of committeeID: Int?) -> Bool {
        guard let committeeID, principal.has(.committee) else { return false }
        return principal.committeeID == committeeID
    }

    /// Invited from the pre-invitation on: a name merely proposed is the committee's working
    /// paper (三(一).1), and one who declined does not attend.
    private static func isInvited(_ person: Int, to s: Symposium) -> Bool {
        guard let invitee = s.invitee(person) else { return false }
        return invitee.state != .proposed && invitee.state != .declined
    }

    private func holdsSymposium(_ s: Symposium) -> Bool {
        guard let person = personID else {
            return principal.may(.viewSymposium(invited: principal.personID.map { Self.isInvited($0, to: s) } ?? false))
        }
        return Self.isInvited(person, to: s) || s.host.personID == person || isStaff(of: s.leadCommitteeID)
    }

    private func holdsMeeting(_ meeting: PreparatoryMeeting, of s: Symposium) -> Bool {
        let attends = { (person: Int) in meeting.attendeeIDs.contains(person) || meeting.convenorID == person }
        guard let person = personID else {
            return principal.may(.viewSymposium(invited: false)) || principal.personID.map(attends) == true
        }
        return attends(person) || isStaff(of: s.leadCommitteeID)
    }

    // MARK: events

    static func key(_ year: Int, _ topicID: Int) -> String { "\(year)-\(topicID)" }

    static func uid(_ kind: String, year: Int, topicID: Int) -> String { "\(kind)-\(year)-\(topicID)@xieshang" }

    private func topicEvent(_ t: PlannedTopic, day: Day, plan: AnnualPlan, planVersion: Int) -> ICalendarFeed.Event {
        let lead = t.leadCommitteeID.flatMap { committees[$0] } ?? ""
        return .init(uid: Self.uid("symposium", year: plan.year, topicID: t.id), day: day,
                     summary: "双月协商座谈会：\(t.title)",
                     description: "牵头委室：\(lead)\n年度计划状态：\(plan.state.chineseName)" + (plan.documentNumber.map { "\n\($0)" } ?? ""),
                     sequence: planVersion, confirmed: plan.state == .issued)
    }

    private func symposiumEvents(_ loaded: SymposiumStore.Loaded, plan: AnnualPlan?, planVersion: Int) -> [ICalendarFeed.Event] {
        let s = loaded.symposium
        let sequence = planVersion + loaded.version
        let lead = committees[s.leadCommitteeID] ?? ""
        var events: [ICalendarFeed.Event] = []
        if holdsSymposium(s) {
            var description = ["牵头委室：\(lead)"]
            if !s.startTime.isEmpty { description.append("时间：\(s.date.chinese)\(s.startTime)") }
            if let number = plan?.documentNumber { description.append(number) }
            events.append(.init(uid: Self.uid("symposium", year: s.year, topicID: s.topicID), day: s.date,
                                time: Self.time(s.startTime), summary: "双月协商座谈会：\(s.topic)",
                                description: description.joined(separator: "\n"), location: s.place,
                                sequence: sequence, confirmed: true))
        } else if personID == nil, let plan, principal.may(.viewPlan(issued: plan.state == .issued)) {
            // The plan is the organization's: its reader still sees the day, not the hours and place.
            events.append(.init(uid: Self.uid("symposium", year: s.year, topicID: s.topicID), day: s.date,
                                summary: "双月协商座谈会：\(s.topic)", description: "牵头委室：\(lead)",
                                sequence: sequence, confirmed: true))
        }
        for meeting in s.meetings {
            guard let day = meeting.date, holdsMeeting(meeting, of: s) else { continue }
            var description = ["\(meeting.kind.convenorTitle)（\(meeting.kind.clause)）", "牵头委室：\(lead)",
                               "协商座谈会：\(s.date.chinese)"]
            if !meeting.time.isEmpty { description.append("时间：\(day.chinese)\(meeting.time)") }
            events.append(.init(uid: Self.uid(meeting.kind.rawValue, year: s.year, topicID: s.topicID), day: day,
                                time: Self.time(meeting.time), summary: "\(meeting.kind.chineseName)：\(s.topic)",
                                description: description.joined(separator: "\n"), location: meeting.place,
                                sequence: sequence, confirmed: true))
        }
        return events
    }

    /// The hours as written ("上午9:00", "下午2:30至5:00"); nil (all-day) when none are.
    static func time(_ written: String) -> ICalendarFeed.Event.Time? {
        guard let range = TimeRange(parsing: written) else { return nil }
        return ICalendarFeed.Event.Time(start: range.start, end: range.end)
    }
}
