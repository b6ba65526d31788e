/// The compiled packet the office issues (三(四) "由办公室汇总印发"), as one reader receives it.
public enum MaterialPacket {
    /// The issuable materials `reader` may see, in the packet's order: by kind (`packetOrder`:
    /// leaders' speeches, department briefings, keynote, booked speeches, reference materials,
    /// attendee list), within a kind by due day (none last), then by id.
    public static func contents(_ materials: [Material], for reader: MaterialReader, leadCommitteeID: Int) -> [Material] {
        materials
            .filter { $0.isIssuable && MaterialAccess.canSee($0, reader, leadCommitteeID: leadCommitteeID) }
            .sorted(by: inPacketOrder)
    }

    /// The packet's order, for any list of materials.
    public static func inPacketOrder(_ a: Material, _ b: Material) -> Bool {
        if a.kind.packetOrder != b.kind.packetOrder { return a.kind.packetOrder < b.kind.packetOrder }
        switch (a.due, b.due) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a.id < b.id
        }
    }
}
