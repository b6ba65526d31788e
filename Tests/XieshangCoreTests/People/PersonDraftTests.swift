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
        attempt.expertise = ["教育"]
        let result = attempt.selfService(from: original)
        #expect(result.name == "李明" && result.kind == .member && result.sectorID == 1)
        #expect(result.phone == "13800000000" && result.expertise == ["教育"])
    }
}
