import Foundation
import Testing
import XieshangCore
@testable import XieshangDocuments

/// One test per rule of DESIGN.md's "Official document layout (GB/T 9704-2012)" table,
/// checked on the package as Word would read it.
@Suite("Official document layout (GB/T 9704-2012)")
struct LayoutRuleTests {
    static let notice = OfficialDocument.sample(.notice)
    static let letter = OfficialDocument.sample(.letter)
    static let minutes = OfficialDocument.sample(.minutes)

    static func plain(_ format: OfficialDocument.Format = .document, organs: [String] = ["政协安化县委员会"],
                      title: String = "关于召开双月协商座谈会的通知") -> OfficialDocument {
        OfficialDocument(format: format, issuingOrgans: organs, documentNumber: "安政协发〔2026〕3号", title: title,
                         addressee: "各专门委员会", body: [.paragraph("正文。")], signatures: organs,
                         date: Day(year: 2026, month: 12, day: 1)!, sealed: true,
                         copyTo: ["县委办公室"], printer: "政协安化县委员会办公室")
    }

    @Test(arguments: OfficialDocument.Sample.allCases)
    func pageIsA4WithPrescribedMargins(_ sample: OfficialDocument.Sample) throws {
        let sect = try DocxPackage(OfficialDocument.sample(sample)).sectionProperties
        let size = try #require(sect.first("w:pgSz")), margins = try #require(sect.first("w:pgMar"))
        func value(_ e: Element, _ a: String) -> Double { mm(twips: Int(e[a] ?? "") ?? -1) }
        #expect(abs(value(size, "w:w") - 210) < 0.05)
        #expect(abs(value(size, "w:h") - 297) < 0.05)
        #expect(abs(value(margins, "w:top") - 37) < 0.05)
        #expect(abs(value(margins, "w:left") - 28) < 0.05)
        // The type area is what the standard fixes; right and bottom follow from it.
        #expect(abs(value(size, "w:w") - value(margins, "w:left") - value(margins, "w:right") - 156) < 0.05)
        #expect(abs(value(size, "w:h") - value(margins, "w:top") - value(margins, "w:bottom") - 225) < 0.05)
        #expect(size["w:orient"] == nil)
    }

    @Test func twentyTwoLinesFitTheTypeArea() throws {
        let layout = Layout.gbt9704
        let typeAreaHeight = layout.typeAreaHeight / 25.4 * 72
        #expect(Double(layout.linesPerPage) * layout.linePitch <= typeAreaHeight)
        // Why the pitch is a parameter: a literal line of 3号 (16 pt + 7/8 of it) overflows.
        #expect(22 * (16 + 16 * 7 / 8) > typeAreaHeight)
        // 28 characters a line: they fit, a 29th would not.
        let width = layout.typeAreaWidth / 25.4 * 72
        #expect(28 * layout.characterAdvance <= width)
        #expect(29 * layout.characterAdvance > width)

        let package = try DocxPackage(Self.notice)
        let grid = try #require(try package.sectionProperties.first("w:docGrid"))
        #expect(grid["w:type"] == "lines")
        #expect(grid["w:linePitch"] == "578")
        let defaults = try #require(try package.xml("word/styles.xml").first("w:pPrDefault")?.first("w:spacing"))
        #expect(defaults["w:line"] == "578")
        #expect(defaults["w:lineRule"] == "exact")
        // 28 characters come from the body's size and tracking: 16 pt condensed by 0.25 pt.
        let tracking = try #require(try package.xml("word/styles.xml").first("w:rPrDefault")?.first("w:spacing"))
        #expect(tracking["w:val"] == "-5")

        var tooLoose = Layout.gbt9704
        tooLoose.linePitch = 30
        #expect(throws: Refusal.self) { try DocxWriter.data(for: Self.notice, layout: tooLoose) }
    }

    @Test func organMarkIsRedXiaobiaosong() throws {
        let cases: [(OfficialDocument, [String])] = [
            (Self.plain(), ["政协安化县委员会文件"]),
            (Self.notice, Self.notice.issuingOrgans + ["文件"]),
            (Self.letter, ["政协安化县委员会办公室"]),
            (Self.minutes, ["安化县政协双月协商座谈会纪要"]),
        ]
        for (document, marks) in cases {
            let runs = try DocxPackage(document).document.all("w:r")
            for mark in marks {
                let run = try #require(runs.first { $0.wordText == mark }, "no run “\(mark)” in \(document.format)")
                #expect(run.value("w:color") == "FF0000")
                #expect(run.first("w:rFonts")?["w:eastAsia"] == "方正小标宋简体")
            }
        }
    }

