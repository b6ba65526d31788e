import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// Uploads (issue "Upload and versions"): the type is checked by content, not by name; a
/// file over the limit, a lying extension or a broken DOCX gets a clear message and nothing
/// is stored; every version is kept and its text extracted for search.
@Suite("Materials: uploads", .serialized)
struct MaterialUploadTests {
    typealias S = Symposia
    typealias M = Materials

    /// A department briefing of 县农业农村局 with no file yet.
    static func briefing(_ app: Application) async throws -> (symposium: Int, material: Int) {
        let (_, id) = try await SymposiumPreparationTests.symposium(app)
        let committee = try await Planning.api(app, "committee")
        let bureau = try await M.departmentID(app, named: "县农业农村局")
        let mid = try await M.create(committee, symposium: id,
                                     #"{"kind":"departmentBriefing","title":"农村电商情况介绍","departmentID":\#(bureau)}"#)
        return (id, mid)
    }

    struct Stored: Equatable { let files: Int; let version: Int; let audit: Int }

    static func stored(_ app: Application, _ mid: Int) async throws -> Stored {
        Stored(files: try await M.count(MaterialFileModel.self, app),
               version: try #require(try await MaterialModel.find(mid, on: app.db)).version,
               audit: try await Planning.lastAuditSequence(app))
    }

    @Test("a lying extension, an oversized file, a broken DOCX, an old .doc: 400 with a clear message, nothing stored")
    func refusedUploadsStoreNothing() async throws {
        try await TestApp.run { app in
            let (id, mid) = try await Self.briefing(app)
            let department = try await Planning.api(app, "department")
            let path = "/api/v1/materials/\(mid)/versions"
            var zipWithoutWord = try M.docx(["正文"])
            // Rename the body part: still a ZIP, no longer a Word document.
            while let r = zipWithoutWord.range(of: Data("word/document.xml".utf8)) {
                zipWithoutWord.replaceSubrange(r, with: Data("word/documenX.xml".utf8))
            }
            let oversized = Data(repeating: UInt8(ascii: "a"), count: MaterialLimits.maxUploadBytes + 1)
            let cases: [(name: String, data: Data, code: String, says: String)] = [
                ("讲话.docx", Data("%PDF-1.4 not really".utf8), "file_extension_mismatch", "扩展名为.docx，但内容是PDF文件"),
                ("讲话.pdf", Data("纯文本内容".utf8), "file_extension_mismatch", "扩展名为.pdf，但内容是纯文本文件"),
                ("讲话.txt", oversized, "file_too_large", "超过20MB"),
                ("讲话.docx", Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]) + Data("garbage".utf8), "docx_broken", "已损坏"),
                ("讲话.docx", zipWithoutWord, "docx_not_word", "不是Word文档"),
                ("讲话.doc", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]), "legacy_word_file", "另存为"),
                ("讲话.exe", Data("MZ".utf8), "unsupported_file_extension", "不支持.exe"),
                ("讲话.txt", Data(), "file_required", "请选择要上传的文件"),
            ]
            let before = try await Self.stored(app, mid)
            for c in cases {
                let res = try await M.upload(department, path, fileName: c.name, data: c.data)
                #expect(res.status == .badRequest, "\(c.name) (\(c.code)): \(res.status) \(res.text.prefix(200))")
                #expect(res.errorCode == c.code || (c.data.isEmpty && res.errorCode == "empty_file"),
                        "\(c.name): code \(res.errorCode ?? "none"), want \(c.code)")
                if !c.data.isEmpty { #expect(res.text.contains(c.says), "\(c.name): message \(res.text.prefix(300))") }
            }
            #expect(try await Self.stored(app, mid) == before, "a refused upload stored something")

            // The page shows the refusal on the material's page, in Chinese, and stores nothing.
            let web = try await TestClient.signedIn(app, as: "department")
            let page = try await M.upload(web, "/symposia/\(id)/materials/\(mid)/versions", fileName: "讲话.docx",
                                          data: Data("%PDF-1.4".utf8))
            #expect(page.status == .badRequest)
            #expect(page.text.contains("扩展名为.docx，但内容是PDF文件"))
            #expect(try await Self.stored(app, mid) == before)
            // A body beyond the route's limit is refused (by a real server before it is read: 413;
            // the in-memory test transport hands the body over whole, and the file check refuses it).
            let huge = try await M.upload(department, path, fileName: "讲话.txt",
                                          data: Data(repeating: UInt8(ascii: "a"), count: MaterialAPI.uploadBodyLimit + 1))
            #expect(huge.status == .payloadTooLarge || huge.errorCode == "file_too_large", "\(huge.status)")
            #expect(try await Self.stored(app, mid) == before)
        }
    }

    @Test("DOCX, PDF and text are taken by content; every version is kept; the text is searchable")
    func versionsAndText() async throws {
        try await TestApp.run { app in
            let (id, mid) = try await Self.briefing(app)
            let department = try await Planning.api(app, "department")
            let path = "/api/v1/materials/\(mid)/versions"
            // A DOCX named without an extension, and one with the extension in capitals.
            let docx = try M.docx(["一、基本情况", "全县共有电商服务站&网点126个。"])
            #expect(try await M.upload(department, path, fileName: "情况介绍", data: docx).status == .created)
            #expect(try await M.upload(department, path, fileName: "情况介绍.DOCX", data: docx).status == .created)
            // GB18030 text.
            let gbk = try #require(TextDecoding.encodeGB18030("农村快递进村覆盖率达到九成。"))
            #expect(try await M.upload(department, path, fileName: "补充.txt", data: gbk).status == .created)
            let pdf = Data("%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8)
            #expect(try await M.upload(department, path, fileName: "附表.pdf", data: pdf).status == .created)

            let b = try await M.brief(department, mid)
            #expect(b.versions.map(\.number) == [4, 3, 2, 1])
            #expect(b.versions.first { $0.number == 1 }?.hasText == true)
            #expect(try await M.count(MaterialFileModel.self, app) == 4)
            let first = try await department.send(.GET, "/api/v1/materials/\(mid)/versions/1/file")
            #expect(first.status == .ok && Data(buffer: first.body) == docx, "version 1 is kept as uploaded")
            #expect(first.headers.contentType?.description.hasPrefix("application/vnd.openxmlformats") == true)
            let text = try await department.send(.GET, "/api/v1/materials/\(mid)/versions/3/file")
            #expect(text.headers.contentType?.description == "text/plain; charset=gb18030")

            // Search finds the current version's text only (the PDF here has none).
            let office = try await Planning.api(app, "office")
            func hits(_ q: String) async throws -> Int {
                let e = try #require(q.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
                return try S.decode([M.Ref].self, try await S.call(office, .GET, "/api/v1/symposia/\(id)/materials?q=\(e)")).count
            }
            #expect(try await hits("电商服务站") == 0, "an old version's text must not match")
            #expect(try await hits("情况介绍") == 1, "the title matches")
            try await M.uploadText(department, material: mid, "全县电商服务站&网点126个。")
            #expect(try await hits("电商服务站&网点") == 1)
        }
    }
}
