import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// Keeps `Resources/openapi.json` true: the document the server serves describes exactly the
/// `/api/v1` routes it registers, and what the GET endpoints really answer fits the schemas
/// (every required property present, no undocumented property, right JSON types and enums).
///
/// When this fails after you added or changed an API route or DTO, update
/// `Sources/XieshangServer/Resources/openapi.json` (and check it with tests/api/test_openapi.py).
@Suite struct OpenAPIDocumentTests {
    @Test func servedDocumentIsOpenAPI3() async throws {
        try await TestApp.run(demo: false) { app in
            let res = try await TestClient(app).send(.GET, Paths.API.openAPI)
            #expect(res.status == .ok)
            #expect(res.headers.contentType?.description.hasPrefix("application/json") == true)
            let doc = try OpenAPIDoc(res)
            guard case .string(let version)? = doc.root["openapi"] else {
                Issue.record("no `openapi` version string")
                return
            }
            #expect(version.hasPrefix("3."), "openapi is \(version)")
            #expect(doc.root["info"]?["title"] != nil)
            #expect(doc.root["components"]?["schemas"]?["Error"] != nil, "the shared Error schema is missing")
        }
    }

    @Test func documentListsExactlyTheRegisteredAPIRoutes() async throws {
        try await TestApp.run(demo: false) { app in
            let doc = try OpenAPIDoc(try await TestClient(app).send(.GET, Paths.API.openAPI))
            let registered = Set(app.routes.all.compactMap { route -> String? in
                guard route.method != .HEAD else { return nil }
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                return path.hasPrefix(Paths.API.root + "/") ? "\(route.method.rawValue) \(path)" : nil
            })
            let documented = Set(doc.operations.map { "\($0.method.uppercased()) \($0.path)" })
            #expect(!registered.isEmpty)
            for missing in registered.subtracting(documented).sorted() {
                Issue.record("route \(missing) is registered but not documented in Resources/openapi.json")
            }
            for stale in documented.subtracting(registered).sorted() {
                Issue.record("openapi.json documents \(stale), which the server does not register")
            }
        }
    }

    /// Public operations (`security: []`) answer without sign-in; every other operation
    /// documents 401 and the GETs among them really answer 401 with the Error body.
    @Test func securityMatchesTheServer() async throws {
        try await TestApp.run { app in
            let doc = try OpenAPIDoc(try await TestClient(app).send(.GET, Paths.API.openAPI))
            let anonymous = TestClient(app)
            for op in doc.operations {
                if op.isPublic {
                    #expect(op.method == "get", "public write \(op.method) \(op.path)?")
                    guard op.method == "get", let url = doc.sampleURL(for: op) else { continue }
                    let res = try await anonymous.send(.GET, url)
                    #expect(res.status == .ok, "public \(url) answered \(res.status) without sign-in")
                } else {
                    #expect(op.responses["401"] != nil, "\(op.method) \(op.path) does not document 401")
                    guard op.method == "get", let url = doc.sampleURL(for: op) else { continue }
                    let res = try await anonymous.send(.GET, url)
                    #expect(res.status == .unauthorized, "\(url) answered \(res.status) without sign-in")
                    if let schema = op.responses["401"].flatMap({ doc.responseSchema($0) }) {
                        for problem in doc.problems(of: try JSONValue.parse(res), against: schema, at: "401 \(url)") {
                            Issue.record(Comment(rawValue: problem))
                        }
                    }
                }
                for status in ["400", "401", "403", "404", "409"] {
                    guard let response = op.responses[status] else { continue }
                    let schema = doc.resolve(response)["content"]?["application/json"]?["schema"]
                    #expect(schema?["$ref"]?.string == "#/components/schemas/Error",
                            "\(op.method) \(op.path) \(status) does not use the Error schema")
                }
            }
        }
    }

    /// Calls every documented GET with an office token (an admin token where the office is
    /// refused) and checks the real 200 body against the documented schema.
    @Test func getResponsesMatchTheirSchemas() async throws {
        try await TestApp.run { app in
            let office = TestClient(app)
            office.bearer = try await Demo.token(app, for: "office")
            let admin = TestClient(app)
            admin.bearer = try await Demo.token(app, for: "admin")
            // Something in the audit log and a local day off, so the lists are not empty.
            let day = try await office.json(.POST, Paths.API.localDaysOff, ["day": "2026-12-24", "reason": "测试"])
            #expect(day.status == .created)
            // An issued, adjusted 2026 plan with its call and suggestions (suggestion 1 among them),
            // and symposium 1 prepared on one of its topics.
            #expect(try await Symposia.prepared(app) == 1, "the documented GETs are called with symposium 1")
            let doc = try OpenAPIDoc(try await office.send(.GET, Paths.API.openAPI))
            var checked = 0
            for op in doc.operations where op.method == "get" {
                guard let url = doc.sampleURL(for: op) else { continue }
                var res = try await office.send(.GET, url)
                if res.status == .forbidden { res = try await admin.send(.GET, url) }
                guard res.status == .ok else {
                    Issue.record("GET \(url) answered \(res.status): \(res.text.prefix(200))")
                    continue
                }
                // A file (a material's version, a compiled packet): the answer's type is one documented.
                let content = op.responses["200"].map { doc.resolve($0)["content"]?.object ?? [:] } ?? [:]
                if content["application/json"] == nil && !content.isEmpty {
                    let type = res.headers.contentType?.description ?? ""
                    #expect(content.keys.contains { type.hasPrefix($0) }, "GET \(url) answered \(type), documented \(content.keys.sorted())")
                    checked += 1
                    continue
                }
                guard let schema = op.responses["200"].flatMap({ doc.responseSchema($0) }) else {
                    Issue.record("GET \(op.path) documents no application/json 200 schema")
                    continue
                }
                let body = try JSONValue.parse(res)
                if case .array(let items) = body {
                    #expect(!items.isEmpty, "GET \(url) is empty in the demo: nothing was checked")
                }
                for problem in doc.problems(of: body, against: schema, at: "GET \(url)") {
                    Issue.record(Comment(rawValue: problem))
                }
                checked += 1
            }
            #expect(checked >= 12, "only \(checked) GET endpoints were checked")
        }
    }
}

