import Foundation

/// Checking a CSV file of persons before anything is stored.
///
/// All or nothing: either every row is valid and all rows come back, or the caller gets
/// every problem in the file at once, each on the row number Excel shows, and stores nothing.
public enum PersonImport {
    /// Limits that keep one upload within a request's time and memory; a county roster is
    /// a few hundred people, so a larger file is almost certainly the wrong file.
    public static let maxBytes = 2 * 1024 * 1024
    public static let maxRows = 5_000

    /// Rows above the header that may hold a title ("2026年政协委员名单"), as many office
    /// spreadsheets have one merged across the top.
    static let headerSearchDepth = 10

    public static func validate(data: Data, known: KnownNames) -> Result<[PersonImportRow], ImportFailure> {
        guard data.count <= maxBytes else {
            let size = String(format: "%.1f", Double(data.count) / 1_048_576)
            return refuse("import_too_large", "文件太大（\(size) MB），一次最多导入2 MB；请把人员分成几个文件分批导入")
        }
        let text: String
        do {
            text = try TextDecoding.decode(data)
        } catch {
            return .failure(ImportFailure(fileProblem: error))
        }
        let records: [CSVRecord]
        do {
            records = try CSVParser.records(text, separator: CSVParser.guessSeparator(text))
        } catch {
            return .failure(ImportFailure(errors: [LineError(line: error.row, reason: error.reason)]))
        }

        guard let headerIndex = findHeader(records) else {
            return refuse("import_empty", "文件是空的，没有表头，也没有人员数据")
        }
        let header = records[headerIndex]
        let columns: [PersonImportColumn: Int]
        switch readHeader(header) {
        case .success(let found): columns = found
        case .failure(let failure): return .failure(failure)
        }

        let dataRows = records[(headerIndex + 1)...].filter { !$0.isBlank }
        if dataRows.isEmpty {
            return refuse("import_no_rows", "文件中只有表头，没有人员数据")
        }
        if dataRows.count > maxRows {
            return refuse("import_too_many_rows", "文件有\(dataRows.count)行人员数据，一次最多导入\(maxRows)行；请分成几个文件分批导入")
        }

        let reader = PersonRowReader(columns: columns, headerWidth: header.fields.count, known: known)
        var duplicates = DuplicateFinder()
        var rows: [PersonImportRow] = []
        var errors: [LineError] = []
        for record in dataRows {
            let outcome = reader.read(record)
            errors += outcome.errors
            if let identity = outcome.identity, let reason = duplicates.check(identity) {
                errors.append(LineError(line: identity.line, reason: reason))
            } else if let row = outcome.row {
                rows.append(row)
            }
        }
        return errors.isEmpty ? .success(rows) : .failure(ImportFailure(errors: errors))
    }

    /// The first non-blank record naming any known column, within the first rows; else the
    /// first non-blank record, so that a header with no recognisable column is reported as such.
    static func findHeader(_ records: [CSVRecord]) -> Int? {
        let candidates = records.indices.prefix(headerSearchDepth).filter { !records[$0].isBlank }
        return candidates.first { i in records[i].fields.contains { PersonImportColumn(header: $0) != nil } }
            ?? records.indices.first { !records[$0].isBlank }
    }

    static func readHeader(_ header: CSVRecord) -> Result<[PersonImportColumn: Int], ImportFailure> {
        var columns: [PersonImportColumn: Int] = [:]
        var errors: [LineError] = []
        for (i, cell) in header.fields.enumerated() {
            guard let column = PersonImportColumn(header: cell) else { continue }
            if columns[column] != nil {
                errors.append(LineError(line: header.row, reason: "表头中“\(column.chineseName)”列出现了不止一次（“\(ImportText.trim(cell))”），请只保留一列"))
            } else {
                columns[column] = i
            }
        }
        let missing = PersonImportColumn.allCases.filter { $0.isRequired && columns[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map(\.chineseName).joined(separator: "、")
            let expected = PersonImportColumn.templateHeader.joined(separator: "、")
            errors.append(LineError(line: header.row, reason: "表头缺少必填列：\(names)。表头应为：\(expected)（姓名、类别必填，其他列可省略）"))
        }
        return errors.isEmpty ? .success(columns) : .failure(ImportFailure(errors: errors))
    }

    private static func refuse(_ code: String, _ message: String) -> Result<[PersonImportRow], ImportFailure> {
        .failure(ImportFailure(fileProblem: Refusal(.invalid, code: code, message: message)))
    }
}
