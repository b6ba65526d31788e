import Foundation
import Testing
@testable import XieshangCore

/// 三(一).3: "牵头委室预约邀请……落实委员、专家学者和有关部门出席情况后，办公室寄送正式通知和邀请函".
@Suite("Invitations: proposed → pre-invited → confirmed or declined → notified (三(一).1, 三(一).3)")
struct InvitationTests {
    typealias State = Invitee.State
    let t0 = SymposiumFixtures.instant
    let t1 = SymposiumFixtures.at(minutes: 60)
    let t2 = SymposiumFixtures.at(minutes: 120)

    /// An invitee reached by legal steps only.
    func invitee(in state: State) throws -> Invitee {
        var i = Invitee(personID: 50, category: .members, reason: "茶产业界别")
        switch state {
        case .proposed: break
        case .preInvited: try i.preInvite(at: t0)
        case .confirmed:
            try i.preInvite(at: t0)
            try i.answer(.confirm, via: .own, note: "", at: t1)
        case .declined:
            try i.preInvite(at: t0)
            try i.answer(.decline, via: .phone, note: "外出学习", at: t1)
        case .notified:
            try i.preInvite(at: t0)
            try i.answer(.confirm, via: .own, note: "", at: t1)
            try i.notify(at: t2, mailedTo: "wang@example.cn")
        }
        #expect(i.state == state)
        return i
    }

    /// A symposium with proposed members 50, 51, 52 and expert 60.
    func symposiumWithInvitees() throws -> Symposium {
        var s = SymposiumFixtures.symposium()
        try s.addInvitee(personID: 50, name: "王委员", category: .members, reason: "茶企负责人", isCurrentMember: true)
        try s.addInvitee(personID: 51, name: "李委员", category: .members, reason: "", isCurrentMember: true)
        try s.addInvitee(personID: 52, name: "张委员", category: .members, reason: "", isCurrentMember: true)
        try s.addInvitee(personID: 60, name: "赵教授", category: .experts, reason: "湖南农业大学", isCurrentMember: false)
        return s
    }

    @Test("三(一).3 a new invitee is proposed, asked by nobody yet")
    func newInviteeIsProposed() {
        let i = Invitee(personID: 50, category: .members)
        #expect(i.state == .proposed)
        #expect(i.preInvitedAt == nil && i.answeredAt == nil && i.notifiedAt == nil)
        #expect(i.remindedAt.isEmpty)
    }

    @Test("三(一).3 pre-invitation only from proposed; it records when", arguments: State.allCases)
    func preInviteOnlyFromProposed(state: State) throws {
        var i = try invitee(in: state)
        if state == .proposed {
            try i.preInvite(at: t0)
            #expect(i.state == .preInvited)
            #expect(i.preInvitedAt == t0)
        } else {
            let before = i
            #expect(throws: SymposiumError.invitationOutOfOrder(state, "预约邀请")) { try i.preInvite(at: t2) }
            #expect(i == before)
        }
    }

