/// 份号 of a classified material's copies (GB/T 9704-2012 7.2.1: six Arabic digits, top left).
///
/// Stable across recompilations of the packet: a number once given stays with its recipient
/// and is never given to anyone else, even if that recipient is later taken off the list.
public enum CopyNumbers {
    /// Numbers for `recipients` (person ids in the office's distribution order): those in
    /// `existing` keep theirs, new ones get the next numbers after the highest ever given.
    /// Entries of `existing` for persons no longer listed are kept, so their numbers stay used.
    public static func assign(recipients: [Int], existing: [Int: Int]) -> [Int: Int] {
        var result = existing
        var next = (existing.values.max() ?? 0) + 1
        for person in recipients where result[person] == nil {
            result[person] = next
            next += 1
        }
        return result
    }

    /// "000012": at least six digits, zero-padded.
    public static func format(_ number: Int) -> String {
        let digits = String(number)
        return digits.count >= 6 ? digits : String(repeating: "0", count: 6 - digits.count) + digits
    }
}
