/// Copies of the notice found on the web are rarely the published text: reposts in
/// Traditional characters, half-width punctuation, pinyin glosses ("節(jié)"), spaces inside
/// dates ("1 月 1 日"), doubled commas ("一,、元旦"), anti-scraping garbage between paragraphs.
/// Normalising first lets one reader handle all of them.
extension HolidayNotice {
    /// The text as the published notice writes it: Simplified characters, full-width
    /// punctuation, ASCII digits, no spaces, one paragraph a line.
    static func normalise(_ text: String) -> [String] {
        let simplified = String(text.map { traditional[$0] ?? fullWidth[$0] ?? $0 })
        return simplified.split(whereSeparator: \.isNewline)
            .map { line in compactPunctuation(halfWidthPunctuation(dropGarbage(String(line)))) }
            .filter { !$0.isEmpty }
    }

    /// Chunks between spaces that hold no Chinese and some ASCII beyond digits and the
    /// punctuation of a date are scraper noise ("o6|-=FcvC", "n}J^6:1"), as are pinyin glosses.
    private static func dropGarbage(_ line: String) -> String {
        let withoutGlosses = removingGlosses(line)
        let chunks = withoutGlosses.split(whereSeparator: { $0.isWhitespace || $0 == "\u{3000}" || $0 == "\u{200B}" })
        return chunks.filter { chunk in
            chunk.contains(where: isCJK) || chunk.allSatisfy { $0.isASCII ? "0123456789,.:;()-~".contains($0) : true }
        }.joined()
    }

    /// "節(jié)" → "節": a parenthesised run of Latin letters (with tone marks) after a character.
    private static func removingGlosses(_ line: String) -> String {
        var out = ""
        var chars = Array(line)[...]
        while let c = chars.first {
            if c == "(" || c == "（", let close = chars.dropFirst().firstIndex(where: { $0 == ")" || $0 == "）" }) {
                let inside = chars[chars.index(after: chars.startIndex)..<close]
                if !inside.isEmpty, inside.allSatisfy(isPinyin) {
                    chars = chars[chars.index(after: close)...]
                    continue
                }
            }
            out.append(c)
            chars = chars.dropFirst()
        }
        return out
    }

    private static func isPinyin(_ c: Character) -> Bool {
        c.isLetter && (c.isASCII || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".contains(c))
    }

    static func isCJK(_ c: Character) -> Bool {
        c.unicodeScalars.contains { (0x3400...0x9FFF).contains($0.value) || (0xF900...0xFAFF).contains($0.value) }
    }

    /// ASCII punctuation becomes the full-width form the notices use. A full stop only after
    /// Chinese text or a bracket, so "1." stays a number.
    private static func halfWidthPunctuation(_ line: String) -> String {
        var out = ""
        var previous: Character?
        for c in line {
            switch c {
            case ",": out.append("，")
            case ";": out.append("；")
            case ":": out.append("：")
            case "(": out.append("（")
            case ")": out.append("）")
            case "[": out.append("〔")
            case "]": out.append("〕")
            case "~", "～", "—", "－": out.append("—")
            case ".":
                if let p = previous, isCJK(p) || p == "）" { out.append("。") } else { out.append(c) }
            default: out.append(c)
            }
            previous = c
        }
        return out
    }

    /// A run of punctuation keeps its strongest mark: "，、" → "、", "，。" → "。", "，，" → "，".
    private static func compactPunctuation(_ line: String) -> String {
        let strength: [Character: Int] = ["，": 1, "、": 2, "；": 3, "。": 4]
        var out: [Character] = []
        for c in line {
            if let s = strength[c], let last = out.last, let t = strength[last] {
                if s > t { out[out.count - 1] = c }
                continue
            }
            out.append(c)
        }
        return String(out)
    }

    /// Full-width digits and the rarer forms of brackets and marks.
    private static let fullWidth: [Character: Character] = {
        var map: [Character: Character] = ["［": "〔", "］": "〕", "｡": "。", "､": "、", "﹐": "，", "﹑": "、"]
        for (i, d) in "０１２３４５６７８９".enumerated() {
            map[d] = Character(String(i))
        }
        return map
    }()

    /// The Traditional characters of the notices and their usual reposts, and nothing more:
    /// only the words the reader looks for (节, 劳动, 国庆, 补休, 调休, 周, 于…) must come out right,
    /// the rest is shown back to the office as pasted.
    private static let traditional: [Character: Character] = {
        let pairs = """
            節节 勞劳 動动 國国 慶庆 補补 調调 週周 於于 與与 連连 務务 辦办 廳厅 關关 發发 電电 號号 農农 曆历
            歷历 臘腊 長长 開开 門门 區区 機机 構构 屬属 轄辖 級级 準准 將将 現现 體体 規规 報报 處处 確确 眾众
            衆众 過过 戰战 爭争 勝胜 紀纪 衛卫 護护 單单 會会 當当 為为 無无 時时 間间 個个 們们 對对 這这 樣样
            寫写 稱称 種种 點点 際际 華华 參参 廣广 擔担 從从 來来 後后 裡里 邊边 經经 濟济 職职 員员 資资 屆届
            條条 應应 據据 兒儿 園园 學学 課课 復复 帶带 勵励 製制 禮礼 幾几 歲岁 統统 萬万 傳传 養养 態态 團团
            絡络 鄉乡 縣县 鎮镇 書书 記记 議议 協协 況况 範范 圍围 責责 並并 僅仅 總总 權权 險险 災灾 緊紧 剛刚
            實实 遊游 運运 輸输 豐丰 產产 強强 綜综 穩稳 負负 擴扩 幣币 倫伦 擬拟 頒颁 佈布 採采 優优 間间 溝沟
            """
        var map: [Character: Character] = [:]
        for pair in pairs.split(whereSeparator: \.isWhitespace) {
            let c = Array(pair)
            precondition(c.count == 2, "traditional/simplified pairs are two characters")
            map[c[0]] = c[1]
        }
        return map
    }()
}
