import Foundation
import XieshangCore

/// Lays out `word/document.xml`'s body: masthead (版头), body (主体) and record (版记), in the
/// order and at the distances of GB/T 9704-2012. Vertical places are made of lines of exact
/// height, so they land where the standard says whatever the fonts' own line gaps, and so a
/// `PageFlow` can follow which page each line falls on.
struct BodyWriter {
    let document: OfficialDocument
    let layout: Layout
    var xml = ""
    var flow: PageFlow
    /// The record starts a section of its own on the next even page (see `record()`).
    var recordSection = false
    private var nextShapeID = 1
    /// A `.pageBreak` waits for the next paragraph, which starts the new page itself; an empty
    /// paragraph holding the break would leave a blank line at the top of the page.
    private var pendingPageBreak = false
    /// Every paragraph is kept with the next while set: the end of the body, the signature
    /// and the date go to a page together (GB/T 9704 §7.3.5.4: no page holds only them).
    var keepingTogether = false

    init(document: OfficialDocument, layout: Layout) {
        self.document = document
        self.layout = layout
        self.flow = PageFlow(pageHeight: Units.points(mm: layout.typeAreaHeight))
    }

    static func body(for document: OfficialDocument, layout: Layout) -> (xml: String, recordSection: Bool) {
        var w = BodyWriter(document: document, layout: layout)
        switch document.format {
        case .document: w.documentMasthead()
        case .letter: w.letterMasthead()
        case .minutes: w.minutesMasthead()
        case .plain: w.topLeftLines(w.topLeftItems())
        }
        if document.format != .minutes { w.titleAndAddressee() }
        let signs = document.format != .minutes && document.signsOff
        w.blocks(document.body, keepingLastWithNext: signs)
        if signs { w.signatureAndDate() }
        w.notes()
        w.attachments()
        w.record()
        return (w.xml, w.recordSection)
    }

    // MARK: Units

    var typeWidth: Int { Units.twips(mm: layout.typeAreaWidth) }
    /// `n` body characters (as set, after condensing), in twips.
    func chars(_ n: Double) -> Int { Units.twips(n * layout.characterAdvance) }
    var red: String { layout.red }

    /// Characters of `size` (condensed like the body) in `twips`.
    func characters(inTwips twips: Int, size: Points) -> Double {
        Double(twips) / 20 / (size + layout.characterCondensing)
    }

    /// Lines `text` takes in a paragraph with `indent` (nil: the style's, two characters on the
    /// first line for the body and the headings), at `size`, across `width` twips.
    func lineCount(_ text: String, indent: ParagraphProperties.Indent?, size: Points? = nil, width: Int? = nil) -> Int {
        let size = size ?? layout.bodyFontSize
        let indent = indent ?? .init(firstLine: chars(2))
        let width = width ?? typeWidth
        let rest = characters(inTwips: width - indent.left - indent.right, size: size)
        let first = characters(inTwips: width - indent.left - indent.right - indent.firstLine + indent.hanging, size: size)
        return LineBreaking.lines(text, first: first, rest: rest)
    }

    // MARK: Emitting

    /// A paragraph of `lines` lines, each the paragraph's exact line or the body's pitch.
    mutating func emit(_ p: ParagraphProperties, _ content: String = "", lines: Int = 1) {
        var p = p
        // A blank line does not start the chain: it may stay at the foot of the page above.
        if keepingTogether && (!content.isEmpty || flow.isHolding) { p.keepNext = true }
        if pendingPageBreak {
            p.pageBreakBefore = true
            pendingPageBreak = false
            flow.breakPage()
        }
        let height = p.exactLine.map { Double($0) / 20 } ?? layout.linePitch
        let keeps = p.keepNext || ["Heading1", "Heading2", "Heading3", "DocTitle"].contains(p.style ?? "")
        flow.place(Array(repeating: height, count: max(1, lines)), keepWithNext: keeps)
        xml += p.paragraph(content)
    }

    /// A table of rows `rowHeights` high (the first the header when `repeatsHeader`).
    mutating func emitTable(_ table: String, rowHeights: [Points], repeatsHeader: Bool = false) {
        if pendingPageBreak {
            // A table cannot start a page itself: a hairline paragraph carries the break.
            pendingPageBreak = false
            flow.breakPage()
            xml += ParagraphProperties(exactLine: 2, markSize: 1).paragraph("<w:r><w:br w:type=\"page\"/></w:r>")
        }
        flow.placeRows(rowHeights, header: repeatsHeader ? rowHeights.first : nil)
        xml += table
    }

