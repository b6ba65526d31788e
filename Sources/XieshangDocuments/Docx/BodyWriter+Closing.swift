import Foundation

/// What follows the body: signature and date, notes, attachments, and the record (版记).
extension BodyWriter {
    /// 署名 and 成文日期 (GB/T 9704 §7.3.5). Sealed: the date four characters from the right,
    /// the signing organ centred over it, room above for the seal (whose top must come within
    /// a line of the body); joint organs side by side, room for a seal each. Not sealed: the
    /// signatures stacked two characters from the right, the date under them starting two
    /// characters further right (or two from the right if longer). The end of the body, the
    /// signature and the date are kept on one page: none of them is left alone on a page.
    mutating func signatureAndDate() {
        let signatures = document.signatures.filter { !$0.isEmpty }
        keepingTogether = true
        if !document.sealed {
            unsealedSignatures(signatures)
        } else if signatures.count <= 1 {
            sealedSignature(signatures.first)
        } else {
            sealedJointSignatures(signatures)
        }
    }

    private var sealRadius: Millimetres { layout.sealDiameter / 2 }
    /// The top of a body line's ink, below the line's top.
    private var inkTop: Millimetres { Units.mm(points: Ink.top(line: layout.linePitch, size: layout.bodyFontSize)) }

    /// Blank lines before the first signature so that a seal centred on its ink top clears
    /// the body by less than a line.
    private var blankLinesBeforeSeal: Int {
        max(1, Int(((sealRadius - inkTop) / Units.mm(points: layout.linePitch)).rounded(.up)))
    }

    private mutating func dateLine(right: Double) {
        keepingTogether = false
        emit(ParagraphProperties(style: "Body", indent: .init(right: chars(max(0, right))), alignment: "right"),
             RunProperties().runs(document.date.chinese))
    }

    private mutating func sealedSignature(_ signature: String?) {
        let dateWidth = Ink.width(document.date.chinese)
        blankLines(blankLinesBeforeSeal)
        if let signature {
            let right = max(0, 4 + (dateWidth - Ink.width(signature)) / 2)
            emit(ParagraphProperties(style: "Body", keepNext: true, indent: .init(right: chars(right)), alignment: "right"),
                 RunProperties().runs(signature))
        }
        dateLine(right: 4)
    }

    /// Up to three organs a row (as many as fit with their seals), each centred in its column;
    /// rows far enough apart that the seals would not touch.
    private mutating func sealedJointSignatures(_ signatures: [String]) {
        let width = layout.typeAreaWidth
        let longest = Units.mm(points: ((signatures.map(Ink.width).max() ?? 0) + 1) * layout.characterAdvance)
        let perRow = max(1, min(3, signatures.count, Int(width / max(longest, layout.sealDiameter))))
        let column = width / Double(perRow)
        let sealLines = Int((layout.sealDiameter / Units.mm(points: layout.linePitch)).rounded(.up))
        blankLines(blankLinesBeforeSeal)
        for (r, start) in stride(from: 0, to: signatures.count, by: perRow).enumerated() {
            // Rows `sealLines` lines apart, so that one row's seals clear the next.
            if r > 0 { blankLines(sealLines - 1) }
            let row = Array(signatures[start..<min(signatures.count, start + perRow)])
            // A short last row takes the right-hand columns, above the date.
            let first = perRow - row.count
            let tabs = (first..<perRow).map { (Units.twips(mm: column * (Double($0) + 0.5)), "center") }
            emit(ParagraphProperties(style: "Body", keepNext: true, tabs: tabs, indent: .init(), alignment: "left"),
                 RunProperties().runs(row.map { "\t" + $0 }.joined()))
        }
        dateLine(right: 4)
    }

    private mutating func unsealedSignatures(_ signatures: [String]) {
        let dateWidth = Ink.width(document.date.chinese)
        let sigWidth = signatures.map(Ink.width).max() ?? 0
        blankLines(1)
        // The date starts two characters right of the signature, unless that puts it closer
        // than two characters to the margin.
        let dateRight = signatures.isEmpty ? 2 : max(2, sigWidth - dateWidth)
        let sigRight = dateRight + dateWidth + 2 - sigWidth
        for signature in signatures {
            emit(ParagraphProperties(style: "Body", keepNext: true, indent: .init(right: chars(sigRight)), alignment: "right"),
                 RunProperties().runs(signature))
        }
        dateLine(right: dateRight)
    }

    /// 附注: the line under the date, two characters in, in parentheses.
    mutating func notes() {
        guard var note = document.notes?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty else { return }
        if !(note.hasPrefix("（") || note.hasPrefix("(")) { note = "（" + note + "）" }
        emit(ParagraphProperties(style: "Body"), RunProperties().runs(note), lines: lineCount(note, indent: nil))
    }

    /// Each attachment on a new page: "附件" top left in 黑体, its title centred on the third line.
    mutating func attachments() {
        for attachment in document.attachments {
            pageBreak()
            emit(ParagraphProperties(style: "Body", indent: .init()), RunProperties(font: layout.fonts.heiti).runs(attachment.label))
            blankLines(1)
            title(attachment.title)
            blankLines(1)
            blocks(attachment.body)
        }
    }

