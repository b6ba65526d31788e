/// The body's blocks: paragraphs and headings at the body's line pitch, tables in a smaller size.
extension BodyWriter {
    /// `keepingLastWithNext`: the end of the text stays on the page of what follows (the
    /// signature): its last block, and the one before when that is only the 附件说明.
    mutating func blocks(_ blocks: [OfficialDocument.Block], keepingLastWithNext: Bool = false) {
        var lastWasAttendance = false
        var keepFrom = blocks.count - 1
        if case .attachmentNote = blocks.last, blocks.count > 1 { keepFrom -= 1 }
        for (i, block) in blocks.enumerated() {
            defer {
                if case .attendance = block { lastWasAttendance = true } else { lastWasAttendance = false }
            }
            if keepingLastWithNext && i == keepFrom { keepingTogether = true }
            switch block {
            case .paragraph(let text): bodyParagraph(text, style: "Body")
            case .heading1(let text): bodyParagraph(text, style: "Heading1")
            case .heading2(let text): bodyParagraph(text, style: "Heading2")
            case .heading3(let text): bodyParagraph(text, style: "Heading3")
            case .headedParagraph(let heading, let text):
                emit(ParagraphProperties(style: "Body"),
                     RunProperties(font: layout.fonts.kaiti).runs(heading) + RunProperties().runs(text),
                     lines: lineCount(heading + text, indent: nil))
            case .table(let header, let rows, let widths): table(header: header, rows: rows, widths: widths)
            case .attachmentNote(let text): attachmentNote(text)
            case .attendance(let label, let names):
                // One blank line between the body and the first list (GB/T 9704 §10.3).
                if !lastWasAttendance { blankLines(1) }
                attendance(label: label, names: names)
            case .barChart(let caption, let bars): barChart(caption: caption, bars: bars)
            case .pageBreak: pageBreak()
            }
        }
    }

    mutating func bodyParagraph(_ text: String, style: String) {
        emit(ParagraphProperties(style: style), RunProperties().runs(text), lines: lineCount(text, indent: nil))
    }

