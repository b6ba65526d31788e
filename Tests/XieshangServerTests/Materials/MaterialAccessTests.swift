import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// 三(四).2 "根据涉密程度明确发放范围": a restricted material is revealed on every path — list,
/// detail, download, search, packet, export, API — to those in its range and to the office,
/// its producer and the lead committee, and to no one else: for them it does not exist. On a
/// classified information system, the only deployment where a 秘密 briefing has a file
/// (保守国家秘密法; the non-classified one is ClassifiedDeploymentTests').
@Suite("Materials: the range holds on every path", .serialized)
struct MaterialAccessTests {
    typealias S = Symposia
    typealias M = Materials

    static let title = "县农业农村局关于农产品冷链物流的情况介绍"
    static let marker = "蓝莓冷链"

    /// A briefing of 县农业农村局 (user `department`), 秘密★1年, for the member 王淑贞 (user
    /// `member`) alone, created by the lead committee and uploaded by the department.
    static func restrictedBriefing(_ app: Application) async throws -> (symposium: Int, material: Int) {
        let (_, id) = try await SymposiumPreparationTests.symposium(app)
        let committee = try await Planning.api(app, "committee")
        let department = try await Planning.api(app, "department")
        let bureau = try await M.departmentID(app, named: "县农业农村局")
        let member = try #require(try await M.personID(app, of: "member"))
        let mid = try await M.create(committee, symposium: id, #"""
            {"kind":"departmentBriefing","title":"\#(title)","departmentID":\#(bureau),"secrecy":"secret","secrecyPeriod":"1年",
             "distribution":{"scope":"listed","personIDs":[\#(member)]}}
            """#)
        try await M.uploadText(department, material: mid, "一、冷链现状\n全县\(marker)设施不足，损耗较大。\n二、工作打算\n新建冷库三座。",
                               fileName: "冷链情况.txt")
        return (id, mid)
    }

    /// Those who may see it: the office, the producer, the lead committee and the member in range.
    static let seers: Set<String> = ["office", "department", "committee", "member"]

    @Test("every material path, as every demo user: only the range, the office, the producer and the lead committee see it")
    func everyPathEveryUser() async throws {
        try await TestApp.run(system: .classified) { app in
            let (id, mid) = try await Self.restrictedBriefing(app)
            let office = try await Planning.api(app, "office")
            let q = try #require(Self.marker.addingPercentEncoding(withAllowedCharacters: .alphanumerics))

            for user in Demo.usernames + Demo.extraCommitteeUsers {
                let sees = Self.seers.contains(user)
                let api = try await Planning.api(app, user)
                let web = try await TestClient.signedIn(app, as: user)
                // A search page repeats the query (the marker) in its form: only the title counts there.
                func check(_ res: TestingHTTPResponse, _ what: String, exact: Bool, echoesQuery: Bool = false) {
                    if sees {
                        #expect(res.status == .ok, "\(user) \(what): \(res.status)")
                        if !exact { #expect(res.text.contains(Self.title), "\(user) \(what) does not show it") }
                    } else {
                        // Absent: not found, or a list without it; never the title anywhere.
                        #expect(exact ? res.status == .notFound : (res.status == .notFound || res.status == .ok),
                                "\(user) \(what): \(res.status)")
                        #expect(!res.text.contains(Self.title) && (echoesQuery || !res.text.contains(Self.marker)),
                                "\(user) \(what) reveals it")
                    }
                }

                // API
                let detail = try await api.send(.GET, "/api/v1/materials/\(mid)")
                check(detail, "GET /api/v1/materials/:mid", exact: true)
                if !sees {
                    let ghost = try await api.send(.GET, "/api/v1/materials/987654")
                    func body(_ r: TestingHTTPResponse) -> [String: [String: String]]? {
                        try? JSONDecoder().decode([String: [String: String]].self, from: Data(buffer: r.body))
                    }
                    #expect(detail.errorCode == "not_found" && body(detail) != nil && body(detail) == body(ghost),
                            "\(user): a hidden material must answer exactly as a missing one: \(detail.text) vs \(ghost.text)")
                }
                check(try await api.send(.GET, "/api/v1/materials/\(mid)/versions/1/file"), "API download", exact: true)
                check(try await api.send(.GET, "/api/v1/symposia/\(id)/materials"), "API list", exact: false)
                check(try await api.send(.GET, "/api/v1/symposia/\(id)/materials?q=\(q)"), "API search", exact: false)
                for write in [("POST", "/api/v1/materials/\(mid)/review"), ("PUT", "/api/v1/materials/\(mid)/classification"),
                              ("POST", "/api/v1/materials/\(mid)/send"), ("POST", "/api/v1/materials/\(mid)/versions")] {
                    let res = try await api.json(HTTPMethod(rawValue: write.0), write.1, [String: String]())
                    if !sees { #expect(res.status == .notFound, "\(user) \(write.0) \(write.1): \(res.status)") }
                    #expect(!res.text.contains(Self.title))
                }

                // Pages
                check(try await web.send(.GET, "/symposia/\(id)/materials/\(mid)"), "detail page", exact: true)
                check(try await web.send(.GET, "/symposia/\(id)/materials/\(mid)/versions/1/file"), "page download", exact: true)
                check(try await web.send(.GET, "/symposia/\(id)/materials"), "list page", exact: false)
                check(try await web.send(.GET, "/symposia/\(id)/materials?q=\(q)"), "search page", exact: false, echoesQuery: true)
                check(try await web.send(.GET, "/symposia/\(id)/materials.csv"), "CSV export", exact: false)
                // A guessed id under another symposium's path is missing too.
                #expect(try await web.send(.GET, "/symposia/\(id + 1)/materials/\(mid)").status == .notFound)

                // Packets: only the office compiles; the recipient's copy holds it only in range.
                if user != "office" {
                    let list = try await api.send(.GET, "/api/v1/symposia/\(id)/packets")
                    #expect(list.status == .forbidden || list.status == .notFound, "\(user) packets: \(list.status)")
                    let compiled = try await api.send(.POST, "/api/v1/symposia/\(id)/packets/1")
                    #expect(compiled.status == .forbidden || compiled.status == .notFound, "\(user) compiling: \(compiled.status)")
                    let page = try await web.post("/symposia/\(id)/packets/1")
                    #expect(page.status == .forbidden || page.status == .notFound, "\(user) packet page: \(page.status)")
                }
                if let person = try await M.personID(app, of: user) {
                    let packet = try await office.send(.POST, "/api/v1/symposia/\(id)/packets/\(person)")
                    #expect(packet.status == .ok, "compiling \(user)'s packet: \(packet.status) \(packet.text.prefix(200))")
                    let text = try M.docxText(packet)
                    #expect(text.body.contains(Self.title) == sees, "\(user)'s packet \(sees ? "lacks" : "holds") the material")
                    #expect(text.body.contains(Self.marker) == sees)
                }
            }
        }
    }

    @Test("the office, the producer and the lead committee see drafts; a reader in range only the issued version")
    func readersInRangeSeeOnlyTheIssuedVersion() async throws {
        try await TestApp.run(system: .classified) { app in
            let (_, id) = try await SymposiumPreparationTests.symposium(app)
            let committee = try await Planning.api(app, "committee")
            let member = try await Planning.api(app, "member")
            let leader = try await Planning.api(app, "leader")
            let speaker = try #require(try await M.personID(app, of: "member"))
            // 王淑贞's booked speech, for the county leaders (三(四).3): her draft, the committee reviews.
            let mid = try await M.create(committee, symposium: id, #"""
                {"kind":"bookedSpeech","title":"补齐农村物流短板","speakerID":\#(speaker),"distribution":{"roles":["leader"]}}
                """#)
            try await M.uploadText(member, material: mid, "初稿")
            // Not yet reviewed: the leader does not know of it.
            #expect(try await leader.send(.GET, "/api/v1/materials/\(mid)").status == .notFound)
            try await S.edit(member, .POST, "/api/v1/materials/\(mid)/review", #"{"action":"submit"}"#, basedOn: "/api/v1/materials/\(mid)")
            try await S.edit(committee, .POST, "/api/v1/materials/\(mid)/review", #"{"action":"approve"}"#, basedOn: "/api/v1/materials/\(mid)")
            try await S.edit(committee, .POST, "/api/v1/materials/\(mid)/review", #"{"action":"forward"}"#, basedOn: "/api/v1/materials/\(mid)")
            try await M.uploadText(member, material: mid, "修改稿")
            // A new version sends it back to drafting: nothing unreviewed is issued.
            #expect(try await leader.send(.GET, "/api/v1/materials/\(mid)").status == .notFound)
            try await S.edit(member, .POST, "/api/v1/materials/\(mid)/review", #"{"action":"submit"}"#, basedOn: "/api/v1/materials/\(mid)")
            try await S.edit(committee, .POST, "/api/v1/materials/\(mid)/review", #"{"action":"approve"}"#, basedOn: "/api/v1/materials/\(mid)")
            try await S.edit(committee, .POST, "/api/v1/materials/\(mid)/review", #"{"action":"forward"}"#, basedOn: "/api/v1/materials/\(mid)")

            let seen = try await M.brief(leader, mid)
            #expect(seen.versions.map(\.number) == [2], "the leader sees \(seen.versions.map(\.number))")
            #expect(seen.review == nil, "the review is the working side's")
            #expect(try await leader.send(.GET, "/api/v1/materials/\(mid)/versions/1/file").status == .notFound)
            let issued = try await leader.send(.GET, "/api/v1/materials/\(mid)/versions/2/file")
            #expect(issued.status == .ok && issued.text == "修改稿")
            #expect(try await M.brief(committee, mid).versions.map(\.number) == [2, 1])
            // The leader may read but not act.
            #expect(try await leader.json(.POST, "/api/v1/materials/\(mid)/review", ["action": "return"]).status == .forbidden)
        }
    }
}