    mutating func pageBreak() { pendingPageBreak = true }

    /// Blank body lines; none at the top of a page, where it would only push the page's text down.
    mutating func blankLines(_ n: Int) {
        for _ in 0..<max(0, n) where !pendingPageBreak && !(flow.startsPage(layout.linePitch) && !xml.isEmpty) {
            emit(ParagraphProperties(style: "Body", indent: .init()))
        }
    }

    /// One empty paragraph exactly `height` high, carrying `content` (floating shapes).
    mutating func spacer(_ height: Points, content: String = "") {
        guard height >= 0.5 || !content.isEmpty else { return }
        emit(ParagraphProperties(before: 0, after: 0,
                                 exactLine: max(1, Units.twips(height)), markSize: 1), content)
    }

    mutating func shapeID() -> Int {
        defer { nextShapeID += 1 }
        return nextShapeID
    }

    // MARK: Shared masthead pieces

    /// 份号, 密级和保密期限, 紧急程度: top left, one per line (份号 first).
    func topLeftItems() -> [(text: String, font: String)] {
        var items: [(String, String)] = []
        if let n = document.copyNumber { items.append((n, layout.fonts.body)) }
        if let s = document.secrecy, !s.isEmpty { items.append((s, layout.fonts.heiti)) }
        if let u = document.urgency, !u.isEmpty { items.append((u, layout.fonts.heiti)) }
        return items
    }

    mutating func topLeftLines(_ items: [(text: String, font: String)]) {
        for item in items {
            emit(ParagraphProperties(style: "Body", indent: .init(), alignment: "left"),
                 RunProperties(font: item.font).runs(item.text))
        }
    }

    /// The largest size up to `maximum` at which `text` fits the type area on one line, in
    /// half points (a long organ name is set smaller rather than wrapped).
    func fittingSize(_ text: String, maximum: Points) -> Points {
        let available = Units.points(mm: layout.typeAreaWidth)
        let size = min(maximum, available / max(1, Ink.width(text)) * 0.98)
        return (size * 2).rounded(.down) / 2
    }

    func markRun(_ text: String, size: Points) -> String {
        RunProperties(font: layout.fonts.title, color: red, size: size).runs(text)
    }

    /// A centred mark line (organ mark, minutes mark) of exact height for `size`.
    func markProperties(size: Points) -> ParagraphProperties {
        ParagraphProperties(style: "OrganMark", before: 0, after: 0,
                            exactLine: Units.twips(Ink.line(for: size)), indent: .init(), alignment: "center")
    }

    func markParagraph(_ text: String, size: Points) -> String {
        markProperties(size: size).paragraph(markRun(text, size: size))
    }

    /// Space before a mark so that its ink's top edge lies `organMarkOffset` below the type
    /// area's top, after `linesAbove` body lines.
    func markSpacer(linesAbove: Int, line: Points, size: Points) -> Points {
        Units.points(mm: layout.organMarkOffset) - Double(linesAbove) * layout.linePitch - Ink.top(line: line, size: size)
    }

    /// The red rule as the bottom border of a body line, `gap` below its ink.
    func ruleBelowLine(gap: Millimetres, thickness: Millimetres) -> ParagraphProperties.Border {
        let inkToLineBottom = layout.linePitch - Ink.bottom(line: layout.linePitch, size: layout.bodyFontSize)
        // LibreOffice draws the border about 3 pt lower than Word does; half of it splits the
        // difference, leaving both within half a millimetre of the gap.
        let space = Units.points(mm: gap) - inkToLineBottom - 1.5
        // Word stores the border distance in whole points, at most 31.
        return .init(width: max(2, Units.eighths(mm: thickness)), space: Int(min(31, max(0, space)).rounded()), color: red)
    }

    // MARK: 文件格式

    mutating func documentMasthead() {
        let items = topLeftItems()
        topLeftLines(items)
        let organs = document.issuingOrgans.filter { !$0.isEmpty }
        if organs.count == 1 {
            let text = organs[0] + "文件"
            let size = fittingSize(text, maximum: layout.organMarkFontSize)
            let line = Ink.line(for: size)
            spacer(markSpacer(linesAbove: items.count, line: line, size: size))
            emit(markProperties(size: size), markRun(text, size: size))
        } else {
            jointOrganMark(organs, linesAbove: items.count)
        }
        // Two blank lines, then the number centred with the red rule under it (a document
        // without its number is refused: see `OfficialDocument.validate`).
        blankLines(2)
        let number = document.documentNumber ?? ""
        emit(ParagraphProperties(style: "DocumentNumber",
                                 bottom: ruleBelowLine(gap: layout.documentRuleGap, thickness: layout.documentRuleThickness),
                                 indent: .init(), alignment: "center"),
             RunProperties().runs(number))
        blankLines(2)
    }

