/// Where the ink of a line of Chinese sits inside a line of exact height, so that the masthead
/// can be placed by the edges of its characters, as the standard measures ("the top edge of
/// the organ mark is 35 mm below the type area").
///
/// Word and LibreOffice both set the baseline one font descent above the bottom of an exact
/// line: about 0.14 of the size for 仿宋/宋体 on Windows, about 0.29 for Noto CJK on Linux.
/// The middle value keeps both within a millimetre for a 42 pt organ mark.
enum Ink {
    /// Bottom of the line to the baseline, as a fraction of the font size.
    static let descent = 0.22
    /// Top of an ideograph above the baseline.
    static let ascent = 0.84
    /// Bottom of an ideograph below the baseline.
    static let below = 0.08
    /// Top of the dash (一字线) beside a page number above the baseline: 宋体 draws it a
    /// little higher than Noto CJK (about 0.29 of the size); the standard places the dash.
    static let dashAboveBaseline = 0.33

    /// Top of the line to the top of the ink.
    static func top(line: Points, size: Points) -> Points { line - (descent + ascent) * size }
    /// Top of the line to the top of a dash (一字线).
    static func dashTop(line: Points, size: Points) -> Points { line - (descent + dashAboveBaseline) * size }

    /// Top of the line to the bottom of the ink.
    static func bottom(line: Points, size: Points) -> Points { line - (descent - below) * size }

    /// The exact line height for large type: high enough that no renderer clips the top of the
    /// characters (LibreOffice scales the ascent down when a fixed line is lower than the font).
    static func line(for size: Points) -> Points { (size * 1.2 * 10).rounded() / 10 }

    /// Width in characters of the body size: ASCII (digits of dates and numbers) is half-width.
    static func width(_ text: String) -> Double {
        text.reduce(0) { $0 + ($1.isASCII ? 0.5 : 1) }
    }
}
