import Fluent
import Vapor
import XieshangCore

/// `/api/v1/symposia/:id/outcomes` and `/api/v1/outcomes/:oid`: outcomes drafted, sent,
/// acknowledged and handled, and their follow-up items tracked (一.6, 三(五)).
struct OutcomeAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("symposia", ":id", "outcomes", use: list)
        api.post("symposia", ":id", "outcomes", use: create)
        let o = api.grouped("outcomes")
        o.get(use: all)
        o.get(":oid", use: show)
        o.put(":oid", use: edit)
        o.post(":oid", "send", use: send)
        o.post(":oid", "acknowledge", use: acknowledge)
        o.post(":oid", "handlings", use: assign)
        o.post(":oid", "handlings", ":hid", use: handle)
        o.get(":oid", "items", use: items)
        o.post(":oid", "items", use: createItem)
        o.post(":oid", "items", ":item", "status", use: itemStatus)
        o.post(":oid", "items", ":item", "notes", use: itemNote)
    }

    static func oid(_ req: Request) throws -> Int { try SymposiumAPI.int(req, "oid", "协商成果") }
    static func hid(_ req: Request) throws -> Int { try SymposiumAPI.int(req, "hid", "办理") }
    static func item(_ req: Request) throws -> Int { try SymposiumAPI.int(req, "item", "落实事项") }

    func dto(_ l: OutcomeStore.Loaded, _ req: Request) async throws -> OutcomeDTO { try await OutcomeDTO.make(l, on: req) }

    func list(req: Request) async throws -> [OutcomeDTO] {
        let id = try SymposiumAPI.id(req)
        _ = try await SymposiumStore.visible(id, for: req.principal, on: req.db)
        return try await OutcomeDTO.all(OutcomeStore.all(symposiumID: id, for: req.principal, on: req.db), on: req)
    }

    func all(req: Request) async throws -> [OutcomeDTO] {
        try await OutcomeDTO.all(OutcomeStore.all(for: req.principal, on: req.db), on: req)
    }

    func create(req: Request) async throws -> Response {
        let id = try SymposiumAPI.id(req)
        try await SymposiumAccess.require(.office, id, on: req)
        let l = try await OutcomeActions.create(id, SymposiumAPI.decode(OutcomeActions.CreateInput.self, req), on: req)
        return try await dto(l, req).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> OutcomeDTO {
        try await dto(OutcomeStore.visible(Self.oid(req), for: req.principal, on: req.db), req)
    }

    func edit(req: Request) async throws -> OutcomeDTO {
        try await OutcomeAccess.require(.office, Self.oid(req), on: req)
        return try await dto(OutcomeActions.edit(Self.oid(req), SymposiumAPI.decode(OutcomeActions.EditInput.self, req), on: req), req)
    }

    func send(req: Request) async throws -> OutcomeDTO {
        try await OutcomeAccess.require(.office, Self.oid(req), on: req)
        return try await dto(OutcomeActions.send(Self.oid(req), SymposiumAPI.decode(OutcomeActions.VersionInput.self, req), on: req), req)
    }

    func acknowledge(req: Request) async throws -> OutcomeDTO {
        try await OutcomeAccess.require(.acknowledge, Self.oid(req), on: req)
        return try await dto(OutcomeActions.acknowledge(Self.oid(req), SymposiumAPI.decode(OutcomeActions.VersionInput.self, req),
                                                        on: req), req)
    }

    func assign(req: Request) async throws -> OutcomeDTO {
        try await OutcomeAccess.require(.office, Self.oid(req), on: req)
        return try await dto(OutcomeActions.assign(Self.oid(req), SymposiumAPI.decode(OutcomeActions.AssignInput.self, req), on: req), req)
    }

    func handle(req: Request) async throws -> OutcomeDTO {
        try await OutcomeAccess.require(.handle(Self.hid(req)), Self.oid(req), on: req)
        return try await dto(OutcomeActions.handle(Self.oid(req), handlingID: Self.hid(req),
                                                   SymposiumAPI.decode(OutcomeActions.HandlingInput.self, req), on: req), req)
    }

    func items(req: Request) async throws -> [OutcomeDTO.Item] {
        try await dto(OutcomeStore.visible(Self.oid(req), for: req.principal, on: req.db), req).items
    }

    func createItem(req: Request) async throws -> Response {
        try await OutcomeAccess.require(.track, Self.oid(req), on: req)
        let l = try await OutcomeActions.createItem(Self.oid(req), SymposiumAPI.decode(OutcomeActions.ItemInput.self, req), on: req)
        return try await dto(l, req).encodeResponse(status: .created, for: req)
    }

    func itemStatus(req: Request) async throws -> OutcomeDTO {
        try await OutcomeAccess.require(.track, Self.oid(req), on: req)
        return try await dto(OutcomeActions.setItemStatus(Self.oid(req), itemID: Self.item(req),
                                                          SymposiumAPI.decode(OutcomeActions.ItemStatusInput.self, req), on: req), req)
    }

    func itemNote(req: Request) async throws -> OutcomeDTO {
        try await OutcomeAccess.require(.note(Self.item(req)), Self.oid(req), on: req)
        return try await dto(OutcomeActions.addItemNote(Self.oid(req), itemID: Self.item(req),
                                                        SymposiumAPI.decode(OutcomeActions.ItemNoteInput.self, req), on: req), req)
    }
}
