import Foundation
import XieshangCore

/// An iCalendar (RFC 5545) feed of symposia, for calendar programs to subscribe to.
public struct ICalendarFeed: Sendable {
    public struct Event: Sendable, Equatable {
        /// Stable across versions so that subscribers update an event instead of adding one.
        public var uid: String
        public var day: Day
        public var summary: String
        public var description: String
        public var sequence: Int
        public var confirmed: Bool
        public init(uid: String, day: Day, summary: String, description: String, sequence: Int, confirmed: Bool) {
            self.uid = uid
            self.day = day
            self.summary = summary
            self.description = description
            self.sequence = sequence
            self.confirmed = confirmed
        }
    }

    public var name: String
    public var events: [Event]

    public init(name: String, events: [Event]) {
        self.name = name
        self.events = events
    }

    /// The feed's text: CRLF line ends, lines folded at 75 octets, text values escaped.
    public func text(stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Xieshang//双月协商座谈会//ZH", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(name), "X-WR-TIMEZONE:Asia/Shanghai"]
        let dtstamp = Self.utc(stamp)
        for e in events.sorted(by: { $0.day < $1.day }) {
            lines += [
                "BEGIN:VEVENT",
                "UID:" + Self.escape(e.uid),
                "DTSTAMP:" + dtstamp,
                // All-day: the plan fixes the day; the hour comes with the implementation plan.
                "DTSTART;VALUE=DATE:" + Self.basic(e.day),
                "DTEND;VALUE=DATE:" + Self.basic(e.day.adding(days: 1)),
                "SUMMARY:" + Self.escape(e.summary),
                "DESCRIPTION:" + Self.escape(e.description),
                "SEQUENCE:\(e.sequence)",
                "STATUS:" + (e.confirmed ? "CONFIRMED" : "TENTATIVE"),
                "TRANSP:OPAQUE",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    static func basic(_ d: Day) -> String { d.iso.replacingOccurrences(of: "-", with: "") }

    static func utc(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return f.string(from: date)
    }

    /// RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": continue
            default: out.append(ch)
            }
        }
        return out
    }

    /// RFC 5545 §3.1: lines longer than 75 octets are folded, never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var result = ""
        var current = ""
        var octets = 0
        var limit = 75
        for ch in line {
            let n = String(ch).utf8.count
            if octets + n > limit {
                result += current + "\r\n "
                current = ""
                octets = 0
                limit = 74  // the leading space of a continuation line counts
            }
            current.append(ch)
            octets += n
        }
        return result + current
    }
}