// MARK: - A small JSON model and OpenAPI reader

private indirect enum JSONValue: Decodable, Equatable, Sendable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    static func parse(_ res: TestingHTTPResponse) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(buffer: res.body))
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    var string: String? { if case .string(let s) = self { s } else { nil } }
    var array: [JSONValue] { if case .array(let a) = self { a } else { [] } }
    var object: [String: JSONValue] { if case .object(let o) = self { o } else { [:] } }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let n): n.rounded() == n ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

private struct OpenAPIDoc {
    struct Operation {
        let path: String
        let method: String
        let isPublic: Bool
        let parameters: [JSONValue]
        let responses: [String: JSONValue]
    }

    let root: JSONValue

    init(_ res: TestingHTTPResponse) throws {
        #expect(res.status == .ok, "openapi.json answered \(res.status)")
        root = try JSONValue.parse(res)
    }

    var operations: [Operation] {
        let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        return (root["paths"]?.object ?? [:]).sorted { $0.key < $1.key }.flatMap { path, item in
            methods.compactMap { method -> Operation? in
                guard let op = item[method] else { return nil }
                let security = op["security"] ?? root["security"] ?? .array([])
                let parameters = (item["parameters"]?.array ?? []) + (op["parameters"]?.array ?? [])
                return Operation(path: path, method: method, isPublic: security.array.isEmpty,
                                 parameters: parameters.map(resolve), responses: op["responses"]?.object ?? [:])
            }
        }
    }

    /// Follows `$ref`s inside this document.
    func resolve(_ value: JSONValue) -> JSONValue {
        guard let ref = value["$ref"]?.string else { return value }
        guard ref.hasPrefix("#/") else {
            Issue.record("external $ref \(ref)")
            return .null
        }
        var node = root
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let next = node[String(part)] else {
                Issue.record("dangling $ref \(ref)")
                return .null
            }
            node = next
        }
        return resolve(node)
    }

    func responseSchema(_ response: JSONValue) -> JSONValue? {
        resolve(response)["content"]?["application/json"]?["schema"]
    }

    /// Path parameters filled with demo values; required query parameters with their `example`.
    /// Nil for an operation not to be called, e.g. a WebSocket (`x-websocket: true`).
    func sampleURL(for op: Operation) -> String? {
        if root["paths"]?[op.path]?[op.method]?["x-websocket"] == .bool(true) { return nil }  // a WebSocket: no plain GET
        let samples = ["id": "1", "year": "2026"]
        var path = op.path
        var query: [String] = []
        for p in op.parameters {
            guard let name = p["name"]?.string else { continue }
            let example: String? = switch p["example"] {
            case .string(let s)?: s
            case .number(let n)?: String(Int(n))
            default: nil
            }
            switch p["in"]?.string {
            case "path":
                guard let value = samples[name] ?? example else {
                    Issue.record("no sample value for path parameter {\(name)} of \(op.path)")
                    return nil
                }
                path = path.replacingOccurrences(of: "{\(name)}", with: value)
            case "query" where p["required"] == .bool(true):
                guard let value = example else {
                    Issue.record("required query parameter \(name) of \(op.path) has no example")
                    return nil
                }
                query.append("\(name)=\(value)")
            default: break
            }
        }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }

    /// Where `value` departs from `schema`: missing required or undocumented properties,
    /// wrong JSON types, values outside an enum.
    func problems(of value: JSONValue, against schema: JSONValue, at where_: String) -> [String] {
        let schema = resolve(schema)
        var found: [String] = []
        if let all = schema["allOf"]?.array {
            for s in all { found += problems(of: value, against: s, at: where_) }
        }
        if value == .null {
            return schema["nullable"] == .bool(true) ? found : found + ["\(where_): null, but the schema is not nullable"]
        }
        if let type = schema["type"]?.string {
            let actual = value.typeName
            let fits = actual == type || (type == "number" && actual == "integer")
            if !fits { return found + ["\(where_): \(actual), documented as \(type)"] }
        }
        if let allowed = schema["enum"]?.array, !allowed.contains(value) {
            found.append("\(where_): \(value) is not one of the documented values")
        }
        switch value {
        case .object(let o):
            let properties = schema["properties"]?.object ?? [:]
            for key in schema["required"]?.array.compactMap(\.string) ?? [] where o[key] == nil {
                found.append("\(where_): required property `\(key)` is missing")
            }
            let open = schema["additionalProperties"] != nil && schema["additionalProperties"] != .bool(false)
            for (key, v) in o.sorted(by: { $0.key < $1.key }) {
                if let p = properties[key] {
                    found += problems(of: v, against: p, at: "\(where_).\(key)")
                } else if !open && schema["properties"] != nil {
                    found.append("\(where_): property `\(key)` is not documented")
                }
            }
        case .array(let items):
            if let itemSchema = schema["items"] {
                // "[*]": one report per problem, not one per list element.
                var seen = Set<String>()
                for item in items {
                    found += problems(of: item, against: itemSchema, at: "\(where_)[*]").filter { seen.insert($0).inserted }
                }
            }
        default: break
        }
        return found
    }
}
