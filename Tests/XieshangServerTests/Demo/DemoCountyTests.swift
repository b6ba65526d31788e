import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// The demo county (安化县): realistic in size, one login per role, loaded once.
@Suite("Demo county")
struct DemoCountyTests {
    struct Counts: Equatable {
        var members = 0, experts = 0, persons = 0, sectors = 0, committees = 0, departments = 0, users = 0
        var organizations = 0, audit = 0
    }

    static func counts(_ app: Application) async throws -> Counts {
        let db = app.db
        return try await Counts(
            members: PersonModel.query(on: db).filter(\PersonModel.$kind == PersonKind.member.rawValue).count(),
            experts: PersonModel.query(on: db).filter(\PersonModel.$kind == PersonKind.expert.rawValue).count(),
            persons: PersonModel.query(on: db).count(),
            sectors: SectorModel.query(on: db).count(),
            committees: CommitteeModel.query(on: db).count(),
            departments: DepartmentModel.query(on: db).count(),
            users: UserModel.query(on: db).count(),
            organizations: OrganizationModel.query(on: db).count(),
            audit: AuditEntryModel.query(on: db).count())
    }

    @Test("the demo county has about 150 members, 12 experts, 20 sectors, 6 committees, about 30 departments and 12 users (one per role, two more committees)")
    func demoCountyHasARealisticShape() async throws {
        try await TestApp.run { app in
            let c = try await Self.counts(app)
            #expect((140...160).contains(c.members), "members: \(c.members)")
            #expect((10...15).contains(c.experts), "experts: \(c.experts)")
            #expect(c.sectors == 20)
            #expect(c.committees == 6)
            #expect((25...40).contains(c.departments), "departments: \(c.departments)")
            #expect(c.users == Demo.usernames.count + Demo.extraCommitteeUsers.count)
            #expect(c.organizations == 1)
            #expect(try await CommitteeModel.query(on: app.db).filter(\CommitteeModel.$isOffice == true).all().map(\.name) == ["办公室"])

            // Every member has a sector, and the sectors are all used.
            let members = try await PersonModel.query(on: app.db).filter(\PersonModel.$kind == PersonKind.member.rawValue).all()
            #expect(members.allSatisfy { $0.sectorID != nil })
            #expect(Set(members.compactMap(\.sectorID)).count == 20)
            // Loading is one audited change.
            let first = try #require(try await AuditEntryModel.find(1, on: app.db))
            #expect(first.action == "demo.load")
            #expect(first.actor == "system")
        }
    }

    @Test("every role has exactly one demo login, except committee staff (one per committee)")
    func oneUserPerRole() async throws {
        try await TestApp.run { app in
            let users = try await UserModel.query(on: app.db).all()
            var holders: [Role: [String]] = [:]
            for u in users {
                for role in try Role.parseList(u.roles) { holders[role, default: []].append(u.username) }
            }
            // The ten role logins, in Role order (admin, office, committee, chair, …), hold that role alone.
            #expect(Demo.usernames.count == Role.allCases.count)
            for (role, username) in zip(Role.allCases, Demo.usernames) {
                let user = try #require(users.first { $0.username == username }, "no demo user \(username)")
                #expect(try Role.parseList(user.roles) == [role], "\(username) should be \(role) only")
                let expected = role == .committee ? [username] + Demo.extraCommitteeUsers : [username]
                #expect(Set(holders[role] ?? []) == Set(expected), "\(role): \(holders[role] ?? [])")
            }
            #expect(Set(users.map(\.username)) == Set(Demo.usernames + Demo.extraCommitteeUsers))
            // Users who stand for a person are linked to one.
            for name in ["office", "member", "expert", "department"] {
                #expect(users.first { $0.username == name }?.personID != nil, "\(name) has no person")
            }
            #expect(users.first { $0.username == "department" }?.departmentID != nil)
            #expect(users.first { $0.username == "committee" }?.committeeID != nil)
        }
    }

    @Test("every demo user can sign in with the demo password", arguments: Demo.usernames)
    func everyUserCanSignIn(username: String) async throws {
        try await TestApp.run { app in
            let client = try await TestClient.signedIn(app, as: username)
            let dashboard = try await client.send(.GET, Paths.dashboard)
            #expect(dashboard.status == .ok)
            let user = try #require(try await UserModel.query(on: app.db).filter(\UserModel.$username == username).first())
            #expect(dashboard.text.contains(user.displayName))

            let wrong = TestClient(app)
            let res = try await wrong.login(username, password: "not-the-password")
            #expect(res.status != .seeOther)
        }
    }

    @Test("loading the demo twice changes nothing the second time")
    func loadingTwiceDoesNotDuplicate() async throws {
        try await TestApp.run { app in
            let before = try await Self.counts(app)
            #expect(try await DemoCounty.loadIfEmpty(app: app) == false)
            #expect(try await Self.counts(app) == before)

            // `xieshang demo` says so and leaves the data alone too.
            var context = CommandContext(console: Terminal(), input: CommandInput(arguments: ["xieshang", "demo"]))
            context.application = app
            try await context.console.run(app.asyncCommands.group(), with: context)
            #expect(try await Self.counts(app) == before)

            // And starting again on the same database does not load it again.
            try await prepare(app)
            #expect(try await Self.counts(app) == before)
        }
    }

    @Test("an empty database gets the demo county exactly once")
    func emptyDatabaseLoadsOnce() async throws {
        try await TestApp.run(demo: false) { app in
            #expect(try await Self.counts(app).persons == 0)
            #expect(try await DemoCounty.loadIfEmpty(app: app))
            let once = try await Self.counts(app)
            #expect(once.persons > 150)
            #expect(once.audit == 1)
            #expect(try await DemoCounty.loadIfEmpty(app: app) == false)
            #expect(try await Self.counts(app) == once)
            #expect(try await AuditLog.verify(on: app.db).intact)
        }
    }
}
