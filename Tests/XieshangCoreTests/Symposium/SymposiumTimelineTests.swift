import Testing
@testable import XieshangCore

private func day(_ iso: String) -> Day { SymposiumFixtures.day(iso) }

/// The preparation's due dates under DESIGN.md's "Date conventions", with the built-in 2026
/// arrangement: 元旦 01-01..03; 春节 02-15..23, worked Saturdays 02-14 and 02-28; 劳动节
/// 05-01..05, worked Saturday 05-09; 端午节 06-19..21; 中秋节 09-25..27; 国庆节 10-01..07, worked
/// Sunday 09-20 and Saturday 10-10. Every expected date below is reasoned out in its comment.
@Suite("Symposium timeline: derived due dates (二.4, 三(二), 三(五))")
struct SymposiumTimelineTests {
    let regulation = Regulation.default
    let calendar = WorkingCalendar.builtIn

    func steps(_ s: Symposium, today: Day = day("2026-01-05"), regulation: Regulation = .default,
               calendar: WorkingCalendar = .builtIn) -> [TimelineStep.Kind: TimelineStep] {
        let all = SymposiumTimeline.steps(for: s, regulation: regulation, calendar: calendar, today: today)
        return Dictionary(uniqueKeysWithValues: all.map { ($0.kind, $0) })
    }

    func due(_ kind: TimelineStep.Kind, symposiumOn iso: String) -> Day? {
        steps(SymposiumFixtures.symposium(on: iso))[kind]?.due
    }

