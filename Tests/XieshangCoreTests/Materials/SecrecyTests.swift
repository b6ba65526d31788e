import Foundation
import Testing
@testable import XieshangCore

@Suite("Secrecy levels, periods and markings (三(四).2, GB/T 9704)")
struct SecrecyTests {
    @Test("三(四).2 four levels, no 绝密; only 秘密 and 机密 are classified and take copy numbers")
    func levels() {
        #expect(SecrecyLevel.allCases.map(\.chineseName) == ["公开", "内部", "秘密", "机密"])
        #expect(SecrecyLevel.allCases.filter(\.isClassified) == [.secret, .confidential])
        #expect(SecrecyLevel.public < .internal && SecrecyLevel.internal < .secret && SecrecyLevel.secret < .confidential)
    }

    @Test("GB/T 9704 the marking prints level and period with a star")
    func markings() {
        #expect(SecrecyLevel.secret.marking(period: .years(1)) == "秘密★1年")
        #expect(SecrecyLevel.confidential.marking(period: .months(6)) == "机密★6个月")
        #expect(SecrecyLevel.confidential.marking(period: nil) == "机密")
        #expect(SecrecyLevel.internal.marking(period: nil) == "内部")
        #expect(SecrecyLevel.public.marking(period: nil) == nil)
    }

    @Test("保密期限 is read from a form as 1年 or 6个月")
    func periodParsing() {
        #expect(SecrecyPeriod(chinese: "1年") == .years(1))
        #expect(SecrecyPeriod(chinese: " 10年 ") == .years(10))
        #expect(SecrecyPeriod(chinese: "6个月") == .months(6))
        for bad in ["", "年", "一年", "1天", "-1年", "1.5年"] { #expect(SecrecyPeriod(chinese: bad) == nil, "\(bad)") }
    }

    @Test("三(四).2 a period only on a classified material, positive, within the legal maximum")
    func periodRules() throws {
        var m = try MaterialFixtures.material(.departmentBriefing)
        #expect(throws: MaterialError.periodWithoutClassification(.internal)) {
            try m.classify(.internal, period: .years(1), distribution: .none)
        }
        #expect(throws: MaterialError.periodInvalid) { try m.classify(.secret, period: .years(0), distribution: .none) }
        #expect(throws: MaterialError.periodTooLong(.secret, 10)) { try m.classify(.secret, period: .years(11), distribution: .none) }
        #expect(throws: MaterialError.periodTooLong(.confidential, 20)) {
            try m.classify(.confidential, period: .months(241), distribution: .none)
        }
        try m.classify(.confidential, period: .years(20), distribution: .none)
        #expect(m.marking == "机密★20年")
    }

    @Test("三(四).2 a classified material names its range: never everyone; a refused change changes nothing")
    func classifiedNeverToEveryone() throws {
        #expect(throws: MaterialError.classifiedToEveryone(.secret)) {
            try MaterialFixtures.material(.departmentBriefing, secrecy: .secret, distribution: .everyone)
        }
        var m = try MaterialFixtures.material(.departmentBriefing, secrecy: .secret, period: .years(1),
                                              distribution: .attendingOnly)
        let before = m
        #expect(throws: MaterialError.classifiedToEveryone(.confidential)) {
            try m.classify(.confidential, period: nil, distribution: .everyone)
        }
        #expect(m == before)
        try m.classify(.public, period: nil, distribution: .everyone)
        #expect(m.secrecy == .public && m.distribution == .everyone && m.marking == nil)
    }
}
