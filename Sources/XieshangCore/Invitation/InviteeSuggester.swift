/// A person the suggester may propose: a member of the current term or an outside expert.
public struct InviteeCandidate: Sendable, Equatable {
    public var personID: Int
    public var name: String
    /// Only `.member` and `.expert` are suggested; leaders and heads are invited by office.
    public var kind: PersonKind
    public var sectorID: Int?
    public var sectorName: String?
    /// Fields the person is known for (专长), as the office tagged them.
    public var expertise: [String]
    /// Titles of earlier symposium topics this person spoke on.
    public var pastSpeechTopics: [String]
    /// Symposia of the current term the person was invited to.
    public var invitationsThisTerm: Int
    public var protocolOrder: Int

    public init(personID: Int, name: String, kind: PersonKind, sectorID: Int?, sectorName: String?,
                expertise: [String], pastSpeechTopics: [String], invitationsThisTerm: Int, protocolOrder: Int) {
        self.personID = personID
        self.name = name
        self.kind = kind
        self.sectorID = sectorID
        self.sectorName = sectorName
        self.expertise = expertise
        self.pastSpeechTopics = pastSpeechTopics
        self.invitationsThisTerm = invitationsThisTerm
        self.protocolOrder = protocolOrder
    }
}

/// What the suggester knows of a topic: the words it is written in.
public struct TopicProfile: Sendable, Equatable {
    public var title: String
    public var rationale: String
    public var keywords: [String]

    public init(title: String, rationale: String, keywords: [String]) {
        self.title = title
        self.rationale = rationale
        self.keywords = keywords
    }
}

/// One proposed invitee, with the reason in words the lead committee can check.
public struct InviteeSuggestion: Sendable, Equatable, Codable {
    public var personID: Int
    public var name: String
    public var kind: PersonKind
    /// Points for closeness to the topic, each explained in `reason`.
    public var relevance: Int
    public var invitationsThisTerm: Int
    /// Relevance less the fairness penalty; the ranking key.
    public var score: Int
    /// Simplified Chinese, e.g. "专长“茶产业”与议题相关；曾就“…”发言；本届尚未受邀".
    public var reason: String

    public init(personID: Int, name: String, kind: PersonKind, relevance: Int,
                invitationsThisTerm: Int, score: Int, reason: String) {
        self.personID = personID
        self.name = name
        self.kind = kind
        self.relevance = relevance
        self.invitationsThisTerm = invitationsThisTerm
        self.score = score
        self.reason = reason
    }
}

/// Proposes members and experts for a topic (三(一).1): "相关领域和行业有代表性的委员", yet
/// "尽量邀请各界别和领域的代表性人物" — closeness to the topic is weighed against giving the
/// same few people every seat of the term.
///
/// It only proposes; the lead committee consults on the list and decides (三(一).1
/// "广泛征求意见"), so every suggestion carries its reason.
public struct InviteeSuggester: Sendable {
    public let regulation: Regulation
    /// Words that occur in nearly every topic title and so prove nothing; they are cut out
    /// before terms are compared.
    public var genericTerms: Set<String>

    // MARK: Weights — all of them, in one place.

    /// A named field of the person in the topic's own words is the strongest evidence that
    /// they can speak to it ("相关领域和行业").
    public static let pointsPerExpertiseMatch = 3
    /// A field that only overlaps the topic in part ("茶园管护" against "茶园管理") is likely,
    /// not certain, to be the same field.
    public static let pointsPerPartialExpertiseMatch = 2
    /// Having spoken on a related topic shows engagement, but a topic is broader than one
    /// person's field, so it weighs less than expertise.
    public static let pointsPerRelatedSpeech = 2
    /// Two related speeches already show the habit; more would let the frequent speakers
    /// outweigh real expertise.
    public static let maxRelatedSpeechesCounted = 2
    /// Each invitation this term costs what a related speech earns: a member invited three
    /// times (−6) yields to an equally close colleague not yet invited, even past a matched
    /// field (3), while one invitation (−2) does not outweigh a second matched field.
    public static let penaltyPerInvitationThisTerm = 2

