import Fluent
import Vapor
import XieshangCore

/// The forms of the register of printed copies on a material's page (`material.leaf`, section
/// 纸质件) and the closing of the materials on the list page (section 会后清退). A refusal is
/// shown on the page it came from, with nothing changed.
struct PaperCopyPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let m = routes.grouped("symposia", ":id", "materials", ":mid")
        m.post("paper-copies", use: register)
        m.post("paper-copies", "hand-out", use: handOut)
        m.post("paper-copies", "return", use: returnCopies)
        m.post("paper-copies", "keep", use: keep)
        m.post("paper-copies", "dispose", use: dispose)
        m.post("paper-copies", ":n", "sign", use: sign)
        m.post("paper-only", use: confirmPaperOnly)
        routes.post("symposia", ":id", "retrieval", "close", use: close)
    }

    static let pages = MaterialPages()

    /// Checks access (404 / 403 before the form is read), then runs `body` as the material page's action.
    func act(_ req: Request, _ check: MaterialAccessCheck.OnMaterial, success: String,
             _ body: @escaping (Int) async throws -> Void) async throws -> Response {
        let sid = try MaterialPages.id(req), mid = try MaterialPages.mid(req)
        try await MaterialAccessCheck.require(check, material: mid, symposium: sid, on: req)
        return try await Self.pages.act(req, back: { try await Self.pages.renderDetail($0, error: $1) }, success: success,
                                        redirect: MaterialPages.detailPath(sid, mid) + "#paper") { try await body(mid) }
    }

    struct RegisterForm: Content { var version: Int; var count: Int; var deliveredBy: String?; var reviewedOnPaper: String? }

    func register(req: Request) async throws -> Response {
        try await act(req, .paper, success: "已登记纸质件，份号见下表。") { mid in
            let f = try req.content.decode(RegisterForm.self)
            _ = try await PaperCopyActions.register(mid, .init(version: f.version, count: f.count, deliveredBy: f.deliveredBy,
                                                               reviewedOnPaper: f.reviewedOnPaper.map { !$0.isEmpty }), on: req)
        }
    }

    /// The register's table: a recipient chosen for each copy in the office (blank: it stays).
    struct HandOutForm: Content { var recipients: [String: String]?; var versions: [String: Int]? }

    func handOut(req: Request) async throws -> Response {
        try await act(req, .paper, success: "已登记分发，请分发对象签收。") { mid in
            let f = try req.content.decode(HandOutForm.self)
            let chosen = try (f.recipients ?? [:]).compactMap { key, value -> PaperCopyActions.HandOut? in
                guard let n = Int(key), let p = Int(value) else { return nil }
                return PaperCopyActions.HandOut(number: n, version: try VersionBasis.required(f.versions?[key]), personID: p)
            }.sorted { $0.number < $1.number }
            try await PaperCopyActions.handOut(mid, .init(copies: chosen), on: req)
        }
    }

    /// Checked copies and the versions the page showed.
    struct PicksForm: Content { var numbers: [Int]?; var versions: [String: Int]? }

    static func picks(_ numbers: [Int]?, _ versions: [String: Int]?) throws -> [PaperCopyStore.Pick] {
        try (numbers ?? []).map { PaperCopyStore.Pick(number: $0, version: try VersionBasis.required(versions?[String($0)])) }
    }

    func returnCopies(req: Request) async throws -> Response {
        try await act(req, .paper, success: "已登记清退。") { mid in
            let f = try req.content.decode(PicksForm.self)
            try await PaperCopyActions.returnCopies(mid, .init(copies: try Self.picks(f.numbers, f.versions)), on: req)
        }
    }

    struct KeepForm: Content { var number: Int; var versions: [String: Int]?; var reason: String; var approvedBy: String }

    func keep(req: Request) async throws -> Response {
        try await act(req, .paper, success: "已记录持有人留存的理由和批准人。") { mid in
            let f = try req.content.decode(KeepForm.self)
            try await PaperCopyActions.keep(mid, number: f.number, .init(version: try VersionBasis.required(f.versions?[String(f.number)]),
                                                                        reason: f.reason, approvedBy: f.approvedBy), on: req)
        }
    }

    struct DisposeForm: Content { var disposal: PaperCopy.Disposal; var record: String; var numbers: [Int]?; var versions: [String: Int]? }

    func dispose(req: Request) async throws -> Response {
        try await act(req, .paper, success: "已登记。") { mid in
            let f = try req.content.decode(DisposeForm.self)
            try await PaperCopyActions.dispose(mid, .init(disposal: f.disposal, record: f.record,
                                                         copies: try Self.picks(f.numbers, f.versions)), on: req)
        }
    }

    func sign(req: Request) async throws -> Response {
        try await act(req, .view, success: "已签收。") { mid in
            let f = try req.content.decode(PaperCopyActions.VersionInput.self)
            try await PaperCopyActions.sign(mid, number: PaperCopyAPI.copyNumber(req), f, on: req)
        }
    }

    struct PaperOnlyForm: Content { var version: Int; var removeFiles: String? }

    func confirmPaperOnly(req: Request) async throws -> Response {
        try await act(req, .paper, success: "已确认按纸质件处理。") { mid in
            let f = try req.content.decode(PaperOnlyForm.self)
            _ = try await PaperCopyActions.confirmPaperOnly(mid, .init(version: f.version, removeFiles: f.removeFiles.map { !$0.isEmpty }),
                                                            on: req)
        }
    }

    struct CloseForm: Content { var note: String? }

    func close(req: Request) async throws -> Response {
        let sid = try MaterialPages.id(req)
        try await MaterialAccessCheck.require(.compile, symposium: sid, on: req)
        return try await Self.pages.act(req, back: { try await Self.pages.renderList($0, error: $1) },
                                        success: "本次会议的文稿材料已清退归档。", redirect: MaterialPages.listPath(sid) + "#retrieval") {
            let f = try req.content.decode(CloseForm.self)
            _ = try await PaperCopyActions.close(sid, .init(note: f.note), on: req)
        }
    }
}
