import Foundation
import Testing
import Vapor
import VaporTesting
import XieshangCore
@testable import XieshangServer

/// 三(一).1 "广泛征求意见": why each person is invited and what those consulted said is the
/// deliberation of the CPPCC side (with the county leaders it consults); an invitee sees who
/// is invited, and of the answers and addresses only their own.
@Suite("The invitee list's deliberation")
struct InviteeDeliberationTests {
    typealias S = Symposia

    @Test("三(一).1 an invited member sees the list without the reasons, the comments or others' answers")
    func inviteesDoNotSeeTheDeliberation() async throws {
        try await TestApp.run { app in
            let (root, id) = try await SymposiumPreparationTests.symposium(app)
            let committee = try await Planning.api(app, "committee")
            let office = try await Planning.api(app, "office")
            let member = try #require(try await Materials.personID(app, of: "member"))
            let expert = try #require(try await Materials.personID(app, of: "expert"))
            try await S.call(committee, .POST, root + "/invitees", #"{"personID":\#(member),"reason":"理由甲：茶产业专长"}"#)
            try await S.call(committee, .POST, root + "/invitees", #"{"personID":\#(expert),"reason":"理由乙：电商研究"}"#)
            try await S.call(office, .POST, root + "/invitee-comments", #"{"text":"意见丙：请再考虑界别"}"#)
            try await S.call(committee, .POST, root + "/invitees/pre-invite")
            try await S.call(committee, .POST, root + "/invitees/\(expert)/answer", #"{"answer":"decline","note":"答复丁：外出讲学"}"#)

            let secrets = ["理由甲", "理由乙", "意见丙", "答复丁"]
            for path in [root, "/symposia/\(id)/invitees", "/symposia/\(id)"] {
                let client = path.hasPrefix("/api") ? try await Planning.api(app, "member")
                                                    : try await TestClient.signedIn(app, as: "member")
                let res = try await S.call(client, .GET, path)
                #expect(res.text.contains("王淑贞") || path == "/symposia/\(id)", "\(path): the member should see the list")
                for secret in secrets { #expect(!res.text.contains(secret), "\(path) shows the member “\(secret)”") }
            }
            // Those consulted see all of it.
            for user in ["office", "committee", "leader"] {
                let text = try await S.call(try await Planning.api(app, user), .GET, root).text
                for secret in secrets { #expect(text.contains(secret), "\(user) does not see “\(secret)”") }
            }
            // The expert sees their own answer.
            let own = try await S.call(try await Planning.api(app, "expert"), .GET, root).text
            #expect(own.contains("答复丁") && !own.contains("理由乙") && !own.contains("意见丙"))
        }
    }
}
