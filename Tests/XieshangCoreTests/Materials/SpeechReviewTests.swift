import Foundation
import Testing
@testable import XieshangCore

/// 三(四).3 "与会人员发言稿。由承办的委室负责把关，汇总后送办公室印发".
@Suite("Speech drafts: reviewed by the lead committee, then forwarded to the office (三(四).3)")
struct SpeechReviewTests {
    typealias F = MaterialFixtures
    typealias State = SpeechReview.State

    /// A booked speech draft reached by legal steps only, with one version uploaded.
    func draft(in state: State) throws -> Material {
        var m = try F.material(.bookedSpeech)
        try F.upload(&m)
        switch state {
        case .drafting: break
        case .submitted: try m.review(.submit, actor: "发言人", at: F.at(minutes: 1))
        case .approved:
            try m.review(.submit, actor: "发言人", at: F.at(minutes: 1))
            try m.review(.approve, actor: "委室", at: F.at(minutes: 2))
        case .returned:
            try m.review(.submit, actor: "发言人", at: F.at(minutes: 1))
            try m.review(.return, comments: "请压缩到8分钟以内", actor: "委室", at: F.at(minutes: 2))
        case .forwarded:
            try m.review(.submit, actor: "发言人", at: F.at(minutes: 1))
            try m.review(.approve, actor: "委室", at: F.at(minutes: 2))
            try m.review(.forward, actor: "委室", at: F.at(minutes: 3))
        }
        #expect(m.review?.state == state)
        return m
    }

    @Test("三(四).3 a speech draft starts in drafting; other kinds have no review and refuse its steps")
    func reviewOnlyForSpeechDrafts() throws {
        for kind in MaterialKind.allCases {
            var m = try F.material(kind)
            if kind.needsReview {
                #expect(m.review == SpeechReview())
                #expect(m.review?.state == .drafting)
            } else {
                #expect(m.review == nil)
                #expect(throws: MaterialError.reviewNotRequired(kind)) { try m.review(.submit, actor: "x", at: F.instant) }
            }
        }
    }

    @Test("三(四).3 a draft cannot be submitted before a file is uploaded")
    func submitNeedsFile() throws {
        var m = try F.material(.keynote)
        #expect(throws: MaterialError.noDraftUploaded) { try m.review(.submit, actor: "委室", at: F.instant) }
        #expect(m.review?.state == .drafting && m.review?.steps.isEmpty == true)
    }

    @Test("三(四).3 returning a draft needs comments; the comments stay with the draft")
    func returnNeedsComments() throws {
        var m = try draft(in: .submitted)
        let before = m
        #expect(throws: MaterialError.returnNeedsComments) { try m.review(.return, comments: "  \n", actor: "委室", at: F.instant) }
        #expect(m == before)
        try m.review(.return, comments: " 数据请核实 ", actor: "委室", at: F.at(minutes: 5))
        #expect(m.review?.state == .returned)
        #expect(m.review?.pendingComments == "数据请核实")
        #expect(m.review?.lastReturn?.version == 1)
    }

    @Test("三(四).3 a returned draft is resubmitted only with a revised version")
    func resubmission() throws {
        var m = try draft(in: .returned)
        #expect(throws: MaterialError.notRevised) { try m.review(.submit, actor: "发言人", at: F.at(minutes: 4)) }
        try F.upload(&m, minutes: 5)
        #expect(m.review?.state == .returned)
        try m.review(.submit, actor: "发言人", at: F.at(minutes: 6))
        #expect(m.review?.state == .submitted)
        #expect(m.review?.pendingComments == nil)
        try m.review(.approve, actor: "委室", at: F.at(minutes: 7))
        try m.review(.forward, actor: "委室", at: F.at(minutes: 8))
        #expect(m.review?.forwardedVersion == 2)
        #expect(m.review?.steps.map(\.action) == [.submit, .return, .submit, .approve, .forward])
        #expect(m.isIssuable)
    }

