/// Reading a phone cell: a mainland mobile, or a landline with its area code.
enum ImportPhone {
    enum Reading: Equatable {
        /// Normalised: 11 digits for a mobile, `区号-号码[-分机]` for a landline.
        case valid(String)
        case invalid(reason: String)
    }

    static func read(_ cell: String) -> Reading {
        let s = ImportText.removingSpaces(ImportText.halfWidth(cell))
        if looksScientific(s) {
            return .invalid(reason: "手机“\(ImportText.trim(cell))”被Excel显示成了科学计数法，号码已经丢失；请把该列设为“文本”格式，重新填写号码后再导入")
        }
        var digits = s.filter { $0 != "-" }
        if digits.hasPrefix("+86") { digits.removeFirst(3) } else if digits.hasPrefix("86"), digits.count == 13 { digits.removeFirst(2) }
        if digits.count == 11, digits.allSatisfy(isDigit), digits.hasPrefix("1"),
           let second = digits.dropFirst().first, ("3"..."9").contains(second) {
            return .valid(digits)
        }
        if let landline = landline(s) { return .valid(landline) }
        return .invalid(reason: "手机“\(ImportText.trim(cell))”格式不对，应为11位手机号（如13800000000）或带区号的固定电话（如0737-7222222）")
    }

    /// `0737-7222222`, `07377222222`, `(0737)7222222`, `010-12345678`, with an optional
    /// extension after `-` or `转`. Area codes starting 01/02 have 3 digits, all others 4,
    /// which is what lets a run of digits be split without a dash.
    private static func landline(_ raw: String) -> String? {
        var s = raw
        var ext: Substring?
        if let zhuan = s.firstIndex(of: "转") {
            ext = s[s.index(after: zhuan)...]
            s = String(s[..<zhuan])
        }
        if s.hasPrefix("("), let close = s.firstIndex(of: ")") {
            s = "\(s[s.index(after: s.startIndex)..<close])-\(s[s.index(after: close)...])"
        }
        var parts = s.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 3, ext == nil {
            ext = Substring(parts.removeLast())
        }
        let area: String, number: String
        switch parts.count {
        case 1:
            let all = parts[0]
            guard all.hasPrefix("0"), all.count > 3 else { return nil }
            let areaLength = ["01", "02"].contains(String(all.prefix(2))) ? 3 : 4
            area = String(all.prefix(areaLength))
            number = String(all.dropFirst(areaLength))
        case 2:
            area = parts[0]
            number = parts[1]
        default:
            return nil
        }
        guard area.hasPrefix("0"), (3...4).contains(area.count), area.allSatisfy(isDigit),
              (7...8).contains(number.count), number.allSatisfy(isDigit),
              let first = number.first, ("2"..."9").contains(first) else { return nil }
        if let ext {
            guard (1...6).contains(ext.count), ext.allSatisfy(isDigit) else { return nil }
            return "\(area)-\(number)-\(ext)"
        }
        return "\(area)-\(number)"
    }

    /// `1.38E+10`: what Excel shows, and then saves, for a long number in a narrow General cell.
    private static func looksScientific(_ s: String) -> Bool {
        let upper = s.uppercased()
        guard let e = upper.firstIndex(of: "E") else { return false }
        let mantissa = upper[..<e], exponent = upper[upper.index(after: e)...]
        return !mantissa.isEmpty && mantissa.allSatisfy { isDigit($0) || $0 == "." }
            && exponent.hasPrefix("+") && exponent.count > 1 && exponent.dropFirst().allSatisfy(isDigit)
    }

    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
}
