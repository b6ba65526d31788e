import Foundation

/// One 文稿材料 of a symposium (三(四)): what it is, who produces it, how secret it is and who
/// receives it, its uploaded versions, and — for speech drafts — the lead committee's review.
///
/// The fields that carry a rule change only through the methods that check it; a store loads,
/// calls one method, and saves.
public struct Material: Sendable, Equatable, Codable, Identifiable {
    public var id: Int
    public var symposiumID: Int
    public private(set) var kind: MaterialKind
    public private(set) var title: String
    public private(set) var producer: Producer
    public private(set) var secrecy: SecrecyLevel
    public private(set) var secrecyPeriod: SecrecyPeriod?
    public private(set) var distribution: Distribution
    /// When the producer owes it to the office (or, for a speech draft, to the lead committee).
    public var due: Day?
    public internal(set) var versions: [MaterialVersion]
    /// The review of a speech draft (`kind.needsReview`); nil for the other kinds.
    public private(set) var review: SpeechReview?
    /// Reference materials: to whom they were sent in advance, and when (三(四).4).
    public internal(set) var sentTo: [Int: Date]
    /// Reference materials: who opened them, first time.
    public internal(set) var opened: [Int: Date]
    /// 份号 by person, once numbered (`numberCopies(for:)`); numbers are never reused.
    public private(set) var copyNumbers: [Int: Int]
    /// Printed copies the producer delivered and the office registered (纸质件登记), oldest first;
    /// their 份号 come from the same counter as `copyNumbers`.
    public internal(set) var paperDeliveries: [PaperDelivery]
    /// On a non-classified system: the office's confirmation that this classified material, which
    /// holds files from before, is handled on paper only.
    public internal(set) var paperOnly: PaperOnlyConfirmation?

    /// A new material with no file yet. The producer must be one the working method allows for
    /// the kind (`Producer.responsible(for:…)` gives it); secrecy, period and range must agree.
    public init(id: Int = 0, symposiumID: Int, kind: MaterialKind, title: String, producer: Producer,
                secrecy: SecrecyLevel = .internal, secrecyPeriod: SecrecyPeriod? = nil,
                distribution: Distribution = .attendingOnly, due: Day? = nil) throws {
        guard producer.fits(kind) else { throw MaterialError.producerMismatch(kind, producer) }
        self.id = id
        self.symposiumID = symposiumID
        self.kind = kind
        self.title = try Self.checkedTitle(title)
        self.producer = producer
        self.secrecy = .public
        self.secrecyPeriod = nil
        self.distribution = .none
        self.due = due
        self.versions = []
        self.review = kind.needsReview ? SpeechReview() : nil
        self.sentTo = [:]
        self.opened = [:]
        self.copyNumbers = [:]
        self.paperDeliveries = []
        self.paperOnly = nil
        try classify(secrecy, period: secrecyPeriod, distribution: distribution)
    }

    public var currentVersion: MaterialVersion? { versions.last }

    /// GB/T 9704 marking for the document's top left ("秘密★1年"); nil for public materials.
    public var marking: String? { secrecy.marking(period: secrecyPeriod) }

    /// Ready to be issued by the office: as a file (`hasIssuableFile`), or as printed copies
    /// the office has registered (`isDeliveredOnPaper`). Readers in the range see it from then on.
    public var isIssuable: Bool { hasIssuableFile || isDeliveredOnPaper }

    /// It has a file, and a speech draft has been reviewed and forwarded as its current version
    /// (nothing unreviewed is issued, 三(四).3).
    public var hasIssuableFile: Bool {
        guard let current = currentVersion else { return false }
        guard let review else { return true }
        return review.forwardedVersion == current.number
    }

    public mutating func rename(_ title: String) throws {
        self.title = try Self.checkedTitle(title)
    }

    /// Sets secrecy level, period and range together (三(四).2 "根据涉密程度明确发放范围"): a period
    /// only for a classified level and within its legal maximum; never "everyone" for a classified one.
    public mutating func classify(_ level: SecrecyLevel, period: SecrecyPeriod?, distribution: Distribution) throws {
        try period?.check(for: level)
        try distribution.check(for: level)
        secrecy = level
        secrecyPeriod = period
        self.distribution = distribution
    }