    @Test func documentNumberUsesHexagonBracketsWithoutLeadingZeros() throws {
        #expect(DocumentNumber(prefix: "安政协办联发", year: 2026, serial: 1).text == "安政协办联发〔2026〕1号")
        // The domain's DocumentNumber (XieshangCore) validates what the office types in.
        #expect(DocumentNumber(parsing: "安政协办发〔2026〕3号") == DocumentNumber(prefix: "安政协办发", year: 2026, serial: 3))
        for wrong in ["安政协办发[2026]3号", "安政协办发（2026）3号", "安政协办发〔2026〕03号", "安政协办发〔26〕3号",
                      "安政协办发〔2026〕第3号", "〔2026〕3号", "安政协办发〔2026〕3", "安政协办发〔二〇二六〕3号"] {
            #expect(DocumentNumber(parsing: wrong) == nil, "accepted \(wrong)")
        }
        let number = try #require(try DocxPackage(Self.notice).paragraphs(containing: "〔2026〕").first)
        #expect(number.wordText == "安政协办联发〔2026〕1号")
        #expect(number.value("w:jc") == "center")
        // The red rule under it spans the paragraph, which has no indents: the full type area.
        let rule = try #require(number.first("w:pBdr")?.first("w:bottom"))
        #expect(rule["w:color"] == "FF0000")
        #expect(number.first("w:ind")?["w:left"] == "0" && number.first("w:ind")?["w:right"] == "0")
    }

