/// Spots the same person entered twice in one file.
///
/// A name alone is not enough (two 王芳 in one county are common); the same name with the
/// same phone, or with the same work unit, is taken to be one person.
struct DuplicateFinder {
    private var byPhone: [String: Int] = [:]
    private var byUnit: [String: Int] = [:]

    /// Why `identity` repeats an earlier row, or nil; records it for later rows either way.
    mutating func check(_ identity: PersonRowReader.Identity) -> String? {
        var reason: String?
        if let phone = identity.phone {
            let key = identity.name + "\u{1F}" + phone
            if let first = byPhone[key] {
                reason = "与第\(first)行重复：姓名“\(identity.name)”和手机“\(phone)”都相同，同一人只能出现一次"
            } else {
                byPhone[key] = identity.line
            }
        }
        if let unit = identity.unit {
            let key = identity.name + "\u{1F}" + unit
            if let first = byUnit[key] {
                reason = reason ?? "与第\(first)行重复：姓名“\(identity.name)”和工作单位“\(unit)”都相同，同一人只能出现一次"
            } else {
                byUnit[key] = identity.line
            }
        }
        return reason
    }
}
