import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// The deployment declares what it is (保守国家秘密法). A non-classified one (the default)
/// refuses a 秘密 or 机密 file with the law's reason, never serves, searches, previews or prints
/// one held from before, and flags it to the office until it confirms paper-only handling; a
/// classified one keeps the electronic path. 内部 materials stay electronic everywhere, the
/// reader's name and copy number in the downloaded file's name.
@Suite("Classified and non-classified deployments", .serialized)
struct ClassifiedDeploymentTests {
    typealias S = Symposia
    typealias M = Materials
    typealias P = Paper

    static let secretBriefing = #"""
        {"kind":"departmentBriefing","title":"全县黑茶产业发展情况介绍","departmentID":DEPT,"secrecy":"secret",
         "secrecyPeriod":"1年","distribution":{"roles":["leader"],"categories":["members"]}}
        """#

    static func briefing(_ app: Application, _ symposium: Int) async throws -> Int {
        let committee = try await Planning.api(app, "committee")
        let bureau = try await M.departmentID(app, named: "县农业农村局")
        return try await M.create(committee, symposium: symposium, secretBriefing.replacingOccurrences(of: "DEPT", with: String(bureau)))
    }

    @Test("AppConfig the deployment is non-classified unless it declares itself classified; a bad value is named at start-up")
    func configuration() throws {
        let key = AppConfig.systemClassificationVariable
        #expect(try AppConfig.fromEnvironment([:], loadDemo: false).systemClassification == .nonClassified)
        #expect(try AppConfig.fromEnvironment([key: ""], loadDemo: false).systemClassification == .nonClassified)
        #expect(try AppConfig.fromEnvironment([key: "non-classified"], loadDemo: false).systemClassification == .nonClassified)
        #expect(try AppConfig.fromEnvironment([key: "classified"], loadDemo: false).systemClassification == .classified)
        #expect(try AppConfig.fromEnvironment([key: "涉密"], loadDemo: false).systemClassification == .classified)
        do {
            _ = try AppConfig.fromEnvironment([key: "yes"], loadDemo: false)
            Issue.record("an unknown classification was accepted")
        } catch let e as AppConfig.Invalid {
            #expect(e.problems.count == 1 && e.problems[0].contains(key) && e.problems[0].contains("非涉密"))
        }
    }

    @Test("保守国家秘密法 on a non-classified system a department cannot upload its 秘密 briefing, by the API or the page; nothing is stored")
    func uploadRefused() async throws {
        try await TestApp.run { app in
            let (_, id) = try await SymposiumPreparationTests.symposium(app)
            let mid = try await Self.briefing(app, id)
            let department = try await Planning.api(app, "department")
            let web = try await TestClient.signedIn(app, as: "department")
            let before = try await MaterialUploadTests.stored(app, mid)
            let res = try await M.upload(department, "/api/v1/materials/\(mid)/versions", fileName: "情况介绍.txt",
                                         data: Data("一、茶园面积三十六万亩".utf8))
            #expect(res.status == .badRequest && res.errorCode == "classified_file_refused")
            #expect(res.text.contains("保守国家秘密法") && res.text.contains("纸质件"))
            let page = try await M.upload(web, "/symposia/\(id)/materials/\(mid)/versions", fileName: "情况介绍.txt",
                                          data: Data("一、茶园面积三十六万亩".utf8))
            #expect(page.status == .badRequest && page.text.contains("非涉密信息系统") && page.text.contains("保守国家秘密法"))
            #expect(try await MaterialUploadTests.stored(app, mid) == before, "a refused upload stored something")
            // Its page explains instead of offering an upload; the producer is owed paper copies.
            let detail = try await web.send(.GET, "/symposia/\(id)/materials/\(mid)")
            #expect(detail.text.contains(#"id="classified-notice""#) && !detail.text.contains(#"id="upload-form""#))
            let view = try await P.view(department, mid)
            #expect(view.status == "awaitingPaper" && !view.can.upload && view.handling == "paper")
            struct ToDo: Decodable { let title: String }
            let todo = try S.decode([ToDo].self, try await S.call(department, .GET, "/api/v1/me/todo"))
            #expect(todo.contains { $0.title.contains("纸质件") && $0.title.contains("全县黑茶产业发展情况介绍") })
            // An internal material of the same department stays electronic.
            let bureau = try await M.departmentID(app, named: "县农业农村局")
            let internalOne = try await M.create(try await Planning.api(app, "committee"), symposium: id,
                                                 #"{"kind":"departmentBriefing","title":"内部情况介绍","departmentID":\#(bureau)}"#)
            try await M.uploadText(department, material: internalOne, "内部材料正文")
        }
    }

    @Test("保守国家秘密法 a deployment declared classified uploads, serves and prints a 秘密 briefing as before")
    func classifiedKeepsFiles() async throws {
        try await TestApp.run(system: .classified) { app in
            let (_, id) = try await SymposiumPreparationTests.symposium(app)
            let mid = try await Self.briefing(app, id)
            let department = try await Planning.api(app, "department")
            try await M.uploadText(department, material: mid, "一、茶园面积三十六万亩")
            let view = try await P.view(department, mid)
            #expect(view.servesFile && view.handling == "electronic" && view.status == "issuable" && !view.flagged)
            let office = try await Planning.api(app, "office")
            let file = try await S.call(office, .GET, "/api/v1/materials/\(mid)/versions/1/file")
            #expect(file.text.contains("三十六万亩"))
            let web = try await TestClient.signedIn(app, as: "department")
            #expect(try await web.send(.GET, "/symposia/\(id)/materials/\(mid)").text.contains(#"id="upload-form""#))
            struct Flagged: Decodable { let materialID: Int }
            #expect(try S.decode([Flagged].self, try await S.call(office, .GET, "/api/v1/classified-files")).isEmpty)
        }
    }

    @Test("保守国家秘密法 a classified file held from before is never searched, previewed, served or printed; the office is flagged and confirms on purpose")
    func heldFileWithheldAndFlagged() async throws {
        try await TestApp.run { app in
            let meeting = try await P.meeting(app, members: 1)
            let id = meeting.id
            let committee = try await Planning.api(app, "committee")
            let office = try await Planning.api(app, "office")
            // Uploaded as 内部, then found to be 秘密: the file is held on a non-classified system.
            let mid = try await M.create(committee, symposium: id,
                                         #"{"kind":"referenceMaterial","title":"茶产业统计资料","distribution":{"categories":["members"]}}"#)
            try await M.uploadText(committee, material: mid, "茶园面积三十六万亩，综合产值二百三十亿元。")
            try await S.edit(committee, .PUT, "/api/v1/materials/\(mid)/classification",
                             #"{"secrecy":"secret","secrecyPeriod":"1年","distribution":{"categories":["members"]}}"#,
                             basedOn: "/api/v1/materials/\(mid)")
            var view = try await P.view(office, mid)
            #expect(view.flagged && !view.servesFile && view.versions.allSatisfy { !$0.hasText })
            // Nobody downloads it, the office included.
            let withheld = try await office.send(.GET, "/api/v1/materials/\(mid)/versions/1/file")
            #expect(withheld.status == .forbidden && withheld.errorCode == "classified_file_withheld")
            // Search finds nothing of its text, for anyone.
            for client in [office, try await Planning.api(app, "member")] {
                let found = try await S.call(client, .GET, "/api/v1/symposia/\(id)/materials?q=%E4%B8%89%E5%8D%81%E5%85%AD%E4%B8%87%E4%BA%A9")
                #expect(!found.text.contains("茶产业统计资料") && !found.text.contains("三十六万亩"))
            }
            // The member's packet lists it as paper, with the copy handed to her, and none of its text.
            try await P.register(app, mid, count: 2)
            try await P.handOut(office, mid, [(number: 1, person: meeting.members[0])])
            let packet = try M.docxText(try await S.call(office, .POST, "/api/v1/symposia/\(id)/packets/\(meeting.members[0])"))
            #expect(packet.body.contains("茶产业统计资料") && packet.body.contains("纸质件，会上分发（份号000001）"),
                    "\(packet.body.prefix(600))")
            #expect(!packet.body.contains("三十六万亩"), "the packet printed a classified file's text")
            // The office is told, on its dashboard and through the API.
            struct Flagged: Decodable { let materialID: Int; let citation: String }
            let flagged = try S.decode([Flagged].self, try await S.call(office, .GET, "/api/v1/classified-files"))
            #expect(flagged.map(\.materialID) == [mid])
            let web = try await TestClient.signedIn(app, as: "office")
            let dashboard = try await web.send(.GET, "/").text
            #expect(dashboard.contains(#"id="classified-files""#) && dashboard.contains("茶产业统计资料"))
            // The materials cannot close while it waits.
            try await P.hold(app, id)
            let close = try await S.call(office, .POST, "/api/v1/symposia/\(id)/retrieval/close", expect: .conflict)
            #expect(close.errorCode == "classified_files_unconfirmed")
            // Confirmed with removal, on purpose: the bytes and the text are gone, the record stays, audited.
            #expect(try await MaterialFileModel.query(on: app.db).filter(\.$materialID == mid).count() == 1)
            try await S.edit(office, .POST, "/api/v1/materials/\(mid)/paper-only", #"{"removeFiles":true}"#, basedOn: "/api/v1/materials/\(mid)")
            view = try await P.view(office, mid)
            #expect(!view.flagged && view.versions.count == 1)
            #expect(try await MaterialFileModel.query(on: app.db).filter(\.$materialID == mid).count() == 0)
            let row = try #require(try await MaterialModel.find(mid, on: app.db))
            #expect(!row.body.contains("三十六万亩"), "the stored text survived the removal")
            #expect(try S.decode([Flagged].self, try await S.call(office, .GET, "/api/v1/classified-files")).isEmpty)
            let audit = try #require(try await AuditEntryModel.query(on: app.db).filter(\.$action == "material.paper.confirm").first())
            #expect(audit.after?.contains(#""filesRemoved":true"#) == true && audit.after?.contains("sha256") == true)
            #expect(try await S.edit(office, .POST, "/api/v1/materials/\(mid)/paper-only", #"{"removeFiles":true}"#,
                                     basedOn: "/api/v1/materials/\(mid)", expect: .conflict).errorCode == "paper_only_already_confirmed")
        }
    }

    @Test("内部 materials stay electronic; a reader's download carries their name and packet copy number, as the packet's file does")
    func internalDownloadNamed() async throws {
        try await TestApp.run { app in
            let meeting = try await P.meeting(app, members: 1)
            let id = meeting.id
            let committee = try await Planning.api(app, "committee")
            let office = try await Planning.api(app, "office")
            let mid = try await M.create(committee, symposium: id,
                                         #"{"kind":"referenceMaterial","title":"茶产业参阅资料","secrecy":"internal","distribution":{"categories":["members"]}}"#)
            try await M.uploadText(committee, material: mid, "内部参阅资料正文")
            let packet = try await S.call(office, .POST, "/api/v1/symposia/\(id)/packets/\(meeting.members[0])")
            struct Recipient: Decodable { let personID: Int; let copyNumber: String? }
            let number = try #require(try S.decode([Recipient].self, try await S.call(office, .GET, "/api/v1/symposia/\(id)/packets"))
                .first { $0.personID == meeting.members[0] }?.copyNumber)
            let name = try await P.personName(app, meeting.members[0])
            let disposition = { (res: TestingHTTPResponse) in (res.headers.first(name: .contentDisposition) ?? "").removingPercentEncoding ?? "" }
            #expect(disposition(packet).contains(name) && disposition(packet).contains("份号\(number)"), "\(disposition(packet))")
            let member = try await Planning.api(app, "member")
            let file = try await S.call(member, .GET, "/api/v1/materials/\(mid)/versions/1/file")
            #expect(disposition(file).contains("茶产业参阅资料（\(name)，份号\(number)）.txt"), "\(disposition(file))")
            #expect(file.text == "内部参阅资料正文")
        }
    }

    @Test("三(五) an outcome cites a classified material by title, marking and number only")
    func outcomeCitesByTitleAndNumber() async throws {
        try await TestApp.run { app in
            let meeting = try await P.meeting(app, members: 1)
            try await P.register(app, meeting.briefing, count: 1)
            try await P.hold(app, meeting.id)
            let draft = try await Outcomes.draft(app, symposium: meeting.id)
            let office = try await Planning.api(app, "office")
            try await S.call(office, .PUT, "/api/v1/outcomes/\(draft.id)", #"""
                {"version":\#(draft.version),"title":"\#(draft.title)","body":"正文","form":"recommendation",
                 "links":{"materialIDs":[\#(meeting.briefing)]},"recipients":[]}
                """#)
            let page = try await TestClient.signedIn(app, as: "office").send(.GET, "/outcomes/\(draft.id)").text
            #expect(page.contains("《全县黑茶产业发展情况介绍》（秘密★1年，材料编号\(meeting.briefing)）"))
        }
    }
}
