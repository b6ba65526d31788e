import Foundation
import Testing
import XieshangCore
@testable import XieshangDocuments

/// What a 办公室 clerk would otherwise fix by hand before sending a generated document
/// (issue 20), checked at the writer: titles broken where the meaning stays whole, no
/// character grid, nothing of the seal printed, the record on an even page, fallbacks for
/// every drawing and font.
@Suite("Documents a clerk can send without touching them")
struct SendableDocumentTests {
    static let day = Day(year: 2026, month: 12, day: 1)!
    static let office = "政协安化县委员会办公室"
    /// Characters of 2号 one title line holds: 156 mm / (22 pt − 0.25 pt tracking).
    static let titleCapacity = 20.0

    static func breaker() -> TitleBreaker { TitleBreaker(capacity: titleCapacity, words: Vocabulary.all) }

    /// Every occurrence of a vocabulary word in `lines` joined, as a character range.
    static func wordSpans(_ text: String) -> [(word: String, range: Range<Int>)] {
        var spans: [(String, Range<Int>)] = []
        let chars = Array(text)
        for word in Vocabulary.all where word.count > 1 {
            let w = Array(word)
            for start in 0...max(0, chars.count - w.count) where start + w.count <= chars.count {
                if Array(chars[start..<start + w.count]) == w { spans.append((word, start..<start + w.count)) }
            }
        }
        return spans
    }

    static let longTitles = [
        "关于印发《政协安化县委员会2026年度双月协商座谈会计划》的通知",
        "关于“推进安化黑茶全产业链高质量发展”的建议案",
        "“推进安化黑茶全产业链高质量发展”双月协商座谈会实施方案",
        "政协安化县委员会2026年度双月协商座谈会工作情况报告",
        "关于加快推进紧密型县域医共体建设提升基层医疗服务能力的建议案",
        "“推进安化黑茶全产业链高质量发展”双月协商座谈会出席人员名单",
        "关于参加2026年第三次双月协商座谈会的邀请函",
    ]

    @Test("GB/T 9704 §7.3.3 a title breaks where no word of the glossary is split", arguments: longTitles)
    func titleBreaksOutsideWords(_ title: String) {
        let lines = Self.breaker().lines(title)
        #expect(lines.count >= 2, "\(title) should not fit one line")
        #expect(lines.joined() == title)
        for line in lines {
            #expect(LineBreaking.width(line) <= Self.titleCapacity, "“\(line)” is wider than the type area")
            #expect(!LineBreaking.noLineStart.contains(line.first!), "“\(line)” starts with a closing mark")
            #expect(!LineBreaking.noLineEnd.contains(line.last!), "“\(line)” ends with an opening mark")
        }
        var breaks: [Int] = []
        for line in lines.dropLast() { breaks.append((breaks.last ?? 0) + line.count) }
        for (word, range) in Self.wordSpans(title) {
            for b in breaks {
                #expect(!(range.lowerBound < b && b < range.upperBound), "“\(word)” split in \(lines)")
            }
        }
        // "…的建议 / 案" and "…2026年度双月 / 协商座谈会…" were the breaks a clerk fixed by hand.
        #expect(!lines.contains { $0 == "案" || $0.hasPrefix("协商座谈会") })
    }

    @Test("GB/T 9704 §7.3.3 title lines make a trapezoid or a diamond, not an hourglass or a stub", arguments: longTitles)
    func titleLinesAreSymmetric(_ title: String) {
        let widths = Self.breaker().lines(title).map { LineBreaking.width($0) }
        #expect(widths.allSatisfy { $0 >= Self.titleCapacity / 4 }, "a stub line in \(widths)")
        if widths.count >= 3 {
            for i in 1..<(widths.count - 1) {
                #expect(!(widths[i] < widths[i - 1] - 0.5 && widths[i] < widths[i + 1] - 0.5), "hourglass \(widths)")
            }
        }
    }

