/// One line of a recipient's compiled packet: a material printed in full, or a classified one
/// the deployment holds on paper only, listed by title as "纸质件，会上分发（份号000003）" with no content.
public enum PacketEntry: Sendable, Equatable {
    case document(Material)
    /// `copyNumber`: the 份号 of the printed copy handed to the recipient, once there is one;
    /// `sentInAdvance`: a reference material sent to the recipient before the meeting (三(四).4).
    case paper(Material, copyNumber: Int?, sentInAdvance: Bool)

    public var material: Material {
        switch self {
        case .document(let m), .paper(let m, _, _): m
        }
    }

    /// What the packet prints in place of a paper material's content.
    public var paperNote: String? {
        guard case .paper(_, let n, let sent) = self else { return nil }
        let number = n.map(CopyNumbers.format) ?? "分发时登记"
        return "纸质件，\(sent ? "已提前送阅" : "会上分发")（份号\(number)）"
    }
}

extension MaterialPacket {
    /// The packet of `reader` (person `personID`): `contents`, each material printed in full
    /// when the deployment serves its file and it has one, else listed as paper with the
    /// 份号 of the copy handed to the reader (`copies`: every printed copy of the symposium).
    public static func entries(_ materials: [Material], for reader: MaterialReader, personID: Int, leadCommitteeID: Int,
                               system: SystemClassification, copies: [PaperCopy]) -> [PacketEntry] {
        contents(materials, for: reader, leadCommitteeID: leadCommitteeID).map { m in
            if m.servesFile(on: system) && m.hasIssuableFile { return .document(m) }
            let own = PaperCopyLedger(material: m, copies: copies).latest(for: personID)
            return .paper(m, copyNumber: own?.number, sentInAdvance: m.kind == .referenceMaterial && m.sentTo[personID] != nil)
        }
    }
}
