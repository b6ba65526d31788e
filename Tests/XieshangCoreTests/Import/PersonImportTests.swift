import Foundation
import Testing
@testable import XieshangCore

@Suite("Import: persons file")
struct PersonImportTests {
    typealias F = ImportFixtures

    @Test func validFileReturnsEveryRowWithItsValues() throws {
        let result = F.validate([
            F.header,
            F.member(),
            "周文斌,男,专家学者,,,,省农业科学院茶叶研究所,研究员,茶树育种、土壤改良,13800000005,,,5",
            "黄国平,,部门负责人,,,县农业农村局,县农业农村局,局长,,0737-7222222,,,",
            "谭丽君,女,委室负责人,,农业农村委员会,,县政协,主任,,,,,",
            "赵永清,男,领导,,,,县政协,副主席,,,,,",
        ])
        let rows = try #require(F.rows(result))
        #expect(rows.count == 5)
        #expect(rows[0] == PersonImportRow(
            line: 2, name: "李建华", gender: .male, kind: .member, sectorName: "农业界",
            committeeName: "农业农村委员会", unit: "县茶叶产业协会", title: "会长", expertise: ["黑茶加工"],
            phone: "13800000001", termStart: Day(iso: "2021-12-28"), termEnd: Day(iso: "2026-12-31"),
            protocolOrder: 1))
        #expect(rows.map(\.kind) == [.member, .expert, .departmentHead, .committeeHead, .leader])
        #expect(rows[1].expertise == ["茶树育种", "土壤改良"])
        #expect(rows[2].departmentName == "县农业农村局" && rows[2].gender == nil && rows[2].protocolOrder == nil)
        #expect(rows[2].phone == "0737-7222222")
        #expect(rows[3].gender == .female && rows[3].phone == nil && rows[3].termStart == nil)
    }

    @Test func unknownSectorNamesTheLine() {
        let result = F.validate([F.header, F.member("甲某"), F.member("乙某", phone: "13800000002"),
                                 F.member("丙某", phone: "13800000003"), F.member("丁某", phone: "13800000004", sector: "农林界")])
        #expect(F.messages(result) == ["第5行：界别“农林界”不存在，请先在界别管理中添加"])
    }

    @Test func unknownNamesSuggestTheLikelyOne() {
        let result = F.validate([
            F.header,
            "王芳,女,委员,医药卫生,,,县人民医院,,,,,,",
            "刘强,男,部门负责人,,,,县教育局,局长,,,,,",
            "陈平,男,部门负责人,,,教育局,县教育局,局长,,,,,",
            "赵敏,女,委员,教育界,文史委,,县一中,,,,,,",
            "何军,男,委员,农 业 界,,,县农科所,,,,,,",
        ])
        #expect(F.messages(result) == [
            "第2行：界别“医药卫生”不存在，请先在界别管理中添加（是否应为“医药卫生界”？）",
            "第3行：类别为部门负责人时必须填写部门",
            "第4行：部门“教育局”不存在，请先在部门管理中添加（是否应为“县教育局”？）",
            "第5行：委室“文史委”不存在，请先在委室管理中添加",
        ])
    }

    @Test func oneBadLineReturnsErrorsAndNoRows() throws {
        let result = F.validate([F.header, F.member("甲某"), "乙某,男,顾问,,,,县政协,,,,,,", F.member("丙某", phone: "13800000003")])
        let failure = try #require(F.failure(result))
        #expect(failure.errors == [LineError(line: 3, reason: "类别“顾问”无效，应为：委员、专家学者、领导、部门负责人、委室负责人")])
        #expect(failure.code == "import_invalid")
        #expect(failure.kind == .invalid)
        #expect(failure.message == "导入文件有1处错误，未导入任何人员。请改正后重新导入整个文件")
        #expect(failure.refusal.details == ["第3行：类别“顾问”无效，应为：委员、专家学者、领导、部门负责人、委室负责人"])
    }

    @Test func everyErrorInTheFileIsCollected() throws {
        let result = F.validate([
            F.header,
            "甲某,未知,委员,,,,县一中,,,12345,2021-13-01,,-1",
            F.member("乙某", phone: "13800000002"),
            ",男,,,,,,,,,,,",
        ])
        let failure = try #require(F.failure(result))
        #expect(failure.errors.map(\.line) == [2, 2, 2, 2, 2, 2, 4, 4])
        #expect(failure.details == [
            "第2行：性别“未知”无效，应为“男”或“女”，也可以不填",
            "第2行：类别为委员时必须填写界别",
            "第2行：手机“12345”格式不对，应为11位手机号（如13800000000）或带区号的固定电话（如0737-7222222）",
            "第2行：届次起“2021-13-01”不是有效日期，请写成2021-12-28的形式",
            "第2行：届次起和届次止须同时填写，或都不填",
            "第2行：排序“-1”应为0到999999之间的整数",
            "第4行：姓名不能为空",
            "第4行：类别不能为空，应为：委员、专家学者、领导、部门负责人、委室负责人",
        ])
        #expect(failure.message.hasPrefix("导入文件有8处错误"))
    }

    @Test func missingColumn() throws {
        let result = F.validate(["姓名,性别,界别,手机", "王芳,女,农业界,13800000001"])
        let failure = try #require(F.failure(result))
        #expect(failure.errors.count == 1)
        #expect(failure.errors[0].line == 1)
        #expect(failure.errors[0].message.hasPrefix("第1行：表头缺少必填列：类别。"))

        let neither = try #require(F.failure(F.validate(["序号,备注", "1,无"])))
        #expect(neither.details.first?.hasPrefix("第1行：表头缺少必填列：姓名、类别。") == true)
    }

    @Test func repeatedColumnIsRefused() {
        let result = F.validate(["姓名,类别,手机,联系电话", "王芳,领导,13800000001,13800000002"])
        #expect(F.messages(result) == ["第1行：表头中“手机”列出现了不止一次（“联系电话”），请只保留一列"])
    }

    @Test func headerToleratesSpacesMarksSynonymsAndATitleRow() throws {
        let result = F.validate([
            "2026年县政协委员名单,,,,",
            ",,,,",
            " 姓  名* ,人员类别（必填）,所属界别,单位,手机号码,序号",
            "王  芳,委员,农业界,县农科所,138 0000 0001,1",
        ])
        let rows = try #require(F.rows(result))
        #expect(rows == [PersonImportRow(line: 4, name: "王芳", kind: .member, sectorName: "农业界",
                                         unit: "县农科所", phone: "13800000001")])
    }

    @Test func duplicateDetection() {
        let result = F.validate([
            F.header,
            "王芳,女,领导,,,,县政府,副县长,,13800000001,,,",
            "王芳,女,领导,,,,县人大,副主任,,13800000001,,,",  // same name and phone
            "刘强,男,领导,,,,县政协,副主席,,,,,",
            "刘强,男,领导,,,,县政协,秘书长,,13800000009,,,",  // same name and unit
            "王芳,女,委员,农业界,,,县农科所,,,13800000002,,,",  // a namesake elsewhere: fine
            "张伟,男,领导,,,,县政府,,,,,,",
        ])
        #expect(F.messages(result) == [
            "第3行：与第2行重复：姓名“王芳”和手机“13800000001”都相同，同一人只能出现一次",
            "第5行：与第4行重复：姓名“刘强”和工作单位“县政协”都相同，同一人只能出现一次",
        ])
    }

    @Test func emptyRowsAreSkippedWithoutShiftingLineNumbers() throws {
        let result = F.validate([F.header, "", F.member("甲某"), ",,,,,,,,,,,,", "　", F.member("乙某", phone: "1380000000")])
        #expect(F.messages(result) == ["第6行：手机“1380000000”格式不对，应为11位手机号（如13800000000）或带区号的固定电话（如0737-7222222）"])
    }

    @Test func requiredAffiliationsFollowTheKind() {
        let result = F.validate([
            F.header,
            "甲某,,委员,,,,,,,,,,",
            "乙某,,部门负责人,,,,,,,,,,",
            "丙某,,委室负责人,,,,,,,,,,",
            "丁某,,专家学者,,,,,,,,,,",
        ])
        #expect(F.messages(result) == [
            "第2行：类别为委员时必须填写界别",
            "第3行：类别为部门负责人时必须填写部门",
            "第4行：类别为委室负责人时必须填写委室",
        ])
    }

    @Test func errorLinesFollowExcelRowsAfterAMultilineCell() {
        let text = F.header + "\n" + "甲某,男,领导,,,,县政府,,\"茶叶\n教育\",,,,\n" + "乙某,男,领导,,,,县政府,,,,,,x\n"
        let result = PersonImport.validate(data: Data(text.utf8), known: F.known)
        #expect(F.messages(result) == ["第3行：排序“x”应为0到999999之间的整数"])
    }

    @Test func shiftedColumnsAreReportedOnce() {
        let result = F.validate([F.header, "王芳,女,委员,农业界,,,县茶叶公司,销售,总经理,,,,,,13800000001"])
        #expect(F.messages(result) == ["第2行：本行有15列，比表头多；可能是某一格里有英文逗号却没有加英文双引号，请检查本行"])
    }

    @Test func unclosedQuoteIsALineError() {
        let result = F.validate([F.header, F.member(), "王芳,女,领导,,,,\"县政府,,,,,,"])
        #expect(F.messages(result).first?.hasPrefix("第3行：英文双引号没有配对") == true)
    }

    @Test func tabSeparatedUnicodeTextFromExcel() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "姓名\t类别\t界别\r\n王芳\t委员\t农业界\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let rows = try #require(F.rows(PersonImport.validate(data: Data(bytes), known: F.known)))
        #expect(rows.map(\.name) == ["王芳"])
    }
}
