import Foundation

/// Turns an uploaded file's bytes into text, whatever Excel on a Chinese office PC saved.
///
/// Excel's "CSV UTF-8" writes a UTF-8 BOM; its plain "CSV (逗号分隔)" on Chinese Windows
/// writes GBK, which GB18030 contains; "Unicode 文本" writes UTF-16LE with a BOM. A file
/// carries no label, so the bytes decide: a BOM wins, then strict UTF-8 (GBK Chinese text
/// is practically never valid UTF-8), then GB18030.
public enum TextDecoding {
    public static func decode(_ data: Data) throws(Refusal) -> String {
        let bytes = [UInt8](data)

        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else { throw unreadable }
            return try refusingBinary(text)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return try refusingBinary(utf16(bytes.dropFirst(2), bigEndian: false))
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return try refusingBinary(utf16(bytes.dropFirst(2), bigEndian: true))
        }
        // The most common wrong upload is the workbook itself; say so rather than "bad encoding".
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw Refusal(.invalid, code: "excel_workbook_not_csv",
                          message: "这是Excel工作簿文件（.xlsx/.xls），不是CSV文件。请在Excel中选择“另存为”，保存类型选“CSV UTF-8（逗号分隔）”后再导入")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return try refusingBinary(text)
        }
        if let converted = Iconv.convert(bytes, from: "GB18030", to: "UTF-8"),
           let text = String(validating: converted, as: UTF8.self) {
            return try refusingBinary(text)
        }
        throw unreadable
    }

    /// GB18030 bytes of `s` (no BOM), as Excel's default CSV on Chinese Windows would hold them.
    public static func encodeGB18030(_ s: String) -> Data? {
        Iconv.convert(Array(s.utf8), from: "UTF-8", to: "GB18030").map { Data($0) }
    }

    static let unreadable = Refusal(
        .invalid, code: "unreadable_encoding",
        message: "无法识别文件的文字编码。文件必须是UTF-8或GB18030/GBK编码的CSV文件，请在Excel中另存为“CSV UTF-8（逗号分隔）”后再导入")

    private static func utf16(_ body: ArraySlice<UInt8>, bigEndian: Bool) throws(Refusal) -> String {
        guard body.count % 2 == 0 else { throw unreadable }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var i = body.startIndex
        while i < body.endIndex {
            let a = UInt16(body[i]), b = UInt16(body[i + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else { throw unreadable }
        return text
    }

    /// A NUL never occurs in a spreadsheet's text; its presence means a binary file that
    /// happened to decode (e.g. an image), which would otherwise surface as baffling row errors.
    private static func refusingBinary(_ text: String) throws(Refusal) -> String {
        if text.unicodeScalars.contains("\0") { throw unreadable }
        return text
    }
}
