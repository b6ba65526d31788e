import Foundation
@testable import XieshangCore

/// The cast of the outcome tests: symposium 7 held on 2026-06-18 (outcomes due 2026-07-03),
/// county leader 10 and 11, departments 21 (农业农村局), 22 (交通运输局) and 23 (茶叶产业办).
/// Built-in 2026 calendar: 端午节 06-19..21; 中秋节 09-25..27; 国庆节 10-01..07 with Sunday
/// 09-20 and Saturday 10-10 worked; 春节 02-15..23 with Saturdays 02-14 and 02-28 worked.
enum OutcomeFixtures {
    static let regulation = Regulation.default
    static let calendar = WorkingCalendar.builtIn
    static let symposiumID = 7
    static let symposiumDay = day("2026-06-18")
    static let leaderID = 10
    static let otherLeaderID = 11
    static let agricultureID = 21
    static let transportID = 22
    static let teaOfficeID = 23

    static func day(_ iso: String) -> Day {
        guard let d = Day(iso: iso) else { fatalError("bad test date \(iso)") }
        return d
    }

    /// `hour`:00 China Standard Time on the day.
    static func at(_ iso: String, hour: Int = 9) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day(iso).ordinal * 86_400 + (hour - 8) * 3600))
    }

    static func draft(_ form: OutcomeForm, id: Int = 1, symposiumDay: Day = symposiumDay, on iso: String = "2026-06-22",
                      regulation: Regulation = regulation) throws -> Outcome {
        try Outcome(id: id, symposiumID: symposiumID, symposiumDay: symposiumDay, form: form,
                    title: "关于推进安化黑茶产业高质量发展的\(form.chineseName)", body: "一、基本情况……",
                    draftedBy: "办公室", at: at(iso, hour: 8), calendar: calendar, regulation: regulation)
    }

    /// A draft ready to send: recipients (leader 10, departments 21 and 22) and, but for a
    /// proposal, a document number.
    static func ready(_ form: OutcomeForm, id: Int = 1, symposiumDay: Day = symposiumDay, handling: Set<Int> = [],
                      regulation: Regulation = regulation) throws -> Outcome {
        var o = try draft(form, id: id, symposiumDay: symposiumDay, on: symposiumDay.iso, regulation: regulation)
        try o.setRecipients([.leader(personID: leaderID), .department(agricultureID), .department(transportID)],
                            handlingDepartments: handling)
        if form != .proposal {
            try o.setDocumentNumber(DocumentNumber(prefix: form == .referenceBrief ? "安政协参" : "安政协建",
                                                   year: symposiumDay.year, serial: id))
        }
        return o
    }

    /// Sent on `iso`.
    static func sent(_ form: OutcomeForm, id: Int = 1, symposiumDay: Day = symposiumDay, on iso: String,
                     handling: Set<Int> = [], regulation: Regulation = regulation) throws -> Outcome {
        var o = try ready(form, id: id, symposiumDay: symposiumDay, handling: handling, regulation: regulation)
        try o.send(by: "办公室", at: at(iso), calendar: calendar, regulation: regulation)
        return o
    }
}
