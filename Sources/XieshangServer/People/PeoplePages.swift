import Fluent
import Vapor
import XieshangCore

/// The people pages: list with search and filters, detail, create, edit, CSV import.
struct PeoplePages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.people.routePath, use: list)
        routes.get(Paths.newPerson.routePath, use: newForm)
        routes.post(Paths.people.routePath, use: create)
        routes.get(Paths.importPeople.routePath, use: importForm)
        routes.post(Paths.importPeople.routePath, use: importFile)
        routes.get("people", ":id", use: detail)
        routes.get("people", ":id", "edit", use: editForm)
        routes.post("people", ":id", use: update)
    }

    struct Option: Encodable { let value: String; let label: String; let selected: Bool }
    struct PageLink: Encodable { let label: String; let href: String; let current: Bool }

    struct ListBody: Encodable {
        let rows: [PersonDTO]
        let total: Int
        let page: Int
        let pageCount: Int
        let q: String
        let kinds: [Option]
        let sectors: [Option]
        let committees: [Option]
        let pages: [PageLink]
        let showPhone: Bool
        let canCreate: Bool
        let canImport: Bool
    }

    struct Shell: Encodable { let html: String }
    struct Fragment<B: Encodable>: Encodable { let body: B }

    /// The list's body is rendered once per query and kind of reader and kept until the
    /// next change; each request then renders only the layout around it.
    func list(req: Request) async throws -> Response {
        let p = try req.require(.viewPersons)
        let query = try req.query.decode(PeopleQuery.self).validated()
        let key = PeopleFragmentKey(query: query, showPhone: p.isCPPCCSide, canCreate: p.may(.createPerson),
                                    canImport: p.may(.importPersons))
        let directory = req.xieshang.people
        let html = try await directory.fragments.value(for: key) {
            let page = try await directory.page(query, on: req.db)
            let lookups = try await directory.lookups(on: req.db)
            let body = Self.listBody(page, query: query, lookups: lookups, key: key)
            let view = try await req.view.render("people-body", Fragment(body: body))
            return String(buffer: view.data)
        }
        return try await req.renderPage("people", title: "人员", body: Shell(html: html))
    }

    static func listBody(_ page: PeoplePageDTO, query: PeopleQuery, lookups: MasterDataLookups,
                         key: PeopleFragmentKey) -> ListBody {
        func link(_ n: Int) -> String {
            var parts: [String] = []
            if let q = query.q { parts.append("q=" + (q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")) }
            if let k = query.kind { parts.append("kind=\(k)") }
            if let s = query.sector { parts.append("sector=\(s)") }
            if let c = query.committee { parts.append("committee=\(c)") }
            parts.append("page=\(n)")
            return Paths.people + "?" + parts.joined(separator: "&")
        }
        let window = max(1, page.page - 3)...min(page.pageCount, page.page + 3)
        // Only CPPCC-side readers get the phone column, so the rows need no per-reader
        // redaction beyond dropping contacts (phone, e-mail) for everyone else.
        let rows = key.showPhone ? page.items : page.items.map { var r = $0; r.phone = nil; r.email = nil; return r }
        return ListBody(
            rows: rows, total: page.total, page: page.page, pageCount: page.pageCount,
            q: query.q ?? "",
            kinds: PersonKind.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, selected: query.kind == $0.rawValue) },
            sectors: lookups.sectors.map { Option(value: String($0.id), label: $0.name, selected: query.sector == $0.id) },
            committees: lookups.committees.map { Option(value: String($0.id), label: $0.name, selected: query.committee == $0.id) },
            pages: page.pageCount > 1 ? window.map { PageLink(label: String($0), href: link($0), current: $0 == page.page) } : [],
            showPhone: key.showPhone, canCreate: key.canCreate, canImport: key.canImport)
    }

    struct DetailBody: Encodable {
        let person: PersonDTO
        let canEdit: Bool
        let editPath: String
        let leaderOfName: String?
    }

    func detail(req: Request) async throws -> Response {
        let p = try req.require(.viewPersons)
        let person = try await load(req)
        let body = DetailBody(person: person.redacted(for: p), canEdit: p.may(.editPerson(personID: person.id)),
                              editPath: Paths.editPerson(person.id),
                              leaderOfName: person.leaderOf.flatMap { PersonDraft.leaderOfValues[$0] })
        return try await req.renderPage("person", title: person.name, body: body)
    }

    private func load(_ req: Request) async throws -> PersonDTO {
        guard let id = req.parameters.get("id", as: Int.self),
              let person = try await PeopleDirectory.person(id: id, on: req.db) else { throw NotFound.of("人员") }
        return person
    }

    struct FormBody: Encodable {
        let action: String
        let heading: String
        let form: PersonForm
        let errors: [PersonDraft.FieldError]
        let kinds: [Option]
        let sectors: [Option]
        let committees: [Option]
        let departments: [Option]
        let leaderOfs: [Option]
        /// A member editing their own record may not change what they are or where they sit.
        let restricted: Bool
    }

    private func renderForm(_ req: Request, action: String, heading: String, form: PersonForm,
                            errors: [PersonDraft.FieldError] = [], restricted: Bool, status: HTTPStatus = .ok) async throws -> Response {
        let l = try await req.xieshang.people.lookups(on: req.db)
        func opts(_ items: [(Int, String)], _ selected: String?) -> [Option] {
            items.map { Option(value: String($0.0), label: $0.1, selected: selected == String($0.0)) }
        }
        let body = FormBody(
            action: action, heading: heading, form: form, errors: errors,
            kinds: PersonKind.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, selected: form.kind == $0.rawValue) },
            sectors: opts(l.sectors.map { ($0.id, $0.name) }, form.sectorID),
            committees: opts(l.committees.map { ($0.id, $0.name) }, form.committeeID),
            departments: opts(l.departments.map { ($0.id, $0.name) }, form.departmentID),
            leaderOfs: PersonDraft.leaderOfValues.sorted { $0.key < $1.key }.map {
                Option(value: $0.key, label: $0.value, selected: form.leaderOf == $0.key)
            },
            restricted: restricted)
        let res = try await req.renderPage("person-form", title: heading, body: body)
        res.status = status
        return res
    }

    func newForm(req: Request) async throws -> Response {
        try req.require(.createPerson)
        var form = PersonForm()
        form.kind = PersonKind.member.rawValue
        return try await renderForm(req, action: Paths.people, heading: "新增人员", form: form, restricted: false)
    }

    func create(req: Request) async throws -> Response {
        try req.require(.createPerson)
        let form = try req.content.decode(PersonForm.self)
        do {
            let draft = try form.draft().get()
            let person = try await PersonStore.create(draft, on: req)
            req.flash("已新增人员：\(person.name)。")
            return req.redirect(to: Paths.person(person.id))
        } catch let e as PersonStore.Invalid {
            return try await renderForm(req, action: Paths.people, heading: "新增人员", form: form,
                                        errors: e.errors, restricted: false, status: .badRequest)
        }
    }

    func editForm(req: Request) async throws -> Response {
        let person = try await load(req)
        let p = try req.require(.editPerson(personID: person.id))
        return try await renderForm(req, action: Paths.person(person.id), heading: "编辑人员：\(person.name)",
                                    form: PersonForm(person), restricted: !p.isStaff)
    }

    func update(req: Request) async throws -> Response {
        let person = try await load(req)
        let p = try req.require(.editPerson(personID: person.id))
        var form = try req.content.decode(PersonForm.self)
        if !p.isStaff {
            // Fields a member may not change are not on their form; fill them from the
            // record so the draft validates (PersonStore keeps the stored values anyway).
            let original = PersonForm(person)
            form.name = original.name; form.kind = original.kind; form.sectorID = original.sectorID
            form.committeeID = original.committeeID; form.departmentID = original.departmentID
            form.leaderOf = original.leaderOf; form.termStart = original.termStart; form.termEnd = original.termEnd
            form.protocolOrder = original.protocolOrder; form.gender = original.gender
        }
        let heading = "编辑人员：\(person.name)"
        do {
            guard let version = form.version.flatMap(Int.init) else {
                throw Refusal(.invalid, code: "missing_version", message: "表单缺少版本号，请刷新后重试。")
            }
            let draft = try form.draft().get()
            _ = try await PersonStore.update(id: person.id, version: version, draft, on: req)
            req.flash("已保存。")
            return req.redirect(to: Paths.person(person.id))
        } catch let e as PersonStore.Invalid {
            return try await renderForm(req, action: Paths.person(person.id), heading: heading, form: form,
                                        errors: e.errors, restricted: !p.isStaff, status: .badRequest)
        } catch let e as Refusal where e.kind == .conflict || e.kind == .invalid {
            return try await renderForm(req, action: Paths.person(person.id), heading: heading, form: form,
                                        errors: [.init(field: "version", message: e.message)], restricted: !p.isStaff,
                                        status: e.kind.status)
        }
    }

    struct ImportBody: Encodable {
        let errors: [String]
        let summary: String?
        let columns: [String]
    }

    func importForm(req: Request) async throws -> Response {
        try req.require(.importPersons)
        return try await req.renderPage("people-import", title: "导入人员",
                                        body: ImportBody(errors: [], summary: nil, columns: PersonImportColumns.documented))
    }

    struct Upload: Content { var file: File? }

    func importFile(req: Request) async throws -> Response {
        try req.require(.importPersons)
        let upload = try? req.content.decode(Upload.self)
        guard let file = upload?.file, file.data.readableBytes > 0 else {
            let res = try await req.renderPage("people-import", title: "导入人员",
                                               body: ImportBody(errors: ["请选择要导入的CSV文件。"], summary: "未导入任何人员。",
                                                                columns: PersonImportColumns.documented))
            res.status = .badRequest
            return res
        }
        do {
            let n = try await PersonStore.importCSV(Data(buffer: file.data), on: req)
            req.flash("成功导入\(n)人。")
            return req.redirect(to: Paths.people)
        } catch let e as ImportFailure {
            let res = try await req.renderPage("people-import", title: "导入人员",
                                               body: ImportBody(errors: e.details.isEmpty ? [e.message] : e.details,
                                                                summary: e.message, columns: PersonImportColumns.documented))
            res.status = .badRequest
            return res
        }
    }
}

/// The column names the import understands, shown on the import page.
enum PersonImportColumns {
    static let documented: [String] = PersonImportColumn.allCases.map { c in
        let note: String
        switch c {
        case .kind: note = "（必填：" + PersonKind.allCases.map(\.chineseName).joined(separator: "、") + "）"
        case .sector: note = "（委员必填）"
        case .department: note = "（部门负责人必填）"
        case .committee: note = "（委室负责人必填）"
        case .expertise: note = "（以、分隔）"
        default: note = c.isRequired ? "（必填）" : ""
        }
        return c.chineseName + note
    }
}
