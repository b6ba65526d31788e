/// `word/styles.xml`: named styles, so that a clerk who edits the file in Word or WPS finds
/// 公文正文, 公文标题 and the headings in the style list and keeps the layout.
enum Styles {
    static func xml(_ layout: Layout) -> String {
        let f = layout.fonts
        let pitch = Units.twips(layout.linePitch)
        let twoChars = Units.twips(2 * layout.characterAdvance)
        func fonts(_ name: String) -> String {
            let n = XML.escape(name)
            return "<w:rFonts w:ascii=\"\(n)\" w:eastAsia=\"\(n)\" w:hAnsi=\"\(n)\" w:cs=\"\(n)\"/>"
        }
        func size(_ pt: Points) -> String {
            "<w:sz w:val=\"\(Units.halfPoints(pt))\"/><w:szCs w:val=\"\(Units.halfPoints(pt))\"/>"
        }
        func style(_ id: String, _ name: String, basedOn: String? = "Normal", next: String? = nil,
                   pPr: String = "", rPr: String = "") -> String {
            var s = "<w:style w:type=\"paragraph\" w:customStyle=\"\(id.hasPrefix("Heading") || id == "Header" || id == "Footer" ? 0 : 1)\" "
                + "w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
            if let basedOn { s += "<w:basedOn w:val=\"\(basedOn)\"/>" }
            if let next { s += "<w:next w:val=\"\(next)\"/>" }
            s += "<w:qFormat/>"
            if !pPr.isEmpty { s += "<w:pPr>\(pPr)</w:pPr>" }
            if !rPr.isEmpty { s += "<w:rPr>\(rPr)</w:rPr>" }
            return s + "</w:style>"
        }
        let noIndent = "<w:ind w:left=\"0\" w:right=\"0\" w:firstLine=\"0\"/>"
        let bodyIndent = "<w:ind w:left=\"0\" w:right=\"0\" w:firstLine=\"\(twoChars)\"/>"
        let exact = { (pt: Points) in "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"\(Units.twips(pt))\" w:lineRule=\"exact\"/>" }

        var s = XML.declaration + "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        // 28 characters a line come from condensing each character to 1/28 of the type
        // area, with no character grid (see `PackageParts.sectionProperties`): the same 28
        // characters in Word, WPS and LibreOffice.
        // Widow control off: every page holds exactly 22 lines, as the standard counts them.
        // Punctuation may overflow the line end (w:overflowPunct on, Word's own default), said
        // explicitly because LibreOffice reads this flag the wrong way round: left unsaid it
        // hangs punctuation past the type area and, in justified lines, drops it from the page;
        // said, it keeps the mark in the line and moves the character before it down instead.
        s += "<w:docDefaults><w:rPrDefault><w:rPr>\(fonts(f.body))"
            + (layout.characterCondensing < 0 ? "<w:spacing w:val=\"\(Units.twips(layout.characterCondensing))\"/>" : "")
            + "<w:kern w:val=\"2\"/>\(size(layout.bodyFontSize))"
            + "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/><w:overflowPunct w:val=\"1\"/><w:snapToGrid w:val=\"0\"/>"
            + "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"\(pitch)\" w:lineRule=\"exact\"/>"
            + "<w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        // The size is repeated on Normal, which LibreOffice reads for its defaults.
        s += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
            + "<w:rPr>\(size(layout.bodyFontSize))</w:rPr></w:style>"
        s += "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
            + "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>"
        s += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
            + "<w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
            + "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>"
            + "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        s += style("Body", "公文正文", pPr: bodyIndent)
        // Built-in heading names, so that the navigation pane and outline view find them.
        s += style("Heading1", "heading 1", basedOn: "Body", next: "Body",
                   pPr: "<w:keepNext/><w:outlineLvl w:val=\"0\"/>", rPr: fonts(f.heiti))
        s += style("Heading2", "heading 2", basedOn: "Body", next: "Body",
                   pPr: "<w:keepNext/><w:outlineLvl w:val=\"1\"/>", rPr: fonts(f.kaiti))
        s += style("Heading3", "heading 3", basedOn: "Body", next: "Body",
                   pPr: "<w:keepNext/><w:outlineLvl w:val=\"2\"/>")
        s += style("DocTitle", "公文标题", next: "Body",
                   pPr: "<w:keepNext/>\(noIndent)<w:jc w:val=\"center\"/>",
                   rPr: fonts(f.title) + size(layout.titleFontSize))
        s += style("OrganMark", "发文机关标志", pPr: "\(noIndent)<w:jc w:val=\"center\"/>",
                   rPr: fonts(f.title) + "<w:color w:val=\"\(layout.red)\"/>")
        s += style("DocumentNumber", "发文字号", pPr: "\(noIndent)<w:jc w:val=\"center\"/>")
        s += style("Addressee", "主送机关", next: "Body", pPr: "\(noIndent)<w:jc w:val=\"left\"/>")
        s += style("TableText", "表格文字", pPr: exact(layout.tableLinePitch) + noIndent,
                   rPr: size(layout.tableFontSize))
        s += style("Record", "版记", pPr: exact(layout.linePitch), rPr: size(layout.recordFontSize))
        s += style("Header", "header", pPr: exact(Ink.line(for: layout.recipientFontSize)) + "<w:jc w:val=\"right\"/>",
                   rPr: "<w:color w:val=\"\(layout.recipientColor)\"/>" + size(layout.recipientFontSize))
        s += style("Footer", "footer", pPr: exact(Ink.line(for: layout.pageNumberFontSize)),
                   rPr: fonts(f.pageNumber) + size(layout.pageNumberFontSize))
        return s + "</w:styles>"
    }
}
