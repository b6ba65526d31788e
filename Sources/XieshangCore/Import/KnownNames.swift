/// The sectors, committees and departments already in the database, which an import may
/// refer to but never creates: a typo must not silently found a new 界别.
public struct KnownNames: Sendable, Equatable {
    public var sectors: Set<String>
    public var committees: Set<String>
    public var departments: Set<String>

    public init(sectors: Set<String>, committees: Set<String>, departments: Set<String>) {
        self.sectors = sectors
        self.committees = committees
        self.departments = departments
    }
}

/// Matching a cell against one set of known names.
enum KnownNameMatch {
    /// The known spelling of `cell`: exact, or equal once spaces are removed ("农业 界").
    static func resolve(_ cell: String, in known: Set<String>) -> String? {
        if known.contains(cell) { return cell }
        let bare = ImportText.removingSpaces(cell)
        return known.first { ImportText.removingSpaces($0) == bare }
    }

    /// A known name the user probably meant: the single one containing the cell or contained
    /// in it ("教育局" → "县教育局", "农业" → "农业界"). None when ambiguous, to avoid guessing.
    static func suggestion(for cell: String, in known: Set<String>) -> String? {
        let bare = ImportText.removingSpaces(cell)
        guard bare.count >= 2 else { return nil }
        let candidates = known.filter { $0.contains(bare) || bare.contains($0) }
        return candidates.count == 1 ? candidates.first : nil
    }
}
