import Foundation

/// The printed copies of one material (its 纸质件登记簿), with the rules that need all of them:
/// a copy goes to a named person inside the range, and each person holds one copy at a time.
/// A store loads the material and its copies, calls one method, and saves the copies it changed.
public struct PaperCopyLedger: Sendable, Equatable {
    public let material: Material
    /// By 份号.
    public private(set) var copies: [PaperCopy]

    public init(material: Material, copies: [PaperCopy]) {
        self.material = material
        self.copies = copies.filter { $0.materialID == material.id }.sorted { $0.number < $1.number }
    }

    public func copy(_ number: Int) throws -> PaperCopy {
        guard let c = copies.first(where: { $0.number == number }) else { throw PaperCopyError.copyNotFound(number) }
        return c
    }

    /// The copy a person holds now (handed out or kept).
    public func held(by personID: Int) -> PaperCopy? { copies.first { $0.holderID == personID } }

    /// The copy last handed to a person, whatever became of it since (a packet and a receipt cite it).
    public func latest(for personID: Int) -> PaperCopy? {
        copies.filter { $0.recipientID == personID }.max { ($0.last(.handOut)?.at ?? .distantPast) < ($1.last(.handOut)?.at ?? .distantPast) }
    }

    /// The copies still in the office, lowest number first.
    public var inOffice: [PaperCopy] { copies.filter { $0.state == .inOffice } }

    /// Hands copy `number` to `recipient` (named `name` in refusals), who must be inside the
    /// range (`MaterialAccess.mayReceivePaperCopy`) and hold no other copy of this material.
    public mutating func handOut(_ number: Int, to recipient: MaterialReader, named name: String, leadCommitteeID: Int,
                                 actor: String, at: Date) throws {
        guard let person = recipient.personID else { throw PaperCopyError.notAPerson }
        guard MaterialAccess.mayReceivePaperCopy(material, recipient, leadCommitteeID: leadCommitteeID) else {
            throw PaperCopyError.outsideRange(name)
        }
        if let held = held(by: person) { throw PaperCopyError.alreadyHolds(name, held.number) }
        try update(number) { try $0.handOut(to: person, actor: actor, at: at) }
    }

    /// Hands the lowest-numbered copy in the office to `recipient`; returns its number.
    @discardableResult
    public mutating func handOutNext(to recipient: MaterialReader, named name: String, leadCommitteeID: Int,
                                     actor: String, at: Date) throws -> Int {
        guard let next = inOffice.first else { throw PaperCopyError.notEnoughCopies(needed: 1, inOffice: 0) }
        try handOut(next.number, to: recipient, named: name, leadCommitteeID: leadCommitteeID, actor: actor, at: at)
        return next.number
    }

    /// Applies one step to copy `number` (sign, return, keep, dispose).
    public mutating func update(_ number: Int, _ step: (inout PaperCopy) throws -> Void) throws {
        guard let i = copies.firstIndex(where: { $0.number == number }) else { throw PaperCopyError.copyNotFound(number) }
        var c = copies[i]
        try step(&c)
        copies[i] = c
    }
}
