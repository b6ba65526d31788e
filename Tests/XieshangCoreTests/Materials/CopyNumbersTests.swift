import Testing
@testable import XieshangCore

/// GB/T 9704-2012: a classified document's copies carry a 份号 of six Arabic digits, top left.
@Suite("Copy numbers (份号) of classified materials")
struct CopyNumbersTests {
    @Test("GB/T 9704 份号 are six digits, zero-padded")
    func sixDigits() {
        #expect(CopyNumbers.format(12) == "000012")
        #expect(CopyNumbers.format(1) == "000001")
        #expect(CopyNumbers.format(999_999) == "999999")
        #expect(CopyNumbers.format(1_000_000) == "1000000")
    }

    @Test("GB/T 9704 份号 follow the office's distribution order from 1")
    func numberedInOrder() {
        #expect(CopyNumbers.assign(recipients: [30, 10, 20], existing: [:]) == [30: 1, 10: 2, 20: 3])
        #expect(CopyNumbers.assign(recipients: [30, 30, 10], existing: [:]) == [30: 1, 10: 2])
    }

    @Test("GB/T 9704 份号 stay stable across recompilations; new recipients get the next; a number is never reused")
    func stableAcrossRecompilations() {
        let first = CopyNumbers.assign(recipients: [30, 10, 20], existing: [:])
        #expect(CopyNumbers.assign(recipients: [30, 10, 20], existing: first) == first)
        // Reordered, one removed (10), two added: old numbers kept, 10's number 2 not given again.
        let second = CopyNumbers.assign(recipients: [40, 20, 30, 50], existing: first)
        #expect(second == [30: 1, 10: 2, 20: 3, 40: 4, 50: 5])
        #expect(CopyNumbers.assign(recipients: [10], existing: second)[10] == 2)
    }

    @Test("三(四).2 a classified material numbers its copies and prints them")
    func materialNumbersCopies() throws {
        var m = try MaterialFixtures.issuable(.departmentBriefing, secrecy: .secret, distribution: Distribution(roles: [.leader]))
        m.numberCopies(for: [10, 11])
        m.numberCopies(for: [12, 10, 11])
        #expect(m.copyNumbers == [10: 1, 11: 2, 12: 3])
        #expect(m.copyNumber(for: 12) == "000003")
        #expect(m.copyNumber(for: 99) == nil)
    }
}
