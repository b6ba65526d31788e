import Foundation

extension Symposium {
    /// The symposium of one topic of an issued annual plan (二.4 "根据年度双月协商计划安排").
    public static func create(from plan: AnnualPlan, topicID: Int, viceChairInChargeID: Int?, host: SymposiumHost,
                              chairID: Int?, viceChairIDs: Set<Int>, regulation: Regulation) throws -> Symposium {
        guard plan.state == .issued else { throw SymposiumError.planNotIssued(plan.year) }
        guard let topic = plan.topics.first(where: { $0.id == topicID }) else { throw SymposiumError.topicNotInPlan(plan.year) }
        guard !topic.isMergedWithPlenary(regulation) else { throw SymposiumError.topicMergedWithPlenary }
        guard let date = topic.date else { throw SymposiumError.topicHasNoDate }
        guard let lead = topic.leadCommitteeID else { throw SymposiumError.noLeadCommittee }
        if let v = viceChairInChargeID, !viceChairIDs.contains(v) && v != chairID {
            throw SymposiumError.invalid(["分管副主席须为县政协副主席。"])
        }
        try host.check(chairID: chairID, viceChairIDs: viceChairIDs)
        return Symposium(year: plan.year, topicID: topicID, topic: topic.title, rationale: topic.rationale,
                         leadCommitteeID: lead, viceChairInChargeID: viceChairInChargeID, host: host, date: date)
    }

