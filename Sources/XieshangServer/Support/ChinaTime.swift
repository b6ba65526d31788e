import Foundation

/// Times shown to users are China Standard Time, whatever the server's own zone.
enum ChinaTime {
    static func formatter(_ format: String) -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "zh_CN")
        f.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        f.dateFormat = format
        return f
    }
}