    /// Words of government topic titles that carry no subject. "安化" is the default
    /// profile's county: a county's own name is in almost every title it writes.
    public static let defaultGenericTerms: Set<String> = [
        "关于", "推进", "推动", "加强", "加快", "提升", "提高", "促进", "发展", "建设", "工作",
        "问题", "情况", "全县", "我县", "本县", "县域", "全面", "深化", "改革", "质量", "高质",
        "管理", "服务", "体系", "机制", "实施", "落实", "进一步", "意见", "建议",
        "调研", "协商", "政协", "委员", "有关", "相关", "工程", "项目", "产业", "行业", "领域",
        "高质量", "现代化", "安化",
    ]

    public init(regulation: Regulation) {
        self.init(regulation: regulation, genericTerms: Self.defaultGenericTerms)
    }

    /// `genericTerms`: an organization adds its own place names to the defaults.
    public init(regulation: Regulation, genericTerms: Set<String>) {
        self.regulation = regulation
        self.genericTerms = genericTerms
    }

    /// `exclude`: persons already on the list. Members first up to the regulation's preferred
    /// upper bound, then experts likewise, each group ordered by score.
    ///
    /// Ties fall to fewer invitations this term, then to a sector not yet represented among
    /// the list and the members suggested before, then to protocol order and id.
    public func suggest(for topic: TopicProfile, from candidates: [InviteeCandidate],
                        excluding exclude: Set<Int>) -> [InviteeSuggestion] {
        let text = TopicText(topic, genericTerms: genericTerms)
        // Those already on the list count as representing their sector.
        let listed = Set(candidates.filter { exclude.contains($0.personID) }.compactMap(\.sectorID))
        var seen = exclude
        let open = candidates.filter { seen.insert($0.personID).inserted }
        return pick(.member, from: open, text: text, limit: regulation.invitedMembers.preferred.upperBound,
                    represented: listed)
            + pick(.expert, from: open, text: text, limit: regulation.invitedExperts.preferred.upperBound,
                   represented: [])
    }

    private struct Scored {
        let candidate: InviteeCandidate
        let suggestion: InviteeSuggestion
    }

    /// Greedy, because whether a sector is "not yet represented" depends on who was
    /// picked before.
    private func pick(_ kind: PersonKind, from candidates: [InviteeCandidate], text: TopicText,
                      limit: Int, represented: Set<Int>) -> [InviteeSuggestion] {
        var pool = candidates.filter { $0.kind == kind }.compactMap { c in
            score(c, text: text).map { Scored(candidate: c, suggestion: $0) }
        }
        var sectors = represented
        var result: [InviteeSuggestion] = []
        while result.count < limit, !pool.isEmpty {
            let key = { (s: Scored) -> (Int, Int, Int, Int, Int) in
                let isNewSector = s.candidate.sectorID.map { !sectors.contains($0) } ?? false
                return (-s.suggestion.score, s.candidate.invitationsThisTerm, isNewSector ? 0 : 1,
                        s.candidate.protocolOrder, s.candidate.personID)
            }
            guard let best = pool.indices.min(by: { key(pool[$0]) < key(pool[$1]) }) else { break }
            let chosen = pool.remove(at: best)
            if let s = chosen.candidate.sectorID { sectors.insert(s) }
            result.append(chosen.suggestion)
        }
        return result
    }

    /// nil when nothing links the person to the topic: fairness alone is no reason to invite.
    func score(_ c: InviteeCandidate, text: TopicText) -> InviteeSuggestion? {
        var relevance = 0
        var full: [String] = []
        var partial: [String] = []
        for tag in unique(c.expertise.map { ImportText.trim($0) }) {
            switch text.match(tag) {
            case .full: full.append(tag); relevance += Self.pointsPerExpertiseMatch
            case .partial: partial.append(tag); relevance += Self.pointsPerPartialExpertiseMatch
            case .none: break
            }
        }
        let speeches = unique(c.pastSpeechTopics.map { ImportText.trim($0) })
            .filter { !text.sharedTerms(with: $0).isEmpty }
            .prefix(Self.maxRelatedSpeechesCounted)
        relevance += speeches.count * Self.pointsPerRelatedSpeech
        guard relevance > 0 else { return nil }

        var reasons: [String] = []
        let tags = full + partial
        if !tags.isEmpty {
            reasons.append("专长" + tags.map { "“\($0)”" }.joined(separator: "、") + "与议题相关")
        }
        if !speeches.isEmpty {
            reasons.append("曾就" + speeches.map { "“\($0)”" }.joined(separator: "、") + "发言")
        }
        if c.kind == .member, let sector = c.sectorName, !sector.isEmpty {
            reasons.append("来自\(sector)")
        }
        reasons.append(c.invitationsThisTerm == 0 ? "本届尚未受邀" : "本届已受邀\(c.invitationsThisTerm)次")

        return InviteeSuggestion(
            personID: c.personID, name: c.name, kind: c.kind, relevance: relevance,
            invitationsThisTerm: c.invitationsThisTerm,
            score: relevance - c.invitationsThisTerm * Self.penaltyPerInvitationThisTerm,
            reason: reasons.joined(separator: "；"))
    }

