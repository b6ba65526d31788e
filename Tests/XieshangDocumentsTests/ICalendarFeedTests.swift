import Foundation
import Testing
import XieshangCore
@testable import XieshangDocuments

private let stamp = Date(timeIntervalSince1970: 1_796_000_000)

private func day(_ iso: String) -> Day { Day(iso: iso)! }

private func time(_ h: Int, _ m: Int = 0) -> TimeOfDay { TimeOfDay(hour: h, minute: m)! }

private let symposium = ICalendarFeed.Event(
    uid: "symposium-2026-7@xieshang", day: day("2026-12-17"),
    time: .init(start: time(9), end: time(11, 30)),
    summary: "双月协商座谈会：推进安化黑茶全产业链高质量发展",
    description: "牵头委室：农业农村委员会\n主持：县政协主席",
    location: "县政协三楼会议室", sequence: 3, confirmed: true)

/// The feed as a client reads it: physical lines unfolded into content lines.
private func contentLines(_ text: String) -> [String] {
    text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
}

private func value(_ name: String, in text: String) -> [String] {
    contentLines(text).filter { $0.hasPrefix(name + ":") || $0.hasPrefix(name + ";") }
}

/// RFC 5545 feeds that calendar programs subscribe to.
@Suite struct ICalendarFeedTests {
    @Test func timedEventIsInShanghaiTimeWithItsOwnZoneDefinition() {
        let text = ICalendarFeed(name: "县政协双月协商座谈会", events: [symposium]).text(stamp: stamp)
        #expect(value("DTSTART", in: text) == ["DTSTART:19700101T000000", "DTSTART;TZID=Asia/Shanghai:20261217T090000"])
        #expect(value("DTEND", in: text) == ["DTEND;TZID=Asia/Shanghai:20261217T113000"])
        let zone = contentLines(text).drop { $0 != "BEGIN:VTIMEZONE" }.prefix { $0 != "END:VTIMEZONE" }
        #expect(zone.contains("TZID:Asia/Shanghai"))
        #expect(zone.contains("TZOFFSETFROM:+0800"))
        #expect(zone.contains("TZOFFSETTO:+0800"))
        #expect(!zone.contains("BEGIN:DAYLIGHT"))
    }

    @Test func eventWithoutATimeIsAllDay() {
        var undecided = symposium
        undecided.time = nil
        let text = ICalendarFeed(name: "县政协", events: [undecided]).text(stamp: stamp)
        #expect(value("DTSTART", in: text).last == "DTSTART;VALUE=DATE:20261217")
        #expect(value("DTEND", in: text) == ["DTEND;VALUE=DATE:20261218"])
    }

    @Test func startWithoutAnEndHasNoEnd() {
        var open = symposium
        open.time = .init(start: time(14, 30))
        let text = ICalendarFeed(name: "县政协", events: [open]).text(stamp: stamp)
        #expect(value("DTSTART", in: text).last == "DTSTART;TZID=Asia/Shanghai:20261217T143000")
        #expect(value("DTEND", in: text).isEmpty)
    }

    @Test func endNotAfterStartIsRefused() {
        #expect(ICalendarFeed.Event.Time(start: time(10), end: time(9)) == nil)
        #expect(ICalendarFeed.Event.Time(start: time(10), end: time(10)) == nil)
    }

    @Test func locationIsWrittenWhenKnown() {
        #expect(value("LOCATION", in: ICalendarFeed(name: "县政协", events: [symposium]).text(stamp: stamp))
            == ["LOCATION:县政协三楼会议室"])
        var nowhere = symposium
        nowhere.location = " "
        #expect(value("LOCATION", in: ICalendarFeed(name: "县政协", events: [nowhere]).text(stamp: stamp)).isEmpty)
    }

    @Test func movedMeetingKeepsItsUIDAndCarriesTheCallersHigherSequence() {
        var moved = symposium
        moved.day = day("2026-12-24")
        moved.sequence = 4
        let before = ICalendarFeed(name: "县政协", events: [symposium]).text(stamp: stamp)
        let after = ICalendarFeed(name: "县政协", events: [moved]).text(stamp: stamp)
        #expect(value("UID", in: before) == value("UID", in: after))
        #expect(value("SEQUENCE", in: before) == ["SEQUENCE:3"])
        #expect(value("SEQUENCE", in: after) == ["SEQUENCE:4"])
        #expect(value("DTSTART", in: after).last == "DTSTART;TZID=Asia/Shanghai:20261224T090000")
    }

    @Test func emptyFeedIsStillACalendarWithAComponent() {
        let lines = contentLines(ICalendarFeed(name: "张三的双月协商座谈会", events: []).text(stamp: stamp))
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.last == "END:VCALENDAR")
        #expect(lines.contains("VERSION:2.0"))
        #expect(lines.contains { $0.hasPrefix("PRODID:") })
        #expect(lines.contains("BEGIN:VTIMEZONE"))
        #expect(!lines.contains("BEGIN:VEVENT"))
    }

    @Test func textValuesAreEscapedAndControlCharactersDropped() {
        #expect(ICalendarFeed.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        #expect(ICalendarFeed.escape("一\r\n二\r三") == "一\\n二\\n三")
        #expect(ICalendarFeed.escape("甲\u{7}乙\t丙") == "甲乙\t丙")
    }

    @Test func everyPhysicalLineIsAtMost75OctetsOfWholeUTF8AndUnfoldsBack() throws {
        var long = symposium
        long.summary = String(repeating: "关于推进县域农村人居环境整治提升的协商，", count: 12) + "🇨🇳👩‍👩‍👧"
        long.description = String(repeating: "abc,", count: 60)
        let text = ICalendarFeed(name: "县政协", events: [long]).text(stamp: stamp)
        let bytes = Array(text.utf8)
        var lines: [[UInt8]] = [[]]
        for (i, b) in bytes.enumerated() {
            if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { lines.append([]); continue }
            if b == 0x0A { continue }
            lines[lines.count - 1].append(b)
        }
        for line in lines {
            #expect(line.count <= ICalendarFeed.maxOctets)
            #expect(String(validating: line, as: UTF8.self) != nil, "a line ends inside a UTF-8 sequence")
        }
        #expect(value("SUMMARY", in: text) == ["SUMMARY:" + ICalendarFeed.escape(long.summary)])
        #expect(value("DESCRIPTION", in: text) == ["DESCRIPTION:" + ICalendarFeed.escape(long.description)])
    }

    @Test func linesEndWithCRLFOnly() {
        let text = ICalendarFeed(name: "县政协", events: [symposium]).text(stamp: stamp)
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func eventsComeInDateAndTimeOrder() {
        var afternoon = symposium
        afternoon.uid = "b"
        afternoon.time = .init(start: time(14))
        var morning = symposium
        morning.uid = "a"
        var earlier = symposium
        earlier.uid = "c"
        earlier.day = day("2026-11-02")
        let text = ICalendarFeed(name: "县政协", events: [afternoon, morning, earlier]).text(stamp: stamp)
        #expect(value("UID", in: text) == ["UID:c", "UID:a", "UID:b"])
    }

    @Test func stampIsUTC() {
        #expect(value("DTSTAMP", in: ICalendarFeed(name: "县政协", events: [symposium]).text(stamp: stamp))
            == ["DTSTAMP:20261130T005320Z"])
    }
}
