import Foundation
import Testing
import XieshangCore
@testable import XieshangDocuments

/// A working paper (implementation plan, attendee list) keeps the GB/T 9704 type area and
/// body but carries no red masthead: it is not a 文件 with a document number.
@Suite("Plain working documents")
struct PlainFormatTests {
    let doc = OfficialDocument(format: .plain, issuingOrgans: ["政协安化县委员会农业农村委员会"],
                               title: "“推进安化黑茶全产业链高质量发展”\n双月协商座谈会实施方案",
                               body: [.heading1("一、时间"), .paragraph("2026年12月17日上午9:00")],
                               signatures: ["政协安化县委员会农业农村委员会"], date: Day(year: 2026, month: 11, day: 29)!)

    @Test("GB/T 9704 a working paper has no organ mark and no red rule")
    func noMasthead() throws {
        let pkg = try DocxPackage(doc)
        #expect(try pkg.paragraphs(containing: "文件").isEmpty)
        #expect(try pkg.paragraphs(containing: "实施方案").count == 1)
        #expect(try pkg.paragraphs(containing: "2026年11月29日").count == 1)
    }

    @Test("GB/T 9704 a working paper still needs a title")
    func titleRequired() {
        var untitled = doc
        untitled.title = " "
        #expect(throws: (any Error).self) { try DocxWriter.data(for: untitled) }
    }
}