    @Test("二.4 三(二) the steps come in the order of the working method, each with its owner")
    func stepsInOrderWithOwners() {
        let s = SymposiumFixtures.symposium(on: "2026-06-18")
        let all = SymposiumTimeline.steps(for: s, regulation: regulation, calendar: calendar, today: day("2026-01-05"))
        #expect(all.map(\.kind) == [.implementationPlan, .mobilizationMeeting, .research, .coordinationMeeting, .materials,
                                    .symposium, .outcomes])
        #expect(all.map(\.owner) == [.committee(3), .person(SymposiumFixtures.viceChairID), .committee(3),
                                     .role(.secretaryGeneral), .role(.office), .role(.office), .role(.office)])
        #expect(all.allSatisfy { !$0.provisional })
        #expect(all.allSatisfy { $0.state == .pending })
    }

    @Test("二.4 the implementation plan is due two months before, on that day when it is a working day")
    func planDueTwoMonthsBeforeOnAWorkingDay() {
        // 2026-12-08 (Tue) → 2026-10-08, a Thursday just after National Day: a working day.
        #expect(due(.implementationPlan, symposiumOn: "2026-12-08") == day("2026-10-08"))
        // 2026-09-21 (Mon) → 2026-07-21, a Tuesday.
        #expect(due(.implementationPlan, symposiumOn: "2026-09-21") == day("2026-07-21"))
    }

    @Test("二.4 two months before 04-30 is clamped to 02-28, a Saturday worked for the Spring Festival, so it stays")
    func planDueClampedToMonthEndOnAnAdjustedWorkday() {
        // 2026-02 has 28 days: 04-30 → 02-28 (Sat), an adjusted workday (春节调休上班).
        #expect(due(.implementationPlan, symposiumOn: "2026-04-30") == day("2026-02-28"))
        // 2026-08-31 → 06-31 does not exist → 06-30, a Tuesday.
        #expect(due(.implementationPlan, symposiumOn: "2026-08-31") == day("2026-06-30"))
    }

    @Test("二.4 the implementation plan is due two months before, moved to the nearest earlier working day across a holiday")
    func planDueSteppedBackAcrossAHoliday() {
        // 2026-04-21 → 02-21 (Sat, 春节); 02-15..20 are 春节 too; 02-14 is a worked Saturday.
        #expect(due(.implementationPlan, symposiumOn: "2026-04-21") == day("2026-02-14"))
        // 2026-12-07 → 10-07 (国庆节); back through 10-06..10-01 (国庆节) to Wednesday 09-30.
        #expect(due(.implementationPlan, symposiumOn: "2026-12-07") == day("2026-09-30"))
        // 2026-04-18 is a plain Saturday: a symposium on 2026-06-18 has its plan due Friday 04-17.
        #expect(due(.implementationPlan, symposiumOn: "2026-06-18") == day("2026-04-17"))
        // 2026-10-09 → 08-09 (Sun) → 08-08 (Sat) → Friday 08-07.
        #expect(due(.implementationPlan, symposiumOn: "2026-10-09") == day("2026-08-07"))
    }

    @Test("二.4 stepping back may cross into the previous year: 2026-03-02 → 01-02 (元旦) → 2025-12-31")
    func planDueSteppedBackIntoThePreviousYear() {
        // 2026-01-01..03 are 元旦; 2025-12-31 is a Wednesday.
        #expect(due(.implementationPlan, symposiumOn: "2026-03-02") == day("2025-12-31"))
    }

    @Test("三(二).1 the mobilization meeting is due the same day as the implementation plan: two months before")
    func mobilizationDueWithThePlan() {
        for (symposium, expected) in [("2026-04-30", "2026-02-28"), ("2026-04-21", "2026-02-14"), ("2026-12-07", "2026-09-30"),
                                      ("2026-03-02", "2025-12-31"), ("2026-06-18", "2026-04-17")] {
            let s = steps(SymposiumFixtures.symposium(on: symposium))
            #expect(s[.mobilizationMeeting]?.due == day(expected), "symposium \(symposium)")
            #expect(s[.mobilizationMeeting]?.due == s[.implementationPlan]?.due)
        }
    }

    @Test("三(二).3 the coordination meeting is one week before, on that day when it is a working day")
    func coordinationOneWeekBefore() {
        // 2026-06-18 (Thu) → 06-11 (Thu).
        #expect(due(.coordinationMeeting, symposiumOn: "2026-06-18") == day("2026-06-11"))
        // 2026-12-08 (Tue) → 12-01 (Tue).
        #expect(due(.coordinationMeeting, symposiumOn: "2026-12-08") == day("2026-12-01"))
    }

    @Test("三(二).3 one week before on a holiday steps back to the nearest earlier working day: 2026-10-09 → 10-02 → 09-30")
    func coordinationSteppedBackAcrossNationalDay() {
        // 10-02 and 10-01 are 国庆节; 09-30 is a Wednesday.
        #expect(due(.coordinationMeeting, symposiumOn: "2026-10-09") == day("2026-09-30"))
        // 2026-10-14 → 10-07, the last day of 国庆节 → back through the whole holiday to 09-30.
        #expect(due(.coordinationMeeting, symposiumOn: "2026-10-14") == day("2026-09-30"))
        // A symposium on the worked Saturday 10-10 → 10-03 (国庆节) → 09-30.
        #expect(due(.coordinationMeeting, symposiumOn: "2026-10-10") == day("2026-09-30"))
    }

    @Test("三(二).3 one week before across the Spring Festival lands on the worked Saturday 2026-02-14")
    func coordinationSteppedBackToAnAdjustedWorkday() {
        // 2026-03-02 → 02-23 (Mon, last day of 春节) → 02-22..15 are 春节 → 02-14 (Sat, worked).
        #expect(due(.coordinationMeeting, symposiumOn: "2026-03-02") == day("2026-02-14"))
    }

    @Test("三(二).3 one week before on a plain weekend steps back to Friday")
    func coordinationSteppedBackOverAWeekend() {
        // A symposium on the worked Sunday 2026-09-20 → 09-13 (Sun) → 09-12 (Sat) → 09-11 (Fri).
        #expect(due(.coordinationMeeting, symposiumOn: "2026-09-20") == day("2026-09-11"))
    }

    @Test("三(二).2 the research window runs from the mobilization meeting to the coordination meeting")
    func researchWindow() {
        let s = steps(SymposiumFixtures.symposium(on: "2026-06-18"))
        #expect(s[.research]?.startsOn == day("2026-04-17"))
        #expect(s[.research]?.due == day("2026-06-11"))
        #expect(s[.implementationPlan]?.startsOn == nil)
    }

    @Test("三(五) outcomes are due on the 10th working day after, the day itself not counted (DESIGN's examples)")
    func outcomesTenWorkingDaysAfter() {
        // 09-29 (Tue): 09-30 is 1; 10-01..07 off; 10-08 2, 10-09 3, Sat 10-10 (worked) 4, 10-12..16 5–9, 10-19 10.
        #expect(due(.outcomes, symposiumOn: "2026-09-29") == day("2026-10-19"))
        // 06-18 (Thu): 06-19..21 off (端午节); 06-22..26 1–5, 06-29..07-02 6–9, 07-03 10.
        #expect(due(.outcomes, symposiumOn: "2026-06-18") == day("2026-07-03"))
        // 04-30 (Thu): 05-01..05 off; 05-06..08 1–3, Sat 05-09 (worked) 4, 05-11..15 5–9, 05-18 10.
        #expect(due(.outcomes, symposiumOn: "2026-04-30") == day("2026-05-18"))
        // 12-08 (Tue): 12-09..11 1–3, 12-14..18 4–8, 12-21 9, 12-22 10.
        #expect(due(.outcomes, symposiumOn: "2026-12-08") == day("2026-12-22"))
    }

    @Test("三(二).4 the symposium step is the symposium's own day, and the outcomes window opens on it")
    func symposiumStepIsTheDay() {
        let s = steps(SymposiumFixtures.symposium(on: "2026-06-18"))
        #expect(s[.symposium]?.due == day("2026-06-18"))
        #expect(s[.outcomes]?.startsOn == day("2026-06-18"))
    }

    @Test("二.2 moving the symposium's date moves every step")
    func reschedulingMovesEveryStep() throws {
        var s = SymposiumFixtures.symposium(on: "2026-06-18")
        try s.reschedule(to: day("2026-10-09"), startTime: nil, reason: "县委常委会时间冲突", actor: "office",
                         at: SymposiumFixtures.instant, calendar: calendar, confirmNonWorkingDay: false)
        let moved = steps(s)
        // 10-09 → 08-09 (Sun) → 08-08 (Sat) → 08-07 (Fri).
        #expect(moved[.implementationPlan]?.due == day("2026-08-07"))
        #expect(moved[.mobilizationMeeting]?.due == day("2026-08-07"))
        #expect(moved[.research]?.startsOn == day("2026-08-07"))
        // 10-02 (国庆节) → 09-30.
        #expect(moved[.research]?.due == day("2026-09-30"))
        #expect(moved[.coordinationMeeting]?.due == day("2026-09-30"))
        #expect(moved[.symposium]?.due == day("2026-10-09"))
        // Sat 10-10 (worked) is 1, 10-12..16 2–6, 10-19..22 7–10.
        #expect(moved[.outcomes]?.due == day("2026-10-22"))
    }

    @Test("三(二).1 三(二).3 a scheduled meeting's day replaces the rule's day, and the research window follows it")
    func scheduledMeetingOverridesTheRule() throws {
        var s = SymposiumFixtures.symposium(on: "2026-06-18")
        try s.scheduleMeeting(.mobilization, date: day("2026-04-20"), time: "下午3:00", place: "县政协会议室",
                              convenorID: SymposiumFixtures.viceChairID, attendeeIDs: [])
        try s.scheduleMeeting(.coordination, date: day("2026-06-10"), time: "上午9:00", place: "县政协会议室",
                              convenorID: SymposiumFixtures.secretaryGeneralID, attendeeIDs: [])
        let t = steps(s)
        #expect(t[.mobilizationMeeting]?.due == day("2026-04-20"))
        #expect(t[.mobilizationMeeting]?.rule == "已定于此日召开")
        #expect(t[.coordinationMeeting]?.due == day("2026-06-10"))
        #expect(t[.coordinationMeeting]?.rule == "已定于此日召开")
        #expect(t[.research]?.startsOn == day("2026-04-20"))
        #expect(t[.research]?.due == day("2026-06-10"))
        // The implementation plan keeps the rule's day.
        #expect(t[.implementationPlan]?.due == day("2026-04-17"))
    }

    @Test("二.4 三(二) lead times are read from the Regulation, not spelled in code")
    func leadTimesComeFromTheRegulation() {
        var r = Regulation.default
        r.implementationPlanLeadMonths = 3
        r.mobilizationLeadMonths = 1
        r.coordinationLeadDays = 14
        r.outcomeDeadlineWorkingDays = 5
        let t = steps(SymposiumFixtures.symposium(on: "2026-06-18"), regulation: r)
        // 3 months: 03-18 (Wed). 1 month: 05-18 (Mon). 14 days: 06-04 (Thu).
        #expect(t[.implementationPlan]?.due == day("2026-03-18"))
        #expect(t[.mobilizationMeeting]?.due == day("2026-05-18"))
        #expect(t[.coordinationMeeting]?.due == day("2026-06-04"))
        // 5 working days after 06-18 (端午节 06-19..21): 06-22..26 → 06-26.
        #expect(t[.outcomes]?.due == day("2026-06-26"))
        #expect(t[.implementationPlan]?.rule.contains("会前3个月") == true)
    }

    @Test("a step is pending up to and including its due day, overdue the day after")
    func pendingThenOverdue() {
        let s = SymposiumFixtures.symposium(on: "2026-06-18")
        // The plan is due 2026-04-17 (Fri).
        #expect(steps(s, today: day("2026-04-16"))[.implementationPlan]?.state == .pending)
        #expect(steps(s, today: day("2026-04-17"))[.implementationPlan]?.state == .pending)
        #expect(steps(s, today: day("2026-04-18"))[.implementationPlan]?.state == .overdue)
        let late = steps(s, today: day("2026-07-06"))
        #expect(late.values.allSatisfy { $0.state == .overdue })
    }

    @Test("二.4 the plan step is done once submitted for signing, and open again when returned")
    func planStepDoneWhenSubmitted() throws {
        var s = SymposiumFixtures.symposium(on: "2026-06-18")
        let late = day("2026-05-01")
        #expect(steps(s, today: late)[.implementationPlan]?.state == .overdue)
        try s.implementationPlan.take(.submit, content: SymposiumFixtures.completeContent, actor: "committee",
                                      at: SymposiumFixtures.instant, on: day("2026-04-30"))
        #expect(steps(s, today: late)[.implementationPlan]?.state == .done)
        try s.implementationPlan.take(.return, note: "议程请再斟酌", actor: "vice chair", at: SymposiumFixtures.instant,
                                      on: day("2026-05-01"))
        #expect(steps(s, today: late)[.implementationPlan]?.state == .overdue)
    }

    @Test("三(二) meetings are done when their record says held; research when an activity has findings")
    func meetingsAndResearchDone() throws {
        var s = SymposiumFixtures.symposium(on: "2026-06-18")
        let today = day("2026-06-12")
        try s.scheduleMeeting(.mobilization, date: day("2026-04-17"), time: "", place: "", convenorID: nil, attendeeIDs: [])
        try s.recordMeeting(.mobilization, decisions: "通报实施方案", held: true)
        let id = try s.addResearch(kind: .research, title: "黑茶产业专题调研", date: day("2026-05-12"), place: "江南镇",
                                   participants: "", findings: "  ")
        var t = steps(s, today: today)
        #expect(t[.mobilizationMeeting]?.state == .done)
        #expect(t[.research]?.state == .overdue)  // only blank findings so far; due 06-11
        try s.updateResearchFindings(id: id, findings: "加工企业规模偏小")
        try s.scheduleMeeting(.coordination, date: day("2026-06-11"), time: "", place: "", convenorID: nil, attendeeIDs: [])
        try s.recordMeeting(.coordination, decisions: "检查准备工作", held: true)
        t = steps(s, today: today)
        #expect(t[.research]?.state == .done)
        #expect(t[.coordinationMeeting]?.state == .done)
    }

    @Test("三(二).4 the symposium step is done once it was held")
    func symposiumDoneWhenHeld() {
        var s = SymposiumFixtures.symposium(on: "2026-06-18")
        #expect(steps(s, today: day("2026-06-19"))[.symposium]?.state == .overdue)
        s.heldOn = day("2026-06-18")
        #expect(steps(s, today: day("2026-06-19"))[.symposium]?.state == .done)
    }

    @Test("三(五) the 报送协商成果 step is done once the outcomes are sent, also after its due day")
    func outcomesStepDoneWhenSent() {
        var s = SymposiumFixtures.symposium(on: "2026-06-18")
        s.heldOn = day("2026-06-18")
        let late = day("2026-07-06")   // after the due day 07-03
        func state(sent: Bool) -> TimelineStep.State? {
            SymposiumTimeline.steps(for: s, regulation: regulation, calendar: calendar, today: late, outcomesSent: sent)
                .first { $0.kind == .outcomes }?.state
        }
        #expect(state(sent: false) == .overdue)
        #expect(state(sent: true) == .done)
    }

    @Test("三(五) after the meeting the outcomes' deadline counts from the day it was held, as each outcome's does")
    func outcomesCountFromTheDayHeld() throws {
        // Planned 11-24, held 12-15 (Tue): 12-16..18 1–3, 12-21..25 4–8, 12-28 9, 12-29 10.
        var s = SymposiumFixtures.symposium(on: "2026-11-24")
        #expect(steps(s)[.outcomes]?.due == day("2026-12-08"))
        s.heldOn = day("2026-12-15")
        let t = steps(s, today: day("2026-12-16"))
        #expect(t[.outcomes]?.due == day("2026-12-29"))
        #expect(t[.outcomes]?.startsOn == day("2026-12-15"))
        #expect(t[.outcomes]?.due == (try Outcome.due(symposiumDay: day("2026-12-15"), calendar: calendar, regulation: regulation)))
    }

    @Test("a year the calendar does not cover gives provisional steps, unadjusted, instead of an error")
    func uncoveredYearIsProvisional() {
        var s = SymposiumFixtures.symposium(on: "2027-04-20")
        s.year = 2027
        let all = SymposiumTimeline.steps(for: s, regulation: regulation, calendar: calendar, today: day("2026-12-01"))
        #expect(all.count == 7)
        // Every computed step; the symposium's own day is the plan's, not computed.
        #expect(all.filter(\.provisional).map(\.kind) == [.implementationPlan, .mobilizationMeeting, .research,
                                                            .coordinationMeeting, .materials, .outcomes])
        let t = Dictionary(uniqueKeysWithValues: all.map { ($0.kind, $0) })
        // Not adjusted: 2027-02-20 is a Saturday, kept as the plain calendar rule gives it.
        #expect(t[.implementationPlan]?.due == day("2027-02-20"))
        #expect(t[.mobilizationMeeting]?.due == day("2027-02-20"))
        #expect(t[.coordinationMeeting]?.due == day("2027-04-13"))
        #expect(t[.symposium]?.due == day("2027-04-20"))
        if let outcomes = t[.outcomes]?.due { #expect(outcomes > day("2027-04-20")) }
    }

    @Test("a meeting already scheduled in an uncovered year is exact, not provisional")
    func scheduledMeetingInUncoveredYearIsExact() throws {
        var s = SymposiumFixtures.symposium(on: "2027-04-20")
        s.year = 2027
        try s.scheduleMeeting(.coordination, date: day("2027-04-12"), time: "", place: "", convenorID: nil, attendeeIDs: [])
        let t = steps(s)
        #expect(t[.coordinationMeeting]?.due == day("2027-04-12"))
        #expect(t[.coordinationMeeting]?.provisional == false)
        #expect(t[.implementationPlan]?.provisional == true)
    }

    @Test("only the steps the calendar cannot place are provisional: a late-December symposium's outcomes")
    func onlyUncoveredStepsAreProvisional() {
        // 2026-12-24 (Thu): 12-25 1, 12-28..31 2–5, then 2027 is not covered.
        let t = steps(SymposiumFixtures.symposium(on: "2026-12-24"))
        #expect(t[.outcomes]?.provisional == true)
        // 10-24 (Sat) → 10-23 (Fri), exactly known.
        #expect(t[.implementationPlan]?.due == day("2026-10-23"))
        #expect(t[.implementationPlan]?.provisional == false)
        #expect(t[.mobilizationMeeting]?.provisional == false)
        #expect(t[.research]?.provisional == false)
        #expect(t[.coordinationMeeting]?.due == day("2026-12-17"))
        #expect(t[.coordinationMeeting]?.provisional == false)
        #expect(t[.symposium]?.provisional == false)
    }

    @Test("stepping back out of the covered years is provisional too: 2015-03-03 → 01-03 (元旦) → 2014")
    func steppingBackOutOfCoverageIsProvisional() {
        // 2015-01-01..03 are 元旦; 2014 is not in the built-in table.
        var s = SymposiumFixtures.symposium(on: "2015-03-03")
        s.year = 2015
        let t = steps(s)
        #expect(t[.implementationPlan]?.provisional == true)
        #expect(t[.implementationPlan]?.due == day("2015-01-03"))
        // 7 days before: 2015-02-24 is the last day of 春节 (02-18..24) → back to Tuesday 02-17.
        #expect(t[.coordinationMeeting]?.due == day("2015-02-17"))
        #expect(t[.coordinationMeeting]?.provisional == false)
    }

    @Test("a calendar loaded with the next year's arrangement makes those steps exact")
    func loadedYearIsExact() throws {
        let next = YearArrangement(year: 2027, daysOff: [NamedDay(day: day("2027-01-01"), name: "元旦")], adjustedWorkdays: [],
                                   source: "测试用安排")
        let extended = try calendar.withArrangement(next)
        var s = SymposiumFixtures.symposium(on: "2027-04-20")
        s.year = 2027
        let t = steps(s, calendar: extended)
        #expect(t.values.allSatisfy { !$0.provisional })
        // 2027-02-20 (Sat) → 02-19 (Fri): this test arrangement has no day off in February.
        #expect(t[.implementationPlan]?.due == day("2027-02-19"))
    }
}
