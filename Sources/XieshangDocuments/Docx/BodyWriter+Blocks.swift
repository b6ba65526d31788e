/// The body's blocks: paragraphs and headings at the body's line pitch, tables in a smaller size.
extension BodyWriter {
    mutating func blocks(_ blocks: [OfficialDocument.Block]) {
        var lastWasAttendance = false
        for block in blocks {
            defer {
                if case .attendance = block { lastWasAttendance = true } else { lastWasAttendance = false }
            }
            switch block {
            case .paragraph(let text): emit(ParagraphProperties(style: "Body"), RunProperties().runs(text))
            case .heading1(let text): emit(ParagraphProperties(style: "Heading1"), RunProperties().runs(text))
            case .heading2(let text): emit(ParagraphProperties(style: "Heading2"), RunProperties().runs(text))
            case .heading3(let text): emit(ParagraphProperties(style: "Heading3"), RunProperties().runs(text))
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

    /// 附件说明: one blank line below the body, two characters in, "附件：" then the names; a
    /// second attachment's name (or a wrapped line) aligns with the first name.
    mutating func attachmentNote(_ text: String) {
        blankLines(1)
        let label = "附件："
        let hang = chars(Ink.width(label))
        for (i, item) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let first = i == 0
            emit(ParagraphProperties(style: "Body", indent: .init(left: chars(2) + hang, hanging: first ? hang : 0)),
                 RunProperties().runs((first ? label : "") + item))
        }
    }

    /// "出席：" in 黑体, two characters in, the names aligned after the colon when they wrap.
    mutating func attendance(label: String, names: String) {
        let head = label.hasSuffix("：") ? label : label + "："
        let hang = chars(Ink.width(head))
        emit(ParagraphProperties(style: "Body", indent: .init(left: chars(2) + hang, hanging: hang)),
             RunProperties(font: layout.fonts.heiti).runs(head) + RunProperties().runs(names))
    }

    /// A ruled table across the type area: header row in 黑体 repeated on each page, cells in
    /// 仿宋 at `tableFontSize`, off the body grid so that the smaller lines stay compact.
    mutating func table(header: [String], rows: [[String]], widths: [Int]?) {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return }
        var weights = (widths ?? []).map { max(1, $0) }
        if weights.count != columns { weights = Array(repeating: 1, count: columns) }
        let total = weights.reduce(0, +)
        var grid = weights.map { typeWidth * $0 / total }
        grid[grid.count - 1] += typeWidth - grid.reduce(0, +)

        let line = Units.twips(layout.tableLinePitch)
        func cell(_ text: String, width: Int, header: Bool) -> String {
            // Short entries (numbers, names, dates) read better centred; prose stays left.
            let centred = header || Ink.width(text) <= 8
            let para = ParagraphProperties(style: "TableText", before: 0, after: 0, exactLine: line,
                                           indent: .init(), alignment: centred ? "center" : "both")
            let runs = RunProperties(font: header ? layout.fonts.heiti : nil).runs(text)
            return "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
                + para.paragraph(runs) + "</w:tc>"
        }
        func row(_ cells: [String], header: Bool) -> String {
            let padded = cells + Array(repeating: "", count: max(0, columns - cells.count))
            let trPr = "<w:trPr><w:cantSplit/>" + (header ? "<w:tblHeader/>" : "")
                + "<w:trHeight w:val=\"\(Units.twips(layout.tableLinePitch * 1.6))\"/></w:trPr>"
            return "<w:tr>\(trPr)" + zip(padded, grid).map { cell($0, width: $1, header: header) }.joined() + "</w:tr>"
        }
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
        var xml = """
            <w:tbl><w:tblPr><w:tblW w:w="\(typeWidth)" w:type="dxa"/><w:jc w:val="center"/>\
            <w:tblBorders><w:top \(border)/><w:left \(border)/><w:bottom \(border)/><w:right \(border)/>\
            <w:insideH \(border)/><w:insideV \(border)/></w:tblBorders><w:tblLayout w:type="fixed"/>\
            <w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>\
            <w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>\
            </w:tblPr><w:tblGrid>
            """
        xml += grid.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        if !header.isEmpty { xml += row(header, header: true) }
        for r in rows { xml += row(r, header: false) }
        xml += "</w:tbl>"
        emitTable(xml)
    }

    /// The bar area is `barColumns` equal grid columns; a bar spans as many of them as its share
    /// of the largest value (at least one for any non-zero value), shaded, the rest left blank.
    mutating func barChart(caption: String, bars: [OfficialDocument.Bar]) {
        emit(ParagraphProperties(style: "Body", keepNext: true, indent: .init(), alignment: "center"),
             RunProperties(font: layout.fonts.heiti).runs(caption))
        guard !bars.isEmpty else { return }
        let barColumns = 20
        let labelWidth = typeWidth * 3 / 10, countWidth = typeWidth / 10
        let barWidth = (typeWidth - labelWidth - countWidth) / barColumns
        let most = max(1, bars.map(\.value).max() ?? 1)
        let line = Units.twips(layout.tableLinePitch)
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
        let none = "w:val=\"nil\""
        var xml = """
            <w:tbl><w:tblPr><w:tblW w:w="\(labelWidth + countWidth + barWidth * barColumns)" w:type="dxa"/><w:jc w:val="center"/>\
            <w:tblBorders><w:top \(none)/><w:left \(none)/><w:bottom \(none)/><w:right \(none)/>\
            <w:insideH \(none)/><w:insideV \(none)/></w:tblBorders><w:tblLayout w:type="fixed"/>\
            <w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/>\
            <w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>
            """
        xml += "<w:gridCol w:w=\"\(labelWidth)\"/><w:gridCol w:w=\"\(countWidth)\"/>"
            + String(repeating: "<w:gridCol w:w=\"\(barWidth)\"/>", count: barColumns) + "</w:tblGrid>"
        for bar in bars {
            let filled = bar.value <= 0 ? 0 : max(1, (bar.value * barColumns + most / 2) / most)
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + text(bar.label, width: labelWidth, align: "right")
                + text("\(bar.value)", width: countWidth, align: "center")
                + (filled > 0 ? span(filled, filled: true) : "")
                + (filled < barColumns ? span(barColumns - filled, filled: false) : "") + "</w:tr>"
        }
        xml += "</w:tbl>"
        emitTable(xml)
    }
}
