import Foundation
import Testing
@testable import XieshangCore

/// An upload is judged by its bytes (三(四) materials are issued as files; a wrong file must be refused
/// with a message that says what is wrong).
@Suite("File sniffing: content decides, a lying name is refused")
struct FileSnifferTests {
    let pdf = Data("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".utf8)
    let zip = Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array(repeating: 0, count: 40))
    let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 40))
    let utf8 = Data("县政协主席讲话\r\n同志们：\t今天我们召开双月协商座谈会。\n".utf8)

    func format(_ data: Data, _ name: String, maxBytes: Int = MaterialLimits.maxUploadBytes) throws -> MaterialFormat {
        try FileSniffer.format(of: data, fileName: name, maxBytes: maxBytes)
    }

    @Test("三(四) a PDF, a DOCX candidate and plain text are recognised by their content")
    func recognisedByContent() throws {
        #expect(try format(pdf, "情况介绍.pdf") == .pdf)
        #expect(try format(pdf, "情况介绍.PDF") == .pdf)
        #expect(try format(zip, "中心发言.docx") == .docx)
        #expect(try format(utf8, "讲话.txt") == .text)
    }

    @Test("三(四) a name without an extension is decided by content alone")
    func noExtension() throws {
        #expect(try format(pdf, "情况介绍") == .pdf)
        #expect(try format(zip, "发言稿") == .docx)
    }

    @Test("三(四) a .docx that is a PDF is refused with a clear message")
    func docxThatIsPDF() {
        #expect(throws: MaterialError.extensionMismatch("docx", .pdf)) { try format(pdf, "发言稿.docx") }
        #expect(MaterialError.extensionMismatch("docx", .pdf).message.hasPrefix("文件扩展名为.docx，但内容是PDF文件。"))
        #expect(MaterialError.extensionMismatch("docx", .pdf).message.contains("改为.pdf"))
    }

    @Test("三(四) a .pdf that is text, and a .txt that is a DOCX, are refused")
    func otherLies() {
        #expect(throws: MaterialError.extensionMismatch("pdf", .text)) { try format(utf8, "情况介绍.pdf") }
        #expect(throws: MaterialError.extensionMismatch("txt", .docx)) { try format(zip, "讲话.txt") }
        #expect(throws: MaterialError.extensionMismatch("doc", .docx)) { try format(zip, "讲话.doc") }
    }

    @Test("三(四) an empty file is refused")
    func empty() {
        #expect(throws: MaterialError.emptyFile) { try format(Data(), "讲话.docx") }
    }

    @Test("三(四) unknown binary content is refused")
    func unknownContent() {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
        #expect(throws: MaterialError.unknownContent) { try format(png, "讲话.docx") }
        #expect(throws: MaterialError.unknownContent) { try format(Data([0x80, 0xFF, 0xFE, 0x81]), "讲话") }
    }

    @Test("三(四) text with control bytes is not plain text")
    func controlBytes() {
        #expect(throws: MaterialError.unknownContent) { try format(Data("讲话\u{01}稿".utf8), "讲话.txt") }
        #expect(throws: MaterialError.unknownContent) { try format(Data("讲话\u{0}稿".utf8), "讲话.txt") }
        #expect(throws: MaterialError.unknownContent) { try format(Data("讲话\u{1B}[0m".utf8), "讲话.txt") }
    }

    @Test("三(四) an old binary .doc/.wps is refused with advice to save as .docx")
    func legacyWord() {
        #expect(throws: MaterialError.legacyWordFile) { try format(ole, "讲话.doc") }
        #expect(throws: MaterialError.legacyWordFile) { try format(ole, "讲话.wps") }
        #expect(throws: MaterialError.legacyWordFile) { try format(ole, "讲话.docx") }
        #expect(MaterialError.legacyWordFile.message.contains(".docx"))
    }

    @Test("三(四) an extension that is no material format is refused")
    func unsupportedExtension() {
        #expect(throws: MaterialError.unsupportedExtension("xlsx")) { try format(zip, "名单.xlsx") }
        #expect(throws: MaterialError.unsupportedExtension("exe")) { try format(pdf, "setup.exe") }
    }

    @Test("三(四) a file over the limit is refused; one at the limit is accepted; the limit is 20 MiB in one place")
    func oversize() throws {
        #expect(MaterialLimits.maxUploadBytes == 20 * 1024 * 1024)
        var big = pdf
        big.append(Data(repeating: 0x20, count: 100 - pdf.count))
        #expect(try format(big, "a.pdf", maxBytes: 100) == .pdf)
        big.append(0x20)
        #expect(throws: MaterialError.fileTooLarge(100)) { try format(big, "a.pdf", maxBytes: 100) }
        #expect(MaterialError.fileTooLarge(MaterialLimits.maxUploadBytes).message.contains("20MB"))
    }

    @Test("三(四) GB18030 (GBK) text from a Chinese office PC is plain text, and decodes")
    func gb18030Text() throws {
        let text = "县委领导讲话\r\n同志们：黑茶产业是安化的支柱产业。𠀀\r\n"
        let bytes = try #require(TextDecoding.encodeGB18030(text))
        #expect(String(data: bytes, encoding: .utf8) == nil)
        #expect(try format(bytes, "讲话.txt") == .text)
        #expect(try FileSniffer.text(of: bytes) == text)
    }

    @Test("三(四) UTF-8 text with a BOM is plain text; the BOM is not part of its text")
    func utf8BOM() throws {
        let bytes = Data([0xEF, 0xBB, 0xBF]) + utf8
        #expect(try format(bytes, "讲话.txt") == .text)
        #expect(try FileSniffer.text(of: bytes) == String(decoding: utf8, as: UTF8.self))
    }

    @Test("a browser's fake path and stray control characters are dropped from the file name")
    func fileNames() {
        #expect(FileSniffer.cleanFileName("C:\\fakepath\\发言稿.docx") == "发言稿.docx")
        #expect(FileSniffer.cleanFileName("../../etc/passwd") == "passwd")
        #expect(FileSniffer.cleanFileName(" 讲话\u{0}稿.pdf ") == "讲话稿.pdf")
        #expect(FileSniffer.fileExtension(of: "讲话.稿.DOCX") == "docx")
        #expect(FileSniffer.fileExtension(of: ".docx") == "")
        #expect(FileSniffer.fileExtension(of: "讲话") == "")
    }
}
