/// 份号 of a classified material's copies (GB/T 9704-2012 7.2.1: six Arabic digits, top left).
///
/// Stable across recompilations of the packet: a number once given stays with its recipient
/// and is never given to anyone else, even if that recipient is later taken off the list.
public enum CopyNumbers {
    /// Numbers for `recipients` (person ids in the office's distribution order): those in
    /// `existing` keep theirs, new ones get the next numbers after the highest ever given,
    /// `reserved` included (numbers the same counter gave to printed copies).
    /// Entries of `existing` for persons no longer listed are kept, so their numbers stay used.
    public static func assign(recipients: [Int], existing: [Int: Int], reserved: Set<Int> = []) -> [Int: Int] {
        var result = existing
        var next = max(existing.values.max() ?? 0, reserved.max() ?? 0) + 1
        for person in recipients where result[person] == nil {
            result[person] = next
            next += 1
        }
        return result
    }

    /// `count` new numbers after every number in `used`: a 份号 is never given twice.
    public static func next(_ count: Int, after used: Set<Int>) -> [Int] {
        let first = (used.max() ?? 0) + 1
        return Array(first..<(first + max(count, 0)))
    }

    /// "000012": at least six digits, zero-padded.
    public static func format(_ number: Int) -> String {
        let digits = String(number)
        return digits.count >= 6 ? digits : String(repeating: "0", count: 6 - digits.count) + digits
    }
}
