/// A person as entered on a form or in the API, before it is stored.
///
/// `validate()` lists every problem at once, each tied to its field, so the page can show
/// them next to the inputs and the API can return them together.
public struct PersonDraft: Sendable, Equatable, Codable {
    public var name: String
    public var gender: String?
    public var kind: PersonKind
    public var sectorID: Int?
    public var committeeID: Int?
    public var departmentID: Int?
    public var leaderOf: String?
    public var unit: String
    public var title: String
    public var expertise: [String]
    public var phone: String?
    /// Where invitation letters are mailed (三(一).3).
    public var email: String?
    public var termStart: Day?
    public var termEnd: Day?
    public var protocolOrder: Int

    public init(name: String, gender: String? = nil, kind: PersonKind, sectorID: Int? = nil,
                committeeID: Int? = nil, departmentID: Int? = nil, leaderOf: String? = nil,
                unit: String = "", title: String = "", expertise: [String] = [], phone: String? = nil,
                email: String? = nil, termStart: Day? = nil, termEnd: Day? = nil, protocolOrder: Int = 1000) {
        self.name = name
        self.gender = gender
        self.kind = kind
        self.sectorID = sectorID
        self.committeeID = committeeID
        self.departmentID = departmentID
        self.leaderOf = leaderOf
        self.unit = unit
        self.title = title
        self.expertise = expertise
        self.phone = phone
        self.email = email
        self.termStart = termStart
        self.termEnd = termEnd
        self.protocolOrder = protocolOrder
    }

    public struct FieldError: Sendable, Equatable, Codable {
        public let field: String
        public let message: String
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    public static let leaderOfValues = ["partyCommittee": "县委", "government": "县政府", "cppcc": "县政协"]

    /// Trims text fields and drops empty optionals, so that "  " and nil mean the same.
    public func normalized() -> PersonDraft {
        var d = self
        func clean(_ s: String?) -> String? {
            guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            return t
        }
        d.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        d.gender = clean(gender)
        d.leaderOf = clean(leaderOf)
        d.unit = unit.trimmingCharacters(in: .whitespacesAndNewlines)
        d.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        d.phone = clean(phone)
        d.email = clean(email).map(EmailAddress.normalized)
        var seen = Set<String>()
        d.expertise = expertise.compactMap(clean).filter { seen.insert($0).inserted }
        return d
    }

    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        func fail(_ field: String, _ message: String) { errors.append(FieldError(field: field, message: message)) }
        if name.isEmpty { fail("name", "请填写姓名。") }
        if name.count > 30 { fail("name", "姓名不能超过30个字。") }
        if let g = gender, g != "男", g != "女" { fail("gender", "性别只能是“男”或“女”。") }
        if kind == .member && sectorID == nil { fail("sectorID", "委员必须选择界别。") }
        if kind == .departmentHead && departmentID == nil { fail("departmentID", "部门负责人必须选择部门。") }
        if kind == .committeeHead && committeeID == nil { fail("committeeID", "委室负责人必须选择委室。") }
        if kind == .leader, let l = leaderOf, PersonDraft.leaderOfValues[l] == nil {
            fail("leaderOf", "领导所属只能是县委、县政府或县政协。")
        }
        if unit.count > 100 { fail("unit", "工作单位不能超过100个字。") }
        if title.count > 100 { fail("title", "职务不能超过100个字。") }
        if expertise.count > 10 { fail("expertise", "专长标签最多10个。") }
        if expertise.contains(where: { $0.count > 20 }) { fail("expertise", "每个专长标签不能超过20个字。") }
        if let p = phone, !PhoneNumber.isValid(p) {
            fail("phone", "电话号码格式不正确：手机为1开头的11位数字，座机如0737-7222222。")
        }
        if let e = email, !EmailAddress.isValid(e) {
            fail("email",
                 "电子邮箱格式不正确，应如 zhangsan@163.com：只能有一个@，不能有空格、中文或全角符号，@后的域名须含“.”，最长254个字符。")
        }
        if let s = termStart, let e = termEnd, e < s { fail("termEnd", "届次止不能早于届次起。") }
        if (termStart == nil) != (termEnd == nil) { fail("termEnd", "届次起止日期须同时填写。") }
        if protocolOrder < 0 || protocolOrder > 1_000_000 { fail("protocolOrder", "排序须为0到1000000之间的整数。") }
        return errors
    }
}

/// Mainland mobile numbers and landlines as county offices write them.
public enum PhoneNumber {
    public static func isValid(_ s: String) -> Bool {
        let digits = Array(s)
        if digits.count == 11, digits.first == "1", digits.allSatisfy({ $0.isASCII && $0.isNumber }) { return true }
        // Landline: area code 0 + 2–3 digits, a dash, 7–8 digits, optional extension.
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return false
        }
        return parts[0].first == "0" && (3...4).contains(parts[0].count) && (7...8).contains(parts[1].count)
            && (parts.count == 2 || parts[2].count <= 6)
    }
}

/// An e-mail address as invitation letters can be sent to it: the same plain form the mail
/// client accepts (no quoted local parts, no internationalized addresses), plus a dot in the
/// domain, since a county's members write to public providers and unit domains, never to a
/// bare host name.
public enum EmailAddress {
    public static let maxLength = 254

    /// `<>()[]\,;:"`: characters that would need quoting in a mail header.
    private static let forbidden: Set<UInt8> = Set("<>()[]\\,;:\"".utf8)

    public static func isValid(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard !bytes.isEmpty, bytes.count <= maxLength,
              bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !forbidden.contains($0) }) else { return false }
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0], domain = parts[1]
        return !local.isEmpty && local.utf8.count <= 64
            && domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".") && !domain.contains("..")
    }

    /// The domain lower-cased (it is case-insensitive; the local part, strictly, is not).
    public static func normalized(_ s: String) -> String {
        guard let at = s.lastIndex(of: "@") else { return s }
        return String(s[...at]) + s[s.index(after: at)...].lowercased()
    }
}

import Foundation

extension PersonDraft {
    /// What a member (or expert) may change of their own record: how to reach them, where
    /// they work and what they know. Who they are to the CPPCC is the office's to change.
    public func selfService(from original: PersonDraft) -> PersonDraft {
        var d = original
        d.unit = unit
        d.title = title
        d.expertise = expertise
        d.phone = phone
        d.email = email
        return d
    }
}
