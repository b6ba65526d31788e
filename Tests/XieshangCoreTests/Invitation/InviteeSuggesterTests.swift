import Testing
@testable import XieshangCore

@Suite("Suggesting invitees (三(一).1)")
struct InviteeSuggesterTests {
    let suggester = InviteeSuggester(regulation: .default)
    let tea = TopicProfile(title: "推进安化黑茶产业高质量发展",
                           rationale: "黑茶是我县支柱产业，茶园管理、品牌建设和茶旅融合仍有短板。",
                           keywords: ["黑茶", "茶旅融合"])

    func member(_ id: Int, sector: Int? = nil, expertise: [String] = [], speeches: [String] = [],
                invited: Int = 0, order: Int? = nil) -> InviteeCandidate {
        InviteeCandidate(personID: id, name: "委员\(id)", kind: .member, sectorID: sector,
                         sectorName: sector.map { "界别\($0)" }, expertise: expertise,
                         pastSpeechTopics: speeches, invitationsThisTerm: invited, protocolOrder: order ?? id)
    }

    func expert(_ id: Int, expertise: [String], invited: Int = 0) -> InviteeCandidate {
        InviteeCandidate(personID: id, name: "专家\(id)", kind: .expert, sectorID: nil, sectorName: nil,
                         expertise: expertise, pastSpeechTopics: [], invitationsThisTerm: invited, protocolOrder: id)
    }

    @Test("三(一).1 尽量邀请各界别: a member invited three times this term ranks below an equally relevant one never invited")
    func fairnessOverTheTerm() {
        // The frequent invitee comes first in protocol order, so only fairness can put them second.
        let often = member(1, sector: 1, expertise: ["茶产业"], invited: 3)
        let never = member(2, sector: 1, expertise: ["茶产业"], invited: 0)
        let s = suggester.suggest(for: tea, from: [often, never], excluding: [])
        #expect(s.map(\.personID) == [2, 1])
        #expect(s[0].relevance == s[1].relevance)
        #expect(s[0].score > s[1].score)
        #expect(s[1].invitationsThisTerm == 3)
        #expect(s[1].reason.contains("本届已受邀3次"))
        #expect(s[0].reason.contains("本届尚未受邀"))
    }

    @Test("三(一).1 相关领域: candidates with nothing linking them to the topic are not suggested")
    func irrelevantNotSuggested() {
        let s = suggester.suggest(for: tea, from: [
            member(1, sector: 1, expertise: ["义务教育", "学前教育"], speeches: ["关于加强乡村学校建设的建议"]),
            member(2, sector: 2, expertise: ["产业发展"]),          // generic words only
            member(3, sector: 3),                                  // no tags at all
            member(4, sector: 4, expertise: ["茶产业"]),
            expert(5, expertise: ["医疗卫生"]),
        ], excluding: [])
        #expect(s.map(\.personID) == [4])
        #expect(s.allSatisfy { $0.relevance > 0 })
    }

    @Test("三(一).1 相关领域: the reason names the matched expertise and the earlier speech")
    func reasonNamesTheTag() throws {
        let s = suggester.suggest(for: tea, from: [
            member(1, sector: 1, expertise: ["茶产业", "义务教育"], speeches: ["关于加快黑茶品牌建设的建议", "关于学校安全的建议"]),
        ], excluding: [])
        let r = try #require(s.first)
        #expect(r.reason.contains("专长“茶产业”与议题相关"))
        #expect(!r.reason.contains("义务教育"))
        #expect(r.reason.contains("曾就“关于加快黑茶品牌建设的建议”发言"))
        #expect(!r.reason.contains("学校安全"))
        #expect(r.reason.contains("本届尚未受邀"))
        #expect(r.relevance == InviteeSuggester.pointsPerExpertiseMatch + InviteeSuggester.pointsPerRelatedSpeech)
    }