    /// 版记 at the foot of the last page, in a text box aligned to the bottom of the type
    /// area so that its last rule lies on the type area's bottom edge however long the body
    /// is: 抄送 and 印发 in 4号 仿宋 one character in, between rules as wide as the type area
    /// (outer 0.35 mm, inner 0.25 mm), drawn as the borders of a one-column table because
    /// paragraph borders stop at the indents. The letter format keeps only 抄送, without rules
    /// (GB/T 9704 §10.1), set after the date so that a one-page letter stays one page.
    ///
    /// The record's page is the last and must be even, the back of the last sheet (§7.4). It
    /// shares the page where the body ends when that page is even with room to spare;
    /// otherwise it starts a section of its own on the next even page, and Word, WPS and
    /// LibreOffice add the blank page between when one is needed, which stays right even
    /// where the estimate of the body's end is a line out.
    mutating func record() {
        let copyTo = document.copyTo.filter { !$0.isEmpty }
        if document.format == .letter {
            if !copyTo.isEmpty { letterCopyTo(copyTo) }
            return
        }
        guard !copyTo.isEmpty || document.printer != nil else { return }
        let printing = document.printer
        let size = layout.recordFontSize
        let inset = Units.twips(size * layout.pageNumberInset)
        var rows: [String] = []
        var lines = 0
        if !copyTo.isEmpty {
            let label = "抄送："
            let text = label + copyTo.joined(separator: "，") + "。"
            let hang = Units.twips(size * Ink.width(label))
            let indent = ParagraphProperties.Indent(left: inset + hang, right: inset, hanging: hang)
            lines += lineCount(text, indent: indent, size: size)
            rows.append(ParagraphProperties(style: "Record", indent: indent).paragraph(RunProperties().runs(text)))
        }
        if let printer = printing {
            let when = (document.printDate ?? document.date).chinese + "印发"
            lines += 1
            rows.append(ParagraphProperties(style: "Record", tabs: [(typeWidth - inset, "right")],
                                            indent: .init(left: inset, right: inset))
                .paragraph(RunProperties().runs(printer + "\t" + when)))
        }
        func rule(_ side: String, _ mm: Millimetres?) -> String {
            guard let mm else { return "<w:\(side) w:val=\"nil\"/>" }
            return "<w:\(side) w:val=\"single\" w:sz=\"\(Units.eighths(mm: mm))\" w:space=\"0\" w:color=\"000000\"/>"
        }
        let table = """
            <w:tbl><w:tblPr><w:tblW w:w="\(typeWidth)" w:type="dxa"/><w:tblBorders>\(rule("top", layout.recordOuterRule))\(rule("left", nil))\
            \(rule("bottom", layout.recordOuterRule))\(rule("right", nil))\(rule("insideH", layout.recordInnerRule))\
            \(rule("insideV", nil))</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>\
            <w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>\
            <w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="\(typeWidth)"/></w:tblGrid>
            """ + rows.map { "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"\(typeWidth)\" w:type=\"dxa\"/>"
                + "</w:tcPr>\($0)</w:tc></w:tr>" }.joined() + "</w:tbl>"
        // A cell's content cannot end the text box: Word wants a paragraph after a table.
        let after = hairline.paragraph("")
        // Half a line more than the rows need: the text sits on the box's bottom edge, which
        // is placed from the page's top (LibreOffice puts a box aligned to the margin's bottom
        // up to 2 mm off, differently on a page of its own and on a page with text).
        let height = (Double(lines) + 0.5) * Units.mm(points: layout.linePitch)
        let box = Shapes.textBox(id: shapeID(), name: "版记",
                                 .init(x: 0, y: layout.marginTop + layout.typeAreaHeight - height, width: layout.typeAreaWidth,
                                       height: height, horizontal: .margin, vertical: .page, textAtBottom: true,
                                       pushesText: true),
                                 paragraphs: table + after)
        flow.flush()
        let shares = flow.page % 2 == 0 && flow.remaining >= Units.points(mm: height) + layout.linePitch
        if !shares {
            var end = hairline
            end.section = PackageParts.sectionProperties(layout, variants: PackageParts.variants(for: document))
            xml += end.paragraph("")
            recordSection = true
        }
        // The box sits on the page of its anchor, the last paragraph: a hairline, so that it
        // adds no page of its own.
        xml += hairline.paragraph(box)
    }

    /// An empty paragraph a tenth of a point high.
    var hairline: ParagraphProperties { ParagraphProperties(before: 0, after: 0, exactLine: 2, markSize: 1) }

    private mutating func letterCopyTo(_ copyTo: [String]) {
        let label = "抄送："
        let size = layout.recordFontSize
        let hang = Units.twips(size * Ink.width(label))
        let inset = Units.twips(size * layout.pageNumberInset)
        blankLines(1)
        let indent = ParagraphProperties.Indent(left: inset + hang, right: inset, hanging: hang)
        let text = label + copyTo.joined(separator: "，") + "。"
        emit(ParagraphProperties(style: "Record", indent: indent), RunProperties().runs(text),
             lines: lineCount(text, indent: indent, size: size))
    }
}
