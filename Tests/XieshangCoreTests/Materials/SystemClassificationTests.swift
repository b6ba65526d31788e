import Foundation
import Testing
@testable import XieshangCore

/// 保守国家秘密法: state secrets are stored and processed only on classified information systems;
/// a non-classified deployment (the default) holds no 秘密 or 机密 file, only their paper copies.
@Suite("The deployment's classification decides how a material travels")
struct SystemClassificationTests {
    typealias F = MaterialFixtures

    @Test("保守国家秘密法 on a non-classified system 秘密 and 机密 travel on paper, 内部 and 公开 electronically")
    func handlingByLevel() {
        let expected: [SecrecyLevel: MaterialHandling] = [.public: .electronic, .internal: .electronic, .secret: .paper,
                                                          .confidential: .paper]
        for level in SecrecyLevel.allCases {
            #expect(SystemClassification.nonClassified.handling(of: level) == expected[level])
        }
    }

    @Test("保守国家秘密法 a classified information system keeps every level electronic")
    func classifiedKeepsFiles() throws {
        for level in SecrecyLevel.allCases {
            #expect(SystemClassification.classified.handling(of: level) == .electronic)
            try SystemClassification.classified.checkFileAllowed(for: level)
        }
    }

    @Test("保守国家秘密法 a 秘密 or 机密 file is refused on a non-classified system, citing the law and the paper way")
    func uploadRefusedWithTheReason() throws {
        for level in [SecrecyLevel.secret, .confidential] {
            #expect(throws: MaterialError.classifiedFileRefused(level)) {
                try SystemClassification.nonClassified.checkFileAllowed(for: level)
            }
            let m = try F.material(.departmentBriefing, secrecy: level)
            #expect(throws: MaterialError.classifiedFileRefused(level)) { try m.checkUploadAllowed(on: .nonClassified) }
            try m.checkUploadAllowed(on: .classified)
        }
        let message = MaterialError.classifiedFileRefused(.secret).message
        for phrase in ["非涉密信息系统", "秘密级材料不能上传", "保守国家秘密法", "涉密信息系统", "纸质件", "份号", "清退"] {
            #expect(message.contains(phrase), "the refusal does not say “\(phrase)”: \(message)")
        }
        #expect(MaterialError.classifiedFileRefused(.secret).kind == .invalid)
        try SystemClassification.nonClassified.checkFileAllowed(for: .internal)
        try SystemClassification.nonClassified.checkFileAllowed(for: .public)
    }

    @Test("保守国家秘密法 a classified material's file is never served on a non-classified system; an internal one is")
    func servesFile() throws {
        let secret = try F.issuable(.departmentBriefing, secrecy: .secret, distribution: Distribution(roles: [.leader]))
        #expect(!secret.servesFile(on: .nonClassified) && secret.servesFile(on: .classified))
        let internalOne = try F.issuable(.departmentBriefing)
        #expect(internalOne.servesFile(on: .nonClassified))
        #expect(MaterialError.fileWithheld(.secret).kind == .forbidden)
        #expect(MaterialError.fileWithheld(.secret).message.contains("纸质件"))
    }

    @Test("保守国家秘密法 a classified file held from before is flagged to the office until it confirms paper-only handling")
    func flaggedUntilConfirmed() throws {
        var m = try F.issuable(.departmentBriefing, secrecy: .secret, distribution: Distribution(roles: [.leader]))
        #expect(m.needsPaperOnlyConfirmation(on: .nonClassified))
        #expect(!m.needsPaperOnlyConfirmation(on: .classified), "a classified system may hold it")
        try m.confirmPaperOnly(removeFiles: false, on: .nonClassified, actor: "办公室", at: F.at(minutes: 5))
        #expect(!m.needsPaperOnlyConfirmation(on: .nonClassified))
        #expect(m.paperOnly == PaperOnlyConfirmation(actor: "办公室", at: F.at(minutes: 5), filesRemoved: false))
        #expect(m.versions.first?.extractedText == "正文", "nothing is removed unless the office says so")
        #expect(throws: PaperCopyError.alreadyConfirmed) {
            try m.confirmPaperOnly(removeFiles: true, on: .nonClassified, actor: "办公室", at: F.at(minutes: 6))
        }
    }

    @Test("保守国家秘密法 confirming with removal clears the held text but keeps what was held on record")
    func removalClearsText() throws {
        var m = try F.issuable(.departmentBriefing, secrecy: .confidential, distribution: Distribution(roles: [.leader]))
        try m.confirmPaperOnly(removeFiles: true, on: .nonClassified, actor: "办公室", at: F.at(minutes: 5))
        #expect(m.versions.count == 1 && m.versions[0].extractedText.isEmpty)
        #expect(m.versions[0].sha256 == F.sha && m.versions[0].fileName.hasSuffix(".docx"))
        #expect(m.paperOnly?.filesRemoved == true)
    }

    @Test("保守国家秘密法 only a classified material holding files on a non-classified system needs confirming")
    func confirmationOnlyWhereNeeded() throws {
        var internalOne = try F.issuable(.departmentBriefing)
        #expect(throws: PaperCopyError.paperOnlyNotNeeded) {
            try internalOne.confirmPaperOnly(removeFiles: false, on: .nonClassified, actor: "办公室", at: F.instant)
        }
        var empty = try F.material(.departmentBriefing, secrecy: .secret, distribution: Distribution(roles: [.leader]))
        #expect(!empty.needsPaperOnlyConfirmation(on: .nonClassified))
        #expect(throws: PaperCopyError.paperOnlyNotNeeded) {
            try empty.confirmPaperOnly(removeFiles: false, on: .nonClassified, actor: "办公室", at: F.instant)
        }
        var secret = try F.issuable(.departmentBriefing, secrecy: .secret, distribution: Distribution(roles: [.leader]))
        #expect(throws: PaperCopyError.paperOnlyNotNeeded) {
            try secret.confirmPaperOnly(removeFiles: false, on: .classified, actor: "办公室", at: F.instant)
        }
    }

    @Test("保守国家秘密法 a file uploaded anew (on a classified system) needs the confirmation again")
    func newFileNeedsConfirmationAgain() throws {
        var m = try F.issuable(.departmentBriefing, secrecy: .secret, distribution: Distribution(roles: [.leader]))
        try m.confirmPaperOnly(removeFiles: true, on: .nonClassified, actor: "办公室", at: F.instant)
        try F.upload(&m, minutes: 10)
        #expect(m.paperOnly == nil && m.needsPaperOnlyConfirmation(on: .nonClassified))
    }

    @Test("三(四).2 a producer owes printed copies, not a file, for a state secret on a non-classified system")
    func owedOnPaper() throws {
        let dues = MaterialDueDays(compile: F.day("2026-06-17"), draft: F.day("2026-06-15"), provisional: false)
        let secret = try F.material(.departmentBriefing, secrecy: .secret, distribution: Distribution(roles: [.leader]))
        let paper = secret.owed(dues: dues, leadCommitteeID: F.leadCommitteeID, system: .nonClassified)
        #expect(paper?.step == .deliverPaper && paper?.owner == .department(F.departmentID))
        #expect(paper?.title.contains("纸质件") == true)
        #expect(secret.owed(dues: dues, leadCommitteeID: F.leadCommitteeID, system: .classified)?.step == .submit)
        let (delivered, _) = try F.onPaper(copies: 3)
        #expect(delivered.owed(dues: dues, leadCommitteeID: F.leadCommitteeID, system: .nonClassified) == nil)
    }
}
