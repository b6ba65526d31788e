import Foundation
import Vapor
import XieshangCore

/// One printed copy as the API returns it and the pages show it: its 份号, state, recipient,
/// receipt, keeping and end, and every step of its register. `version` is what an edit of the
/// copy names.
struct PaperCopyDTO: Content {
    struct Person: Content { let id: Int; let name: String }
    struct Signature: Content { let byRecipient: Bool; let text: String; let actor: String; let at: Date; let atText: String }
    struct Step: Content {
        let action: PaperCopy.Action; let actionName: String; let actor: String; let at: Date; let atText: String
        let personName: String?; let note: String
    }

    let materialID: Int
    let number: Int
    /// "000003".
    let copyNumber: String
    let version: Int
    let state: PaperCopy.State
    let stateName: String
    let recipient: Person?
    /// Still in someone's hands: the recipient, handed out or kept.
    let held: Bool
    /// In the office (returned, or never handed out): to be destroyed or archived.
    let disposable: Bool
    let handedOutAtText: String?
    let signature: Signature?
    let keeping: PaperCopy.Keeping?
    let returnedAtText: String?
    /// A destruction's or archiving's record.
    let disposal: String?
    let disposedAtText: String?
    let steps: [Step]

    init(_ loaded: PaperCopyStore.Loaded, names: MaterialNames, time: DateFormatter) {
        let c = loaded.copy
        materialID = c.materialID
        number = c.number
        copyNumber = c.formattedNumber
        version = loaded.version
        state = c.state
        stateName = c.state.chineseName
        recipient = c.recipientID.map { Person(id: $0, name: names.person($0)) }
        held = c.holderID != nil
        disposable = c.state == .returned || c.state == .inOffice
        handedOutAtText = c.last(.handOut).map { time.string(from: $0.at) }
        signature = c.signature.map {
            Signature(byRecipient: $0.byRecipient, text: $0.byRecipient ? "本人签收" : "办公室代为签收", actor: $0.actor, at: $0.at,
                      atText: time.string(from: $0.at))
        }
        keeping = c.state == .kept ? c.keeping : nil
        returnedAtText = c.last(.returnToOffice).map { time.string(from: $0.at) }
        let end = c.state == .destroyed ? c.last(.destroy) : c.state == .archived ? c.last(.archive) : nil
        disposal = end?.note
        disposedAtText = end.map { time.string(from: $0.at) }
        steps = c.steps.map {
            Step(action: $0.action, actionName: $0.action.chineseName, actor: $0.actor, at: $0.at, atText: time.string(from: $0.at),
                 personName: $0.personID.map(names.person), note: $0.note)
        }
    }

    /// "000001—000012", "000013", or "000001、000003" for numbers that do not run on.
    static func range(_ numbers: [Int]) -> String {
        let sorted = numbers.sorted()
        guard let first = sorted.first, let last = sorted.last else { return "" }
        if sorted.count > 1 && last - first == sorted.count - 1 {
            return "\(CopyNumbers.format(first))—\(CopyNumbers.format(last))"
        }
        return sorted.map(CopyNumbers.format).joined(separator: "、")
    }
}
