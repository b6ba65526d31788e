import Foundation

/// Printed copies a producer delivered to the office, as the office registered them.
public struct PaperDelivery: Sendable, Equatable, Codable {
    /// The 份号 given to the copies, ascending.
    public var numbers: [Int]
    /// Who brought them ("县农业农村局 王某"); empty when not recorded.
    public var deliveredBy: String
    public var registeredBy: String
    public var at: Date
    /// A speech draft delivered on paper: the office confirmed the lead committee reviewed it (三(四).3).
    public var reviewedOnPaper: Bool
}

/// The office's confirmation that a classified material which already holds files is handled
/// on paper only on this non-classified system; with `filesRemoved`, the stored files and their
/// text are deleted (on purpose and audited, never silently).
public struct PaperOnlyConfirmation: Sendable, Equatable, Codable {
    public var actor: String
    public var at: Date
    public var filesRemoved: Bool
}

/// 秘密 and 机密 materials on paper (保守国家秘密法; 三(四).2 "根据涉密程度明确发放范围").
extension Material {
    /// Every 份号 of the printed copies, ascending.
    public var paperCopyNumbers: [Int] { paperDeliveries.flatMap(\.numbers).sorted() }

    /// The office has registered printed copies: the material can be issued on paper.
    public var isDeliveredOnPaper: Bool { !paperDeliveries.isEmpty }

    /// How the material reaches its readers on `system`.
    public func handling(on system: SystemClassification) -> MaterialHandling { system.handling(of: secrecy) }

    /// Whether a reader in the range may open its file here: only when the deployment handles its
    /// level electronically and it has an issuable file. Otherwise the file is never served,
    /// searched, previewed or printed into a packet.
    public func servesFile(on system: SystemClassification) -> Bool {
        handling(on: system) == .electronic
    }

    /// Refuses an upload the deployment may not hold (a state secret on a non-classified system).
    public func checkUploadAllowed(on system: SystemClassification) throws {
        try system.checkFileAllowed(for: secrecy)
    }

    /// A classified material holding files on a non-classified system that the office has not
    /// yet confirmed to handle on paper: shown to the office until it does.
    public func needsPaperOnlyConfirmation(on system: SystemClassification) -> Bool {
        handling(on: system) == .paper && !versions.isEmpty && paperOnly == nil
    }

    /// Registers `count` printed copies the producer delivered (纸质件登记): each gets the next 份号
    /// of the material's one counter, never given before, to a packet copy or a printed one.
    /// Only for 秘密 and 机密 materials; a speech draft only once the lead committee's review is
    /// done (forwarded here, or confirmed as done on paper).
    /// Returns the new copies, in the office.
    public mutating func registerPaperCopies(_ count: Int, deliveredBy: String, reviewedOnPaper: Bool,
                                             actor: String, at: Date) throws -> [PaperCopy] {
        guard secrecy.isClassified else { throw PaperCopyError.notClassified(secrecy) }
        guard (1...MaterialLimits.maxPaperCopies).contains(count) else { throw PaperCopyError.countInvalid(MaterialLimits.maxPaperCopies) }
        if review != nil, !hasIssuableFile, !reviewedOnPaper {
            throw PaperCopyError.reviewRequired(kind)
        }
        let who = deliveredBy.trimmingCharacters(in: .whitespacesAndNewlines)
        guard who.count <= MaterialLimits.maxPaperNameLength else {
            throw PaperCopyError.textTooLong("送交人", MaterialLimits.maxPaperNameLength)
        }
        let numbers = CopyNumbers.next(count, after: Set(copyNumbers.values).union(paperCopyNumbers))
        paperDeliveries.append(PaperDelivery(numbers: numbers, deliveredBy: who, registeredBy: actor, at: at,
                                             reviewedOnPaper: review != nil && reviewedOnPaper))
        return numbers.map { PaperCopy(materialID: id, number: $0, registeredBy: actor, at: at) }
    }

    /// The office confirms that this classified material, which holds files from before, is
    /// handled on paper only on this non-classified system. With `removeFiles` its versions' text
    /// is cleared here (the store deletes the bytes in the same transaction); the versions'
    /// names and checksums stay, so the record shows what was held and removed.
    public mutating func confirmPaperOnly(removeFiles: Bool, on system: SystemClassification, actor: String, at: Date) throws {
        guard handling(on: system) == .paper, !versions.isEmpty else { throw PaperCopyError.paperOnlyNotNeeded }
        guard paperOnly == nil else { throw PaperCopyError.alreadyConfirmed }
        if removeFiles {
            for i in versions.indices { versions[i].extractedText = "" }
        }
        paperOnly = PaperOnlyConfirmation(actor: actor, at: at, filesRemoved: removeFiles)
    }

    /// How minutes, outcomes and lists cite the material: by title, and a classified one by its
    /// marking and number too, never by its content ("《…》（秘密★1年，材料编号12）").
    public var citation: String {
        guard secrecy.isClassified, let marking else { return "《\(title)》" }
        return "《\(title)》（\(marking)，材料编号\(id)）"
    }
}
