/// How wide a run of text is and how many lines it takes, in characters of its own size, as
/// Word, WPS and LibreOffice set Chinese: ideographs and full-width marks one character each,
/// Latin letters and digits narrower but with a gap where they meet Chinese (both Word's
/// "自动调整中文与西文的间距" and LibreOffice's autospace add one), and no closing mark at the
/// start of a line (the character before it comes down with it). An estimate that errs wide:
/// a title line it says fits does fit, and the page flow it feeds may end a line early, never late.
enum LineBreaking {
    /// A digit of 仿宋_GB2312 is half a character; Noto CJK's proportional digits are a little wider.
    static let latinWidth = 0.56
    static let spaceWidth = 0.3
    /// The gap between Chinese and Latin text (LibreOffice draws about 0.22 of the size).
    static let mixedScriptGap = 0.22
    /// Marks that may not start a line (行首禁则).
    static let noLineStart: Set<Character> = Set("，。、；：？！）》」』”’〕】…·%")
    /// Marks that may not end a line (行尾禁则).
    static let noLineEnd: Set<Character> = Set("（《「『“‘〔【")

    static func isLatin(_ c: Character) -> Bool { c.isASCII && c != " " }

    static func width(of c: Character) -> Double {
        if c == " " { return spaceWidth }
        return c.isASCII ? latinWidth : 1
    }

    /// The width `c` adds after `previous`, the mixed-script gap included.
    static func advance(_ c: Character, after previous: Character?) -> Double {
        guard let previous else { return width(of: c) }
        let mixed = isLatin(previous) != isLatin(c) && previous != " " && c != " "
        return width(of: c) + (mixed ? mixedScriptGap : 0)
    }

    static func width(_ text: some StringProtocol) -> Double {
        var total = 0.0
        var previous: Character?
        for c in text {
            total += advance(c, after: previous)
            previous = c
        }
        return total
    }

    /// Lines `text` takes when the first line holds `first` characters and the others `rest`;
    /// `\n` starts a line. An empty text is one (empty) line.
    static func lines(_ text: String, first: Double, rest: Double) -> Int {
        var lines = 1
        var capacity = first
        var used = 0.0
        var previous: Character?
        for c in text {
            if c == "\n" || c == "\r\n" {
                lines += 1
                capacity = rest
                used = 0
                previous = nil
                continue
            }
            let w = advance(c, after: previous)
            if used + w > capacity + 0.01 {
                lines += 1
                capacity = rest
                used = width(of: c)
                if noLineStart.contains(c), let previous { used += width(of: previous) }
            } else {
                used += w
            }
            previous = c
        }
        return lines
    }
}
