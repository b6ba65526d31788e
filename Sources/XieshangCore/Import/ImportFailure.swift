/// One problem found in an import file, placed where the user will look for it.
public struct LineError: Sendable, Equatable, CustomStringConvertible {
    /// The row number Excel shows for the offending record (the header is normally 1).
    public let line: Int
    /// The problem alone, e.g. `界别“农林界”不存在，请先在界别管理中添加`.
    public let reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    /// Ready to show: `第5行：界别“农林界”不存在，请先在界别管理中添加`.
    public var message: String { "第\(line)行：\(reason)" }

    public var description: String { message }
}

/// Why an import file was refused as a whole. Nothing is imported unless every row is
/// valid, so that fixing the file and uploading it again never creates duplicates.
public struct ImportFailure: DomainError, Equatable {
    /// Every problem found, in file order; empty when `fileProblem` is set.
    public let errors: [LineError]
    /// Set when the file could not be read line by line at all (too large, too many rows,
    /// unreadable encoding, a workbook instead of a CSV, no data).
    public let fileProblem: Refusal?

    public init(errors: [LineError]) {
        self.errors = errors
        self.fileProblem = nil
    }

    public init(fileProblem: Refusal) {
        self.errors = []
        self.fileProblem = fileProblem
    }

    /// Always `import_invalid`, so clients handle one code; the specific reason of a
    /// whole-file refusal is `fileProblem?.code`.
    public var code: String { "import_invalid" }
    public var kind: DomainErrorKind { .invalid }

    public var message: String {
        if let fileProblem { return "\(fileProblem.message)。未导入任何人员" }
        return "导入文件有\(errors.count)处错误，未导入任何人员。请改正后重新导入整个文件"
    }

    /// Each line error as a ready-to-show sentence, in file order.
    public var details: [String] { errors.map(\.message) }

    /// The same refusal in the generic shape, for code that renders any `Refusal`.
    public var refusal: Refusal { Refusal(kind, code: code, message: message, details: details) }
}
