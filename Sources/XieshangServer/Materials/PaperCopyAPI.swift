import Fluent
import Vapor
import XieshangCore

/// `/api/v1/materials/:mid/paper-copies…`, `/api/v1/symposia/:id/retrieval…` and the office's
/// lists: printed copies of 秘密 and 机密 materials (纸质件) — registered, handed out inside the
/// range, signed for, retrieved after the meeting, kept with approval, destroyed or archived —
/// the closing of a symposium's materials, and classified files held from before awaiting the
/// office's confirmation (保守国家秘密法). Each answers with the material as `MaterialDTO` shows it.
struct PaperCopyAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        let m = api.grouped("materials", ":mid")
        m.post("paper-copies", use: register)
        m.post("paper-copies", "hand-out", use: handOut)
        m.post("paper-copies", "return", use: returnCopies)
        m.post("paper-copies", "dispose", use: dispose)
        m.post("paper-copies", ":n", "sign", use: sign)
        m.post("paper-copies", ":n", "keep", use: keep)
        m.post("paper-only", use: confirmPaperOnly)
        let s = api.grouped("symposia", ":id")
        s.get("retrieval", use: retrieval)
        s.post("retrieval", "close", use: close)
        api.get("paper-copies", "outstanding", use: outstanding)
        api.get("classified-files", use: classifiedFiles)
    }

    static func copyNumber(_ req: Request) throws -> Int {
        guard let n = req.parameters.get("n", as: Int.self) else { throw NotFound.of("纸质件") }
        return n
    }

    func dto(_ id: Int, _ req: Request) async throws -> MaterialDTO {
        let (loaded, scope) = try await MaterialStore.visible(id, on: req)
        return try await MaterialDTO.make(loaded, scope: scope, on: req)
    }

    func register(req: Request) async throws -> Response {
        let id = try MaterialAPI.materialID(req)
        try await MaterialAccessCheck.require(.paper, material: id, on: req)
        _ = try await PaperCopyActions.register(id, SymposiumAPI.decode(PaperCopyActions.RegisterInput.self, req), on: req)
        return try await dto(id, req).encodeResponse(status: .created, for: req)
    }

    func handOut(req: Request) async throws -> MaterialDTO {
        let id = try MaterialAPI.materialID(req)
        try await MaterialAccessCheck.require(.paper, material: id, on: req)
        try await PaperCopyActions.handOut(id, SymposiumAPI.decode(PaperCopyActions.HandOutInput.self, req), on: req)
        return try await dto(id, req)
    }

    func sign(req: Request) async throws -> MaterialDTO {
        let id = try MaterialAPI.materialID(req)
        try await MaterialAccessCheck.require(.view, material: id, on: req)
        try await PaperCopyActions.sign(id, number: Self.copyNumber(req), SymposiumAPI.decode(PaperCopyActions.VersionInput.self, req),
                                        on: req)
        return try await dto(id, req)
    }

    func returnCopies(req: Request) async throws -> MaterialDTO {
        let id = try MaterialAPI.materialID(req)
        try await MaterialAccessCheck.require(.paper, material: id, on: req)
        try await PaperCopyActions.returnCopies(id, SymposiumAPI.decode(PaperCopyActions.PicksInput.self, req), on: req)
        return try await dto(id, req)
    }

    func keep(req: Request) async throws -> MaterialDTO {
        let id = try MaterialAPI.materialID(req)
        try await MaterialAccessCheck.require(.paper, material: id, on: req)
        try await PaperCopyActions.keep(id, number: Self.copyNumber(req), SymposiumAPI.decode(PaperCopyActions.KeepInput.self, req),
                                        on: req)
        return try await dto(id, req)
    }

    func dispose(req: Request) async throws -> MaterialDTO {
        let id = try MaterialAPI.materialID(req)
        try await MaterialAccessCheck.require(.paper, material: id, on: req)
        try await PaperCopyActions.dispose(id, SymposiumAPI.decode(PaperCopyActions.DisposeInput.self, req), on: req)
        return try await dto(id, req)
    }

    func confirmPaperOnly(req: Request) async throws -> MaterialDTO {
        let id = try MaterialAPI.materialID(req)
        try await MaterialAccessCheck.require(.paper, material: id, on: req)
        _ = try await PaperCopyActions.confirmPaperOnly(id, SymposiumAPI.decode(PaperCopyActions.PaperOnlyInput.self, req), on: req)
        return try await dto(id, req)
    }

    func retrieval(req: Request) async throws -> PaperRetrievalDTO {
        let scope = try await MaterialAccessCheck.require(.compile, symposium: SymposiumAPI.id(req), on: req)
        return try await PaperRetrievalDTO.make(scope.symposium, on: req)
    }

    func close(req: Request) async throws -> PaperRetrievalDTO {
        let id = try SymposiumAPI.id(req)
        let scope = try await MaterialAccessCheck.require(.compile, symposium: id, on: req)
        let input = req.body.data == nil ? PaperCopyActions.CloseInput(note: nil)
            : try SymposiumAPI.decode(PaperCopyActions.CloseInput.self, req)
        _ = try await PaperCopyActions.close(id, input, on: req)
        return try await PaperRetrievalDTO.make(scope.symposium, on: req)
    }

    /// Every symposium with copies still out; `chased` from the day after its meeting.
    func outstanding(req: Request) async throws -> [PaperRetrievalDTO] {
        try Self.requireOffice(req)
        return try await PaperRetrievalDTO.outstanding(on: req)
    }

    func classifiedFiles(req: Request) async throws -> [FlaggedFileDTO] {
        try Self.requireOffice(req)
        return try await FlaggedFileDTO.all(on: req)
    }

    /// The office's lists reveal classified titles across symposia: the office only (admin has
    /// no exemption, as on every path that reveals a material).
    static func requireOffice(_ req: Request) throws {
        guard try req.principal.roles.contains(.office) else { throw AccessError.forbidden }
    }
}
