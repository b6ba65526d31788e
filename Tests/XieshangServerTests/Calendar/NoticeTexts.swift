import Foundation

/// Holiday notices for the server's tests, in the shape the State Council publishes them.
/// 2027 and its amendments are plausible, not published; 2026 is the published notice
/// (国办发明电〔2025〕7号; a state organ's document is outside copyright).
enum NoticeTexts {
    static let notice2027 = """
        国务院办公厅关于2027年部分节假日安排的通知
        国办发明电〔2026〕9号
        各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
        经国务院批准，现将2027年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
        一、元旦：1月1日（周五）至3日（周日）放假，共3天。
        二、春节：2月5日（农历除夕、周五）至13日（农历正月初八、周六）放假调休，共9天。2月20日（周六）上班。
        三、清明节：4月3日（周六）至5日（周一）放假，共3天。
        四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
        五、端午节：6月9日（周三）放假，共1天。
        六、中秋节：9月15日（周三）放假，共1天。
        七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
        鼓励单位和个人结合落实带薪年休假等制度，实际形成较长假期，推动错峰出行。节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。
        国务院办公厅
        2026年11月5日
        """

    /// Days off and 调休 working days of `notice2027`.
    static let daysOff2027 = 29
    static let workdays2027 = 5

    /// Extends 2027's 春节 from 2月13日 to 2月16日 (three days more, two of them working days).
    static let extension2027 = """
        国务院办公厅关于延长2027年春节假期的通知
        国办发明电〔2027〕1号
        各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
        经国务院批准，现将延长2027年春节假期的具体安排通知如下。
        一、延长2027年春节假期至2月16日（农历正月十一，星期二），2月17日（星期三）起正常上班。
        二、各地区、各部门要妥善安排好值班工作。
        国务院办公厅
        2027年2月8日
        """

    /// A second extension, one day further.
    static let furtherExtension2027 = extension2027
        .replacingOccurrences(of: "2月16日（农历正月十一，星期二），2月17日（星期三）", with: "2月17日（农历正月十二，星期三），2月18日（星期四）")
        .replacingOccurrences(of: "〔2027〕1号", with: "〔2027〕2号")

    /// 2027's notice whose 元旦 begins on 2026-12-31, with a working Sunday on 2026-12-27.
    static let notice2027FromDecember = notice2027.replacingOccurrences(
        of: "一、元旦：1月1日（周五）至3日（周日）放假，共3天。",
        with: "一、元旦：2026年12月31日（周四）至2027年1月3日（周日）放假调休，共4天。2026年12月27日（周日）上班。")

    /// A copy that lost a digit: "0月1日" does not exist.
    static let corrupted2027 = notice2027.replacingOccurrences(of: "10月1日（周五）至7日", with: "0月1日（周五）至7日")

    /// A weekday note that contradicts its date: the date wins, the office is told.
    static let wrongWeekday2027 = notice2027.replacingOccurrences(of: "6月9日（周三）", with: "6月9日（周四）")

    /// Half-width punctuation and traditional characters, as some reposts have them.
    static let halfWidthTraditional2027 = notice2027
        .replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
        .replacingOccurrences(of: "：", with: ":").replacingOccurrences(of: "，", with: ",")
        .replacingOccurrences(of: "春节", with: "春節").replacingOccurrences(of: "劳动节", with: "勞動節")
        .replacingOccurrences(of: "国庆节", with: "國慶節").replacingOccurrences(of: "国务院办公厅", with: "國務院辦公廳")
        .replacingOccurrences(of: "放假调休", with: "放假調休")

    static let notice2026 = """
        国务院办公厅关于2026年部分节假日安排的通知
        国办发明电〔2025〕7号
        各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
        经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
        一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
        二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
        三、清明节：4月4日（周六）至6日（周一）放假，共3天。
        四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
        五、端午节：6月19日（周五）至21日（周日）放假，共3天。
        六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
        七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
        国务院办公厅
        2025年11月4日
        """

    /// Not a holiday notice: no numbered item with a date.
    static let unreadable = "各地区、各部门要妥善安排好节日期间的值班和安全、保卫等工作。"
}
