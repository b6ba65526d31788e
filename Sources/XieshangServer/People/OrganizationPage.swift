import Fluent
import Vapor
import XieshangCore

/// The organization page: the CPPCC itself, its committees, the sectors and the county's
/// departments; the office edits them here.
struct OrganizationPage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.organization.routePath, use: show)
        routes.post(Paths.organization.routePath, use: saveOrganization)
        routes.post(Paths.committees.routePath, use: saveCommittee)
        routes.post("committees", ":id", use: saveCommittee)
        routes.post(Paths.sectors.routePath, use: saveSector)
        routes.post("sectors", ":id", use: saveSector)
        routes.post(Paths.departments.routePath, use: saveDepartment)
        routes.post("departments", ":id", use: saveDepartment)
    }

    struct CountedSector: Encodable { let sector: SectorDTO; let members: Int }
    struct CategoryOption: Encodable { let value: String; let label: String }
    struct Body: Encodable {
        let organization: OrganizationDTO?
        let committees: [CommitteeDTO]
        let sectors: [CountedSector]
        let departments: [DepartmentDTO]
        let categories: [CategoryOption]
        let canEdit: Bool
        let error: String?
    }

    func show(req: Request) async throws -> Response {
        try await render(req, error: nil)
    }

    private func render(_ req: Request, error: String?) async throws -> Response {
        let p = try req.require(.viewMasterData)
        let lookups = try await MasterDataLookups.load(on: req.db)
        let org = try await OrganizationModel.query(on: req.db).first()?.dto
        let counts = try await PersonModel.query(on: req.db).filter(\.$kind == PersonKind.member.rawValue).all(\.$sectorID)
            .reduce(into: [Int: Int]()) { acc, id in if let id { acc[id, default: 0] += 1 } }
        let body = Body(organization: org, committees: lookups.committees,
                        sectors: lookups.sectors.map { CountedSector(sector: $0, members: counts[$0.id] ?? 0) },
                        departments: lookups.departments,
                        categories: DepartmentCategory.allCases.map { CategoryOption(value: $0.rawValue, label: $0.chineseName) },
                        canEdit: p.may(.editMasterData), error: error)
        let res = try await req.renderPage("organization", title: "组织机构", body: body)
        if error != nil { res.status = .badRequest }
        return res
    }

    /// Runs a save; a refusal is shown on the page instead of an error page.
    private func attempt(_ req: Request, success: String, _ body: () async throws -> Void) async throws -> Response {
        try req.require(.editMasterData)
        do {
            try await body()
        } catch let e as any DomainError where e.kind != .forbidden {
            return try await render(req, error: e.message)
        } catch is DecodingError {
            return try await render(req, error: "表单内容有误，请检查后重新提交。")
        }
        req.flash(success)
        return req.redirect(to: Paths.organization)
    }

    private func optionalID(_ req: Request) -> Int? { req.parameters.get("id", as: Int.self) }

    private func order(_ s: String?) throws -> Int {
        guard let s = s?.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return 100 }
        guard let n = Int(s) else { throw Refusal(.invalid, code: "invalid_order", message: "排序须为整数。") }
        return n
    }

    struct OrgForm: Content {
        var name: String; var shortName: String; var documentPrefix: String; var county: String
        var termName: String; var termStart: String; var termEnd: String; var version: Int?
    }

    func saveOrganization(req: Request) async throws -> Response {
        try await attempt(req, success: "已保存组织信息。") {
            let f = try req.content.decode(OrgForm.self)
            guard let s = Day(iso: f.termStart), let e = Day(iso: f.termEnd) else {
                throw Refusal(.invalid, code: "invalid_date", message: "届次起止日期格式应为“年-月-日”，如2027-03-18。")
            }
            _ = try await MasterDataStore.saveOrganization(
                OrganizationDraft(name: f.name, shortName: f.shortName, documentPrefix: f.documentPrefix, county: f.county,
                                  termName: f.termName, termStart: s, termEnd: e), basedOn: f.version, on: req)
        }
    }

    struct NamedForm: Content {
        var name: String; var shortName: String?; var category: String?; var sortOrder: String?; var version: Int?
    }

    func saveCommittee(req: Request) async throws -> Response {
        try await attempt(req, success: "已保存委室。") {
            let f = try req.content.decode(NamedForm.self)
            let id = optionalID(req)
            // The office flag is not on the form: renaming 办公室 must not demote it.
            let isOffice = try await id.asyncMap { try await CommitteeModel.find($0, on: req.db)?.isOffice } ?? false
            _ = try await MasterDataStore.saveCommittee(
                id: id, basedOn: f.version, CommitteeDraft(name: f.name, isOffice: isOffice ?? false, sortOrder: order(f.sortOrder)), on: req)
        }
    }

    func saveSector(req: Request) async throws -> Response {
        try await attempt(req, success: "已保存界别。") {
            let f = try req.content.decode(NamedForm.self)
            _ = try await MasterDataStore.saveSector(id: optionalID(req), basedOn: f.version,
                                                     SectorDraft(name: f.name, sortOrder: order(f.sortOrder)), on: req)
        }
    }

    func saveDepartment(req: Request) async throws -> Response {
        try await attempt(req, success: "已保存部门。") {
            let f = try req.content.decode(NamedForm.self)
            guard let c = f.category.flatMap(DepartmentCategory.init(rawValue:)) else {
                throw Refusal(.invalid, code: "invalid_category", message: "请选择部门类别。")
            }
            // The short-name field is optional on the form, and an empty field still arrives.
            let shortName = f.shortName.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } ?? f.name
            _ = try await MasterDataStore.saveDepartment(
                id: optionalID(req), basedOn: f.version, DepartmentDraft(name: f.name, shortName: shortName, category: c,
                                                     sortOrder: order(f.sortOrder)), on: req)
        }
    }
}
