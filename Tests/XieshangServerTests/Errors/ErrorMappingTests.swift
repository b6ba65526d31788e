import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// How failures reach the caller: JSON errors under /api, Chinese error pages elsewhere,
/// a 4xx for every kind of bad input and never a 500.
@Suite("Error mapping")
struct ErrorMappingTests {
    static func api(_ app: Application) async throws -> TestClient {
        let client = TestClient(app)
        client.bearer = try await Demo.token(app, for: "office")
        return client
    }

    static func isChinese(_ s: String) -> Bool {
        s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    @Test("an unknown API path is a 404 JSON error, signed in or not")
    func unknownAPIPath() async throws {
        try await TestApp.run { app in
            for client in [TestClient(app), try await Self.api(app)] {
                for (method, path) in [(HTTPMethod.GET, "/api/v1/nothing-here"), (.GET, "/api/v2/persons"),
                                       (.DELETE, "/api/v1/nothing-here"), (.GET, "/api/v1/persons/1/nothing")] {
                    let res = try await client.send(method, path)
                    #expect(res.status == .notFound, "\(method) \(path): \(res.status)")
                    #expect(res.headers.contentType == .json, "\(path)")
                    let body = try res.content.decode(APIErrorBody.self)
                    #expect(body.error.code == "not_found")
                    #expect(Self.isChinese(body.error.message))
                }
            }
            // A route that exists, naming an object that does not (after the caller is known).
            let missing = try await Self.api(app).send(.GET, "/api/v1/persons/999999")
            #expect(missing.status == .notFound)
            #expect(missing.errorCode == "not_found")
            #expect(try missing.content.decode(APIErrorBody.self).error.message.contains("人员不存在"))
        }
    }

    @Test("a path asked with a method it does not take is 405 with the methods it takes")
    func wrongMethodIs405() async throws {
        try await TestApp.run { app in
            let client = try await Self.api(app)
            for (method, path, allow) in [(HTTPMethod.TRACE, "/api/v1/persons", ["GET", "HEAD", "POST"]),
                                          (.DELETE, "/api/v1/persons", ["GET", "HEAD", "POST"]),
                                          (.PATCH, "/api/v1/persons/1", ["GET", "HEAD", "PUT"]),
                                          (.GET, "/symposia/1/packets/2", ["POST"]),
                                          (.PUT, "/api/v1/persons/import", ["POST"])] {
                let res = try await client.send(method, path)
                #expect(res.status == .methodNotAllowed, "\(method) \(path): \(res.status)")
                let allowed = (res.headers.first(name: "Allow") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                #expect(Set(allowed) == Set(allow), "\(method) \(path): Allow \(allowed)")
                if path.hasPrefix("/api/") { #expect(res.errorCode == "method_not_allowed") }
            }
            #expect(try await client.send(.TRACE, "/api/v1/no-such-thing").status == .notFound)
            #expect(try await client.send(.GET, "/api/v1/persons/999999").status == .notFound, "a missing person stays 404")
        }
    }

    @Test("an unknown page is a 404 HTML page in Chinese")
    func unknownPage() async throws {
        try await TestApp.run { app in
            for client in [TestClient(app), try await TestClient.signedIn(app, as: "member")] {
                let res = try await client.send(.GET, "/no/such/page")
                #expect(res.status == .notFound)
                #expect(res.headers.contentType?.type == "text")
                #expect(res.headers.contentType?.subType == "html")
                #expect(res.text.contains("<html"))
                #expect(res.text.contains("未找到"))
                #expect(res.text.contains("您访问的页面或对象不存在"))
            }
            let missingPerson = try await TestClient.signedIn(app, as: "office").send(.GET, "/people/999999")
            #expect(missingPerson.status == .notFound)
            #expect(missingPerson.text.contains("人员不存在"))
        }
    }

    @Test("a malformed JSON body is a 400 JSON error, never a 500", arguments: [
        (HTTPMethod.POST, Paths.API.persons),
        (HTTPMethod.PUT, Paths.API.persons + "/1"),
        (HTTPMethod.POST, Paths.API.committees),
        (HTTPMethod.PUT, Paths.API.committees + "/1"),
        (HTTPMethod.POST, Paths.API.sectors),
        (HTTPMethod.POST, Paths.API.departments),
        (HTTPMethod.PUT, Paths.API.organization),
        (HTTPMethod.POST, Paths.API.calendarYears),
        (HTTPMethod.POST, Paths.API.localDaysOff),
    ])
    func malformedJSON(method: HTTPMethod, path: String) async throws {
        try await TestApp.run { app in
            let api = try await Self.api(app)
            var headers = HTTPHeaders()
            headers.contentType = .json
            for body in [#"{"name": "#, "not json at all", "[]", #"{"name": 5, "kind": true}"#, "{}", "null", ""] {
                let res = try await api.send(method, path, headers: headers, body: ByteBuffer(string: body))
                #expect(res.status == .badRequest, "\(method) \(path) with \(body): \(res.status) \(res.text)")
                #expect(res.headers.contentType == .json)
                #expect(res.errorCode != nil)
                #expect(Self.isChinese((try? res.content.decode(APIErrorBody.self).error.message) ?? ""))
            }
            // A body in a type the endpoint does not read is refused as such.
            var xml = HTTPHeaders()
            xml.replaceOrAdd(name: .contentType, value: "application/xml")
            let res = try await api.send(method, path, headers: xml, body: ByteBuffer(string: "<person/>"))
            #expect(res.status == .unsupportedMediaType, "\(method) \(path) with XML: \(res.status)")
            #expect(res.headers.contentType == .json)
        }
    }

    @Test("malformed query strings are 400s, not 500s")
    func malformedQuery() async throws {
        try await TestApp.run { app in
            let api = try await Self.api(app)
            for path in [Paths.API.persons + "?page=abc", Paths.API.persons + "?sector=x",
                         Paths.API.audit + "?page=abc", Paths.API.calendarYears + "/abc"] {
                let res = try await api.send(.GET, path)
                #expect(res.status.code >= 400 && res.status.code < 500, "\(path): \(res.status)")
                #expect(res.headers.contentType == .json)
            }
        }
    }

    @Test("a bad bearer token is a 401 JSON error that asks for a bearer token")
    func badToken() async throws {
        try await TestApp.run { app in
            let client = TestClient(app)
            client.bearer = "xs_not-a-real-token"
            let res = try await client.send(.GET, Paths.API.persons)
            #expect(res.status == .unauthorized)
            #expect(res.headers.first(name: .wwwAuthenticate) == "Bearer")
            #expect(res.errorCode == "invalid_token")
            let anonymous = try await TestClient(app).send(.GET, Paths.API.persons)
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.errorCode == "unauthenticated")
        }
    }

    @Test("an oversize body is a 413", arguments: [Paths.API.importPersons, Paths.API.persons, Paths.API.sectors])
    func oversizeBody(path: String) async throws {
        try await TestApp.run { app in
            let token = try await Demo.token(app, for: "office")
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: token)
            headers.contentType = path == Paths.API.importPersons ? HTTPMediaType(type: "text", subType: "csv") : .json
            let body = ByteBuffer(repeating: UInt8(ascii: "a"), count: 5 * 1024 * 1024)
            // A real server, so that the body arrives as a stream and its limit applies.
            let res = try await app.testing(method: .running(hostname: "127.0.0.1", port: 0))
                .sendRequest(.POST, path, headers: headers, body: body)
            #expect(res.status == .payloadTooLarge, "\(path): \(res.status)")
            #expect(res.headers.contentType == .json)
            #expect(res.errorCode == "payload_too_large")
        }
    }
}