    /// Moving the date moves the whole timeline; the reason is kept (二.2 "适时调整").
    public mutating func reschedule(to day: Day, startTime: String?, reason: String, actor: String, at: Date,
                                    calendar: WorkingCalendar, confirmNonWorkingDay: Bool) throws {
        guard heldOn == nil else { throw SymposiumError.alreadyHeld }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw SymposiumError.rescheduleNeedsReason }
        // The symposium stays in its plan's year; moving it to another year is a plan adjustment.
        guard day.year == year else { throw SymposiumError.invalid(["调整后的日期须在\(year)年度内。"]) }
        if let kind = try? calendar.kind(of: day), !kind.isWorkingDay, !confirmNonWorkingDay {
            throw SymposiumError.nonWorkingDay(day, kind.chinese)
        }
        reschedulings.append(Rescheduling(from: date, to: day, reason: reason, actor: actor, at: at))
        date = day
        if let startTime { self.startTime = startTime }
    }

    public mutating func setArrangements(place: String, startTime: String, host: SymposiumHost, viceChairInChargeID: Int?,
                                         chairID: Int?, viceChairIDs: Set<Int>) throws {
        var p: [String] = []
        if place.count > 100 { p.append("地点不超过100个字。") }
        if startTime.count > 30 { p.append("时间不超过30个字。") }
        if !p.isEmpty { throw SymposiumError.invalid(p) }
        if let v = viceChairInChargeID, !viceChairIDs.contains(v) && v != chairID {
            throw SymposiumError.invalid(["分管副主席须为县政协副主席。"])
        }
        try host.check(chairID: chairID, viceChairIDs: viceChairIDs)
        self.place = place.trimmingCharacters(in: .whitespacesAndNewlines)
        self.startTime = startTime.trimmingCharacters(in: .whitespacesAndNewlines)
        self.host = host
        self.viceChairInChargeID = viceChairInChargeID
    }

    /// Signing and returning are the vice chair in charge's (二.4 "报分管主席审签"); without one
    /// named, the chair signs.
    public func requireSigner(personID: Int?, chairID: Int?) throws {
        let signer = viceChairInChargeID ?? chairID
        guard let personID, personID == signer else { throw SymposiumError.notViceChairInCharge }
    }

    // MARK: meetings

    public mutating func scheduleMeeting(_ kind: PreparatoryMeeting.Kind, date: Day, time: String, place: String,
                                         convenorID: Int?, attendeeIDs: [Int]) throws {
        guard date < self.date else { throw SymposiumError.invalid(["\(kind.chineseName)须在协商座谈会之前召开。"]) }
        // 三(二): mobilization first, then research, then coordination.
        let other = meeting(kind == .mobilization ? .coordination : .mobilization).date
        if let other, kind == .mobilization ? date > other : date < other {
            throw SymposiumError.invalid(["部署动员会须在工作协调会之前召开。"])
        }
        if time.count > 30 || place.count > 100 { throw SymposiumError.invalid(["时间或地点过长。"]) }
        // Each attendee once, in the order given (NSOrderedSet does not deduplicate boxed Ints on Linux).
        var seen = Set<Int>()
        let attendees = attendeeIDs.filter { seen.insert($0).inserted }
        try update(kind) {
            $0.date = date
            $0.time = time.trimmingCharacters(in: .whitespacesAndNewlines)
            $0.place = place.trimmingCharacters(in: .whitespacesAndNewlines)
            $0.convenorID = convenorID
            $0.attendeeIDs = attendees
        }
    }

    /// `today`: a meeting is recorded as held only on or after its day.
    public mutating func recordMeeting(_ kind: PreparatoryMeeting.Kind, decisions: String, held: Bool, today: Day? = nil) throws {
        guard decisions.count <= 20000 else { throw SymposiumError.invalid(["会议记录过长。"]) }
        guard let date = meeting(kind).date else { throw SymposiumError.invalid(["请先安排\(kind.chineseName)的时间。"]) }
        if held, let today, today < date {
            throw SymposiumError.invalid(["\(kind.chineseName)定于\(date.chinese)召开，尚未到期，不能登记为已召开。"])
        }
        try update(kind) {
            $0.decisions = decisions.trimmingCharacters(in: .whitespacesAndNewlines)
            $0.held = held
        }
    }

    @discardableResult
    public mutating func addTask(_ kind: PreparatoryMeeting.Kind, title: String, owner: TaskOwner, due: Day) throws -> Int {
        let t = title.trimmingCharacters(in: .whitespacesAndNewlines)
        var p: [String] = []
        if t.isEmpty { p.append("请填写分工事项。") }
        if t.count > 200 { p.append("分工事项不超过200个字。") }
        if due > date { p.append("分工事项须在协商座谈会之前完成（\(date.chinese)）。") }
        if !p.isEmpty { throw SymposiumError.invalid(p) }
        let id = nextLocalID()
        try update(kind) { $0.tasks.append(MeetingTask(id: id, title: t, owner: owner, due: due)) }
        return id
    }

    public mutating func completeTask(id: Int, on day: Day?) throws {
        for i in meetings.indices {
            if let j = meetings[i].tasks.firstIndex(where: { $0.id == id }) {
                meetings[i].tasks[j].doneOn = day
                return
            }
        }
        throw SymposiumError.taskNotFound
    }

    public func task(id: Int) -> MeetingTask? {
        meetings.lazy.flatMap(\.tasks).first { $0.id == id }
    }

    private mutating func update(_ kind: PreparatoryMeeting.Kind, _ body: (inout PreparatoryMeeting) -> Void) throws {
        if let i = meetings.firstIndex(where: { $0.kind == kind }) {
            body(&meetings[i])
        } else {
            var m = PreparatoryMeeting(kind: kind)
            body(&m)
            meetings.append(m)
        }
    }

    // MARK: research

    @discardableResult
    public mutating func addResearch(kind: ResearchActivity.Kind, title: String, date: Day, place: String,
                                     participants: String, findings: String) throws -> Int {
        var a = ResearchActivity(id: 0, kind: kind, title: title.trimmingCharacters(in: .whitespacesAndNewlines),
                                 date: date, place: place.trimmingCharacters(in: .whitespacesAndNewlines),
                                 participants: participants.trimmingCharacters(in: .whitespacesAndNewlines),
                                 findings: findings.trimmingCharacters(in: .whitespacesAndNewlines))
        var p = a.problems()
        if date > self.date { p.append("前期准备活动须在协商座谈会之前（\(self.date.chinese)）。") }
        if !p.isEmpty { throw SymposiumError.invalid(p) }
        a.id = nextLocalID()
        research.append(a)
        return a.id
    }

    public mutating func updateResearchFindings(id: Int, findings: String) throws {
        guard let i = research.firstIndex(where: { $0.id == id }) else { throw SymposiumError.invalid(["没有这项调研活动。"]) }
        guard findings.count <= 20000 else { throw SymposiumError.invalid(["内容过长。"]) }
        research[i].findings = findings.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: invitees

    public func invitee(_ personID: Int) -> Invitee? { invitees.first { $0.personID == personID } }

    /// `isCurrentMember`: the person is a member of the current term; such a person cannot be
    /// invited as an expert (三(一).1 "本届政协委员以外").
    public mutating func addInvitee(personID: Int, name: String, category: AttendeeCategory, reason: String,
                                    isCurrentMember: Bool) throws {
        guard invitee(personID) == nil else { throw SymposiumError.alreadyInvited(name) }
        if category == .experts && isCurrentMember { throw SymposiumError.expertIsMember(name) }
        guard reason.count <= 300 else { throw SymposiumError.invalid(["理由不超过300个字。"]) }
        invitees.append(Invitee(personID: personID, category: category,
                                reason: reason.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    public mutating func removeInvitee(personID: Int) throws {
        guard let i = invitees.firstIndex(where: { $0.personID == personID }) else { throw SymposiumError.notInvited }
        guard invitees[i].removable else { throw SymposiumError.cannotRemove(invitees[i].state) }
        invitees.remove(at: i)
    }

    public mutating func withInvitee(_ personID: Int, _ body: (inout Invitee) throws -> Void) throws {
        guard let i = invitees.firstIndex(where: { $0.personID == personID }) else { throw SymposiumError.notInvited }
        var copy = invitees[i]
        try body(&copy)
        invitees[i] = copy
    }

    /// Pre-invites everyone still only proposed; returns who was asked.
    @discardableResult
    public mutating func preInviteAll(at: Date) -> [Int] {
        var asked: [Int] = []
        for i in invitees.indices where invitees[i].state == .proposed {
            try? invitees[i].preInvite(at: at)
            asked.append(invitees[i].personID)
        }
        return asked
    }

    /// Those who have been asked and not answered, for reminders.
    public var unanswered: [Invitee] { invitees.filter { $0.state == .preInvited } }
    /// Confirmed and waiting for the office's formal notice.
    public var awaitingNotice: [Invitee] { invitees.filter { $0.state == .confirmed } }

    public mutating func comment(author: String, text: String, at: Date) throws {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty, t.count <= 2000 else { throw SymposiumError.invalid(["意见不能为空，且不超过2000个字。"]) }
        listComments.append(ListComment(id: nextLocalID(), author: author, at: at, text: t))
    }
}
