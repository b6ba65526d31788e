/// The limits on materials, in one place (the server's body-size limit reads `maxUploadBytes`).
public enum MaterialLimits {
    /// 20 MiB: a long speech with pictures as DOCX, or a scanned briefing as PDF.
    public static let maxUploadBytes = 20 * 1024 * 1024
    /// Text kept per version for search and previews; the rest of a long file is cut off.
    public static let maxExtractedCharacters = 50_000
    public static let maxTitleLength = 100
    public static let maxFileNameLength = 200
    public static let maxCommentLength = 2000
    /// Printed copies registered at once: a county symposium seats a few dozen people.
    public static let maxPaperCopies = 500
    /// A reason for keeping a paper copy, a destruction or archive record, a closing note.
    public static let maxPaperNoteLength = 200
    /// Who delivered copies, who approved keeping one.
    public static let maxPaperNameLength = 50
}
