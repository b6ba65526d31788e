/// The plan as it was issued (二.1): what the joint notice said on the day, however the plan
/// was adjusted since (二.2). Topics change after issuance only by an `Adjustment`, which
/// keeps the topic as it was, so undoing the adjustments, latest first, gives the issued plan.
extension AnnualPlan {
    /// nil before the plan is issued.
    public var asIssued: AnnualPlan? {
        guard state == .issued else { return nil }
        var plan = self
        for adjustment in adjustments.reversed() {
            if let i = plan.topics.firstIndex(where: { $0.id == adjustment.topicID }) { plan.topics[i] = adjustment.before }
        }
        plan.adjustments = []
        return plan
    }

    /// The day the plan was issued, from its steps.
    public var issuedOn: Day? { steps.first { $0.action == .issue }?.date }
}