    @Test func pageNumbersAlternateSides() throws {
        let package = try DocxPackage(Self.notice)
        #expect(try package.xml("word/settings.xml").first("w:evenAndOddHeaders") != nil)
        let odd = try #require(try package.part(referencedBy: "footer", type: "default"))
        let even = try #require(try package.part(referencedBy: "footer", type: "even"))
        let oneCharacter = "280"  // 4号 is 14 pt
        #expect(odd.value("w:jc") == "right" && odd.first("w:ind")?["w:right"] == oneCharacter)
        #expect(even.value("w:jc") == "left" && even.first("w:ind")?["w:left"] == oneCharacter)
        for footer in [odd, even] {
            #expect(footer.first("w:instrText")?.text.trimmingCharacters(in: .whitespaces) == "PAGE")
            #expect(footer.wordText == "— 1 —")
            #expect(footer.value("w:pStyle") == "Footer")
        }
        let style = try #require(try package.xml("word/styles.xml").all("w:style").first { $0["w:styleId"] == "Footer" })
        #expect(style.first("w:rFonts")?["w:ascii"] == "宋体")
        #expect(style.value("w:sz") == "28")
        // The dashes 7 mm below the type area (bottom margin 35 mm), a 4号 line under their
        // tops: the footer's foot sits about 25 mm up (tests/documents measures the dashes).
        let footer = mm(twips: try #require(try package.sectionProperties.int("w:pgMar", "w:footer")))
        #expect((24.0...26.5).contains(footer))
    }

    @Test func letterFormatHasNoPageNumberOnFirstPage() throws {
        let letter = try DocxPackage(Self.letter)
        #expect(try letter.sectionProperties.first("w:titlePg") != nil)
        let first = try #require(try letter.part(referencedBy: "footer", type: "first"))
        #expect(first.first("w:instrText") == nil && first.first("w:fldSimple") == nil)
        #expect(try letter.part(referencedBy: "footer", type: "default")?.first("w:instrText") != nil)
        // The other formats number page 1 too.
        #expect(try DocxPackage(Self.notice).sectionProperties.first("w:titlePg") == nil)
    }

    @Test func letterRulesAreRedDoublesOf170Millimetres() throws {
        let anchors = try DocxPackage(Self.letter).document.all("wp:anchor")
        let bars = anchors.filter { $0.first("a:prstGeom")?["prst"] == "rect" && $0.first("a:solidFill") != nil }
        #expect(bars.count == 4)
        for bar in bars {
            #expect(bar.first("a:srgbClr")?["val"] == "FF0000")
            #expect(abs(mm(emu: Int(bar.first("wp:extent")?["cx"] ?? "") ?? 0) - 170) < 0.01)
            #expect(abs(mm(emu: Int(bar.first("wp:positionH")?.first("wp:posOffset")?.text ?? "") ?? 0) - 20) < 0.01)
        }
        let tops = bars.map { mm(emu: Int($0.first("wp:positionV")?.first("wp:posOffset")?.text ?? "") ?? 0) }
        let heights = bars.map { mm(emu: Int($0.first("wp:extent")?["cy"] ?? "") ?? 0) }
        // Thick over thin under the mark; thin over thick, its bottom 20 mm above the paper's.
        #expect(heights[0] > heights[1] && heights[2] < heights[3])
        #expect(abs(tops[3] + heights[3] - 277) < 0.01)
        // The mark is in a text box 30 mm from the top (its ink, give or take a millimetre).
        let mark = try #require(anchors.first { $0.wordText == "政协安化县委员会办公室" })
        let markTop = mm(emu: Int(mark.first("wp:positionV")?.first("wp:posOffset")?.text ?? "") ?? 0)
        #expect((26...30).contains(markTop))
        #expect(tops[0] > markTop)
    }

    @Test func recordRulesAreThickOutsideAndThinBetween() throws {
        let box = try #require(try DocxPackage(Self.notice).document.all("wp:anchor").first { $0.wordText.contains("抄送") })
        // The box's foot, and the text standing on it, on the type area's bottom edge (37 + 225 mm).
        let position = try #require(box.first("wp:positionV"))
        #expect(position["relativeFrom"] == "page")
        let top = mm(emu: Int(position.first("wp:posOffset")?.text ?? "") ?? 0)
        let height = mm(emu: Int(box.first("wp:extent")?["cy"] ?? "") ?? 0)
        #expect(abs(top + height - 262) < 0.01)
        #expect(box.first("wps:bodyPr")?["anchor"] == "b")
        let borders = try #require(box.first("w:tblBorders"))
        #expect(borders.first("w:top")?["w:sz"] == "8")      // 0.35 mm ≈ 1 pt
        #expect(borders.first("w:bottom")?["w:sz"] == "8")
        #expect(borders.first("w:insideH")?["w:sz"] == "6")  // 0.25 mm ≈ 0.75 pt
        #expect(box.wordText.contains("抄送：县委各位常委，"))
        #expect(box.wordText.contains("政协安化县委员会办公室\t2026年12月1日印发"))
    }

    @Test func dateIsArabicFourCharactersFromTheRight() throws {
        let date = try #require(try DocxPackage(Self.plain()).document.all("w:p").first { $0.wordText == "2026年12月1日" })
        #expect(date.value("w:jc") == "right")
        #expect(date.first("w:ind")?["w:right"] == "\(Int((4 * Layout.gbt9704.characterAdvance * 20).rounded()))")
    }

    @Test func addresseeIsFlushLeftWithFullWidthColon() throws {
        for written in ["各专门委员会", "各专门委员会:", "各专门委员会："] {
            var document = Self.plain()
            document.addressee = written
            let p = try #require(try DocxPackage(document).paragraphs(containing: "各专门委员会").first)
            #expect(p.wordText == "各专门委员会：")
            #expect(p.value("w:pStyle") == "Addressee")
        }
    }

    @Test func bodyIsIndentedTwoCharactersWithHeitiAndKaitiHeadings() throws {
        let styles = try DocxPackage(Self.notice).xml("word/styles.xml").all("w:style")
        func style(_ id: String) -> Element? { styles.first { $0["w:styleId"] == id } }
        #expect(style("Body")?.first("w:ind")?["w:firstLine"] == "630")  // 2 × 15.75 pt
        #expect(style("Heading1")?.first("w:rFonts")?["w:eastAsia"] == "黑体")
        #expect(style("Heading2")?.first("w:rFonts")?["w:eastAsia"] == "楷体_GB2312")
        #expect(style("DocTitle")?.first("w:rFonts")?["w:eastAsia"] == "方正小标宋简体")
        #expect(style("DocTitle")?.value("w:sz") == "44")
        let defaults = try #require(try DocxPackage(Self.notice).xml("word/styles.xml").first("w:rPrDefault"))
        #expect(defaults.first("w:rFonts")?["w:eastAsia"] == "仿宋_GB2312")
        #expect(defaults.value("w:sz") == "32")
    }

    @Test func xmlSpecialCharactersAreEscaped() throws {
        let nasty = "A&B <c> \"d\" 'e' ]]> \u{0}\u{1}\u{B}\u{FFFE}尾"
        var document = Self.plain(organs: ["政协<安化>&县"], title: nasty)
        document.body = [.paragraph(nasty), .table(header: [nasty], rows: [[nasty]], columnWidths: nil)]
        document.recipient = nasty
        document.copyTo = [nasty]
        let package = try DocxPackage(document)
        for (path, data) in package.parts where path.hasSuffix(".xml") || path.hasSuffix(".rels") {
            #expect(throws: Never.self, "\(path) does not parse") { try Element.parse(data) }
        }
        let clean = "A&B <c> \"d\" 'e' ]]> 尾"
        let doc = try package.document
        #expect(doc.all("w:p").filter { $0.wordText == clean }.count >= 2)
        #expect(doc.all("w:r").contains { $0.wordText == "政协<安化>&县文件" })
        #expect(try package.xml("docProps/core.xml").first("dc:title")?.text == clean)
        #expect(try package.part(referencedBy: "header", type: "default")?.wordText == "分发对象：" + clean)
        #expect(XML.escape("a&<>\"'\t") == "a&amp;&lt;&gt;&quot;&apos;&#9;")
    }

    @Test(arguments: OfficialDocument.Sample.allCases)
    func outputIsAValidZipWithTheRequiredParts(_ sample: OfficialDocument.Sample) throws {
        let package = try DocxPackage(OfficialDocument.sample(sample))
        #expect(package.entryPaths.first == "[Content_Types].xml")
        for required in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                         "word/settings.xml", "word/_rels/document.xml.rels", "word/fontTable.xml",
                         "docProps/core.xml", "docProps/app.xml"] {
            #expect(package.parts[required] != nil, "missing \(required)")
        }
        for (path, data) in package.parts {
            #expect(throws: Never.self, "\(path) does not parse") { try Element.parse(data) }
        }
        // Every part but the relationships has a content type, and every relationship a target.
        let types = try package.xml("[Content_Types].xml")
        let overrides = Set(types.all("Override").compactMap { $0["PartName"] })
        for path in package.parts.keys where !path.hasSuffix(".rels") && path != "[Content_Types].xml" {
            #expect(overrides.contains("/" + path), "no content type for \(path)")
        }
        for (rels, base) in [("_rels/.rels", ""), ("word/_rels/document.xml.rels", "word/")] {
            for rel in try package.xml(rels).all("Relationship") {
                #expect(package.parts[base + (rel["Target"] ?? "")] != nil, "dangling \(rel["Target"] ?? "")")
            }
        }
        // Headers and footers for odd and even pages (and page 1 of a letter) all exist.
        for type in ["default", "even"] + (sample == .letter ? ["first"] : []) {
            #expect(try package.part(referencedBy: "header", type: type) != nil)
            #expect(try package.part(referencedBy: "footer", type: type) != nil)
        }
    }
}

