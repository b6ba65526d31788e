import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// The way of a material through the server (三(四)): speech drafts reviewed by the lead
/// committee (.3), reference materials sent to leaders in advance with their opening recorded
/// (.4), and the office's compiled packets (三(四) "由办公室汇总印发"), every download audited.
@Suite("Materials: review, reference materials, packets, downloads", .serialized)
struct MaterialWorkflowTests {
    typealias S = Symposia
    typealias M = Materials

    @Test("三(四).3 a speech draft is returned with comments, revised and resubmitted, approved and forwarded")
    func draftReturnedAndResubmitted() async throws {
        try await TestApp.run { app in
            let (_, id) = try await SymposiumPreparationTests.symposium(app)
            let committee = try await Planning.api(app, "committee")
            let member = try await Planning.api(app, "member")
            let speaker = try #require(try await M.personID(app, of: "member"))
            let mid = try await M.create(committee, symposium: id,
                                         #"{"kind":"bookedSpeech","title":"补齐农村物流短板","speakerID":\#(speaker)}"#)
            let review = "/api/v1/materials/\(mid)/review"
            // Nothing to submit before a draft is uploaded.
            #expect(try await S.edit(member, .POST, review, #"{"action":"submit"}"#, basedOn: "/api/v1/materials/\(mid)", expect: .conflict).errorCode == "no_draft_uploaded")
            try await M.uploadText(member, material: mid, "初稿：建议建设县级物流中心。")
            try await S.edit(member, .POST, review, #"{"action":"submit"}"#, basedOn: "/api/v1/materials/\(mid)")
            // The speaker may not approve their own draft; the committee returns it, with comments only.
            let seen = try await S.currentVersion(member, of: "/api/v1/materials/\(mid)")
            #expect(try await S.call(member, .POST, review, #"{"version":\#(seen),"action":"approve"}"#, expect: .forbidden).status
                    == .forbidden)
            #expect(try await S.edit(committee, .POST, review, #"{"action":"return"}"#, basedOn: "/api/v1/materials/\(mid)", expect: .badRequest).errorCode
                    == "review_return_comments_required")
            try await S.edit(committee, .POST, review, #"{"action":"return","comments":"请补充具体数据。"}"#, basedOn: "/api/v1/materials/\(mid)")
            var b = try await M.brief(member, mid)
            #expect(b.review?.state == "returned" && b.review?.pendingComments == "请补充具体数据。")
            // Resubmitting the same version is refused: revise first.
            #expect(try await S.edit(member, .POST, review, #"{"action":"submit"}"#, basedOn: "/api/v1/materials/\(mid)", expect: .conflict).errorCode == "draft_not_revised")
            try await M.uploadText(member, material: mid, "修改稿：建议建设县级物流中心，年处理包裹300万件。")
            try await S.edit(member, .POST, review, #"{"action":"submit"}"#, basedOn: "/api/v1/materials/\(mid)")
            try await S.edit(committee, .POST, review, #"{"action":"approve"}"#, basedOn: "/api/v1/materials/\(mid)")
            b = try await M.brief(committee, mid)
            #expect(b.status == "approved" && !b.issuable, "approved but not yet forwarded to the office")
            try await S.edit(committee, .POST, review, #"{"action":"forward"}"#, basedOn: "/api/v1/materials/\(mid)")
            b = try await M.brief(committee, mid)
            #expect(b.status == "issuable" && b.issuable && b.versions.count == 2)
            let actions = try await M.auditActions(app, after: 0).filter { $0.hasPrefix("material.review.") }
            #expect(actions == ["material.review.submit", "material.review.return", "material.review.submit",
                                "material.review.approve", "material.review.forward"])

            // The same through the pages: a refused step shows its reason on the page.
            let web = try await TestClient.signedIn(app, as: "committee")
            let current = try await S.currentVersion(committee, of: "/api/v1/materials/\(mid)")
            let page = try await web.post("/symposia/\(id)/materials/\(mid)/review", form: ["version": String(current), "action": "approve"])
            #expect(page.status == .conflict)
            #expect(page.text.contains("不能“审核通过”"))
        }
    }

    /// Two attendees (the member 王淑贞 and the expert 黄振宇), confirmed and formally notified.
    static func attending(_ app: Application, _ id: Int) async throws -> (member: Int, expert: Int) {
        let committee = try await Planning.api(app, "committee")
        let office = try await Planning.api(app, "office")
        let member = try #require(try await M.personID(app, of: "member"))
        let expert = try #require(try await M.personID(app, of: "expert"))
        let root = "/api/v1/symposia/\(id)"
        for p in [member, expert] { try await S.call(committee, .POST, root + "/invitees", #"{"personID":\#(p)}"#) }
        try await S.call(committee, .POST, root + "/invitees/pre-invite")
        for p in [member, expert] { try await S.call(committee, .POST, root + "/invitees/\(p)/answer", #"{"answer":"confirm"}"#) }
        try await S.call(office, .POST, root + "/formal-notices")
        return (member, expert)
    }

    struct Recipient: Decodable { let personID: Int; let copyNumber: String?; let materials: Int }

    /// On a classified information system, where a 机密 briefing may have a file to print.
    @Test("two recipients' packets differ as their ranges say; unreviewed drafts are in no packet; copy numbers stay")
    func packetsFollowTheRanges() async throws {
        try await TestApp.run(system: .classified) { app in
            let (_, id) = try await SymposiumPreparationTests.symposium(app)
            let (member, expert) = try await Self.attending(app, id)
            let committee = try await Planning.api(app, "committee")
            let office = try await Planning.api(app, "office")
            let bureau = try await M.departmentID(app, named: "县农业农村局")
            let department = try await Planning.api(app, "department")
            // For the member only, classified; for the expert only; for every attendee; and a
            // keynote for every attendee that is uploaded but never reviewed.
            let forMember = try await M.create(committee, symposium: id, #"""
                {"kind":"departmentBriefing","title":"涉密情况介绍","departmentID":\#(bureau),"secrecy":"confidential",
                 "secrecyPeriod":"6个月","distribution":{"personIDs":[\#(member)]}}
                """#)
            try await M.uploadText(department, material: forMember, "只给委员看的内容")
            let forExpert = try await M.create(committee, symposium: id, #"""
                {"kind":"referenceMaterial","title":"专家参阅资料","distribution":{"categories":["experts"]}}
                """#)
            try await M.uploadText(committee, material: forExpert, "只给专家看的内容")
            let forAll = try await M.create(committee, symposium: id,
                                            #"{"kind":"attendeeList","title":"出席人员名单","distribution":{"scope":"attendingOnly"}}"#)
            try await M.uploadText(office, material: forAll, "全体出席人员可见的名单")
            let draft = try await M.create(committee, symposium: id,
                                           #"{"kind":"keynote","title":"未把关的中心发言","distribution":{"scope":"attendingOnly"}}"#)
            try await M.uploadText(committee, material: draft, "尚未把关的稿件")
            try await S.edit(committee, .POST, "/api/v1/materials/\(draft)/review", #"{"action":"submit"}"#, basedOn: "/api/v1/materials/\(draft)")

            func packet(_ person: Int) async throws -> (body: String, headers: String) {
                let res = try await S.call(office, .POST, "/api/v1/symposia/\(id)/packets/\(person)")
                #expect(res.headers.contentType?.description.hasPrefix("application/vnd.openxmlformats") == true)
                return try M.docxText(res)
            }
            let m = try await packet(member), e = try await packet(expert)
            #expect(m.body.contains("涉密情况介绍") && !m.body.contains("专家参阅资料") && m.body.contains("出席人员名单"))
            #expect(e.body.contains("专家参阅资料") && !e.body.contains("涉密情况介绍") && e.body.contains("出席人员名单"))
            #expect(!m.body.contains("尚未把关") && !e.body.contains("尚未把关"))
            // Order: department briefing before reference material before attendee list (三(四)).
            let body = try await packet(try #require(try await M.personID(app, of: "office"))).body
            let order = ["涉密情况介绍", "专家参阅资料", "出席人员名单"].compactMap { body.range(of: "、" + $0)?.lowerBound }
            #expect(order.count == 3 && order == order.sorted(), "the office's packet is not in the prescribed order")
            #expect(!body.contains("尚未把关"), "an unreviewed draft is in no packet, not even the office's")

            // Name and copy number on every page; the classified material's own copy number and marking.
            let recipients = try S.decode([Recipient].self, try await S.call(office, .GET, "/api/v1/symposia/\(id)/packets"))
            let mine = try #require(recipients.first { $0.personID == member })
            let copy = try #require(mine.copyNumber)
            #expect(m.headers.contains("王淑贞") && m.headers.contains("份号：\(copy)"))
            #expect(m.body.contains("机密★6个月"))
            #expect(Set(recipients.compactMap(\.copyNumber)).count == recipients.filter { $0.copyNumber != nil }.count,
                    "copy numbers are unique")
            #expect(mine.materials == 2 && recipients.first { $0.personID == expert }?.materials == 2)
            let numbered = try await M.brief(office, forMember)
            // Copies of a classified material go to those who receive it: the member in range, and
            // the office, whose own packet holds everything; not the expert.
            #expect(Set(numbered.copies.map(\.personID)) == [member, try #require(try await M.personID(app, of: "office"))])
            // Compiling again keeps the numbers.
            _ = try await packet(member)
            let again = try S.decode([Recipient].self, try await S.call(office, .GET, "/api/v1/symposia/\(id)/packets"))
            #expect(again.first { $0.personID == member }?.copyNumber == copy)
            #expect(try await M.brief(office, forMember).copies.map(\.number) == numbered.copies.map(\.number))

            // The office compiles through the page as well; the export lists what the office sees.
            let web = try await TestClient.signedIn(app, as: "office")
            let page = try await web.post("/symposia/\(id)/packets/\(expert)")
            #expect(page.status == .ok)
            // Never through a link: a GET compiles nothing and gives no copy number.
            #expect(try await web.send(.GET, "/symposia/\(id)/packets/\(expert)").status == .methodNotAllowed)
            #expect(try M.docxText(page).body.contains("专家参阅资料"))
            let csv = try await web.send(.GET, "/symposia/\(id)/materials.csv")
            #expect(csv.text.contains("涉密情况介绍") && csv.text.contains("未把关的中心发言"))
            let expertCSV = try await TestClient.signedIn(app, as: "expert").send(.GET, "/symposia/\(id)/materials.csv")
            #expect(expertCSV.text.contains("专家参阅资料") && !expertCSV.text.contains("涉密情况介绍")
                    && !expertCSV.text.contains("未把关"))
        }
    }

    @Test("三(四).4 a reference material sent to a leader in advance: the leader's opening is recorded; every download audited")
    func referenceMaterialOpenedAndDownloadsAudited() async throws {
        try await TestApp.run { app in
            let (_, id) = try await SymposiumPreparationTests.symposium(app)
            let committee = try await Planning.api(app, "committee")
            let office = try await Planning.api(app, "office")
            let leader = try await Planning.api(app, "leader")
            let leaderPerson = try #require(try await M.personID(app, of: "leader"))
            let mid = try await M.create(committee, symposium: id,
                                         #"{"kind":"referenceMaterial","title":"农村电商政策汇编","distribution":{"scope":"listed"}}"#)
            // Not before a file is uploaded; the leader does not know of it yet.
            #expect(try await S.call(committee, .POST, "/api/v1/materials/\(mid)/send", #"{"personIDs":[\#(leaderPerson)]}"#,
                                     expect: .conflict).errorCode == "material_not_issuable")
            #expect(try await leader.send(.GET, "/api/v1/materials/\(mid)").status == .notFound)
            try await M.uploadText(committee, material: mid, "一、国家政策\n二、省市政策")
            try await S.call(committee, .POST, "/api/v1/materials/\(mid)/send", #"{"personIDs":[\#(leaderPerson)]}"#)
            var b = try await M.brief(office, mid)
            #expect(b.sentTo.map(\.personID) == [leaderPerson] && b.sentTo.first?.openedAt == nil)

            let downloadsBefore = try await M.count(MaterialDownloadModel.self, app)
            let auditBefore = try await Planning.lastAuditSequence(app)
            #expect(try await leader.send(.GET, "/api/v1/materials/\(mid)/versions/1/file").status == .ok)
            b = try await M.brief(office, mid)
            let opened = try #require(b.sentTo.first?.openedAt, "the leader's opening is not recorded")
            // The first opening counts.
            #expect(try await leader.send(.GET, "/api/v1/materials/\(mid)/versions/1/file").status == .ok)
            #expect(try await M.brief(office, mid).sentTo.first?.openedAt == opened)
            let web = try await TestClient.signedIn(app, as: "committee")
            #expect(try await web.send(.GET, "/symposia/\(id)/materials/\(mid)/versions/1/file").status == .ok)
            #expect(try await office.send(.GET, "/api/v1/materials/\(mid)/versions/1/file").status == .ok)

            #expect(try await M.count(MaterialDownloadModel.self, app) == downloadsBefore + 4)
            let actions = try await M.auditActions(app, after: auditBefore)
            #expect(actions.filter { $0 == "material.download" }.count == 4, "audit: \(actions)")
            #expect(actions.filter { $0 == "material.opened" }.count == 1)
            let entries = try await AuditEntryModel.query(on: app.db).filter(\.$action == "material.download")
                .filter(\.$id > auditBefore).sort(\.$id).all()
            #expect(entries.map(\.actor) == ["leader", "leader", "committee", "office"])
            // The material's page tells the office who was sent it, who opened it, who downloaded it.
            let page = try await TestClient.signedIn(app, as: "office").send(.GET, "/symposia/\(id)/materials/\(mid)")
            #expect(page.status == .ok)
            #expect(page.text.contains("已阅") && page.text.contains("下载记录") && page.text.contains("送阅领导"))
            // By name, not by account.
            let leaderName = try #require(try await UserModel.query(on: app.db).filter(\.$username == "leader").first()).displayName
            let records = try #require(page.text.components(separatedBy: #"id="downloads""#).last)
            #expect(records.contains("　\(leaderName)　第1版") && !records.contains("　leader　"))
            // A refused download is not a download.
            #expect(try await Planning.api(app, "member").send(.GET, "/api/v1/materials/\(mid)/versions/1/file").status == .notFound)
            #expect(try await M.count(MaterialDownloadModel.self, app) == downloadsBefore + 4)
        }
    }

    @Test("三(四).1 the producer follows from the kind: a leader's speech by that leader's office")
    func producerFollowsTheKind() async throws {
        try await TestApp.run { app in
            let (_, id) = try await SymposiumPreparationTests.symposium(app)
            let office = try await Planning.api(app, "office")
            struct Produced: Decodable { struct P: Decodable { let kind: String; let name: String }; let producer: P }
            let leaders = try await PersonModel.query(on: app.db).filter(\.$kind == PersonKind.leader.rawValue).all()
            for (body, office_) in [("partyCommittee", "partyCommitteeOffice"), ("government", "governmentOffice"), ("cppcc", "cppccOffice")] {
                guard let leader = leaders.first(where: { $0.leaderOf == body }) else { continue }
                let res = try await S.call(office, .POST, "/api/v1/symposia/\(id)/materials",
                                           #"{"kind":"leaderSpeech","title":"\#(leader.name)同志讲话","leaderID":\#(leader.id!)}"#,
                                           expect: .created)
                #expect(try S.decode(Produced.self, res).producer.kind == office_)
            }
            #expect(try await S.call(office, .POST, "/api/v1/symposia/\(id)/materials", #"{"kind":"leaderSpeech","title":"讲话"}"#,
                                     expect: .badRequest).errorCode == "leader_body_required")
            #expect(try await S.call(office, .POST, "/api/v1/symposia/\(id)/materials", #"{"kind":"bookedSpeech","title":"发言"}"#,
                                     expect: .badRequest).errorCode == "speaker_required")
            // A classified material may not go to everyone (三(四).2).
            #expect(try await S.call(office, .POST, "/api/v1/symposia/\(id)/materials",
                                     #"{"kind":"keynote","title":"中心发言","secrecy":"secret","distribution":{"scope":"everyone"}}"#,
                                     expect: .badRequest).errorCode == "classified_distribution_to_everyone")
            // The lead committee creates; another committee may not.
            let economy = try await Planning.api(app, "economy")
            #expect(try await economy.json(.POST, "/api/v1/symposia/\(id)/materials", ["kind": "keynote", "title": "x"]).status
                    == .forbidden)
        }
    }
}
