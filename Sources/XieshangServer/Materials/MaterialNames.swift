import Fluent
import Vapor
import XieshangCore

/// The names materials refer to (producers, persons and departments in ranges, recipients),
/// read in a few queries for a whole list.
struct MaterialNames: Sendable {
    let persons: [Int: PersonModel]
    let committees: [Int: String]
    let departments: [Int: String]

    /// With `producersOnly` (a packet, which names only who provided each material), the persons
    /// of ranges, sendings and copies are not read.
    static func load(for materials: [Material], persons extra: [Int] = [], producersOnly: Bool = false,
                     on db: any Database) async throws -> MaterialNames {
        var ids = Set(extra), departmentIDs = Set<Int>(), committeeIDs = Set<Int>()
        for m in materials {
            switch m.producer {
            case .attendee(let p): ids.insert(p)
            case .department(let d): departmentIDs.insert(d)
            case .leadCommittee(let c): committeeIDs.insert(c)
            case .partyCommitteeOffice, .governmentOffice, .cppccOffice: break
            }
            guard !producersOnly else { continue }
            ids.formUnion(m.distribution.personIDs)
            departmentIDs.formUnion(m.distribution.departmentIDs)
            ids.formUnion(m.sentTo.keys)
            ids.formUnion(m.copyNumbers.keys)
        }
        // Only the rows named: a packet's names are read for every recipient.
        let persons = ids.isEmpty ? [] : try await PersonModel.query(on: db).filter(\.$id ~~ Array(ids)).all()
        let departments = departmentIDs.isEmpty ? []
            : try await DepartmentModel.query(on: db).filter(\.$id ~~ Array(departmentIDs)).all()
        let committees = committeeIDs.isEmpty ? []
            : try await CommitteeModel.query(on: db).filter(\.$id ~~ Array(committeeIDs)).all()
        return MaterialNames(persons: Dictionary(persons.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a }),
                             committees: Dictionary(committees.map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a }),
                             departments: Dictionary(departments.map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a }))
    }

    func person(_ id: Int) -> String { persons[id]?.name ?? "（已删除的人员）" }

    /// "县委办", "县农业农村局", "农业农村委员会", "王淑贞".
    func producer(_ p: Producer) -> String {
        switch p {
        case .partyCommitteeOffice, .governmentOffice, .cppccOffice: p.chineseName
        case .department(let id): departments[id] ?? p.chineseName
        case .leadCommittee(let id): committees[id] ?? p.chineseName
        case .attendee(let id): persons[id]?.name ?? p.chineseName
        }
    }

    /// The range in words, as a list page shows it: "全体出席人员、县领导、王淑贞".
    func text(of d: Distribution) -> String {
        var parts: [String] = []
        switch d.scope {
        case .everyone: parts.append("全体用户")
        case .attendingOnly: parts.append("全体出席人员")
        case .listed: break
        }
        parts += d.roles.sorted().map { $0 == .office ? "县政协办公室" : $0.chineseName }
        parts += AttendeeCategory.allCases.filter(d.categories.contains).map { "出席的\($0.chineseName)" }
        parts += d.departmentIDs.sorted().map { departments[$0] ?? "（已删除的部门）" }
        parts += d.personIDs.sorted().map(person)
        return parts.isEmpty ? "仅限办公室、牵头委室和提供单位" : parts.joined(separator: "、")
    }
}
