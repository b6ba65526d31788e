import Fluent
import Vapor
import XieshangCore

/// The materials' pages under `/symposia/:id/materials…`: the list with search, "who owes
/// what", the new-material form and the office's packets; one material with its versions,
/// review, range and distribution; the CSV export and the per-recipient packet.
struct MaterialPages: RouteCollection {
    typealias Option = SymposiumPages.Option

    func boot(routes: any RoutesBuilder) throws {
        let s = routes.grouped("symposia", ":id")
        s.get("materials", use: list)
        s.post("materials", use: create)
        s.get("materials.csv", use: export)
        // A POST: compiling gives copy numbers (份号) and is audited; a link must not do that.
        s.post("packets", ":person", use: packet)
        let m = s.grouped("materials", ":mid")
        m.get(use: detail)
        MaterialAPI.uploadRoute(m.on(.POST, "versions", body: .collect(maxSize: ByteCount(value: MaterialAPI.uploadBodyLimit)),
                                     use: upload))
        m.get("versions", ":n", "file", use: download)
        m.post("review", use: review)
        m.post("classification", use: classify)
        m.post("send", use: send)
    }

    static func id(_ req: Request) throws -> Int { try SymposiumAPI.id(req) }
    static func mid(_ req: Request) throws -> Int { try MaterialAPI.materialID(req) }
    static func listPath(_ id: Int) -> String { "/symposia/\(id)/materials" }
    static func detailPath(_ id: Int, _ mid: Int) -> String { "/symposia/\(id)/materials/\(mid)" }

    // MARK: what every page shows

    /// What `symposium-head` shows: no more of the symposium than a reader of one of its
    /// materials may know.
    struct Head: Encodable {
        struct Ref: Encodable { let id: Int; let name: String }
        let id: Int; let subject: String; let dateText: String; let startTime: String; let place: String
        let leadCommittee: Ref; let host: Ref?
    }

    static func head(_ scope: MaterialStore.Scope, on db: any Database) async throws -> Head {
        let s = scope.symposium.symposium
        let committees = try await PlanningStore.committeeNames(on: db)
        let host = try await PersonModel.find(s.host.personID, on: db)
        return Head(id: scope.symposiumID, subject: s.subject, dateText: SymposiumDTO.dateText(s.date), startTime: s.startTime,
                    place: s.place, leadCommittee: .init(id: s.leadCommitteeID, name: committees[s.leadCommitteeID] ?? ""),
                    host: host.map { .init(id: $0.id!, name: $0.name) })
    }

    /// The symposium's tabs for those who may open them; the materials alone for a reader who
    /// knows of the symposium only through a material sent to them.
    static func tabs(_ scope: MaterialStore.Scope) -> [SymposiumPages.TabLink] {
        scope.seesSymposium ? SymposiumPages.tabs(scope.symposiumID, current: "materials")
            : [.init(href: listPath(scope.symposiumID), label: "文稿材料", current: true)]
    }

    struct PersonGroup: Encodable { let label: String; let options: [Option] }

    /// The choices of the forms.
    struct Options: Encodable {
        var kinds: [Option] = []
        var leaders: [Option] = []
        var departments: [Option] = []
        var speakers: [Option] = []
        var secrecies: [Option] = []
        var scopes: [Option] = []
        var roles: [Option] = []
        var categories: [Option] = []
        var persons: [PersonGroup] = []
    }

