import Fluent
import Vapor
import XieshangCore

/// Creating, editing and importing persons: every path validates the whole draft, checks
/// that referenced sectors, committees and departments exist, and records the change.
enum PersonStore {
    struct Invalid: DomainError {
        let errors: [PersonDraft.FieldError]
        var code: String { "person_invalid" }
        var message: String { "人员信息有误：" + errors.map(\.message).joined(separator: " ") }
        var kind: DomainErrorKind { .invalid }
        /// `field: message`, so API clients can place each problem.
        var details: [String] { errors.map { "\($0.field): \($0.message)" } }
    }

    static func check(_ draft: PersonDraft, on db: any Database) async throws -> PersonDraft {
        let d = draft.normalized()
        var errors = d.validate()
        if let id = d.sectorID, try await SectorModel.find(id, on: db) == nil {
            errors.append(.init(field: "sectorID", message: "所选界别不存在。"))
        }
        if let id = d.committeeID, try await CommitteeModel.find(id, on: db) == nil {
            errors.append(.init(field: "committeeID", message: "所选委室不存在。"))
        }
        if let id = d.departmentID, try await DepartmentModel.find(id, on: db) == nil {
            errors.append(.init(field: "departmentID", message: "所选部门不存在。"))
        }
        guard errors.isEmpty else { throw Invalid(errors: errors) }
        return d
    }

    static func apply(_ d: PersonDraft, to m: PersonModel) {
        m.name = d.name
        m.gender = d.gender
        m.kind = d.kind.rawValue
        m.sectorID = d.sectorID
        m.committeeID = d.committeeID
        m.departmentID = d.departmentID
        m.leaderOf = d.kind == .leader ? d.leaderOf : nil
        m.unit = d.unit
        m.title = d.title
        m.expertise = Expertise.join(d.expertise)
        m.phone = d.phone
        m.email = d.email
        m.termStart = d.termStart?.iso
        m.termEnd = d.termEnd?.iso
        m.protocolOrder = d.protocolOrder
    }

    static func create(_ draft: PersonDraft, on req: Request) async throws -> PersonDTO {
        let orgID = try await OrganizationModel.query(on: req.db).first()?.id ?? 1
        let id: Int = try await req.change { db in
            let d = try await check(draft, on: db)
            let m = PersonModel()
            m.organizationID = orgID
            m.version = 1
            apply(d, to: m)
            try await m.create(on: db)
            return (m.id!, [AuditChange("person.create", "person", String(m.id!), after: d)])
        }
        return try await PeopleDirectory.person(id: id, on: req.db)!
    }

    static func draft(of m: PersonModel) -> PersonDraft {
        PersonDraft(name: m.name, gender: m.gender, kind: PersonKind(rawValue: m.kind) ?? .member, sectorID: m.sectorID,
                    committeeID: m.committeeID, departmentID: m.departmentID, leaderOf: m.leaderOf, unit: m.unit,
                    title: m.title, expertise: Expertise.split(m.expertise), phone: m.phone,
                    email: m.email, termStart: m.termStart.flatMap(Day.init(iso:)), termEnd: m.termEnd.flatMap(Day.init(iso:)),
                    protocolOrder: m.protocolOrder)
    }

    /// Staff change everything; anyone else only the self-service fields of their own record.
    static func update(id: Int, version: Int, _ input: PersonDraft, on req: Request) async throws -> PersonDTO {
        let principal = try req.require(.editPerson(personID: id))
        return try await update(id: id, version: version, input, selfService: !principal.isStaff, on: req)
    }

