import Testing
@testable import XieshangCore

/// Every refusal has a stable code for API clients, a Chinese message and the right kind.
@Suite("Material refusals: codes, messages, kinds")
struct MaterialErrorTests {
    static let all: [MaterialError] = [
        .leaderBodyRequired, .unknownLeaderBody("x"), .departmentRequired, .speakerRequired,
        .producerMismatch(.keynote, .department(1)), .titleRequired, .titleTooLong(100),
        .periodWithoutClassification(.internal), .periodInvalid, .periodTooLong(.secret, 10), .classifiedToEveryone(.secret),
        .emptyFile, .fileTooLarge(1024), .unknownContent, .legacyWordFile, .unsupportedExtension("exe"),
        .extensionMismatch("docx", .pdf), .fileNameInvalid, .checksumInvalid, .reviewNotRequired(.attendeeList),
        .reviewStepOutOfOrder(.drafting, .forward), .returnNeedsComments, .commentsTooLong(2000), .noDraftUploaded,
        .notRevised, .notReferenceMaterial(.keynote), .notIssuable, .notSentTo, .notFound,
    ]

    @Test("every refusal has its own snake_case code and a Chinese message")
    func codesAndMessages() {
        let codes = Self.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        for e in Self.all {
            #expect(e.code.allSatisfy { $0.isLowercase || $0 == "_" }, "\(e.code)")
            #expect(e.message.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(e.code)")
        }
    }

    @Test("a step out of order is a conflict; a material outside one's range is not found")
    func kinds() {
        let conflicts: [MaterialError] = [.reviewStepOutOfOrder(.drafting, .forward), .noDraftUploaded, .notRevised, .notIssuable]
        #expect(conflicts.allSatisfy { $0.kind == .conflict })
        #expect(MaterialError.notFound.kind == .notFound)
        #expect(MaterialError.extensionMismatch("docx", .pdf).kind == .invalid)
        #expect(MaterialError.reviewStepOutOfOrder(.drafting, .forward).message == "发言稿当前为“起草中”，不能“送办公室印发”。")
        #expect(MaterialError.fileTooLarge(512 * 1024).message.contains("512KB"))
        #expect(MaterialError.producerMismatch(.keynote, .department(1)).message == "委室中心发言不由有关部门负责（三(四).3）。")
    }
}
