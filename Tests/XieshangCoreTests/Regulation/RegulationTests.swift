import Testing
@testable import XieshangCore

/// The default profile holds the numbers of the working method, clause by clause.
@Suite("Regulation: the seed's values")
struct RegulationTests {
    let r = Regulation.default

    @Test func symposiumEveryTwoMonthsAboutSixAYear() {   // 一.5
        #expect(r.cadenceMonths == 2)
        #expect(r.symposiaPerYear == 6)
    }

    @Test func januaryAndFebruaryMergeWithThePlenary() {  // 二.3
        #expect(r.monthsMergedWithPlenary == [1, 2])
    }

    @Test func topicsAreCalledForInNovember() {           // 二.1
        #expect(r.topicCallMonth == 11)
    }

    @Test func implementationPlanAndMobilizationTwoMonthsBefore() {  // 二.4, 三(二).1
        #expect(r.implementationPlanLeadMonths == 2)
        #expect(r.mobilizationLeadMonths == 2)
    }

    @Test func coordinationMeetingOneWeekBefore() {       // 三(二).3
        #expect(r.coordinationLeadDays == 7)
    }

    @Test func aboutSixMembersAndTwoToThreeExperts() {    // 三(一).1
        #expect(r.invitedMembers.preferred == 6...6)
        #expect(r.invitedExperts.preferred == 2...3)
    }

    @Test func agendaSegmentsInPrescribedOrderWithTheirLimits() {  // 三(三).1–6
        #expect(r.agenda.map(\.kind) == [.departmentBriefing, .keynote, .bookedSpeech, .freeSpeech, .response, .leaderRemarks])
        #expect(r.agenda.map(\.minutesPerSpeech) == [10, 10, 8, 5, 5, nil])
        #expect(r.segment(.bookedSpeech)?.speakers?.allowed == 2...4)
    }

    @Test func attendeeListHasFiveCategoriesInOrder() {   // 三(四).5
        #expect(r.attendeeCategories == [.leaders, .committeeHeads, .departmentHeads, .members, .experts])
    }

    @Test func outcomesWithinTenWorkingDaysInThreeForms() {  // 三(五), 一.6
        #expect(r.outcomeDeadlineWorkingDays == 10)
        #expect(r.outcomeForms.map(\.chineseName) == ["政协参阅件", "建议案", "提案"])
    }

    @Test func regulationIsPlainData() throws {
        let data = try JSONEncoder().encode(r)
        #expect(try JSONDecoder().decode(Regulation.self, from: data) == r)
    }
}

import Foundation
