import Foundation
import Vapor
import XieshangCore
import XieshangDocuments

/// `xieshang document-sample OUT.docx [--kind notice|letter|minutes]`: writes a realistic
/// official document, so that the GB/T 9704 layout can be opened in Word, WPS or LibreOffice
/// and checked by eye (tests/documents renders them to PDF and PNG).
struct DocumentSampleCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "output", help: "Where to write the .docx file")
        var output: String
        @Option(name: "kind", short: "k", help: "notice (文件格式) | letter (信函格式) | minutes (纪要格式); default notice")
        var kind: String?
    }
    var help: String { "Writes a sample official document (DOCX, GB/T 9704-2012 layout)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let name = signature.kind ?? OfficialDocument.Sample.notice.rawValue
        guard let kind = OfficialDocument.Sample(rawValue: name) else {
            let known = OfficialDocument.Sample.allCases.map(\.rawValue).joined(separator: "、")
            context.console.error("未知样例“\(name)”：可用 \(known)")
            throw ExitCode(2)
        }
        do {
            let document = OfficialDocument.sample(kind)
            let data = try DocxWriter.data(for: document)
            let url = URL(fileURLWithPath: signature.output)
            try data.write(to: url, options: .atomic)
            context.console.print("已生成样例公文：\(url.path)（\(document.title.replacingOccurrences(of: "\n", with: ""))，\(data.count)字节）")
        } catch let e as any DomainError {
            context.console.error(e.message)
            throw ExitCode(1)
        }
    }
}
