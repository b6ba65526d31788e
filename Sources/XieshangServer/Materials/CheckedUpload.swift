import Foundation
import Vapor
import XieshangCore

/// An uploaded file checked by its content and with its text extracted, before anything is
/// stored (三(四), issue "Upload and versions"): a lying extension, an oversized or empty file,
/// an old .doc and a broken DOCX are refused here with a message that says what to do.
struct CheckedUpload: Sendable {
    let fileName: String
    let format: MaterialFormat
    let data: Data
    let sha256: String
    let text: String

    static func check(fileName: String, data: Data) async throws -> CheckedUpload {
        let name = FileSniffer.cleanFileName(fileName)
        let format = try FileSniffer.format(of: data, fileName: name)
        let text: String
        switch format {
        case .text: text = try FileSniffer.text(of: data)
        case .docx: text = try DocxText.extract(data)
        case .pdf: text = await PDFText.extract(data)
        }
        return CheckedUpload(fileName: name, format: format, data: data,
                             sha256: SHA256.hash(data: data).hex, text: MaterialVersion.excerpt(text))
    }
}
