import Foundation
import XieshangCore

/// An iCalendar (RFC 5545) feed of meetings, for calendar programs to subscribe to.
///
/// A meeting whose time is known is a timed event in `Asia/Shanghai`, defined by the feed's own
/// `VTIMEZONE` so that no client has to know the zone; one whose time is not set yet is an
/// all-day event on its day. Moving a meeting keeps its `UID` and raises its `SEQUENCE`, so
/// subscribers update the event instead of adding a second one.
public struct ICalendarFeed: Sendable {
    public struct Event: Sendable, Equatable {
        /// The start and, when known, the end, in China Standard Time on the event's day.
        public struct Time: Sendable, Equatable {
            public let start: TimeOfDay
            public let end: TimeOfDay?

            /// nil when the end is not after the start (a meeting does not run past midnight).
            public init?(start: TimeOfDay, end: TimeOfDay? = nil) {
                if let end, end <= start { return nil }
                self.start = start
                self.end = end
            }
        }

        /// Stable across versions so that subscribers update an event instead of adding one.
        public var uid: String
        public var day: Day
        /// nil: the time is not set yet, and the event is all-day.
        public var time: Time?
        public var summary: String
        public var description: String
        public var location: String?
        /// The caller's version of the meeting; it must grow with every change subscribers should see.
        public var sequence: Int
        public var confirmed: Bool

        public init(uid: String, day: Day, time: Time? = nil, summary: String, description: String,
                    location: String? = nil, sequence: Int, confirmed: Bool) {
            self.uid = uid
            self.day = day
            self.time = time
            self.summary = summary
            self.description = description
            self.location = location
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

    /// The zone every timed event is written in.
    public static let timeZoneID = "Asia/Shanghai"
    /// How often a subscribed client should fetch the feed again.
    public static let refreshInterval = "PT1H"

    /// The feed's text: CRLF line ends, lines folded at 75 octets, text values escaped. Never
    /// empty of components: the `VTIMEZONE` is always there, so a feed without meetings is
    /// still a valid calendar (RFC 5545 §3.6 requires at least one component).
    public func text(stamp: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Xieshang//双月协商座谈会//ZH", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(name), "X-WR-TIMEZONE:" + Self.timeZoneID,
            "REFRESH-INTERVAL;VALUE=DURATION:" + Self.refreshInterval, "X-PUBLISHED-TTL:" + Self.refreshInterval,
        ]
        lines += Self.timeZone
        let dtstamp = Self.utc(stamp)
        for e in events.sorted(by: Self.chronological) {
            lines += ["BEGIN:VEVENT", "UID:" + Self.escape(e.uid), "DTSTAMP:" + dtstamp]
            lines += Self.when(e)
            lines.append("SUMMARY:" + Self.escape(e.summary))
            if !e.description.isEmpty { lines.append("DESCRIPTION:" + Self.escape(e.description)) }
            if let location = e.location, !location.trimmingCharacters(in: .whitespaces).isEmpty {
                lines.append("LOCATION:" + Self.escape(location))
            }
            lines += [
                "SEQUENCE:\(max(0, e.sequence))",
                "STATUS:" + (e.confirmed ? "CONFIRMED" : "TENTATIVE"),
                "TRANSP:OPAQUE",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// China Standard Time: UTC+8 all year, no daylight saving since 1991.
    static let timeZone = [
        "BEGIN:VTIMEZONE",
        "TZID:" + timeZoneID,
        "X-LIC-LOCATION:" + timeZoneID,
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0800",
        "TZOFFSETTO:+0800",
        "TZNAME:CST",
        "DTSTART:19700101T000000",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]

    private static func when(_ e: Event) -> [String] {
        guard let time = e.time else {
            // All-day: the plan fixes the day; the hour comes with the implementation plan.
            return ["DTSTART;VALUE=DATE:" + basic(e.day), "DTEND;VALUE=DATE:" + basic(e.day.adding(days: 1))]
        }
        let zoned = ";TZID=" + timeZoneID + ":"
        var lines = ["DTSTART" + zoned + basic(e.day, time.start)]
        if let end = time.end { lines.append("DTEND" + zoned + basic(e.day, end)) }
        return lines
    }

    private static func chronological(_ a: Event, _ b: Event) -> Bool {
        let ka = (a.day, a.time?.start.minutesSinceMidnight ?? -1, a.uid)
        let kb = (b.day, b.time?.start.minutesSinceMidnight ?? -1, b.uid)
        return ka < kb
    }

    static func basic(_ d: Day) -> String { d.iso.replacingOccurrences(of: "-", with: "") }

    /// A local date-time: "20261217T090000".
    static func basic(_ d: Day, _ t: TimeOfDay) -> String {
        basic(d) + "T" + t.description.replacingOccurrences(of: ":", with: "") + "00"
    }

    static func utc(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return f.string(from: date)
    }

    /// RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT; other
    /// control characters are not allowed there at all, so they are dropped.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            case "\t": out.append(ch)
            default:
                if ch.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) { out.append(ch) }
            }
        }
        return out
    }

    /// RFC 5545 §3.1: lines longer than 75 octets are folded, never inside a UTF-8 sequence.
    /// Scalars, not characters, are the unit, so even a long emoji sequence cannot overflow.
    static func fold(_ line: String) -> String {
        var result = ""
        var current = String.UnicodeScalarView()
        var octets = 0
        var limit = maxOctets
        for scalar in line.unicodeScalars {
            let n = String(scalar).utf8.count
            if octets + n > limit {
                result += String(current) + "\r\n "
                current = String.UnicodeScalarView()
                octets = 0
                limit = maxOctets - 1  // the leading space of a continuation line counts
            }
            current.append(scalar)
            octets += n
        }
        return result + String(current)
    }

    static let maxOctets = 75
}
