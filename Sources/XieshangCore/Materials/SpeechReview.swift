import Foundation

/// The lead committee's review of a speech draft (三(四).3 "与会人员发言稿。由承办的委室负责把关，
/// 汇总后送办公室印发"): drafting → submitted → approved or returned with comments; a returned
/// draft is revised (a new version) and resubmitted; an approved draft is forwarded to the office.
/// A new version of a submitted, approved or forwarded draft sends it back to drafting, so that
/// what reaches the office is always the version that was approved.
public struct SpeechReview: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Codable, CaseIterable {
        case drafting, submitted, approved, returned, forwarded

        public var chineseName: String {
            switch self {
            case .drafting: "起草中"
            case .submitted: "已报委室把关"
            case .approved: "委室审核通过"
            case .returned: "退回修改"
            case .forwarded: "已送办公室印发"
            }
        }
    }

    public enum Action: String, Sendable, Codable, CaseIterable {
        case submit, approve, `return`, forward, revise

        public var chineseName: String {
            switch self {
            case .submit: "报送委室把关"
            case .approve: "审核通过"
            case .return: "退回修改"
            case .forward: "送办公室印发"
            case .revise: "修改稿件"
            }
        }

        /// The states the action may start from.
        public var from: Set<State> {
            switch self {
            case .submit: [.drafting, .returned]
            case .approve: [.submitted]
            case .return: [.submitted, .approved]
            case .forward: [.approved]
            case .revise: [.submitted, .approved, .forwarded]
            }
        }

        var to: State {
            switch self {
            case .submit: .submitted
            case .approve: .approved
            case .return: .returned
            case .forward: .forwarded
            case .revise: .drafting
            }
        }
    }

    public struct Step: Sendable, Equatable, Codable {
        public var action: Action
        /// The state after the step.
        public var state: State
        /// The material's version the step concerns (the one submitted, approved, returned, forwarded).
        public var version: Int?
        /// The return comments (required), or a remark.
        public var comments: String
        public var actor: String
        public var at: Date
    }

    public private(set) var state: State
    public private(set) var steps: [Step]

    public init() {
        state = .drafting
        steps = []
    }

    public var lastReturn: Step? { steps.last { $0.action == .return } }

    /// The comments of the last return while the draft is still returned.
    public var pendingComments: String? { state == .returned ? lastReturn?.comments : nil }

    /// The version forwarded to the office, while forwarded.
    public var forwardedVersion: Int? { state == .forwarded ? steps.last { $0.action == .forward }?.version : nil }

    /// Applies one step; `version` is the material's current version number (nil: nothing uploaded).
    /// A step out of order, a return without comments, a submission with nothing uploaded or a
    /// resubmission without a revised version is refused and nothing changes.
    public mutating func take(_ action: Action, version: Int?, comments: String = "", actor: String, at: Date) throws {
        guard action.from.contains(state) else { throw MaterialError.reviewStepOutOfOrder(state, action) }
        let comments = comments.trimmingCharacters(in: .whitespacesAndNewlines)
        guard comments.count <= MaterialLimits.maxCommentLength else {
            throw MaterialError.commentsTooLong(MaterialLimits.maxCommentLength)
        }
        switch action {
        case .submit:
            guard let version else { throw MaterialError.noDraftUploaded }
            if state == .returned, let returned = lastReturn?.version, version <= returned {
                throw MaterialError.notRevised
            }
        case .return:
            guard !comments.isEmpty else { throw MaterialError.returnNeedsComments }
        case .approve, .forward, .revise:
            break
        }
        state = action.to
        steps.append(Step(action: action, state: state, version: version, comments: comments, actor: actor, at: at))
    }
}
