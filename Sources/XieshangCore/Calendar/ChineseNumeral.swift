/// Chinese numerals up to 99, as item numbers (一、… 十二、) and lunar days (廿八) are written.
enum ChineseNumeral {
    private static let digits: [Character: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    static func isNumeral(_ c: Character) -> Bool { digits[c] != nil || c == "十" || c == "廿" }

    /// "七" → 7, "十二" → 12, "二十八" → 28, "廿八" → 28; nil for anything else.
    static func value(_ s: some StringProtocol) -> Int? {
        let chars = Array(s)
        guard !chars.isEmpty, chars.count <= 3 else { return nil }
        if chars.count == 1 {
            if chars[0] == "十" { return 10 }
            return digits[chars[0]]
        }
        if chars[0] == "廿" {
            guard chars.count == 2, let unit = digits[chars[1]] else { return nil }
            return 20 + unit
        }
        guard let ten = chars.firstIndex(of: "十") else { return nil }
        let tens = ten == 0 ? 1 : (ten == 1 ? digits[chars[0]] : nil)
        let units = ten == chars.count - 1 ? 0 : (ten == chars.count - 2 ? digits[chars[ten + 1]] : nil)
        guard let t = tens, let u = units, t > 0 else { return nil }
        return t * 10 + u
    }

    /// 2 → "二", 12 → "十二", 21 → "二十一".
    static func text(_ n: Int) -> String {
        let names = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch n {
        case 0...9: return names[n]
        case 10...19: return "十" + (n == 10 ? "" : names[n - 10])
        case 20...99: return names[n / 10] + "十" + (n % 10 == 0 ? "" : names[n % 10])
        default: return String(n)
        }
    }
}
