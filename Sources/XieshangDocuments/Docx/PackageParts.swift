import Foundation
import XieshangCore

/// The fixed parts of the package: content types, relationships, styles, settings, fonts,
/// headers and footers, properties.
enum PackageParts {
    static let mainType = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    static let relType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// Header and footer variants. `first` exists only when page 1 differs (letter format).
    enum Variant: String, CaseIterable {
        case odd = "default", even, first
    }

    static func contentTypes(variants: [Variant]) -> String {
        var s = XML.declaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/word/document.xml" ContentType="\(mainType).document.main+xml"/>\
            <Override PartName="/word/styles.xml" ContentType="\(mainType).styles+xml"/>\
            <Override PartName="/word/settings.xml" ContentType="\(mainType).settings+xml"/>\
            <Override PartName="/word/fontTable.xml" ContentType="\(mainType).fontTable+xml"/>\
            <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
            """
        for v in variants {
            s += "<Override PartName=\"/word/\(headerPath(v))\" ContentType=\"\(mainType).header+xml\"/>"
            s += "<Override PartName=\"/word/\(footerPath(v))\" ContentType=\"\(mainType).footer+xml\"/>"
        }
        return s + "</Types>"
    }

    static let packageRelationships = XML.declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(relType)/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
        Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="\(relType)/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """

    static func headerPath(_ v: Variant) -> String { "header-\(v.rawValue).xml" }
    static func footerPath(_ v: Variant) -> String { "footer-\(v.rawValue).xml" }
    static func headerID(_ v: Variant) -> String { "rIdHeader-\(v.rawValue)" }
    static func footerID(_ v: Variant) -> String { "rIdFooter-\(v.rawValue)" }

    static func documentRelationships(variants: [Variant]) -> String {
        var s = XML.declaration + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rIdStyles" Type="\(relType)/styles" Target="styles.xml"/>\
            <Relationship Id="rIdSettings" Type="\(relType)/settings" Target="settings.xml"/>\
            <Relationship Id="rIdFonts" Type="\(relType)/fontTable" Target="fontTable.xml"/>
            """
        for v in variants {
            s += "<Relationship Id=\"\(headerID(v))\" Type=\"\(relType)/header\" Target=\"\(headerPath(v))\"/>"
            s += "<Relationship Id=\"\(footerID(v))\" Type=\"\(relType)/footer\" Target=\"\(footerPath(v))\"/>"
        }
        return s + "</Relationships>"
    }

    // MARK: Section

    /// Distance from the paper's bottom to the footer's bottom, so that the dashes beside the
    /// page number lie `pageNumberGap` below the type area (GB/T 9704 §7.5: "一字线上距版心下边缘7mm").
    static func footerDistance(_ layout: Layout) -> Millimetres {
        let line = Ink.line(for: layout.pageNumberFontSize)
        let dashTop = layout.marginTop + layout.typeAreaHeight + layout.pageNumberGap
        let footerTop = dashTop - Units.mm(points: Ink.dashTop(line: line, size: layout.pageNumberFontSize))
        return layout.pageHeight - footerTop - Units.mm(points: line)
    }

    /// Letters show no page number on page 1, which needs a first-page footer of its own.
    static func variants(for document: OfficialDocument) -> [Variant] {
        document.format == .letter ? [.odd, .even, .first] : [.odd, .even]
    }

    /// The section's page: A4, the margins that make the type area, headers and footers.
    /// `evenPage`: the section starts on the next even page (the record's, see
    /// `BodyWriter.record`), its page numbers running on from the section before.
    /// The section's grid has lines only: Word and WPS show 22 lines a page in its page
    /// setup. A grid of characters (`linesAndChars`) is not used: LibreOffice sets 27
    /// characters a line on it and drops punctuation at line ends; the 28 characters come
    /// from the body's size and tracking instead (see `Styles`).
    static func sectionProperties(_ layout: Layout, variants: [Variant], evenPage: Bool = false) -> String {
        var s = "<w:sectPr>"
        for v in variants {
            s += "<w:headerReference w:type=\"\(v.rawValue)\" r:id=\"\(headerID(v))\"/>"
            s += "<w:footerReference w:type=\"\(v.rawValue)\" r:id=\"\(footerID(v))\"/>"
        }
        if evenPage { s += "<w:type w:val=\"evenPage\"/>" }
        s += "<w:pgSz w:w=\"\(Units.twips(mm: layout.pageWidth))\" w:h=\"\(Units.twips(mm: layout.pageHeight))\"/>"
        s += "<w:pgMar w:top=\"\(Units.twips(mm: layout.marginTop))\" w:right=\"\(Units.twips(mm: layout.marginRight))\" "
            + "w:bottom=\"\(Units.twips(mm: layout.marginBottom))\" w:left=\"\(Units.twips(mm: layout.marginLeft))\" "
            + "w:header=\"\(Units.twips(mm: layout.headerDistance))\" w:footer=\"\(Units.twips(mm: footerDistance(layout)))\" "
            + "w:gutter=\"0\"/>"
        if !evenPage { s += "<w:pgNumType w:start=\"1\"/>" }
        s += "<w:cols w:space=\"425\"/>"
        if variants.contains(.first) { s += "<w:titlePg/>" }
        s += "<w:docGrid w:type=\"lines\" w:linePitch=\"\(Units.twips(layout.linePitch))\"/>"
        return s + "</w:sectPr>"
    }

    // MARK: Headers and footers

    static func header(_ layout: Layout, line: String?) -> String {
        let content = line.map { RunProperties().runs($0) } ?? ""
        return XML.declaration + "<w:hdr \(WordML.namespaces)>"
            + ParagraphProperties(style: "Header").paragraph(content) + "</w:hdr>"
    }

    /// "— 1 —" in 4号 half-width 宋体: odd pages right, even pages left, one character in.
    static func footer(_ layout: Layout, variant: Variant) -> String {
        var body = ""
        if variant != .first {
            let inset = Units.twips(layout.pageNumberFontSize * layout.pageNumberInset)
            let p = ParagraphProperties(style: "Footer",
                                        indent: variant == .odd ? .init(right: inset) : .init(left: inset),
                                        alignment: variant == .odd ? "right" : "left")
            let r = RunProperties()
            body = p.paragraph(r.runs("— ")
                + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                + "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                + "<w:r><w:t>1</w:t></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
                + r.runs(" —"))
        } else {
            body = ParagraphProperties(style: "Footer").paragraph("")
        }
        return XML.declaration + "<w:ftr \(WordML.namespaces)>" + body + "</w:ftr>"
    }

    // MARK: Settings and fonts

    static func settings(_ layout: Layout) -> String {
        XML.declaration + """
            <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:zoom w:percent="100"/>\
            <w:defaultTabStop w:val="\(Units.twips(layout.bodyFontSize * 2))"/>\
            <w:evenAndOddHeaders/>\
            <w:characterSpacingControl w:val="doNotCompress"/>\
            <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>\
            </w:compat>\
            <w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>\
            <w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>\
            </w:settings>
            """
    }

    /// The fonts with their GB2312 charset, a Chinese font's Unicode ranges, and the names a
    /// county PC without them has instead (`Layout.Fonts.alternates`: 仿宋_GB2312 → 仿宋,
    /// 方正小标宋简体 → 华文中宋 or 宋体), so that Word and WPS substitute the right face.
    static func fontTable(_ layout: Layout) -> String {
        let f = layout.fonts
        let fonts: [(name: String, family: String)] = [
            (f.body, "modern"), (f.title, "roman"), (f.heiti, "modern"), (f.kaiti, "modern"), (f.pageNumber, "auto"),
        ]
        var seen = Set<String>()
        var s = XML.declaration + "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        for font in fonts where seen.insert(font.name).inserted {
            s += "<w:font w:name=\"\(XML.escape(font.name))\">"
            let alternates = (f.alternates[font.name] ?? []).filter { $0 != font.name }
            // ECMA-376 §17.8.3.1: the alternate names, comma-separated.
            if !alternates.isEmpty { s += "<w:altName w:val=\"\(XML.escape(alternates.joined(separator: ",")))\"/>" }
            s += "<w:charset w:val=\"86\"/><w:family w:val=\"\(font.family)\"/><w:pitch w:val=\"variable\"/>"
            // The Unicode ranges and code pages Word records for 宋体: Latin, CJK ideographs and
            // punctuation, full-width forms; GB2312.
            s += "<w:sig w:usb0=\"00000003\" w:usb1=\"288F0000\" w:usb2=\"00000016\" w:usb3=\"00000000\" "
                + "w:csb0=\"00040001\" w:csb1=\"00000000\"/></w:font>"
        }
        return s + "</w:fonts>"
    }

    // MARK: Properties

    static func core(_ document: OfficialDocument) -> String {
        let when = document.date.iso + "T00:00:00Z"
        let creator = document.issuingOrgans.joined(separator: "、")
        return XML.declaration + """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:title>\(XML.escape(document.title.replacingOccurrences(of: "\n", with: "")))</dc:title>\
            <dc:creator>\(XML.escape(creator))</dc:creator>\
            <cp:keywords>\(XML.escape(document.documentNumber ?? ""))</cp:keywords>\
            <dc:language>zh-CN</dc:language>\
            <dcterms:created xsi:type="dcterms:W3CDTF">\(when)</dcterms:created>\
            <dcterms:modified xsi:type="dcterms:W3CDTF">\(when)</dcterms:modified>\
            </cp:coreProperties>
            """
    }

    static func app(_ document: OfficialDocument) -> String {
        XML.declaration + """
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
            xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
            <Application>Xieshang</Application><DocSecurity>0</DocSecurity>\
            <Company>\(XML.escape(document.issuingOrgans.first ?? ""))</Company>\
            </Properties>
            """
    }
}
