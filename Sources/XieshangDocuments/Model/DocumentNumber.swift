/// 发文字号: organ code, year in hexagon brackets 〔〕, serial number with no leading zeros and
/// no "第" (GB/T 9704-2012 §7.2.4), e.g. `安政协办联发〔2026〕1号`.
public struct DocumentNumber: Sendable, Hashable, CustomStringConvertible {
    /// 发文机关代字, e.g. "安政协办联发".
    public let prefix: String
    public let year: Int
    public let serial: Int

    public init(prefix: String, year: Int, serial: Int) {
        self.prefix = prefix
        self.year = year
        self.serial = serial
    }

    /// Parses a number written the standard's way; nil for `[2026]`, `（2026）`, `01号`, `第1号`, a
    /// two-digit year or a missing organ code, which a reviewer would send back.
    public init?(_ text: String) {
        guard let open = text.firstIndex(of: "〔"), let close = text.firstIndex(of: "〕"), open < close,
              text.hasSuffix("号") else { return nil }
        let prefix = String(text[..<open])
        let year = text[text.index(after: open)..<close]
        let serial = text[text.index(after: close)..<text.index(before: text.endIndex)]
        guard !prefix.isEmpty, !prefix.contains(where: { "〔〕[]()（）".contains($0) }),
              year.count == 4, year.allSatisfy({ $0.isASCII && $0.isNumber }),
              !serial.isEmpty, serial.allSatisfy({ $0.isASCII && $0.isNumber }), serial.first != "0",
              let y = Int(year), let n = Int(serial) else { return nil }
        self.init(prefix: prefix, year: y, serial: n)
    }

    public var text: String { "\(prefix)〔\(year)〕\(serial)号" }
    public var description: String { text }

    /// Whether a document's number is written the standard's way.
    public static func isValid(_ text: String) -> Bool { DocumentNumber(text)?.text == text }
}
