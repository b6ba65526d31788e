import Testing
@testable import XieshangCore

@Suite("PersonDraft: what a person record must hold")
struct PersonDraftTests {
    func member(_ change: (inout PersonDraft) -> Void = { _ in }) -> PersonDraft {
        var d = PersonDraft(name: "李明", gender: "男", kind: .member, sectorID: 1, unit: "某合作社", title: "理事长",
                            expertise: ["茶产业"], phone: "13907370000",
                            termStart: Day(iso: "2021-12-28"), termEnd: Day(iso: "2026-12-31"))
        change(&d)
        return d.normalized()
    }

    @Test func validMemberPasses() { #expect(member().validate().isEmpty) }

    @Test func memberNeedsASector() {
        #expect(member { $0.sectorID = nil }.validate().map(\.field) == ["sectorID"])
    }

    @Test func departmentHeadNeedsADepartment() {
        #expect(member { $0.kind = .departmentHead; $0.sectorID = nil }.validate().map(\.field) == ["departmentID"])
    }

    @Test func committeeHeadNeedsACommittee() {
        #expect(member { $0.kind = .committeeHead }.validate().map(\.field) == ["committeeID"])
    }

    @Test func nameIsRequiredAfterTrimming() {
        #expect(member { $0.name = "   " }.validate().map(\.field) == ["name"])
    }

    @Test func phoneMustBeMobileOrLandline() {
        #expect(member { $0.phone = "0737-7222222" }.validate().isEmpty)
        #expect(member { $0.phone = "12345" }.validate().map(\.field) == ["phone"])
        #expect(member { $0.phone = "23907370000" }.validate().map(\.field) == ["phone"])
    }

    @Test func emailIsOptionalTrimmedAndItsDomainLowerCased() {
        #expect(member().email == nil)
        #expect(member { $0.email = "   " }.email == nil)
        let d = member { $0.email = "  LiMing@QQ.Com " }
        #expect(d.email == "LiMing@qq.com")
        #expect(d.validate().isEmpty)
    }

    @Test(arguments: ["liming@163.com", "li.ming+cppcc@anhua.gov.cn", "a_b-c@mail.example", "x@y.cn"])
    func emailAccepts(address: String) {
        #expect(member { $0.email = address }.validate().isEmpty)
    }

    @Test(arguments: ["liming", "liming@", "@163.com", "li@ming@163.com", "li ming@163.com", "liming@localhost",
                      "liming@163..com", "liming@.163.com", "liming@163.com.", "李明@163.com", "liming＠163.com",
                      "<liming@163.com>", "li,ming@163.com"])
    func emailMustHaveOneAtNoSpacesAndADottedDomain(address: String) {
        let errors = member { $0.email = address }.validate()
        #expect(errors.map(\.field) == ["email"])
        #expect(errors.first?.message.hasPrefix("电子邮箱格式不正确") == true)
    }

    @Test func emailIsAtMost254Characters() {
        let domain = "@" + String(repeating: "a", count: 240) + ".cn"
        let local = { (n: Int) in String(repeating: "b", count: n) }
        #expect(member { $0.email = local(254 - domain.count) + domain }.validate().isEmpty)
        #expect(member { $0.email = local(255 - domain.count) + domain }.validate().map(\.field) == ["email"])
    }

    @Test func termEndNotBeforeStart() {
        #expect(member { $0.termEnd = Day(iso: "2020-01-01") }.validate().map(\.field) == ["termEnd"])
    }

    @Test func expertiseTagsAreDeduplicatedAndTrimmed() {
        #expect(member { $0.expertise = [" 茶产业", "茶产业", "", "乡村振兴"] }.expertise == ["茶产业", "乡村振兴"])
    }

    @Test func everyProblemIsListedAtOnce() {
        let d = member { $0.name = ""; $0.phone = "x"; $0.sectorID = nil }
        #expect(Set(d.validate().map(\.field)) == ["name", "phone", "sectorID"])
    }

    @Test func selfServiceKeepsWhoThePersonIsToTheCPPCC() {
        let original = member()
        var attempt = original
        attempt.name = "王五"; attempt.kind = .leader; attempt.sectorID = 9; attempt.phone = "13800000000"
        attempt.expertise = ["教育"]; attempt.email = "liming@163.com"
        let result = attempt.selfService(from: original)
        #expect(result.name == "李明" && result.kind == .member && result.sectorID == 1)
        #expect(result.phone == "13800000000" && result.expertise == ["教育"])
        #expect(result.email == "liming@163.com")
    }
}
