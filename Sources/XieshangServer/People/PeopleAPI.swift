import Fluent
import Vapor
import XieshangCore

/// `/api/v1/persons`: list, detail, create, update (with version), CSV import.
struct PeopleAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Paths.API.persons.routePath, use: list)
        routes.post(Paths.API.persons.routePath, use: create)
        routes.on(.POST, Paths.API.importPersons.routePath, body: .collect(maxSize: "4mb"), use: importCSV)
        routes.get((Paths.API.persons + "/:id").routePath, use: detail)
        routes.put((Paths.API.persons + "/:id").routePath, use: update)
    }

    /// The encoded page is kept (see `PeopleDirectory.bodies`): encoding 50 people with
    /// JSONEncoder cost more than everything else in the request.
    func list(req: Request) async throws -> Response {
        let p = try req.require(.viewPersons)
        let query = try req.query.decode(PeopleQuery.self).validated()
        // `redacted(for:)` shows every contact on the CPPCC side, otherwise only one's own.
        let key = PeopleDirectory.BodyKey(query: query, contacts: p.isCPPCCSide ? "all" : "own:\(p.personID ?? 0)")
        let directory = req.xieshang.people
        let body = try await directory.bodies.value(for: key) {
            var page = try await directory.page(query, on: req.db)
            page.items = page.items.map { $0.redacted(for: p) }
            var buffer = ByteBufferAllocator().buffer(capacity: 16 * 1024)
            var ignored = HTTPHeaders()
            try ContentConfiguration.global.requireEncoder(for: .json).encode(page, to: &buffer, headers: &ignored)
            return buffer
        }
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(buffer: body))
    }

    func detail(req: Request) async throws -> PersonDTO {
        let p = try req.require(.viewPersons)
        guard let id = req.parameters.get("id", as: Int.self),
              let person = try await PeopleDirectory.person(id: id, on: req.db) else { throw NotFound.of("人员") }
        return person.redacted(for: p)
    }

    func create(req: Request) async throws -> Response {
        try req.require(.createPerson)
        let draft = try req.content.decode(PersonDraft.self)
        return try await PersonStore.create(draft, on: req).encodeResponse(status: .created, for: req)
    }

    struct Update: Content {
        let version: Int
        let person: PersonDraft
    }

    func update(req: Request) async throws -> PersonDTO {
        guard let id = req.parameters.get("id", as: Int.self) else { throw NotFound.of("人员") }
        // Refuse before reading the body: a caller who may not edit learns nothing from 400s.
        try req.require(.editPerson(personID: id))
        let input = try req.content.decode(Update.self)
        return try await PersonStore.update(id: id, version: input.version, input.person, on: req)
    }

    struct ImportResult: Content { let imported: Int }

    /// Takes the file as the raw body (`text/csv`) or as the `file` field of a multipart form.
    func importCSV(req: Request) async throws -> Response {
        try req.require(.importPersons)
        var data: Data?
        if req.headers.contentType?.type == "multipart" {
            data = (try? req.content.get(File.self, at: "file")).map { Data(buffer: $0.data) }
        } else if let body = req.body.data {
            data = Data(buffer: body)
        }
        guard let data, !data.isEmpty else {
            throw Refusal(.invalid, code: "empty_file", message: "请上传CSV文件内容。")
        }
        let n = try await PersonStore.importCSV(data, on: req)
        return try await ImportResult(imported: n).encodeResponse(status: .created, for: req)
    }
}

extension PersonDraft: Content {}
