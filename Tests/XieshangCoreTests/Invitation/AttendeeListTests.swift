import Testing
@testable import XieshangCore

@Suite("Attendee list (三(四).5)")
struct AttendeeListTests {
    func entry(_ id: Int, _ name: String, _ category: AttendeeCategory, order: Int) -> AttendeeEntry {
        AttendeeEntry(personID: id, name: name, category: category, protocolOrder: order, unit: "单位\(id)", title: "职务\(id)")
    }

    @Test("三(四).5 five categories in the prescribed order, within each by protocol order")
    func prescribedOrder() {
        let entries = [
            entry(1, "赵专家", .experts, order: 2),
            entry(2, "钱委员", .members, order: 5),
            entry(3, "孙局长", .departmentHeads, order: 1),
            entry(4, "李主任", .committeeHeads, order: 3),
            entry(5, "周书记", .leaders, order: 2),
            entry(6, "吴专家", .experts, order: 1),
            entry(7, "郑县长", .leaders, order: 1),
            entry(8, "王委员", .members, order: 1),
            entry(9, "冯主任", .committeeHeads, order: 1),
        ]
        for seed in 0..<5 {
            var generator = SeededGenerator(seed: UInt64(seed))
            let shuffled = entries.shuffled(using: &generator)
            let sections = AttendeeList.sections(shuffled, regulation: .default)
            #expect(sections.map(\.category) == [.leaders, .committeeHeads, .departmentHeads, .members, .experts])
            #expect(sections.map(\.title) == [
                "县委、县政府、县政协领导同志", "县政协各委室负责同志", "县委、县政府有关部门负责同志", "政协委员", "专家学者",
            ])
            #expect(sections.flatMap(\.entries).map(\.personID) == [7, 5, 9, 4, 3, 8, 2, 6, 1])
        }
    }

    @Test("三(四).5 empty categories are left out")
    func emptyCategoriesOmitted() {
        let sections = AttendeeList.sections([entry(1, "王委员", .members, order: 1), entry(2, "周书记", .leaders, order: 1)],
                                             regulation: .default)
        #expect(sections.map(\.category) == [.leaders, .members])
        #expect(AttendeeList.sections([], regulation: .default).isEmpty)
    }

    @Test("三(四).5 equal protocol order falls back to name, then person id")
    func equalRankIsStable() {
        let sections = AttendeeList.sections([
            entry(3, "王芳", .members, order: 1),
            entry(2, "王芳", .members, order: 1),
            entry(1, "李明", .members, order: 1),
            entry(4, "张三", .members, order: 0),
        ], regulation: .default)
        let names = sections[0].entries.map(\.name)
        #expect(sections[0].entries.first?.personID == 4)
        #expect(Array(names.dropFirst()) == ["李明", "王芳", "王芳"].sorted())
        #expect(sections[0].entries.filter { $0.name == "王芳" }.map(\.personID) == [2, 3])
    }

    @Test("三(四).5 another profile's category order is followed")
    func profileOrder() {
        var regulation = Regulation.default
        regulation.attendeeCategories = [.members, .experts, .leaders, .committeeHeads, .departmentHeads]
        let sections = AttendeeList.sections([
            entry(1, "周书记", .leaders, order: 1), entry(2, "王委员", .members, order: 1),
        ], regulation: regulation)
        #expect(sections.map(\.category) == [.members, .leaders])
    }
}

/// Deterministic shuffles: a failing order can be reproduced.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
