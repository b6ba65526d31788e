/// Column widths for a ruled table across the type area. The document's weights come first;
/// then every column is widened until its header ("序号") and its short entries (a name, a
/// committee, a date: as many as the width allows) fit on one line, the width taken from the columns with room to spare,
/// so that no header reads "序/号" and no committee "农业农村委员/会".
enum TableColumns {
    /// What must fit on one line, most first, until the columns allow it: entries up to this
    /// many characters (longer ones are prose and wrap), and whole headers or headers in two
    /// even halves ("出席/委员" over a column of numbers). A header of two characters never wraps.
    static let levels: [(entries: Double, wholeHeaders: Bool)] = [(12, true), (8, true), (8, false), (0, true), (0, false)]

    /// Widths in twips summing to `total`. `characterWidth` is one character of the table's
    /// size in twips, `padding` a cell's left and right margins together.
    static func widths(header: [String], rows: [[String]], weights: [Int], total: Int,
                       characterWidth: Double, padding: Int) -> [Int] {
        let columns = weights.count
        guard columns > 0 else { return [] }
        let weightSum = max(1, weights.reduce(0, +))
        var widths = weights.map { Double(total) * Double($0) / Double(weightSum) }
        func needs(_ level: (entries: Double, wholeHeaders: Bool)) -> [Double] {
            var need = [Double](repeating: 0, count: columns)
            for (c, text) in header.enumerated() where c < columns {
                let half = String(text.prefix((text.count + 1) / 2))
                need[c] = max(need[c], fitted(level.wholeHeaders || text.count <= 2 ? text : half, characterWidth, padding))
            }
            for row in rows {
                for (c, text) in row.enumerated() where c < columns && LineBreaking.width(text) <= level.entries {
                    need[c] = max(need[c], fitted(text, characterWidth, padding))
                }
            }
            return need
        }
        let need = levels.lazy.map(needs).first { $0.reduce(0, +) < Double(total) } ?? needs(levels[levels.count - 1])
        let needed = need.reduce(0, +)
        if needed >= Double(total) {
            // Not even the headers fit: share the width in proportion to them.
            widths = need.map { Double(total) * $0 / needed }
        } else {
            for c in 0..<columns where widths[c] < need[c] { widths[c] = need[c] }
            let excess = widths.reduce(0, +) - Double(total)
            let room = (0..<columns).map { max(0, widths[$0] - need[$0]) }
            let roomSum = room.reduce(0, +)
            if excess > 0 && roomSum > 0 {
                for c in 0..<columns { widths[c] -= excess * room[c] / roomSum }
            }
        }
        var result = widths.map { Int($0.rounded(.down)) }
        if let widest = result.indices.max(by: { result[$0] < result[$1] }) {
            result[widest] += total - result.reduce(0, +)
        }
        return result
    }

    /// The width `text` needs on one line, with half a character of slack for a renderer's rounding.
    private static func fitted(_ text: String, _ characterWidth: Double, _ padding: Int) -> Double {
        (LineBreaking.width(text) + 0.5) * characterWidth + Double(padding)
    }
}
