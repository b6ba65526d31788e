import Testing
@testable import XieshangCore

/// Who may see and act on an outcome (一.6, 三(五)), asked of the domain directly.
@Suite("Access: seeing and acting on an outcome")
struct OutcomeAccessTests {
    typealias F = OutcomeFixtures
    static let lead = 3

    func principal(_ roles: Set<Role>, personID: Int? = nil, committeeID: Int? = nil, departmentID: Int? = nil) -> Principal {
        Principal(userID: 1, username: "u", displayName: "U", roles: roles, personID: personID,
                  committeeID: committeeID, departmentID: departmentID)
    }

    @Test("一.6 a draft is the CPPCC's own: a department named in it does not see it until it is sent")
    func draftsAreTheCPPCCsOwn() throws {
        let department = principal([.department], departmentID: F.agricultureID)
        let ready = try F.ready(.recommendation)
        #expect(!department.sees(ready, items: []))
        #expect(principal([.committee], committeeID: Self.lead).sees(ready, items: []))
        #expect(principal([.leader], personID: F.leaderID).sees(ready, items: []))
        let sent = try F.sent(.recommendation, on: "2026-06-25")
        #expect(department.sees(sent, items: []))
        #expect(!principal([.department], departmentID: F.teaOfficeID).sees(sent, items: []))
        #expect(!principal([.member], personID: 5).sees(sent, items: []))
    }

    @Test("三(五) the recipients acknowledge: the leader named and the department's user")
    func recipientsAcknowledge() throws {
        let sent = try F.sent(.recommendation, on: "2026-06-25")
        #expect(try principal([.leader], personID: F.leaderID).may(.acknowledge, on: sent, items: [], leadCommitteeID: Self.lead))
        #expect(try !principal([.leader], personID: F.otherLeaderID).may(.acknowledge, on: sent, items: [], leadCommitteeID: Self.lead))
        #expect(try principal([.department], departmentID: F.transportID).may(.acknowledge, on: sent, items: [],
                                                                                  leadCommitteeID: Self.lead))
    }

    @Test("三(五) the lead committee tracks; the office drafts and sends; a missing handling is not found")
    func trackingAndOffice() throws {
        let sent = try F.sent(.recommendation, on: "2026-06-25")
        #expect(try principal([.committee], committeeID: Self.lead).may(.track, on: sent, items: [], leadCommitteeID: Self.lead))
        #expect(try !principal([.committee], committeeID: 4).may(.track, on: sent, items: [], leadCommitteeID: Self.lead))
        #expect(try principal([.office]).may(.office, on: sent, items: [], leadCommitteeID: Self.lead))
        #expect(throws: OutcomeError.handlingNotFound) {
            try principal([.office]).may(.handle(99), on: sent, items: [], leadCommitteeID: Self.lead)
        }
        #expect(throws: OutcomeError.followUpItemNotFound) {
            try principal([.office]).may(.note(99), on: sent, items: [], leadCommitteeID: Self.lead)
        }
    }
}
