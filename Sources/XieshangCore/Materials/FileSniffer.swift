import Foundation

/// Decides an upload's format by its bytes, not its name, and refuses what is not a material.
///
/// PDF by its "%PDF-" header; DOCX by the ZIP header "PK\u{03}\u{04}" (only a candidate: the
/// server confirms by opening the archive and finding `word/document.xml`); plain text if it
/// decodes as UTF-8 (a BOM allowed), UTF-16 with a BOM, or GB18030/GBK, with no control bytes
/// but tab, line breaks and form feed. A name whose extension claims another format is refused,
/// so a download never opens in the wrong program.
public enum FileSniffer {
    public static func format(of data: Data, fileName: String,
                              maxBytes: Int = MaterialLimits.maxUploadBytes) throws -> MaterialFormat {
        guard !data.isEmpty else { throw MaterialError.emptyFile }
        guard data.count <= maxBytes else { throw MaterialError.fileTooLarge(maxBytes) }
        let ext = fileExtension(of: fileName)
        let claimed = MaterialFormat(fileExtension: ext)
        if !ext.isEmpty, claimed == nil, !legacyExtensions.contains(ext) {
            throw MaterialError.unsupportedExtension(ext)
        }
        let content = try sniff(data)
        if !ext.isEmpty, claimed != content { throw MaterialError.extensionMismatch(ext, content) }
        return content
    }

    /// The text of a plain-text material, decoded as `format(of:fileName:)` accepted it.
    public static func text(of data: Data) throws -> String {
        guard let text = try? TextDecoding.decode(data), !text.unicodeScalars.contains(where: isForbiddenControl) else {
            throw MaterialError.unknownContent
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// The last component of what a browser sent ("C:\fakepath\讲话.docx" → "讲话.docx"), trimmed,
    /// control characters removed.
    public static func cleanFileName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let visible = String(String.UnicodeScalarView(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }))
        return visible.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The lowercased extension without the dot; "" when the name has none.
    public static func fileExtension(of fileName: String) -> String {
        let name = cleanFileName(fileName)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// Old binary Word/WPS files: refused by content with advice to save as .docx.
    static let legacyExtensions: Set<String> = ["doc", "wps"]

    static func sniff(_ data: Data) throws -> MaterialFormat {
        if data.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw MaterialError.legacyWordFile }
        _ = try text(of: data)
        return .text
    }

    /// C0 controls other than tab, line feed, form feed and carriage return; DEL; C1 controls.
    static func isForbiddenControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A, 0x0C, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}
