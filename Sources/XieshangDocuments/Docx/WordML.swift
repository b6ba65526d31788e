/// Small builders for WordprocessingML fragments. Elements inside `w:pPr` and `w:rPr` must come
/// in the schema's order (ECMA-376 Part 1, §17.3.1.26 and §17.3.2.28) or Word refuses the file,
/// so properties are values serialised in that order rather than strings glued together.
enum WordML {
    static let namespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:v="urn:schemas-microsoft-com:vml" \
        xmlns:o="urn:schemas-microsoft-com:office:office" \
        xmlns:w10="urn:schemas-microsoft-com:office:word"
        """
}

/// `w:rPr`.
struct RunProperties: Equatable {
    var font: String?
    var bold = false
    var color: String?
    var size: Points?

    var xml: String {
        var s = ""
        if let font {
            let f = XML.escape(font)
            s += "<w:rFonts w:ascii=\"\(f)\" w:eastAsia=\"\(f)\" w:hAnsi=\"\(f)\" w:cs=\"\(f)\" w:hint=\"eastAsia\"/>"
        }
        if bold { s += "<w:b/><w:bCs/>" }
        if let color { s += "<w:color w:val=\"\(XML.escape(color))\"/>" }
        if let size { s += "<w:sz w:val=\"\(Units.halfPoints(size))\"/><w:szCs w:val=\"\(Units.halfPoints(size))\"/>" }
        return s.isEmpty ? "" : "<w:rPr>\(s)</w:rPr>"
    }

    /// Text as runs: `\n` becomes a line break and `\t` a tab, which `w:t` cannot hold.
    func runs(_ text: String) -> String {
        var out = ""
        var pending = ""
        func flush() {
            guard !pending.isEmpty else { return }
            out += "<w:r>\(xml)<w:t xml:space=\"preserve\">\(XML.escape(pending))</w:t></w:r>"
            pending = ""
        }
        for ch in text {
            switch ch {
            case "\n", "\r\n", "\r": flush(); out += "<w:r>\(xml)<w:br/></w:r>"
            case "\t": flush(); out += "<w:r>\(xml)<w:tab/></w:r>"
            default: pending.append(ch)
            }
        }
        flush()
        return out
    }
}

/// `w:pPr`, with lengths in twips unless named otherwise.
struct ParagraphProperties {
    struct Indent: Equatable {
        var left = 0, right = 0, firstLine = 0, hanging = 0
    }
    struct Border: Equatable {
        var style = "single"
        var width: Int  // eighths of a point
        var space: Int  // points
        var color: String
    }

    var style: String?
    var keepNext = false
    var keepLines = false
    var pageBreakBefore = false
    var frame: String?
    var top: Border?
    var bottom: Border?
    /// Position in twips and alignment ("left", "right", "center").
    var tabs: [(position: Int, alignment: String)] = []
    var before: Int?
    var after: Int?
    var exactLine: Int?
    var indent: Indent?
    var alignment: String?
    var outlineLevel: Int?
    var markSize: Points?
    /// A `w:sectPr`: this paragraph ends a section.
    var section: String?

    var xml: String {
        var s = ""
        if let style { s += "<w:pStyle w:val=\"\(style)\"/>" }
        if keepNext { s += "<w:keepNext/>" }
        if keepLines { s += "<w:keepLines/>" }
        if pageBreakBefore { s += "<w:pageBreakBefore/>" }
        if let frame { s += frame }
        if top != nil || bottom != nil {
            s += "<w:pBdr>"
            if let top { s += border("top", top) }
            if let bottom { s += border("bottom", bottom) }
            s += "</w:pBdr>"
        }
        if !tabs.isEmpty {
            s += "<w:tabs>" + tabs.map { "<w:tab w:val=\"\($0.alignment)\" w:pos=\"\($0.position)\"/>" }.joined() + "</w:tabs>"
        }
        if before != nil || after != nil || exactLine != nil {
            s += "<w:spacing"
            if let before { s += " w:before=\"\(before)\"" }
            if let after { s += " w:after=\"\(after)\"" }
            if let exactLine { s += " w:line=\"\(exactLine)\" w:lineRule=\"exact\"" }
            s += "/>"
        }
        if let indent {
            // Every value is written, zeros too, so that none is inherited from the style
            // (公文正文 indents its first line).
            s += "<w:ind w:left=\"\(indent.left)\" w:right=\"\(indent.right)\" "
                + (indent.hanging > 0 ? "w:hanging=\"\(indent.hanging)\"/>" : "w:firstLine=\"\(indent.firstLine)\"/>")
        }
        if let alignment { s += "<w:jc w:val=\"\(alignment)\"/>" }
        if let outlineLevel { s += "<w:outlineLvl w:val=\"\(outlineLevel)\"/>" }
        if let markSize { s += RunProperties(size: markSize).xml }
        if let section { s += section }
        return s.isEmpty ? "" : "<w:pPr>\(s)</w:pPr>"
    }

    private func border(_ side: String, _ b: Border) -> String {
        "<w:\(side) w:val=\"\(b.style)\" w:sz=\"\(b.width)\" w:space=\"\(b.space)\" w:color=\"\(b.color)\"/>"
    }

    func paragraph(_ content: String) -> String { "<w:p>\(xml)\(content)</w:p>" }
}
