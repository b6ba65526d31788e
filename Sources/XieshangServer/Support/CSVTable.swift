/// A table as CSV for Excel and WPS: UTF-8 with a BOM (so that Chinese opens right), CRLF.
///
/// A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is made text with a
/// leading apostrophe (OWASP, "CSV injection"): a title typed as `=HYPERLINK(…)` would
/// otherwise run as a formula on the office PC that opens the export.
struct CSVTable {
    private var lines: [String]

    init(header: [String]) { lines = [Self.line(header)] }

    mutating func append(_ row: [String]) { lines.append(Self.line(row)) }

    var text: String { "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n" }

    static func line(_ cells: [String]) -> String { cells.map(field).joined(separator: ",") }

    static func field(_ raw: String) -> String {
        var s = raw
        if let first = s.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { s = "'" + s }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
