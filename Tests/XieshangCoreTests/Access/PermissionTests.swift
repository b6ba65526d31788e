import Testing
import XieshangCore

/// The rules of DESIGN.md "Roles", asked of `Principal.may` directly. The expectations are
/// written out here, role by role, rather than derived from `Permission`, so that a changed
/// rule makes a test fail.
@Suite("Permissions by role and object")
struct PermissionTests {
    /// A principal holding `roles`, linked to person 42 unless told otherwise.
    private func principal(_ roles: Set<Role>, personID: Int? = 42) -> Principal {
        Principal(userID: 1, username: "u", displayName: "U", roles: roles, personID: personID)
    }

    private let staff: Set<Role> = [.admin, .office]
    private let cppccSide: Set<Role> = [.admin, .office, .committee, .chair, .viceChair, .secretaryGeneral]

    @Test("everyone signed in views master data, persons and the regulation", arguments: Role.allCases)
    func everyoneViewsMasterDataPersonsAndRegulation(role: Role) {
        let p = principal([role])
        #expect(p.may(.viewMasterData))
        #expect(p.may(.viewPersons))
        #expect(p.may(.viewRegulation))
    }

    @Test("only office and admin manage master data, persons, imports and the calendar", arguments: Role.allCases)
    func onlyStaffManageMasterDataPersonsAndCalendar(role: Role) {
        let p = principal([role])
        let expected = staff.contains(role)
        #expect(p.may(.editMasterData) == expected)
        #expect(p.may(.createPerson) == expected)
        #expect(p.may(.importPersons) == expected)
        #expect(p.may(.manageCalendar) == expected)
    }

    @Test("only office and admin see the audit log", arguments: Role.allCases)
    func onlyStaffSeeAuditLog(role: Role) {
        #expect(principal([role]).may(.viewAuditLog) == staff.contains(role))
    }

    @Test("only admin manages users", arguments: Role.allCases)
    func onlyAdminManagesUsers(role: Role) {
        #expect(principal([role]).may(.manageUsers) == (role == .admin))
    }

    @Test func memberCannotOpenAuditLog() {
        #expect(!principal([.member]).may(.viewAuditLog))
    }

    @Test("phone numbers of others are visible only to the CPPCC side", arguments: Role.allCases)
    func contactsOfOthersVisibleOnlyToCPPCCSide(role: Role) {
        #expect(principal([role]).may(.viewContactOf(personID: 7)) == cppccSide.contains(role))
    }

    @Test("everyone sees their own phone number", arguments: Role.allCases)
    func everyoneSeesOwnContact(role: Role) {
        #expect(principal([role], personID: 7).may(.viewContactOf(personID: 7)))
    }

    @Test func memberMayEditOwnPersonRecord() {
        #expect(principal([.member], personID: 42).may(.editPerson(personID: 42)))
    }

    @Test func memberCannotEditAnotherPersonRecord() {
        #expect(!principal([.member], personID: 42).may(.editPerson(personID: 43)))
    }

    @Test("nobody but office and admin edits another person's record", arguments: Role.allCases)
    func onlyStaffEditOthers(role: Role) {
        #expect(principal([role], personID: 42).may(.editPerson(personID: 43)) == staff.contains(role))
    }

    @Test func userWithoutPersonRecordEditsNoPerson() {
        let p = principal([.member], personID: nil)
        #expect(!p.may(.editPerson(personID: 42)))
        #expect(!p.may(.viewContactOf(personID: 42)))
    }

    @Test func rolesAccumulate() {
        let p = principal([.member, .office])
        #expect(p.may(.viewAuditLog))
        #expect(p.may(.editPerson(personID: 1)))
        #expect(!p.may(.manageUsers))
        #expect(principal([.member, .admin]).may(.manageUsers))
    }

    @Test func principalWithoutRolesOnlyReads() {
        let p = principal([], personID: nil)
        #expect(p.may(.viewPersons))
        #expect(!p.may(.editMasterData))
        #expect(!p.may(.viewAuditLog))
        #expect(!p.may(.manageUsers))
        #expect(!p.may(.viewContactOf(personID: 1)))
    }

    @Test func requireThrowsForbiddenWhenRefused() {
        #expect(throws: AccessError.forbidden) { try principal([.member]).require(.viewAuditLog) }
        #expect(throws: Never.self) { try principal([.office]).require(.viewAuditLog) }
    }

    @Test func roleListParsesAndRefusesUnknownRoles() throws {
        #expect(try Role.parseList("member, viceChair,,") == [.member, .viceChair])
        #expect(throws: (any Error).self) { try Role.parseList("member,superuser") }
    }
}
