import Foundation
import Testing
@testable import XieshangCore

/// The secrecy rule as properties over thousands of random ranges and readers (三(四).2
/// "根据涉密程度明确发放范围"; DESIGN.md "Secrecy is enforced on every path").
@Suite("Secrecy properties: random ranges × random readers (三(四).2)")
struct SecrecyPropertyTests {
    typealias F = MaterialFixtures
    static let lead = F.leadCommitteeID
    static let persons = Array(1...12)
    static let departments = Array(20...23)
    static let committees = Array(2...5)
    static let trials = 2500

    // MARK: generators

    static func distribution(_ g: inout SplitMix64, classified: Bool) -> Distribution {
        let scopes = classified ? [Distribution.Scope.listed, .attendingOnly] : Distribution.Scope.allCases
        let scope = g.chance(0.6) ? .listed : g.pick(scopes)
        return Distribution(scope: scope, roles: g.subset(Role.allCases, 0.12), personIDs: g.subset(persons, 0.15),
                            departmentIDs: g.subset(departments, 0.25), categories: g.subset(AttendeeCategory.allCases, 0.2))
    }

    static func producer(for kind: MaterialKind, _ g: inout SplitMix64) -> Producer {
        switch kind {
        case .leaderSpeech: g.pick([.partyCommitteeOffice, .governmentOffice, .cppccOffice])
        case .departmentBriefing: .department(g.pick(departments))
        case .keynote, .referenceMaterial: .leadCommittee(g.chance(0.8) ? lead : g.pick(committees))
        case .bookedSpeech: .attendee(personID: g.pick(persons))
        case .attendeeList: .cppccOffice
        }
    }

    static func material(id: Int, _ g: inout SplitMix64) throws -> Material {
        let kind = g.pick(MaterialKind.allCases)
        let secrecy = g.pick(SecrecyLevel.allCases)
        var m = try Material(id: id, symposiumID: F.symposiumID, kind: kind, title: "材料\(id)",
                             producer: producer(for: kind, &g), secrecy: secrecy,
                             distribution: distribution(&g, classified: secrecy.isClassified),
                             due: g.chance(0.5) ? F.day("2026-06-01").adding(days: Int.random(in: 0...20, using: &g)) : nil)
        guard g.chance(0.85) else { return m }
        try F.upload(&m)
        if kind.needsReview {
            let steps: [SpeechReview.Action] = g.pick([[], [.submit], [.submit, .approve], [.submit, .return],
                                                       [.submit, .approve, .forward], [.submit, .approve, .forward],
                                                       [.submit, .approve, .forward, .revise]])
            for (i, step) in steps.enumerated() {
                try m.review(step, comments: "意见", actor: "委室", at: F.at(minutes: i + 1))
            }
        }
        return m
    }

    static func reader(_ g: inout SplitMix64) -> MaterialReader {
        MaterialReader(personID: g.chance(0.85) ? g.pick(persons) : nil, roles: g.subset(Role.allCases, 0.15),
                       departmentID: g.chance(0.5) ? g.pick(departments) : nil,
                       committeeID: g.chance(0.5) ? g.pick(committees) : nil,
                       category: g.chance(0.5) ? g.pick(AttendeeCategory.allCases) : nil,
                       officeOf: g.chance(0.1) ? g.pick(["partyCommittee", "government"]) : nil)
    }

