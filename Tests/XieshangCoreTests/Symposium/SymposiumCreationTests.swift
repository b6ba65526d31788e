import Foundation
import Testing
@testable import XieshangCore

private func day(_ iso: String) -> Day { SymposiumFixtures.day(iso) }

/// 二.4 "根据年度双月协商计划安排", 二.3 (January–February merged), 一.2 (the host), 二.2 (adjusting).
@Suite("Setting up a symposium from the issued plan (一.2, 二.3, 二.4)")
struct SymposiumCreationTests {
    typealias F = SymposiumFixtures
    let chair = SymposiumHost(personID: F.chairID)

    func create(_ plan: AnnualPlan, topicID: Int = 2, viceChairInChargeID: Int? = F.viceChairID,
                host: SymposiumHost? = nil) throws -> Symposium {
        try Symposium.create(from: plan, topicID: topicID, viceChairInChargeID: viceChairInChargeID, host: host ?? chair,
                             chairID: F.chairID, viceChairIDs: F.viceChairIDs, regulation: F.regulation)
    }

    func entrusted(by personID: Int) -> SymposiumHost {
        SymposiumHost(personID: F.otherViceChairID,
                      entrustment: SymposiumHost.Entrustment(byPersonID: personID, on: day("2026-04-01"), note: "主席外出学习，委托主持"))
    }

    @Test("二.4 a symposium is set up from a topic of the issued plan, with its date, lead committee and title")
    func createdFromIssuedPlanTopic() throws {
        let s = try create(try F.issuedPlan())
        #expect(s.year == 2026)
        #expect(s.topicID == 2)
        #expect(s.topic == "推进安化黑茶产业高质量发展")
        #expect(s.rationale == "县委中心工作")
        #expect(s.date == day("2026-04-21"))
        #expect(s.leadCommitteeID == F.leadCommitteeID)
        #expect(s.viceChairInChargeID == F.viceChairID)
        #expect(s.host == chair)
        #expect(s.implementationPlan == ImplementationPlan())
        #expect(s.meetings.map(\.kind) == [.mobilization, .coordination])
        #expect(s.invitees.isEmpty && s.research.isEmpty && s.reschedulings.isEmpty && s.heldOn == nil)
        #expect(s.subject == "“推进安化黑茶产业高质量发展”双月协商座谈会")
    }

    @Test("二.1 a plan not yet jointly issued cannot be prepared from", arguments: [
        AnnualPlan.State.draft, .adopted, .reported, .consented,
    ])
    func planMustBeIssued(state: AnnualPlan.State) throws {
        var plan = try F.issuedPlan()
        plan.state = state
        #expect(throws: SymposiumError.planNotIssued(2026)) { try create(plan) }
    }

    @Test("二.4 a topic that is not in the plan is refused")
    func topicMustBeInThePlan() throws {
        #expect(throws: SymposiumError.topicNotInPlan(2026)) { try create(try F.issuedPlan(), topicID: 99) }
    }

    @Test("二.3 the January–February topic merges with the plenary session and gets no symposium of its own")
    func mergedTopicRefused() throws {
        let plan = try F.issuedPlan()
        #expect(throws: SymposiumError.topicMergedWithPlenary) { try create(plan, topicID: 1) }
        var january = plan
        january.topics[0].month = 1
        january.topics[0].leadCommitteeID = F.leadCommitteeID
        #expect(throws: SymposiumError.topicMergedWithPlenary) { try create(january, topicID: 1) }
    }

    @Test("二.3 a topic without a day yet is refused until the office schedules it")
    func topicNeedsADate() throws {
        #expect(throws: SymposiumError.topicHasNoDate) { try create(try F.issuedPlan(), topicID: 4) }
    }

    @Test("一.7 a topic without a lead committee is refused")
    func topicNeedsALeadCommittee() throws {
        var plan = try F.issuedPlan()
        plan.topics[1].leadCommitteeID = nil
        #expect(throws: SymposiumError.noLeadCommittee) { try create(plan) }
    }