    static func options(_ scope: MaterialStore.Scope, selected m: Material? = nil, on db: any Database) async throws -> Options {
        var o = Options()
        guard scope.canDistribute else { return o }
        let persons = try await PersonModel.query(on: db).sort(\.$protocolOrder).all()
        let d = m?.distribution ?? .attendingOnly
        o.kinds = MaterialKind.allCases.map { Option(value: $0.rawValue, label: "\($0.chineseName)（\($0.clause)）", selected: false) }
        o.leaders = persons.filter { $0.kind == PersonKind.leader.rawValue }.map {
            Option(value: String($0.id!), label: "\($0.name)（\($0.title)）", selected: false)
        }
        o.departments = try await DepartmentModel.query(on: db).sort(\.$sortOrder).all().map {
            Option(value: String($0.id!), label: $0.name, selected: d.departmentIDs.contains($0.id!))
        }
        let invited = scope.symposium.symposium.invitees.filter { $0.state != .declined }.map(\.personID)
        let byID = Dictionary(persons.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        o.speakers = invited.compactMap { byID[$0] }.map { Option(value: String($0.id!), label: "\($0.name)　\($0.unit)\($0.title)", selected: false) }
        o.secrecies = SecrecyLevel.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, selected: $0 == (m?.secrecy ?? .internal)) }
        o.scopes = Distribution.Scope.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, selected: $0 == d.scope) }
        o.roles = Role.allCases.filter { $0 != .admin }.map {
            Option(value: $0.rawValue, label: $0 == .office ? "县政协办公室" : $0.chineseName, selected: d.roles.contains($0))
        }
        o.categories = AttendeeCategory.allCases.map { Option(value: $0.rawValue, label: $0.chineseName, selected: d.categories.contains($0)) }
        o.persons = PersonKind.allCases.compactMap { kind in
            let group = persons.filter { $0.kind == kind.rawValue }
            guard !group.isEmpty else { return nil }
            return PersonGroup(label: AttendeeCategory(kind: kind).chineseName, options: group.map {
                Option(value: String($0.id!), label: "\($0.name)　\($0.unit)\($0.title)", selected: d.personIDs.contains($0.id!))
            })
        }
        return o
    }

    // MARK: the list

    struct Can: Encodable { let distribute: Bool; let compile: Bool }

    /// What the deployment is, for the pages' notice on classified materials (保守国家秘密法).
    struct System: Encodable {
        let classified: Bool
        let name: String

        init(_ s: SystemClassification) {
            classified = s == .classified
            name = s.chineseName
        }
    }

    struct ListBody: Encodable {
        let s: Head
        let tabs: [SymposiumPages.TabLink]
        let error: String?
        let errorDetails: [String]
        let q: String
        let materials: [MaterialDTO]
        /// Who owes what: materials without an issuable version, by due day.
        let owed: [MaterialDTO]
        let can: Can
        let options: Options
        let packets: [MaterialPackets.Recipient]
        let system: System
        /// 会后清退, for the office.
        let retrieval: PaperRetrievalDTO?
    }

    func list(req: Request) async throws -> Response { try await renderList(req) }

    func renderList(_ req: Request, error: (any DomainError)? = nil) async throws -> Response {
        let q = req.query[String.self, at: "q"] ?? ""
        let (scope, found) = try await MaterialActions.search(Self.id(req), query: q, on: req)
        let materials = try await MaterialActions.dtos(found, scope: scope, on: req)
        var owed: [MaterialDTO] = []
        if q.isEmpty {
            owed = materials.filter { !$0.issuable && $0.can.work }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
        }
        let packets = scope.canCompile ? try await MaterialPackets.recipients(scope.symposiumID, on: req) : []
        let body = ListBody(s: try await Self.head(scope, on: req.db), tabs: Self.tabs(scope), error: error?.message,
                            errorDetails: error?.details ?? [], q: q, materials: materials, owed: owed,
                            can: Can(distribute: scope.canDistribute, compile: scope.canCompile),
                            options: try await Self.options(scope, on: req.db), packets: packets, system: System(scope.system),
                            retrieval: scope.canCompile ? try await PaperRetrievalDTO.make(scope.symposium, on: req) : nil)
        return try await req.renderPage("symposium-materials", title: "\(scope.symposium.symposium.topic) · 文稿材料", body: body)
    }

    // MARK: one material

    struct DetailBody: Encodable {
        let s: Head
        let tabs: [SymposiumPages.TabLink]
        let error: String?
        let errorDetails: [String]
        let m: MaterialDTO
        let options: Options
        let maxUpload: String
        /// The file input's limit and the domain's refusal, so that the page refuses an oversized
        /// file before sending it (the server refuses it too).
        let maxUploadBytes: Int
        let tooLarge: String
        let reviewActions: [Option]
        let system: System
        /// Why a state secret has no file here, for those who work on it; nil when files are allowed.
        let paperNotice: String?
        /// Whom the office may hand a printed copy to: the attendees in the attendee list's
        /// order, then the persons the range names (the range itself is checked on hand-out).
        let recipients: [Option]
        let disposals: [Option]
    }

    func detail(req: Request) async throws -> Response { try await renderDetail(req) }

    func renderDetail(_ req: Request, error: (any DomainError)? = nil) async throws -> Response {
        let (loaded, scope) = try await MaterialStore.visible(Self.mid(req), symposiumID: Self.id(req), on: req)
        let dto = try await MaterialDTO.make(loaded, scope: scope, on: req)
        var actions: [Option] = []
        if let state = loaded.material.review?.state {
            for a in SpeechReview.Action.allCases where a != .revise && a.from.contains(state) {
                if a == .submit ? dto.can.submit : dto.can.review {
                    actions.append(Option(value: a.rawValue, label: a.chineseName, selected: false))
                }
            }
        }
        let body = DetailBody(s: try await Self.head(scope, on: req.db), tabs: Self.tabs(scope), error: error?.message,
                              errorDetails: error?.details ?? [], m: dto,
                              options: try await Self.options(scope, selected: loaded.material, on: req.db),
                              maxUpload: "\(MaterialLimits.maxUploadBytes / (1024 * 1024))MB",
                              maxUploadBytes: MaterialLimits.maxUploadBytes,
                              tooLarge: MaterialError.fileTooLarge(MaterialLimits.maxUploadBytes).message, reviewActions: actions,
                              system: System(scope.system),
                              paperNotice: dto.servesFile ? nil : MaterialError.classifiedFileRefused(loaded.material.secrecy).message,
                              recipients: dto.can.paper ? try await Self.paperRecipients(loaded.material, scope, on: req) : [],
                              disposals: PaperCopy.Disposal.allCases.map {
                                  Option(value: $0.rawValue, label: $0 == .destroy ? "销毁" : "归档", selected: $0 == .destroy)
                              })
        return try await req.renderPage("material", title: "\(loaded.material.title) · 文稿材料", body: body)
    }

    /// The hand-out form's choices: attendees in the attendee list's order (with their category),
    /// then persons the range names who do not attend.
    static func paperRecipients(_ m: Material, _ scope: MaterialStore.Scope, on req: Request) async throws -> [Option] {
        let s = scope.symposium.symposium
        let ids = MaterialPackets.attending(s) + m.distribution.personIDs.sorted()
        let persons = try await MaterialPackets.persons(ids, on: req.db)
        var order = MaterialPackets.attendeeOrder(s, persons: persons, regulation: req.xieshang.regulation)
        order += m.distribution.personIDs.sorted().filter { !order.contains($0) }
        return order.compactMap { id in
            persons[id].map { p in
                let category = s.attendingCategory(of: id).map { "（\($0.chineseName)）" } ?? ""
                return Option(value: String(id), label: "\(p.name)\(category)", selected: false)
            }
        }
    }

    /// Runs a page action; a refusal is shown on the page it came from, with nothing changed.
    func act(_ req: Request, back: @escaping (Request, (any DomainError)?) async throws -> Response, success: String,
             redirect: String, _ body: () async throws -> Void) async throws -> Response {
        do {
            try await body()
        } catch let e as any DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await back(req, e).with(status: e.kind.status)
        } catch is DecodingError {
            return try await back(req, Refusal(.invalid, code: "invalid_form", message: "表单内容有误，请检查后重新提交。"))
                .with(status: .badRequest)
        }
        req.flash(success)
        return req.redirect(to: redirect)
    }

    // MARK: forms

    /// The range as the forms post it: a scope and the lists of checked entries.
    struct RangeForm: Content {
        var scope: Distribution.Scope?
        var roles: [Role]?
        var categories: [AttendeeCategory]?
        var departmentIDs: [Int]?
        var personIDs: [Int]?

        var distribution: Distribution {
            Distribution(scope: scope ?? .listed, roles: Set(roles ?? []), personIDs: Set(personIDs ?? []),
                         departmentIDs: Set(departmentIDs ?? []), categories: Set(categories ?? []))
        }
    }

    struct CreateForm: Content {
        var kind: MaterialKind
        var title: String
        var leaderID: String?
        var departmentID: String?
        var speakerID: String?
        var due: String?
        var secrecy: SecrecyLevel?
        var secrecyPeriod: String?
    }

    func create(req: Request) async throws -> Response {
        try await MaterialAccessCheck.require(.distribute, symposium: Self.id(req), on: req)
        var created: Int?
        let response = try await act(req, back: { try await renderList($0, error: $1) }, success: "已登记材料，请提供单位上传文稿。",
                                     redirect: Self.listPath(try Self.id(req))) {
            let f = try req.content.decode(CreateForm.self)
            let range = try req.content.decode(RangeForm.self)
            let input = MaterialActions.CreateInput(kind: f.kind, title: f.title, leaderID: f.leaderID.flatMap { Int($0) },
                                                    departmentID: f.departmentID.flatMap { Int($0) },
                                                    speakerID: f.speakerID.flatMap { Int($0) }, due: f.due, secrecy: f.secrecy,
                                                    secrecyPeriod: f.secrecyPeriod, distribution: range.distribution)
            created = try await MaterialActions.create(Self.id(req), input, on: req).id
        }
        if let created, response.status == .seeOther { return req.redirect(to: Self.detailPath(try Self.id(req), created)) }
        return response
    }

    func upload(req: Request) async throws -> Response {
        try await MaterialAccessCheck.require(.upload, material: Self.mid(req), symposium: Self.id(req), on: req)
        return try await act(req, back: { try await renderDetail($0, error: $1) }, success: "已上传新版本。",
                             redirect: Self.detailPath(try Self.id(req), try Self.mid(req))) {
            let file = try MaterialAPI.uploadedFile(req)
            _ = try await MaterialActions.upload(Self.mid(req), fileName: file.filename, data: Data(buffer: file.data), on: req)
        }
    }

    func download(req: Request) async throws -> Response {
        try await MaterialActions.download(Self.mid(req), number: MaterialAPI.versionNumber(req), symposium: Self.id(req), on: req)
    }

    struct ReviewForm: Content { var version: Int; var action: SpeechReview.Action; var comments: String? }

    func review(req: Request) async throws -> Response {
        try await MaterialAccessCheck.require(.review, material: Self.mid(req), symposium: Self.id(req), on: req)
        let f = try? req.content.decode(ReviewForm.self)
        return try await act(req, back: { try await renderDetail($0, error: $1) },
                             success: "已\(f?.action.chineseName ?? "办理")。", redirect: Self.detailPath(try Self.id(req), try Self.mid(req))) {
            let f = try req.content.decode(ReviewForm.self)
            _ = try await MaterialActions.review(Self.mid(req), .init(version: f.version, action: f.action, comments: f.comments), on: req)
        }
    }

    struct ClassifyForm: Content { var version: Int; var secrecy: SecrecyLevel; var secrecyPeriod: String? }

    func classify(req: Request) async throws -> Response {
        try await MaterialAccessCheck.require(.distribute, material: Self.mid(req), symposium: Self.id(req), on: req)
        return try await act(req, back: { try await renderDetail($0, error: $1) }, success: "已保存涉密程度和发放范围。",
                             redirect: Self.detailPath(try Self.id(req), try Self.mid(req))) {
            let f = try req.content.decode(ClassifyForm.self)
            let range = try req.content.decode(RangeForm.self)
            _ = try await MaterialActions.classify(Self.mid(req), .init(version: f.version, secrecy: f.secrecy,
                                                                        secrecyPeriod: f.secrecyPeriod,
                                                                        distribution: range.distribution), on: req)
        }
    }

    struct SendForm: Content { var personIDs: [Int]? }

    func send(req: Request) async throws -> Response {
        try await MaterialAccessCheck.require(.distribute, material: Self.mid(req), symposium: Self.id(req), on: req)
        return try await act(req, back: { try await renderDetail($0, error: $1) }, success: "已提前送阅，领导打开后将记录阅读时间。",
                             redirect: Self.detailPath(try Self.id(req), try Self.mid(req))) {
            let f = try req.content.decode(SendForm.self)
            _ = try await MaterialActions.send(Self.mid(req), .init(personIDs: f.personIDs ?? []), on: req)
        }
    }

    // MARK: export and packet

    func export(req: Request) async throws -> Response {
        let (scope, found) = try await MaterialActions.search(Self.id(req), query: req.query[String.self, at: "q"], on: req)
        let dtos = try await MaterialActions.dtos(found, scope: scope, on: req)
        let res = Response(status: .ok, body: .init(string: MaterialExport.csv(dtos)))
        res.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        let name = "文稿材料-\(scope.symposium.symposium.topic).csv"
        res.headers.replaceOrAdd(name: .contentDisposition,
                                 value: "attachment; filename=\"materials.csv\"; filename*=UTF-8''\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }

    /// The form "汇编下载" on the packets' table: compiles and answers with the DOCX itself,
    /// which the browser saves while the page stays.
    func packet(req: Request) async throws -> Response {
        guard let person = req.parameters.get("person", as: Int.self) else { throw NotFound.of("人员") }
        return try await MaterialPackets.compile(Self.id(req), personID: person, on: req)
    }
}
