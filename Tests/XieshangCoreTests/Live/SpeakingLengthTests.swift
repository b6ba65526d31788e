import Testing
@testable import XieshangCore

@Suite("Speaking lengths read in whole minutes first (三(三))")
struct SpeakingLengthTests {
    @Test("三(三) a length reads 7分钟, 7分20秒 or 45秒, rounded to the second")
    func lengthsRead() {
        #expect([0, 44.6, 60, 420, 440.4, 605, -3].map(SpeakingLength.text)
                == ["0秒", "45秒", "1分钟", "7分钟", "7分20秒", "10分5秒", "0秒"])
    }
}
