import Fluent
import Vapor
import XieshangCore

/// Builds the suggester's candidates from the persons and the invitation index: relevance
/// from expertise tags and sector, fairness from how often each was invited this term.
enum InviteeSuggestions {
    static func suggest(for loaded: SymposiumStore.Loaded, on req: Request) async throws -> [InviteeSuggestion] {
        let s = loaded.symposium
        let db = req.db
        let org = try await OrganizationModel.query(on: db).first()
        let termStart = org?.termStart ?? "0000-00-00", termEnd = org?.termEnd ?? "9999-99-99"
        // An invitation counts once it was extended (pre-invited or later), in this term, elsewhere.
        let rows = try await SymposiumInvitationModel.query(on: db)
            .filter(\.$date >= termStart).filter(\.$date <= termEnd)
            .filter(\.$state != Invitee.State.proposed.rawValue)
            .filter(\.$symposiumID != loaded.id).all()
        var invitations: [Int: Int] = [:]
        for r in rows { invitations[r.personID, default: 0] += 1 }
        let sectors = Dictionary(try await SectorModel.query(on: db).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        let persons = try await PersonModel.query(on: db)
            .filter(\.$kind ~~ [PersonKind.member.rawValue, PersonKind.expert.rawValue]).all()
        let candidates = persons.compactMap { p -> InviteeCandidate? in
            guard let kind = PersonKind(rawValue: p.kind) else { return nil }
            return InviteeCandidate(personID: p.id!, name: p.name, kind: kind, sectorID: p.sectorID,
                                    sectorName: p.sectorID.flatMap { sectors[$0] }, expertise: Expertise.split(p.expertise),
                                    // Speeches are recorded from the live symposium on; until then none are known.
                                    pastSpeechTopics: [],
                                    invitationsThisTerm: invitations[p.id!] ?? 0, protocolOrder: p.protocolOrder)
        }
        let topic = TopicProfile(title: s.topic, rationale: s.rationale, keywords: [])
        return InviteeSuggester(regulation: req.xieshang.regulation)
            .suggest(for: topic, from: candidates, excluding: Set(s.invitees.map(\.personID)))
    }
}
