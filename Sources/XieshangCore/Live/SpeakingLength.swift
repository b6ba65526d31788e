/// How a length of speaking reads in the record, the participation record and the trace.
/// Speaking time is planned in whole minutes (三(三): ≤10, ≤8, ≤5 minutes), so a length reads in
/// minutes first and shows the seconds only when there are some: "7分钟", "7分20秒", "45秒".
public enum SpeakingLength {
    public static func text(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded()))
        if s < 60 { return "\(s)秒" }
        return s % 60 == 0 ? "\(s / 60)分钟" : "\(s / 60)分\(s % 60)秒"
    }
}