    /// A reader outside `m`'s range by construction: not the office, not its producer, not the
    /// lead committee's staff, and matching none of the range's entries.
    static func outsider(of m: Material, _ g: inout SplitMix64) -> MaterialReader {
        let d = m.distribution
        var roles = g.subset(Role.allCases.filter { !d.roles.contains($0) && $0 != .office }, 0.3)
        var personID: Int? = g.pick(persons.filter { !d.personIDs.contains($0) } + [100])
        if case .attendee(let p) = m.producer, personID == p { personID = nil }
        var departmentID: Int? = g.chance(0.5) ? g.pick(departments) : nil
        if let dep = departmentID, d.departmentIDs.contains(dep) || m.producer == .department(dep) { roles.remove(.department) }
        if !roles.contains(.department) && g.chance(0.5) { departmentID = nil }
        let category: AttendeeCategory? = d.scope == .attendingOnly
            ? nil : g.chance(0.5) ? AttendeeCategory.allCases.filter { !d.categories.contains($0) }.randomElement(using: &g) : nil
        var committeeID: Int? = g.pick(committees)
        if committeeID == lead || m.producer == .leadCommittee(committeeID!) {
            roles.remove(.committee)
        }
        if g.chance(0.3) { committeeID = nil }
        var officeOf: String? = g.chance(0.2) ? g.pick(["partyCommittee", "government"]) : nil
        if (officeOf == "partyCommittee" && m.producer == .partyCommitteeOffice)
            || (officeOf == "government" && m.producer == .governmentOffice) {
            officeOf = nil
        }
        return MaterialReader(personID: personID, roles: roles, departmentID: departmentID, committeeID: committeeID,
                              category: category, officeOf: officeOf)
    }

    // MARK: the rule written out independently, as the oracle

    static func inRange(_ d: Distribution, _ r: MaterialReader) -> Bool {
        d.scope == .everyone || (d.scope == .attendingOnly && r.category != nil) || !d.roles.isDisjoint(with: r.roles)
            || r.personID.map(d.personIDs.contains) == true
            || (r.roles.contains(.department) && r.departmentID.map(d.departmentIDs.contains) == true)
            || r.category.map(d.categories.contains) == true
    }

    static func isProducer(_ p: Producer, _ r: MaterialReader) -> Bool {
        let staff = r.roles.contains(.committee) || r.roles.contains(.office)
        switch p {
        case .partyCommitteeOffice: return r.officeOf == "partyCommittee"
        case .governmentOffice: return r.officeOf == "government"
        case .cppccOffice: return r.roles.contains(.office)
        case .department(let d): return r.roles.contains(.department) && r.departmentID == d
        case .leadCommittee(let c): return staff && r.committeeID == c
        case .attendee(let p): return r.personID == p
        }
    }

    static func expected(_ m: Material, _ r: MaterialReader) -> Bool {
        let leadStaff = (r.roles.contains(.committee) || r.roles.contains(.office)) && r.committeeID == lead
        return r.roles.contains(.office) || isProducer(m.producer, r) || leadStaff || (m.isIssuable && inRange(m.distribution, r))
    }

    static func sees(_ m: Material, _ r: MaterialReader) -> Bool { MaterialAccess.canSee(m, r, leadCommitteeID: lead) }

    static func packet(_ ms: [Material], _ r: MaterialReader) -> [Material] {
        MaterialPacket.contents(ms, for: r, leadCommitteeID: lead)
    }

    // MARK: properties

