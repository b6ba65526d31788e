import Fluent
import Vapor
import XieshangCore

/// The demo county (安化县): committees, sectors, departments, about 200 persons and one
/// login per role, loaded into an empty database by `serve --demo` or `xieshang demo`.
public enum DemoCounty {
    /// Printed at start-up; a demo is meant to be tried, not protected.
    public static let password = "xieshang2026"

    struct File: Decodable {
        struct Term: Decodable { let name: String; let start: String; let end: String }
        struct Organization: Decodable {
            let name: String; let shortName: String; let documentPrefix: String; let county: String; let term: Term
        }
        struct Committee: Decodable { let key: String; let name: String; let isOffice: Bool; let order: Int }
        struct Sector: Decodable { let name: String; let order: Int }
        struct Department: Decodable { let name: String; let shortName: String; let category: String; let order: Int }
        struct Person: Decodable {
            let key: String; let name: String; let gender: String?; let kind: String
            let sector: String?; let committee: String?; let department: String?; let leaderOf: String?
            let unit: String?; let title: String?; let expertise: [String]?; let phone: String?
            let termStart: String?; let termEnd: String?; let protocolOrder: Int
        }
        struct User: Decodable {
            let username: String; let displayName: String; let roles: [String]
            let person: String?; let committee: String?; let department: String?
        }
        let organization: Organization
        let committees: [Committee]
        let sectors: [Sector]
        let departments: [Department]
        let persons: [Person]
        let users: [User]
    }

    static func file() throws -> File {
        guard let url = Bundle.module.url(forResource: "Resources/Demo/county", withExtension: "json") else {
            throw Abort(.internalServerError, reason: "demo data missing from the bundle")
        }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
    }

    /// Loads the county unless the database already holds an organization.
    /// Returns false when it did nothing.
    @discardableResult
    static func loadIfEmpty(app: Application) async throws -> Bool {
        if try await OrganizationModel.query(on: app.db).count() > 0 { return false }
        let data = try file()
        let hash = try await app.passwordHashing.hash(app.xieshang.config.demoPassword)
        try await app.change(by: "system") { db in
            try await insert(data, passwordHash: hash, on: db)
            return ((), [AuditChange("demo.load", "organization", "1",
                                     after: ["persons": data.persons.count, "users": data.users.count])])
        }
        return true
    }

    private static func insert(_ f: File, passwordHash: String, on db: any Database) async throws {
        let org = OrganizationModel()
        org.version = 1
        org.name = f.organization.name
        org.shortName = f.organization.shortName
        org.documentPrefix = f.organization.documentPrefix
        org.county = f.organization.county
        org.termName = f.organization.term.name
        org.termStart = f.organization.term.start
        org.termEnd = f.organization.term.end
        try await org.create(on: db)
        let orgID = org.id!

        var committees: [String: Int] = [:]
        for c in f.committees {
            let m = CommitteeModel()
            m.version = 1
            m.organizationID = orgID; m.key = c.key; m.name = c.name; m.isOffice = c.isOffice; m.sortOrder = c.order
            try await m.create(on: db)
            committees[c.name] = m.id!
        }
        var sectors: [String: Int] = [:]
        for s in f.sectors {
            let m = SectorModel()
            m.version = 1
            m.organizationID = orgID; m.name = s.name; m.sortOrder = s.order
            try await m.create(on: db)
            sectors[s.name] = m.id!
        }
        var departments: [String: Int] = [:]
        for d in f.departments {
            let m = DepartmentModel()
            m.version = 1
            m.organizationID = orgID; m.name = d.name; m.shortName = d.shortName; m.category = d.category
            m.sortOrder = d.order
            try await m.create(on: db)
            departments[d.name] = m.id!
        }
        var persons: [String: Int] = [:]
        for p in f.persons {
            guard let kind = PersonKind(rawValue: p.kind) else {
                throw Abort(.internalServerError, reason: "demo person \(p.key) has unknown kind \(p.kind)")
            }
            let draft = PersonDraft(name: p.name, gender: p.gender, kind: kind,
                                    sectorID: p.sector.flatMap { sectors[$0] },
                                    committeeID: p.committee.flatMap { committees[$0] },
                                    departmentID: p.department.flatMap { departments[$0] }, leaderOf: p.leaderOf,
                                    unit: p.unit ?? "", title: p.title ?? "", expertise: p.expertise ?? [],
                                    phone: p.phone, termStart: p.termStart.flatMap(Day.init(iso:)),
                                    termEnd: p.termEnd.flatMap(Day.init(iso:)), protocolOrder: p.protocolOrder)
                .normalized()
            let problems = draft.validate()
            guard problems.isEmpty else {
                throw Abort(.internalServerError, reason: "demo person \(p.key): \(problems.map(\.message))")
            }
            let m = PersonModel()
            m.organizationID = orgID
            m.version = 1
            PersonStore.apply(draft, to: m)
            // Demo addresses under a reserved domain (RFC 2606): mail to them goes nowhere real.
            m.email = "\(p.key)@anhua.example"
            try await m.create(on: db)
            persons[p.key] = m.id!
        }
        for u in f.users {
            let m = UserModel()
            m.username = u.username
            m.displayName = u.displayName
            m.passwordHash = passwordHash
            m.roles = try Role.parseList(u.roles.joined(separator: ",")).map(\.rawValue).sorted().joined(separator: ",")
            m.personID = u.person.flatMap { persons[$0] }
            m.committeeID = u.committee.flatMap { committees[$0] }
            m.departmentID = u.department.flatMap { departments[$0] }
            m.active = true
            try await m.create(on: db)
        }
    }

    static func users() throws -> [(username: String, roles: String)] {
        try file().users.map { ($0.username, $0.roles.compactMap { Role(rawValue: $0)?.chineseName }.joined(separator: "、")) }
    }
}
