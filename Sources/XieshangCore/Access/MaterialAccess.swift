/// The secrecy rule (三(四).2, DESIGN.md "Roles"): who may see a material and who may act on it.
///
/// Every path that reveals a material — list, detail, download, search, compiled packet,
/// export, API — asks `canSee` and nothing else, so the rule is in one place.
public enum MaterialAccess {
    /// Whether `reader` may see `material`, which belongs to a symposium led by `leadCommitteeID`:
    /// - the office (role `office`) always: it compiles and issues everything (三(四) "由办公室汇总印发");
    /// - the producer, its own material;
    /// - the lead committee's staff, every material of its symposium: it reviews them (三(四).2, .3);
    /// - everyone else only if the distribution range admits them, and only once the material is
    ///   issuable: a draft not yet reviewed or uploaded is the working copy of those above.
    /// `admin` is a technical role and has no exemption.
    public static func canSee(_ material: Material, _ reader: MaterialReader, leadCommitteeID: Int) -> Bool {
        reader.isOffice
            || reader.isProducer(material.producer)
            || reader.isStaff(ofCommittee: leadCommitteeID)
            || (material.isIssuable && material.distribution.admits(reader))
    }

    /// Refuses with "not found", so that a reader outside the range learns nothing of the material.
    public static func requireSee(_ material: Material, _ reader: MaterialReader, leadCommitteeID: Int) throws {
        guard canSee(material, reader, leadCommitteeID: leadCommitteeID) else { throw MaterialError.notFound }
    }

    /// Uploading a version: the producer, the lead committee (on a producer's behalf) or the office.
    public static func canUpload(_ material: Material, _ reader: MaterialReader, leadCommitteeID: Int) -> Bool {
        reader.isOffice || reader.isProducer(material.producer) || reader.isStaff(ofCommittee: leadCommitteeID)
    }

    /// Reviewing speech drafts (approve, return, forward): "由承办的委室负责把关" (三(四).3) — the lead
    /// committee's staff, and the office standing in for it.
    public static func canReview(_ reader: MaterialReader, leadCommitteeID: Int) -> Bool {
        reader.isOffice || reader.isStaff(ofCommittee: leadCommitteeID)
    }

    /// Receiving a printed copy (纸质件) of a classified material: a named person inside the range,
    /// or one of those who always see it (the office, the producer, the lead committee). Unlike
    /// `canSee` this does not wait for the material to be issuable: the copies are what issues it.
    public static func mayReceivePaperCopy(_ material: Material, _ reader: MaterialReader, leadCommitteeID: Int) -> Bool {
        guard reader.personID != nil else { return false }
        return reader.isOffice || reader.isProducer(material.producer) || reader.isStaff(ofCommittee: leadCommitteeID)
            || material.distribution.admits(reader)
    }

    /// Creating materials, setting secrecy and range, sending reference materials, numbering copies:
    /// "具体由牵头委室商有关部门确定，并根据涉密程度明确发放范围" (三(四).2) and the office that issues.
    public static func canDistribute(_ reader: MaterialReader, leadCommitteeID: Int) -> Bool {
        reader.isOffice || reader.isStaff(ofCommittee: leadCommitteeID)
    }

    /// Compiling and issuing packets, numbering their copies: the office (三(四) "由办公室汇总印发").
    public static func canCompile(_ reader: MaterialReader) -> Bool { reader.isOffice }
}
