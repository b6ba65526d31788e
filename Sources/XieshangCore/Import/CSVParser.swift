/// One record of a CSV file and where it starts.
public struct CSVRecord: Sendable, Equatable {
    public let fields: [String]
    /// 1-based physical line where the record starts, as a text editor counts lines.
    public let line: Int
    /// 1-based row, as Excel numbers it when it opens the file: a line break inside a quoted
    /// field stays inside one cell, so after such a field `row` falls behind `line`.
    public let row: Int

    public init(fields: [String], line: Int, row: Int) {
        self.fields = fields
        self.line = line
        self.row = row
    }

    /// True when every field is empty or whitespace: a row a user left blank in Excel.
    public var isBlank: Bool {
        fields.allSatisfy { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) }
    }
}

/// A quote opened and never closed: everything after it would silently become one field.
public struct CSVSyntaxError: DomainError, Equatable {
    /// Physical line where the unclosed quote opens.
    public let line: Int
    /// Excel row of the record holding it.
    public let row: Int

    public var code: String { "csv_unclosed_quote" }
    public var kind: DomainErrorKind { .invalid }
    public var message: String { "第\(row)行：\(reason)" }
    /// The problem without its row, for `LineError`.
    public var reason: String {
        "英文双引号没有配对，从这里到文件末尾都无法读取。请检查该行是否多了一个英文双引号（\"）"
    }
}

/// RFC 4180 reading, lenient where Excel is lenient.
///
/// Strict on the one thing that loses data (an unclosed quote), tolerant elsewhere: a stray
/// quote inside an unquoted field, or text after a closing quote, is kept as written, because
/// Excel opens such files without complaint and the user cannot see what would be "wrong".
public enum CSVParser {
    public static func parse(_ text: String, separator: Unicode.Scalar = ",") throws(CSVSyntaxError) -> [[String]] {
        try records(text, separator: separator).map(\.fields)
    }

    /// Records with their line and row numbers. CR, LF and CRLF all end a record; a line
    /// break inside quotes becomes "\n" (what Excel puts in a cell). Blank records at the end
    /// of the file are dropped, since editors and Excel leave trailing newlines freely.
    public static func records(_ text: String, separator: Unicode.Scalar = ",") throws(CSVSyntaxError) -> [CSVRecord] {
        // Scalars, not Characters: "\r\n" is a single Character, and a combining mark after a
        // closing quote would otherwise fuse with it.
        let s = Array(text.unicodeScalars)
        var out: [CSVRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var line = 1, recordLine = 1, row = 1, quoteLine = 1

        func endRecord() {
            fields.append(String(field))
            out.append(CSVRecord(fields: fields, line: recordLine, row: row))
            fields = []
            field = String.UnicodeScalarView()
            row += 1
        }

        var i = 0
        while i < s.count {
            let c = s[i]
            let crlf = c == "\r" && i + 1 < s.count && s[i + 1] == "\n"
            if inQuotes {
                switch c {
                case "\"":
                    if i + 1 < s.count && s[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                case "\r", "\n":
                    field.append("\n")
                    line += 1
                    if crlf { i += 1 }
                default:
                    field.append(c)
                }
            } else {
                switch c {
                case "\"" where field.isEmpty:
                    inQuotes = true
                    quoteLine = line
                case separator:
                    fields.append(String(field))
                    field = String.UnicodeScalarView()
                case "\r", "\n":
                    endRecord()
                    line += 1
                    recordLine = line
                    if crlf { i += 1 }
                default:
                    field.append(c)
                }
            }
            i += 1
        }
        if inQuotes { throw CSVSyntaxError(line: quoteLine, row: row) }
        if !fields.isEmpty || !field.isEmpty { endRecord() }

        while let last = out.last, last.fields == [""] { out.removeLast() }
        return out
    }

    /// Comma unless the first line has more tabs than commas: Excel's "Unicode 文本" export
    /// is tab-separated, and a Chinese header row holds no commas of its own.
    public static func guessSeparator(_ text: String) -> Unicode.Scalar {
        var commas = 0, tabs = 0
        for c in text.unicodeScalars {
            if c == "\n" || c == "\r" { break }
            if c == "," { commas += 1 } else if c == "\t" { tabs += 1 }
        }
        return tabs > commas ? "\t" : ","
    }
}
