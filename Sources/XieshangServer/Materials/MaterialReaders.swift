import Fluent
import Vapor
import XieshangCore

/// The readers the secrecy rule (`MaterialAccess.canSee`) judges: the signed-in principal, or a
/// person the office compiles a packet for.
enum MaterialReaders {
    /// The principal as a reader of `symposium`'s materials. The demo county has no staff of
    /// 县委办 or 县政府办 among its users, so `officeOf` stays nil: their leaders' speeches are
    /// seen by the CPPCC office, the lead committee and the range.
    static func reader(_ p: Principal, in symposium: Symposium) -> MaterialReader {
        MaterialReader(p, in: symposium)
    }

    /// Readers for persons (packet recipients), by person id. A person with an active account
    /// reads as that account does when signed in, so a packet holds exactly what its recipient
    /// sees online; one without an account reads by what the person is (a member, an expert, a
    /// leader, a department's or a committee's head). Unknown ids are left out.
    static func recipients(_ ids: [Int], in symposium: Symposium, on db: any Database) async throws -> [Int: MaterialReader] {
        guard !ids.isEmpty else { return [:] }
        return try await recipients(try await PersonModel.query(on: db).filter(\.$id ~~ ids).all(), in: symposium, on: db)
    }

    static func recipients(_ persons: [PersonModel], in symposium: Symposium, on db: any Database) async throws -> [Int: MaterialReader] {
        let ids = persons.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let users = try await UserModel.query(on: db).filter(\.$personID ~~ ids).filter(\.$active == true).sort(\.$id).all()
        let officeCommittees = Set(try await CommitteeModel.query(on: db).filter(\.$isOffice == true).all().compactMap(\.id))
        var accounts: [Int: Principal] = [:]
        for u in users { if let person = u.personID, accounts[person] == nil { accounts[person] = u.principal } }
        var result: [Int: MaterialReader] = [:]
        for person in persons {
            guard let id = person.id else { continue }
            if let p = accounts[id] {
                result[id] = reader(p, in: symposium)
                continue
            }
            var roles: Set<Role> = []
            switch PersonKind(rawValue: person.kind) {
            case .member: roles = [.member]
            case .expert: roles = [.expert]
            case .leader: roles = [.leader]
            case .departmentHead: roles = [.department]
            case .committeeHead:
                roles = person.committeeID.map(officeCommittees.contains) == true ? [.office] : [.committee]
            case nil: roles = []
            }
            result[id] = MaterialReader(personID: id, roles: roles, departmentID: person.departmentID,
                                        committeeID: person.committeeID,
                                        category: symposium.attendingCategory(of: id))
        }
        return result
    }
}
