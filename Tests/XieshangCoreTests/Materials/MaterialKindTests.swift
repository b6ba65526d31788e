import Testing
@testable import XieshangCore

@Suite("Material kinds (三(四))")
struct MaterialKindTests {
    @Test("三(四) the packet's order: leaders' speeches, department briefings, keynote, booked speeches, reference materials, attendee list")
    func packetOrder() {
        let ordered = MaterialKind.allCases.sorted { $0.packetOrder < $1.packetOrder }
        #expect(ordered == [.leaderSpeech, .departmentBriefing, .keynote, .bookedSpeech, .referenceMaterial, .attendeeList])
        #expect(Set(MaterialKind.allCases.map(\.packetOrder)).count == MaterialKind.allCases.count)
        #expect(MaterialKind.allCases.sorted() == ordered)
    }

    @Test("三(四) every kind has the clause's Chinese name and its clause")
    func namesAndClauses() {
        let names = MaterialKind.allCases.map(\.chineseName)
        #expect(names == ["领导讲话", "有关部门情况介绍", "委室中心发言", "预约发言", "参阅资料", "出席人员名单"])
        #expect(MaterialKind.leaderSpeech.clause == "三(四).1")
        #expect(MaterialKind.departmentBriefing.clause == "三(四).2")
        #expect(MaterialKind.keynote.clause == "三(四).3" && MaterialKind.bookedSpeech.clause == "三(四).3")
        #expect(MaterialKind.referenceMaterial.clause == "三(四).4")
        #expect(MaterialKind.attendeeList.clause == "三(四).5")
    }

    @Test("三(四).3 only speech drafts — the keynote and booked speeches — are reviewed by the lead committee")
    func onlySpeechDraftsAreReviewed() {
        #expect(MaterialKind.allCases.filter(\.needsReview) == [.keynote, .bookedSpeech])
    }

    @Test("三(三) speeches belong to their agenda segments")
    func agendaSegments() {
        #expect(MaterialKind.leaderSpeech.agendaSegment == .leaderRemarks)
        #expect(MaterialKind.departmentBriefing.agendaSegment == .departmentBriefing)
        #expect(MaterialKind.keynote.agendaSegment == .keynote)
        #expect(MaterialKind.bookedSpeech.agendaSegment == .bookedSpeech)
        #expect(MaterialKind.referenceMaterial.agendaSegment == nil && MaterialKind.attendeeList.agendaSegment == nil)
    }
}
