/// What this deployment is under the Law on Guarding State Secrets (《中华人民共和国保守国家秘密法》):
/// an ordinary office system (非涉密信息系统, the default) or a classified information system
/// under graded protection (涉密信息系统).
///
/// The law allows state secrets to be stored and processed only on classified information
/// systems, and forbids storing or processing them on non-classified computers and storage. A
/// county CPPCC's office system is not one, so there a 秘密 or 机密 material never has a file:
/// it travels as numbered paper copies, registered, handed out, signed for and retrieved
/// (`PaperCopy`). A deployment that has passed the graded-protection assessment declares
/// itself classified and keeps the electronic path for every level.
public enum SystemClassification: String, Sendable, Codable, CaseIterable {
    case nonClassified, classified

    public var chineseName: String {
        switch self {
        case .nonClassified: "非涉密信息系统"
        case .classified: "涉密信息系统"
        }
    }

    /// How a material of `level` travels here: state secrets on paper on a non-classified
    /// system; everything else (内部, 公开) electronically everywhere.
    public func handling(of level: SecrecyLevel) -> MaterialHandling {
        level.isClassified && self == .nonClassified ? .paper : .electronic
    }

    /// Refuses a file of a state secret on a non-classified system, with the law's reason.
    public func checkFileAllowed(for level: SecrecyLevel) throws {
        if handling(of: level) == .paper { throw MaterialError.classifiedFileRefused(level) }
    }
}

/// The way a material reaches its readers on this deployment.
public enum MaterialHandling: String, Sendable, Codable, CaseIterable {
    /// Uploaded files, downloads and the compiled packet.
    case electronic
    /// Printed copies only (纸质件): registered, numbered, handed out at the meeting, retrieved after.
    case paper

    public var chineseName: String {
        switch self {
        case .electronic: "电子件"
        case .paper: "纸质件"
        }
    }
}
