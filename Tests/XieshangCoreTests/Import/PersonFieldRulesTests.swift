import Foundation
import Testing
@testable import XieshangCore

@Suite("Import: cell rules")
struct PersonFieldRulesTests {
    typealias F = ImportFixtures

    /// The one row's value when the file is valid, or its error messages.
    private func read(_ row: String, header: String = F.header) -> (PersonImportRow?, [String]) {
        let result = F.validate([header, row])
        return (F.rows(result)?.first, F.messages(result))
    }

    @Test(arguments: [
        ("13800000001", "13800000001"),
        ("138 0000 0001", "13800000001"),
        ("138-0000-0001", "13800000001"),
        ("+86 13800000001", "13800000001"),
        ("8613800000001", "13800000001"),
        ("１３８００００００01", "13800000001"),
        ("0737-7222222", "0737-7222222"),
        ("07377222222", "0737-7222222"),
        ("(0737)7222222", "0737-7222222"),
        ("（0737）7222222", "0737-7222222"),
        ("010-62345678", "010-62345678"),
        ("01062345678", "010-62345678"),
        ("0737-7222222-801", "0737-7222222-801"),
        ("0737-7222222转801", "0737-7222222-801"),
    ])
    func phoneValidationAccepts(cell: String, normalised: String) {
        #expect(read("王芳,,领导,,,,,,,\(cell),,,").0?.phone == normalised)
    }