    @Test("三(一).1 相关领域: a tag overlapping the topic in part matches, weaker than a whole one")
    func partialOverlapMatches() throws {
        let s = suggester.suggest(for: tea, from: [
            member(1, sector: 1, expertise: ["茶园管护"]),   // shares "茶园" with "茶园管理"
            member(2, sector: 2, expertise: ["茶旅融合"]),   // a keyword itself
        ], excluding: [])
        #expect(s.map(\.personID) == [2, 1])
        let partial = try #require(s.first { $0.personID == 1 })
        #expect(partial.relevance == InviteeSuggester.pointsPerPartialExpertiseMatch)
        #expect(partial.reason.contains("专长“茶园管护”与议题相关"))
    }

    @Test("三(一).1 related speeches count at most twice")
    func speechesCapped() throws {
        let s = suggester.suggest(for: tea, from: [
            member(1, speeches: ["黑茶品牌", "黑茶出口", "黑茶金融", "茶园管护"]),
        ], excluding: [])
        let r = try #require(s.first)
        #expect(r.relevance == InviteeSuggester.maxRelatedSpeechesCounted * InviteeSuggester.pointsPerRelatedSpeech)
    }

    @Test("三(一).1 six members, then two to three experts: members first, each capped at the preferred upper bound")
    func membersFirstAndCapped() {
        let members = (1...9).map { member($0, sector: $0, expertise: ["黑茶"]) }
        let experts = (20...24).map { expert($0, expertise: ["茶叶加工", "黑茶"]) }
        let s = suggester.suggest(for: tea, from: experts + members, excluding: [])
        #expect(s.count == 6 + 3)
        #expect(s.prefix(6).allSatisfy { $0.kind == .member })
        #expect(s.suffix(3).allSatisfy { $0.kind == .expert })
    }

    @Test("三(一).1 persons already on the list are not suggested again")
    func excludedAreLeftOut() {
        let s = suggester.suggest(for: tea, from: [member(1, expertise: ["黑茶"]), member(2, expertise: ["黑茶"])],
                                  excluding: [1])
        #expect(s.map(\.personID) == [2])
    }

    @Test("三(一).1 leaders and heads are never suggested")
    func onlyMembersAndExperts() {
        let head = InviteeCandidate(personID: 1, name: "局长", kind: .departmentHead, sectorID: nil, sectorName: nil,
                                    expertise: ["黑茶"], pastSpeechTopics: [], invitationsThisTerm: 0, protocolOrder: 1)
        #expect(suggester.suggest(for: tea, from: [head], excluding: []).isEmpty)
    }

    @Test("三(一).1 各界别: among equals, a sector not yet represented goes first")
    func sectorSpreadBreaksTies() {
        // Protocol order alone would give 1, 2, 3; member 3 brings a second sector.
        let s = suggester.suggest(for: tea, from: [
            member(1, sector: 1, expertise: ["黑茶"]),
            member(2, sector: 1, expertise: ["黑茶"]),
            member(3, sector: 2, expertise: ["黑茶"]),
        ], excluding: [])
        #expect(s.map(\.personID) == [1, 3, 2])

        // A sector already on the list counts as represented.
        let listed = suggester.suggest(for: tea, from: [
            member(9, sector: 1, expertise: ["教育"]),
            member(1, sector: 1, expertise: ["黑茶"]),
            member(3, sector: 2, expertise: ["黑茶"]),
        ], excluding: [9])
        #expect(listed.map(\.personID) == [3, 1])
    }

    @Test("三(一).1 relevance outweighs a single earlier invitation")
    func relevanceStillCounts() {
        let s = suggester.suggest(for: tea, from: [
            member(1, sector: 1, expertise: ["茶旅融合"]),                                          // 3
            member(2, sector: 2, expertise: ["黑茶", "茶园管理"], speeches: ["黑茶品牌"], invited: 1), // 3+3+2-2
        ], excluding: [])
        #expect(s.map(\.personID) == [2, 1])
    }
}
