import Fluent
import Vapor
import XieshangCore

struct CommitteeDTO: Content, Sendable { let id: Int; let key: String; let name: String; let isOffice: Bool; let sortOrder: Int; let version: Int }
struct SectorDTO: Content, Sendable { let id: Int; let name: String; let sortOrder: Int; let version: Int }
struct DepartmentDTO: Content, Sendable {
    let id: Int; let name: String; let shortName: String; let category: DepartmentCategory; let categoryName: String
    let sortOrder: Int; let version: Int
}
struct OrganizationDTO: Content, Sendable {
    let id: Int; let name: String; let shortName: String; let documentPrefix: String; let county: String
    let termName: String; let termStart: String; let termEnd: String; let version: Int
}

extension CommitteeModel {
    var dto: CommitteeDTO { .init(id: id!, key: key, name: name, isOffice: isOffice, sortOrder: sortOrder, version: version) }
}
extension SectorModel {
    var dto: SectorDTO { .init(id: id!, name: name, sortOrder: sortOrder, version: version) }
}
extension DepartmentModel {
    var dto: DepartmentDTO {
        let c = DepartmentCategory(rawValue: category) ?? .other
        return .init(id: id!, name: name, shortName: shortName, category: c, categoryName: c.chineseName, sortOrder: sortOrder, version: version)
    }
}
extension OrganizationModel {
    var dto: OrganizationDTO {
        .init(id: id!, name: name, shortName: shortName, documentPrefix: documentPrefix, county: county,
              termName: termName, termStart: termStart, termEnd: termEnd, version: version)
    }
}

/// The lists every form with a sector, committee or department choice needs.
struct MasterDataLookups: Sendable {
    let committees: [CommitteeDTO]
    let sectors: [SectorDTO]
    let departments: [DepartmentDTO]

    static func load(on db: any Database) async throws -> MasterDataLookups {
        async let c = CommitteeModel.query(on: db).sort(\.$sortOrder).sort(\.$id).all()
        async let s = SectorModel.query(on: db).sort(\.$sortOrder).sort(\.$id).all()
        async let d = DepartmentModel.query(on: db).sort(\.$sortOrder).sort(\.$id).all()
        return try await MasterDataLookups(committees: c.map(\.dto), sectors: s.map(\.dto), departments: d.map(\.dto))
    }
}