    @Test(arguments: ["12345", "1380000000", "138000000012", "12800000001", "7222222", "0737-0222222",
                      "0737-72222", "13800000001a", "无", "0737-7222222-1234567"])
    func phoneValidationRefuses(cell: String) {
        #expect(read("王芳,,领导,,,,,,,\(cell),,,").1 == [
            "第2行：手机“\(cell)”格式不对，应为11位手机号（如13800000000）或带区号的固定电话（如0737-7222222）",
        ])
    }

    @Test func phoneInScientificNotationExplainsExcel() {
        let messages = read("王芳,,领导,,,,,,,1.38E+10,,,").1
        #expect(messages.count == 1)
        #expect(messages.first?.contains("科学计数法") == true)
    }

    @Test(arguments: [
        ("liming@163.com", "liming@163.com"),
        (" LiMing@QQ.COM ", "LiMing@qq.com"),
        ("ｌｉｍｉｎｇ＠１６３．ｃｏｍ", "liming@163.com"),
        ("", nil),
    ] as [(String, String?)])
    func emailColumnAcceptsAndNormalises(cell: String, email: String?) {
        let (row, errors) = read("王芳,领导,\(cell)", header: "姓名,类别,电子邮箱")
        #expect(errors == [])
        #expect(row?.email == email)
    }

    @Test(arguments: ["liming", "liming@163", "li ming@163.com", "li@ming@163.com", "李明@163.com", "liming@163..com"])
    func emailValidationRefuses(cell: String) {
        #expect(read("王芳,领导,13800000001,\(cell)", header: "姓名,类别,手机,电子邮箱").1 == [
            "第2行：电子邮箱“\(cell)”格式不对，应如zhangsan@163.com：只能有一个@，不能有空格或中文，@后的域名须含“.”",
        ])
    }

    @Test(arguments: ["电子邮箱", "邮箱", "电子邮件", "电子信箱", "Email", "E-mail", "email", "E-MAIL", "邮  箱*", "电子邮箱（选填）"])
    func emailColumnHeaderAliases(header: String) {
        #expect(PersonImportColumn(header: header) == .email)
        #expect(read("王芳,领导,liming@163.com", header: "姓名,类别,\(header)").0?.email == "liming@163.com")
    }

    @Test func emailColumnIsInTheTemplateAfterThePhone() {
        let header = PersonImportColumn.templateHeader
        #expect(header.firstIndex(of: "电子邮箱") == header.firstIndex(of: "手机").map { $0 + 1 })
    }

    @Test(arguments: ["2021-12-28", "2021/12/28", "2021年12月28日", "2021-12-28 0:00", "2021/12/28 00:00:00",
                      "2021.12.28", "20211228", "２０２１-１２-２８", " 2021-12-28 "])
    func dateFormats(cell: String) {
        let row = read("王芳,,领导,,,,,,,,\(cell),\(cell),").0
        #expect(row?.termStart == Day(year: 2021, month: 12, day: 28))
        #expect(row?.termEnd == Day(year: 2021, month: 12, day: 28))
    }

    @Test func dateFormatsWithSingleDigitParts() {
        #expect(read("王芳,,领导,,,,,,,,2022/1/5,2027年1月5日,").0.map { [$0.termStart, $0.termEnd] }
                == [Day(year: 2022, month: 1, day: 5), Day(year: 2027, month: 1, day: 5)])
    }

    @Test(arguments: ["2021-02-30", "2021-13-01", "21-12-28", "2021-12", "2021年12月28", "44558", "2021-12-28 25:00",
                      "2021-12-28 上午", "明年"])
    func dateFormatsRefused(cell: String) {
        #expect(read("王芳,,领导,,,,,,,,\(cell),2026-12-31,").1 == ["第2行：届次起“\(cell)”不是有效日期，请写成2021-12-28的形式"])
    }

    @Test func termEndMustNotPrecedeStart() {
        #expect(read("王芳,,领导,,,,,,,,2021-12-28,2021-12-01,").1 == ["第2行：届次止（2021-12-01）早于届次起（2021-12-28）"])
        #expect(read("王芳,,领导,,,,,,,,2021-12-28,2021-12-28,").1 == [])
    }

    @Test func termDatesComeInPairs() {
        #expect(read("王芳,,领导,,,,,,,,2021-12-28,,").1 == ["第2行：届次起和届次止须同时填写，或都不填"])
        #expect(read("王芳,,领导,,,,,,,,,2026-12-31,").1 == ["第2行：届次起和届次止须同时填写，或都不填"])
    }

    @Test func expertiseLimits() {
        let eleven = (1...11).map { "专长" + String(repeating: "甲", count: $0) }.joined(separator: "、")
        #expect(read("王芳,,领导,,,,,,\(eleven),,,,").1 == ["第2行：专长有11项，最多10项"])
        let long = String(repeating: "茶", count: 21)
        #expect(read("王芳,,领导,,,,,,\(long),,,,").1 == ["第2行：专长“\(long)”过长，每项最多20个字；多项专长请用“、”分开"])
    }

    @Test func expertiseTagsSplitOnEverySeparator() {
        let row = read("王芳,,领导,,,,,,\"茶叶、教育，医疗;养老|文旅, 茶叶 ,；\",,,,").0
        #expect(row?.expertise == ["茶叶", "教育", "医疗", "养老", "文旅"])
    }

    @Test func protocolOrder() {
        #expect(read("王芳,,领导,,,,,,,,,,0").0?.protocolOrder == 0)
        #expect(read("王芳,,领导,,,,,,,,,,１２").0?.protocolOrder == 12)
        for bad in ["-1", "1.5", "第一", "1234567"] {
            #expect(read("王芳,,领导,,,,,,,,,,\(bad)").1 == ["第2行：排序“\(bad)”应为0到999999之间的整数"])
        }
    }

    @Test func namesDropPaddingAndRefuseDigits() {
        #expect(read("王  芳,,领导,,,,,,,,,,").0?.name == "王芳")
        #expect(read("张三,,领导,,,,,,,,,,").0?.name == "张三")
        #expect(read("阿依古丽·买买提,,领导,,,,,,,,,,").0?.name == "阿依古丽·买买提")
        #expect(read(" John  Smith ,,专家学者,,,,,,,,,,").0?.name == "John Smith")
        #expect(read("13800000001,,领导,,,,,,,,,,").1 == ["第2行：姓名“13800000001”中有数字，请检查是否把别的列填到了姓名列"])
    }

    @Test func genderAndKindSynonyms() {
        let row = read("王芳,女性,政协委员,农业界,,,,,,,,,").0
        #expect(row?.gender == .female && row?.kind == .member)
        #expect(PersonKind(chinese: " 专家 ") == .expert)
        #expect(PersonKind.allCases.allSatisfy { PersonKind(chinese: $0.chineseName) == $0 })
    }

    @Test func sizeLimit() throws {
        let filler = String(repeating: "备注", count: 200)
        var lines = ["姓名,类别,备注"]
        while lines.joined(separator: "\r\n").utf8.count <= PersonImport.maxBytes {
            lines.append("王芳\(lines.count),领导,\(filler)")
        }
        let failure = try #require(F.failure(F.validate(lines)))
        #expect(failure.fileProblem?.code == "import_too_large")
        #expect(failure.message.hasPrefix("文件太大（2.0 MB），一次最多导入2 MB"))
        #expect(failure.code == "import_invalid" && failure.errors.isEmpty)
    }

    @Test func rowLimit() throws {
        func names(_ n: Int) -> [String] {
            // Distinct names without digits, so only the count can fail.
            let chars = Array("赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜")
            return (0..<n).map { i in "\(chars[i % chars.count])\(chars[(i / chars.count) % chars.count])\(chars[i / (chars.count * chars.count)])" }
        }
        let atLimit = ["姓名,类别"] + names(PersonImport.maxRows).map { "\($0),领导" }
        #expect(F.rows(F.validate(atLimit))?.count == PersonImport.maxRows)

        let over = ["姓名,类别"] + names(PersonImport.maxRows + 1).map { "\($0),领导" }
        let failure = try #require(F.failure(F.validate(over)))
        #expect(failure.fileProblem?.code == "import_too_many_rows")
        #expect(failure.message.contains("一次最多导入5000行"))
    }

    @Test func unreadableBytesRefuseTheWholeFile() throws {
        let failure = try #require(F.failure(PersonImport.validate(data: Data([0x41, 0x80, 0xFF, 0x42]), known: F.known)))
        #expect(failure.fileProblem?.code == "unreadable_encoding")
        #expect(failure.message.contains("UTF-8或GB18030/GBK"))
    }

    @Test func emptyFilesAreRefused() {
        #expect(F.failure(PersonImport.validate(data: Data(), known: F.known))?.fileProblem?.code == "import_empty")
        #expect(F.failure(F.validate([F.header, "", ",,,"]))?.fileProblem?.code == "import_no_rows")
    }
}
