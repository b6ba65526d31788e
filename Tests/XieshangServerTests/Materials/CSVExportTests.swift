import Foundation
import Testing
@testable import XieshangServer

/// A CSV opened in Excel or WPS on the office PC must not run what someone typed as a formula
/// (OWASP "CSV injection"): every export goes through `CSVTable`.
@Suite("CSV exports")
struct CSVExportTests {
    @Test("a cell beginning with =, +, -, @, a tab or a carriage return is made text")
    func formulaCellsAreMadeText() {
        #expect(CSVTable.field("=HYPERLINK(\"http://evil.example\",\"点击\")") == "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点击\"\")\"")
        #expect(CSVTable.field("+1") == "'+1")
        #expect(CSVTable.field("-2+3") == "'-2+3")
        #expect(CSVTable.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVTable.field("\t=1") == "'\t=1")
        #expect(CSVTable.field("\r=1") == "\"'\r=1\"")
        #expect(CSVTable.field("关于茶产业的建议") == "关于茶产业的建议")
        #expect(CSVTable.field("a,b") == "\"a,b\"")
    }

    @Test("the table is UTF-8 with a BOM and CRLF lines")
    func tableShape() {
        var t = CSVTable(header: ["日期", "议题"])
        t.append(["2026-12-17", "=1+1"])
        #expect(t.text == "\u{FEFF}日期,议题\r\n2026-12-17,'=1+1\r\n")
    }
}