    @Test("二.4 the vice chair in charge must be a vice chair (or the chair); none named is allowed")
    func viceChairInChargeMustBeAViceChair() throws {
        let plan = try F.issuedPlan()
        #expect(throws: SymposiumError.invalid(["分管副主席须为县政协副主席。"])) {
            try create(plan, viceChairInChargeID: F.secretaryGeneralID)
        }
        #expect(try create(plan, viceChairInChargeID: F.chairID).viceChairInChargeID == F.chairID)
        #expect(try create(plan, viceChairInChargeID: nil).viceChairInChargeID == nil)
    }

    @Test("一.2 the chair hosts without any entrustment")
    func chairHosts() throws {
        #expect(throws: Never.self) { try SymposiumHost(personID: F.chairID).check(chairID: F.chairID, viceChairIDs: F.viceChairIDs) }
        #expect(try create(try F.issuedPlan()).host.personID == F.chairID)
    }

    @Test("一.2 a vice chair hosts only when entrusted by the chair")
    func viceChairHostsWhenEntrustedByTheChair() throws {
        let host = entrusted(by: F.chairID)
        let s = try create(try F.issuedPlan(), host: host)
        #expect(s.host.entrustment?.byPersonID == F.chairID)
        #expect(s.host.entrustment?.note == "主席外出学习，委托主持")
    }

    @Test("一.2 a vice chair without an entrustment is refused")
    func viceChairWithoutEntrustmentRefused() throws {
        let host = SymposiumHost(personID: F.otherViceChairID)
        #expect(throws: SymposiumError.entrustmentRequired) { try create(try F.issuedPlan(), host: host) }
    }

    @Test("一.2 an entrustment made by anyone but the chair is refused")
    func entrustmentNotByTheChairRefused() throws {
        let plan = try F.issuedPlan()
        #expect(throws: SymposiumError.entrustmentNotByChair) { try create(plan, host: entrusted(by: F.viceChairID)) }
        #expect(throws: SymposiumError.entrustmentNotByChair) { try create(plan, host: entrusted(by: F.secretaryGeneralID)) }
        // Nobody can entrust when no chair is recorded.
        #expect(throws: SymposiumError.entrustmentNotByChair) {
            try entrusted(by: F.chairID).check(chairID: nil, viceChairIDs: F.viceChairIDs)
        }
    }

    @Test("一.2 someone who is neither chair nor vice chair cannot host, entrusted or not")
    func nonLeaderRefused() throws {
        let plan = try F.issuedPlan()
        #expect(throws: SymposiumError.hostNotEligible) {
            try create(plan, host: SymposiumHost(personID: F.secretaryGeneralID))
        }
        let entrustedOutsider = SymposiumHost(personID: F.secretaryGeneralID,
                                              entrustment: SymposiumHost.Entrustment(byPersonID: F.chairID, on: day("2026-04-01"), note: ""))
        #expect(throws: SymposiumError.hostNotEligible) { try create(plan, host: entrustedOutsider) }
    }

    @Test("一.2 changing the arrangements checks the host and the vice chair in charge the same way")
    func arrangementsCheckTheHost() throws {
        var s = try create(try F.issuedPlan())
        let before = s
        #expect(throws: SymposiumError.entrustmentRequired) {
            try s.setArrangements(place: "县政协会议室", startTime: "上午9:00", host: SymposiumHost(personID: F.otherViceChairID),
                                  viceChairInChargeID: F.viceChairID, chairID: F.chairID, viceChairIDs: F.viceChairIDs)
        }
        #expect(throws: SymposiumError.invalid(["分管副主席须为县政协副主席。"])) {
            try s.setArrangements(place: "县政协会议室", startTime: "上午9:00", host: chair,
                                  viceChairInChargeID: 99, chairID: F.chairID, viceChairIDs: F.viceChairIDs)
        }
        #expect(throws: SymposiumError.self) {
            try s.setArrangements(place: String(repeating: "室", count: 101), startTime: "上午9:00", host: chair,
                                  viceChairInChargeID: F.viceChairID, chairID: F.chairID, viceChairIDs: F.viceChairIDs)
        }
        #expect(s == before)
        try s.setArrangements(place: " 县政协三楼会议室 ", startTime: " 下午3:00 ", host: entrusted(by: F.chairID),
                              viceChairInChargeID: F.otherViceChairID, chairID: F.chairID, viceChairIDs: F.viceChairIDs)
        #expect(s.place == "县政协三楼会议室" && s.startTime == "下午3:00")
        #expect(s.host.personID == F.otherViceChairID && s.viceChairInChargeID == F.otherViceChairID)
    }

    @Test("二.4 the vice chair in charge signs; nobody else, not even the chair")
    func viceChairInChargeSigns() {
        let s = F.symposium(viceChairInChargeID: F.viceChairID)
        #expect(throws: Never.self) { try s.requireSigner(personID: F.viceChairID, chairID: F.chairID) }
        for other in [F.chairID, F.otherViceChairID, F.secretaryGeneralID] {
            #expect(throws: SymposiumError.notViceChairInCharge) { try s.requireSigner(personID: other, chairID: F.chairID) }
        }
        #expect(throws: SymposiumError.notViceChairInCharge) { try s.requireSigner(personID: nil, chairID: F.chairID) }
        #expect(SymposiumError.notViceChairInCharge.kind == .forbidden)
    }

    @Test("二.4 with no vice chair in charge named, the chair signs")
    func chairSignsWhenNoneNamed() {
        let s = F.symposium(viceChairInChargeID: nil)
        #expect(throws: Never.self) { try s.requireSigner(personID: F.chairID, chairID: F.chairID) }
        #expect(throws: SymposiumError.notViceChairInCharge) { try s.requireSigner(personID: F.viceChairID, chairID: F.chairID) }
        #expect(throws: SymposiumError.notViceChairInCharge) { try s.requireSigner(personID: F.chairID, chairID: nil) }
    }

    @Test("二.2 rescheduling keeps the old day, the new day, the reason, who and when")
    func rescheduleKeepsTheRecord() throws {
        var s = F.symposium(on: "2026-06-18")
        try s.reschedule(to: day("2026-06-25"), startTime: "下午2:30", reason: "  县委常委会时间冲突 ", actor: "办公室",
                         at: F.instant, calendar: F.calendar, confirmNonWorkingDay: false)
        #expect(s.date == day("2026-06-25"))
        #expect(s.startTime == "下午2:30")
        #expect(s.reschedulings == [Rescheduling(from: day("2026-06-18"), to: day("2026-06-25"), reason: "县委常委会时间冲突",
                                                 actor: "办公室", at: F.instant)])
        try s.reschedule(to: day("2026-06-24"), startTime: nil, reason: "会场调整", actor: "办公室",
                         at: F.at(minutes: 5), calendar: F.calendar, confirmNonWorkingDay: false)
        #expect(s.startTime == "下午2:30")
        #expect(s.reschedulings.map(\.from) == [day("2026-06-18"), day("2026-06-25")])
    }

    @Test("二.2 rescheduling needs a reason; blanks are none")
    func rescheduleNeedsAReason() {
        var s = F.symposium(on: "2026-06-18")
        let before = s
        for blank in ["", " ", "\n\t"] {
            #expect(throws: SymposiumError.rescheduleNeedsReason) {
                try s.reschedule(to: day("2026-06-25"), startTime: nil, reason: blank, actor: "办公室", at: F.instant,
                                 calendar: F.calendar, confirmNonWorkingDay: false)
            }
        }
        #expect(s == before)
    }

    @Test("二.2 a non-working day needs the office's confirmation, and the refusal says what the day is")
    func nonWorkingDayNeedsConfirmation() throws {
        var s = F.symposium(on: "2026-06-18")
        let before = s
        // 10-01 is 国庆节; 06-20 is 端午节 (and a Saturday); 06-27 a plain Saturday.
        for (iso, kind) in [("2026-10-01", "国庆节放假"), ("2026-06-20", "端午节放假"), ("2026-06-27", "周末")] {
            #expect(throws: SymposiumError.nonWorkingDay(day(iso), kind)) {
                try s.reschedule(to: day(iso), startTime: nil, reason: "县领导时间安排", actor: "办公室", at: F.instant,
                                 calendar: F.calendar, confirmNonWorkingDay: false)
            }
        }
        #expect(s == before)
        #expect(SymposiumError.nonWorkingDay(day("2026-10-01"), "国庆节放假").message.contains("2026年10月1日是国庆节放假"))
        try s.reschedule(to: day("2026-06-27"), startTime: nil, reason: "县领导时间安排", actor: "办公室", at: F.instant,
                         calendar: F.calendar, confirmNonWorkingDay: true)
        #expect(s.date == day("2026-06-27"))
    }

    @Test("二.2 an adjusted workday (调休上班) is a working day and needs no confirmation")
    func adjustedWorkdayNeedsNoConfirmation() throws {
        var s = F.symposium(on: "2026-09-21")
        try s.reschedule(to: day("2026-09-20"), startTime: nil, reason: "提前一天", actor: "办公室", at: F.instant,
                         calendar: F.calendar, confirmNonWorkingDay: false)
        #expect(s.date == day("2026-09-20"))
    }

    @Test("二.2 once held, the symposium cannot be rescheduled")
    func heldSymposiumCannotMove() {
        var s = F.symposium(on: "2026-06-18")
        s.heldOn = day("2026-06-18")
        let before = s
        #expect(throws: SymposiumError.alreadyHeld) {
            try s.reschedule(to: day("2026-06-25"), startTime: nil, reason: "补记", actor: "办公室", at: F.instant,
                             calendar: F.calendar, confirmNonWorkingDay: true)
        }
        #expect(s == before)
    }
}