    /// Joint issuance: the organs stacked, each spread to the same width, with "文件" to their
    /// right centred on the stack, the usual red head of a joint document.
    mutating func jointOrganMark(_ organs: [String], linesAbove: Int) {
        let longest = organs.map(Ink.width).max() ?? 1
        var nameSize = layout.jointOrganFontSize
        var fileSize = layout.organMarkFontSize
        let available = Units.points(mm: layout.typeAreaWidth) * 0.98
        let gapFactor = 0.5
        let total = (longest + 0.5) * nameSize + gapFactor * nameSize + 2 * fileSize
        if total > available {
            nameSize *= available / total
            fileSize *= available / total
        }
        let nameLine = Ink.line(for: nameSize)
        let stack = Double(organs.count) * nameLine
        fileSize = min(fileSize, stack / 1.2)
        // Half a character of slack: a renderer's rounding must not wrap the longest name.
        let nameWidth = Units.twips((longest + 0.5) * nameSize)
        let gap = Units.twips(gapFactor * nameSize)
        let fileWidth = Units.twips(2 * fileSize) + gap
        spacer(markSpacer(linesAbove: linesAbove, line: nameLine, size: nameSize))
        let names = organs.map {
            ParagraphProperties(style: "OrganMark", before: 0, after: 0,
                                exactLine: Units.twips(nameLine), indent: .init(), alignment: "distribute")
                .paragraph(markRun($0, size: nameSize))
        }.joined()
        let file = ParagraphProperties(style: "OrganMark", before: 0, after: 0,
                                       exactLine: Units.twips(Ink.line(for: fileSize)), indent: .init(), alignment: "left")
            .paragraph(markRun("文件", size: fileSize))
        let height = max(stack, Ink.line(for: fileSize))
        emitTable("""
            <w:tbl><w:tblPr><w:tblW w:w="\(nameWidth + fileWidth)" w:type="dxa"/><w:jc w:val="center"/>\
            <w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>\
            <w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders><w:tblLayout w:type="fixed"/>\
            <w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>\
            <w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>\
            <w:tblGrid><w:gridCol w:w="\(nameWidth)"/><w:gridCol w:w="\(fileWidth)"/></w:tblGrid>\
            <w:tr><w:trPr><w:cantSplit/></w:trPr>\
            <w:tc><w:tcPr><w:tcW w:w="\(nameWidth)" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>\(names)</w:tc>\
            <w:tc><w:tcPr><w:tcW w:w="\(fileWidth)" w:type="dxa"/><w:tcMar><w:left w:w="\(gap)" w:type="dxa"/></w:tcMar>\
            <w:vAlign w:val="center"/></w:tcPr>\(file)</w:tc></w:tr></w:tbl>
            """, rowHeights: [height])
    }

    // MARK: 信函格式

    /// Organ mark 30 mm from the paper's top (above the type area, so it floats), a red double
    /// rule (thick over thin) 4 mm under it and another (thin over thick) 20 mm above the
    /// paper's bottom, both 170 mm long and centred; the number flush right under the first.
    mutating func letterMasthead() {
        let organ = document.issuingOrgans.first { !$0.isEmpty } ?? ""
        let size = fittingSize(organ, maximum: layout.letterOrganMarkFontSize)
        let line = Ink.line(for: size)
        let markTop = layout.letterOrganMarkTop - Units.mm(points: Ink.top(line: line, size: size))
        let markInkBottom = markTop + Units.mm(points: Ink.bottom(line: line, size: size))
        let ruleX = (layout.pageWidth - layout.letterRuleLength) / 2
        let thickTop = markInkBottom + layout.letterRuleGap
        let thinTop = thickTop + layout.letterThickRule + layout.letterRuleSpacing
        let bottomThickTop = layout.pageHeight - layout.letterBottomRuleDistance - layout.letterThickRule
        let bottomThinTop = bottomThickTop - layout.letterRuleSpacing - layout.letterThinRule

        var shapes = Shapes.textBox(id: shapeID(), name: "发文机关标志",
                                    .init(x: layout.marginLeft, y: markTop, width: layout.typeAreaWidth,
                                          height: Units.mm(points: line)),
                                    paragraphs: markParagraph(organ, size: size))
        for (name, top, height) in [("版头粗线", thickTop, layout.letterThickRule),
                                    ("版头细线", thinTop, layout.letterThinRule),
                                    ("页脚细线", bottomThinTop, layout.letterThinRule),
                                    ("页脚粗线", bottomThickTop, layout.letterThickRule)] {
            shapes += Shapes.bar(id: shapeID(), name: name,
                                 .init(x: ruleX, y: top, width: layout.letterRuleLength, height: height), color: red)
        }
        let ruleBottom = thinTop + layout.letterThinRule
        spacer(max(0, Units.points(mm: ruleBottom - layout.marginTop)), content: shapes)

        // 份号 etc. flush left, the number flush right on the first line.
        var items = topLeftItems()
        let number = document.documentNumber ?? ""
        if items.isEmpty && !number.isEmpty { items = [("", layout.fonts.body)] }
        for (i, item) in items.enumerated() {
            var content = RunProperties(font: item.font).runs(item.text)
            if i == 0 && !number.isEmpty { content += RunProperties().runs("\t" + number) }
            emit(ParagraphProperties(style: "Body", tabs: [(typeWidth, "right")], indent: .init(), alignment: "left"), content)
        }
        // The title two lines below the last of these, that is one blank line between.
        blankLines(1)
    }

