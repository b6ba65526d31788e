import Testing
@testable import XieshangCore

@Suite("Import: CSV parsing")
struct CSVParserTests {
    @Test func quotedFieldsWithCommasAndNewlines() throws {
        let text = "姓名,专长,手机\r\n王芳,\"黑茶加工,茶园管理\",138\r\n李明,\"第一行\r\n第二行\",139\r\n张三,,\r\n"
        let records = try CSVParser.records(text)
        #expect(records.map(\.fields) == [
            ["姓名", "专长", "手机"],
            ["王芳", "黑茶加工,茶园管理", "138"],
            ["李明", "第一行\n第二行", "139"],
            ["张三", "", ""],
        ])
        // The record after a two-line cell starts on physical line 5 but is Excel's row 4.
        #expect(records.map(\.line) == [1, 2, 3, 5])
        #expect(records.map(\.row) == [1, 2, 3, 4])
    }

    @Test func doubledQuotesAreOneQuote() throws {
        #expect(try CSVParser.parse("\"乡村教育、\"\"双减\"\"政策\",\"\"\n") == [["乡村教育、\"双减\"政策", ""]])
    }

    @Test func lineEndingsAndTrailingEmptyLine() throws {
        #expect(try CSVParser.parse("a,b\nc,d\r\ne,f\rg,h") == [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
        #expect(try CSVParser.parse("a,b\r\n") == [["a", "b"]])
        #expect(try CSVParser.parse("a,b\r\n\r\n\r\n") == [["a", "b"]])
        #expect(try CSVParser.parse("") == [])
    }

    @Test func blankLinesInsideTheFileKeepTheirRows() throws {
        let records = try CSVParser.records("a\n\nb\n,,\nc\n")
        #expect(records.map(\.fields) == [["a"], [""], ["b"], ["", "", ""], ["c"]])
        #expect(records.map(\.isBlank) == [false, true, false, true, false])
        #expect(records.last?.row == 5)
    }

    @Test func unterminatedQuoteNamesTheLine() {
        let text = "姓名,专长\n王芳,茶叶\n李明,\"茶叶\n张三,教育\n"
        #expect(throws: CSVSyntaxError(line: 3, row: 3)) { try CSVParser.parse(text) }
        #expect(CSVSyntaxError(line: 3, row: 3).message.hasPrefix("第3行：英文双引号没有配对"))
    }

    @Test func strayQuotesOutsideQuotedFieldsAreKept() throws {
        #expect(try CSVParser.parse("5\"屏,\"ab\"cd\n") == [["5\"屏", "abcd"]])
    }

    @Test func tabSeparatorIsGuessedFromTheHeader() throws {
        let text = "姓名\t类别\t专长\n王芳\t委员\t茶叶,教育\n"
        #expect(CSVParser.guessSeparator(text) == "\t")
        #expect(CSVParser.guessSeparator("姓名,类别\n王芳\t委员\t\t\n") == ",")
        #expect(try CSVParser.parse(text, separator: "\t") == [["姓名", "类别", "专长"], ["王芳", "委员", "茶叶,教育"]])
    }
}
