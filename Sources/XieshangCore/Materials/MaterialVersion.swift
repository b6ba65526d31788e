import Foundation

/// One uploaded file of a material. Versions are never replaced: a new upload is a new version,
/// so what was reviewed, forwarded and issued can always be shown.
public struct MaterialVersion: Sendable, Equatable, Codable {
    /// 1, 2, 3… within the material.
    public var number: Int
    /// The name as uploaded, without any folder part.
    public var fileName: String
    public var format: MaterialFormat
    public var byteCount: Int
    /// SHA-256 of the bytes, 64 lowercase hex digits: the file's name in storage.
    public var sha256: String
    /// Who uploaded it, as the audit log names actors.
    public var uploadedBy: String
    public var at: Date
    /// The file's text for search and previews, cut to `MaterialLimits.maxExtractedCharacters`.
    public var extractedText: String

    public init(number: Int, fileName: String, format: MaterialFormat, byteCount: Int, sha256: String,
                uploadedBy: String, at: Date, extractedText: String) {
        self.number = number
        self.fileName = fileName
        self.format = format
        self.byteCount = byteCount
        self.sha256 = sha256
        self.uploadedBy = uploadedBy
        self.at = at
        self.extractedText = Self.excerpt(extractedText)
    }

    /// The first `MaterialLimits.maxExtractedCharacters` characters.
    public static func excerpt(_ text: String) -> String {
        text.count <= MaterialLimits.maxExtractedCharacters ? text : String(text.prefix(MaterialLimits.maxExtractedCharacters))
    }

    static func isSHA256(_ s: String) -> Bool {
        s.utf8.count == 64 && s.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