    @Test func titleThatFitsStaysOnOneLineAndGivenBreaksAreKept() {
        #expect(Self.breaker().lines("2026年上半年双月协商座谈会成果汇总") == ["2026年上半年双月协商座谈会成果汇总"])
        #expect(Self.breaker().lines("“黑茶产业”\n双月协商座谈会实施方案") == ["“黑茶产业”", "双月协商座谈会实施方案"])
    }

    @Test func titleIsWrittenInItsLines() throws {
        let package = try DocxPackage(.sample(.notice))
        let title = try #require(try package.document.all("w:p").first { $0.value("w:pStyle") == "DocTitle" })
        #expect(title.wordText == "关于印发《政协安化县委员会\n2027年度双月协商座谈会计划》的通知")
    }

    @Test("No character grid: LibreOffice set 27 characters a line on it and dropped line-end punctuation")
    func noCharacterGrid() throws {
        for sample in OfficialDocument.Sample.allCases {
            let package = try DocxPackage(.sample(sample))
            for grid in try package.document.all("w:docGrid") {
                #expect(grid["w:type"] != "linesAndChars" && grid["w:type"] != "snapToChars")
                #expect(grid["w:charSpace"] == nil)
            }
            // LibreOffice reads w:overflowPunct inverted: said as Word's default, it keeps marks in the line.
            let defaults = try #require(try package.xml("word/styles.xml").first("w:pPrDefault"))
            #expect(defaults.value("w:overflowPunct") == "1")
        }
    }

    @Test("GB/T 9704 §7.3.5.1 the seal is pressed on paper: nothing of it prints, its room stays")
    func sealIsNotPrinted() throws {
        for sample in OfficialDocument.Sample.allCases {
            let document = try DocxPackage(.sample(sample)).document
            #expect(!document.all("a:prstGeom").contains { $0["prst"] == "ellipse" })
            #expect(document.all("v:oval").isEmpty)
            #expect(!document.all("wp:docPr").contains { ($0["name"] ?? "").contains("印章") })
        }
        // The single organ's signature is still centred over the date, with blank lines above for the seal.
        let plain = LayoutRuleTests.plain()
        let paragraphs = try DocxPackage(plain).document.all("w:p")
        let date = try #require(paragraphs.firstIndex { $0.wordText == plain.date.chinese })
        #expect(paragraphs[date - 1].wordText == "政协安化县委员会")
        #expect(paragraphs[date - 1].value("w:jc") == "right")
        #expect(paragraphs[date - 2].wordText.isEmpty && paragraphs[date - 3].wordText.isEmpty)
    }

    @Test("Every drawing has a VML fallback for Word 2007 and WPS")
    func everyDrawingHasAFallback() throws {
        for sample in OfficialDocument.Sample.allCases {
            let document = try DocxPackage(.sample(sample)).document
            let wrappers = document.all("mc:AlternateContent")
            #expect(document.all("w:drawing").count == wrappers.count)
            for wrapper in wrappers {
                #expect(wrapper.first("mc:Choice")?["Requires"] == "wps")
                #expect(wrapper.first("mc:Choice")?.first("w:drawing") != nil)
                let fallback = try #require(wrapper.first("mc:Fallback")?.first("w:pict"))
                #expect(fallback.first("v:rect") != nil)
                // A text box's text is in the fallback too.
                #expect(fallback.wordText == (wrapper.first("mc:Choice")?.wordText ?? ""))
            }
        }
    }

