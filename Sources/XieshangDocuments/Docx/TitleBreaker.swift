import Foundation

/// Breaks a title that does not fit one line (GB/T 9704 §7.3.3): "标题回行时，要做到词意完整，
/// 排列对称，长短适宜，间距恰当，标题排列应当使用梯形或菱形". So a line never ends inside a
/// word of the `Vocabulary`, a number with its unit, or between a mark and what it encloses;
/// among the breaks that remain, those at a quotation or book-title mark and at the edge of a
/// known word are preferred, and the lines' lengths make a trapezoid (each longer or each
/// shorter than the one above) or a diamond, never an hourglass, and none is a stub.
struct TitleBreaker {
    /// Characters of the title's size one line holds.
    var capacity: Double
    /// Words not to split, e.g. `Vocabulary.all` and the document's issuing organs.
    var words: [String]

    /// The title's lines. Breaks already in the title (`\n`) are kept; a line that does not fit
    /// is broken further.
    func lines(_ title: String) -> [String] {
        title.split(separator: "\n", omittingEmptySubsequences: true).flatMap { part -> [String] in
            let line = String(part).trimmingCharacters(in: .whitespaces)
            return LineBreaking.width(line) <= capacity ? [line] : breaking(line)
        }
    }

    private func breaking(_ title: String) -> [String] {
        let chars = Array(title)
        let n = chars.count
        let cost = breakCosts(chars)
        let fewest = Int((LineBreaking.width(title) / capacity).rounded(.up))
        var best: (cost: Double, cuts: [Int])?
        // One more line than the fewest may give a better shape or break.
        for count in fewest...(fewest + 1) where count <= n {
            guard var found = bestCuts(chars, lines: count, breakCost: cost) else { continue }
            // A line more must buy a clearly better break or shape.
            found.cost += Double(count - fewest) * 3
            if best == nil || found.cost < best!.cost { best = found }
        }
        guard let cuts = best?.cuts else {
            // Nothing fits the rules (a very long word): break where the line is full.
            return greedy(chars)
        }
        let bounds = [0] + cuts + [n]
        return zip(bounds, bounds.dropFirst()).map { String(chars[$0..<$1]) }
    }

    /// The cost of a break before `chars[i]`, or nil where no break may be: 0 at a mark or
    /// before "的" that starts the document's name, 1 at a known word's edge, 3 elsewhere.
    private func breakCosts(_ chars: [Character]) -> [Int: Double] {
        let n = chars.count
        var inside = Set<Int>()
        var edges = Set<Int>()
        let text = String(chars)
        for word in words where word.count > 1 {
            var from = text.startIndex
            while let range = text.range(of: word, range: from..<text.endIndex) {
                let start = text.distance(from: text.startIndex, to: range.lowerBound)
                let end = start + word.count
                edges.insert(start)
                edges.insert(end)
                for i in (start + 1)..<end { inside.insert(i) }
                from = text.index(after: range.lowerBound)
            }
        }
        // A number and the unit after it ("2026年", "第3期") are one word.
        for i in 1..<n where chars[i - 1].isNumber && chars[i - 1].isASCII && (chars[i].isASCII || "年月日号期次届位个件项".contains(chars[i])) {
            inside.insert(i)
        }
        var costs: [Int: Double] = [:]
        for i in 1..<n {
            let before = chars[i - 1], after = chars[i]
            if LineBreaking.noLineStart.contains(after) || LineBreaking.noLineEnd.contains(before) { continue }
            if inside.contains(i) { continue }
            if "”》）".contains(before) || "“《（".contains(after) {
                costs[i] = 0
            } else if after == "的", n - i <= 6 {
                costs[i] = 0
            } else if edges.contains(i) {
                costs[i] = 1
            } else {
                costs[i] = 3
            }
        }
        return costs
    }

    /// The cheapest `lines - 1` breaks, every line fitting; nil if there are none.
    private func bestCuts(_ chars: [Character], lines: Int, breakCost: [Int: Double]) -> (cost: Double, cuts: [Int])? {
        let n = chars.count
        let candidates = breakCost.keys.sorted()
        func width(_ a: Int, _ b: Int) -> Double { LineBreaking.width(String(chars[a..<b])) }
        var best: (Double, [Int])?
        func search(_ start: Int, _ cuts: [Int]) {
            if cuts.count == lines - 1 {
                guard width(start, n) <= capacity else { return }
                let bounds = [0] + cuts + [n]
                let widths = zip(bounds, bounds.dropFirst()).map { width($0, $1) }
                let total = cuts.reduce(0) { $0 + (breakCost[$1] ?? 9) } + shapeCost(widths)
                if best == nil || total < best!.0 { best = (total, cuts) }
                return
            }
            for cut in candidates where cut > start {
                let w = width(start, cut)
                if w > capacity { break }
                search(cut, cuts + [cut])
            }
        }
        search(0, [])
        return best
    }

    /// Lines of even length cost nothing; the cost grows with the square of the difference
    /// (per two characters), an hourglass or a stub (under a quarter of the line) costs extra,
    /// and equal lengths (a rectangle, not a trapezoid) a little.
    private func shapeCost(_ widths: [Double]) -> Double {
        let mean = widths.reduce(0, +) / Double(widths.count)
        var cost = widths.reduce(0) { $0 + pow2(($1 - mean) / 2) }
        if widths.contains(where: { $0 < capacity / 4 }) { cost += 10 }
        if widths.count >= 3 {
            for i in 1..<(widths.count - 1) where widths[i] < widths[i - 1] - 0.5 && widths[i] < widths[i + 1] - 0.5 {
                cost += 5
            }
        }
        if widths.count == 2 && abs(widths[0] - widths[1]) < 0.5 { cost += 0.5 }
        return cost
    }

    private func pow2(_ x: Double) -> Double { x * x }

    private func greedy(_ chars: [Character]) -> [String] {
        var lines: [String] = []
        var current = ""
        for c in chars {
            if LineBreaking.width(current + String(c)) > capacity, !current.isEmpty {
                lines.append(current)
                current = ""
            }
            current.append(c)
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