@Suite("DocxWriter: input and output")
struct DocxWriterTests {
    @Test func sameDocumentGivesTheSameBytes() throws {
        let a = try DocxWriter.data(for: .sample(.notice)), b = try DocxWriter.data(for: .sample(.notice))
        #expect(a == b)
    }

    @Test func copyNumberMustBeSixDigits() {
        var document = OfficialDocument.sample(.notice)
        for wrong in ["12", "0000012", "00001a", "０００００１"] {
            document.copyNumber = wrong
            #expect(throws: Refusal.self) { try DocxWriter.data(for: document) }
        }
    }

    @Test func documentWithoutIssuingOrganIsRefused() {
        var document = OfficialDocument.sample(.notice)
        document.issuingOrgans = [" "]
        #expect(throws: Refusal.self) { try DocxWriter.data(for: document) }
    }

    @Test func recipientLineIsOnEveryPageHeader() throws {
        let package = try DocxPackage(.sample(.letter))
        for type in ["default", "even", "first"] {
            #expect(try package.part(referencedBy: "header", type: type)?.wordText == "分发对象：李明华")
        }
        var copy = OfficialDocument.sample(.letter)
        copy.copyNumber = "000012"
        #expect(copy.recipientLine == "分发对象：李明华　份号：000012")
    }

    @Test func minutesListAttendeesUnderHeitiLabels() throws {
        let p = try #require(try DocxPackage(.sample(.minutes)).paragraphs(containing: "出席：").first)
        let label = try #require(p.all("w:r").first)
        #expect(label.wordText == "出席：")
        #expect(label.first("w:rFonts")?["w:eastAsia"] == "黑体")
        // Wrapped names line up after the colon: the hanging indent is the label's width.
        #expect(p.first("w:ind")?["w:hanging"] != nil)
    }
}
