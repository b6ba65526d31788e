import Foundation

/// 文稿材料清退归档: the office's step that closes a symposium's materials after the meeting.
///
/// The symposium itself has no "complete" step: it is held when its live meeting ends, and its
/// outcomes are then sent and tracked for months (三(五)). Retrieval (会后清退) comes after the
/// meeting, so the meeting must be able to end with copies still out; the rule "not complete
/// while a copy is unaccounted for" therefore guards this step, which closes the materials:
/// it is refused while a printed copy is in someone's hands without a recorded reason, while a
/// returned or unused copy is neither destroyed nor archived, or while a classified file on a
/// non-classified system awaits the office's confirmation. Once closed, no copy is registered
/// or handed out any more.
public struct MaterialsClosure: Sendable, Equatable, Codable {
    public var actor: String
    public var at: Date
    public var note: String
    /// What became of the printed copies, for the record.
    public var destroyed: Int
    public var archived: Int
    public var kept: Int

    /// Closes the materials of a symposium held on `heldOn`, or says everything that stands in
    /// the way (one refusal per kind, every copy named). `personName` names holders.
    public static func close(heldOn: Day?, materials: [Material], copies: [PaperCopy], system: SystemClassification,
                             personName: (Int) -> String, note: String, actor: String, at: Date) throws -> MaterialsClosure {
        guard heldOn != nil else { throw PaperCopyError.notHeld }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= MaterialLimits.maxPaperNoteLength else {
            throw PaperCopyError.textTooLong("说明", MaterialLimits.maxPaperNoteLength)
        }
        let unconfirmed = materials.filter { $0.needsPaperOnlyConfirmation(on: system) }
        guard unconfirmed.isEmpty else { throw PaperCopyError.unconfirmedFiles(unconfirmed.map(\.citation)) }
        let titles = Dictionary(materials.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        func name(_ c: PaperCopy) -> String { "《\(titles[c.materialID] ?? "")》份号\(c.formattedNumber)" }
        let holders = PaperRetrieval.outstanding(copies)
        guard holders.isEmpty else {
            throw PaperCopyError.unaccounted(holders.flatMap { h in h.copies.map { "\(personName(h.personID))：\(name($0))" } })
        }
        let ordered = copies.sorted { ($0.materialID, $0.number) < ($1.materialID, $1.number) }
        let unsettled = ordered.filter { !$0.state.isSettled }
        guard unsettled.isEmpty else { throw PaperCopyError.unsettled(unsettled.map { "\(name($0))（\($0.state.chineseName)）" }) }
        return MaterialsClosure(actor: actor, at: at, note: note,
                                destroyed: copies.filter { $0.state == .destroyed }.count,
                                archived: copies.filter { $0.state == .archived }.count,
                                kept: copies.filter { $0.state == .kept }.count)
    }

    /// Refuses registering or handing out copies once the materials are closed.
    public static func requireOpen(_ closure: MaterialsClosure?) throws {
        if closure != nil { throw PaperCopyError.materialsClosed }
    }
}
