import Foundation
import Testing
@testable import XieshangCore

private func day(_ iso: String) -> Day { SymposiumFixtures.day(iso) }

/// The store saves the whole preparation as one value: nothing may be lost on the way.
@Suite("Symposium storage round trip")
struct SymposiumCodingTests {
    typealias F = SymposiumFixtures

    @Test("a prepared symposium survives JSON encoding unchanged")
    func roundTrip() throws {
        var s = F.symposium(on: "2026-06-18")
        s.host = SymposiumHost(personID: F.otherViceChairID,
                               entrustment: SymposiumHost.Entrustment(byPersonID: F.chairID, on: day("2026-04-01"), note: "委托"))
        try s.implementationPlan.take(.submit, content: F.completeContent, actor: "委室", at: F.instant, on: day("2026-04-10"))
        try s.implementationPlan.take(.return, note: "补充议程", actor: "分管副主席", at: F.at(minutes: 1), on: day("2026-04-11"))
        try s.scheduleMeeting(.mobilization, date: day("2026-04-17"), time: "下午3:00", place: "会议室", convenorID: F.viceChairID,
                              attendeeIDs: [1, 2])
        try s.addTask(.mobilization, title: "起草中心发言", owner: .committee(3), due: day("2026-06-05"))
        try s.addTask(.mobilization, title: "情况介绍", owner: .department(7), due: day("2026-06-05"))
        try s.addTask(.coordination, title: "检查会场", owner: .role(.secretaryGeneral), due: day("2026-06-16"))
        try s.addTask(.coordination, title: "主持词", owner: .person(F.secretaryGeneralID), due: day("2026-06-16"))
        try s.addResearch(kind: .fieldVisit, title: "实地考察", date: day("2026-05-08"), place: "马路镇", participants: "", findings: "x")
        try s.addInvitee(personID: 50, name: "王委员", category: .members, reason: "茶企", isCurrentMember: true)
        s.preInviteAll(at: F.instant)
        try s.withInvitee(50) {
            try $0.answer(.confirm, via: .phone, note: "", at: F.at(minutes: 2))
            try $0.notify(at: F.at(minutes: 3), mailedTo: "wang@example.cn")
        }
        try s.comment(author: "办公室", text: "可行", at: F.instant)
        try s.reschedule(to: day("2026-06-25"), startTime: nil, reason: "时间冲突", actor: "办公室", at: F.instant,
                         calendar: F.calendar, confirmNonWorkingDay: false)
        s.formalNoticeSentAt = F.at(minutes: 3)

        let decoded = try JSONDecoder().decode(Symposium.self, from: try JSONEncoder().encode(s))
        #expect(decoded == s)
    }
}
