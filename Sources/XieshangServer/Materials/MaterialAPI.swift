import Fluent
import Vapor
import XieshangCore

/// `/api/v1/symposia/:id/materials…` and `/api/v1/materials/:mid…`: a symposium's 文稿材料
/// (三(四)) — kinds and producers, uploads and versions, review of speech drafts, secrecy and
/// ranges, reference materials sent in advance, and the compiled packets.
struct MaterialAPI: RouteCollection {
    /// The largest request an upload route accepts: the file limit plus the multipart
    /// envelope, so that a file just over the limit gets the domain's clear 400, not a 413.
    static let uploadBodyLimit = MaterialLimits.maxUploadBytes + 1024 * 1024

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        let s = api.grouped("symposia", ":id")
        s.get("materials", use: list)
        s.post("materials", use: create)
        s.get("packets", use: packets)
        s.post("packets", ":person", use: packet)
        let m = api.grouped("materials", ":mid")
        m.get(use: show)
        Self.uploadRoute(m.on(.POST, "versions", body: .collect(maxSize: ByteCount(value: Self.uploadBodyLimit)), use: upload))
        m.get("versions", ":n", "file", use: download)
        m.post("review", use: review)
        m.put("classification", use: classify)
        m.post("send", use: send)
    }

    /// Lets the CSRF check read a form as large as the upload route accepts.
    @discardableResult
    static func uploadRoute(_ route: Route) -> Route {
        route.userInfo[CSRFMiddleware.bodyLimitKey] = uploadBodyLimit
        return route
    }

    static func materialID(_ req: Request) throws -> Int {
        guard let id = req.parameters.get("mid", as: Int.self) else { throw MaterialStore.notFound() }
        return id
    }

    static func versionNumber(_ req: Request) throws -> Int {
        guard let n = req.parameters.get("n", as: Int.self) else { throw NotFound.of("文稿材料的这一版本") }
        return n
    }

    func dto(_ loaded: MaterialStore.Loaded, _ req: Request) async throws -> MaterialDTO {
        let (_, scope) = try await MaterialStore.visible(loaded.id, on: req)
        return try await MaterialDTO.make(loaded, scope: scope, on: req)
    }

    func list(req: Request) async throws -> [MaterialDTO] {
        let (scope, found) = try await MaterialActions.search(SymposiumAPI.id(req), query: req.query[String.self, at: "q"], on: req)
        return try await MaterialActions.dtos(found, scope: scope, on: req)
    }

    func create(req: Request) async throws -> Response {
        try await MaterialAccessCheck.require(.distribute, symposium: SymposiumAPI.id(req), on: req)
        let loaded = try await MaterialActions.create(SymposiumAPI.id(req), SymposiumAPI.decode(MaterialActions.CreateInput.self, req),
                                                      on: req)
        return try await dto(loaded, req).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> MaterialDTO {
        let (loaded, scope) = try await MaterialAccessCheck.require(.view, material: Self.materialID(req), on: req)
        return try await MaterialDTO.make(loaded, scope: scope, on: req)
    }

    struct UploadForm: Content { var file: File? }

    /// The `file` field of a multipart form.
    static func uploadedFile(_ req: Request) throws -> File {
        guard let file = (try? req.content.decode(UploadForm.self))?.file else {
            throw Refusal(.invalid, code: "file_required", message: "请选择要上传的文件（multipart表单的file字段）。")
        }
        return file
    }

    func upload(req: Request) async throws -> Response {
        try await MaterialAccessCheck.require(.upload, material: Self.materialID(req), on: req)
        let file = try Self.uploadedFile(req)
        let loaded = try await MaterialActions.upload(Self.materialID(req), fileName: file.filename, data: Data(buffer: file.data), on: req)
        return try await dto(loaded, req).encodeResponse(status: .created, for: req)
    }

    func download(req: Request) async throws -> Response {
        try await MaterialActions.download(Self.materialID(req), number: Self.versionNumber(req), on: req)
    }

    func review(req: Request) async throws -> MaterialDTO {
        try await MaterialAccessCheck.require(.review, material: Self.materialID(req), on: req)
        return try await dto(MaterialActions.review(Self.materialID(req), SymposiumAPI.decode(MaterialActions.ReviewInput.self, req),
                                                    on: req), req)
    }

    func classify(req: Request) async throws -> MaterialDTO {
        try await MaterialAccessCheck.require(.distribute, material: Self.materialID(req), on: req)
        return try await dto(MaterialActions.classify(Self.materialID(req),
                                                      SymposiumAPI.decode(MaterialActions.ClassifyInput.self, req), on: req), req)
    }

    func send(req: Request) async throws -> MaterialDTO {
        try await MaterialAccessCheck.require(.distribute, material: Self.materialID(req), on: req)
        return try await dto(MaterialActions.send(Self.materialID(req), SymposiumAPI.decode(MaterialActions.SendInput.self, req),
                                                  on: req), req)
    }

    func packets(req: Request) async throws -> [MaterialPackets.Recipient] {
        try await MaterialPackets.recipients(SymposiumAPI.id(req), on: req)
    }

    func packet(req: Request) async throws -> Response {
        guard let person = req.parameters.get("person", as: Int.self) else { throw NotFound.of("人员") }
        return try await MaterialPackets.compile(SymposiumAPI.id(req), personID: person, on: req)
    }
}
