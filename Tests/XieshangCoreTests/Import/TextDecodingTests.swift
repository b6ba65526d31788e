import Foundation
import Testing
@testable import XieshangCore

@Suite("Import: text decoding")
struct TextDecodingTests {
    @Test func utf8() throws {
        #expect(try TextDecoding.decode(Data("姓名,类别\n王芳,委员\n".utf8)) == "姓名,类别\n王芳,委员\n")
    }

    @Test func utf8WithBOM() throws {
        let text = try TextDecoding.decode(Data([0xEF, 0xBB, 0xBF] + Array("姓名,类别".utf8)))
        #expect(text == "姓名,类别")
        #expect(text.unicodeScalars.first == "姓")
    }

    @Test func gb18030() throws {
        let bytes = try #require(TextDecoding.encodeGB18030("姓名,类别\r\n王芳,委员\r\n𠀀"))
        // 姓 is D0 D5 in GBK; U+20000 needs GB18030's four-byte form, beyond GBK.
        #expect(Array(bytes.prefix(2)) == [0xD0, 0xD5])
        #expect(Array(bytes.suffix(4)) == [0x95, 0x32, 0x82, 0x36])
        #expect(String(validating: Array(bytes), as: UTF8.self) == nil)
        #expect(try TextDecoding.decode(bytes) == "姓名,类别\r\n王芳,委员\r\n𠀀")
    }

    @Test func utf16LittleEndianWithBOM() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "姓名\t类别".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try TextDecoding.decode(Data(bytes)) == "姓名\t类别")
    }

    @Test func unreadableBytes() {
        // 0x80 and 0xFF start nothing in UTF-8 or GB18030.
        #expect(throws: TextDecoding.unreadable) { try TextDecoding.decode(Data([0x41, 0x80, 0xFF, 0x42])) }
        // A GB18030 lead byte cut off at the end of the file.
        #expect(throws: TextDecoding.unreadable) { try TextDecoding.decode(Data([0xC7, 0xD5, 0xC7])) }
        // Decodable, but a NUL says it is a binary file.
        #expect(throws: TextDecoding.unreadable) { try TextDecoding.decode(Data([0x41, 0x00, 0x42])) }
        #expect(TextDecoding.unreadable.code == "unreadable_encoding")
        #expect(TextDecoding.unreadable.message.contains("UTF-8或GB18030/GBK"))
    }

    @Test func excelWorkbookIsNamedAsSuch() {
        do {
            _ = try TextDecoding.decode(Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]))
            Issue.record("a workbook decoded")
        } catch {
            #expect(error.code == "excel_workbook_not_csv")
            #expect(error.message.contains("另存为"))
        }
    }
}
