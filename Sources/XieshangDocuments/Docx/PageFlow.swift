/// Where the body's lines fall on the pages, followed while the body is written. Every line
/// of an official document has an exact height (the body's fixed pitch, the masthead's exact
/// lines, table rows of known size), so the writer can tell which page a paragraph lands on
/// without laying it out: enough to put the 版记 on an even page, to leave no blank line at
/// the top of a page, and to keep the signature with the text above it. Paragraphs split
/// between any two lines (widow control is off), a "keep with next" paragraph goes whole to
/// the page of the next one's first line (as LibreOffice moves it), and a table row never splits.
struct PageFlow {
    /// The type area's height.
    let pageHeight: Points
    private(set) var page = 1
    /// Height used on the current page.
    private(set) var used: Points = 0
    /// Lines of "keep with next" paragraphs waiting for the line they stay with.
    private var held: [Points] = []

    init(pageHeight: Points) {
        self.pageHeight = pageHeight
    }

    /// A line of `height` placed now would be the first of a page.
    func startsPage(_ height: Points) -> Bool {
        held.isEmpty && (used == 0 || used + height > pageHeight + 0.01)
    }

    /// Lines wait for the next paragraph's first line.
    var isHolding: Bool { !held.isEmpty }

    /// What is left of the current page after what is held.
    var remaining: Points { pageHeight - used - held.reduce(0, +) }

    /// A paragraph's lines, in order.
    mutating func place(_ lines: [Points], keepWithNext: Bool = false) {
        guard !lines.isEmpty else { return }
        if keepWithNext {
            held += lines
            return
        }
        put(held + [lines[0]])
        held = []
        for line in lines.dropFirst() { put([line]) }
    }

    /// Table rows, none split; `header` repeats at the top of each page the table reaches.
    mutating func placeRows(_ rows: [Points], header: Points?) {
        for (i, row) in rows.enumerated() {
            let startPage = page
            put(held + [row])
            held = []
            if i > 0, page != startPage, let header { used += header }
        }
    }

    mutating func breakPage() {
        flush()
        if used > 0 { newPage() }
    }

    /// Places what is held, as if nothing followed.
    mutating func flush() {
        guard !held.isEmpty else { return }
        put(held)
        held = []
    }

    /// Lines that must share a page go together to the next page when they do not fit here.
    private mutating func put(_ block: [Points]) {
        let height = block.reduce(0, +)
        if used > 0 && used + height > pageHeight + 0.01 { newPage() }
        used += height
        while used > pageHeight + 0.01 {
            // Taller than a page: it runs over, a page at a time.
            used -= pageHeight
            page += 1
        }
    }

    private mutating func newPage() {
        page += 1
        used = 0
    }
}
