import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// 秘密 and 机密 materials on a non-classified system (保守国家秘密法), through the server:
/// printed copies registered with 份号, handed to named persons inside the range who sign for
/// them, retrieved after the meeting (会后清退), destroyed or archived, and the materials closed
/// only when every copy is accounted for. Every step audited.
@Suite("Paper copies: registration, hand-out, signature, retrieval, closing", .serialized)
struct PaperCopyWorkflowTests {
    typealias S = Symposia
    typealias M = Materials
    typealias P = Paper

    @Test("三(四).2 12 copies registered, 10 handed to members in range (an expert outside refused), 9 retrieved; the dashboard names the tenth holder from the day after the meeting until the return is recorded; then the materials close")
    func twelveTenNine() async throws {
        let clock = ManualClock(TestApp.defaultNow)
        try await TestApp.run(clock: clock) { app in
            let meeting = try await P.meeting(app, members: 10)
            let mid = meeting.briefing
            let office = try await Planning.api(app, "office")
            let department = try await Planning.api(app, "department")
            let audited = try await Planning.lastAuditSequence(app)

            // Only the office registers; only for the version it read; only classified materials.
            #expect(try await S.call(department, .POST, "/api/v1/materials/\(mid)/paper-copies", #"{"version":1,"count":12}"#,
                                     expect: .forbidden).status == .forbidden)
            let stale = try await S.call(office, .POST, "/api/v1/materials/\(mid)/paper-copies", #"{"version":99,"count":12}"#,
                                         expect: .conflict)
            #expect(stale.errorCode == "version_conflict")
            #expect(try await S.call(office, .POST, "/api/v1/materials/\(mid)/paper-copies", #"{"count":12}"#,
                                     expect: .badRequest).errorCode == "version_required")
            try await P.register(app, mid, count: 12)
            var v = try await P.view(office, mid)
            #expect(v.paper?.copies.map(\.copyNumber) == (1...12).map(CopyNumbers.format))
            #expect(v.paper?.inOffice == 12 && v.status == "onPaper" && v.issuable && v.handling == "paper" && !v.servesFile)

            // One outside the range (the attending expert) refuses the whole batch: nothing is handed out.
            let expertName = try await P.personName(app, meeting.expert)
            let batch = meeting.members.enumerated().map { (number: $0.offset + 1, person: $0.element) } + [(number: 11, person: meeting.expert)]
            let refused = try await P.handOut(office, mid, batch, expect: .badRequest)
            #expect(refused.errorCode == "paper_copy_outside_range" && refused.text.contains(expertName))
            #expect(try await P.view(office, mid).paper?.inOffice == 12, "a refused batch handed something out")
            try await P.handOut(office, mid, Array(batch.prefix(10)))
            v = try await P.view(office, mid)
            #expect(v.paper?.handedOut == 10 && v.paper?.inOffice == 2)
            #expect(try await P.handOut(office, mid, [(number: 11, person: meeting.members[1])], expect: .conflict).errorCode
                    == "paper_copy_already_held")

            // 王淑贞 (the `member` user, copy 1) signs on her tablet; she cannot sign for another's copy;
            // the office ticks copy 2 for its recipient.
            let member = try await Planning.api(app, "member")
            let mine = try #require(try await P.view(member, mid).myCopy)
            #expect(mine.number == 1 && mine.signature == nil)
            #expect(try await S.call(member, .POST, "/api/v1/materials/\(mid)/paper-copies/1/sign", #"{"version":\#(mine.version + 1)}"#,
                                     expect: .conflict).errorCode == "version_conflict")
            try await S.call(member, .POST, "/api/v1/materials/\(mid)/paper-copies/1/sign", #"{"version":\#(mine.version)}"#)
            #expect(try await P.view(member, mid).myCopy?.signature?.byRecipient == true)
            let second = try #require(try await P.view(office, mid).paper?.copies.first { $0.number == 2 })
            #expect(try await S.call(member, .POST, "/api/v1/materials/\(mid)/paper-copies/2/sign", #"{"version":\#(second.version)}"#,
                                     expect: .forbidden).errorCode == "paper_copy_not_yours")
            try await S.call(office, .POST, "/api/v1/materials/\(mid)/paper-copies/2/sign", #"{"version":\#(second.version)}"#)
            #expect(try await P.view(office, mid).paper?.copies.first { $0.number == 2 }?.signature?.byRecipient == false)
            // The expert outside the range does not know of the briefing at all.
            let expert = try await Planning.api(app, "expert")
            #expect(try await expert.send(.GET, "/api/v1/materials/\(mid)").status == .notFound)

            // The meeting is held; nine copies come back, 王淑贞's does not.
            try await P.hold(app, meeting.id)
            try await S.call(office, .POST, "/api/v1/materials/\(mid)/paper-copies/return", try await P.picks(app, mid, Array(2...10)))
            let ownName = try await P.personName(app, meeting.members[0])
            struct Retrieval: Decodable {
                struct Holder: Decodable { let personID: Int; let name: String; let copies: [Item] }
                struct Item: Decodable { let copyNumber: String }
                let chased: Bool; let outstanding: [Holder]; let canClose: Bool
            }
            var r = try S.decode(Retrieval.self, try await S.call(office, .GET, "/api/v1/symposia/\(meeting.id)/retrieval"))
            #expect(r.outstanding.map(\.name) == [ownName] && r.outstanding.first?.copies.map(\.copyNumber) == ["000001"])
            #expect(!r.chased && r.canClose, "on the meeting's day the copies are not chased yet")
            let meetingDay = try await TestClient.signedIn(app, as: "office")
            #expect(!(try await meetingDay.send(.GET, "/").text.contains(#"id="paper-outstanding""#)), "chased on the meeting's own day")

            // From the day after the meeting the office's dashboard names her (a session lasts 12 hours).
            clock.advance(by: 24 * 3600)
            let web = try await TestClient.signedIn(app, as: "office")
            let dashboard = try await web.send(.GET, "/").text
            #expect(dashboard.contains(#"id="paper-outstanding""#) && dashboard.contains(ownName) && dashboard.contains("000001"))
            r = try S.decode(Retrieval.self, try await S.call(office, .GET, "/api/v1/symposia/\(meeting.id)/retrieval"))
            #expect(r.chased)
            struct Chased: Decodable { let symposiumID: Int; let chased: Bool }
            let all = try S.decode([Chased].self, try await S.call(office, .GET, "/api/v1/paper-copies/outstanding"))
            #expect(all.map(\.symposiumID) == [meeting.id] && all.allSatisfy(\.chased))
            #expect(try await department.send(.GET, "/api/v1/paper-copies/outstanding").status == .forbidden)
            let memberWeb = try await TestClient.signedIn(app, as: "member")
            #expect(!(try await memberWeb.send(.GET, "/").text.contains(#"id="paper-outstanding""#)), "only the office chases")

            // The materials cannot be closed while her copy is unaccounted for: the refusal names her.
            let close = "/api/v1/symposia/\(meeting.id)/retrieval/close"
            let unaccounted = try await S.call(office, .POST, close, #"{"note":"会后清退"}"#, expect: .conflict)
            #expect(unaccounted.errorCode == "paper_copies_unaccounted" && unaccounted.text.contains(ownName)
                    && unaccounted.text.contains("000001"))
            let page = try await web.post("/symposia/\(meeting.id)/retrieval/close", form: ["note": ""])
            #expect(page.status == .conflict && page.text.contains(ownName))

            // Her return recorded, the dashboard no longer names her; the rest is destroyed or archived.
            try await S.call(office, .POST, "/api/v1/materials/\(mid)/paper-copies/return", try await P.picks(app, mid, [1]))
            #expect(!(try await web.send(.GET, "/").text.contains(#"id="paper-outstanding""#)))
            #expect(try await S.call(office, .POST, close, expect: .conflict).errorCode == "paper_copies_unsettled")
            let noRecord = try await S.call(office, .POST, "/api/v1/materials/\(mid)/paper-copies/dispose",
                                            try await P.picks(app, mid, Array(1...10), extra: #""disposal":"destroy","record":" ","#),
                                            expect: .badRequest)
            #expect(noRecord.errorCode == "paper_copy_record_required")
            try await S.call(office, .POST, "/api/v1/materials/\(mid)/paper-copies/dispose",
                             try await P.picks(app, mid, Array(1...10), extra: #""disposal":"destroy","record":"送县保密局销毁，销毁清单第3号","#))
            try await S.call(office, .POST, "/api/v1/materials/\(mid)/paper-copies/dispose",
                             try await P.picks(app, mid, [11, 12], extra: #""disposal":"archive","record":"档号WS·2026-Y-015","#))
            struct Closed: Decodable { struct C: Decodable { let destroyed: Int; let archived: Int; let kept: Int }; let closure: C?; let canClose: Bool }
            let closed = try S.decode(Closed.self, try await S.call(office, .POST, close, #"{"note":"会后清退完毕"}"#))
            #expect(closed.closure?.destroyed == 10 && closed.closure?.archived == 2 && closed.closure?.kept == 0 && !closed.canClose)
            #expect(try await S.call(office, .POST, close, expect: .conflict).errorCode == "materials_closed")
            // Closed: no more copies are registered.
            #expect(try await S.edit(office, .POST, "/api/v1/materials/\(mid)/paper-copies", #"{"count":1}"#,
                                     basedOn: "/api/v1/materials/\(mid)", expect: .conflict).errorCode == "materials_closed")

            // Every step is in the audit log.
            let actions = try await M.auditActions(app, after: audited)
            for action in ["material.paper.register", "material.paper.handOut", "material.paper.sign", "material.paper.return",
                           "material.paper.destroy", "material.paper.archive"] {
                #expect(actions.contains(action), "\(action) is not audited: \(actions)")
            }
            #expect(actions.filter { $0 == "material.paper.handOut" }.count == 1, "a refused hand-out was audited: \(actions)")
            let closing = try await AuditEntryModel.query(on: app.db).filter(\.$objectType == "symposium")
                .filter(\.$action == "materials.close").count()
            #expect(closing == 1)
        }
    }

    @Test("会后清退 a copy its holder keeps with a recorded reason and approval lets the materials close")
    func keptWithApproval() async throws {
        try await TestApp.run { app in
            let meeting = try await P.meeting(app, members: 2)
            let mid = meeting.briefing
            let office = try await Planning.api(app, "office")
            try await P.register(app, mid, count: 2)
            try await P.handOut(office, mid, [(number: 1, person: meeting.members[0]), (number: 2, person: meeting.members[1])])
            try await P.hold(app, meeting.id)
            let copy = try #require(try await P.view(office, mid).paper?.copies.first { $0.number == 1 })
            #expect(try await S.call(office, .POST, "/api/v1/materials/\(mid)/paper-copies/1/keep",
                                     #"{"version":\#(copy.version),"reason":"县领导工作需要","approvedBy":""}"#,
                                     expect: .badRequest).errorCode == "paper_copy_approver_required")
            try await S.call(office, .POST, "/api/v1/materials/\(mid)/paper-copies/1/keep",
                             #"{"version":\#(copy.version),"reason":"工作需要，会后留存","approvedBy":"李永安"}"#)
            try await S.call(office, .POST, "/api/v1/materials/\(mid)/paper-copies/return", try await P.picks(app, mid, [2]))
            try await S.call(office, .POST, "/api/v1/materials/\(mid)/paper-copies/dispose",
                             try await P.picks(app, mid, [2], extra: #""disposal":"destroy","record":"销毁清单第4号","#))
            let kept = try #require(try await P.view(office, mid).paper?.copies.first { $0.number == 1 })
            #expect(kept.state == "kept" && kept.keeping?.reason == "工作需要，会后留存" && kept.keeping?.approvedBy == "李永安")
            struct Closed: Decodable { struct C: Decodable { let kept: Int }; let closure: C? }
            let closed = try S.decode(Closed.self, try await S.call(office, .POST, "/api/v1/symposia/\(meeting.id)/retrieval/close"))
            #expect(closed.closure?.kept == 1)
        }
    }

    /// `material_closures` holds one row per closed symposium, never regenerated by
    /// StoredShapesTests' writer (its fixture symposium keeps a copy out): its committed row is read here.
    @Test("a stored closing of the materials decodes for ever")
    func storedClosureDecodes() throws {
        let url = StoredShapesTests.directory.appendingPathComponent("material-closure.2026-12.json")
        let closure = try StoredJSON.value(MaterialsClosure.self, from: try String(contentsOf: url, encoding: .utf8), row: "fixture")
        #expect(closure.destroyed == 9 && closure.archived == 2 && closure.kept == 1 && closure.actor == "刘秋菊")
    }

    @Test("清退归档 the materials are not closed before the meeting is held")
    func notBeforeTheMeeting() async throws {
        try await TestApp.run { app in
            let meeting = try await P.meeting(app, members: 1)
            let office = try await Planning.api(app, "office")
            #expect(try await S.call(office, .POST, "/api/v1/symposia/\(meeting.id)/retrieval/close", expect: .conflict).errorCode
                    == "symposium_not_held")
            let committee = try await Planning.api(app, "committee")
            #expect(try await committee.send(.POST, "/api/v1/symposia/\(meeting.id)/retrieval/close").status == .forbidden)
        }
    }

    @Test("三(四).2 the office hands out and retrieves through the material's page, in Chinese, with versions")
    func throughThePages() async throws {
        try await TestApp.run { app in
            let meeting = try await P.meeting(app, members: 2)
            let mid = meeting.briefing
            let web = try await TestClient.signedIn(app, as: "office")
            let path = "/symposia/\(meeting.id)/materials/\(mid)"
            let material = try await Planning.api(app, "office")
            let version = try await P.view(material, mid).version
            var res = try await web.post(path + "/paper-copies", form: ["version": String(version), "count": "3", "deliveredBy": "县农业农村局"])
            #expect(res.status == .seeOther, "\(res.status) \(res.text.prefix(300))")
            var page = try await web.send(.GET, path)
            #expect(page.text.contains(#"id="paper-handout-form""#) && page.text.contains("000003"))
            #expect(!page.text.contains(#"id="upload-form""#), "a 秘密 material offers an upload on a non-classified system")
            // The expert outside the range: refused, named, nothing handed out.
            let expertName = try await P.personName(app, meeting.expert)
            res = try await web.post(path + "/paper-copies/hand-out",
                                     form: ["recipients[1]": String(meeting.expert), "versions[1]": "1",
                                            "recipients[2]": String(meeting.members[0]), "versions[2]": "1"])
            #expect(res.status == .badRequest && res.text.contains(expertName) && res.text.contains("发放范围"))
            #expect(try await P.view(material, mid).paper?.inOffice == 3)
            // Without the version it was based on: refused as such.
            res = try await web.post(path + "/paper-copies/hand-out", form: ["recipients[1]": String(meeting.members[0])])
            #expect(res.status == .badRequest && res.text.contains("版本号"))
            res = try await web.post(path + "/paper-copies/hand-out",
                                     form: ["recipients[1]": String(meeting.members[0]), "versions[1]": "1", "recipients[2]": "",
                                            "versions[2]": "1"])
            #expect(res.status == .seeOther, "\(res.status) \(res.text.prefix(300))")
            // 王淑贞 signs on her own page.
            let memberWeb = try await TestClient.signedIn(app, as: "member")
            page = try await memberWeb.send(.GET, path)
            #expect(page.text.contains(#"id="my-copy""#) && page.text.contains("000001") && page.text.contains(#"id="my-copy-sign""#))
            let copyVersion = try #require(try await P.view(material, mid).paper?.copies.first?.version)
            res = try await memberWeb.post(path + "/paper-copies/1/sign", form: ["version": String(copyVersion)])
            #expect(res.status == .seeOther)
            page = try await memberWeb.send(.GET, path)
            #expect(page.text.contains("本人签收") && !page.text.contains(#"id="my-copy-sign""#))
            // Returned through the page.
            let returned = try #require(try await P.view(material, mid).paper?.copies.first?.version)
            res = try await web.post(path + "/paper-copies/return", form: ["numbers[]": "1", "versions[1]": String(returned)])
            #expect(res.status == .seeOther)
            #expect(try await P.view(material, mid).paper?.returned == 1)
        }
    }

    @Test("三(四).4 a classified reference material is sent to a leader in advance as a printed copy, signed for as the receipt")
    func referenceSentOnPaper() async throws {
        try await TestApp.run { app in
            let (_, id) = try await SymposiumPreparationTests.symposium(app)
            let committee = try await Planning.api(app, "committee")
            let office = try await Planning.api(app, "office")
            let leader = try #require(try await M.personID(app, of: "leader"))
            let mid = try await M.create(committee, symposium: id,
                                         #"{"kind":"referenceMaterial","title":"黑茶产业参阅资料","secrecy":"secret","distribution":{}}"#)
            // No file may be uploaded; before copies are registered it cannot be sent.
            #expect(try await S.call(committee, .POST, "/api/v1/materials/\(mid)/send", #"{"personIDs":[\#(leader)]}"#,
                                     expect: .conflict).errorCode == "material_not_issuable")
            try await P.register(app, mid, count: 1)
            let other = try #require(try await Demo.person(app, named: "王梅生")?.id)
            let short = try await S.call(committee, .POST, "/api/v1/materials/\(mid)/send", #"{"personIDs":[\#(leader),\#(other)]}"#,
                                         expect: .conflict)
            #expect(short.errorCode == "paper_copies_not_enough")
            #expect(try await P.view(office, mid).paper?.inOffice == 1, "a refused sending handed out a copy")
            try await S.call(committee, .POST, "/api/v1/materials/\(mid)/send", #"{"personIDs":[\#(leader)]}"#)
            let leaderAPI = try await Planning.api(app, "leader")
            let mine = try #require(try await P.view(leaderAPI, mid).myCopy)
            #expect(mine.number == 1 && mine.state == "handedOut" && mine.signature == nil)
            try await S.call(leaderAPI, .POST, "/api/v1/materials/\(mid)/paper-copies/1/sign", #"{"version":\#(mine.version)}"#)
            #expect(try await P.view(office, mid).paper?.copies.first?.signature?.byRecipient == true)
            let audit = try #require(try await AuditEntryModel.query(on: app.db).filter(\.$action == "material.send").first())
            #expect(audit.after?.contains(#""number":1"#) == true, "the sending does not record the copy: \(audit.after ?? "")")
        }
    }
}