    @Test("三(四).3 forwarding to the office only after approval", arguments: State.allCases)
    func forwardOnlyAfterApproval(state: State) throws {
        var m = try draft(in: state)
        if state == .approved {
            try m.review(.forward, actor: "委室", at: F.at(minutes: 9))
            #expect(m.review?.state == .forwarded)
        } else {
            let before = m
            #expect(throws: MaterialError.reviewStepOutOfOrder(state, .forward)) {
                try m.review(.forward, actor: "委室", at: F.at(minutes: 9))
            }
            #expect(m == before)
        }
    }

    @Test("三(四).3 every step only from the states it may start from", arguments: SpeechReview.Action.allCases)
    func stepTable(action: SpeechReview.Action) throws {
        for state in State.allCases {
            var m = try draft(in: state)
            if state == .returned && action == .submit { try F.upload(&m, minutes: 4) }
            let allowed = action.from.contains(state)
            if allowed {
                try m.review(action, comments: "意见", actor: "委室", at: F.at(minutes: 9))
                #expect(m.review?.steps.last?.action == action)
            } else {
                #expect(throws: MaterialError.reviewStepOutOfOrder(state, action)) {
                    try m.review(action, comments: "意见", actor: "委室", at: F.at(minutes: 9))
                }
            }
        }
    }

    @Test("三(四).3 nothing unreviewed is issuable: a speech draft only once forwarded", arguments: State.allCases)
    func nothingUnreviewedIssuable(state: State) throws {
        #expect(try draft(in: state).isIssuable == (state == .forwarded))
        #expect(try F.material(.bookedSpeech).isIssuable == false)
    }

    @Test("三(四).3 a new version of a submitted, approved or forwarded draft must be reviewed again",
          arguments: [State.submitted, .approved, .forwarded])
    func newVersionReopensReview(state: State) throws {
        var m = try draft(in: state)
        try F.upload(&m, minutes: 10, by: "发言人")
        #expect(m.review?.state == .drafting)
        #expect(m.review?.steps.last?.action == .revise && m.review?.steps.last?.version == 2)
        #expect(!m.isIssuable)
    }

    @Test("三(四) any material needs at least one version to be issuable; other kinds need nothing more",
          arguments: MaterialKind.allCases.filter { !$0.needsReview })
    func otherKindsIssuableWithAVersion(kind: MaterialKind) throws {
        var m = try F.material(kind)
        #expect(!m.isIssuable)
        try F.upload(&m)
        #expect(m.isIssuable)
    }

    @Test("三(四) versions are numbered, hashed and cut to the excerpt limit; bad uploads are refused")
    func versions() throws {
        var m = try F.material(.departmentBriefing)
        let long = String(repeating: "茶", count: MaterialLimits.maxExtractedCharacters + 10)
        let v = try m.addVersion(fileName: "C:\\fakepath\\情况介绍.PDF", format: .pdf, byteCount: 3000,
                                 sha256: F.sha.uppercased(), uploadedBy: "县农业农村局", at: F.instant, extractedText: long)
        #expect(v.number == 1 && v.fileName == "情况介绍.PDF" && v.sha256 == F.sha)
        #expect(v.extractedText.count == MaterialLimits.maxExtractedCharacters)
        try F.upload(&m, minutes: 1)
        #expect(m.versions.map(\.number) == [1, 2] && m.currentVersion?.number == 2)
        let before = m
        #expect(throws: MaterialError.checksumInvalid) {
            try m.addVersion(fileName: "a.pdf", format: .pdf, byteCount: 1, sha256: "xyz", uploadedBy: "", at: F.instant, extractedText: "")
        }
        #expect(throws: MaterialError.emptyFile) {
            try m.addVersion(fileName: "a.pdf", format: .pdf, byteCount: 0, sha256: F.sha, uploadedBy: "", at: F.instant, extractedText: "")
        }
        #expect(throws: MaterialError.fileTooLarge(MaterialLimits.maxUploadBytes)) {
            try m.addVersion(fileName: "a.pdf", format: .pdf, byteCount: MaterialLimits.maxUploadBytes + 1, sha256: F.sha,
                             uploadedBy: "", at: F.instant, extractedText: "")
        }
        #expect(throws: MaterialError.fileNameInvalid) {
            try m.addVersion(fileName: "dir/ ", format: .pdf, byteCount: 1, sha256: F.sha, uploadedBy: "", at: F.instant, extractedText: "")
        }
        #expect(m == before)
    }

    @Test("三(四) a title is required and short; a material survives a JSON round trip")
    func titleAndCoding() throws {
        #expect(throws: MaterialError.titleRequired) { try F.material(.keynote, title: "  ") }
        #expect(throws: MaterialError.titleTooLong(MaterialLimits.maxTitleLength)) {
            try F.material(.keynote, title: String(repeating: "长", count: MaterialLimits.maxTitleLength + 1))
        }
        var m = try draft(in: .forwarded)
        try m.rename(" 关于黑茶产业的预约发言 ")
        #expect(m.title == "关于黑茶产业的预约发言")
        m.numberCopies(for: [10, 11])
        let decoded = try JSONDecoder().decode(Material.self, from: JSONEncoder().encode(m))
        #expect(decoded == m)
    }
}
