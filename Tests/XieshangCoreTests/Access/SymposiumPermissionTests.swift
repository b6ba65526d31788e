import Testing
import XieshangCore

/// The symposium's permissions (DESIGN.md "Roles"; 一.7 the office and the lead committee;
/// 三(一) invitations), asked of `Principal.may` directly and written out role by role.
@Suite("Permissions on a symposium's preparation")
struct SymposiumPermissionTests {
    private let staff: Set<Role> = [.admin, .office]
    private let cppccSide: Set<Role> = [.admin, .office, .committee, .chair, .viceChair, .secretaryGeneral]
    private let lead = 3

    private func principal(_ roles: Set<Role>, personID: Int? = 42, committeeID: Int? = nil,
                           departmentID: Int? = nil) -> Principal {
        Principal(userID: 1, username: "u", displayName: "U", roles: roles, personID: personID,
                  committeeID: committeeID, departmentID: departmentID)
    }

    @Test("一.7 only the office (and admin) sets up a symposium from the plan", arguments: Role.allCases)
    func createSymposiumIsTheOffices(role: Role) {
        #expect(principal([role]).may(.createSymposium) == staff.contains(role))
    }

    @Test("三(一).3 only the office records the adoption and sends formal notices", arguments: Role.allCases)
    func actForOfficeIsTheOffices(role: Role) {
        #expect(principal([role], committeeID: lead).may(.actForOffice) == staff.contains(role))
    }

    @Test("the CPPCC side and county leaders see every symposium", arguments: Role.allCases)
    func viewUninvitedSymposium(role: Role) {
        #expect(principal([role]).may(.viewSymposium(invited: false)) == (cppccSide.contains(role) || role == .leader))
    }

    @Test("a member, expert or department sees a symposium it is invited to", arguments: Role.allCases)
    func viewInvitedSymposium(role: Role) {
        #expect(principal([role]).may(.viewSymposium(invited: true)))
    }

    @Test("一.7 the lead committee's staff prepare their own symposium; the office prepares any")
    func prepareSymposiumByLeadCommitteeOrOffice() {
        #expect(principal([.committee], committeeID: lead).may(.prepareSymposium(leadCommitteeID: lead)))
        #expect(!principal([.committee], committeeID: 4).may(.prepareSymposium(leadCommitteeID: lead)))
        #expect(!principal([.committee], committeeID: nil).may(.prepareSymposium(leadCommitteeID: lead)))
        #expect(principal([.office], committeeID: 1).may(.prepareSymposium(leadCommitteeID: lead)))
        #expect(principal([.admin], committeeID: nil).may(.prepareSymposium(leadCommitteeID: lead)))
    }

    @Test("一.7 nobody else prepares a symposium, even linked to the lead committee", arguments: Role.allCases)
    func prepareSymposiumRefusedToOthers(role: Role) {
        guard role != .committee, !staff.contains(role) else { return }
        #expect(!principal([role], committeeID: lead).may(.prepareSymposium(leadCommitteeID: lead)))
    }

    @Test("三(一).1 the CPPCC side and county leaders comment on the draft invitee list", arguments: Role.allCases)
    func commentOnInvitees(role: Role) {
        #expect(principal([role]).may(.commentOnInvitees) == (cppccSide.contains(role) || role == .leader))
    }

    @Test("三(一).3 an invitation is answered on one's own page only", arguments: Role.allCases)
    func answerOwnInvitationOnly(role: Role) {
        #expect(principal([role], personID: 42).may(.answerInvitation(personID: 42)))
        #expect(!principal([role], personID: 43).may(.answerInvitation(personID: 42)))
        #expect(!principal([role], personID: nil).may(.answerInvitation(personID: 42)))
    }

    @Test("三(二).1 a task is completed by whoever prepares the symposium, whoever its owner")
    func completeTaskByPreparers() {
        let owners: [TaskOwner] = [.committee(4), .department(7), .person(99), .role(.secretaryGeneral)]
        for owner in owners {
            #expect(principal([.office]).may(.completeTask(owner: owner, leadCommitteeID: lead)))
            #expect(principal([.committee], committeeID: lead).may(.completeTask(owner: owner, leadCommitteeID: lead)))
        }
    }

    @Test("三(二).1 a task's owner completes it: its committee, its department, its person, its role")
    func completeTaskByOwner() {
        #expect(principal([.committee], committeeID: 4).may(.completeTask(owner: .committee(4), leadCommitteeID: lead)))
        #expect(principal([.department], departmentID: 7).may(.completeTask(owner: .department(7), leadCommitteeID: lead)))
        #expect(principal([.member], personID: 99).may(.completeTask(owner: .person(99), leadCommitteeID: lead)))
        #expect(principal([.secretaryGeneral]).may(.completeTask(owner: .role(.secretaryGeneral), leadCommitteeID: lead)))
    }

    @Test("三(二).1 nobody else completes a task")
    func completeTaskRefusedToOthers() {
        #expect(!principal([.committee], committeeID: 4).may(.completeTask(owner: .committee(5), leadCommitteeID: lead)))
        #expect(!principal([.department], departmentID: 8).may(.completeTask(owner: .department(7), leadCommitteeID: lead)))
        #expect(!principal([.member], personID: 98).may(.completeTask(owner: .person(99), leadCommitteeID: lead)))
        #expect(!principal([.viceChair]).may(.completeTask(owner: .role(.secretaryGeneral), leadCommitteeID: lead)))
        // A committee on file without the committee role owns nothing of the committee's.
        #expect(!principal([.member], committeeID: 4).may(.completeTask(owner: .committee(4), leadCommitteeID: lead)))
        #expect(!principal([.chair], committeeID: lead).may(.completeTask(owner: .committee(4), leadCommitteeID: lead)))
    }

    @Test("a refused symposium permission throws forbidden")
    func requireRefusesWithForbidden() {
        #expect(throws: AccessError.forbidden) { try principal([.member]).require(.createSymposium) }
        #expect(throws: AccessError.forbidden) {
            try principal([.committee], committeeID: 4).require(.prepareSymposium(leadCommitteeID: 3))
        }
        #expect(throws: Never.self) { try principal([.office]).require(.actForOffice) }
    }
}
