import Foundation
import Testing
@testable import XieshangCore

/// The 纪要 says who spoke and what was said; the clock times and durations stay in the
/// meeting's record (issue 20, item 5).
@Suite("Minutes text")
struct MinutesTextTests {
    static let draft = """
        2026年12月17日，县政协召开双月协商座谈会，围绕“推进安化黑茶全产业链高质量发展”开展协商。会议由李永安主持，在县政协三楼会议室举行。
        会议于9:00开始，11:05结束，历时2小时5分钟。

        一、有关部门通报情况
        姜茂林（安化县农业农村局）作题为《全县茶产业情况》的发言，9:02起，用时10分30秒（超时30秒）。主要内容：全县茶园面积36万亩。
        二、互动回应
        姜茂林（安化县农业农村局）发言，10:45起，用时3分20秒，回应了王淑贞提出的问题。主要内容：
        """

    @Test func minutesKeepWhoSpokeAndWhatWithoutClockTimes() {
        let minutes = MeetingRecord.minutesText(Self.draft)
        #expect(!minutes.contains("用时") && !minutes.contains("历时") && !minutes.contains("超时") && !minutes.contains("9:02起"))
        #expect(minutes.hasPrefix("2026年12月17日，县政协召开双月协商座谈会"))
        #expect(minutes.contains("姜茂林（安化县农业农村局）作题为《全县茶产业情况》的发言。主要内容：全县茶园面积36万亩。"))
        // An unfilled "主要内容：" is not printed.
        #expect(minutes.hasSuffix("姜茂林（安化县农业农村局）发言，回应了王淑贞提出的问题。"))
        #expect(minutes.contains("\n\n一、有关部门通报情况\n"))
    }

    @Test func linesEditedInABrowserEndInCRLF() {
        let minutes = MeetingRecord.minutesText(Self.draft.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(minutes == MeetingRecord.minutesText(Self.draft))
    }

    @Test func textWithoutTimingsIsUnchanged() {
        let edited = "会议认为，要做强龙头企业。\n二、下一步工作\n经济科技委负责跟踪落实。"
        #expect(MeetingRecord.minutesText(edited) == edited)
    }
}