    @Test("SplitMix64 is the published generator (seed 0 → 0xE220A8397B1DCDAF)")
    func generatorKnownAnswer() {
        var g = SplitMix64(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test("三(四).2 a reader's packet holds exactly the issuable materials canSee admits, and canSee is the rule")
    func packetIsCanSee() throws {
        var g = SplitMix64(seed: 0x5EC2_E7)
        var failures = Failures()
        var pairs = 0, distributions = 0
        for trial in 0..<Self.trials {
            let ms = try (0..<6).map { try Self.material(id: trial * 10 + $0, &g) }
            distributions += ms.count
            for _ in 0..<4 {
                let r = Self.reader(&g)
                for m in ms {
                    failures.check(Self.sees(m, r) == Self.expected(m, r), "trial \(trial): canSee \(m.kind) \(m.producer) \(m.distribution) \(r)")
                    pairs += 1
                }
                let got = Self.packet(ms, r)
                let want = ms.filter { $0.isIssuable && Self.sees($0, r) }.sorted(by: MaterialPacket.inPacketOrder)
                failures.check(got.map(\.id) == want.map(\.id), "trial \(trial): packet \(got.map(\.id)) ≠ \(want.map(\.id))")
                failures.check(Set(got.map(\.id)) == Set(ms.filter { $0.isIssuable && Self.expected($0, r) }.map(\.id)),
                               "trial \(trial): packet against the rule")
                failures.check(zip(got, got.dropFirst()).allSatisfy { $0.kind.packetOrder <= $1.kind.packetOrder },
                               "trial \(trial): packet order")
            }
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(distributions >= 2000 && pairs >= 2000 * 4)
    }

    @Test("三(四).2 no reader outside a range ever sees a classified material, whatever else they hold (admin included)")
    func outsidersNeverSeeClassified() throws {
        var g = SplitMix64(seed: 0xC1A5_5)
        var failures = Failures()
        var checked = 0
        while checked < Self.trials {
            let m = try Self.material(id: checked, &g)
            guard m.secrecy.isClassified else { continue }
            var opened = m
            failures.check((try? opened.classify(m.secrecy, period: nil, distribution: m.distribution.union(.everyone))) == nil,
                           "\(m.secrecy.chineseName) material distributed to everyone")
            for _ in 0..<3 {
                var r = Self.outsider(of: m, &g)
                if g.chance(0.3) && !m.distribution.roles.contains(.admin) { r.roles.insert(.admin) }
                failures.check(!Self.inRange(m.distribution, r) && !Self.isProducer(m.producer, r), "generator: \(r)")
                failures.check(!Self.sees(m, r) && Self.packet([m], r).isEmpty,
                               "\(m.kind) \(m.producer) \(m.distribution) seen by \(r)")
            }
            checked += 1
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("三(四) the office always sees everything issuable, in the packet's order")
    func officeSeesEverythingIssuable() throws {
        var g = SplitMix64(seed: 0x0FF1_CE)
        var failures = Failures()
        for trial in 0..<Self.trials {
            let ms = try (0..<6).map { try Self.material(id: trial * 10 + $0, &g) }
            var office = Self.reader(&g)
            office.roles.insert(.office)
            failures.check(ms.allSatisfy { Self.sees($0, office) }, "trial \(trial): \(office)")
            failures.check(Self.packet(ms, office).map(\.id) ==
                ms.filter(\.isIssuable).sorted(by: MaterialPacket.inPacketOrder).map(\.id), "trial \(trial): office packet")
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("三(四).2 widening a range never hides anything from anyone")
    func wideningIsMonotone() throws {
        var g = SplitMix64(seed: 0x3070_70)
        var failures = Failures()
        for trial in 0..<Self.trials {
            let m = try Self.material(id: trial, &g)
            var wider = m
            let extra = Self.distribution(&g, classified: m.secrecy.isClassified)
            try wider.classify(m.secrecy, period: m.secrecyPeriod, distribution: m.distribution.union(extra))
            failures.check(m.distribution.isWithin(wider.distribution), "trial \(trial): isWithin")
            for _ in 0..<4 {
                let r = Self.reader(&g)
                failures.check(!Self.sees(m, r) || Self.sees(wider, r),
                               "trial \(trial): \(m.distribution) → \(wider.distribution) hides from \(r)")
                failures.check(Set(Self.packet([m], r).map(\.id)).isSubset(of: Set(Self.packet([wider], r).map(\.id))),
                               "trial \(trial): packet shrank")
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }
}

// Nested so that other suites may have their own helpers of these names.
extension SecrecyPropertyTests {
    /// SplitMix64 (Steele, Lea, Flood 2014): a tiny seeded generator, so that every run of the
    /// property tests below draws the same cases and a failure can be replayed.
    struct SplitMix64: RandomNumberGenerator {
        private var state: UInt64
        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
        mutating func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &self)] }
        mutating func subset<T: Hashable>(_ xs: [T], _ p: Double) -> Set<T> { Set(xs.filter { _ in chance(p) }) }
    }

    /// The first few counterexamples of a property and how many there were, so that a broken rule
    /// reports a handful of cases instead of thousands.
    struct Failures: CustomStringConvertible {
        private(set) var count = 0
        private(set) var examples: [String] = []

        var isEmpty: Bool { count == 0 }

        mutating func check(_ holds: Bool, _ example: @autoclosure () -> String) {
            guard !holds else { return }
            count += 1
            if examples.count < 3 { examples.append(example()) }
        }

        var description: String { "\(count) counterexamples, e.g.:\n" + examples.joined(separator: "\n") }
    }
}
