import Foundation
import Testing
@testable import XieshangCore

/// The State Council's notices as published, one file each under Fixtures/.
enum NoticeFixtures {
    static let years = 2015...2026
    /// 国发明电〔2015〕1号 (抗战胜利纪念日), 国办发明电〔2019〕3号 (劳动节), 国办发明电〔2020〕1号 (春节延长).
    static let amendmentYears = [2015, 2019, 2020]

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    static func notice(_ year: Int) throws -> String { try text("notices", year) }

    static func amendment(_ year: Int) throws -> String { try text("amendments", year) }

    static func parsedNotice(_ year: Int) throws -> HolidayNotice { try HolidayNotice.parse(notice(year)) }

    static func parsedAmendment(_ year: Int) throws -> HolidayNotice { try HolidayNotice.parse(amendment(year)) }

    private static func text(_ folder: String, _ year: Int) throws -> String {
        let url = try #require(Bundle.module.url(forResource: String(year), withExtension: "txt",
                                                 subdirectory: "Fixtures/\(folder)"), "no fixture \(folder)/\(year).txt")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// A year as the office would load it from notices alone: its own notice, the next year's
    /// notice where it reaches into this December, and this year's amendments.
    static func loadedArrangement(_ year: Int) throws -> YearArrangement {
        var arrangement = try parsedNotice(year).arrangement()
        if years.contains(year + 1) {
            let next = try parsedNotice(year + 1)
            if next.years.contains(year) { arrangement = try arrangement.applying(next).arrangement }
        }
        if amendmentYears.contains(year) {
            arrangement = try arrangement.applying(parsedAmendment(year)).arrangement
        }
        return arrangement
    }
}
