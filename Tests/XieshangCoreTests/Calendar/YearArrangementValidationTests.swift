import Testing
import Foundation
@testable import XieshangCore

private func day(_ iso: String) -> Day { Day(iso: iso)! }

private func named(_ iso: String, _ name: String) -> NamedDay { NamedDay(day: day(iso), name: name) }

private func problems(of arrangement: YearArrangement) -> [String] {
    do {
        try arrangement.validate()
        return []
    } catch let error as CalendarError {
        return error.details
    } catch {
        Issue.record("unexpected error \(error)")
        return []
    }
}

@Suite struct YearArrangementValidationTests {
    @Test func everyBuiltInArrangementIsValid() throws {
        for arrangement in BuiltInArrangements.all { try arrangement.validate() }
        #expect(BuiltInArrangements.all.map(\.year) == Array(BuiltInArrangements.years))
    }

    @Test func validArrangementPasses() throws {
        let arrangement = YearArrangement(year: 2027, daysOff: [named("2027-01-01", "元旦")],
                                          adjustedWorkdays: [named("2027-10-09", "国庆节")], source: "通知")
        try arrangement.validate()
    }

    @Test func dayOutsideItsYearIsRefused() {
        let arrangement = YearArrangement(year: 2027, daysOff: [named("2026-12-31", "元旦")],
                                          adjustedWorkdays: [], source: "通知")
        #expect(problems(of: arrangement) == ["放假日期2026年12月31日不在2027年内"])
    }

    @Test func dayBothOffAndWorkingIsRefused() {
        let arrangement = YearArrangement(year: 2027, daysOff: [named("2027-10-09", "国庆节")],
                                          adjustedWorkdays: [named("2027-10-09", "国庆节")], source: "通知")
        #expect(problems(of: arrangement) == ["2027年10月9日既是放假日期又是调休上班日期"])
    }

    @Test func adjustedWorkdayOnAWeekdayIsRefused() {
        let arrangement = YearArrangement(year: 2027, daysOff: [named("2027-01-01", "元旦")],
                                          adjustedWorkdays: [named("2027-10-08", "国庆节")], source: "通知")
        #expect(problems(of: arrangement) == ["调休上班日期2027年10月8日是星期五，不是周末"])
    }

    @Test func duplicateDaysAreRefusedOnce() {
        let arrangement = YearArrangement(
            year: 2027,
            daysOff: [named("2027-01-01", "元旦"), named("2027-01-01", "元旦"), named("2027-01-01", "元旦")],
            adjustedWorkdays: [], source: "通知")
        #expect(problems(of: arrangement) == ["放假日期2027年1月1日重复出现"])
    }

    @Test func emptyNameIsRefused() {
        let arrangement = YearArrangement(year: 2027, daysOff: [named("2027-01-01", " ")],
                                          adjustedWorkdays: [named("2027-10-09", "")], source: "通知")
        #expect(problems(of: arrangement) == ["放假日期2027年1月1日未填写节日名称", "调休上班日期2027年10月9日未填写节日名称"])
    }

    @Test func emptySourceAndNoDaysOffAreRefused() {
        let arrangement = YearArrangement(year: 2027, daysOff: [], adjustedWorkdays: [], source: "")
        #expect(problems(of: arrangement) == ["未填写来源（通知名称）", "未列出任何放假日期"])
    }

    @Test func everyProblemIsListedInOneMessage() {
        let arrangement = YearArrangement(
            year: 2027,
            daysOff: [named("2028-01-01", "元旦"), named("2027-10-04", "国庆节")],
            adjustedWorkdays: [named("2027-10-04", "国庆节"), named("2027-10-08", "")],
            source: "通知")
        #expect(throws: CalendarError.invalidArrangement(year: 2027, problems: [
            "放假日期2028年1月1日不在2027年内",
            "调休上班日期2027年10月8日未填写节日名称",
            "调休上班日期2027年10月4日是星期一，不是周末",
            "调休上班日期2027年10月8日是星期五，不是周末",
            "2027年10月4日既是放假日期又是调休上班日期",
        ])) { try arrangement.validate() }
        let error = CalendarError.invalidArrangement(year: 2027, problems: ["甲", "乙"])
        #expect(error.code == "invalid_arrangement")
        #expect(error.message == "2027年节假日安排有误：甲；乙")
    }

    @Test func arrangementRoundTripsThroughJSON() throws {
        let arrangement = BuiltInArrangements.all.last!
        let data = try JSONEncoder().encode(arrangement)
        #expect(try JSONDecoder().decode(YearArrangement.self, from: data) == arrangement)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains(#""day":"2026-10-01""#))
    }

    @Test func dayKindEncodesFlat() throws {
        let data = try JSONEncoder().encode(DayKind.adjustedWorkday("国庆节"))
        let object = try JSONDecoder().decode([String: String].self, from: data)
        #expect(object == ["kind": "adjustedWorkday", "name": "国庆节"])
        for kind in [DayKind.workday, .weekend, .holiday("春节"), .adjustedWorkday("春节"), .localDayOff("县庆")] {
            #expect(try JSONDecoder().decode(DayKind.self, from: JSONEncoder().encode(kind)) == kind)
        }
    }
}
