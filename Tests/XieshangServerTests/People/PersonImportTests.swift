import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// Importing persons from a CSV file, through the page and through the API: all or nothing,
/// every encoding an office PC produces, and errors that name the line at fault.
@Suite("Person import")
struct PersonImportTests {
    /// `samples/` at the root of the repository, found from this file.
    static func sample(_ name: String) throws -> Data {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // People
            .deletingLastPathComponent()  // XieshangServerTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // repository
        return try Data(contentsOf: root.appendingPathComponent("samples").appendingPathComponent(name))
    }

    /// The persons of the GB18030 and UTF-8 samples (the same eight rows).
    static let sampleNames = ["李建华", "陈淑芬", "王德明", "刘晓燕", "周文斌", "黄国平", "谭丽君", "赵永清"]

    static func personCount(_ app: Application) async throws -> Int {
        try await PersonModel.query(on: app.db).count()
    }

    static func auditCount(_ app: Application) async throws -> Int {
        try await AuditEntryModel.query(on: app.db).count()
    }

    static func apiClient(_ app: Application, as username: String = "office") async throws -> TestClient {
        let client = TestClient(app)
        client.bearer = try await Demo.token(app, for: username)
        return client
    }

    static func postCSV(_ client: TestClient, _ data: Data) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        return try await client.send(.POST, Paths.API.importPersons, headers: headers, body: ByteBuffer(data: data))
    }

    /// The items of `<ul id="import-errors">` on the import page.
    static func importErrors(in html: String) -> [String] {
        guard let start = html.range(of: #"<ul id="import-errors">"#),
              let end = html.range(of: "</ul>", range: start.upperBound..<html.endIndex) else { return [] }
        return html[start.upperBound..<end.lowerBound]
            .components(separatedBy: "<li>").dropFirst()
            .map { $0.replacingOccurrences(of: "</li>", with: "") }
    }

    static func searchTotal(_ client: TestClient, _ q: String) async throws -> Int {
        let encoded = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let res = try await client.send(.GET, Paths.API.persons + "?q=" + encoded)
        #expect(res.status == .ok)
        return try res.content.decode(PeoplePageDTO.self).total
    }

    @Test("a GB18030 file uploaded on the page imports every row, and the names are searchable")
    func gb18030ImportsThroughThePage() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let before = try await Self.personCount(app)
            #expect(try await Self.searchTotal(office, "周文斌") == 0)

            let res = try await office.postFile(Paths.importPeople, filename: "委员名单.csv",
                                                data: Self.sample("persons-import-gb18030.csv"))
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == Paths.people)
            #expect(try await Self.personCount(app) == before + 8)
            #expect(try await Self.searchTotal(office, "周文斌") == 1)
            #expect(try await Self.searchTotal(office, "谭丽君") == 1)

            // The page after the redirect tells the office how many came in.
            let list = try await office.send(.GET, Paths.people)
            #expect(list.text.contains("成功导入8人"))
        }
    }

    @Test("a GB18030 file posted to the API as a raw text/csv body imports every row")
    func gb18030ImportsThroughTheAPIAsRawBody() async throws {
        try await TestApp.run { app in
            let api = try await Self.apiClient(app)
            let before = try await Self.personCount(app)
            let res = try await Self.postCSV(api, Self.sample("persons-import-gb18030.csv"))
            #expect(res.status == .created)
            #expect(try res.content.decode(PeopleAPI.ImportResult.self).imported == 8)
            #expect(try await Self.personCount(app) == before + 8)
            for name in Self.sampleNames where name != "李建华" {  // 李建华 is also in the demo county
                #expect(try await Self.searchTotal(api, name) == 1, "\(name) not found after import")
            }
            let chen = try #require(try await Demo.person(app, named: "陈淑芬"))
            #expect(chen.unit == "县人民医院")
            #expect(chen.expertise == "基层医疗、公共卫生")
        }
    }

    @Test("a UTF-8 file with a BOM posted to the API as multipart imports every row, the BOM not in the data")
    func utf8WithBOMImportsThroughTheAPIAsMultipart() async throws {
        try await TestApp.run { app in
            let api = try await Self.apiClient(app)
            let data = try Self.sample("persons-import-example.csv")
            #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "the sample is meant to start with a BOM")
            let before = try await Self.personCount(app)
            let res = try await api.postFile(Paths.API.importPersons, filename: "example.csv", data: data, csrf: "-")
            #expect(res.status == .created)
            #expect(try res.content.decode(PeopleAPI.ImportResult.self).imported == 8)
            #expect(try await Self.personCount(app) == before + 8)
            #expect(try await Self.searchTotal(api, "刘晓燕") == 1)
            // The quoted cell with doubled quotes survives.
            let liu = try #require(try await Demo.person(app, named: "刘晓燕"))
            #expect(liu.expertise.contains("\"双减\"政策"))
        }
    }

    @Test("a UTF-8 file with a BOM uploaded on the page imports")
    func utf8WithBOMImportsThroughThePage() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let before = try await Self.personCount(app)
            let res = try await office.postFile(Paths.importPeople, filename: "example.csv",
                                                data: Self.sample("persons-import-example.csv"))
            #expect(res.status == .seeOther)
            #expect(try await Self.personCount(app) == before + 8)
            #expect(try await Self.searchTotal(office, "赵永清") == 1)
        }
    }

    @Test("a file with one bad line, uploaded on the page, imports nothing and lists 第4行 in ul#import-errors")
    func oneBadLineOnThePageImportsNothing() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let persons = try await Self.personCount(app)
            let audit = try await Self.auditCount(app)

            let res = try await office.postFile(Paths.importPeople, filename: "bad.csv",
                                                data: Self.sample("persons-import-bad-line.csv"))
            #expect(res.status == .badRequest)
            let errors = Self.importErrors(in: res.text)
            #expect(errors.count == 1)
            #expect(errors.first?.hasPrefix("第4行") == true, "errors: \(errors)")
            #expect(res.text.contains("未导入任何人员"))

            #expect(try await Self.personCount(app) == persons)
            #expect(try await Self.auditCount(app) == audit)
            #expect(try await Self.searchTotal(office, "孙志强") == 0, "the good lines before the bad one must not be stored")
        }
    }

    @Test("a file with one bad line, posted to the API, is a 400 import_invalid naming 第4行, and imports nothing")
    func oneBadLineThroughTheAPIImportsNothing() async throws {
        try await TestApp.run { app in
            let api = try await Self.apiClient(app)
            let persons = try await Self.personCount(app)
            let audit = try await Self.auditCount(app)

            for res in [try await Self.postCSV(api, Self.sample("persons-import-bad-line.csv")),
                        try await api.postFile(Paths.API.importPersons, filename: "bad.csv",
                                               data: Self.sample("persons-import-bad-line.csv"), csrf: "-")] {
                #expect(res.status == .badRequest)
                #expect(res.headers.contentType == .json)
                let body = try res.content.decode(APIErrorBody.self)
                #expect(body.error.code == "import_invalid")
                let details = try #require(body.error.details)
                #expect(details.count == 1)
                #expect(details.first?.hasPrefix("第4行") == true, "details: \(details)")
            }
            #expect(try await Self.personCount(app) == persons)
            #expect(try await Self.auditCount(app) == audit)
        }
    }

    @Test("an unknown sector is refused with the line that names it")
    func unknownSectorNamesTheLine() async throws {
        try await TestApp.run { app in
            let csv = """
                姓名,类别,界别
                甲某某,委员,农业界
                乙某某,委员,农林界
                """
            let api = try await Self.apiClient(app)
            let persons = try await Self.personCount(app)
            let res = try await Self.postCSV(api, Data(csv.utf8))
            #expect(res.status == .badRequest)
            let body = try res.content.decode(APIErrorBody.self)
            #expect(body.error.code == "import_invalid")
            let details = try #require(body.error.details)
            #expect(details.count == 1)
            #expect(details.first?.hasPrefix("第3行") == true)
            #expect(details.first?.contains("农林界") == true)
            #expect(try await Self.personCount(app) == persons)

            // The page says the same thing next to the form.
            let office = try await TestClient.signedIn(app, as: "office")
            let page = try await office.postFile(Paths.importPeople, filename: "x.csv", data: Data(csv.utf8))
            #expect(page.status == .badRequest)
            let errors = Self.importErrors(in: page.text)
            #expect(errors.count == 1)
            #expect(errors.first?.hasPrefix("第3行") == true)
            #expect(errors.first?.contains("农林界") == true)
        }
    }

    @Test("an empty upload is a 400 with a Chinese message, on the page and in the API")
    func emptyUploadIsRefused() async throws {
        try await TestApp.run { app in
            let office = try await TestClient.signedIn(app, as: "office")
            let page = try await office.postFile(Paths.importPeople, filename: "empty.csv", data: Data())
            #expect(page.status == .badRequest)
            #expect(Self.importErrors(in: page.text) == ["请选择要导入的CSV文件。"])

            let api = try await Self.apiClient(app)
            let raw = try await Self.postCSV(api, Data())
            #expect(raw.status == .badRequest)
            #expect(raw.errorCode == "empty_file")
            #expect(try raw.content.decode(APIErrorBody.self).error.message.contains("CSV文件"))

            let multipart = try await api.postFile(Paths.API.importPersons, filename: "empty.csv", data: Data(), csrf: "-")
            #expect(multipart.status == .badRequest)
            #expect(multipart.errorCode == "empty_file")

            // A header and no rows is just as empty.
            let headerOnly = try await Self.postCSV(api, Data("姓名,类别,界别\n".utf8))
            #expect(headerOnly.status == .badRequest)
            #expect(headerOnly.errorCode == "import_invalid")
            #expect(try headerOnly.content.decode(APIErrorBody.self).error.message.contains("没有人员数据"))
        }
    }

    @Test("a role other than the office may not import (403), on the page and in the API")
    func nonOfficeRoleIsForbidden() async throws {
        try await TestApp.run { app in
            let persons = try await Self.personCount(app)
            let data = try Self.sample("persons-import-gb18030.csv")
            for username in ["member", "committee", "department"] {
                let page = try await TestClient.signedIn(app, as: username)
                #expect(try await page.send(.GET, Paths.importPeople).status == .forbidden)
                let posted = try await page.postFile(Paths.importPeople, filename: "x.csv", data: data)
                #expect(posted.status == .forbidden, "\(username) posted the import page")
                #expect(posted.text.contains("无权访问"))

                let api = try await Self.apiClient(app, as: username)
                let res = try await Self.postCSV(api, data)
                #expect(res.status == .forbidden, "\(username) used the import API")
                #expect(res.errorCode == "forbidden")
            }
            // Anonymous: the API says who are you (401), not 403.
            let anonymous = try await Self.postCSV(TestClient(app), data)
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.errorCode == "unauthenticated")
            #expect(try await Self.personCount(app) == persons)
        }
    }
}
