/// How the office scores participation in the symposia (委员履职积分). Whole points; a negative
/// value deducts. The office sets them; `standard` is a common starting point.
public struct PointsRules: Sendable, Equatable, Codable {
    /// For each symposium the member was invited to (usually 0: attending is what counts).
    public var perInvitation: Int
    /// For each symposium attended.
    public var perAttendance: Int
    /// For each symposium missed without having declined beforehand (known only where the
    /// office recorded who was present); usually 0 or negative.
    public var perUnexcusedAbsence: Int
    /// For each speech held.
    public var perSpeech: Int
    /// For each whole minute spoken at one symposium…
    public var perMinuteSpoken: Int
    /// …up to this many points per symposium; nil: no cap.
    public var maxMinutePointsPerSymposium: Int?
    /// For each booked-speech draft submitted to the lead committee (三(四).3).
    public var perDraft: Int

    public init(perInvitation: Int = 0, perAttendance: Int, perUnexcusedAbsence: Int = 0, perSpeech: Int,
                perMinuteSpoken: Int = 0, maxMinutePointsPerSymposium: Int? = nil, perDraft: Int) {
        self.perInvitation = perInvitation
        self.perAttendance = perAttendance
        self.perUnexcusedAbsence = perUnexcusedAbsence
        self.perSpeech = perSpeech
        self.perMinuteSpoken = perMinuteSpoken
        self.maxMinutePointsPerSymposium = maxMinutePointsPerSymposium
        self.perDraft = perDraft
    }

    /// Attending 2, speaking 2, 1 per minute up to 8 a symposium (a booked speech's limit),
    /// a submitted draft 3; no deduction.
    public static let standard = PointsRules(perInvitation: 0, perAttendance: 2, perUnexcusedAbsence: 0, perSpeech: 2,
                                             perMinuteSpoken: 1, maxMinutePointsPerSymposium: 8, perDraft: 3)

    public static let maxPoints = 100

    /// Every problem at once, in Chinese.
    public func problems() -> [String] {
        let range = -Self.maxPoints...Self.maxPoints
        var p: [String] = []
        for (value, what) in [(perInvitation, "每次受邀"), (perAttendance, "每次出席"), (perUnexcusedAbsence, "每次无故缺席"),
                              (perSpeech, "每次发言"), (perMinuteSpoken, "每分钟发言"), (perDraft, "每篇发言稿")]
        where !range.contains(value) {
            p.append("\(what)的分值须在\(range.lowerBound)到\(range.upperBound)之间。")
        }
        if let cap = maxMinutePointsPerSymposium, !(0...Self.maxPoints).contains(cap) {
            p.append("每次会议发言时长计分上限须在0到\(Self.maxPoints)之间。")
        }
        return p
    }

    public func validate() throws {
        let p = problems()
        guard p.isEmpty else { throw OutcomeError.invalid(p) }
    }
}
