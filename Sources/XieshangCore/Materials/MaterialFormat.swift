/// The file formats a material may be uploaded in, decided by content (`FileSniffer`).
public enum MaterialFormat: String, Sendable, Codable, CaseIterable {
    case docx, pdf, text

    public var chineseName: String {
        switch self {
        case .docx: "Word文档（.docx）"
        case .pdf: "PDF文件"
        case .text: "纯文本文件"
        }
    }

    /// The extension a download of this format is named with.
    public var fileExtension: String {
        switch self {
        case .docx: "docx"
        case .pdf: "pdf"
        case .text: "txt"
        }
    }

    public var mimeType: String {
        switch self {
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .pdf: "application/pdf"
        case .text: "text/plain"
        }
    }

    /// The format a file name's extension claims (lowercase, without the dot); nil if none of ours.
    public init?(fileExtension ext: String) {
        switch ext.lowercased() {
        case "docx": self = .docx
        case "pdf": self = .pdf
        case "txt", "text": self = .text
        default: return nil
        }
    }
}
