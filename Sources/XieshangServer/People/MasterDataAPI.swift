import Fluent
import Vapor
import XieshangCore

/// `/api/v1/organization`, `/committees`, `/sectors`, `/departments`.
struct MasterDataAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.API.organization.routePath, use: organization)
        routes.put(Paths.API.organization.routePath, use: updateOrganization)
        routes.get(Paths.API.committees.routePath, use: committees)
        routes.post(Paths.API.committees.routePath, use: createCommittee)
        routes.put((Paths.API.committees + "/:id").routePath, use: updateCommittee)
        routes.get(Paths.API.sectors.routePath, use: sectors)
        routes.post(Paths.API.sectors.routePath, use: createSector)
        routes.put((Paths.API.sectors + "/:id").routePath, use: updateSector)
        routes.get(Paths.API.departments.routePath, use: departments)
        routes.post(Paths.API.departments.routePath, use: createDepartment)
        routes.put((Paths.API.departments + "/:id").routePath, use: updateDepartment)
    }

    private func id(_ req: Request) throws -> Int {
        guard let id = req.parameters.get("id", as: Int.self) else { throw NotFound.of("对象") }
        return id
    }

    func organization(req: Request) async throws -> OrganizationDTO {
        try req.require(.viewMasterData)
        guard let org = try await OrganizationModel.query(on: req.db).first() else { throw NotFound.of("组织") }
        return org.dto
    }

    func updateOrganization(req: Request) async throws -> OrganizationDTO {
        try req.require(.editMasterData)
        return try await MasterDataStore.saveOrganization(req.content.decode(OrganizationDraft.self),
                                                          basedOn: Self.version(req), on: req)
    }

    func committees(req: Request) async throws -> [CommitteeDTO] {
        try req.require(.viewMasterData)
        return try await req.xieshang.people.lookups(on: req.db).committees
    }

    func createCommittee(req: Request) async throws -> Response {
        try req.require(.editMasterData)
        let dto = try await MasterDataStore.saveCommittee(id: nil, req.content.decode(CommitteeDraft.self), on: req)
        return try await dto.encodeResponse(status: .created, for: req)
    }

    func updateCommittee(req: Request) async throws -> CommitteeDTO {
        try req.require(.editMasterData)
        return try await MasterDataStore.saveCommittee(id: id(req), basedOn: Self.version(req), req.content.decode(CommitteeDraft.self),
                                                       on: req)
    }

    func sectors(req: Request) async throws -> [SectorDTO] {
        try req.require(.viewMasterData)
        return try await req.xieshang.people.lookups(on: req.db).sectors
    }

    func createSector(req: Request) async throws -> Response {
        try req.require(.editMasterData)
        let dto = try await MasterDataStore.saveSector(id: nil, req.content.decode(SectorDraft.self), on: req)
        return try await dto.encodeResponse(status: .created, for: req)
    }

    func updateSector(req: Request) async throws -> SectorDTO {
        try req.require(.editMasterData)
        return try await MasterDataStore.saveSector(id: id(req), basedOn: Self.version(req), req.content.decode(SectorDraft.self), on: req)
    }

    func departments(req: Request) async throws -> [DepartmentDTO] {
        try req.require(.viewMasterData)
        return try await req.xieshang.people.lookups(on: req.db).departments
    }

    func createDepartment(req: Request) async throws -> Response {
        try req.require(.editMasterData)
        let dto = try await MasterDataStore.saveDepartment(id: nil, req.content.decode(DepartmentDraft.self), on: req)
        return try await dto.encodeResponse(status: .created, for: req)
    }

    func updateDepartment(req: Request) async throws -> DepartmentDTO {
        try req.require(.editMasterData)
        return try await MasterDataStore.saveDepartment(id: id(req), basedOn: Self.version(req),
                                                        req.content.decode(DepartmentDraft.self), on: req)
    }

    /// The body's `version`: what an edit was based on (the draft types carry none). The store
    /// requires it for an edit of what exists.
    static func version(_ req: Request) -> Int? {
        try? req.content.get(Int.self, at: VersionBasis.field)
    }
}