    @Test("三(一).3 an answer is taken once pre-invited and may change until the formal notice", arguments: State.allCases)
    func answerStates(state: State) throws {
        for answer in Invitee.Answer.allCases {
            var i = try invitee(in: state)
            if [.preInvited, .confirmed, .declined].contains(state) {
                try i.answer(answer, via: .phone, note: "  电话答复 ", at: t2)
                #expect(i.state == (answer == .confirm ? .confirmed : .declined))
                #expect(i.answeredVia == .phone)
                #expect(i.answeredAt == t2)
                #expect(i.answerNote == "电话答复")
            } else {
                let before = i
                #expect(throws: SymposiumError.invitationOutOfOrder(state, answer.chineseName)) {
                    try i.answer(answer, via: .own, note: "", at: t2)
                }
                #expect(i == before)
            }
        }
    }

    @Test("三(一).3 a confirmation can become a refusal and back again before the notice")
    func answerChangedBeforeNotice() throws {
        var i = try invitee(in: .preInvited)
        try i.answer(.confirm, via: .own, note: "", at: t0)
        try i.answer(.decline, via: .phone, note: "临时出差", at: t1)
        #expect(i.state == .declined && i.answerNote == "临时出差" && i.answeredVia == .phone)
        try i.answer(.confirm, via: .own, note: "出差取消", at: t2)
        #expect(i.state == .confirmed && i.answeredAt == t2 && i.answeredVia == .own)
    }

    @Test("三(一).3 after the formal notice the answer is fixed")
    func noAnswerAfterNotice() throws {
        var i = try invitee(in: .notified)
        #expect(throws: SymposiumError.invitationOutOfOrder(.notified, "不能出席")) {
            try i.answer(.decline, via: .phone, note: "", at: t2)
        }
        #expect(i.state == .notified)
    }

    @Test("三(一).3 an answer's note is at most 500 characters; a longer one changes nothing")
    func answerNoteLength() throws {
        var i = try invitee(in: .preInvited)
        let before = i
        #expect(throws: SymposiumError.invalid(["说明不超过500个字。"])) {
            try i.answer(.confirm, via: .own, note: String(repeating: "字", count: 501), at: t1)
        }
        #expect(i == before)
        try i.answer(.confirm, via: .own, note: String(repeating: "字", count: 500), at: t1)
        #expect(i.state == .confirmed)
    }

    @Test("三(一).3 a reminder only to someone pre-invited and not yet answered; each is kept", arguments: State.allCases)
    func remindOnlyWhenPreInvited(state: State) throws {
        var i = try invitee(in: state)
        if state == .preInvited {
            try i.remind(at: t1)
            try i.remind(at: t2)
            #expect(i.remindedAt == [t1, t2])
            #expect(i.state == .preInvited)
        } else {
            let before = i
            #expect(throws: SymposiumError.invitationOutOfOrder(state, "提醒答复")) { try i.remind(at: t1) }
            #expect(i == before)
        }
    }

    @Test("三(一).3 the formal notice goes only to those who confirmed", arguments: State.allCases)
    func notifyOnlyConfirmed(state: State) throws {
        var i = try invitee(in: state)
        if state == .confirmed {
            try i.notify(at: t2, mailedTo: nil)
            #expect(i.state == .notified)
            #expect(i.notifiedAt == t2)
            #expect(i.mailedTo == nil)
        } else {
            let before = i
            #expect(throws: SymposiumError.invitationOutOfOrder(state, "发送正式通知")) {
                try i.notify(at: t2, mailedTo: "x@example.cn")
            }
            #expect(i == before)
        }
    }

    @Test("三(一).3 the letter's address is kept when mailed")
    func mailedAddressKept() throws {
        let i = try invitee(in: .notified)
        #expect(i.mailedTo == "wang@example.cn")
    }

    @Test("三(一).3 off the list only before anyone asked, or after a refusal", arguments: State.allCases)
    func removableStates(state: State) throws {
        #expect(try invitee(in: state).removable == [.proposed, .declined].contains(state))
    }

    @Test("三(一).3 removing from the symposium follows the same rule and names the state when refused")
    func removeFromSymposium() throws {
        var s = try symposiumWithInvitees()
        try s.removeInvitee(personID: 52)
        #expect(s.invitee(52) == nil)

        try s.withInvitee(51) { try $0.preInvite(at: t0) }
        #expect(throws: SymposiumError.cannotRemove(.preInvited)) { try s.removeInvitee(personID: 51) }
        try s.withInvitee(51) { try $0.answer(.confirm, via: .own, note: "", at: t1) }
        #expect(throws: SymposiumError.cannotRemove(.confirmed)) { try s.removeInvitee(personID: 51) }
        try s.withInvitee(51) { try $0.notify(at: t2, mailedTo: nil) }
        #expect(throws: SymposiumError.cannotRemove(.notified)) { try s.removeInvitee(personID: 51) }
        #expect(s.invitee(51)?.state == .notified)

        try s.withInvitee(50) {
            try $0.preInvite(at: t0)
            try $0.answer(.decline, via: .phone, note: "", at: t1)
        }
        try s.removeInvitee(personID: 50)
        #expect(s.invitees.map(\.personID) == [51, 60])

        #expect(throws: SymposiumError.notInvited) { try s.removeInvitee(personID: 99) }
    }

    @Test("三(一).3 a refused step on one invitee leaves the list as it was")
    func refusedStepChangesNothing() throws {
        var s = try symposiumWithInvitees()
        let before = s
        #expect(throws: SymposiumError.invitationOutOfOrder(.proposed, "发送正式通知")) {
            try s.withInvitee(50) { try $0.notify(at: t2, mailedTo: nil) }
        }
        #expect(throws: SymposiumError.notInvited) { try s.withInvitee(99) { try $0.preInvite(at: t0) } }
        #expect(s == before)
    }

    @Test("三(一).3 pre-inviting everyone asks only those still proposed")
    func preInviteAllAsksOnlyProposed() throws {
        var s = try symposiumWithInvitees()
        try s.withInvitee(51) {
            try $0.preInvite(at: t0)
            try $0.answer(.decline, via: .phone, note: "", at: t0)
        }
        try s.withInvitee(52) { try $0.preInvite(at: t0) }
        let asked = s.preInviteAll(at: t1)
        #expect(asked == [50, 60])
        #expect(s.invitee(50)?.preInvitedAt == t1)
        #expect(s.invitee(52)?.preInvitedAt == t0)
        #expect(s.invitee(51)?.state == .declined)
        #expect(s.preInviteAll(at: t2).isEmpty)
    }

    @Test("三(一).3 the unanswered are those pre-invited; the confirmed await the office's notice")
    func unansweredAndAwaitingNotice() throws {
        var s = try symposiumWithInvitees()
        s.preInviteAll(at: t0)
        try s.withInvitee(50) { try $0.answer(.confirm, via: .own, note: "", at: t1) }
        try s.withInvitee(51) { try $0.answer(.decline, via: .own, note: "", at: t1) }
        #expect(s.unanswered.map(\.personID) == [52, 60])
        #expect(s.awaitingNotice.map(\.personID) == [50])
        try s.withInvitee(50) { try $0.notify(at: t2, mailedTo: nil) }
        #expect(s.awaitingNotice.isEmpty)
    }

    @Test("三(一).1 an expert must not be a member of the current term (本届政协委员以外)")
    func currentMemberIsNoExpert() throws {
        var s = SymposiumFixtures.symposium()
        #expect(throws: SymposiumError.expertIsMember("钱委员")) {
            try s.addInvitee(personID: 70, name: "钱委员", category: .experts, reason: "", isCurrentMember: true)
        }
        #expect(s.invitees.isEmpty)
        try s.addInvitee(personID: 70, name: "钱委员", category: .members, reason: "", isCurrentMember: true)
        try s.addInvitee(personID: 71, name: "孙教授", category: .experts, reason: "", isCurrentMember: false)
        #expect(s.invitees.map(\.category) == [.members, .experts])
        #expect(SymposiumError.expertIsMember("钱委员").message.contains("三(一).1"))
    }

    @Test("三(一).1 the same person cannot be on the list twice, whatever the category")
    func samePersonTwiceRefused() throws {
        var s = try symposiumWithInvitees()
        let before = s
        #expect(throws: SymposiumError.alreadyInvited("王委员")) {
            try s.addInvitee(personID: 50, name: "王委员", category: .members, reason: "", isCurrentMember: true)
        }
        #expect(throws: SymposiumError.alreadyInvited("王某")) {
            try s.addInvitee(personID: 50, name: "王某", category: .leaders, reason: "", isCurrentMember: false)
        }
        #expect(s == before)
    }

    @Test("三(一).1 a new invitee is proposed with the reason trimmed; a reason over 300 characters is refused")
    func addedInviteeIsProposedWithReason() throws {
        var s = SymposiumFixtures.symposium()
        try s.addInvitee(personID: 50, name: "王委员", category: .members, reason: " 茶企负责人 ", isCurrentMember: true)
        #expect(s.invitee(50) == Invitee(personID: 50, category: .members, reason: "茶企负责人"))
        #expect(throws: SymposiumError.invalid(["理由不超过300个字。"])) {
            try s.addInvitee(personID: 51, name: "李委员", category: .members, reason: String(repeating: "字", count: 301),
                             isCurrentMember: true)
        }
        #expect(s.invitee(51) == nil)
    }

    @Test("三(一).1 comments on the draft list are kept with their author and time (广泛征求意见)")
    func commentsOnTheList() throws {
        var s = SymposiumFixtures.symposium()
        try s.comment(author: "提案委", text: "  建议增加一位医药卫生界委员 ", at: t0)
        #expect(s.listComments.map(\.text) == ["建议增加一位医药卫生界委员"])
        #expect(s.listComments.first?.author == "提案委" && s.listComments.first?.at == t0)
        #expect(throws: SymposiumError.self) { try s.comment(author: "x", text: "  ", at: t0) }
        #expect(throws: SymposiumError.self) { try s.comment(author: "x", text: String(repeating: "字", count: 2001), at: t0) }
        #expect(s.listComments.count == 1)
    }

    @Test("三(一).3 only the not-declined count towards the quotas")
    func declinedDoNotCount() {
        #expect(State.allCases.filter(\.counts) == [.proposed, .preInvited, .confirmed, .notified])
    }
}