    /// Records an uploaded file (its format already decided by `FileSniffer`). A new version of a
    /// submitted, approved or forwarded speech draft sends the draft back to drafting.
    @discardableResult
    public mutating func addVersion(fileName: String, format: MaterialFormat, byteCount: Int, sha256: String,
                                    uploadedBy: String, at: Date, extractedText: String) throws -> MaterialVersion {
        let name = FileSniffer.cleanFileName(fileName)
        guard !name.isEmpty, name.count <= MaterialLimits.maxFileNameLength else { throw MaterialError.fileNameInvalid }
        guard byteCount > 0 else { throw MaterialError.emptyFile }
        guard byteCount <= MaterialLimits.maxUploadBytes else { throw MaterialError.fileTooLarge(MaterialLimits.maxUploadBytes) }
        let hash = sha256.lowercased()
        guard MaterialVersion.isSHA256(hash) else { throw MaterialError.checksumInvalid }
        let version = MaterialVersion(number: (versions.last?.number ?? 0) + 1, fileName: name, format: format,
                                      byteCount: byteCount, sha256: hash, uploadedBy: uploadedBy, at: at,
                                      extractedText: extractedText)
        var next = self
        next.versions.append(version)
        // A file held anew needs the office's confirmation again should the level forbid it.
        next.paperOnly = nil
        if var r = next.review, SpeechReview.Action.revise.from.contains(r.state) {
            try r.take(.revise, version: version.number, actor: uploadedBy, at: at)
            next.review = r
        }
        self = next
        return version
    }

    /// One step of a speech draft's review (三(四).3); refused for kinds that need none.
    public mutating func review(_ action: SpeechReview.Action, comments: String = "", actor: String, at: Date) throws {
        guard var r = review else { throw MaterialError.reviewNotRequired(kind) }
        try r.take(action, version: currentVersion?.number, comments: comments, actor: actor, at: at)
        review = r
    }

    /// Gives classified copies their 份号 for `recipients` (person ids in the office's distribution
    /// order): numbers already given are kept, new recipients get the next ones after every
    /// number ever given, printed copies' included.
    public mutating func numberCopies(for recipients: [Int]) {
        copyNumbers = CopyNumbers.assign(recipients: recipients, existing: copyNumbers, reserved: Set(paperCopyNumbers))
    }

    /// "000012", or nil if the person's copy has no number.
    public func copyNumber(for personID: Int) -> String? {
        copyNumbers[personID].map(CopyNumbers.format)
    }

    private enum CodingKeys: String, CodingKey {
        case id, symposiumID, kind, title, producer, secrecy, secrecyPeriod, distribution, due, versions, review, sentTo, opened,
             copyNumbers, paperDeliveries, paperOnly
    }

    /// Rows written before paper copies existed have neither `paperDeliveries` nor `paperOnly`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int.self, forKey: .id)
        symposiumID = try c.decode(Int.self, forKey: .symposiumID)
        kind = try c.decode(MaterialKind.self, forKey: .kind)
        title = try c.decode(String.self, forKey: .title)
        producer = try c.decode(Producer.self, forKey: .producer)
        secrecy = try c.decode(SecrecyLevel.self, forKey: .secrecy)
        secrecyPeriod = try c.decodeIfPresent(SecrecyPeriod.self, forKey: .secrecyPeriod)
        distribution = try c.decode(Distribution.self, forKey: .distribution)
        due = try c.decodeIfPresent(Day.self, forKey: .due)
        versions = try c.decode([MaterialVersion].self, forKey: .versions)
        review = try c.decodeIfPresent(SpeechReview.self, forKey: .review)
        sentTo = try c.decode([Int: Date].self, forKey: .sentTo)
        opened = try c.decode([Int: Date].self, forKey: .opened)
        copyNumbers = try c.decode([Int: Int].self, forKey: .copyNumbers)
        paperDeliveries = try c.decodeIfPresent([PaperDelivery].self, forKey: .paperDeliveries) ?? []
        paperOnly = try c.decodeIfPresent(PaperOnlyConfirmation.self, forKey: .paperOnly)
    }

    static func checkedTitle(_ title: String) throws -> String {
        let t = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { throw MaterialError.titleRequired }
        guard t.count <= MaterialLimits.maxTitleLength else { throw MaterialError.titleTooLong(MaterialLimits.maxTitleLength) }
        return t
    }
}
