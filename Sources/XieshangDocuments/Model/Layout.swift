import XieshangCore

/// Lengths on paper, in millimetres (GB/T 9704 states every distance in mm).
public typealias Millimetres = Double
/// Type sizes and line pitches, in points (1/72 inch), as Word and WPS show them.
public typealias Points = Double

/// Every number of the official document layout, so that a county whose printer or template
/// differs adjusts a value instead of the writer. `Layout.gbt9704` is the standard's values as
/// commonly reproduced (see DESIGN.md, "Official document layout").
public struct Layout: Sendable, Equatable {
    // MARK: Paper and type area (mm)
    public var pageWidth: Millimetres = 210
    public var pageHeight: Millimetres = 297
    /// 天头: from the top edge of the paper to the type area.
    public var marginTop: Millimetres = 37
    /// 订口: the binding side.
    public var marginLeft: Millimetres = 28
    public var typeAreaWidth: Millimetres = 156
    public var typeAreaHeight: Millimetres = 225

    // MARK: Body type (pt)
    public var bodyFontSize: Points = 16          // 3号
    public var titleFontSize: Points = 22         // 2号
    /// Tables may use a smaller size (4号 or 小四) so that columns fit.
    public var tableFontSize: Points = 14         // 4号
    public var tableLinePitch: Points = 22
    /// A fixed pitch, not "one line of 3号": 16 pt + 7/8 of it (30 pt) × 22 lines overflows
    /// 225 mm, which is why real templates use about 28.9 pt.
    public var linePitch: Points = 28.9
    public var linesPerPage = 22
    public var charactersPerLine = 28
    public var fonts = Fonts()
    /// Organ mark and the rules of the masthead (RGB hex, no `#`).
    public var red = "FF0000"

    // MARK: Masthead, document format 文件格式
    /// The largest size the organ mark may have; a longer name is set smaller to fit the type area.
    public var organMarkFontSize: Points = 42
    /// Each organ's name in a joint mark, stacked to the left of "文件".
    public var jointOrganFontSize: Points = 24
    /// From the top of the type area to the top edge of the organ mark.
    public var organMarkOffset: Millimetres = 35
    /// From the bottom of the document number to the red rule.
    public var documentRuleGap: Millimetres = 4
    public var documentRuleThickness: Millimetres = 0.53

    // MARK: Letter format 信函格式
    public var letterOrganMarkFontSize: Points = 36
    /// From the top edge of the paper to the top edge of the organ mark.
    public var letterOrganMarkTop: Millimetres = 30
    /// From the bottom of the organ mark to the upper double rule.
    public var letterRuleGap: Millimetres = 4
    public var letterRuleLength: Millimetres = 170
    /// From the bottom edge of the paper to the lower double rule.
    public var letterBottomRuleDistance: Millimetres = 20
    public var letterThickRule: Millimetres = 0.8
    public var letterThinRule: Millimetres = 0.25
    public var letterRuleSpacing: Millimetres = 0.7

    // MARK: Minutes format 纪要格式
    public var minutesMarkFontSize: Points = 36

    // MARK: Record 版记
    public var recordFontSize: Points = 14        // 4号
    public var recordOuterRule: Millimetres = 0.35
    public var recordInnerRule: Millimetres = 0.25

    // MARK: Page numbers
    public var pageNumberFontSize: Points = 14    // 4号
    /// From the bottom of the type area to the top of the page number.
    public var pageNumberGap: Millimetres = 7
    /// Odd pages right, even pages left, this many characters (of the page number's size) in.
    public var pageNumberInset: Double = 1

    // MARK: Personalised copies and seal
    public var headerDistance: Millimetres = 15
    public var recipientFontSize: Points = 9      // 小五
    public var recipientColor = "808080"
    /// A county-level organ's seal is 42 mm across.
    public var sealDiameter: Millimetres = 42

    public init() {}

    /// The standard's values.
    public static let gbt9704 = Layout()

    /// Font family names as written into the DOCX: what county PCs have installed. A renderer
    /// without them (LibreOffice on Linux) substitutes its own, e.g. Noto CJK.
    public struct Fonts: Sendable, Equatable {
        public var body = "仿宋_GB2312"
        public var title = "方正小标宋简体"
        public var heiti = "黑体"
        public var kaiti = "楷体_GB2312"
        /// Page numbers are set in half-width 宋体.
        public var pageNumber = "宋体"
        /// What a PC without a font has instead, in order: Windows' own 仿宋 and 楷体 for the
        /// _GB2312 faces, 华文中宋 (Office) or 宋体 for 方正小标宋简体, and their English names.
        public var alternates: [String: [String]] = [
            "仿宋_GB2312": ["仿宋", "FangSong"],
            "方正小标宋简体": ["华文中宋", "宋体", "STZhongsong", "SimSun"],
            "黑体": ["SimHei"],
            "楷体_GB2312": ["楷体", "KaiTi"],
            "宋体": ["SimSun"],
        ]
        public init() {}
    }
}

extension Layout {
    public var marginRight: Millimetres { pageWidth - marginLeft - typeAreaWidth }
    public var marginBottom: Millimetres { pageHeight - marginTop - typeAreaHeight }
    /// The width one character takes so that `charactersPerLine` fill the type area.
    public var characterPitch: Points { Units.points(mm: typeAreaWidth) / Double(charactersPerLine) }
    /// Tracking that sets body characters at most `characterPitch` apart, in whole twips
    /// (what `w:spacing` holds); zero when they fit as they are.
    var characterCondensing: Points { min(0, ((characterPitch - bodyFontSize) * 20).rounded(.down) / 20) }
    /// How far apart body characters actually are, after condensing: the unit of "two
    /// characters in" and "four characters from the right".
    var characterAdvance: Points { bodyFontSize + characterCondensing }

    /// Refuses a layout that cannot hold what the standard promises.
    func validate() throws {
        var problems: [String] = []
        if marginRight < 0 || marginBottom < 0 { problems.append("版心大于纸张") }
        if Double(linesPerPage) * linePitch > Units.points(mm: typeAreaHeight) + 0.01 {
            problems.append("\(linesPerPage)行×\(linePitch)磅超出版心高度\(typeAreaHeight)毫米")
        }
        if characterPitch < bodyFontSize * 0.9 { problems.append("每行\(charactersPerLine)字排不下") }
        if linePitch < bodyFontSize { problems.append("行距小于正文字号") }
        if !problems.isEmpty {
            throw Refusal(.invalid, code: "layout_does_not_fit", message: "版式参数无效：" + problems.joined(separator: "；"),
                          details: problems)
        }
    }
}

/// Conversions between the units of the standard (mm, pt) and those of WordprocessingML.
enum Units {
    static func points(mm: Millimetres) -> Points { mm / 25.4 * 72 }
    static func mm(points: Points) -> Millimetres { points / 72 * 25.4 }
    /// Twentieths of a point: page geometry, indents, spacing.
    static func twips(mm: Millimetres) -> Int { Int((mm / 25.4 * 1440).rounded()) }
    static func twips(_ pt: Points) -> Int { Int((pt * 20).rounded()) }
    /// Half-points: `w:sz`.
    static func halfPoints(_ pt: Points) -> Int { Int((pt * 2).rounded()) }
    /// Eighths of a point: border widths.
    static func eighths(mm: Millimetres) -> Int { Int((points(mm: mm) * 8).rounded()) }
    /// English Metric Units: DrawingML positions (36,000 per mm).
    static func emu(mm: Millimetres) -> Int { Int((mm * 36_000).rounded()) }
}
