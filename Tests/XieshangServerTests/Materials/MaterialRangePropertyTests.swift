import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// 三(四).2 over random ranges: for materials with ranges drawn at random (seeded, so a
/// failure repeats), every demo user's list, search and detail through the API agree with
/// the rule written out here independently of `MaterialAccess`.
@Suite("Materials: random ranges", .serialized)
struct MaterialRangePropertyTests {
    typealias S = Symposia
    typealias M = Materials

    /// A small deterministic generator (SplitMix64).
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    struct User { let name: String; let roles: Set<Role>; let person: Int?; let department: Int?; let committee: Int?; let category: AttendeeCategory? }

    /// The rule, restated: the office; the producer (a department's contact for its briefing);
    /// the lead committee's staff; otherwise the range: everyone, every attendee (the leaders
    /// by office among them), or a listed role, person, department (its contact) or attendee
    /// category.
    static func sees(_ u: User, range d: Distribution, producerDepartment: Int?, lead: Int) -> Bool {
        if u.roles.contains(.office) { return true }
        if let p = producerDepartment, u.roles.contains(.department), u.department == p { return true }
        if u.committee == lead, u.roles.contains(.committee) { return true }
        switch d.scope {
        case .everyone: return true
        case .attendingOnly where u.category != nil: return true
        default: break
        }
        if !d.roles.isDisjoint(with: u.roles) { return true }
        if let p = u.person, d.personIDs.contains(p) { return true }
        if let dep = u.department, u.roles.contains(.department), d.departmentIDs.contains(dep) { return true }
        if let c = u.category, d.categories.contains(c) { return true }
        return false
    }

    @Test("三(四).2 random ranges: list, search and detail show each user exactly what the rule admits")
    func randomRanges() async throws {
        try await TestApp.run { app in
            let (_, id) = try await SymposiumPreparationTests.symposium(app)
            let (member, expert) = try await MaterialWorkflowTests.attending(app, id)
            let lead = try await Planning.committeeID(app, named: "农业农村委员会")
            let committee = try await Planning.api(app, "committee")
            let office = try await Planning.api(app, "office")
            let bureau = try await M.departmentID(app, named: "县农业农村局")
            let otherDepartment = try #require(try await DepartmentModel.query(on: app.db).filter(\.$id != bureau).first()?.id)
            // The host and the vice chair in charge attend by office, under the leaders (三(四).5).
            let model = try #require(try await SymposiumModel.find(id, on: app.db))
            let byOffice = Set(try SymposiumStore.decode(model).symposium.leadersByOffice)
            var users: [User] = []
            for name in Demo.usernames + Demo.extraCommitteeUsers {
                let u = try #require(try await UserModel.query(on: app.db).filter(\.$username == name).first())
                let p = u.principal
                let category: AttendeeCategory? = p.personID == member ? .members : p.personID == expert ? .experts
                    : p.personID.map(byOffice.contains) == true ? .leaders : nil
                users.append(User(name: name, roles: p.roles, person: p.personID, department: p.departmentID,
                                  committee: p.committeeID, category: category))
            }
            let persons = users.compactMap(\.person)

            var rng = Seeded(state: 20_261_129)
            var made: [(id: Int, range: Distribution, department: Int?)] = []
            for i in 0..<14 {
                var d = Distribution(scope: [.listed, .listed, .listed, .attendingOnly, .everyone].randomElement(using: &rng)!)
                d.roles = Set(Role.allCases.filter { _ in Int.random(in: 0..<6, using: &rng) == 0 })
                d.personIDs = Set(persons.filter { _ in Int.random(in: 0..<5, using: &rng) == 0 })
                d.departmentIDs = Set([bureau, otherDepartment].filter { _ in Bool.random(using: &rng) })
                d.categories = Set(AttendeeCategory.allCases.filter { _ in Int.random(in: 0..<4, using: &rng) == 0 })
                let briefing = i % 2 == 0
                let json = String(decoding: try JSONEncoder().encode(d), as: UTF8.self)
                let mid = try await M.create(committee, symposium: id, briefing
                    ? #"{"kind":"departmentBriefing","title":"随机范围材料\#(i)","departmentID":\#(bureau),"distribution":\#(json)}"#
                    : #"{"kind":"referenceMaterial","title":"随机范围材料\#(i)","distribution":\#(json)}"#)
                try await M.uploadText(office, material: mid, "随机范围正文\(i)")
                made.append((mid, d, briefing ? bureau : nil))
            }

            let q = try #require("随机范围".addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            for u in users {
                let api = try await Planning.api(app, u.name)
                let want = Set(made.filter { Self.sees(u, range: $0.range, producerDepartment: $0.department, lead: lead) }.map(\.id))
                for path in ["/api/v1/symposia/\(id)/materials", "/api/v1/symposia/\(id)/materials?q=\(q)"] {
                    let res = try await api.send(.GET, path)
                    let got = res.status == .ok ? Set(try S.decode([M.Ref].self, res).map(\.id)).intersection(made.map(\.id)) : []
                    #expect(res.status == .ok || (res.status == .notFound && want.isEmpty), "\(u.name) \(path): \(res.status)")
                    #expect(got == want, "\(u.name) \(path): sees \(got.sorted()), the rule admits \(want.sorted())")
                }
                for m in made {
                    let status = try await api.send(.GET, "/api/v1/materials/\(m.id)").status
                    #expect(status == (want.contains(m.id) ? .ok : .notFound), "\(u.name) material \(m.id): \(status)")
                }
            }
        }
    }
}
