import Testing
@testable import XieshangCore

/// Copies found on the web differ from the published text; the days must not.
@Suite struct HolidayNoticeVariantTests {
    private func expectSameDays(_ copy: String, as year: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let read = try HolidayNotice.parse(copy)
        let published = try NoticeFixtures.parsedNotice(year)
        #expect(read.year == year, sourceLocation: sourceLocation)
        #expect(read.days == published.days, sourceLocation: sourceLocation)
        #expect(read.warnings.isEmpty, "\(read.warnings.map(\.message))", sourceLocation: sourceLocation)
    }

    @Test func halfWidthPunctuationStillParses() throws {
        var text = try NoticeFixtures.notice(2019)
        for (full, half) in [("，", ","), ("：", ":"), ("（", "("), ("）", ")"), ("。", "."), ("；", ";")] {
            text = text.replacingOccurrences(of: full, with: half)
        }
        try expectSameDays(text, as: 2019)
    }

    @Test func traditionalCharactersStillParse() throws {
        let traditional = """
            國務院辦公廳關於2016年部分節假日安排的通知
            國辦發明電〔2015〕18號
            各省、自治區、直轄市人民政府，國務院各部委、各直屬機構：
            經國務院批准，現將2016年元旦、春節、清明節、勞動節、端午節、中秋節和國慶節放假調休日期的具體安排通知如下。
            一、元旦：1月1日放假，與週末連休。
            二、春節：2月7日至13日放假調休，共7天。2月6日（星期六）、2月14日（星期日）上班。
            三、清明節：4月4日放假，與週末連休。
            四、勞動節：5月1日放假，5月2日（星期一）補休。
            五、端午節：6月9日至11日放假調休，共3天。6月12日（星期日）上班。
            六、中秋節：9月15日至17日放假調休，共3天。9月18日（星期日）上班。
            七、國慶節：10月1日至7日放假調休，共7天。10月8日（星期六）、10月9日（星期日）上班。
            節假日期間，各地區、各部門要妥善安排好值班和安全、保衛等工作。
            國務院辦公廳
            2015年12月10日
            """
        try expectSameDays(traditional, as: 2016)
        let notice = try HolidayNotice.parse(traditional)
        #expect(notice.title == "国务院办公厅关于2016年部分节假日安排的通知")
        #expect(notice.items.map(\.heading) == ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"])
    }

    @Test func pinyinGlossesOfARepostAreDropped() throws {
        let glossed = try NoticeFixtures.notice(2020)
            .replacingOccurrences(of: "节", with: "節(jié)")
            .replacingOccurrences(of: "日（", with: "日(rì)（")
        try expectSameDays(glossed, as: 2020)
    }

    @Test func scraperGarbageBetweenWordsIsIgnored() throws {
        let noisy = try NoticeFixtures.notice(2015).split(separator: "\n").enumerated().map { i, line in
            i.isMultiple(of: 2) ? "\(line) o6|-=FcvC" : ";&?pd\"^<_Z \(line)"
        }.joined(separator: "\n")
        try expectSameDays(noisy, as: 2015)
    }

    @Test func extraCommasAndSpacesStillParse() throws {
        let sloppy = try NoticeFixtures.notice(2021)
            .replacingOccurrences(of: "、", with: ",、")
            .replacingOccurrences(of: "。", with: "，。")
            .replacingOccurrences(of: "月", with: " 月 ")
            .replacingOccurrences(of: "，共", with: "，，共")
        try expectSameDays(sloppy, as: 2021)
    }

    @Test func fullWidthDigitsStillParse() throws {
        var text = try NoticeFixtures.notice(2022)
        for (i, d) in "０１２３４５６７８９".enumerated() {
            text = text.replacingOccurrences(of: String(i), with: String(d))
        }
        try expectSameDays(text, as: 2022)
    }

    @Test func bodyWithoutTitleIsReadFromItsPreamble() throws {
        let body = try NoticeFixtures.notice(2018).split(separator: "\n").dropFirst(2).joined(separator: "\n")
        try expectSameDays(body, as: 2018)
    }

    @Test func itemsPastedAloneAreAYearsNoticeOfTheLatestYearTheyWrite() throws {
        let items = try NoticeFixtures.notice(2019).split(separator: "\n").filter { $0.first.map(ChineseNumeral.isNumeral) == true }
        #expect(items.count == 7)
        let read = try HolidayNotice.parse(items.joined(separator: "\n"))
        #expect(read.title == nil)
        #expect(read.kind == .annual)
        #expect(read.year == 2019)
        #expect(read.days == (try NoticeFixtures.parsedNotice(2019).days))
    }

    @Test func amendmentBodyWithoutItsTitleIsStillAnAmendment() throws {
        let body = try NoticeFixtures.amendment(2020).split(separator: "\n").dropFirst(2).joined(separator: "\n")
        let read = try HolidayNotice.parse(body)
        #expect(read.kind == .amendment)
        #expect(read.year == 2020)
        #expect(read.items.map(\.festivals) == [["春节"]])
    }

    @Test func newsAgencyDashListIsRead() throws {
        let dashed = """
            经国务院批准，现将2018年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
            ——元旦：1月1日放假，与周末连休。
            ——春节：2月15日至21日放假调休，共7天。2月11日（星期日）、2月24日（星期六）上班。
            ——清明节：4月5日至7日放假调休，共3天。4月8日（星期日）上班。
            ——劳动节：4月29日至5月1日放假调休，共3天。4月28日（星期六）上班。
            ——端午节：6月18日放假，与周末连休。
            ——中秋节：9月24日放假，与周末连休。
            ——国庆节：10月1日至7日放假调休，共7天。9月29日（星期六）、9月30日（星期日）上班。
            """
        try expectSameDays(dashed, as: 2018)
    }

    @Test func strayCommaBetweenDateAndItsVerbKeepsTheDate() throws {
        let text = try NoticeFixtures.notice(2017)
            .replacingOccurrences(of: "1月22日（星期日）、2月4日（星期六）上班", with: "1月22日（星期日），2月4日（星期六）上班")
            .replacingOccurrences(of: "5月1日放假", with: "5月1日，放假")
        try expectSameDays(text, as: 2017)
    }
}