    /// 附件说明: one blank line below the body, two characters in, "附件：" then the names; a
    /// second attachment's name (or a wrapped line) aligns with the first name.
    mutating func attachmentNote(_ text: String) {
        blankLines(1)
        let label = "附件："
        let hang = chars(Ink.width(label))
        for (i, item) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let first = i == 0
            let indent = ParagraphProperties.Indent(left: chars(2) + hang, hanging: first ? hang : 0)
            let line = (first ? label : "") + item
            emit(ParagraphProperties(style: "Body", indent: indent), RunProperties().runs(line),
                 lines: lineCount(line, indent: indent))
        }
    }

    /// "出席：" in 黑体, two characters in, the names aligned after the colon when they wrap.
    mutating func attendance(label: String, names: String) {
        let head = label.hasSuffix("：") ? label : label + "："
        let hang = chars(Ink.width(head))
        let indent = ParagraphProperties.Indent(left: chars(2) + hang, hanging: hang)
        emit(ParagraphProperties(style: "Body", indent: indent),
             RunProperties(font: layout.fonts.heiti).runs(head) + RunProperties().runs(names),
             lines: lineCount(head + names, indent: indent))
    }

    /// One character of the table's size, in twips.
    var tableCharacter: Double { (layout.tableFontSize + layout.characterCondensing) * 20 }

    /// A ruled table across the type area: header row in 黑体 repeated on each page, cells in
    /// 仿宋 at `tableFontSize`, off the body grid so that the smaller lines stay compact.
    mutating func table(header: [String], rows: [[String]], widths: [Int]?) {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return }
        var weights = (widths ?? []).map { max(1, $0) }
        if weights.count != columns { weights = Array(repeating: 1, count: columns) }
        let cellMargin = 85
        let grid = TableColumns.widths(header: header, rows: rows, weights: weights, total: typeWidth,
                                       characterWidth: tableCharacter, padding: 2 * cellMargin)

        let line = Units.twips(layout.tableLinePitch)
        let minimumRow = layout.tableLinePitch * 1.6
        func cell(_ text: String, width: Int, header: Bool) -> String {
            // Short entries (numbers, names, dates) read better centred; prose stays left.
            let centred = header || Ink.width(text) <= 8
            let para = ParagraphProperties(style: "TableText", before: 0, after: 0, exactLine: line,
                                           indent: .init(), alignment: centred ? "center" : "both")
            let runs = RunProperties(font: header ? layout.fonts.heiti : nil).runs(text)
            return "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
                + para.paragraph(runs) + "</w:tc>"
        }
        func padded(_ cells: [String]) -> [String] { cells + Array(repeating: "", count: max(0, columns - cells.count)) }
        func row(_ cells: [String], header: Bool) -> String {
            let trPr = "<w:trPr><w:cantSplit/>" + (header ? "<w:tblHeader/>" : "")
                + "<w:trHeight w:val=\"\(Units.twips(minimumRow))\"/></w:trPr>"
            return "<w:tr>\(trPr)" + zip(padded(cells), grid).map { cell($0, width: $1, header: header) }.joined() + "</w:tr>"
        }
        func height(_ cells: [String]) -> Points {
            let lines = zip(padded(cells), grid).map { text, width in
                lineCount(text, indent: .init(), size: layout.tableFontSize, width: width - 2 * cellMargin)
            }.max() ?? 1
            // The rule under the row adds its width to the row in LibreOffice.
            return max(minimumRow, Double(lines) * layout.tableLinePitch) + 0.5
        }
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
        var xml = """
            <w:tbl><w:tblPr><w:tblW w:w="\(typeWidth)" w:type="dxa"/><w:jc w:val="center"/>\
            <w:tblBorders><w:top \(border)/><w:left \(border)/><w:bottom \(border)/><w:right \(border)/>\
            <w:insideH \(border)/><w:insideV \(border)/></w:tblBorders><w:tblLayout w:type="fixed"/>\
            <w:tblCellMar><w:left w:w="\(cellMargin)" w:type="dxa"/><w:right w:w="\(cellMargin)" w:type="dxa"/></w:tblCellMar>\
            <w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>\
            </w:tblPr><w:tblGrid>
            """
        xml += grid.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        var heights: [Points] = []
        if !header.isEmpty {
            xml += row(header, header: true)
            heights.append(height(header))
        }
        for r in rows {
            xml += row(r, header: false)
            heights.append(height(r))
        }
        xml += "</w:tbl>"
        emitTable(xml, rowHeights: heights, repeatsHeader: !header.isEmpty)
    }

    /// The bar area is `barColumns` equal grid columns; a bar spans as many of them as its share
    /// of the largest value (at least one for any non-zero value), shaded, the rest left blank.
    /// Rows of exact height with a narrow blank row between, so that each bar stands apart.
    mutating func barChart(caption: String, bars: [OfficialDocument.Bar]) {
        emit(ParagraphProperties(style: "Body", keepNext: true, indent: .init(), alignment: "center"),
             RunProperties(font: layout.fonts.heiti).runs(caption))
        guard !bars.isEmpty else { return }
        let barColumns = 20
        let labelWidth = typeWidth * 3 / 10, countWidth = typeWidth / 10
        let barWidth = (typeWidth - labelWidth - countWidth) / barColumns
        let most = max(1, bars.map(\.value).max() ?? 1)
        let line = Units.twips(layout.tableLinePitch)
        let gap = layout.tableLinePitch / 4
        func exactRow(_ height: Points) -> String {
            "<w:trPr><w:cantSplit/><w:trHeight w:val=\"\(Units.twips(height))\" w:hRule=\"exact\"/></w:trPr>"
        }
        func text(_ t: String, width: Int, align: String) -> String {
            let para = ParagraphProperties(style: "TableText", before: 0, after: 0, exactLine: line, indent: .init(),
                                           alignment: align)
            return "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
                + para.paragraph(RunProperties().runs(t)) + "</w:tc>"
        }
        func span(_ columns: Int, filled: Bool) -> String {
            let shade = filled ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"8C1C13\"/>" : ""
            let para = ParagraphProperties(style: "TableText", before: 0, after: 0, exactLine: line, indent: .init())
            return "<w:tc><w:tcPr><w:tcW w:w=\"\(barWidth * columns)\" w:type=\"dxa\"/>"
                + (columns > 1 ? "<w:gridSpan w:val=\"\(columns)\"/>" : "") + shade + "</w:tcPr>" + para.paragraph("") + "</w:tc>"
        }
        func blank(_ width: Int, span columns: Int = 1) -> String {
            "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>" + (columns > 1 ? "<w:gridSpan w:val=\"\(columns)\"/>" : "")
                + "</w:tcPr>" + ParagraphProperties(before: 0, after: 0, exactLine: 2, markSize: 1).paragraph("") + "</w:tc>"
        }
        let none = "w:val=\"nil\""
        var xml = """
            <w:tbl><w:tblPr><w:tblW w:w="\(labelWidth + countWidth + barWidth * barColumns)" w:type="dxa"/><w:jc w:val="center"/>\
            <w:tblBorders><w:top \(none)/><w:left \(none)/><w:bottom \(none)/><w:right \(none)/>\
            <w:insideH \(none)/><w:insideV \(none)/></w:tblBorders><w:tblLayout w:type="fixed"/>\
            <w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>\
            <w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>
            """
        xml += "<w:gridCol w:w=\"\(labelWidth)\"/><w:gridCol w:w=\"\(countWidth)\"/>"
            + String(repeating: "<w:gridCol w:w=\"\(barWidth)\"/>", count: barColumns) + "</w:tblGrid>"
        var heights: [Points] = []
        for (i, bar) in bars.enumerated() {
            if i > 0 {
                xml += "<w:tr>" + exactRow(gap) + blank(labelWidth) + blank(countWidth)
                    + blank(barWidth * barColumns, span: barColumns) + "</w:tr>"
                heights.append(gap)
            }
            let filled = bar.value <= 0 ? 0 : max(1, (bar.value * barColumns + most / 2) / most)
            xml += "<w:tr>" + exactRow(layout.tableLinePitch) + text(bar.label, width: labelWidth, align: "right")
                + text("\(bar.value)", width: countWidth, align: "center")
                + (filled > 0 ? span(filled, filled: true) : "")
                + (filled < barColumns ? span(barColumns - filled, filled: false) : "") + "</w:tr>"
            heights.append(layout.tableLinePitch)
        }
        xml += "</w:tbl>"
        emitTable(xml, rowHeights: heights)
    }
}
