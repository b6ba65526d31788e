/// The rules for one data row of a person import file.
///
/// Every cell is checked even after one fails, so the user fixes a row in one pass rather
/// than discovering its problems one upload at a time.
struct PersonRowReader {
    let columns: [PersonImportColumn: Int]
    let headerWidth: Int
    let known: KnownNames

    /// Who a row names, for spotting the same person twice in one file; known as soon as
    /// the name is valid, even if other cells of the row are not.
    struct Identity {
        let line: Int
        let name: String
        let phone: String?
        let unit: String?
    }

    struct Outcome {
        var row: PersonImportRow?
        var errors: [LineError]
        var identity: Identity?
    }

    // The same bounds as `PersonDraft.validate()`, which checks each row again before it is
    // stored: a file that passes here must not fail there one problem at a time.
    static let maxNameLength = 30
    static let maxTextLength = 100
    static let maxTagLength = 20
    static let maxTags = 10
    static let kindList = PersonKind.allCases.map(\.chineseName).joined(separator: "、")

    func read(_ record: CSVRecord) -> Outcome {
        let line = record.row
        var errors: [LineError] = []
        func fail(_ reason: String) { errors.append(LineError(line: line, reason: reason)) }

        // Cells beyond the header mean the row's columns have shifted; checking the shifted
        // cells would bury the one useful message under a dozen misleading ones.
        let extra = record.fields.dropFirst(headerWidth).filter { !ImportText.trim($0).isEmpty }
        if !extra.isEmpty {
            fail("本行有\(record.fields.count)列，比表头多；可能是某一格里有英文逗号却没有加英文双引号，请检查本行")
            return Outcome(row: nil, errors: errors, identity: nil)
        }

        func cell(_ column: PersonImportColumn) -> String {
            guard let i = columns[column], i < record.fields.count else { return "" }
            return ImportText.trim(record.fields[i])
        }

        let name = readName(cell(.name), fail: fail)
        let gender = readGender(cell(.gender), fail: fail)

        let kindCell = cell(.kind)
        let kind = PersonKind(chinese: kindCell)
        if kindCell.isEmpty {
            fail("类别不能为空，应为：\(Self.kindList)")
        } else if kind == nil {
            fail("类别“\(kindCell)”无效，应为：\(Self.kindList)")
        }

        let sector = readKnown(cell(.sector), label: "界别", in: known.sectors, requiredFor: .member, kind: kind, fail: fail)
        let committee = readKnown(cell(.committee), label: "委室", in: known.committees, requiredFor: .committeeHead, kind: kind, fail: fail)
        let department = readKnown(cell(.department), label: "部门", in: known.departments, requiredFor: .departmentHead, kind: kind, fail: fail)

        let unit = readText(cell(.unit), label: "工作单位", fail: fail)
        let title = readText(cell(.title), label: "职务", fail: fail)
        let expertise = readExpertise(cell(.expertise), fail: fail)

        var phone: String?
        let phoneCell = cell(.phone)
        if !phoneCell.isEmpty {
            switch ImportPhone.read(phoneCell) {
            case .valid(let normalised): phone = normalised
            case .invalid(let reason): fail(reason)
            }
        }

        let email = readEmail(cell(.email), fail: fail)

        let termStart = readDay(cell(.termStart), label: "届次起", fail: fail)
        let termEnd = readDay(cell(.termEnd), label: "届次止", fail: fail)
        if let termStart, let termEnd, termEnd < termStart {
            fail("届次止（\(termEnd.iso)）早于届次起（\(termStart.iso)）")
        }
        // Judged on the cells, so an unreadable date is not reported a second time as missing.
        if cell(.termStart).isEmpty != cell(.termEnd).isEmpty {
            fail("届次起和届次止须同时填写，或都不填")
        }

        var order: Int?
        let orderCell = ImportText.trim(ImportText.halfWidth(cell(.protocolOrder)))
        if !orderCell.isEmpty {
            if orderCell.allSatisfy({ $0.isASCII && $0.isNumber }), orderCell.count <= 6, let n = Int(orderCell) {
                order = n
            } else {
                fail("排序“\(orderCell)”应为0到999999之间的整数")
            }
        }

        let identity = name.map { Identity(line: line, name: $0, phone: phone, unit: unit) }
        guard errors.isEmpty, let name, let kind else {
            return Outcome(row: nil, errors: errors, identity: identity)
        }
        let row = PersonImportRow(
            line: line, name: name, gender: gender, kind: kind,
            sectorName: sector, committeeName: committee, departmentName: department,
            unit: unit, title: title, expertise: expertise, phone: phone,
            email: email, termStart: termStart, termEnd: termEnd, protocolOrder: order)
        return Outcome(row: row, errors: [], identity: identity)
    }