    // MARK: 纪要格式

    /// "×××纪要" in red 小标宋 35 mm below the type area's top, the issue under it, then the
    /// issuing organ and the date on one line above the red rule.
    mutating func minutesMasthead() {
        let items = topLeftItems()
        topLeftLines(items)
        let size = fittingSize(document.title.replacingOccurrences(of: "\n", with: ""), maximum: layout.minutesMarkFontSize)
        let line = Ink.line(for: size)
        spacer(markSpacer(linesAbove: items.count, line: line, size: size))
        for part in document.title.split(separator: "\n") { emit(markProperties(size: size), markRun(String(part), size: size)) }
        blankLines(1)
        draftMarkLine()
        if let number = document.documentNumber, !number.isEmpty {
            emit(ParagraphProperties(style: "DocumentNumber", indent: .init(), alignment: "center"), RunProperties().runs(number))
        }
        let organ = document.issuingOrgans.first ?? ""
        let inset = chars(1)
        // One character in on both sides by tab stops, not indents: the rule under the line
        // spans the paragraph's indents and must span the type area.
        emit(ParagraphProperties(style: "Body",
                                 bottom: ruleBelowLine(gap: layout.documentRuleGap, thickness: layout.documentRuleThickness),
                                 tabs: [(inset, "left"), (typeWidth - inset, "right")],
                                 indent: .init(), alignment: "left"),
             RunProperties().runs("\t" + organ + "\t" + document.date.chinese))
        blankLines(1)
    }

    // MARK: Title and addressee

    /// 2号 小标宋, centred, broken into lines where the meaning stays whole; the draft mark
    /// under it; one blank line, then the addressee flush left.
    mutating func titleAndAddressee() {
        title(document.title)
        draftMarkLine()
        blankLines(1)
        if var addressee = document.addressee?.trimmingCharacters(in: .whitespacesAndNewlines), !addressee.isEmpty {
            if addressee.hasSuffix(":") { addressee.removeLast() }
            if !addressee.hasSuffix("：") { addressee += "：" }
            emit(ParagraphProperties(style: "Addressee"), RunProperties().runs(addressee),
                 lines: lineCount(addressee, indent: .init()))
        }
    }

    /// A title (the document's or an attachment's) in lines that fit the type area.
    mutating func title(_ text: String) {
        let lines = titleLines(text)
        emit(ParagraphProperties(style: "DocTitle"), RunProperties().runs(lines.joined(separator: "\n")), lines: lines.count)
    }

    func titleLines(_ text: String) -> [String] {
        let capacity = (characters(inTwips: typeWidth, size: layout.titleFontSize)).rounded(.down)
        let organs = (document.issuingOrgans + document.signatures).filter { !$0.isEmpty }
        return TitleBreaker(capacity: capacity, words: organs + Vocabulary.all).lines(text)
    }

    /// "（征求意见稿）" centred in 楷体 under the title, for what is not yet issued.
    mutating func draftMarkLine() {
        guard var mark = document.draftMark?.trimmingCharacters(in: .whitespaces), !mark.isEmpty else { return }
        if !mark.hasPrefix("（") { mark = "（" + mark + "）" }
        emit(ParagraphProperties(style: "Body", indent: .init(), alignment: "center"),
             RunProperties(font: layout.fonts.kaiti).runs(mark))
    }
}
