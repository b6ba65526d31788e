/// One line of the attendee list (出席人员名单, 三(四).5).
public struct AttendeeEntry: Sendable, Equatable, Codable {
    public var personID: Int
    public var name: String
    public var category: AttendeeCategory
    /// The office's protocol order (排名顺序); lower comes first.
    public var protocolOrder: Int
    public var unit: String
    public var title: String

    public init(personID: Int, name: String, category: AttendeeCategory, protocolOrder: Int, unit: String, title: String) {
        self.personID = personID
        self.name = name
        self.category = category
        self.protocolOrder = protocolOrder
        self.unit = unit
        self.title = title
    }
}

/// One of the five headings of the list, with its people.
public struct AttendeeListSection: Sendable, Equatable, Codable {
    public var category: AttendeeCategory
    /// The heading as printed, e.g. "县政协各委室负责同志".
    public var title: String
    public var entries: [AttendeeEntry]

    public init(category: AttendeeCategory, title: String, entries: [AttendeeEntry]) {
        self.category = category
        self.title = title
        self.entries = entries
    }
}

/// The attendee list's order (三(四).5): "由五个方面组成，依次为" leaders, committee heads,
/// department heads, members, experts — an order of precedence the office may not shuffle,
/// so it comes from the regulation, and within a heading from the office's protocol order.
public enum AttendeeList {
    public static func sections(_ entries: [AttendeeEntry], regulation: Regulation) -> [AttendeeListSection] {
        // A profile that leaves a category out must not make its people vanish from a
        // printed list: they follow the prescribed headings, in the built-in order.
        var order = regulation.attendeeCategories
        for c in AttendeeCategory.allCases where !order.contains(c) { order.append(c) }
        var seen = Set<AttendeeCategory>()
        order = order.filter { seen.insert($0).inserted }

        let byCategory = Dictionary(grouping: entries, by: \.category)
        return order.compactMap { category in
            guard let people = byCategory[category], !people.isEmpty else { return nil }
            return AttendeeListSection(category: category, title: category.chineseName,
                                       entries: people.sorted(by: precedes))
        }
    }

    /// Protocol order first; the name only makes equal ranks stable on paper, and the id
    /// keeps namesakes from swapping places between two prints.
    static func precedes(_ a: AttendeeEntry, _ b: AttendeeEntry) -> Bool {
        if a.protocolOrder != b.protocolOrder { return a.protocolOrder < b.protocolOrder }
        if a.name != b.name { return a.name < b.name }
        return a.personID < b.personID
    }
}
