import Testing
@testable import XieshangCore

/// Expertise such as "茶产业" is one subject character and a generic word; a topic that names
/// both ("黑茶全产业链") is related, one that names only the generic word is not.
@Suite("Suggesting invitees: one-character subjects (三(一).1)")
struct OneCharacterSubjectTests {
    let suggester = InviteeSuggester(regulation: .default)

    func member(_ id: Int, _ tags: [String]) -> InviteeCandidate {
        InviteeCandidate(personID: id, name: "委员\(id)", kind: .member, sectorID: id, sectorName: "界别\(id)",
                         expertise: tags, pastSpeechTopics: [], invitationsThisTerm: 0, protocolOrder: id)
    }

    @Test("三(一).1 相关领域: “茶产业” is related to “推进安化黑茶全产业链高质量发展”")
    func teaIndustryMatchesTheDarkTeaChain() {
        let topic = TopicProfile(title: "推进安化黑茶全产业链高质量发展", rationale: "黑茶是我县第一支柱产业。", keywords: [])
        let suggested = suggester.suggest(for: topic, from: [member(1, ["茶产业"]), member(2, ["旅游产业"])], excluding: [])
        #expect(suggested.map(\.personID) == [1])
        #expect(suggested.first?.reason.contains("茶产业") == true)
    }

    @Test("三(一).1 相关领域: the generic word alone links nothing")
    func genericWordAloneDoesNotMatch() {
        let topic = TopicProfile(title: "优化营商环境、促进民营经济发展", rationale: "产业升级", keywords: [])
        #expect(suggester.suggest(for: topic, from: [member(1, ["茶产业"])], excluding: []).isEmpty)
    }
}