    private static func update(id: Int, version: Int, _ input: PersonDraft, selfService: Bool,
                               on req: Request) async throws -> PersonDTO {
        try await req.change { db in
            guard let m = try await PersonModel.find(id, on: db) else { throw NotFound.of("人员") }
            let draft = selfService ? input.selfService(from: PersonStore.draft(of: m)) : input
            guard m.version == version else {
                throw Refusal(.conflict, code: "version_conflict",
                              message: "该人员信息已被他人修改，请刷新后重新编辑。")
            }
            let before = try await PeopleDirectory.person(id: id, on: db)
            let d = try await check(draft, on: db)
            apply(d, to: m)
            m.version += 1
            try await m.save(on: db)
            return ((), [AuditChange("person.update", "person", String(id), before: before, after: d)])
        }
        return try await PeopleDirectory.person(id: id, on: req.db)!
    }

    /// All or nothing: one invalid line and no person is stored.
    static func importCSV(_ data: Data, on req: Request) async throws -> Int {
        let db = req.db
        let sectors = try await SectorModel.query(on: db).all()
        let committees = try await CommitteeModel.query(on: db).all()
        let departments = try await DepartmentModel.query(on: db).all()
        let known = KnownNames(sectors: Set(sectors.map(\.name)), committees: Set(committees.map(\.name)),
                               departments: Set(departments.map(\.name)))
        let rows: [PersonImportRow]
        switch PersonImport.validate(data: data, known: known) {
        case .success(let r): rows = r
        case .failure(let f): throw f
        }
        let sectorID = Dictionary(sectors.map { ($0.name, $0.id!) }, uniquingKeysWith: { a, _ in a })
        let committeeID = Dictionary(committees.map { ($0.name, $0.id!) }, uniquingKeysWith: { a, _ in a })
        let departmentID = Dictionary(departments.map { ($0.name, $0.id!) }, uniquingKeysWith: { a, _ in a })
        var drafts: [(Int, PersonDraft)] = []
        var lineErrors: [LineError] = []
        // Uploading the same roster twice must not double the people: a row matching a
        // stored person (name and phone, or name and unit) is refused by line.
        let stored = try await PersonModel.query(on: db).all()
        let byPhone = Set(stored.compactMap { p in p.phone.map { p.name + "|" + $0 } })
        let byUnit = Set(stored.filter { !$0.unit.isEmpty }.map { $0.name + "|" + $0.unit })
        for r in rows {
            if let phone = r.phone, byPhone.contains(r.name + "|" + phone) {
                lineErrors.append(LineError(line: r.line, reason: "“\(r.name)”（手机\(phone)）已在系统中，请勿重复导入"))
            } else if let unit = r.unit, !unit.isEmpty, byUnit.contains(r.name + "|" + unit) {
                lineErrors.append(LineError(line: r.line, reason: "“\(r.name)”（\(unit)）已在系统中，请勿重复导入"))
            }
            let d = PersonDraft(name: r.name, gender: r.gender?.chineseName, kind: r.kind,
                                sectorID: r.sectorName.flatMap { sectorID[$0] },
                                committeeID: r.committeeName.flatMap { committeeID[$0] },
                                departmentID: r.departmentName.flatMap { departmentID[$0] },
                                unit: r.unit ?? "", title: r.title ?? "", expertise: r.expertise, phone: r.phone,
                                email: r.email, termStart: r.termStart, termEnd: r.termEnd, protocolOrder: r.protocolOrder ?? 1000)
                .normalized()
            let problems = d.validate()
            lineErrors += problems.map { LineError(line: r.line, reason: $0.message) }
            drafts.append((r.line, d))
        }
        guard lineErrors.isEmpty else { throw ImportFailure(errors: lineErrors) }
        let orgID = try await OrganizationModel.query(on: db).first()?.id ?? 1
        let valid = drafts.map(\.1)
        return try await req.change { db in
            var changes: [AuditChange] = []
            for d in valid {
                let m = PersonModel()
                m.organizationID = orgID
                m.version = 1
                apply(d, to: m)
                try await m.create(on: db)
                changes.append(AuditChange("person.import", "person", String(m.id!), after: d))
            }
            return (valid.count, changes)
        }
    }
}