    private func readName(_ raw: String, fail: (String) -> Void) -> String? {
        guard !raw.isEmpty else {
            fail("姓名不能为空")
            return nil
        }
        // Padding spaces in a Chinese name are layout, not part of the name; a name in Latin
        // script keeps single spaces between its words.
        let isChinese = raw.unicodeScalars.allSatisfy {
            ImportText.isSpace($0) || $0.properties.isIdeographic || "·•・".unicodeScalars.contains($0)
        }
        let name = isChinese
            ? ImportText.removingSpaces(raw)
            : raw.split(whereSeparator: { $0.unicodeScalars.allSatisfy(ImportText.isSpace) }).joined(separator: " ")
        // Decimal digits only: 一, 二, 三 are numbers to Unicode too, and common in names (张三).
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .decimalNumber }) {
            fail("姓名“\(name)”中有数字，请检查是否把别的列填到了姓名列")
            return nil
        }
        if name.count > Self.maxNameLength {
            fail("姓名“\(name)”过长，最多\(Self.maxNameLength)个字")
            return nil
        }
        return name
    }

    private func readGender(_ raw: String, fail: (String) -> Void) -> PersonImportRow.Gender? {
        switch raw {
        case "": return nil
        case "男", "男性": return .male
        case "女", "女性": return .female
        default:
            fail("性别“\(raw)”无效，应为“男”或“女”，也可以不填")
            return nil
        }
    }

    /// A sector, committee or department, spelled as the database knows it.
    private func readKnown(_ raw: String, label: String, in names: Set<String>, requiredFor required: PersonKind,
                           kind: PersonKind?, fail: (String) -> Void) -> String? {
        if raw.isEmpty {
            if kind == required { fail("类别为\(required.chineseName)时必须填写\(label)") }
            return nil
        }
        if let match = KnownNameMatch.resolve(raw, in: names) { return match }
        var reason = "\(label)“\(raw)”不存在，请先在\(label)管理中添加"
        if let guess = KnownNameMatch.suggestion(for: raw, in: names) { reason += "（是否应为“\(guess)”？）" }
        fail(reason)
        return nil
    }

    private func readText(_ raw: String, label: String, fail: (String) -> Void) -> String? {
        if raw.isEmpty { return nil }
        if raw.count > Self.maxTextLength {
            fail("\(label)过长（\(raw.count)个字），最多\(Self.maxTextLength)个字")
            return nil
        }
        return raw
    }

    private func readExpertise(_ raw: String, fail: (String) -> Void) -> [String] {
        let separators: Set<Character> = ["、", "，", ",", ";", "；", "|", "｜", "\n"]
        var tags: [String] = []
        for piece in raw.split(whereSeparator: { separators.contains($0) }) {
            let tag = ImportText.trim(piece)
            if tag.isEmpty || tags.contains(tag) { continue }
            if tag.count > Self.maxTagLength {
                fail("专长“\(tag)”过长，每项最多\(Self.maxTagLength)个字；多项专长请用“、”分开")
                continue
            }
            tags.append(tag)
        }
        if tags.count > Self.maxTags {
            fail("专长有\(tags.count)项，最多\(Self.maxTags)项")
        }
        return tags
    }

    /// Full-width letters and ＠ (a Chinese input method's) are read as ASCII; spaces inside
    /// the address are an error, not padding.
    private func readEmail(_ raw: String, fail: (String) -> Void) -> String? {
        if raw.isEmpty { return nil }
        let email = EmailAddress.normalized(ImportText.trim(ImportText.halfWidth(raw)))
        guard EmailAddress.isValid(email) else {
            fail("电子邮箱“\(raw)”格式不对，应如zhangsan@163.com：只能有一个@，不能有空格或中文，@后的域名须含“.”")
            return nil
        }
        return email
    }

    private func readDay(_ raw: String, label: String, fail: (String) -> Void) -> Day? {
        if raw.isEmpty { return nil }
        if let day = ImportDate.parse(raw) { return day }
        fail("\(label)“\(raw)”不是有效日期，请写成2021-12-28的形式")
        return nil
    }
}
