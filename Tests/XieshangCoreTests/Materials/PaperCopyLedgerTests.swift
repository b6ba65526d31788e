import Foundation
import Testing
@testable import XieshangCore

/// 三(四).2 "根据涉密程度明确发放范围": a printed copy goes only to a named person inside the range,
/// one copy per person at a time.
@Suite("Handing out paper copies inside the range")
struct PaperCopyLedgerTests {
    typealias F = MaterialFixtures

    func ledger(copies: Int = 12, distribution: Distribution = Distribution(roles: [.leader], categories: [.members]))
        throws -> PaperCopyLedger {
        let (m, c) = try F.onPaper(copies: copies, distribution: distribution)
        return PaperCopyLedger(material: m, copies: c)
    }

    func hand(_ l: inout PaperCopyLedger, _ number: Int, _ reader: MaterialReader, _ name: String = "某人") throws {
        try l.handOut(number, to: reader, named: name, leadCommitteeID: F.leadCommitteeID, actor: "办公室", at: F.at(minutes: number))
    }

    @Test("三(四).2 copies go to attendees inside the range; one outside the range is refused by name")
    func insideRangeOnly() throws {
        var l = try ledger()
        // Ten attending members (in range by category) each get one.
        for i in 0..<10 {
            try hand(&l, i + 1, MaterialReader(personID: 100 + i, roles: [.member], category: .members))
        }
        #expect(l.copies.filter { $0.state == .handedOut }.count == 10)
        // An attending expert is outside a range of leaders and members.
        #expect(throws: PaperCopyError.outsideRange("黄振宇")) { try hand(&l, 11, F.attendingExpert, "黄振宇") }
        #expect(try l.copy(11).state == .inOffice, "the refused copy stays in the office")
        // A member who does not attend is not in the "attending members" category either.
        #expect(throws: PaperCopyError.outsideRange("缺席委员")) { try hand(&l, 11, F.absentMember, "缺席委员") }
    }

    @Test("三(四).2 the office, the producer and the lead committee may hold a copy though the range does not list them")
    func thoseWhoAlwaysSee() throws {
        var l = try ledger(distribution: Distribution(roles: [.leader]))
        try hand(&l, 1, F.office)
        try hand(&l, 2, F.briefingDepartment)
        try hand(&l, 3, F.leadCommitteeStaff)
        #expect(throws: PaperCopyError.outsideRange("别的委室")) { try hand(&l, 4, F.otherCommitteeStaff, "别的委室") }
        #expect(throws: PaperCopyError.outsideRange("管理员")) { try hand(&l, 4, F.admin, "管理员") }
    }

    @Test("三(四).2 a copy goes to a named person, never to a role without one")
    func namedPersonOnly() throws {
        var l = try ledger()
        #expect(throws: PaperCopyError.notAPerson) { try hand(&l, 1, MaterialReader(roles: [.leader])) }
    }

    @Test("三(四).2 each person holds one copy at a time; after returning it they may receive one again")
    func onePerPerson() throws {
        var l = try ledger()
        try hand(&l, 1, F.leader, "曾湘莲")
        #expect(throws: PaperCopyError.alreadyHolds("曾湘莲", 1)) { try hand(&l, 2, F.leader, "曾湘莲") }
        try l.update(1) { try $0.keep(reason: "工作需要", approvedBy: "李永安", actor: "办公室", at: F.instant) }
        #expect(throws: PaperCopyError.alreadyHolds("曾湘莲", 1)) { try hand(&l, 2, F.leader, "曾湘莲") }
        try l.update(1) { try $0.returnToOffice(actor: "办公室", at: F.instant) }
        try hand(&l, 2, F.leader, "曾湘莲")
        #expect(l.held(by: F.leaderID)?.number == 2)
        #expect(l.latest(for: F.leaderID)?.number == 2)
    }

    @Test("GB/T 9704 份号 a copy already handed out is not handed out again, and an unknown number is not found")
    func copyStates() throws {
        var l = try ledger()
        try hand(&l, 1, F.leader)
        #expect(throws: PaperCopyError.stepOutOfOrder(1, .handedOut, .handOut)) { try hand(&l, 1, F.attendingMember) }
        #expect(throws: PaperCopyError.copyNotFound(13)) { try hand(&l, 13, F.attendingMember) }
        #expect(PaperCopyError.copyNotFound(13).kind == .notFound)
    }

    @Test("纸质件分发 the next copy is the lowest number still in the office; none left is a clear refusal")
    func next() throws {
        var l = try ledger(copies: 2)
        try hand(&l, 1, F.leader)
        #expect(try l.handOutNext(to: F.attendingMember, named: "委员", leadCommitteeID: F.leadCommitteeID, actor: "办公室",
                                  at: F.instant) == 2)
        #expect(throws: PaperCopyError.notEnoughCopies(needed: 1, inOffice: 0)) {
            try l.handOutNext(to: F.speaker, named: "发言人", leadCommitteeID: F.leadCommitteeID, actor: "办公室", at: F.instant)
        }
        #expect(l.inOffice.isEmpty)
    }

    @Test("a ledger holds only its material's copies, by number")
    func onlyItsOwn() throws {
        let (m, c) = try F.onPaper(copies: 2)
        let stranger = PaperCopy(materialID: m.id + 1, number: 9, registeredBy: "办公室", at: F.instant)
        let l = PaperCopyLedger(material: m, copies: [c[1], stranger, c[0]])
        #expect(l.copies.map(\.number) == [1, 2])
    }
}
