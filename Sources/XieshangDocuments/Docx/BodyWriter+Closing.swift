import Foundation

/// What follows the body: signature and date, notes, attachments, and the record (版记).
extension BodyWriter {
    /// With a seal (GB/T 9704 §7.3.5.1): the date four characters from the right, each
    /// signing organ centred over it, the seal's place a circle whose top is within a line of
    /// the body. Without (§7.3.5.2): the signature two characters from the right and the date
    /// under it starting two characters further right (or itself two from the right if longer).
    mutating func signatureAndDate() {
        let date = document.date.chinese
        let dateWidth = Ink.width(date)
        let signatures = document.signatures.filter { !$0.isEmpty }
        let sigWidth = signatures.map(Ink.width).max() ?? 0
        var dateRight: Double
        var sigRight: [Double]
        if document.sealPlaceholder {
            dateRight = 4
            sigRight = signatures.map { max(0, 4 + (dateWidth - Ink.width($0)) / 2) }
        } else if signatures.isEmpty {
            dateRight = 2
            sigRight = []
        } else if sigWidth - 2 >= dateWidth {
            dateRight = 2 + sigWidth - 2 - dateWidth
            sigRight = signatures.map { 2 + (sigWidth - Ink.width($0)) }
        } else {
            dateRight = 2
            sigRight = signatures.map { _ in 2 + dateWidth + 2 - sigWidth }
        }
        dateRight = max(0, dateRight)

        let radius = layout.sealDiameter / 2
        let sigInkTop = Units.mm(points: Ink.top(line: layout.linePitch, size: layout.bodyFontSize))
        let lineMM = Units.mm(points: layout.linePitch)
        // Enough blank lines that the seal, centred at the signature's top, clears the body.
        let blank = document.sealPlaceholder ? max(1, Int(((radius - sigInkTop) / lineMM).rounded(.up))) : 1
        blankLines(blank)

        var seal = ""
        if document.sealPlaceholder {
            let centreX = layout.typeAreaWidth - Units.mm(points: (dateRight + dateWidth / 2) * layout.characterPitch)
            seal = Shapes.sealMark(id: shapeID(),
                                   .init(x: centreX - radius, y: sigInkTop - radius, width: 2 * radius, height: 2 * radius,
                                         horizontal: .margin, vertical: .paragraph),
                                   color: red)
        }
        for (i, signature) in signatures.enumerated() {
            emit(ParagraphProperties(style: "Body", keepNext: true, indent: .init(right: chars(sigRight[i])), alignment: "right"),
                 (i == 0 ? seal : "") + RunProperties().runs(signature))
        }
        let dateContent = (signatures.isEmpty ? seal : "") + RunProperties().runs(date)
        emit(ParagraphProperties(style: "Body", indent: .init(right: chars(dateRight)), alignment: "right"), dateContent)
    }

    /// 附注: the line under the date, two characters in, in parentheses.
    mutating func notes() {
        guard var note = document.notes?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty else { return }
        if !(note.hasPrefix("（") || note.hasPrefix("(")) { note = "（" + note + "）" }
        emit(ParagraphProperties(style: "Body"), RunProperties().runs(note))
    }

    /// Each attachment on a new page: "附件" top left in 黑体, its title centred on the third line.
    mutating func attachments() {
        for attachment in document.attachments {
            pageBreak()
            emit(ParagraphProperties(style: "Body", indent: .init()), RunProperties(font: layout.fonts.heiti).runs(attachment.label))
            blankLines(1)
            emit(ParagraphProperties(style: "DocTitle"), RunProperties().runs(attachment.title))
            blankLines(1)
            blocks(attachment.body)
        }
    }

    /// 版记 at the foot of the last page, in a frame anchored to the bottom of the type area so
    /// that its last line is the page's last line however long the body is: 抄送 and 印发 in
    /// 4号 仿宋 one character in, between rules (outer 0.35 mm, inner 0.25 mm). The letter
    /// format keeps only 抄送, without rules (GB/T 9704 §10.1).
    mutating func record() {
        let copyTo = document.copyTo.filter { !$0.isEmpty }
        let printing = document.format == .letter ? nil : document.printer
        guard !copyTo.isEmpty || printing != nil else { return }
        let ruled = document.format != .letter
        let frame = "<w:framePr w:w=\"\(typeWidth)\" w:wrap=\"around\" w:vAnchor=\"margin\" w:hAnchor=\"margin\" "
            + "w:x=\"0\" w:yAlign=\"bottom\"/>"
        let inset = Units.twips(layout.recordFontSize * layout.pageNumberInset)
        let outer = ParagraphProperties.Border(width: Units.eighths(mm: layout.recordOuterRule), space: 1, color: "000000")
        let inner = ParagraphProperties.Border(width: Units.eighths(mm: layout.recordInnerRule), space: 1, color: "000000")
        // Word draws a border between paragraphs only when their settings differ, so each
        // paragraph owns the rules around it.
        if !copyTo.isEmpty {
            let label = "抄送："
            let hang = Units.twips(layout.recordFontSize * Ink.width(label))
            var p = ParagraphProperties(style: "Record", frame: frame, top: ruled ? outer : nil,
                                        bottom: ruled ? (printing == nil ? outer : inner) : nil,
                                        indent: .init(left: inset + hang, right: inset, hanging: hang))
            p.keepNext = printing != nil
            emit(p, RunProperties().runs(label + copyTo.joined(separator: "，") + "。"))
        }
        if let printer = printing {
            let when = (document.printDate ?? document.date).chinese + "印发"
            emit(ParagraphProperties(style: "Record", frame: frame, top: copyTo.isEmpty ? outer : nil, bottom: outer,
                                     tabs: [(typeWidth - inset, "right")], indent: .init(left: inset, right: inset)),
                 RunProperties().runs(printer + "\t" + when))
        }
        // The frame needs a paragraph after it to anchor to; a hairline one adds no page.
        xml += ParagraphProperties(snapToGrid: false, before: 0, after: 0, exactLine: 2, markSize: 1).paragraph("")
    }
}
