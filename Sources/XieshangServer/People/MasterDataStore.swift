import Fluent
import Vapor
import XieshangCore

/// Writes of committees, sectors, departments and the organization, each validated by its
/// draft, names unique, and audited.
enum MasterDataStore {
    private static func duplicate(_ what: String, _ name: String) -> Refusal {
        Refusal(.conflict, code: "duplicate_name", message: "\(what)“\(name)”已存在。")
    }

    private static func organizationID(on db: any Database) async throws -> Int {
        guard let id = try await OrganizationModel.query(on: db).first()?.id else {
            throw Refusal(.conflict, code: "no_organization", message: "尚未建立组织，请先载入或创建组织信息。")
        }
        return id
    }

    /// `version`: for an edit (`id` given), the version it was based on; a new one needs none.
    private static func checkVersion(_ version: Int?, of stored: Int, _ what: String) throws {
        guard let version else { throw VersionBasis.missing }
        if version != stored {
            throw Refusal(.conflict, code: "version_conflict", message: "\(what)已被他人修改，请刷新后重试。")
        }
    }

    static func saveCommittee(id: Int?, basedOn version: Int? = nil, _ d: CommitteeDraft, on req: Request) async throws -> CommitteeDTO {
        try d.validate()
        return try await req.change { db in
            let orgID = try await organizationID(on: db)
            let m: CommitteeModel
            if let id {
                guard let found = try await CommitteeModel.find(id, on: db) else { throw NotFound.of("委室") }
                try checkVersion(version, of: found.version, "委室")
                m = found
                m.version += 1
            } else {
                m = CommitteeModel()
                m.version = 1
                m.organizationID = orgID
                m.key = "c-" + UUID().uuidString.prefix(8).lowercased()
            }
            if try await CommitteeModel.query(on: db).filter(\.$name == d.name).filter(\.$id != (id ?? -1)).count() > 0 {
                throw duplicate("委室", d.name)
            }
            let before = m.id == nil ? nil : m.dto
            // Exactly one committee is the office (一.7): the first may be created as such;
            // the flag is then never moved or removed through an edit.
            if m.id != nil, d.isOffice != m.isOffice {
                throw Refusal(.conflict, code: "office_flag_fixed", message: "办公室的统筹协调身份不能在此修改。")
            }
            if m.id == nil, d.isOffice, try await CommitteeModel.query(on: db).filter(\.$isOffice == true).count() > 0 {
                throw Refusal(.conflict, code: "office_exists", message: "已有承担统筹协调的办公室。")
            }
            m.name = d.name
            m.isOffice = d.isOffice
            m.sortOrder = d.sortOrder
            try await m.save(on: db)
            return (m.dto, [AuditChange(id == nil ? "committee.create" : "committee.update", "committee", String(m.id!),
                                        before: before, after: m.dto)])
        }
    }

    static func saveSector(id: Int?, basedOn version: Int? = nil, _ d: SectorDraft, on req: Request) async throws -> SectorDTO {
        try d.validate()
        return try await req.change { db in
            let orgID = try await organizationID(on: db)
            let m: SectorModel
            if let id {
                guard let found = try await SectorModel.find(id, on: db) else { throw NotFound.of("界别") }
                try checkVersion(version, of: found.version, "界别")
                m = found
                m.version += 1
            } else {
                m = SectorModel()
                m.version = 1
                m.organizationID = orgID
            }
            if try await SectorModel.query(on: db).filter(\.$name == d.name).filter(\.$id != (id ?? -1)).count() > 0 {
                throw duplicate("界别", d.name)
            }
            let before = m.id == nil ? nil : m.dto
            m.name = d.name
            m.sortOrder = d.sortOrder
            try await m.save(on: db)
            return (m.dto, [AuditChange(id == nil ? "sector.create" : "sector.update", "sector", String(m.id!),
                                        before: before, after: m.dto)])
        }
    }

    static func saveDepartment(id: Int?, basedOn version: Int? = nil, _ d: DepartmentDraft, on req: Request) async throws -> DepartmentDTO {
        try d.validate()
        return try await req.change { db in
            let orgID = try await organizationID(on: db)
            let m: DepartmentModel
            if let id {
                guard let found = try await DepartmentModel.find(id, on: db) else { throw NotFound.of("部门") }
                try checkVersion(version, of: found.version, "部门")
                m = found
                m.version += 1
            } else {
                m = DepartmentModel()
                m.version = 1
                m.organizationID = orgID
            }
            if try await DepartmentModel.query(on: db).filter(\.$name == d.name).filter(\.$id != (id ?? -1)).count() > 0 {
                throw duplicate("部门", d.name)
            }
            let before = m.id == nil ? nil : m.dto
            m.name = d.name
            m.shortName = d.shortName
            m.category = d.category.rawValue
            m.sortOrder = d.sortOrder
            try await m.save(on: db)
            return (m.dto, [AuditChange(id == nil ? "department.create" : "department.update", "department",
                                        String(m.id!), before: before, after: m.dto)])
        }
    }

    static func saveOrganization(_ d: OrganizationDraft, basedOn version: Int? = nil, on req: Request) async throws -> OrganizationDTO {
        try d.validate()
        return try await req.change { db in
            let existing = try await OrganizationModel.query(on: db).first()
            if let existing { try checkVersion(version, of: existing.version, "组织信息") }
            let m = existing ?? OrganizationModel()
            m.version = (existing?.version ?? 0) + 1
            let before = existing?.dto
            m.name = d.name
            m.shortName = d.shortName
            m.documentPrefix = d.documentPrefix
            m.county = d.county
            m.termName = d.termName
            m.termStart = d.termStart.iso
            m.termEnd = d.termEnd.iso
            try await m.save(on: db)
            return (m.dto, [AuditChange(existing == nil ? "organization.create" : "organization.update", "organization",
                                        String(m.id!), before: before, after: m.dto)])
        }
    }
}
