/// Cell clean-up shared by the import rules.
///
/// A namespace rather than `String` extensions, so these import-specific meanings of "trim"
/// cannot collide with helpers elsewhere in the module.
enum ImportText {
    /// Without surrounding whitespace, counting the ideographic space (U+3000) and
    /// non-breaking space that Chinese typing and Excel leave in cells.
    static func trim(_ s: some StringProtocol) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// Without any whitespace at all: rosters pad two-character names ("王  芳") to align
    /// them with three-character ones, and headers get the same treatment ("姓  名").
    static func removingSpaces(_ s: some StringProtocol) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { !isSpace($0) }))
    }

    /// Full-width ASCII forms (０-９, Ａ-Ｚ, －, ／, ＋) folded to ASCII, so digits typed with a
    /// Chinese input method in full-width mode read as numbers.
    static func halfWidth(_ s: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            if (0xFF01...0xFF5E).contains(c.value), let folded = Unicode.Scalar(c.value - 0xFEE0) {
                out.append(folded)
            } else if c.value == 0x3000 {
                out.append(" ")
            } else {
                out.append(c)
            }
        }
        return String(out)
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        // Zero-width space and BOM are not White_Space, but arrive from copy-paste just the same.
        c.properties.isWhitespace || c.value == 0x200B || c.value == 0xFEFF
    }
}
