import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
import XieshangDocuments
import ZIPFoundation
@testable import XieshangServer

/// Helpers for the materials' tests: uploads as a browser or an API client sends them, the
/// text of a packet, the demo users' persons.
enum Materials {
    typealias S = Symposia

    /// A multipart upload of `data` as the `file` field. With a session (no bearer) the form
    /// carries the CSRF token as the page's form does.
    static func upload(_ client: TestClient, _ path: String, fileName: String, data: Data,
                       contentType: String = "application/octet-stream") async throws -> TestingHTTPResponse {
        let boundary = "----xieshang-material-boundary"
        var body = Data()
        if client.bearer == nil {
            let token = try await client.csrfToken()
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: \(contentType)\r\n\r\n".utf8))
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var h = HTTPHeaders()
        h.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await client.send(.POST, path, headers: h, body: ByteBuffer(data: body))
    }

    /// Uploads through the API and expects 201.
    @discardableResult
    static func uploadText(_ client: TestClient, material: Int, _ text: String, fileName: String = "材料.txt",
                           sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestingHTTPResponse {
        let res = try await upload(client, "/api/v1/materials/\(material)/versions", fileName: fileName, data: Data(text.utf8))
        #expect(res.status == .created, "upload to \(material): \(res.status) \(res.text.prefix(300))", sourceLocation: sourceLocation)
        return res
    }

    struct Ref: Decodable { let id: Int }
    struct Brief: Decodable {
        struct Version: Decodable { let number: Int; let hasText: Bool }
        struct Review: Decodable { let state: String; let pendingComments: String? }
        struct Sent: Decodable { let personID: Int; let openedAt: String? }
        struct Copy: Decodable { let personID: Int; let number: String }
        let id: Int
        let version: Int
        let title: String
        let status: String
        let issuable: Bool
        let versions: [Version]
        let review: Review?
        let sentTo: [Sent]
        let copies: [Copy]
    }

    /// Creates a material through the API as `client` and returns its id.
    static func create(_ client: TestClient, symposium: Int, _ json: String,
                       sourceLocation: SourceLocation = #_sourceLocation) async throws -> Int {
        let res = try await S.call(client, .POST, "/api/v1/symposia/\(symposium)/materials", json, expect: .created,
                                   sourceLocation: sourceLocation)
        return try S.decode(Ref.self, res, sourceLocation: sourceLocation).id
    }

    static func brief(_ client: TestClient, _ material: Int, sourceLocation: SourceLocation = #_sourceLocation) async throws -> Brief {
        try S.decode(Brief.self, try await S.call(client, .GET, "/api/v1/materials/\(material)", sourceLocation: sourceLocation),
                     sourceLocation: sourceLocation)
    }

    /// The text of a DOCX's body (`word/document.xml`'s w:t runs, a line per paragraph) and its
    /// headers (where the recipient and copy number are printed).
    static func docxText(_ res: TestingHTTPResponse) throws -> (body: String, headers: String) {
        let archive = try Archive(data: Data(buffer: res.body), accessMode: .read)
        func text(_ path: String) throws -> String {
            guard let entry = archive[path] else { return "" }
            var xml = Data()
            _ = try archive.extract(entry) { xml.append($0) }
            return DocxText.text(ofDocumentXML: xml)
        }
        let headers = try archive.filter { $0.path.hasPrefix("word/header") }.map { try text($0.path) }.joined(separator: "\n")
        return (try text("word/document.xml"), headers)
    }

    /// A real DOCX in the office's layout (a department's paper: no red head, which needs a
    /// document number), with `paragraphs` as its body.
    static func docx(_ paragraphs: [String]) throws -> Data {
        try DocxWriter.data(for: OfficialDocument(format: .plain, issuingOrgans: ["县农业农村局"], title: "情况介绍",
                                                  body: paragraphs.map { .paragraph($0) }, date: Day(year: 2026, month: 11, day: 20)!))
    }

    static func personID(_ app: Application, of username: String) async throws -> Int? {
        try await UserModel.query(on: app.db).filter(\.$username == username).first()?.personID
    }

    static func departmentID(_ app: Application, named name: String) async throws -> Int {
        try #require(try await DepartmentModel.query(on: app.db).filter(\.$name == name).first()?.id)
    }

    /// The materials' audited actions after `sequence`, oldest first.
    static func auditActions(_ app: Application, after sequence: Int) async throws -> [String] {
        try await AuditEntryModel.query(on: app.db).filter(\.$id > sequence).filter(\.$objectType == "material")
            .sort(\.$id).all().map(\.action)
    }

    static func count<M: Model>(_ type: M.Type, _ app: Application) async throws -> Int {
        try await M.query(on: app.db).count()
    }
}
