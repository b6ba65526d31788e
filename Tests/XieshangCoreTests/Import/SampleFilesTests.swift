import Foundation
import Testing
@testable import XieshangCore

/// The files under `samples/` are what users download as a template and what the browser
/// tests upload; they must stay in step with the rules.
@Suite("Import: sample files")
struct SampleFilesTests {
    typealias F = ImportFixtures

    private func sample(_ name: String) throws -> Data {
        try Data(contentsOf: F.samplesDirectory.appendingPathComponent(name))
    }

    @Test func exampleIsUTF8WithBOMAndImports() throws {
        let data = try sample("persons-import-example.csv")
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let rows = try #require(F.rows(PersonImport.validate(data: data, known: F.known)))
        #expect(rows.count == 8)
        #expect(Set(rows.map(\.kind)) == Set(PersonKind.allCases))
        #expect(rows[0].expertise == ["黑茶加工", "茶园管理"])
        #expect(rows[3].expertise == ["乡村教育", "\"双减\"政策"])
        #expect(rows.map(\.protocolOrder) == Array(1...8))
    }

    @Test func gb18030SampleReadsLikeTheExample() throws {
        let gb = try sample("persons-import-gb18030.csv")
        #expect(String(validating: Array(gb), as: UTF8.self) == nil)
        let fromGB = try #require(F.rows(PersonImport.validate(data: gb, known: F.known)))
        let fromUTF8 = try #require(F.rows(PersonImport.validate(data: try sample("persons-import-example.csv"), known: F.known)))
        #expect(fromGB == fromUTF8)
    }

    @Test func badLineSampleFailsOnLineFourOnly() throws {
        let failure = try #require(F.failure(PersonImport.validate(data: try sample("persons-import-bad-line.csv"), known: F.known)))
        #expect(failure.details == ["第4行：类别“顾问”无效，应为：委员、专家学者、领导、部门负责人、委室负责人"])
    }
}
