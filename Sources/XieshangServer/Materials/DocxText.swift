import Foundation
import XieshangCore
import ZIPFoundation

/// The text of a Word document (.docx): `FileSniffer` only sees a ZIP header, so the archive
/// is opened here and `word/document.xml` read; a file that does not open, or has no Word
/// body, is refused and nothing is stored. The text is the `w:t` runs, a line per `w:p`.
enum DocxText {
    /// A body larger than this when inflated is refused rather than read (a "zip bomb").
    static let maxDocumentXMLBytes = 64 * 1024 * 1024

    static let broken = Refusal(.invalid, code: "docx_broken",
                                message: "Word文档（.docx）已损坏或未完整保存，无法打开。请在Word或WPS中打开原文件，“另存为”Word文档（.docx）后再上传。")
    static let notWord = Refusal(.invalid, code: "docx_not_word",
                                 message: "文件是压缩包，但不是Word文档（.docx）：其中没有Word正文。请上传Word文档（.docx）、PDF文件或纯文本文件。")

    static func extract(_ data: Data) throws -> String {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch { throw broken }
        guard let entry = archive["word/document.xml"], entry.type == .file else { throw notWord }
        guard entry.uncompressedSize <= UInt64(maxDocumentXMLBytes) else { throw broken }
        var xml = Data()
        do {
            _ = try archive.extract(entry) { chunk in
                xml.append(chunk)
                if xml.count > maxDocumentXMLBytes { throw broken }
            }
        } catch {
            throw broken
        }
        return text(ofDocumentXML: xml)
    }

    /// The paragraphs' text: `w:t` content (entities decoded), `w:tab` as a tab, `w:br`/`w:cr`
    /// as a line break, a line break after each `w:p`. Empty paragraphs are kept as empty lines.
    static func text(ofDocumentXML xml: Data) -> String {
        let bytes = [UInt8](xml)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count / 4)
        var i = 0
        let n = bytes.count
        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            // The tag's name ("/w:p" for a closing tag) runs to whitespace, '/' or '>'.
            var j = i + 1
            if j < n, bytes[j] == UInt8(ascii: "/") { j += 1 }
            while j < n, !isNameEnd(bytes[j]) { j += 1 }
            let name = bytes[(i + 1)..<j]
            var end = j
            while end < n, bytes[end] != UInt8(ascii: ">") { end += 1 }
            let selfClosing = end > i && bytes[end - 1] == UInt8(ascii: "/")
            if name.elementsEqual("w:t".utf8) && !selfClosing {
                // Text up to the closing tag.
                let start = min(end + 1, n)
                var k = start
                while k < n, bytes[k] != UInt8(ascii: "<") { k += 1 }
                appendDecoded(bytes[start..<k], to: &out)
                i = k
                continue
            }
            if name.elementsEqual("/w:p".utf8) {
                out.append(UInt8(ascii: "\n"))
            } else if name.elementsEqual("w:tab".utf8) {
                out.append(UInt8(ascii: "\t"))
            } else if name.elementsEqual("w:br".utf8) || name.elementsEqual("w:cr".utf8) {
                out.append(UInt8(ascii: "\n"))
            }
            i = end + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isNameEnd(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") || b == 0x09 || b == 0x0A || b == 0x0D
    }

    /// XML character data with `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and numeric references decoded.
    private static func appendDecoded(_ s: ArraySlice<UInt8>, to out: inout [UInt8]) {
        var i = s.startIndex
        while i < s.endIndex {
            let b = s[i]
            guard b == UInt8(ascii: "&"), let semi = s[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                out.append(b)
                i += 1
                continue
            }
            let entity = String(decoding: s[(i + 1)..<semi], as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch entity {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
                }
            }
            if let scalar {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i = semi + 1
            } else {
                out.append(b)
                i += 1
            }
        }
    }
}
