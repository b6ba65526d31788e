import Foundation
import Testing
@testable import XieshangCore

/// The county's handling time limits: part of the Regulation, with defaults, readable from
/// profiles stored before they existed.
@Suite("Regulation: handling time limits (county practice)")
struct HandlingRulesTests {
    @Test("三(五) the default profile carries the county practice's handling time limits")
    func defaultsAreCountyPractice() {
        let h = Regulation.default.handling
        #expect(h == .countyPractice && h == HandlingRules())
        let values: [Int] = [h.acknowledgeWorkingDays, h.acceptWorkingDays, h.replyWorkingDays, h.rateWorkingDays,
                             h.reminderDaysBefore]
        #expect(values == [3, 5, 40, 10, 7])
        #expect(h.problems().isEmpty)
    }

    @Test("三(五) a profile stored without handling limits decodes with the defaults, and round-trips")
    func oldProfileDecodes() throws {
        let data = try JSONEncoder().encode(Regulation.default)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object.removeValue(forKey: "handling")
        let old = try JSONSerialization.data(withJSONObject: object)
        let decoded = try JSONDecoder().decode(Regulation.self, from: old)
        #expect(decoded == Regulation.default)

        var custom = Regulation.default
        custom.handling.replyWorkingDays = 20
        #expect(try JSONDecoder().decode(Regulation.self, from: JSONEncoder().encode(custom)) == custom)
    }

    @Test("三(五) a handling limit missing from stored JSON takes its default")
    func partialRulesDecode() throws {
        let rules = try JSONDecoder().decode(HandlingRules.self, from: Data(#"{"replyWorkingDays":60}"#.utf8))
        #expect(rules.replyWorkingDays == 60 && rules.acceptWorkingDays == 5 && rules.reminderDaysBefore == 7)
    }

    @Test("三(五) impossible limits are refused with every problem at once")
    func invalidRules() {
        var h = HandlingRules.countyPractice
        h.acceptWorkingDays = -1
        h.reminderDaysBefore = 400
        #expect(throws: OutcomeError.invalid(["接收办理时限须在0到1000个工作日之间。", "落实事项提前提醒天数须在0到366天之间。"])) {
            try h.validate()
        }
    }
}