    private func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

/// The topic's words, prepared for matching Chinese, which has no spaces between words:
/// a tag matches as a substring, or in part through a shared two-character term.
///
/// Terms are read only from what is left once generic words are cut out, so that "产业发展"
/// in two titles does not link 旅游 to 黑茶 through the seam "业发".
struct TopicText: Sendable {
    enum Match { case full, partial, none }

    let text: String
    let keywords: [String]
    let terms: Set<String>
    /// Every character of the topic's subject words, for one-character subjects ("茶").
    let subjectCharacters: Set<Character>
    /// Longest first, so that "高质量" is cut before "质量" would leave "高" behind.
    let generic: [[Character]]

    /// Words that join others and never carry a subject; a pair across one ("展的") is noise.
    static let particles: Set<Character> = ["的", "和", "与", "及", "等", "之", "了", "或", "并"]

    init(_ topic: TopicProfile, genericTerms: Set<String>) {
        generic = genericTerms.map(Array.init).sorted { ($0.count, String($1)) > ($1.count, String($0)) }
        keywords = topic.keywords.map(Self.normalized).filter { $0.count >= 2 }
        text = ([topic.title, topic.rationale].map(Self.normalized) + keywords).joined(separator: "\n")
        let runs = Self.runs(text, cutting: generic)
        terms = Self.bigrams(runs)
        subjectCharacters = Set(runs.joined())
    }

    func match(_ tag: String) -> Match {
        let tag = Self.normalized(tag)
        let runs = Self.runs(tag, cutting: generic)
        // A tag made only of generic words ("产业发展") would match every topic.
        guard tag.count >= 2, !runs.isEmpty else { return .none }
        if text.contains(tag) || keywords.contains(where: { tag.contains($0) && !Self.runs($0, cutting: generic).isEmpty }) {
            return .full
        }
        if !Self.bigrams(runs).isDisjoint(with: terms) { return .partial }
        // A one-character subject with a generic word ("茶" + "产业" in "茶产业") matches in part
        // a topic that has both ("黑茶全产业链"): the generic word alone would match anything,
        // the character alone too little.
        let singles = runs.filter { $0.count == 1 }.map { $0[0] }
        let genericParts = generic.map { String($0) }.filter { tag.contains($0) }
        if !singles.isEmpty, !genericParts.isEmpty, singles.allSatisfy(subjectCharacters.contains),
           genericParts.allSatisfy(text.contains) {
            return .partial
        }
        return .none
    }

    func sharedTerms(with other: String) -> Set<String> {
        Self.bigrams(Self.runs(Self.normalized(other), cutting: generic)).intersection(terms)
    }

    static func normalized(_ s: String) -> String {
        String(ImportText.trim(s).lowercased().filter { !$0.isWhitespace })
    }

    /// The stretches of letters and digits between punctuation, particles and generic words.
    static func runs(_ s: String, cutting generic: [[Character]]) -> [[Character]] {
        let chars = Array(s)
        var result: [[Character]] = []
        var run: [Character] = []
        func flush() {
            if !run.isEmpty { result.append(run) }
            run.removeAll()
        }
        var i = 0
        while i < chars.count {
            if let word = generic.first(where: { chars[i...].starts(with: $0) }) {
                flush()
                i += word.count
                continue
            }
            let ch = chars[i]
            if (ch.isLetter || ch.isNumber) && !particles.contains(ch) { run.append(ch) } else { flush() }
            i += 1
        }
        flush()
        return result
    }

    /// Every two adjacent characters within a run; pure numbers (years, counts) are no subject.
    static func bigrams(_ runs: [[Character]]) -> Set<String> {
        var result = Set<String>()
        for run in runs where run.count >= 2 {
            for i in 0..<(run.count - 1) where !(run[i].isNumber && run[i + 1].isNumber) {
                result.insert(String(run[i...i + 1]))
            }
        }
        return result
    }
}
