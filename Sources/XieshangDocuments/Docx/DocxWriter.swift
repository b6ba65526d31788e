import Foundation
import XieshangCore
import ZIPFoundation

/// Writes an `OfficialDocument` as a WordprocessingML package (.docx) in the GB/T 9704-2012
/// layout, which opens in Word, WPS and LibreOffice looking like a document of the office.
public enum DocxWriter {
    /// The package's parts, in the order they are stored: `[Content_Types].xml` first, as
    /// Office writes it, so that tools sniffing the first entry recognise the format.
    public static func parts(for document: OfficialDocument, layout: Layout = .gbt9704) throws -> [(path: String, xml: String)] {
        try layout.validate()
        try document.validate()
        let variants = PackageParts.variants(for: document)
        let body = BodyWriter.body(for: document, layout: layout)
        let documentXML = XML.declaration + "<w:document \(WordML.namespaces)><w:body>" + body.xml
            + PackageParts.sectionProperties(layout, variants: variants, evenPage: body.recordSection) + "</w:body></w:document>"
        var parts: [(String, String)] = [
            ("[Content_Types].xml", PackageParts.contentTypes(variants: variants)),
            ("_rels/.rels", PackageParts.packageRelationships),
            ("docProps/core.xml", PackageParts.core(document)),
            ("docProps/app.xml", PackageParts.app(document)),
            ("word/document.xml", documentXML),
            ("word/_rels/document.xml.rels", PackageParts.documentRelationships(variants: variants)),
            ("word/styles.xml", Styles.xml(layout)),
            ("word/settings.xml", PackageParts.settings(layout)),
            ("word/fontTable.xml", PackageParts.fontTable(layout)),
        ]
        for v in variants {
            parts.append(("word/" + PackageParts.headerPath(v), PackageParts.header(layout, line: document.recipientLine)))
            parts.append(("word/" + PackageParts.footerPath(v), PackageParts.footer(layout, variant: v)))
        }
        return parts
    }

    /// The .docx file's bytes. The same document gives the same bytes (entries are dated by
    /// the document's date, not the clock), so that generated files can be compared and cached.
    public static func data(for document: OfficialDocument, layout: Layout = .gbt9704) throws -> Data {
        let entries = try parts(for: document, layout: layout)
        let archive = try Archive(accessMode: .create)
        let stamp = Date(timeIntervalSince1970: TimeInterval(document.date.ordinal) * 86_400 + 9 * 3600)
        for (path, xml) in entries {
            let bytes = Data(xml.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: stamp, compressionMethod: .deflate) { position, size in
                let start = Int(position)
                return bytes.subdata(in: start..<min(bytes.count, start + size))
            }
        }
        guard let data = archive.data else {
            throw Refusal(.invalid, code: "docx_not_written", message: "公文文件生成失败。")
        }
        return data
    }
}