    @Test("The font table names the fonts county PCs have when the official ones are missing")
    func fontsHaveFallbacks() throws {
        let fonts = try DocxPackage(.sample(.notice)).xml("word/fontTable.xml").all("w:font")
        func alternates(_ name: String) -> [String] {
            (fonts.first { $0["w:name"] == name }?.value("w:altName") ?? "").split(separator: ",").map(String.init)
        }
        #expect(alternates("仿宋_GB2312").first == "仿宋")
        #expect(alternates("方正小标宋简体").prefix(2) == ["华文中宋", "宋体"])
        #expect(alternates("楷体_GB2312").first == "楷体")
        for font in fonts { #expect(font.value("w:charset") == "86") }
    }

    @Test("A red head needs its document number; a draft is a plain paper marked as such")
    func redHeadNeedsNumber() throws {
        var unnumbered = LayoutRuleTests.plain()
        unnumbered.documentNumber = nil
        #expect(throws: Refusal.self) { try DocxWriter.data(for: unnumbered) }
        unnumbered.documentNumber = "  "
        #expect(throws: Refusal.self) { try DocxWriter.data(for: unnumbered) }

        var draft = unnumbered
        draft.format = .plain
        draft.draftMark = "征求意见稿"
        let paragraphs = try DocxPackage(draft).document.all("w:p")
        let title = try #require(paragraphs.firstIndex { $0.value("w:pStyle") == "DocTitle" })
        let mark = paragraphs[title + 1]
        #expect(mark.wordText == "（征求意见稿）")
        #expect(mark.first("w:rFonts")?["w:eastAsia"] == "楷体_GB2312")
        #expect(mark.value("w:jc") == "center")
        #expect(!paragraphs.contains { $0.all("w:color").contains { $0["w:val"] == "FF0000" } })
    }

    static func paper(_ paragraphs: Int, copyTo: [String] = ["县委办公室"], printer: String? = office) -> OfficialDocument {
        OfficialDocument(format: .plain, issuingOrgans: [office], title: "双月协商座谈会工作情况",
                         body: (0..<paragraphs).map { _ in .paragraph("县政协办公室统筹协调各项工作。") },
                         signatures: [office], date: day, copyTo: copyTo, printer: printer)
    }

    @Test("GB/T 9704 §7.4 the record goes on an even page: its own when the body ends on an odd one")
    func recordOnAnEvenPage() throws {
        // Title, blank, 3 paragraphs, blank, signature, date: page 1.
        let short = try DocxPackage(Self.paper(3))
        let sections = try short.document.all("w:sectPr")
        #expect(sections.count == 2, "the record needs a section of its own")
        #expect(sections.last?.value("w:type") == "evenPage")
        // Page numbers run on into the record's section.
        #expect(sections.last?.first("w:pgNumType") == nil)
        #expect(sections.last?.all("w:footerReference").count == 2)
        // The record is in the last section: after the section break.
        let body = try short.document.first("w:body")!.children
        let breakAt = try #require(body.firstIndex { $0.first("w:sectPr") != nil && $0.name == "w:p" })
        #expect(body[(breakAt + 1)...].contains { $0.wordText.contains("抄送") })

        // 22 lines on page 1, then 8 paragraphs, signature and date on page 2 with room below.
        let long = try DocxPackage(Self.paper(28))
        let longSections = try long.document.all("w:sectPr")
        #expect(longSections.count == 1, "a record that fits the even page where the body ends shares it")
        #expect(longSections.first?.value("w:type") == nil)
    }

    @Test("No page starts with a blank line")
    func noBlankLineAtThePageTop() throws {
        // Title, blank, and 20 one-line paragraphs fill page 1: the blank line before the
        // attachment note would start page 2. (Unsigned, so that nothing keeps the last
        // paragraph with the note: signed, both would go to page 2 together.)
        var full = Self.paper(20, copyTo: [], printer: nil)
        full.signsOff = false
        full.body.append(.attachmentNote("双月协商座谈会计划"))
        var partial = full
        partial.body.remove(at: 0)
        func blanksBeforeNote(_ d: OfficialDocument) throws -> Int {
            let paragraphs = try DocxPackage(d).document.all("w:p")
            let note = try #require(paragraphs.firstIndex { $0.wordText.hasPrefix("附件：") })
            return paragraphs[..<note].reversed().prefix { $0.wordText.isEmpty }.count
        }
        #expect(try blanksBeforeNote(full) == 0)
        #expect(try blanksBeforeNote(partial) == 1)
    }

    @Test("GB/T 9704 §7.3.5.4 the signature and date never stand alone on a page, nor with only the 附件说明",
          arguments: [false, true])
    func signatureStaysWithTheBody(_ withAttachmentNote: Bool) throws {
        var document = Self.paper(3)
        if withAttachmentNote { document.body.append(.attachmentNote("双月协商座谈会计划")) }
        let paragraphs = try DocxPackage(document).document.all("w:p")
        let date = try #require(paragraphs.firstIndex { $0.wordText == Self.day.chinese })
        let lastBody = try #require(paragraphs.lastIndex { $0.wordText.hasPrefix("县政协办公室统筹") })
        for p in paragraphs[lastBody..<date] {
            #expect(p.first("w:keepNext") != nil, "“\(p.wordText)” may be parted from the date")
        }
    }

    @Test("Headers and short entries of a table fit on one line: no “序/号”, no “农业农村委员/会”")
    func tableColumnsFitTheirHeaders() throws {
        let header = ["序号", "日期", "协商议题", "牵头委室", "出席委员", "专家学者", "发言人次"]
        let rows = [["1", "12月17日", "推进安化黑茶全产业链高质量发展", "农业农村委员会", "6", "2", "11"]]
        var document = Self.paper(1)
        document.body = [.table(header: header, rows: rows, columnWidths: [2, 5, 9, 5, 3, 3, 3])]
        let table = try #require(try DocxPackage(document).document.all("w:tbl").first)
        let grid = table.all("w:gridCol").compactMap { Int($0["w:w"] ?? "") }
        #expect(grid.count == header.count)
        #expect(grid.reduce(0, +) == 8844)
        let character = (14 - 0.25) * 20, padding = 170.0
        // A header of two characters stays whole; a longer one over a column of numbers may
        // take two even lines ("出席/委员"), never a stub.
        for (c, text) in header.enumerated() {
            let least = text.count <= 2 ? text.count : (text.count + 1) / 2
            #expect(Double(grid[c]) >= Double(least) * character + padding, "“\(text)” breaks badly in \(grid[c]) twips")
        }
        #expect(Double(grid[0]) >= 2 * character + padding, "“序号” wraps")
        #expect(Double(grid[3]) >= 7 * character + padding, "“农业农村委员会” wraps")
        #expect(Double(grid[1]) >= LineBreaking.width("12月17日") * character + padding, "the date wraps")
    }

    @Test("A sentence heading runs on into its paragraph: 楷体, then 仿宋, not a chain of headings kept together")
    func headedParagraphRunsOn() throws {
        var document = Self.paper(1)
        document.body = [.headedParagraph(heading: "（一）精深加工不足。", text: "产品以初制茶为主，附加值不高。"), .paragraph("下一段。")]
        let p = try #require(try DocxPackage(document).paragraphs(containing: "精深加工不足").first)
        #expect(p.value("w:pStyle") == "Body")
        #expect(p.first("w:keepNext") == nil)
        let runs = p.all("w:r")
        #expect(runs.first?.wordText == "（一）精深加工不足。")
        #expect(runs.first?.first("w:rFonts")?["w:eastAsia"] == "楷体_GB2312")
        #expect(runs.last?.wordText == "产品以初制茶为主，附加值不高。" && runs.last?.first("w:rFonts") == nil)
    }

    @Test("Bars of a chart stand apart")
    func barsStandApart() throws {
        var document = Self.paper(1)
        document.body = [.barChart(caption: "图1　各次座谈会发言人次",
                                   bars: [.init(label: "6月18日", value: 11), .init(label: "9月29日", value: 8)])]
        let table = try #require(try DocxPackage(document).document.all("w:tbl").first)
        let rows = table.all("w:tr")
        #expect(rows.count == 3)
        let heights = rows.map { $0.first("w:trHeight") }
        #expect(heights.allSatisfy { $0?["w:hRule"] == "exact" })
        // The middle row is a blank gap, lower than the bars and unshaded.
        let gap = Int(heights[1]?["w:val"] ?? "") ?? 0, bar = Int(heights[0]?["w:val"] ?? "") ?? 0
        #expect(gap > 0 && gap < bar)
        #expect(rows[1].first("w:shd") == nil && rows[0].first("w:shd") != nil)
    }
}
